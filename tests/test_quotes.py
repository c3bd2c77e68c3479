"""Quotation rules: balance, speakers and drift, on articles written for each case."""

from __future__ import annotations

import textwrap

import pytest

from attrlint.analysis.references import ReferenceIndex
from attrlint.model.source import from_string
from conftest import found, lint, linter_for


# --- quote-unbalanced -------------------------------------------------------------------

def test_unclosed_quote_is_reported_at_its_mark():
    text = """
    Bridge to reopen in spring

    “We will rebuild the bridge by spring, the mayor said on Tuesday.
    """
    assert found(text, "quote-unbalanced") == [(3, "“")]


def test_closing_mark_never_opened():
    text = """
    Bridge to reopen in spring

    The work is on schedule and within budget.” the mayor said.
    """
    assert found(text, "quote-unbalanced") == [(3, "”")]


def test_apostrophes_are_not_quotes():
    text = """
    Band plays on

    ISIS’s fighters left in the ’90s, she said, and rock ’n’ roll returned at 8 o’clock.

    The voters’ verdict was clear, said the pastor of St. James' church.
    """
    assert found(text, "quote-unbalanced") == []


def test_continuing_quote_convention():
    text = """
    Mayor sets out plan

    “We will rebuild the bridge,” the mayor said. “We will fix the roads.

    “And we will do it without raising taxes.”
    """
    assert found(text, "quote-unbalanced") == []


def test_open_paragraph_not_continued_is_unbalanced_and_so_is_the_stray_close():
    text = """
    Mayor sets out plan

    “We will rebuild the bridge and we will fix the roads.

    The council has not yet voted.”
    """
    assert found(text, "quote-unbalanced") == [(3, "“"), (5, "”")]


def test_nested_single_quote_closed_inside_double_is_fine_but_unclosed_one_is_not():
    good = """
    Talks stall

    “He told me ‘no way,’ and then he left,” the envoy said.
    """
    bad = """
    Talks stall

    The envoy said the plan was “‘unworkable.” Talks resume Monday.
    """
    assert found(good, "quote-unbalanced") == []
    assert found(bad, "quote-unbalanced") == [(3, "‘")]


def test_straight_pairs_with_curly_and_doubled_singles_are_double_marks():
    text = """
    Senator speaks

    “We are ready," the senator said. ''The bill is fair,'' her aide added, ''and 'overdue.' ''
    """
    assert found(text, "quote-unbalanced") == []


def test_markup_attributes_are_not_quotes():
    text = """
    Tweets fly

    <tweet author="someone" id="1">The vote is rigged, folks!</tweet> he wrote.
    """
    assert found(text, "quote-unbalanced") == []


def test_straight_mark_after_full_stop_opens_a_quote():
    text = """
    Market traders

    "We came for work," said one trader, who asked not to be named."We stayed for the money."
    """
    assert found(text, "quote-unbalanced") == []


# --- quote-unattributed ------------------------------------------------------------------

def test_quote_without_speaker_is_reported():
    text = """
    Water protest

    Protesters gathered outside the utility on Monday.

    “We will not leave until the water is back on.” The protest continued into the night.
    """
    assert found(text, "quote-unattributed") == [(5, "“We will not leave until the water is back on.”")]


def test_speaker_in_sentence_before_after_and_frame():
    text = """
    Water protest

    “We will not leave until the water is back on,” said Amina Yusuf, who organised it.

    She said: “This is the end of the line for us and our children.”

    “Nobody has told us anything about the repairs.” That was the view of Omar Said, a resident.

    “We have waited for three weeks now,” an angry Yusuf retorted.

    Chief engineer Dana Cole: “The pumps will be running again by Friday morning.”
    """
    assert found(text, "quote-unattributed") == []


def test_continuing_quote_and_next_paragraph_take_the_opening_speaker():
    text = """
    Water protest

    “We will not leave,” said Amina Yusuf. “We have children to feed and nothing to give them.

    “The council has known about the pipes for years and did nothing at all.”

    “We are tired of waiting for people who never come to see us.”
    """
    assert found(text, "quote-unattributed") == []


def test_terms_titles_slogans_are_not_quotations_to_attribute():
    text = """
    Campaign trail

    The senator called the plan a “shameful cash grab” and left.

    She appeared on “The Late Show With Stephen Colbert” on Monday.

    Marchers made the “hands up, don't shoot” gesture outside the court.

    The campaign slogan, “Putting Our Town First Again,” was everywhere.
    """
    assert found(text, "quote-unattributed") == []


