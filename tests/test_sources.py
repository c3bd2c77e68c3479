"""The attribution model and `attrlint sources`, on articles written for these tests."""

from __future__ import annotations

import json

import pytest

from attrlint.analysis.facts import Facts
from attrlint.model.source import from_string
from conftest import linter_for, run_attrlint

ARTICLE = """\
Monitor: 40 dead in river town floods

At least 40 people died when the river broke its banks, the regional emergency office said on Sunday.

“We lost everything in one night,” said Maria Okafor, a baker in the lower town.

Senate Majority Leader Tom Reyes told reporters that the relief bill would pass this week.

A spokesman for the county, Dan Whitfield, said crews were still searching.

According to a state audit, the levee had not been inspected since 2009. Sources said the contractor had been warned.

She believes the town can be rebuilt, and residents hope the water will fall soon.
"""


def model(text: str, path: str = "draft.txt"):
    linter = linter_for()
    article = linter.article(from_string(text, path=path))
    facts = Facts(article, linter.tools)
    sents = [article.headline] + article.sentences
    return article, [(s, a) for s in sents for a in facts.all_attributions(s) if not (a.nested or a.repeat)]


def words(article, sent, s, e):
    return article.text[sent.start + s : sent.start + e]


def cues_and_sources(sentence: str) -> list[tuple[str, str]]:
    """The words of each attribution's cue and source in a one-sentence article."""
    article, atts = model(f"Head\n\n{sentence}\n")
    return [(words(article, s, a.start, a.end), words(article, s, a.source_start, a.source_end)) for s, a in atts]


def test_sources_and_their_kinds():
    article, atts = model(ARTICLE)
    got = {
        (
            words(article, s, a.start, a.end),
            words(article, s, a.source_start, a.source_end) if a.source_start >= 0 else None,
            a.source_kind,
            a.kind,
        )
        for s, a in atts
    }
    assert (":", "Monitor", "described", "credit") in got
    assert ("said", "the regional emergency office", "described", "speech") in got
    assert ("said", "Maria Okafor", "named", "speech") in got  # inverted, after a quotation
    assert ("told reporters", "Senate Majority Leader Tom Reyes", "named", "speech") in got
    assert ("According to", "a state audit", "document", "according-to") in got
    assert ("said", "Sources", "vague", "speech") in got
    assert ("believes", "She", "pronoun", "belief") in got
    assert ("hope", "residents", "described", "belief") in got
    appositive = [words(article, s, a.source_start, a.source_end) for s, a in atts if "Whitfield" in s.text and a.cue == "said"]
    assert appositive == ["A spokesman for the county, Dan Whitfield"]


def test_beliefs_are_not_attributions_for_the_rules():
    linter = linter_for()
    article = linter.article(from_string("Head\n\nVoters believe the plan costs $4 billion.\n"))
    facts = Facts(article, linter.tools)
    sent = article.sentences[0]
    assert [a.kind for a in facts.all_attributions(sent)] == ["belief"]
    assert not facts.all_attributions(sent)[0].reports
    assert facts.attributions(sent) == []


def test_content_is_the_reported_clause_or_the_words_before_an_inverted_cue():
    article, atts = model("Head\n\nThe dam will hold, the engineer said. Kim said that the dam will hold.\n")
    contents = [words(article, s, a.content_start, a.content_end) for s, a in atts]
    assert contents == ["The dam will hold", "the dam will hold"]


def test_a_cue_inside_another_cues_clause_is_nested():
    article, atts = model("Head\n\nKim said the mayor believes the dam will hold, according to the minutes.\n")
    assert [(a.cue, a.kind) for _, a in atts] == [("according to", "according-to")]


def test_nouns_and_passives_are_not_cues():
    _, atts = model("Head\n\nThe claims were made in five states. The votes are counted by hand.\n")
    assert atts == []


