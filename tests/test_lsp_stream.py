"""The language server's input stream (issue 15): a malformed or oversized message is dropped
and the next good one is answered; an out-of-range position still gets an answer."""

from __future__ import annotations

import io
import json
import os
import select
import subprocess
import sys
import textwrap
import time

from attrlint import lsp


def _frame(obj) -> bytes:
    body = json.dumps(obj).encode()
    return f"Content-Length: {len(body)}\r\n\r\n".encode() + body


def _messages(raw: bytes, **kw) -> tuple[list, list[str]]:
    said: list[str] = []
    stream = lsp.FramedStdin(io.BytesIO(raw), log_line=said.append)
    out = []
    while True:
        header = stream.readline()
        if not header:
            return out, said
        assert header.startswith(b"Content-Length: ") and stream.readline() == b"\r\n"
        out.append(json.loads(stream.read(int(header.split(b":")[1]))))


def test_a_bad_or_missing_length_is_dropped_and_the_stream_resynchronises():
    good = {"jsonrpc": "2.0", "id": 2, "method": "shutdown"}
    raw = (b"Content-Length: abc\r\n\r\n" + json.dumps({"id": 1}).encode()
           + b"X-Other: 1\r\n\r\n{\"id\": 7}" + _frame(good) + _frame({"id": 3}))
    got, said = _messages(raw)
    assert got == [good, {"id": 3}]
    assert len(said) == 1 and "no valid Content-Length" in said[0]


def test_a_huge_length_is_refused_without_reading_it():
    raw = b"Content-Length: 99999999999\r\n\r\n{}" + _frame({"id": 4})
    got, said = _messages(raw)
    assert got == [{"id": 4}] and "over the limit" in said[0]


def test_garbage_with_no_header_end_is_bounded():
    raw = b"x" * (lsp.MAX_HEADER_BYTES * 3) + _frame({"id": 5})
    got, said = _messages(raw)
    assert got == [{"id": 5}] and said


def test_a_body_split_across_reads_is_put_back_together():
    class Trickle(io.BytesIO):
        def read1(self, n=-1):
            return super().read1(3)
    stream = lsp.FramedStdin(Trickle(_frame({"id": 6, "text": "é" * 50})))
    header = stream.readline()
    stream.readline()
    assert json.loads(stream.read(int(header.split(b":")[1])))["id"] == 6


def test_positions_out_of_range_are_clamped():
    body = json.dumps({"range": {"start": {"line": -1, "character": -5},
                                 "end": {"line": 2, "character": 2**31}}, "text": "line -1"}).encode()
    fixed = json.loads(lsp._clamp_positions(body))
    assert fixed["range"] == {"start": {"line": 0, "character": 0}, "end": {"line": 2, "character": 2**31 - 1}}
    plain = _frame({"a": 1})[-8:]
    assert lsp._clamp_positions(plain) is plain


class _Server:
    """`attrlint lsp` in a child process, driven with raw bytes."""

    def __init__(self, cwd) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "attrlint", "lsp"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
        self.buf = b""

    def send(self, data: bytes) -> None:
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def messages(self) -> list[dict]:
        out = []
        for part in self.buf.split(b"\r\n\r\n")[1:]:
            try:
                out.append(json.loads(part.split(b"Content-Length")[0]))
            except ValueError:
                continue
        return out

    def wait_for(self, test, timeout: float = 20) -> dict:
        end = time.time() + timeout
        while time.time() < end:
            for msg in self.messages():
                if test(msg):
                    return msg
            if select.select([self.proc.stdout], [], [], 0.05)[0]:
                self.buf += os.read(self.proc.stdout.fileno(), 65536)
        raise AssertionError("no such message from the server")

    def answer(self, request_id: int, timeout: float = 20) -> dict:
        return self.wait_for(lambda m: m.get("id") == request_id, timeout)

    def start(self) -> None:
        self.send(_frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}))
        assert "result" in self.answer(1)
        self.send(_frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))

    def open(self, uri: str, text: str) -> None:
        self.send(_frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "plaintext", "version": 1, "text": text}}}))

    def close(self) -> None:
        try:
            self.send(_frame({"jsonrpc": "2.0", "id": 999, "method": "shutdown"}))
            self.send(_frame({"jsonrpc": "2.0", "method": "exit"}))
            self.proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            pass
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
            self.proc.wait()
            for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                f.close()


def _code_action(request_id: int, uri: str, rng: dict) -> bytes:
    return _frame({"jsonrpc": "2.0", "id": request_id, "method": "textDocument/codeAction",
                   "params": {"textDocument": {"uri": uri}, "range": rng, "context": {"diagnostics": []}}})


def test_the_server_answers_after_hostile_input(tmp_path):
    uri = (tmp_path / "x.txt").as_uri()
    server = _Server(tmp_path)
    try:
        server.start()
        server.send(b"Content-Length: abc\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 50, \"method\": \"shutdown\"}")
        server.send(b"X-Nothing: here\r\n\r\n{}")
        server.send(b"Content-Length: 99999999999999\r\n\r\n{}")
        server.open(uri, "Head\n\nAt least 43 people died.\n")
        for request_id, rng in ((2, {"start": {"line": -1, "character": -5}, "end": {"line": 0, "character": 2**31}}),
                                (3, {"start": {"line": 2, "character": 9}, "end": {"line": 2, "character": 11}})):
            server.send(_code_action(request_id, uri, rng))
            assert "result" in server.answer(request_id)
        assert not any(m.get("id") == 50 for m in server.messages())
    finally:
        server.close()


def test_linting_runs_off_the_request_loop(tmp_path):
    # A rule whose pattern backtracks for seconds on this draft: while it runs, a request that
    # needs no lint is still answered at once.
    (tmp_path / "slow.yaml").write_text(textwrap.dedent("""\
        rules:
          - id: slow-rule
            kind: existence
            message: "{match}"
            description: d
            patterns: ['(a|aa)+$']
        """), encoding="utf-8")
    (tmp_path / ".attrlint.yaml").write_text("rules: [slow.yaml]\n", encoding="utf-8")
    uri = (tmp_path / "slow.txt").as_uri()
    server = _Server(tmp_path)
    try:
        server.start()
        server.open(uri, "Head\n\n" + "a" * 40 + "!\n")
        time.sleep(0.5)  # the lint has started
        started = time.time()
        other = (tmp_path / "not-open.txt").as_uri()
        server.send(_code_action(2, other, {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}))
        assert server.answer(2)["result"] == []
        assert time.time() - started < 2.5
        published = server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics", timeout=30)
        assert published["params"]["uri"] == uri
    finally:
        server.close()
