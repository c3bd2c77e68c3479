"""`--format html`: the desk editor's page. The page is checked twice: as written (escaping,
exact copy, nesting of overlapping findings, summary counts, index order, nothing external)
and as a real browser renders it (headless chromium: the DOM after its script ran, and a
screenshot)."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from attrlint.diagnostic import Diagnostic
from attrlint.engine.lint import Linter
from attrlint.report.html import HtmlReporter
from attrlint.model.source import from_string
from browser import chromium, dom, png

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# Written for these tests. Copy that tries to be markup, a source that is both vague and
# loaded (two findings on the same words), figures attributed and not, quotes with and
# without a speaker.
HOSTILE = textwrap.dedent("""\
    Port <b>deal</b> & "strike" ends

    Observers claimed the deal <script>alert(1)</script> would fail, and critics insisted <img src=x onerror=alert(2)> it was rushed.

    At least 200 workers lost their jobs at the port on Friday.

    "We will not be silenced by anyone here," a placard read. "This deal is a betrayal of every worker," said union leader Ana Costa.
""")

SUMMARY = textwrap.dedent("""\
    Flood defences fail in three towns

    At least 300 people were evacuated on Sunday, the Environment Agency said. Insurers expect claims of £40m.

    About 2,000 people were moved to shelters overnight.

    "We lost everything in a single night," said Tom Reyes, a baker in Dunmore.

    "The water came in faster than anyone expected."

    The town council met on Monday. "Nobody listened to the warnings we gave for years."

    The river fell on Tuesday, leaving a "slow disaster" behind it.
""")


def run(*args):
    return subprocess.run([sys.executable, "-m", "attrlint", *args], capture_output=True, text=True, cwd=ROOT)


_LINTERS: dict = {}


def report(tmp_path, drafts: dict[str, str], select=None) -> tuple[dom.Element, str, list[dict]]:
    """Report the drafts as the command line does (in process, for speed): the parsed page,
    its text, and the findings as JSON objects."""
    key = tuple(select or ())
    if key not in _LINTERS:
        _LINTERS[key] = Linter.create(select=list(select) if select else None)
    linter = _LINTERS[key]
    out = io.StringIO()
    reporter = HtmlReporter(out, linter.ruleset.by_id())
    reporter.start()
    findings = []
    for name, text in drafts.items():
        source = from_string(text, path=str(tmp_path / name))
        diagnostics, article, facts = linter.lint_article(source)
        reporter.file(source.path, diagnostics, source=source, article=article, facts=facts)
        findings += [d.as_dict() for d in diagnostics]
    reporter.finish()
    page = out.getvalue()
    return dom.parse(page), page, findings


def section(root: dom.Element, path: str) -> dom.Element:
    found = [s for s in root.find_all("section", cls="draft") if s.get("data-path") == path]
    assert len(found) == 1, path
    return found[0]


def stats(sec: dom.Element) -> dict[str, tuple[int, int]]:
    return {d.get("data-stat"): (int(d.get("data-found")), int(d.get("data-ok")))
            for d in sec.find_all("div") if d.get("data-found") is not None}


def marked(sec: dom.Element) -> dict[str, str]:
    """Finding number -> the copy its marks cover (all pieces of a split finding, in order)."""
    out: dict[str, str] = {}
    for m in sec.find_all("mark", cls="f"):
        # A mark's text includes the marks nested in it: their words are its words too.
        out[m.get("data-finding")] = out.get(m.get("data-finding"), "") + m.text()
    return out


def flagged(text: str, f: dict) -> str:
    """The words a JSON finding covers (lines and columns are 1-based, in characters)."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return text[starts[f["line"] - 1] + f["column"] - 1:starts[f["end_line"] - 1] + f["end_column"] - 1]


# --- the page as written ------------------------------------------------------------------

def test_command_line_writes_the_page(tmp_path):
    draft = tmp_path / "hostile.txt"
    draft.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "report.html"
    proc = run("check", "--format", "html", "--output-file", str(out), str(draft))
    assert proc.returncode == 1 and proc.stdout == "", proc.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert len(dom.parse(page).find_all("mark", cls="f")) >= 4