def _json_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _check_object(o: dict, text: str) -> None:
    assert set(o) == {"path", "line", "column", "cue", "source", "content"}
    assert set(o["cue"]) == {"text", "start", "end", "kind"}
    assert text[o["cue"]["start"] : o["cue"]["end"]] == o["cue"]["text"]
    if o["source"] is not None:
        assert set(o["source"]) == {"text", "start", "end", "kind"}
        assert text[o["source"]["start"] : o["source"]["end"]] == o["source"]["text"]
        assert o["source"]["kind"] in {"named", "described", "vague", "pronoun", "document"}
    if o["content"] is not None:
        assert set(o["content"]) == {"start", "end", "quoted"}
        assert 0 <= o["content"]["start"] < o["content"]["end"] <= len(text)
        assert isinstance(o["content"]["quoted"], bool)
    lines = text.split("\n")
    before = text[: o["cue"]["start"]]
    assert o["line"] == before.count("\n") + 1
    assert o["column"] == len(before) - (before.rfind("\n") + 1) + 1
    assert lines[o["line"] - 1][o["column"] - 1 :].startswith(o["cue"]["text"])


def test_json_lines_schema_and_exact_offsets(tmp_path):
    p = tmp_path / "flood.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    r = run_attrlint("sources", "--format", "json-lines", str(p))
    assert r.returncode == 0, r.stderr
    objs = _json_lines(r.stdout)
    assert len(objs) >= 8
    for o in objs:
        assert o["path"] == str(p)
        _check_object(o, ARTICLE)
    quoted = [o for o in objs if o["source"] and o["source"]["text"] == "Maria Okafor"]
    assert quoted[0]["content"]["quoted"] is True
    assert ARTICLE[quoted[0]["content"]["start"]] == "“"


def test_offsets_count_the_byte_order_mark_and_crlf_of_the_file(tmp_path):
    text = "\ufeffHead\r\n\r\nOfficials said the road was closed.\r\n\r\nKim told reporters it would reopen.\r\n"
    p = tmp_path / "crlf.txt"
    p.write_bytes(text.encode("utf-8"))
    objs = _json_lines(run_attrlint("sources", "--format", "json-lines", str(p)).stdout)
    assert [o["cue"]["text"] for o in objs] == ["said", "told reporters"]
    decoded = p.read_bytes().decode("utf-8")
    for o in objs:
        assert decoded[o["cue"]["start"] : o["cue"]["end"]] == o["cue"]["text"]
        assert decoded[o["source"]["start"] : o["source"]["end"]] == o["source"]["text"]
    assert objs[1]["line"] == 5 and objs[1]["column"] == 5


@pytest.mark.parametrize(
    "name,body",
    [
        ("draft.md", "# Floods close the valley road\n\nThe bridge is *unsafe*, the county engineer said.\n"),
        (
            "draft.html",
            "<html><body><h1>Floods close the valley road</h1>\n<p>The bridge is <em>unsafe</em>, the county engineer said.</p></body></html>\n",
        ),
    ],
)
def test_markdown_and_html_offsets_are_into_the_file_text(tmp_path, name, body):
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    objs = _json_lines(run_attrlint("sources", "--format", "json-lines", str(p)).stdout)
    assert [o["cue"]["text"] for o in objs] == ["said"]
    _check_object(objs[0], body)
    assert objs[0]["source"]["text"] == "the county engineer"


def test_stdin_and_the_table(tmp_path):
    r = run_attrlint("sources", "--stdin-filename", "flood.txt", "-", stdin=ARTICLE)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("flood.txt\n")
    assert "Maria Okafor" in r.stdout and "quoted" in r.stdout and "paraphrased" in r.stdout
    assert "named 3, described 3, vague 1, pronoun 1, document 1, none 0; 9 attributions" in r.stdout


def test_a_missing_file_is_a_one_line_error(tmp_path):
    r = run_attrlint("sources", str(tmp_path / "nope.txt"))
    assert r.returncode == 2
    assert "nope.txt: no such file" in r.stderr and "Traceback" not in r.stderr


# Written for these tests: a transcript, a question put to a speaker, an expectation, a
# quotation framed by an uncommon verb, and reporting words used as nouns.
TRANSCRIPT = """\
Harbour talks go on

HOST: Will the harbour deal survive the winter?

Asked about the deal, the mayor said the council would vote in March.

The council is expected to approve the plan.

“Nobody asked us about the dredging,” Okafor grumbled.

Crews worked in nine states that voted to fund the levees.
"""


def test_transcript_labels_questions_expectations_and_frames():
    article, found = model(TRANSCRIPT)
    got = [
        (
            words(article, s, a.start, a.end),
            words(article, s, a.source_start, a.source_end) if a.source_start >= 0 else None,
            a.kind,
            a.listed,
        )
        for s, a in found
    ]
    assert (":", "HOST", "credit", False) in got
    assert ("Asked", None, "speech", False) in got
    assert ("is expected", None, "belief", False) in got
    assert ("grumbled", "Okafor", "speech", False) in got
    assert not any(g[0] == "states" for g in got)


