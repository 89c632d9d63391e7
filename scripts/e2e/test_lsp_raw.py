"""`libre lsp` on a byte stream no client would send: malformed JSON, a message without
Content-Length, an oversize message, a request before initialize. Each gets an error
reply or a log message, and the server goes on."""

import json
import subprocess

from conftest import libre_binary


def frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def message(value) -> bytes:
    return frame(json.dumps(value).encode())


def read_messages(data: bytes):
    messages = []
    while data:
        head, _, rest = data.partition(b"\r\n\r\n")
        length = int(head.split(b":")[1])
        messages.append(json.loads(rest[:length]))
        data = rest[length:]
    return messages


def test_malformed_and_oversize_messages_never_crash_the_server():
    stream = b"".join(
        [
            message({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {}}),
            message({"jsonrpc": "2.0", "id": 2, "method": "initialize", "params": {"capabilities": {}}}),
            frame(b"{not json"),
            frame(b"[1, 2, 3]"),
            b"X-Nothing: here\r\n\r\n",
            b"Content-Length: 99999999999\r\n\r\n" + b"x" * 1000,
        ]
    )
    process = subprocess.run(
        [libre_binary(), "lsp"], input=stream, capture_output=True, timeout=30
    )
    replies = read_messages(process.stdout)
    by_id = {r.get("id"): r for r in replies if "id" in r}
    assert by_id[1]["error"]["code"] == -32002
    assert "capabilities" in by_id[2]["result"]
    errors = [r["error"]["code"] for r in replies if "error" in r]
    assert -32700 in errors and -32600 in errors
    logs = [r["params"]["message"] for r in replies if r.get("method") == "window/logMessage"]
    assert any("Content-Length" in log for log in logs)
    assert any("skipped" in log for log in logs)
    # Input ended without shutdown and exit: exit code 1, no crash.
    assert process.returncode == 1, process.stderr


def test_shutdown_then_exit_exits_zero():
    stream = b"".join(
        [
            message({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
            message({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
            message({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}),
            message({"jsonrpc": "2.0", "method": "exit"}),
        ]
    )
    process = subprocess.run([libre_binary(), "lsp"], input=stream, capture_output=True, timeout=30)
    assert process.returncode == 0
    assert {"jsonrpc": "2.0", "id": 2, "result": None} in read_messages(process.stdout)