def test_copy_is_escaped_and_shown_exactly(tmp_path):
    root, page, findings = report(tmp_path, {"hostile.txt": HOSTILE})
    assert "<script>alert" not in page and "<img" not in page and "<b>deal" not in page
    assert len(root.find_all("script")) == 1  # the page's own
    assert not root.find_all("img")
    sec = section(root, str(tmp_path / "hostile.txt"))
    copy = sec.find("pre", cls="copy")
    # The parser drops the newline right after <pre>, as browsers do.
    assert copy.text().removeprefix("\n") == HOSTILE
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    headline = root.find("nav").find("tbody").find("tr").find_all("td")[1].text()
    assert headline == 'Port <b>deal</b> & "strike" ends'


def test_every_finding_is_highlighted_once_on_its_words(tmp_path):
    root, _, findings = report(tmp_path, {"hostile.txt": HOSTILE})
    sec = section(root, str(tmp_path / "hostile.txt"))
    firsts = [m for m in sec.find_all("mark", cls="f") if "cont" not in m.classes]
    assert Counter(m.get("data-rule") for m in firsts) == Counter(f["rule"] for f in findings)
    assert [marked(sec)[str(k)] for k in range(1, len(findings) + 1)] == [flagged(HOSTILE, f) for f in findings]
    # "Observers claimed" (vague-source) holds "claimed" (loaded-verb): nested, not lost.
    outer = next(m for m in firsts if m.get("data-rule") == "vague-source")
    assert [m.get("data-rule") for m in outer.find_all("mark")] == ["loaded-verb"]
    # Each finding is explained on hover and in the list beside the copy.
    assert "does not say who" in outer.get("title")
    items = sec.find("ol", cls="findings").find_all("li")
    assert [i.get("data-rule") for i in items] == [f["rule"] for f in findings]
    assert "Suggested fix: Replace 'claimed' with 'said'" in items[1].text()


def _render(text: str, spans, path="draft.txt") -> dom.Element:
    out = io.StringIO()
    reporter = HtmlReporter(out, {})
    reporter.start()
    diags = [Diagnostic(path, rule, "warning", f"{rule} here", s, e) for rule, s, e in spans]
    reporter.file(path, diags, source=from_string(text, path=path))
    reporter.finish()
    return dom.parse(out.getvalue())


def test_crossing_findings_are_split_and_still_whole():
    text = "Headline\n\nabcdefghij klmnop\n"
    base = text.index("a")
    spans = [("one", base + 1, base + 6), ("two", base + 4, base + 9), ("three", base + 4, base + 6),
             ("four", base + 8, base + 8), ("five", base, base + 17)]
    root = _render(text, spans)
    sec = root.find("section")
    assert sec.find("pre").text().removeprefix("\n") == text
    pieces = marked(sec)
    # Every finding's pieces, joined, are exactly its words; the empty one is an empty mark.
    assert [pieces[str(k)] for k in range(1, 6)] == [text[s:e] for _, s, e in spans]
    firsts = Counter(m.get("data-finding") for m in sec.find_all("mark", cls="f") if "cont" not in m.classes)
    assert firsts == Counter(str(k) for k in range(1, 6))
    assert sec.find("mark", data_finding="4").classes >= {"empty"}
    # "two" crosses out of "one": it is closed with it and reopened as a continuation.
    assert len(sec.find_all("mark", data_finding="2")) == 2


def test_findings_out_of_range_do_not_break_the_page():
    text = "Headline\n\nShort body.\n"
    root = _render(text, [("late", len(text) - 2, len(text) + 40), ("before", -5, 3)])
    assert root.find("pre").text().removeprefix("\n") == text
    assert len(root.find_all("mark")) == 2


def test_leading_blank_lines_are_kept():
    text = "\n\nHeadline\n\nBody with 12 lines.\n"
    assert _render(text, []).find("pre").text() == "\n" + text