def test_phrase_patterns_run_only_on_sentences_with_their_trigger_words():
    finder = linter_for().tools.attribution_finder
    triggers = [t for _, t in finder.phrases]
    assert frozenset(["according"]) in triggers
    # A pattern naming a lexicon list is triggered by that list's words.
    assert any(t is not None and "tally" in t and "poll" in t for t in triggers)
    # "so-called" is one token: the "called" inside it triggers nothing.
    assert not finder.find("a so-called           group met.")


def test_a_participle_after_a_cue_does_not_swallow_it():
    _, atts = model("Head\n\nThe ferry will run all winter, he said, citing the new timetable.\n")
    assert ("said", "speech") in [(a.cue, a.kind) for _, a in atts]


def test_a_title_case_headline_has_its_verbs():
    article, atts = model("Harbour Chief Says The Ferry Will Run All Winter\n\nThe ferry runs.\n")
    assert [(words(article, s, a.start, a.end), a.source) for s, a in atts] == [("Says", "Harbour Chief")]


def test_a_capitalised_word_in_a_sentence_is_no_verb():
    article, atts = model("Head\n\nOnly The Harbour Show on the island radio hit 50 percent.\n")
    assert atts == []


def test_says_after_a_long_described_subject():
    article, atts = model("Head\n\nThe veteran island ferry captain says a winter crossing is safe.\n")
    assert [(words(article, s, a.start, a.end), a.source_kind) for s, a in atts] == [("says", "described")]


def test_an_inverted_cue_after_a_quotation_inside_a_sentence():
    article, atts = model('Head\n\nThe captain is "not one to complain," said Ana Ruiz, a deckhand.\n')
    assert [(words(article, s, a.start, a.end), words(article, s, a.source_start, a.source_end)) for s, a in atts] == [
        ("said", "Ana Ruiz")
    ]


def test_a_headline_kicker_credits_no_one():
    _, atts = model("BREAKING: Harbour Chief Quits After Ferry Vote\n\nThe chief quit on Friday.\n")
    assert [a.cue for _, a in atts if a.kind == "credit"] == []


@pytest.mark.parametrize(
    "headline,source",
    [
        # A column or a series named before the colon credits no one.
        ("The Latest: Ferry Runs Again After Storm", None),
        ("Friday’s Harbour Briefing: Fares Go Up", None),
        ("2026 Harbourcast: Can the Ferry Survive?", None),
        ("Good Day For Ferries: Council Backs Fares", None),
        # A name or a title may hold "of".
        ("Minister of Transport Ruiz: Fares Will Rise", "Minister of Transport Ruiz"),
        ("Harbour Board: Fares Will Rise", "Harbour Board"),
    ],
)
def test_a_headline_colon_credits_a_source_not_a_series(headline, source):
    article, atts = model(f"{headline}\n\nThe ferry runs.\n")
    got = [words(article, s, a.source_start, a.source_end) for s, a in atts if a.kind == "credit"]
    assert got == ([source] if source else [])


def test_a_title_before_a_headline_colon_is_part_of_the_source():
    article, atts = model("Dr. Ana Ruiz: The Ferry Must Run All Winter\n\nThe ferry runs.\n")
    assert [words(article, s, a.source_start, a.source_end) for s, a in atts if a.kind == "credit"] == ["Dr. Ana Ruiz"]


def test_a_poll_answer_has_the_people_polled_as_its_source():
    article, atts = model("Head\n\nAbout 40 percent chose the evening ferry. The harbour master named a deputy.\n")
    assert [(words(article, s, a.start, a.end), words(article, s, a.source_start, a.source_end)) for s, a in atts] == [
        ("chose", "About 40 percent")
    ]


def test_a_quotation_closed_by_two_apostrophes_puts_its_speaker_after_the_cue():
    article, atts = model("Head\n\n''The ferry will run all winter,'' said Ana Ruiz, a deckhand.\n")
    assert [(words(article, s, a.start, a.end), words(article, s, a.source_start, a.source_end)) for s, a in atts] == [
        ("said", "Ana Ruiz")
    ]