def test_headline_quote_is_not_checked():
    text = """
    ‘We will never give up on this town,’ mayor vows

    The mayor spoke to residents on Monday.
    """
    assert found(text, "quote-unattributed") == []


def test_a_study_that_found_is_not_a_speaker_going_on():
    text = """
    Views on migration

    A survey by the institute found that residents fear rising rents. "We will all be priced out of the city," is one common saying here.
    """
    assert len(found(text, "quote-unattributed")) == 1


def test_speaker_slot_and_pronoun_resolution():
    text = textwrap.dedent("""
    Water protest

    “We will not leave until the water is back on,” said Amina Yusuf.

    “We have waited for three weeks now,” she said.
    """).lstrip("\\n")
    linter = linter_for(["quote-unattributed"])
    article = linter.article(from_string(text, "x.txt"))
    from attrlint.analysis.facts import Facts
    rule = linter.rules[0]
    speakers = rule.speakers(article, Facts(article, linter.tools))
    first, second = (speakers[q.open] for q in article.quotations)
    assert "Amina Yusuf" in first.name
    assert second.name == "she" and second.resolved == "Amina Yusuf"


# --- quote-drift --------------------------------------------------------------------------

WIRE = """
Colonel defends strike

The coalition said the mission was "meticulously planned and executed to reduce the risk ... to non-combatants".

"The removal of these facilities disrupts the group's ability to plan attacks against our partner forces," Colonel Dana Reyes said. "We will keep up the pressure."

Reyes added: "Two in three of the targets were destroyed on the first night of the operation."
"""


def _refs(tmp_path):
    ref = tmp_path / "wire.txt"
    ref.write_text(textwrap.dedent(WIRE).lstrip("\n"), encoding="utf-8")
    return ReferenceIndex.build([str(ref)], linter_for(["quote-drift"])), str(ref)


def test_changed_words_are_drift_and_message_names_the_reference(tmp_path):
    refs, ref_path = _refs(tmp_path)
    text = """
    Strike on prison

    It said the mission was “meticulously planned as well as performed to reduce the danger … to non-combatants”.
    """
    diags = [d for d in lint(text, select=["quote-drift"], references=refs) if d.rule == "quote-drift"]
    assert len(diags) == 1 and diags[0].line == 3
    assert f"{ref_path}:3" in diags[0].message and "meticulously planned and executed" in diags[0].message
    assert diags[0].related and diags[0].related[0].path == ref_path


def test_not_drift_punctuation_case_numbers_ellipsis_brackets_partial(tmp_path):
    refs, _ = _refs(tmp_path)
    text = """
    Strike on prison

    “the removal of these facilities disrupts the group’s ability to plan attacks against [its] partner forces”, Reyes said.

    He said “2-in-3 of the targets were destroyed on the first night”.

    The mission was “meticulously planned and executed to reduce the risk … to non-combatants,” the coalition said.

    The strike “disrupts the group's ability to plan attacks,” Reyes said. “We will keep up the pressure.”
    """
    assert found(text, "quote-drift", references=refs) == []


def test_dropped_word_and_contraction_are_drift(tmp_path):
    refs, _ = _refs(tmp_path)
    text = """
    Strike on prison

    “The removal of these facilities disrupts the group's ability to plan attacks against partner forces,” Reyes said.
    """
    assert len(found(text, "quote-drift", references=refs)) == 1


def test_same_quote_given_twice_in_one_article():
    text = """
    Council vote

    “We are not going to raise taxes on working families this year,” the mayor said.

    Later she repeated: “We are not going to raise taxes on families this year.”
    """
    assert [line for line, _ in found(text, "quote-drift")] == [5]


def test_different_remarks_sharing_a_phrase_are_not_drift():
    text = """
    Council vote

    “We will do the right thing and fix the roads,” the mayor said.

    “The council must do the right thing and resign,” her rival said.
    """
    assert found(text, "quote-drift") == []


# --- precision: false alarms found in an audit of real copy, each written afresh ----------

def test_speech_verbs_in_all_their_forms_give_a_speaker():
    text = """
    Hostage video

    The masked man adds in a flat voice, “We will keep our promise to the families.”

    The union wrote to the council, urging members to “stop holding the budget hostage and vote now.”

    A linguist at the university believes the speaker “sounds like someone raised near the coast.”

    The blogger calls the town “the most ordinary place in the whole state,” for its malls.
    """
    assert found(text, "quote-unattributed") == []


def test_verb_that_needs_a_quotation_after_it_is_no_cue_elsewhere():
    text = """
    Water protest

    “We will not leave until the water is back on.” The mayor believes in dialogue.
    """
    assert len(found(text, "quote-unattributed")) == 1


