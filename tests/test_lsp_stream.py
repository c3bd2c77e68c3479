"""The language server's input stream (issue 15): a malformed or oversized message is dropped
and the next good one is answered; an out-of-range position still gets an answer."""

from __future__ import annotations

import io
import json
import os
import select
import subprocess
import sys
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


def test_the_server_answers_after_hostile_input(tmp_path):
    draft = tmp_path / "x.txt"
    uri = draft.as_uri()
    proc = subprocess.Popen([sys.executable, "-m", "attrlint", "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=tmp_path)
    try:
        def send(data: bytes) -> None:
            proc.stdin.write(data)
            proc.stdin.flush()

        def answer(request_id: int, timeout: float = 20) -> dict:
            buf, end = b"", time.time() + timeout
            while time.time() < end:
                if select.select([proc.stdout], [], [], 0.2)[0]:
                    buf += os.read(proc.stdout.fileno(), 65536)
                for part in buf.split(b"\r\n\r\n")[1:]:
                    try:
                        msg = json.loads(part.split(b"Content-Length")[0])
                    except ValueError:
                        continue
                    if msg.get("id") == request_id:
                        return msg
            raise AssertionError(f"no answer to request {request_id}")

        send(_frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}))
        assert "result" in answer(1)
        send(_frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
        send(b"Content-Length: abc\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 50, \"method\": \"shutdown\"}")
        send(b"X-Nothing: here\r\n\r\n{}")
        send(b"Content-Length: 99999999999999\r\n\r\n{}")
        send(_frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "plaintext", "version": 1, "text": "Head\n\nAt least 43 people died.\n"}}}))
        for request_id, rng in ((2, {"start": {"line": -1, "character": -5}, "end": {"line": 0, "character": 2**31}}),
                                (3, {"start": {"line": 2, "character": 9}, "end": {"line": 2, "character": 11}})):
            send(_frame({"jsonrpc": "2.0", "id": request_id, "method": "textDocument/codeAction",
                         "params": {"textDocument": {"uri": uri}, "range": rng, "context": {"diagnostics": []}}}))
            assert "result" in answer(request_id)
        send(_frame({"jsonrpc": "2.0", "id": 4, "method": "shutdown"}))
        assert "result" in answer(4)
        send(_frame({"jsonrpc": "2.0", "method": "exit"}))
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        proc.stdin.close()
        proc.stdout.close()
        proc.stderr.close()
