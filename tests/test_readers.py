"""Markdown and HTML drafts: what is copy, where the headline is, and that every finding points
at the right line:column of the file as written (markup, entities and CRLF included)."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys

import pytest

from attrlint.engine.lint import Linter
from attrlint.model.readers.html import read_html
from attrlint.model.readers.markdown import read_markdown
from attrlint.model.source import format_for, from_string, walk

from conftest import lint

NUMBER = "unattributed-number"


def findings(text: str, path: str, select=(NUMBER,)) -> list[tuple[str, int, int, str]]:
    """(rule, line, column, flagged text as written in the file) of each finding."""
    source = from_string(text, path=path)
    out = []
    for d in lint(text, select=list(select), path=path, dedent=False):
        out.append((d.rule, d.line, d.column, source.text[d.start:d.end]))
    return out


def article(text: str, path: str):
    return Linter.create([], None).article(from_string(text, path=path))


def words(text: str) -> str:
    return " ".join(text.split())


# --- Markdown ---------------------------------------------------------------------------

def test_markdown_finding_after_links_emphasis_and_an_entity_maps_to_its_column():
    text = (
        "---\r\n"
        "title: Fire sweeps market\r\n"
        "---\r\n"
        "\r\n"
        "Crews from [the city](https://x.test/a_(b) \"map\") and **AT&amp;T** worked\r\n"
        "all night. At *least* 12 people were killed, and about 40 were injured.\r\n"
    )
    line6 = text.split("\r\n")[5]
    assert findings(text, "draft.md") == [(NUMBER, 6, line6.index("12") + 1, "12")]


def test_markdown_headline_from_front_matter_then_first_heading():
    a = article("---\ntitle: 'Dam fails'\n---\n\n# Not the headline\n\nWater rose.\n", "d.md")
    assert a.headline.text == "Dam fails" and a.position(a.headline.start) == (2, 9)
    a = article("Intro line.\n\n# Dam *fails* upstream\n\nWater rose.\n", "d.md")
    assert words(a.headline.text) == "Dam fails upstream"
    a = article("Dam fails upstream\n==================\n\nWater rose.\n", "d.md")
    assert a.headline.text == "Dam fails upstream"
    assert [s.text for s in a.sentences] == ["Water rose."]


def test_markdown_code_comments_html_and_images_are_not_copy():
    text = (
        "# Dam fails\n\n"
        "Water rose.\n\n"
        "```\nThe flood killed 57 people.\n```\n\n"
        "    The flood killed 58 people.\n\n"
        "<!-- The flood killed 59 people. -->\n\n"
        "<div>\nThe flood killed 60 people.\n</div>\n\n"
        "Roads closed. ![The flood killed 61 people](x.png)\n"
    )
    assert findings(text, "d.md") == []
    assert [s.text.strip() for s in article(text, "d.md").sentences] == ["Water rose.", "Roads closed."]


def test_markdown_list_items_and_block_quotes_are_paragraphs_of_their_own():
    # The attribution in the first item does not cover the figure in the next one.
    text = ("# Storm\n\n- Police said 43 people died.\n- At least 12 people were killed.\n\n"
            "> About 40 people were injured.\n")
    assert [(line, flagged) for _r, line, _c, flagged in findings(text, "d.md")] == [(4, "12"), (6, "40")]
    a = article(text, "d.md")
    assert [words(p_text) for p_text in (a.text[p.start:p.end] for p in a.paragraphs)] == [
        "Police said 43 people died.", "At least 12 people were killed.", "About 40 people were injured."]


def test_markdown_table_rows_are_copy_without_their_pipes():
    a = article("# Toll\n\n| Region | Deaths |\n|---|---:|\n| North | 88 |\n", "d.md")
    assert [words(a.text[p.start:p.end]) for p in a.paragraphs] == ["Region Deaths", "North 88"]


def test_markdown_markup_inside_a_word_keeps_the_word_whole():
    reading = read_markdown("# H\n\n**Smith**'s shop and [AT&amp;T](https://x.test)'s mast.\n")
    assert words(reading.text) == "H Smith's shop and AT&T's mast."


# --- HTML -------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>\r
<html><head><title>Fire sweeps market | The Daily Planet</title>\r
<script>var note = "The fire killed 57 people.";</script>\r
<style>p { color: red }</style></head>\r
<body>\r
<header><h1>The Daily Planet</h1><nav><a href="/">Home</a> 58 people shared this</nav></header>\r
<article>\r
<header><h1>Fire sweeps <em>central</em> market</h1></header>\r
<p>Crews from <a href="https://x.test/?a=1&amp;b=2">AT&amp;T&rsquo;s</a> depot and <b>Smith</b>&rsquo;s\r
crew worked all night. At <span class="x"><i>least</i></span> 12 people were killed.</p>\r
<figure><img src="m.jpg" alt="map"><figcaption>About 59 stalls were saved.</figcaption></figure>\r
<aside>Read more: 60 killed in earlier fire</aside>\r
<!-- The fire killed 61 people. -->\r
<p>About 40 people were <em>injured</em>. &ldquo;We lost everything,&rdquo; said Ana&nbsp;Ruiz.</p>\r
</article>\r
<footer><p>62 readers liked this.</p></footer>\r
</body></html>\r
"""


