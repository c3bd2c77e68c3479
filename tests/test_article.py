"""The article model: headline, paragraphs, sentences, furniture, offsets."""

from __future__ import annotations

import pytest

from attrlint.model.segment import read_article
from attrlint.engine.rules import load_rules
from attrlint.model.source import from_string

LEXICON = load_rules().lexicon


def article(text: str, path: str = "draft.txt"):
    return read_article(from_string(text, path=path), LEXICON)


def sentences(text: str, path: str = "draft.txt") -> list[str]:
    return [s.text for s in article(text, path).sentences]


def test_headline_is_first_nonblank_line_and_repeat_is_not_body():
    a = article("\n\nFlood hits town\n\nFlood hits town\nWater rose overnight.\n\nRoads closed.\n")
    assert a.headline.text == "Flood hits town"
    assert [p.sentences[0].text for p in a.paragraphs] == ["Water rose overnight.", "Roads closed."]


def test_paragraphs_split_on_blank_lines_and_keep_indentation_offsets():
    text = "Headline\n\n    The first paragraph\n    wraps here.\n\n    Second one.\n"
    a = article(text)
    assert len(a.paragraphs) == 2
    first = a.paragraphs[0].sentences[0]
    assert a.position(first.start) == (3, 5)
    assert first.text == "The first paragraph\n    wraps here."


def test_crlf_and_bom_map_to_the_same_columns():
    plain = article("Headline\n\nFour people died. Police said so.\n")
    crlf = article("\ufeffHeadline\r\n\r\nFour people died. Police said so.\r\n")
    assert [(s.text, crlf.position(s.start)) for s in crlf.sentences] == [
        (s.text, plain.position(s.start)) for s in plain.sentences]
    assert crlf.position(crlf.sentences[1].start) == (3, 19)


def test_non_breaking_spaces_are_white_space_between_sentences():
    assert sentences("H\n\nIt rained.\u00a0Then it stopped.\n") == ["It rained.", "Then it stopped."]


@pytest.mark.parametrize("body, expected", [
    ("Mr. Smith met Sen. Jones in the U.S. Senate. They talked.",
     ["Mr. Smith met Sen. Jones in the U.S. Senate.", "They talked."]),
    ("Gov. Ana Ruiz signed it on Dec. 5 at 9 a.m. on Main St. in Albany. It passed.",
     ["Gov. Ana Ruiz signed it on Dec. 5 at 9 a.m. on Main St. in Albany.", "It passed."]),
    ("He ranked No. 5 in the poll. George W. Bush was No. 1.",
     ["He ranked No. 5 in the poll.", "George W. Bush was No. 1."]),
    ("Prices rose 3.5 percent to $1,250.75 a unit. Sales fell.",
     ["Prices rose 3.5 percent to $1,250.75 a unit.", "Sales fell."]),
    ("It was over... Then it began again. And it went on … and on.",
     ["It was over...", "Then it began again.", "And it went on … and on."]),
    ("Troops arrived in the U.S. The war was over.",
     ["Troops arrived in the U.S.", "The war was over."]),
])
def test_sentence_ends(body, expected):
    assert sentences("Headline\n\n" + body + "\n") == expected


def test_sentences_ending_inside_quotation_marks():
    body = '“We will rebuild.” She left. He asked, "Why now?" and waited. “Go,” he said. "Stop!" They did.'
    assert sentences("H\n\n" + body) == [
        "“We will rebuild.”", "She left.", 'He asked, "Why now?" and waited.', "“Go,” he said.", '"Stop!"', "They did."]


def test_curly_and_straight_quotes_are_quotations_and_apostrophes_are_not():
    a = article("H\n\nShe called it “a disgrace” and said \"never again\". ISIS’s men left in the ’90s.\n")
    quoted = [a.text[q.start:q.end] for q in a.quotations]
    assert quoted == ["a disgrace", "never again"]
    assert a.unmatched_marks == []


@pytest.mark.parametrize("line", [
    "2 min read",
    "23 June, 2017",
    "June 23, 2017",
    "The convoy crossed the border at dawn [Getty]",
    "Rescuers search the rubble [File: AFP]",
    "READ MORE: Talks collapse in Geneva",
    "Related Articles",
    "SOURCE: Al Jazeera and news agencies",
    "Please enter your comment!",
    "By Jane Doe and John Roe",
])
def test_furniture_lines_are_not_body(line):
    a = article(f"Headline\n\nThe first paragraph.\n{line}\nThe second paragraph.\n")
    assert [s.text for s in a.sentences] == ["The first paragraph.", "The second paragraph."]
    assert len(a.furniture) == 1


def test_furniture_pattern_does_not_swallow_copy():
    body = "By Tuesday night the toll had risen to 57, officials said."
    assert sentences(f"Headline\n\n{body}\n") == [body]


def test_markdown_front_matter_title_is_the_headline():
    text = "---\ntitle: \"Dam fails upstream\"\nauthor: A. Writer\n---\n\n# Not the headline\n\nWater rose **fast**. See [the map](https://x.test/m).\n"
    a = article(text, "story.md")
    assert a.headline.text == "Dam fails upstream"
    assert a.position(a.headline.start) == (2, 9)
    # Markup is blanked, not removed, so offsets stay those of the file.
    assert [" ".join(s.text.split()) for s in a.sentences] == ["Not the headline", "Water rose fast .", "See the map ."]
    water = a.sentences[1]
    assert a.position(water.start) == (8, 1) and a.source.text[water.start:water.end] == "Water rose **fast**."


def test_markdown_first_heading_is_the_headline_and_code_is_skipped():
    text = "# Dam fails\n\nWater rose.\n\n```\n57 people died\n```\n\n<!-- 12 people died -->\nRoads closed.\n"
    a = article(text, "story.md")
    assert a.headline.text == "Dam fails"
    assert [s.text for s in a.sentences] == ["Water rose.", "Roads closed."]


def test_a_file_without_body_has_no_paragraphs():
    a = article("Only a headline\n")
    assert a.headline.text == "Only a headline"
    assert a.paragraphs == []


def test_lines_under_the_headline_before_a_blank_line_are_a_deck_not_body():
    a = article("Council votes to close pool\nCritics say the cuts go too far\n\nThe council voted on Monday.\n")
    assert a.headline.text == "Council votes to close pool"
    assert [d.text for d in a.deck] == ["Critics say the cuts go too far"]
    assert sentences("Council votes to close pool\nCritics say the cuts go too far\n\nThe council voted on Monday.\n") == [
        "The council voted on Monday."]


def test_a_body_with_no_blank_lines_has_one_paragraph_per_line():
    a = article("Pool to close\n\nThe council voted on Monday.\nAt least 57 people signed a petition.\nThe mayor said it was sad.\n")
    assert [p.sentences[0].text for p in a.paragraphs] == [
        "The council voted on Monday.", "At least 57 people signed a petition.", "The mayor said it was sad."]
    assert a.deck == []
    # With blank lines between paragraphs, lines that wrap stay one paragraph.
    b = article("Pool to close\n\nThe council voted\non Monday.\n\nThe mayor said it was sad.\n")
    assert len(b.paragraphs) == 2


def test_a_file_with_no_blank_line_at_all_has_no_deck():
    a = article("Pool to close\nThe council voted on Monday.\nThe mayor said it was sad.\n")
    assert a.deck == [] and len(a.paragraphs) == 2
