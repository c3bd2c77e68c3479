"""Property tests: generated articles and random text never break the linter, and every
finding points at real text, whatever the line endings, encoding or number of runs."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attrlint.engine.lint import Linter
from attrlint.model.source import Source, decode, normalise

pytestmark = pytest.mark.slow  # generated inputs: fuzzing by hypothesis

LINTER = Linter.create()

# Pieces of newsroom copy, with the traps the rules must survive.
SUBJECTS = ["At least 57 people", "Fifty-seven civilians", "Dozens of prisoners", "About a third of voters",
            "The council", "Rahman", "SOHR", "Observers", "Sources", "Police", "Mr. Smith", "The U.S. Army",
            "ISIS’s fighters", "The ’90s band", "Sen. Jones", "A 4,000-person agency"]
VERBS = ["were killed", "said", "claimed", "insisted", "spent $4.5m", "won 52%", "deadlocked 4 to 4",
         "is said to be ready", "reportedly fled", "rose 3.5 percent", "died on June 23, 2017"]
TAILS = ["", ", the monitor said", ", according to police", " in 2011", " at 9 a.m.", " 45 km away",
         ", officials said on Tuesday", " (Getty)", " … and more"]
QUOTES = ["“We will rebuild,” she said.", "\"They lied to us all along,\" he said.", "“An unclosed quote",
          "'Scare quotes' abound.", "He said: “Our goal is zero casualties.”", "“Another quote without a speaker at all.”",
          "”", "''doubled marks''", "rock ’n’ roll"]
FURNITURE = ["2 min read", "23 June, 2017", "READ MORE: Talks fail", "Related Articles", "Caption here [AFP]",
             "<!-- attrlint-ignore-next-line unattributed-number -->", "[attrlint-disable]", "[attrlint-bogus x]"]

sentence = st.builds(lambda s, v, t: f"{s} {v}{t}.", st.sampled_from(SUBJECTS), st.sampled_from(VERBS),
                     st.sampled_from(TAILS)) | st.sampled_from(QUOTES)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join) | st.sampled_from(FURNITURE)
indent = st.sampled_from(["", "    ", "\t", "\u00a0"])
article = st.builds(
    lambda head, paras, ind: head + "\n\n" + "\n\n".join(ind + p for p in paras) + "\n",
    st.sampled_from(["Scores dead in alleged strike", "Monitor: 57 dead", "US-led strike killed 500?", "",
                     "Council approves flood barrier"]),
    st.lists(paragraph, min_size=0, max_size=8), indent)
noise = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def lint(text: str, path: str = "draft.txt"):
    return LINTER.lint(Source(path=path, text=normalise(text)))


def check_positions(text: str, diagnostics) -> None:
    source = Source(path="x", text=normalise(text))
    lines = source.text.split("\n")
    for d in diagnostics:
        assert 0 <= d.start <= d.end <= len(source.text), d
        assert 1 <= d.line <= len(lines) and 1 <= d.column <= len(lines[d.line - 1]) + 1, d
        assert source.position(d.start) == (d.line, d.column)
        assert source.position(d.end) == (d.end_line, d.end_column)
        if d.end > d.start:
            assert source.text[d.start:d.end].strip(), d  # names real text, not blanks


def key(diagnostics):
    return [(d.rule, d.line, d.column, d.end_line, d.end_column, d.message) for d in diagnostics]


@SETTINGS
@given(article)
def test_generated_articles_lint_and_point_at_text(text):
    diagnostics = lint(text)
    check_positions(text, diagnostics)
    assert key(lint(text)) == key(diagnostics)  # idempotent


@SETTINGS
@given(article, st.sampled_from(["\r\n", "\r"]))
def test_line_endings_do_not_change_findings(text, ending):
    assert key(lint(text.replace("\n", ending))) == key(lint(text))


@SETTINGS
@given(article, st.sampled_from(["utf-8-sig", "utf-16"]))
def test_encodings_do_not_change_findings(text, encoding):
    assert key(lint(decode(text.encode(encoding), "x"))) == key(lint(text))


@SETTINGS
@given(noise, st.sampled_from(["draft.txt", "draft.md"]))
def test_random_text_never_breaks_the_linter(text, path):
    diagnostics = lint(text, path)
    check_positions(text, diagnostics)


@SETTINGS
@given(article)
def test_markdown_reading_of_plain_copy_keeps_positions(text):
    check_positions(text, lint(text, "draft.md"))
