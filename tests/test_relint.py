"""Re-linting a draft as the language server does, after each edit, with the same linter.

Paragraph readings and per-sentence findings are remembered by their text between lints
(attrlint/memo.py), so an edit recomputes only what it changed. What spans paragraphs (a
quotation carried on into the next paragraph, a speaker named before, a first mention, the
headline's claim) must still come out as a fresh lint of the final text would have it. The
draft below is written for this test; each step edits it and compares the two.
"""

from __future__ import annotations

import asyncio

import pytest
from lsprotocol import types

import attrlint.memo
from attrlint.engine.project import Workspace
from attrlint.lsp import Positions
from attrlint.model.source import from_string

HEADLINE = "Council claims budget gap will close by spring"

PARAGRAPHS = [
    "The city council said on Tuesday that a budget gap of $40 million would close by spring, "
    "though some experts say the figure is too hopeful.",
    "Treasurer Sam Okafor, who drafted the plan, told reporters the savings would come from "
    "“a leaner payroll and fewer consultants,” and he admitted that the plan had been rushed.",
    "Okafor said the council had “no intention of cutting a single library, not one, in any "
    "ward of this city.",
    "“We will keep every branch open, and we will find the money elsewhere,” he added.",
    "At least 300 jobs could go over two years. Critics argue the cuts will fall hardest on the poorest wards.",
    "Okafor’s office released a summary on Wednesday. It is believed that further cuts are coming.",
    "Later he said: “We have no intention of cutting a single library in any ward of the city at all.”",
    "“This is the hardest budget in a decade,” Okafor said, and the SFA agreed.",
]


def draft(headline: str, paragraphs: list[str], markdown: bool) -> str:
    return ("# " if markdown else "") + headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


def findings(workspace: Workspace, text: str, path: str) -> list[dict]:
    return [d.as_dict() for d in workspace.lint(from_string(text, path=path))]


def fresh(text: str, path: str, monkeypatch) -> list[dict]:
    """A lint by a new linter with every memo off: nothing remembered from any other text."""
    with monkeypatch.context() as m:
        m.setattr(attrlint.memo, "NO_MEMO", True)
        return findings(Workspace(isolated=True, use_cache=False), text, path)


def edits():
    """(what the step does, headline, paragraphs) after each edit, in order."""
    head, paras = HEADLINE, list(PARAGRAPHS)
    paras[0] = paras[0].replace("some experts say", "some analysts say")
    yield "edit a word in a paragraph", head, list(paras)
    paras.insert(2, "Many residents believe the council has known of the gap since 2021, sources said.")
    yield "add a paragraph", head, list(paras)
    del paras[5]  # "At least 300 jobs ..."
    yield "remove a paragraph", head, list(paras)
    paras[4] = paras[4].replace("“We will keep", "We will keep")
    yield "break the quotation carried on into the next paragraph", head, list(paras)
    paras[4] = "“" + paras[4]
    yield "carry the quotation on again", head, list(paras)
    paras[3] = paras[3].replace("in any ward of this city.", "in any ward of this city,” he said.")
    yield "close the quotation in its own paragraph", head, list(paras)
    del paras[1]  # the full name, "Treasurer Sam Okafor"
    yield "remove the first mention of a name", head, list(paras)
    head = "Council may close budget gap by spring"
    yield "edit the headline", head, list(paras)
    paras = [p + "  " if k % 2 else p for k, p in enumerate(paras)]
    yield "add white space after paragraphs", head, list(paras)


@pytest.mark.parametrize("path", ["draft.txt", "draft.md"])
def test_relint_after_edits_equals_a_fresh_lint(path, monkeypatch):
    markdown = path.endswith(".md")
    server = Workspace(isolated=True, use_cache=False)
    text = draft(HEADLINE, PARAGRAPHS, markdown)
    assert findings(server, text, path) == fresh(text, path, monkeypatch)
    seen = set()
    for step, head, paras in edits():
        text = draft(head, paras, markdown)
        got = findings(server, text, path)
        assert got == fresh(text, path, monkeypatch), step
        seen.update(d["rule"] for d in got)
    # The draft exercises the rules whose state crosses paragraphs.
    assert {"vague-source", "unattributed-number", "loaded-verb", "source-first-reference", "quote-unbalanced"} <= seen


def test_remembered_sentences_read_as_a_fresh_article(monkeypatch):
    """A remembered paragraph fills in its sentences' words without quotations
    (Sentence.unquoted): the same as reading them from the article's quotations."""
    from attrlint.model.article import unquoted

    linter = Workspace(isolated=True, use_cache=False).linter_for("draft.txt")
    text = draft(HEADLINE, PARAGRAPHS, markdown=False)
    linter.article(from_string(text, path="draft.txt"))  # remembered
    article = linter.article(from_string(text, path="draft.txt"))
    for sent in article.sentences:
        assert sent.__dict__["unquoted"] == unquoted(article.text, sent.start, sent.end, sent.quotations)


@pytest.mark.slow
def test_language_server_after_edits_equals_a_fresh_lint(tmp_path, monkeypatch):
    """The same edits sent to `attrlint lsp` as whole-document changes: what it publishes for
    each version is a fresh lint of that version's text."""
    from test_lsp import Editor, span

    path = str(tmp_path / "draft.txt")

    def expected(text: str) -> list[tuple]:
        source = from_string(text, path=path)
        positions = Positions(source, text, types.PositionEncodingKind.Utf16)
        with monkeypatch.context() as m:
            m.setattr(attrlint.memo, "NO_MEMO", True)
            found = Workspace(isolated=True, use_cache=False).lint(source)
        out = []
        for d in found:
            r = positions.range(d.line, d.column, d.end_line, d.end_column)
            out.append((d.rule, (r.start.line, r.start.character, r.end.line, r.end.character), d.message))
        return out

    async def session():
        async with Editor(tmp_path, options={"debounce": 0}) as ed:
            text = draft(HEADLINE, PARAGRAPHS, markdown=False)
            uri = ed.open("draft.txt", text)
            got = await ed.diagnostics(uri, 1)
            assert [(d.code, span(d), d.message) for d in got] == expected(text)
            for step, head, paras in edits():
                text = draft(head, paras, markdown=False)
                version = ed.change(uri, text)
                got = await ed.diagnostics(uri, version)
                assert [(d.code, span(d), d.message) for d in got] == expected(text), step
            await ed.shutdown()

    asyncio.run(session())
