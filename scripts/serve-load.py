#!/usr/bin/env python3
"""Load test of `libre serve` on loopback: latency (p50, p99) and requests per second for one
email through POST /v2/check at several concurrencies (keep-alive connections), then the
server's resident memory before and after a long run.

    scripts/serve-load.py [--libre .build/release/libre] [--email corpora/en/cold-pushy.txt]
                          [--seconds 10] [--concurrency 1,8,64] [--memory-requests 100000]
"""

import argparse
import asyncio
import pathlib
import re
import statistics
import subprocess
import time
import urllib.parse


def rss_kib(pid: int) -> int:
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


async def connection(port, request, deadline, latencies, count_limit=None, counter=None):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < deadline:
            if counter is not None:
                if counter[0] >= count_limit:
                    break
                counter[0] += 1
            start = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            if not head.startswith(b"HTTP/1.1 200"):
                raise RuntimeError(head.decode(errors="replace"))
            length = int(re.search(rb"Content-Length: (\d+)", head).group(1))
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - start)
    finally:
        writer.close()


async def run(port, request, concurrency, seconds=None, requests=None):
    latencies = []
    deadline = time.perf_counter() + (seconds if seconds else 3600)
    counter = [0] if requests else None
    started = time.perf_counter()
    await asyncio.gather(
        *(connection(port, request, deadline, latencies, requests, counter) for _ in range(concurrency))
    )
    elapsed = time.perf_counter() - started
    return latencies, elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--libre", default=".build/release/libre")
    parser.add_argument("--email", default="corpora/en/cold-pushy.txt")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", default="1,8,64")
    parser.add_argument("--memory-requests", type=int, default=100_000)
    arguments = parser.parse_args()

    email = pathlib.Path(arguments.email).read_text(encoding="utf-8")
    body = urllib.parse.urlencode({"text": email, "language": "auto"}).encode()
    request = (
        b"POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: %d\r\n\r\n" % len(body)
    ) + body
    server = subprocess.Popen(
        [arguments.libre, "serve", "--port", "0", "--max-connections", "128"],
        stderr=subprocess.PIPE, text=True,
    )
    try:
        port = int(re.search(r":(\d+)/", server.stderr.readline()).group(1))
        print(f"email: {arguments.email} ({len(email.encode())} bytes); server pid {server.pid}")
        asyncio.run(run(port, request, 4, seconds=1))  # warm up
        print("| connections | requests | p50 | p99 | requests/s |")
        print("|---|---|---|---|---|")
        for concurrency in [int(c) for c in arguments.concurrency.split(",")]:
            latencies, elapsed = asyncio.run(run(port, request, concurrency, seconds=arguments.seconds))
            latencies.sort()
            p50 = statistics.median(latencies) * 1000
            p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
            print(f"| {concurrency} | {len(latencies):,} | {p50:.2f} ms | {p99:.2f} ms | {len(latencies) / elapsed:,.0f} |")
        if arguments.memory_requests:
            before = rss_kib(server.pid)
            half = arguments.memory_requests // 2
            asyncio.run(run(port, request, 8, requests=half))
            middle = rss_kib(server.pid)
            asyncio.run(run(port, request, 8, requests=arguments.memory_requests - half))
            after = rss_kib(server.pid)
            print(
                f"RSS: {before / 1024:.1f} MiB after the runs above, {middle / 1024:.1f} MiB after "
                f"{half:,} more requests, {after / 1024:.1f} MiB after {arguments.memory_requests:,}"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