def test_summary_counts_figures_and_quotes(tmp_path):
    root, _, findings = report(tmp_path, {"flood.txt": SUMMARY})
    assert sorted(f["rule"] for f in findings) == ["quote-unattributed", "unattributed-number"]
    sec = section(root, str(tmp_path / "flood.txt"))
    # 300 and £40m are the Environment Agency's; 2,000 has no source. Reyes's quote and the
    # one carrying it on have a speaker, "Nobody listened ..." has none; "slow disaster"
    # is two words, a phrase and not a quote.
    assert stats(sec) == {"figures": (3, 2), "quotes": (3, 2)}
    assert "3 found, 2 attributed" in sec.find("div", data_stat="figures").text()
    assert "3 found, 2 with a speaker" in sec.find("div", data_stat="quotes").text()


# Written for this test: one source of each kind.
SOURCES = textwrap.dedent("""\
    Council approves harbour budget

    Mayor Ana Ruiz said the budget would pass on Tuesday. A spokesman for the council said the vote was close. Officials said the deal was done.

    "We are pleased with the result," she said.

    According to a city report, costs rose last year.
""")


def sources_panel(sec: dom.Element) -> tuple[dict[str, int], list[list[str]]]:
    """The sources panel of a draft: counts by kind, and the table's rows as cell texts."""
    panel = sec.find("details", cls="sources")
    got = {d.get("data-kind"): int(d.get("data-count")) for d in panel.find_all("div") if d.get("data-kind")}
    table = panel.find("table")
    rows = [[td.text() for td in tr.find_all("td")] for tr in table.find("tbody").find_all("tr")] if table else []
    return got, rows


def test_sources_panel_counts_and_lists_who_is_cited(tmp_path):
    root, _, _ = report(tmp_path, {"budget.txt": SOURCES})
    counts, rows = sources_panel(section(root, str(tmp_path / "budget.txt")))
    assert counts == {"named": 1, "described": 1, "vague": 1, "pronoun": 1, "document": 1, "none": 0}
    assert [(r[0], r[1], r[2], r[3], r[5]) for r in rows] == [
        ("3", "Mayor Ana Ruiz", "named", "said", "paraphrased"),
        ("3", "A spokesman for the council", "described", "said", "paraphrased"),
        ("3", "Officials", "vague", "said", "paraphrased"),
        ("5", "she", "pronoun", "said", "quoted"),
        ("7", "a city report", "document", "According to", "paraphrased"),
    ]


def test_sources_panel_of_a_draft_citing_no_one(tmp_path):
    root, _, _ = report(tmp_path, {"plain.txt": "Harbour opens\n\nThe harbour opened on Monday.\n"})
    counts, rows = sources_panel(section(root, str(tmp_path / "plain.txt")))
    assert sum(counts.values()) == 0 and rows == []


def test_summary_describes_the_copy_whatever_rules_ran(tmp_path):
    root, _, findings = report(tmp_path, {"flood.txt": SUMMARY, "hostile.txt": HOSTILE}, select=["loaded-verb"])
    assert {f["rule"] for f in findings} == {"loaded-verb"}
    assert stats(section(root, str(tmp_path / "flood.txt"))) == {"figures": (3, 2), "quotes": (3, 2)}


def test_index_lists_drafts_by_findings(tmp_path):
    drafts = {"a-clean.txt": (EXAMPLES / "clean.txt").read_text(encoding="utf-8"), "b-flood.txt": SUMMARY,
              "c-hostile.txt": HOSTILE}
    root, _, findings = report(tmp_path, drafts)
    per_file = Counter(f["path"] for f in findings)
    rows = root.find("nav", id="index").find("tbody").find_all("tr")
    got = [(r.get("data-path"), int(r.get("data-findings"))) for r in rows]
    assert got == sorted(((str(tmp_path / n), per_file[str(tmp_path / n)]) for n in drafts), key=lambda x: (-x[1], x[0]))
    assert got[0][0].endswith("c-hostile.txt")
    # Each row links to its draft's section.
    anchors = {s.get("id"): s.get("data-path") for s in root.find_all("section", cls="draft")}
    assert all(anchors[r.find("a").get("href")[1:]] == r.get("data-path") for r in rows)