def test_a_common_saying_is_still_no_speaker():
    text = """
    River town

    “The river gives and the river takes away,” is one common saying here.
    """
    assert len(found(text, "quote-unattributed")) == 1


def test_fragment_before_an_attributed_quotation_is_the_same_voice():
    text = """
    Senator backs candidates

    On Tuesday the senator endorsed eight candidates “who carry the spirit of our movement.” “No one can do this alone,” Dana Ruiz wrote in an email.
    """
    assert found(text, "quote-unattributed") == []


def test_colon_introduction_naming_someone_and_block_after_it():
    named = """
    Old attack line

    Four years earlier, then-Senator Lee Park used nearly the same words against Jo Tran:

    “How would your pension fare under Jo Tran? Her plan would cut it by a fifth.”
    """
    block = """
    Pastor's prayer

    In the note under the video, Pastor Reed Dunn wrote:

    I think this prayer is timely. What we should ask is “who has the town chosen to lead it?” and then act.
    """
    unnamed = """
    Caucus night

    Read the latest updates below:

    “Turnout was high across the county and the count ran late into the night.”
    """
    assert found(named, "quote-unattributed") == []
    assert found(block, "quote-unattributed") == []
    assert len(found(unnamed, "quote-unattributed")) == 1


def test_quotation_paragraph_after_a_sentence_reporting_speech():
    text = """
    Awake in surgery

    After she recovered, Iva Novak told the Daily Post about the experience.

    “I remember very little, but the surgeon talked to me about my dog.
    
    “I missed the holidays, but this was the best present I could have had.”
    """
    assert found(text, "quote-unattributed") == []


def test_credit_paragraph_question_runs_frames_and_pointing_back():
    credit = """
    Debate claims checked

    “Almost all new income is going to the top one percent of earners.”

    - Rosa Vance.
    """
    runs = """
    Shortlist

    Asked about each name on his list, Mr. Hale played along.

    Governor Price? “Strong,” he said.

    General Ames? “A real patriot, a great man.”
    """
    frame = """
    Party chief

    “Are we still talking about that man during a national election?” Mr. Burton fumed, using a stronger word.
    """
    pointing = """
    Merger

    “You had people saying you should have combined a horse with a bird.”

    That was how Ann Cole, the chief executive, once described the failed deal.
    """
    for text in (credit, runs, frame, pointing):
        assert found(text, "quote-unattributed") == [], text


def test_sign_text_is_a_slogan_and_misplaced_marks_are_not_unattributed():
    sign = """
    Campus club

    One evening, Kim placed a sign in the hall that read, "Young Voters: The Best Club on Campus."
    """
    misplaced = """
    Senator on the inquiry

    "He's made some outrageous claims that nobody could check, Graham said. "He is acting like a film director."
    """
    assert found(sign, "quote-unattributed") == []
    assert found(misplaced, "quote-unattributed") == []
    assert found(misplaced, "quote-unbalanced") != []


def test_continuing_quotation_across_a_caption_or_embedded_post():
    text = """
    Officer dies

    In a statement, a spokesman for the union said: "It is with great sadness that we learned of the death of our colleague.

    Reuters   Firefighters carry a stretcher at the scene

    "On this day of mourning, officers are hit hard by the loss of one of their own."
    """
    assert found(text, "quote-unbalanced") == []
    assert found(text, "quote-unattributed") == []


def test_british_single_quotation_opened_after_a_colon_runs_on():
    text = """
    Crab sighting

    The curator said: 'At first all I could see was some faint movement in the water.

    'Before this I thought the photo showed a sand bank. Now I know better.'
    """
    assert found(text, "quote-unbalanced") == []
    assert found(text, "quote-unattributed") == []


def test_doubled_curly_singles_elision_and_tags_with_curly_quotes():
    text = """
    Store safes

    In the video titled “A second message to the city,’’ a man can be seen standing.

    The shop is adding safes to deter the smash ‘n’ grab variety of thief.

    [<a href=”https://example.org/story” target=”_blank”>A rally in Greensboro (with posts)</a>.]
    """
    assert found(text, "quote-unbalanced") == []


def test_overlapping_stretches_of_one_remark_are_not_drift(tmp_path):
    refs, _ = _refs(tmp_path)
    text = """
    Strike on prison

    “Well, the removal of these facilities disrupts the group's ability to plan attacks,” Reyes said.
    """
    assert found(text, "quote-drift", references=refs) == []