def test_a_pronoun_after_the_cue_opens_the_reported_clause():
    article, atts = model("Head\n\nBut Mr. Ruiz, a deckhand, said he would stay on the island.\n")
    got = [(words(article, s, a.start, a.end), words(article, s, a.source_start, a.source_end)) for s, a in atts]
    assert got == [("said", "Mr. Ruiz, a deckhand")]


def test_shares_as_the_people_polled():
    article, atts = model("Head\n\nThree in 10 said the ferry was late. On fares, 42% say they are too high.\n")
    got = [(words(article, s, a.start, a.end), words(article, s, a.source_start, a.source_end)) for s, a in atts]
    assert got == [("said", "Three in 10"), ("say", "42%")]


def test_a_noun_of_saying_with_its_source_after_by_reports_the_clause_after_it():
    article, atts = model("Head\n\nOn Monday the mayor read out a claim by the monitor that 57 people were killed.\n")
    [(s, a)] = [(s, a) for s, a in atts if a.cue == "claim by"]
    assert words(article, s, a.source_start, a.source_end) == "the monitor"
    assert words(article, s, a.content_start, a.content_end) == "57 people were killed"


def test_words_of_when_and_adverbs_stand_between_a_source_and_its_cue():
    text = (
        "Head\n\nHarbour master Ana Ruiz on Thursday declared that the port would close. "
        "Mr. Ruiz last week said the ferry was safe. The numbers changed, as Ruiz has sometimes acknowledged. "
        "The family said the boy was safe.\n"
    )
    article, atts = model(text)
    got = [(words(article, s, a.start, a.end), words(article, s, a.source_start, a.source_end)) for s, a in atts]
    assert got == [
        ("declared", "Harbour master Ana Ruiz"),
        ("said", "Mr. Ruiz"),
        ("acknowledged", "Ruiz"),
        ("said", "The family"),
    ]


def test_finding_a_means_reporting_to_an_authority_a_programme_and_say_for_example_are_no_cues():
    text = (
        "Head\n\nThe senator found ways to press his agenda through 40 bills. "
        "Even if she narrows the gap to, say, single digits, she could win 20 states. "
        "The clerk reported it to the police on Friday. Ms. Ruiz's show has 3 million viewers. "
        "Investigators found no evidence that 57 people died.\n"
    )
    article, atts = model(text)
    assert [(words(article, s, a.start, a.end), words(article, s, a.source_start, a.source_end)) for s, a in atts] == [
        ("found", "Investigators")
    ]


def test_all_told_adding_to_a_telling_detail_and_a_credit_line_are_no_cues():
    text = (
        "Head\n\nAll told, the group raised $4 million in February. "
        "Ruiz won the vote on Tuesday, adding to her lead. The most telling promise was the last one. "
        "He added that the ferry would run.\n\nAna Ruiz reported from Ashby.\n"
    )
    article, atts = model(text)
    assert [(words(article, s, a.start, a.end), words(article, s, a.source_start, a.source_end)) for s, a in atts] == [
        ("added", "He")
    ]