def test_page_is_self_contained(tmp_path):
    _, page, _ = report(tmp_path, {"hostile.txt": HOSTILE, "flood.txt": SUMMARY})
    # Links only within the page; no element loads anything ("src=x" in the copy is text).
    assert not re.search(r"""<[^>]*\s(?:src|href)\s*=\s*(?!["']?#)""", page)
    assert "src=x" in page
    assert not re.search(r"https?://|url\(|@import|<link", page)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page.replace("&#x27;", "'")


def test_empty_run_is_still_a_page():
    out = io.StringIO()
    reporter = HtmlReporter(out, {})
    reporter.start()
    reporter.finish()
    root = dom.parse(out.getvalue())
    assert "No drafts were checked." in root.find("nav").text()


# Written for these tests: a headline, a deck line, page furniture (byline, dateline, a
# "READ MORE" line) and body copy, one sentence of it without a figure or a quotation.
DESK = textwrap.dedent("""\
    Harbour strike ends after weeks of talks
    Dockers are expected back at work on Monday

    By Jane Porter
    Tuesday, 3 March 2026

    The harbour board said 200 dockers would return to work on Monday.

    READ MORE: Port talks resume
""")

NO_FIGURES = "Harbour reopens\n\nThe harbour reopened on Monday after the storm had passed.\n"


def parts(sec: dom.Element, cls: str) -> list[dom.Element]:
    return sec.find("pre", cls="copy").find_all("span", cls=cls)


def test_headline_deck_and_furniture_are_set_apart_from_the_body(tmp_path):
    root, page, _ = report(tmp_path, {"desk.txt": DESK})
    sec = section(root, str(tmp_path / "desk.txt"))
    assert [p.text() for p in parts(sec, "hed")] == ["Harbour strike ends after weeks of talks"]
    assert [p.text() for p in parts(sec, "dek")] == ["Dockers are expected back at work on Monday"]
    furniture = parts(sec, "furniture")
    assert [p.text() for p in furniture] == ["By Jane Porter", "Tuesday, 3 March 2026", "READ MORE: Port talks resume"]
    assert {p.get("title") for p in furniture} == {"furniture: not checked"}
    # Body copy is in none of them, and the copy is still the file, character for character.
    assert not any("harbour board" in p.text() for c in ("hed", "dek", "furniture") for p in parts(sec, c))
    assert sec.find("pre", cls="copy").text().removeprefix("\n") == DESK
    # They look different: the page's style sets each apart, and labels furniture as unchecked.
    style = root.find("style").text()
    assert re.search(r"\.copy \.hed \{[^}]*font-weight: bold", style)
    assert re.search(r"\.copy \.furniture \{[^}]*color: #888", style)
    assert re.search(r'\.copy \.furniture::after \{[^}]*content: " not checked"', style)


def test_markdown_headline_is_set_apart(tmp_path):
    root, _, _ = report(tmp_path, {"match.md": "# Rovers hold on for a draw\n\nThe crowd stayed until the end.\n"})
    sec = section(root, str(tmp_path / "match.md"))
    assert [p.text() for p in parts(sec, "hed")] == ["Rovers hold on for a draw"]
    assert sec.find("pre", cls="copy").text().removeprefix("\n").startswith("# Rovers hold")