def test_within_article_not_drift_same_paragraph_different_speakers_parting_ways():
    same_paragraph = """
    Inquiry

    “That cable did not come to my attention,” the minister said. “I have made it very clear that the security cable did not come to my attention at any level.”
    """
    speakers = """
    Town hall

    Former minister Alma Reyes urged women to vote for Jo Tran, saying, “There’s a special place in hell for women who don’t help each other.”

    At the town hall on Monday, Dan Cole retorted: “There is a special place in hell for women who vote for women because they are women.”
    """
    assert found(same_paragraph, "quote-drift") == []
    assert found(speakers, "quote-drift") == []


def test_words_after_a_quotation_make_it_a_name():
    text = """
    Protest spreads

    Demonstrators were seen using the “hands up, don’t shoot” gesture outside the court.
    """
    assert found(text, "quote-unattributed") == []


def test_question_runs_with_abbreviated_titles_and_open_paragraphs_across_a_caption():
    runs = """
    Shortlist

    Asked about each name on his list, Mr. Hale played along.

    Governor Price? “Strong,” he said.

    Retired Lt. Gen. Ada Ames? “A real patriot, a great soldier.”
    """
    chained = """
    Officer dies

    A spokesman for the union said: "It is with great sadness that we learned of his death.

    Reuters   Firefighters carry a stretcher at the scene

    "On this day of mourning, officers are hit hard by the loss of one of their own.

    "We send our most sincere condolences to all of his family and friends."
    """
    assert found(runs, "quote-unattributed") == []
    assert found(chained, "quote-unattributed") == []
    assert found(chained, "quote-unbalanced") == []


def test_more_speech_frames_from_the_audit():
    text = """
    Email release

    The latest batch of emails has Dana Podesta saying, “We are going to have to release all of them sooner rather than later.”

    “We have a strong team that monitors every public post for threats,” the tweets read.

    The ad claims “Jo is the candidate that you can trust.”

    The agency defended its decision as “part of a wider plan to end poaching for good.”

    On Sunday, the site published a story headlined, “Protesters are using the same gesture used in Ferguson.”
    """
    assert found(text, "quote-unattributed") == []


def test_legal_text_quoted_from_the_law_the_sentence_names():
    text = """
    Impeachment rules

    The Constitution lets the House impeach officials for “treason, bribery or other high crimes and misdemeanors,” but the bar is political.

    State law makes it a crime for anyone “who promises any job or other benefit” in return for support.
    """
    assert found(text, "quote-unattributed") == []


def test_a_title_with_the_sentence_full_stop_inside_its_marks_is_not_a_quotation():
    from conftest import found
    text = "Senator on the road\n\nThe senator appeared on “The View” and on “The Late Show with Stephen Colbert.”\n"
    assert found(text, "quote-unattributed") == []


def test_speech_verbs_that_need_no_quotation_beside_them():
    from conftest import found
    text = ("Clinton rallies in Ohio\n\n"
            "Mrs. Clinton assured supporters at Kent State University on Monday that the F.B.I. review would "
            "\"reach the same conclusion they did when they looked at my emails.\"\n\n"
            "Later she promised that she would stay in the race. \"We are in till the last ballot is cast!\"\n")
    assert found(text, "quote-unattributed") == []


# --- second precision pass: introductions that are no speech verb -----------------------

def test_block_quotation_after_a_sentence_crediting_a_named_source():
    text = """
    Council pays for a day of readings

    According to Maria Delgado at the Harbour Ledger, the readings cost the city about $40,000.

    “The figure I reach is nearly $40,000. That counts the staff on overtime and the heating. The hall stood open all day whether anyone listened or not.”
    """
    assert found(text, "quote-unattributed") == []


def test_one_line_quote_after_an_according_to_sentence_still_wants_a_speaker():
    text = """
    Man escapes from the harbour

    According to Officer Jim Bell, the man swam to the north pier before dawn.

    “I saw him run along the pier with no shoes on.”
    """
    assert found(text, "quote-unattributed") == [(5, "“I saw him run along the pier with no shoes on.”")]


def test_letter_introduced_before_its_salutation():
    text = """
    Pupil writes to her coach

    A ten-year-old girl wrote to her football coach after the team lost the final.

    You can read a transcript of the letter below:

    Dear Coach Lee

    “Even though we lost, I still think you are the best coach in the league. You never shouted at us.

    “Next year we will win the cup for you.”
    """
    assert found(text, "quote-unattributed") == []


