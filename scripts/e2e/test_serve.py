"""`libre serve` driven by real clients: language_tool_python (LanguageTool's Python client)
on accented French and emoji, curl for the limits, raw sockets for slow and partial requests,
and signals."""

import json
import re
import shutil
import signal
import socket
import subprocess
import threading
import time

import pytest

from conftest import libre_binary

FRENCH = "Bonjour Amélie 😀, répondez avant vendredi sinon l'offre expire. Vous êtes libre de refuser."
ENGLISH = "Hi Sam 👋 — naïve question: reply by Friday or the offer expires. No pressure, it's your call."


class Server:
    """A `libre serve` on a free loopback port, stopped at the end."""

    def __init__(self, *flags):
        self.process = subprocess.Popen(
            [libre_binary(), "serve", "--port", "0", *flags],
            stderr=subprocess.PIPE,
            text=True,
        )
        self.stderr_lines = []
        while True:
            line = self.process.stderr.readline()
            if not line:
                raise RuntimeError("libre serve exited: " + "".join(self.stderr_lines))
            self.stderr_lines.append(line)
            found = re.search(r"listening on http://(\S+?):(\d+)/", line)
            if found:
                self.host, self.port = found.group(1), int(found.group(2))
                break
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=20)
        finally:
            self.stderr_lines.extend(self.process.stderr.readlines())


@pytest.fixture
def server():
    running = Server("--request-timeout", "2", "--idle-timeout", "2", "--max-connections", "8")
    yield running
    assert running.stop() == 0


def curl(*arguments):
    """curl's status code and body."""
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    result = subprocess.run(
        ["curl", "-s", "-o", "-", "-w", "\n%{http_code}", *arguments], capture_output=True, timeout=30
    )
    body, _, status = result.stdout.rpartition(b"\n")
    return int(status), body


def raw(port, data: bytes, read=True, timeout=10.0):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(data)
        if not read:
            return b""
        chunks = []
        while True:
            chunk = connection.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


def test_language_tool_python_offsets_are_right_on_accents_and_emoji(server):
    language_tool_python = pytest.importorskip("language_tool_python")
    with language_tool_python.LanguageTool("fr", remote_server=server.url) as tool:
        matches = tool.check(FRENCH)
    assert matches, "Libre finds the deadline"
    deadline = [m for m in matches if m.rule_id == "pressure.urgency.deadline"]
    assert deadline
    match = deadline[0]
    assert FRENCH[match.offset : match.offset + match.error_length] == "répondez avant vendredi"
    assert match.category == "URGENCY"
    with language_tool_python.LanguageTool("en-US", remote_server=server.url) as tool:
        matches = tool.check(ENGLISH)
    spans = [ENGLISH[m.offset : m.offset + m.error_length] for m in matches]
    assert any("Friday" in span for span in spans), spans


def test_v2_check_with_curl_and_annotated_data(server):
    status, body = curl("--data-urlencode", f"text={FRENCH}", "--data", "language=auto", server.url + "/v2/check")
    assert status == 200
    answer = json.loads(body)
    assert answer["language"]["detectedLanguage"]["code"] == "fr"
    assert isinstance(answer["libre"]["score"], int)
    data = {
        "annotation": [
            {"markup": "<p>"},
            {"text": "Bonjour 😀 Amélie, "},
            {"markup": "<b>"},
            {"text": "répondez avant vendredi"},
            {"markup": "</b>", "interpretAs": ""},
            {"text": " sinon l'offre expire."},
        ]
    }
    status, body = curl("--data-urlencode", "data=" + json.dumps(data), "--data", "language=fr", server.url + "/v2/check")
    assert status == 200
    whole = "<p>Bonjour 😀 Amélie, <b>répondez avant vendredi</b> sinon l'offre expire."
    units = whole.encode("utf-16-le")
    spans = [units[m["offset"] * 2 : (m["offset"] + m["length"]) * 2].decode("utf-16-le") for m in json.loads(body)["matches"]]
    assert "répondez avant vendredi" in spans, spans