def test_findings_across_a_parts_edge_stay_whole_and_nested():
    from attrlint.report.html import _highlight

    text = "Headline here\n\nBy Jane Porter\nBody copy follows.\n"
    hs, he = 0, len("Headline here")
    fs = text.index("By")
    fe = fs + len("By Jane Porter")
    body = text.index("Body")
    spans = [("across", 4, 20), ("inside", fs + 3, fs + 7), ("out", fs + 8, body + 4), ("whole", 0, len(text))]
    diags = [Diagnostic("d.txt", rule, "warning", rule, s, e) for rule, s, e in spans]
    markup = _highlight(text, diags, ["r0"] * len(diags), "d1", [(hs, he, "hed"), (fs, fe, "furniture")], [0, 14, 15, 30, 49])
    # The standard library's parser would accept mis-nested tags; check the nesting directly.
    depth = []
    for m in re.finditer(r"<(/?)(mark|span)\b", markup):
        if m.group(1):
            assert depth and depth.pop() == m.group(2), markup
        else:
            depth.append(m.group(2))
    assert depth == []
    root = dom.parse(f"<pre>{markup}</pre>")
    assert root.text() == text
    pieces = marked(root)
    assert [pieces[str(k)] for k in range(1, 5)] == [text[s:e] for _, s, e in spans]
    # Each finding still has exactly one mark that is not a continuation (its list entry's target).
    assert Counter(m.get("data-finding") for m in root.find_all("mark") if "cont" not in m.classes) == Counter("1234")
    # A finding inside furniture is inside its span, so its own explanation shows on hover.
    inside = root.find("mark", data_finding="2")
    assert any("furniture" in a.classes for a in inside.ancestors())
    # The furniture span is split by nothing: the marks run inside it, pieces of one span's text.
    assert "".join(p.text() for p in root.find_all("span", cls="furniture")) == "By Jane Porter"


def test_copy_carries_line_numbers_outside_its_text(tmp_path):
    root, page, _ = report(tmp_path, {"desk.txt": DESK})
    copy = section(root, str(tmp_path / "desk.txt")).find("pre", cls="copy")
    numbers = copy.find_all("span", cls="ln")
    # One per line (the empty "line" after the final newline is none), each empty, so the
    # copy's text (and what a reader copies from it) is the file as written.
    assert [n.get("data-line") for n in numbers] == [str(k) for k in range(1, DESK.count("\n") + 1)]
    assert all(n.text() == "" and n.get("aria-hidden") == "true" for n in numbers)
    assert copy.text().removeprefix("\n") == DESK
    assert re.search(r"\.copy \.ln::before \{[^}]*content: attr\(data-line\)", root.find("style").text())
    # Each number starts its line: the text before the n-th number is exactly n - 1 lines.
    markup = page[page.index('<pre class="copy">'):page.index("</pre>")]
    for k, m in enumerate(re.finditer(r'<span class="ln" data-line="(\d+)"', markup), 1):
        before = dom.parse(markup[:m.start()] + "</pre>").text().removeprefix("\n")
        assert before.count("\n") == k - 1 and (before == "" or before.endswith("\n")), k


def test_line_numbers_of_a_file_without_a_final_newline():
    root = _render("Headline\n\nBody", [])
    assert [n.get("data-line") for n in root.find_all("span", cls="ln")] == ["1", "2", "3"]
    assert not _render("", []).find_all("span", cls="ln")


def visible_path(root: dom.Element, link: dom.Element) -> str:
    """What a reader sees of a path link: the page's closing style rule hides the folder spans
    all drafts share."""
    hidden = set()
    for style in root.find_all("style"):
        for rule in re.finditer(r"([^{}]+)\{\s*display: none;\s*\}", style.text()):
            hidden |= {sel.strip().removeprefix(".path .") for sel in rule.group(1).split(",")}

    def text(e: dom.Element) -> str:
        return "".join(c if isinstance(c, str) else ("" if c.classes & hidden else text(c)) for c in e.children)

    return text(link)


def test_paths_are_shortened_to_what_differs(tmp_path):
    drafts = {"metro/harbour.txt": DESK, "metro/late/flood.txt": SUMMARY, "sport/match.txt": NO_FIGURES}
    root, _, _ = report(tmp_path, drafts)
    rows = root.find("nav", id="index").find("tbody").find_all("tr")
    for r in rows:
        link = r.find("a")
        full = r.get("data-path")
        assert link.get("title") == full
        assert link.text() == str(Path(full).relative_to(tmp_path))
    for name in drafts:
        full = str(tmp_path / name)
        link = section(root, full).find("h2").find("a")
        assert link.get("title") == full and link.text() == full  # whole, until the style hides the shared part
        assert visible_path(root, link) == name


