"""Fuzz target: bytes -> a draft (plain text, Markdown) -> the article model and every rule.

Run: python fuzz/fuzz_article.py fuzz/corpus/article -max_total_time=60
Invariants: reading never raises anything but InputError; every finding lies inside the file.
"""

import sys

import atheris

with atheris.instrument_imports():
    from attrlint.errors import InputError
    from attrlint.engine.lint import Linter
    from attrlint.model.source import Source, decode, normalise

LINTER = Linter.create()
FORMATS = ("draft.txt", "draft.md", "draft.html")


def TestOneInput(data: bytes) -> None:
    if not data:
        return
    path = FORMATS[data[0] % len(FORMATS)]
    try:
        text = decode(data[1:], path)
    except InputError:
        return
    except Exception as exc:  # an encoding fallback note travels as an exception inside decode
        if type(exc).__name__ != "_Fallback":
            raise
        text = exc.text
    source = Source(path=path, text=normalise(text))
    for d in LINTER.lint(source):
        assert 0 <= d.start <= d.end <= len(source.text), d
        assert source.position(d.start) == (d.line, d.column), d


if __name__ == "__main__":
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()
