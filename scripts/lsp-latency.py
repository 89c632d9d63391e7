#!/usr/bin/env python3
"""Latency of `libre lsp`'s diagnostics: the time from a `didChange` of a 2 KB email to its
`publishDiagnostics`, less the debounce. Drives the server over stdio with no dependencies.

    scripts/lsp-latency.py [--libre .build/release/libre] [--changes 200] [--debounce-ms 100]
"""

import argparse
import json
import pathlib
import statistics
import subprocess
import time


def rss_kib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def send(process, message):
    body = json.dumps(message).encode()
    process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    process.stdin.flush()


def receive(process):
    length = None
    while True:
        line = process.stdout.readline()
        if line in (b"\r\n", b""):
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(process.stdout.read(length))


def wait_for_diagnostics(process, version):
    while True:
        message = receive(process)
        if message.get("method") == "textDocument/publishDiagnostics" and message["params"].get("version") == version:
            return message


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--libre", default=".build/release/libre")
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--debounce-ms", type=int, default=100)
    arguments = parser.parse_args()
    parts = [pathlib.Path(p).read_text(encoding="utf-8") for p in ("corpora/en/cold-pushy.txt", "corpora/en/followup-pushy.txt", "corpora/en/cold-respectful.txt")]
    email = "\n\n".join(parts)
    while len(email.encode()) < 2048:
        email += "\n\n" + parts[0]
    email = email.encode()[:2048].decode(errors="ignore")
    process = subprocess.Popen([arguments.libre, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    send(process, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                   "params": {"capabilities": {}, "initializationOptions": {"debounceMs": arguments.debounce_ms}}})
    receive(process)
    send(process, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
    uri = "untitled:latency.txt"
    send(process, {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": email}}})
    wait_for_diagnostics(process, 1)
    latencies = []
    rss_early = None
    for version in range(2, arguments.changes + 2):
        if version == 2 + arguments.changes // 10:
            rss_early = rss_kib(process.pid)
        start = time.perf_counter()
        send(process, {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version},
            # Type one character, then delete it: the email stays 2 KB however long the run.
            "contentChanges": [{"range": {"start": {"line": 0, "character": 0},
                                          "end": {"line": 0, "character": version % 2}},
                                "text": "" if version % 2 else "x"}]}})
        wait_for_diagnostics(process, version)
        latencies.append((time.perf_counter() - start) * 1000 - arguments.debounce_ms)
    rss = rss_kib(process.pid)
    rss = rss_kib(process.pid)
    send(process, {"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    receive(process)
    send(process, {"jsonrpc": "2.0", "method": "exit"})
    process.wait(timeout=10)
    latencies.sort()
    print(f"{len(email.encode())}-byte email, {len(latencies)} changes, debounce {arguments.debounce_ms} ms: "
          f"after the debounce median {statistics.median(latencies):.2f} ms, "
          f"p99 {latencies[int(len(latencies) * 0.99) - 1]:.2f} ms, max {latencies[-1]:.2f} ms; "
          f"server RSS {rss_early / 1024:.1f} MiB after a tenth of the changes, {rss / 1024:.1f} MiB after all")


if __name__ == "__main__":
    main()