def test_one_draft_shows_its_file_name(tmp_path):
    root, _, _ = report(tmp_path, {"harbour.txt": DESK})
    full = str(tmp_path / "harbour.txt")
    assert root.find("nav").find("tbody").find("a").text() == "harbour.txt"
    assert visible_path(root, section(root, full).find("h2").find("a")) == "harbour.txt"


def test_shared_folders_are_whole_folders():
    from attrlint.report.html import _shared_folders, _short

    assert _shared_folders(["a.txt"]) == 0
    assert _shared_folders(["drafts/a.txt", "drafts/b.txt"]) == 1
    assert _shared_folders(["/desk/x/a.txt", "/desk/y/b.txt"]) == 2  # "/" and "desk/"
    # A common prefix of names is not a common folder.
    assert _shared_folders(["news/a.txt", "newsroom/b.txt"]) == 0
    # Nothing in common: a relative path and an absolute one are shown whole.
    assert _shared_folders(["examples/a.txt", "/tmp/b.txt"]) == 0
    assert _short("/desk/x/a.txt", 2) == "x/a.txt"


def test_no_figures_reads_as_none_found_not_a_failure(tmp_path):
    root, _, _ = report(tmp_path, {"calm.txt": NO_FIGURES, "flood.txt": SUMMARY})
    calm = section(root, str(tmp_path / "calm.txt"))
    assert stats(calm) == {"figures": (0, 0), "quotes": (0, 0)}
    assert calm.find("div", data_stat="figures").find("dd").text() == "no figures found"
    assert calm.find("div", data_stat="quotes").find("dd").text() == "no quotations"
    rows = root.find("nav").find("tbody").find_all("tr")
    cells = {r.get("data-path"): [td.text() for td in r.find_all("td")][4:] for r in rows}
    assert cells[str(tmp_path / "calm.txt")] == ["no figures found", "no quotations"]
    assert cells[str(tmp_path / "flood.txt")] == ["2 of 3", "2 of 3"]
    assert "0 of 0" not in root.text() and "none attributed" not in root.text()


# --- the page as a browser renders it -----------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    binary = chromium.find()
    if binary is None:
        pytest.skip("chromium is not installed (Debian: apt-get install chromium)")
    return binary


@pytest.fixture(scope="module")
def examples_report(tmp_path_factory):
    """The HTML report of the example drafts plus the hostile draft, and the JSON findings."""
    tmp = tmp_path_factory.mktemp("html")
    hostile = tmp / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    out = tmp / "report.html"
    proc = run("check", "--format", "html", "--output-file", str(out), "examples", str(hostile))
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(run("check", "--format", "json", "examples", str(hostile)).stdout)
    return out, findings