def test_updates_introduced_by_no_one_are_still_unattributed():
    text = """
    Results night

    Read the latest updates below:

    “Turnout was higher than anyone expected in the northern wards tonight.”
    """
    assert found(text, "quote-unattributed") == [(5, "“Turnout was higher than anyone expected in the northern wards tonight.”")]


def test_reaction_introduced_by_a_noun_phrase():
    text = """
    Baker wins the county fair

    Judges said the loaf was the best they had tasted in a decade.

    And Priya's reaction to that.

    “I knew it would rise this time.”
    """
    assert found(text, "quote-unattributed") == []


def test_the_writers_own_gloss_is_no_quotation():
    text = """
    Mayor stays silent on stadium

    The mayor has not made up his mind about the stadium. I suspect that is just code for “I am waiting for the polls.”
    """
    assert found(text, "quote-unattributed") == []


def test_a_cry_from_the_crowd_with_no_one_named_is_still_flagged():
    text = """
    Rally turns ugly

    Reporters heard the chant echo around the hall long after the speech, and then “send them all back home” rang out again.
    """
    assert found(text, "quote-unattributed") == [(3, "“send them all back home”")]


def test_made_clear_reports_what_the_speaker_said():
    text = """
    Union open to talks

    “We will listen to any offer,” Dana Roe, the union's negotiator, said on Monday.

    She made clear that any deal comes with conditions: pay cuts should be “kept to a minimum,” and they should end “no later than next spring.”
    """
    assert found(text, "quote-unattributed") == []


# --- quote-unattributed: a speaker the reader can tell from the copy around the quotation --------

def test_person_in_the_quotations_own_sentence_is_its_speaker():
    text = """
        Mayor backs tram line

        Mayor Ortiz toured the depot on Monday. She applauded the crews for keeping the old trams running "through every winter storm."
        """
    assert found(text, "quote-unattributed") == []


def test_quotation_after_a_sentence_about_someone_speaking_is_theirs():
    text = """
        Mayor backs tram line

        Ortiz spoke for twenty minutes at the depot and took one question from the floor.

        "We will finish this line before the next election, whatever it costs."
        """
    assert found(text, "quote-unattributed") == []


def test_a_run_of_quotations_keeps_its_speaker_across_a_short_aside():
    text = """
        Mayor backs tram line

        "We will finish this line," Ortiz told the crowd at the depot.

        She pauses.

        "And we will finish it before the next election."
        """
    assert found(text, "quote-unattributed") == []


def test_excerpts_credited_in_brackets_at_the_paragraph_end_are_attributed():
    text = """
        Morning briefing

        TRAMS RETURN "The city will run trams again on the east side by spring, ending a gap of forty years." [Daily Courier.]

        Old posters: "Keep the trams running for all of us" (1981) — "No trams, no town, no future" (1985). (City Archive.)
        """
    assert found(text, "quote-unattributed") == []


def test_quotation_with_nobody_around_it_is_still_reported():
    text = """
        Tram line to reopen

        The depot was quiet on Monday. "We will all be riding again before the snow comes." The line closed in 1981.
        """
    assert [line for line, _ in found(text, "quote-unattributed")] == [3]


def test_a_crowds_cries_have_no_speaker_whoever_else_is_named():
    text = """
        Rally turns ugly

        It was not just the cries of "Throw them all out now!" that rattled Councillor Ames at the rally.
        """
    assert [line for line, _ in found(text, "quote-unattributed")] == [3]


# --- speakers belong to the rule that asked: two rules with different cues, either order -------

@pytest.mark.parametrize("order", [("strict-quotes", "loose-quotes"), ("loose-quotes", "strict-quotes")])
def test_two_quote_rules_with_different_speech_cues_each_get_their_own_speakers(tmp_path, order):
    # "bellowed" is a speech cue only for the loose rule; nobody is named around the quotation,
    # so the strict rule finds no speaker whichever rule runs first.
    cues = {"strict-quotes": [], "loose-quotes": ["(?<![\\p{L}-])bellowed(?![\\p{L}-])"]}
    text = "".join(
        f"""
  - id: {rid}
    kind: quote-unattributed
    severity: warning
    message: "no speaker for {{quotation}}"
    description: test instance
    speech_cues: {cues[rid]!r}
""" for rid in order)
    rule_file = tmp_path / "quotes.yaml"
    rule_file.write_text("rules:" + text, encoding="utf-8")
    draft = """
        Depot reopens

        The doors opened at dawn. "We will all be riding again before the snow comes." The stranger bellowed it twice.
        """
    got = {d.rule for d in lint(draft, select=list(order), rules=(str(rule_file),))}
    assert got == {"strict-quotes"}