def test_html_finding_after_nested_tags_and_entities_maps_to_its_column():
    lines = PAGE.split("\r\n")
    assert findings(PAGE, "page.html") == [(NUMBER, 10, lines[9].index("12") + 1, "12"),
                                           (NUMBER, 14, lines[13].index("40") + 1, "40")]


def test_html_scripts_styles_nav_captions_asides_comments_and_footer_are_not_copy():
    a = article(PAGE, "page.html")
    assert words(a.headline.text) == "Fire sweeps central market"
    assert [words(s.text) for s in a.sentences] == [
        "Crews from AT&T’s depot and Smith’s crew worked all night.",
        "At least 12 people were killed.",
        "About 40 people were injured .",  # padding before a full stop stays: it keeps its column
        "“We lost everything,” said Ana Ruiz.",
    ]


def test_html_entities_inside_words_do_not_split_them():
    reading = read_html("<p>AT&amp;T&rsquo;s don&rsquo;t <b>Smith</b>&rsquo;s Anti&shy;biotic &pound;5</p>")
    assert words(reading.text) == "AT&T’s don’t Smith’s Antibiotic £5"
    a = article("<h1>Cuts</h1><p>They don&rsquo;t know, she said. It&#8217;s Smith&#x2019;s call.</p>", "d.html")
    assert a.unmatched_marks == [] and a.quotations == []


def test_html_headline_choice():
    def headline(doc):
        a = article(doc, "d.html")
        return words(a.headline.text) if a.headline else None

    # The article's own <h1>, not the site name set as an <h1> in the page header.
    assert headline("<header><h1>Planet</h1></header><article><h1>Dam fails</h1><p>x.</p></article>") == "Dam fails"
    # No article: the first <h1> outside a page header.
    assert headline("<header><h1>Planet</h1></header><h1>Dam fails</h1><p>Water rose.</p>") == "Dam fails"
    # No usable <h1>: the page title, less the site's name.
    assert headline("<title>Dam fails &amp; town floods | Planet</title><p>Water rose.</p>") == "Dam fails & town floods"
    assert headline("<p>Water rose.</p>") is None


def test_html_picks_the_article_with_the_story_and_paragraph_breaks():
    doc = (
        "<article><h2>Teaser</h2><p>5 tips.</p></article>"
        "<article><h1>Storm</h1><p>Police said 43 people died.</p><ul><li>At least 12 people were killed.</li>"
        "<li>Officials said 9 bridges shut.</li></ul><p>Police said so.<br><br>About 40 people were injured.</p></article>"
    )
    assert [f for _r, _l, _c, f in findings(doc, "d.html")] == ["12", "40"]


def test_html_cms_export_of_bare_divs():
    doc = "<div>Police said 43 people died.</div>\n<div>At least 12 people were killed.</div>\n"
    assert [(line, f) for _r, line, _c, f in findings(doc, "d.htm")] == [(2, "12")]


def test_suppression_comments_work_in_html():
    doc = "<h1>Storm</h1>\n<p>At least 12 people were killed.</p>\n"
    assert [f for _r, _l, _c, f in findings(doc, "d.html")] == ["12"]
    doc = doc.replace("<p>", "<!-- attrlint-ignore-next-line unattributed-number -->\n<p>")
    assert findings(doc, "d.html", select=(NUMBER, "unused-suppression")) == []