@pytest.mark.slow  # headless chromium
def test_rendered_report_of_the_examples(browser, examples_report):
    page, findings = examples_report
    rendered, console = chromium.dump_dom(browser, page)
    # The script ran (its hash is in the page's Content-Security-Policy) without an error.
    assert console == []
    root = dom.parse(rendered)
    # The index is written last (the page streams) and the script moves it first.
    report_div = root.find("div", id="report")
    assert report_div.element_children()[0].get("id") == "index"
    sections = root.find_all("section", cls="draft")
    paths = [s.get("data-path") for s in sections]
    assert sorted(paths) == sorted([str(p.relative_to(ROOT)) for p in EXAMPLES.iterdir()] + [str(page.parent / "hostile.txt")])
    by_path: dict[str, list[dict]] = {}
    for f in findings:
        by_path.setdefault(f["path"], []).append(f)
    # Index order: most findings first, with the counts the findings have.
    rows = root.find("nav", id="index").find("tbody").find_all("tr")
    counts = [int(r.get("data-findings")) for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert {r.get("data-path"): int(r.get("data-findings")) for r in rows} == {p: len(by_path.get(p, [])) for p in paths}
    for sec in sections:
        path = sec.get("data-path")
        expected = by_path.get(path, [])
        text = Path(path if Path(path).is_absolute() else ROOT / path).read_text(encoding="utf-8")
        # One highlight per finding, per rule, on exactly the flagged words.
        firsts = [m for m in sec.find_all("mark", cls="f") if "cont" not in m.classes]
        assert Counter(m.get("data-rule") for m in firsts) == Counter(f["rule"] for f in expected), path
        pieces = marked(sec)
        assert [pieces[str(k)] for k in range(1, len(expected) + 1)] == [flagged(text, f) for f in expected], path
        chips = {c.get("data-rule"): int(c.get("data-count")) for c in sec.find("div", data_stat="rules").find_all("span", cls="chip")}
        assert chips == dict(Counter(f["rule"] for f in expected)), path
        # Unattributed figures and speakerless quotes are exactly what the rules flagged.
        got = stats(sec)
        rules = Counter(f["rule"] for f in expected)
        assert got["figures"][0] - got["figures"][1] == rules["unattributed-number"], path
        assert got["quotes"][0] - got["quotes"][1] == rules["quote-unattributed"], path
        # The sources panel rendered, its counts adding up to its rows.
        kinds, source_rows = sources_panel(sec)
        assert sum(kinds.values()) == len(source_rows), path
    named = {s.get("data-path"): stats(s) for s in sections}
    assert named["examples/quotes.txt"]["quotes"] == (3, 2)  # two by Hale, one with no speaker
    assert named["examples/clean.txt"] == {"figures": (1, 1), "quotes": (2, 2)}
    assert named["examples/unattributed.txt"]["figures"][0] >= 4
    assert named[str(page.parent / "hostile.txt")]["quotes"] == (2, 2)  # "a placard read" credits the first
    # The hostile copy stayed text: the only script is the page's own, and no image exists.
    assert len(root.find_all("script")) == 1 and not root.find_all("img")


@pytest.mark.slow  # headless chromium
def test_screenshot_shows_the_highlights(browser, examples_report, tmp_path):
    page, findings = examples_report
    width, height = 1280, 2000
    data = chromium.screenshot(browser, page, tmp_path / "report.png", width, height)
    w, h, bpp, rows = png.read(data)
    assert (w, h) == (width, height)
    pixels = png.colours(rows, bpp)
    assert len(pixels) > 100, "the screenshot is (nearly) blank"
    # Every rule with findings has its highlight colour on screen (its chips in the index at
    # the top, at least). Colours are read from the page's own style, with a little slack
    # for colour management.
    style = page.read_text(encoding="utf-8")
    colour = {}
    for rule in {f["rule"] for f in findings}:
        cls = re.search(rf'class="chip (r\d+)" data-rule="{re.escape(rule)}"', style).group(1)
        bg = re.search(rf"\.{cls} {{ --bg: #([0-9a-f]{{6}});", style).group(1)
        colour[rule] = bytes.fromhex(bg)
    for rule, rgb in colour.items():
        near = sum(n for px, n in pixels.items() if all(abs(a - b) <= 3 for a, b in zip(px, rgb)))
        assert near > 200, f"{rule}'s highlight colour #{rgb.hex()} is not in the screenshot"


# Measures the rendered page from inside the browser and leaves the result on <body>, for
# --dump-dom to carry out. Selecting the copy and reading the selection is what a reader
# copying it gets.
_PROBE = """
var out = {sections: [], index: []};
document.querySelectorAll("#index tbody tr").forEach(function (tr) {
  out.index.push([tr.getAttribute("data-path"), tr.querySelector("a").innerText]);
});
document.querySelectorAll("section.draft").forEach(function (s) {
  var pre = s.querySelector("pre.copy"), sel = window.getSelection();
  sel.selectAllChildren(pre);
  var copied = sel.toString();
  sel.removeAllRanges();
  var ln = pre.querySelector(".ln"), hed = pre.querySelector(".hed"), furn = pre.querySelector(".furniture");
  var first = document.createRange();
  first.setStart(ln.nextSibling.firstChild || ln.nextSibling, 0);
  first.setEnd(first.startContainer, 1);
  var box = pre.getBoundingClientRect(), style = getComputedStyle(pre);
  out.sections.push({
    path: s.getAttribute("data-path"), header: s.querySelector("h2 a").innerText,
    copied: copied, inner: pre.innerText,
    figures: s.querySelector('[data-stat="figures"] dd').innerText,
    number: getComputedStyle(ln, "::before").content,
    textLeft: first.getBoundingClientRect().left - box.left,
    padding: parseFloat(style.paddingLeft), border: parseFloat(style.borderLeftWidth),
    body: [style.fontSize, style.fontWeight, style.color],
    hed: hed && [getComputedStyle(hed).fontSize, getComputedStyle(hed).fontWeight],
    furniture: furn && [getComputedStyle(furn).color, getComputedStyle(furn, "::after").content, furn.title]
  });
});
document.body.setAttribute("data-probe", JSON.stringify(out));
"""


def probe(binary: str, page: Path) -> dict:
    """Render a copy of the page with the probe added (and the Content-Security-Policy, which
    would refuse the probe, taken out) and return what the probe measured."""
    text = page.read_text(encoding="utf-8")
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
    copy = page.with_name("probe.html")
    copy.write_text(text.replace("</body>", f"<script>{_PROBE}</script>\n</body>"), encoding="utf-8")
    rendered, console = chromium.dump_dom(binary, copy)
    assert console == []
    return json.loads(dom.parse(rendered).find("body").get("data-probe"))


@pytest.mark.slow  # headless chromium
def test_rendered_copy_pane_paths_and_counts(browser, tmp_path):
    desk = tmp_path / "desk"
    drafts = {"metro/harbour.txt": DESK, "metro/calm.txt": NO_FIGURES,
              "sport/match.md": "# Rovers hold on for a draw\n\nThe crowd stayed until the end of the match.\n"}
    for name, text in drafts.items():
        (desk / name).parent.mkdir(parents=True, exist_ok=True)
        (desk / name).write_text(text, encoding="utf-8")
    page = tmp_path / "report.html"
    proc = run("check", "--format", "html", "--output-file", str(page), str(desk))
    assert proc.returncode in (0, 1), proc.stderr
    got = probe(browser, page)
    # Paths as seen: relative to the shared folder, in the index and in the headers.
    assert sorted(shown for _, shown in got["index"]) == sorted(drafts)
    assert all(str(desk / shown) == full for full, shown in got["index"])
    by_name = {str(Path(s["path"]).relative_to(desk)): s for s in got["sections"]}
    assert sorted(by_name) == sorted(drafts)
    for name, s in by_name.items():
        assert s["header"] == name
        # What a reader sees and copies is the copy alone: no line numbers, no labels
        # (a selection's text drops the final newline).
        assert s["inner"] == drafts[name], name
        assert s["copied"] == drafts[name].rstrip("\n"), name
        # The first line's number is drawn in the gutter, and the text starts at its edge.
        assert s["number"] == '"1"', name
        assert abs(s["textLeft"] - s["border"] - s["padding"]) < 1, name
        size, weight, colour = s["body"]
        assert float(s["hed"][0][:-2]) > float(size[:-2]) and int(s["hed"][1]) >= 700 > int(weight), name
    furniture = by_name["metro/harbour.txt"]["furniture"]
    assert furniture[0] != by_name["metro/harbour.txt"]["body"][2]
    assert furniture[1:] == ['" not checked"', "furniture: not checked"]
    assert by_name["metro/calm.txt"]["figures"] == "no figures found"