@pytest.mark.parametrize(
    "sentence,cue,source",
    [
        # An appositive opened by a bare noun of office, before a verb that is also a noun.
        (
            "Nigel Hart, leader of the fishermen's union, says such quotas are ruinous.",
            "says",
            "Nigel Hart, leader of the fishermen's union",
        ),
        # An inverted "says" after a comma that ends a clause, not a quotation.
        ("The quay was rebuilt in one summer, in contrast to the old plans, says Tomas Berg.", "says", "Tomas Berg"),
        # Right after a quotation the words after the verb are its speaker, whatever the noun.
        ('The camera pans. "Nobody came to ask us why," says a narrator.', "says", "a narrator"),
        # A verb outside the reporting list, set off by a question's closing mark.
        ('"How big is that wall going to be?" asked the boy in the front row.', "asked", "the boy"),
    ],
)
def test_inverted_and_appositive_sources_of_verbs_that_are_also_nouns(sentence, cue, source):
    article, atts = model(f"Head\n\n{sentence}\n")
    assert [(words(article, s, a.start, a.end), words(article, s, a.source_start, a.source_end)) for s, a in atts] == [
        (cue, source)
    ]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # The object of "told" is the hearer: the speaker is the subject and its appositive.
        (
            '"We will hold the line," the union\'s chief of staff, Ines Moreau, told the Courier on Monday.',
            [("told", "the union's chief of staff, Ines Moreau")],
        ),
        (
            "Pia Lund, a nurse visiting the port on leave, told the Gazette that she saw the crane fall.",
            [("told", "Pia Lund")],
        ),
        # A time after an inverted-looking cue is when, not who.
        (
            "A port official, speaking on condition of anonymity, said Friday that the quay would close.",
            [("said", "A port official, speaking on condition of anonymity")],
        ),
        # A relative clause on the sentence's subject is no inverted cue's content.
        (
            "Okafor, who said he usually votes for the mayor, said one rival he likes is Ada Brun.",
            [("said", "who"), ("said", "Okafor")],
        ),
        # ... but one on a noun inside the clause leaves the inverted cue its speaker.
        (
            "The vote will turn on towns like Ashby, which has backed the winner for decades, says Rui Sousa.",
            [("says", "Rui Sousa")],
        ),
        # A participle and a second verb share the subject of the cue they hang on.
        (
            '"We feel good about every ward," she said, adding that the count would take a week.',
            [("said", "she"), ("adding", "she")],
        ),
        (
            "The harbour master said the storm had passed but said the quay would stay shut.",
            [("said", "The harbour master"), ("said", "The harbour master")],
        ),
        # A participle after an opening phrase shares the main clause's subject, not the phrase.
        (
            "Speaking at a town hall in Ashby, Ruiz went after the council, calling it a disgrace.",
            [("went after", "Ruiz"), ("calling", "Ruiz")],
        ),
        (
            "This year, the mayor cut the ferry, saying it cost too much.",
            [("saying", "the mayor cut the ferry")],
        ),
        # A name that opens the sentence, set off by a comma, is the subject whatever stands
        # between it and the verb; what follows is the object.
        (
            "Ines Moreau, helped by her brother, goes after Ruiz.",
            [("goes after", "Ines Moreau, helped by her brother")],
        ),
        (
            "Pia Lund, the nurse and union organiser, endorsed the plan on Saturday.",
            [("endorsed", "Pia Lund")],
        ),
        # After an auxiliary no cue is inverted: the words after it are its object.
        (
            'Dozens of the club\'s "founders" have endorsed Mrs. Ruiz, a sign of her support.',
            [("endorsed", "")],
        ),
        # An infinitive's speaker is the subject of the verb it completes.
        ("Ruiz went on to say the ferry would run.", [("say", "Ruiz")]),
        # A second verb of saying after "and", before a quotation or an object.
        (
            'The harbour master smiled and said, "We are ready."',
            [("said", "The harbour master smiled")],
        ),
        # "according to" keeps its whole source, and the phrase inside that source ("a count
        # by") is no second cue.
        (
            "Ruiz now has at least 723 votes, according to a count by the Ashby Ledger.",
            [("according to", "a count by the Ashby Ledger")],
        ),
        # A dateline with a wire's name is read past; so is the clause a participle does not
        # hang on, and an appositive set off by dashes or holding a quotation.
        (
            "ASHBY, Vale (Ledger) - Mayor Ana Ruiz met the crews on Thursday and said the quay must reopen.",
            [("said", "Mayor Ana Ruiz")],
        ),
        (
            "Ruiz turned to the budget, but Holt brought her back to the ferry, asking her to explain the fares.",
            [("asking", "Holt")],
        ),
        (
            "Councillor Pia Lund — like Holt, a critic of the plan — recalled Ruiz giving the same answer.",
            [("recalled", "Councillor Pia Lund")],
        ),
        (
            "Mr. Berg, citing ''the old charter,'' said the mayor could not close the quay.",
            [("citing", "Mr. Berg"), ("said", "Mr. Berg")],
        ),
        # A long appositive with commas of its own, or a relative clause after an opening
        # "But", still leaves the name that opens the sentence its subject; an opening of time
        # is no name.
        (
            "Sandra Holt, a ferry user from Ashby, Vale, attending the hearing, said she could not back the plan.",
            [("said", "Sandra Holt")],
        ),
        (
            "But Berg, who recalled taking the night ferry for years, said in an interview that it was safe.",
            [("recalled", "who"), ("said", "Berg")],
        ),
        ("Yesterday, officials said the quay would close.", [("said", "officials")]),
        # "reportedly" credits its clause to reports it does not name.
        ("The ferry company is reportedly losing money.", [("reportedly", "")]),
        # A bracketed party and state belong to the name before them.
        ("Sen. Ada Brun (R-Ky.) said the levy would pass.", [("said", "Sen. Ada Brun (R-Ky.)")]),
        # What seems so is no source: the impression is the writer's.
        ("Ruiz seems to have won the argument.", [("seems", "")]),
    ],
)
def test_hearers_times_and_shared_subjects(sentence, expected):
    assert cues_and_sources(sentence) == expected