def test_html_and_htm_are_drafts(tmp_path):
    assert format_for("a/B.HTML") == "html" and format_for("x.htm") == "html" and format_for("x.md") == "markdown"
    for name in ("a.html", "b.htm", "c.md", "d.txt", "e.css"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.rsplit("/", 1)[-1] for p in walk([str(tmp_path)])] == ["a.html", "b.htm", "c.md", "d.txt"]


def test_the_analysed_text_keeps_the_file_length_and_lines():
    for text, path in ((PAGE, "p.html"), ("# H\n\n*a* [b](c) `d`\n", "p.md")):
        a = article(text, path)
        assert len(a.text) == len(a.source.text)
        assert [i for i, ch in enumerate(a.text) if ch == "\n"] == [i for i, ch in enumerate(a.source.text) if ch == "\n"]


# --- the same article as .txt, .md and .html --------------------------------------------

HEADLINE = "Fire sweeps central market"
PARAGRAPHS = [
    "The fire killed 43 people on Tuesday, and critics said the alarms had failed.",
    "\"We lost everything,\" said Ana Ruiz, who sells fruit at the market. \"The stalls went up in minutes.",
    "Crews from AT&T's depot helped, and Ruiz's neighbours ran to the river. At least 12 people\nwere killed in the crush.",
    "The mayor claimed the fire was started deliberately.",
    "Damage ran to $5 million, the city said. About 300 stalls burned.",
]


def as_markdown() -> str:
    def emphasise(p):
        p = p.replace("AT&T's", "**AT&amp;T**'s").replace("the river", "[the river](https://x.test/river_(map))")
        return p.replace("deliberately", "*deliberately*")
    return f"---\nauthor: Desk\n---\n\n# {HEADLINE}\n\n<!-- editor: check the toll -->\n\n" + "\n\n".join(
        emphasise(p) for p in PARAGRAPHS) + "\n\n```\nThe fire killed 57 people.\n```\n"


def as_html() -> str:
    def mark_up(p):
        p = html.escape(p, quote=False).replace("Ruiz's", "<b>Ruiz</b>&#39;s")
        return p.replace("the mayor", "the <a href='/m?a=1&amp;b=2'>mayor</a>").replace("$5 million", "$5&nbsp;million")
    body = "\n".join(f"<p>{mark_up(p)}</p>" for p in PARAGRAPHS)
    return (f"<!DOCTYPE html>\r\n<html><head><title>{HEADLINE} | Planet</title></head><body>\r\n"
            f"<nav>57 people shared this</nav><article><header><h1>{HEADLINE}</h1></header>\r\n{body}\r\n"
            "<figure><figcaption>58 stalls burned</figcaption></figure></article></body></html>\r\n")


def _flagged(path, d) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().replace("\r\n", "\n").split("\n")
    assert d["line"] == d["end_line"]
    raw = lines[d["line"] - 1][d["column"] - 1:d["end_column"] - 1]
    # What a reader of the rendered page sees: no tags, no emphasis marks, entities decoded.
    raw = html.unescape(re.sub(r"<[^>]*>|\*\*?", "", raw))
    return " ".join(raw.replace("\xa0", " ").split())


def test_the_same_article_as_text_markdown_and_html_gives_the_same_findings(tmp_path):
    drafts = {
        "story.txt": HEADLINE + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n",
        "story.md": as_markdown(),
        "story.html": as_html(),
    }
    results = {}
    for name, text in drafts.items():
        path = tmp_path / name
        path.write_bytes(text.encode("utf-8"))
        proc = subprocess.run([sys.executable, "-m", "attrlint", "check", "--format", "json", str(path)],
                              capture_output=True, text=True)
        assert proc.returncode in (0, 1), proc.stderr
        results[name] = sorted((d["rule"], _flagged(path, d)) for d in json.loads(proc.stdout))
    assert ("unattributed-number", "12") in results["story.txt"]
    assert ("loaded-verb", "claimed") in results["story.txt"]
    assert results["story.md"] == results["story.txt"]
    assert results["story.html"] == results["story.txt"]


@pytest.mark.parametrize("path", ["d.md", "d.html"])
def test_an_empty_or_markup_only_draft_has_no_copy(path):
    a = article("<!-- nothing yet -->\n", path)
    assert a.headline is None and a.paragraphs == []