def test_languages_healthz_page_and_lint(server):
    status, body = curl(server.url + "/v2/languages")
    assert status == 200 and {"name": "French", "code": "fr", "longCode": "fr"} in json.loads(body)
    status, body = curl(server.url + "/healthz")
    assert status == 200 and json.loads(body) == {"status": "ok"}
    status, body = curl(server.url + "/")
    assert status == 200 and b"<textarea" in body
    assert not re.search(rb"(src|href)=\"https?:", body), "the page loads nothing from elsewhere"
    status, body = curl("--data-binary", "Reply by Friday or the offer expires.", server.url + "/api/lint?name=mail.txt")
    assert status == 200
    report = json.loads(body)
    assert report["documents"][0]["findings"]
    status, body = curl(server.url + "/nope")
    assert status == 404 and "error" in json.loads(body)
    status, body = curl("-X", "DELETE", server.url + "/v2/check")
    assert status == 405


def test_body_over_the_limit_is_413_json(server):
    big = "a" * (1 << 20)
    result = subprocess.run(
        ["curl", "-s", "-o", "-", "-w", "\n%{http_code}", "--data-binary", "@-", server.url + "/v2/check"],
        input=("text=" + big).encode(), capture_output=True, timeout=30,
    )
    body, _, status = result.stdout.rpartition(b"\n")
    assert int(status) == 413
    assert "exceeds" in json.loads(body)["error"]["message"]


def test_headers_over_the_limit_are_431(server):
    status, body = curl("-H", "X-Big: " + "b" * 20000, server.url + "/healthz")
    assert status == 431 and json.loads(body)["error"]["status"] == 431


def test_invalid_utf8_and_bad_form_encoding_are_400(server):
    status, body = curl("--data", "text=caf%E9", server.url + "/v2/check")
    assert status == 400 and "UTF-8" in json.loads(body)["error"]["message"]
    status, body = curl("--data", "text=100%&language=fr", server.url + "/v2/check")
    assert status == 400 and "%" in json.loads(body)["error"]["message"]
    status, body = curl("--data", "language=fr", server.url + "/v2/check")
    assert status == 400


def test_chunked_body_is_read(server):
    status, body = curl("-H", "Transfer-Encoding: chunked", "--data-urlencode", "text=Reply by Friday or the offer expires.", server.url + "/v2/check")
    assert status == 200, body
    assert json.loads(body)["matches"]


def test_slow_request_times_out_without_holding_the_server(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as slow:
        slow.sendall(b"POST /v2/check HTTP/1.1\r\nHost: x\r\n")
        # Meanwhile another client is served.
        status, _ = curl(server.url + "/healthz")
        assert status == 200
        started = time.monotonic()
        for _ in range(10):
            try:
                slow.sendall(b"X-Drip: 1\r\n")
            except OSError:
                break
            time.sleep(0.5)
        answer = slow.recv(65536)
        assert b" 408 " in answer.split(b"\r\n")[0]
        assert time.monotonic() - started < 6


def test_connections_over_the_limit_get_503():
    running = Server("--max-connections", "2", "--idle-timeout", "5")
    try:
        held = [socket.create_connection(("127.0.0.1", running.port)) for _ in range(2)]
        time.sleep(0.3)
        answer = raw(running.port, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        assert b" 503 " in answer.split(b"\r\n")[0]
        for connection in held:
            connection.close()
        time.sleep(0.5)
        answer = raw(running.port, b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert b" 200 " in answer.split(b"\r\n")[0]
    finally:
        assert running.stop() == 0


def test_sigterm_finishes_the_request_in_flight():
    running = Server()
    body = b"text=Reply+by+Friday+or+the+offer+expires."
    with socket.create_connection(("127.0.0.1", running.port), timeout=10) as connection:
        connection.sendall(b"POST /v2/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n" % len(body))
        time.sleep(0.3)
        running.process.send_signal(signal.SIGTERM)
        time.sleep(0.3)
        connection.sendall(body)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    assert b" 200 " in answer.split(b"\r\n")[0]
    assert b"pressure.urgency" in answer
    assert running.stop() == 0
    assert any("stopped" in line for line in running.stderr_lines)


def test_non_loopback_host_prints_a_warning():
    running = Server("--host", "0.0.0.0")
    try:
        assert any("warning" in line and "0.0.0.0" in line for line in running.stderr_lines)
    finally:
        assert running.stop() == 0