def test_newsroom_credit_lines_are_no_copy():
    text = (
        "Ferry fares rise again\n\nThe ferry company raised fares on Monday, the council said.\n\n"
        "Lena Holt contributed reporting from Ashby.\n\n"
        "(Reporting by Ana Ruiz; Additional reporting by Tom Berg in Ashby; Editing by Pia Lund.)\n"
    )
    article, atts = model(text)
    assert [(words(article, s, a.start, a.end), words(article, s, a.source_start, a.source_end)) for s, a in atts] == [
        ("said", "the council")
    ]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # A cue word owned by a name is a noun: the claim, the showing, the tweet.
        ("Ruiz's claim to speak for the harbour went unanswered.", []),
        ("Whether Ms. Berg's showing will be enough is unclear.", []),
        ("Ruiz’s tweet is a reminder of the ferry's troubles.", []),
        # ... but "'s" after a pronoun is "has" or "is".
        ("He's said the quay would close.", [("said", "He's")]),
        # An -s word before "has" or "have" is their subject.
        ("The old social media posts have exposed a gap in the checks.", []),
        ("The union said the dispute had its roots in pay and staffing issues.", [("said", "The union")]),
    ],
)
def test_cue_words_that_are_nouns_here(sentence, expected):
    assert cues_and_sources(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # A noun phrase a determiner opens is the subject of a speech or stance cue after it.
        ("In May, the harbourmaster called for the ferry to stop.", [("called for", "the harbourmaster")]),
        ("This initiative called for a second quay.", [("called for", "This initiative")]),
        # Speech in more words: making clear, shooting back, laying out, pointing out.
        ("Ruiz made it clear that the fares would rise.", [("made it clear", "Ruiz")]),
        ('Berg shot back, "The ferry was never late."', [("shot back", "Berg")]),
        ("The mayor laid out her plan for a second quay.", [("laid out", "The mayor")]),
        ("Ruiz smiled, pointing out that the ferry was late.", [("pointing out", "Ruiz")]),
        # A capitalised word in -ly is a name, not an adverb between a subject and its verb.
        ("Megyn Kelly said the ferry was late.", [("said", "Megyn Kelly")]),
        ("Kelly quickly said the ferry was late.", [("said", "Kelly")]),
        # A road laid out long ago says nothing.
        ("The road was laid out in 1900.", []),
    ],
)
def test_more_cues_of_speech_and_their_subjects(sentence, expected):
    assert cues_and_sources(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # A gerund after a preposition speaks for the subject of its clause.
        ("Ruiz landed in trouble last week by saying that the ferry was unsafe.", [("saying", "Ruiz")]),
        ("Berg met the crew before adding that the fares would rise.", [("adding", "Berg")]),
        ("The mayor met the crew, as she did last year by announcing the fares.", [("announcing", "she")]),
        ("Recognizing this, Ms. Ruiz joined the union in writing a plan.", [("writing", "Ms. Ruiz")]),
        # A linking word or a phrase of time before the subject is no part of it.
        ("Then she cut into Berg, calling him weak.", [("calling", "she")]),
        ("A few days later, Ruiz reversed herself, telling the Courier that fares would fall.", [("telling", "Ruiz")]),
        ("He went further on Tuesday, saying the ferry was unsafe.", [("saying", "He")]),
    ],
)
def test_the_speakers_of_gerunds_and_participles(sentence, expected):
    assert cues_and_sources(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # "Will" and "May" before a past form are names, not auxiliaries.
        ("George Will wrote that the ferry was late.", [("wrote", "George Will")]),
        ("Ruiz will say more on Monday.", [("say", "Ruiz")]),
        # Words of place stand between a subject and its verb like words of time.
        ("Ferry workers here said the quay would close.", [("said", "Ferry workers")]),
        # A passive with its agent: the one after "by" reports or asks.
        ("As reported by the Harbour Ledger, the quay was closed.", [("reported by", "the Harbour Ledger")]),
    ],
)
def test_names_like_auxiliaries_places_and_agents(sentence, expected):
    assert cues_and_sources(sentence) == expected
