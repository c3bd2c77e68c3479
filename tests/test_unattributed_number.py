"""unattributed-number: what is a reported figure, and the five ways a figure is covered."""

from __future__ import annotations

import pytest

from conftest import found

RULE = "unattributed-number"


def flagged(body: str) -> list[str]:
    return [text for _, text in found("Headline\n\n" + body + "\n", RULE)]


# --- reported figures with no source: findings ---------------------------------------

@pytest.mark.parametrize("body, figure", [
    ("At least 57 people were killed when the strike hit the jail.", "57"),
    ("Fifty-seven people died in the fire.", "Fifty-seven"),
    ("The council spent $4.5m on the bridge.", "$4.5m"),
    ("Turnout fell to 52% this year.", "52%"),
    ("Sales fell 7.1 percent in the quarter.", "7.1 percent"),
    ("Dozens were killed in the shelling.", "Dozens"),
    ("Scores of people were injured in the crush.", "Scores"),
    ("Hundreds of millions of farmers left the land.", "Hundreds of millions"),
    ("About a third of voters stayed at home.", "a third of"),
    ("The board deadlocked 4 to 4, and the ban stood.", "4 to 4"),
    ("The campaign raised over $6 million in a day.", "$6 million"),
    ("Three people were killed and two injured.", "Three"),
    ("The plant employs 1,200 workers.", "1,200"),
    ("The economy added 156,000 jobs in May.", "156,000"),
    ("Sales have been halved since the war began.", "halved"),
])
def test_unattributed_figures_are_flagged(body, figure):
    assert flagged(body) == [figure]


def test_one_finding_per_sentence_at_the_first_figure():
    assert flagged("The flood killed 12 people and left 400 families homeless.") == ["12"]


def test_attribution_given_only_later_does_not_cover():
    body = ("The strikes killed at least 12 civilians on Monday.\n\n"
            "Local activists said the jets returned on Tuesday.")
    assert flagged(body) == ["12"]


def test_attribution_in_the_next_sentence_of_the_paragraph_does_not_cover():
    assert flagged("The donor gave $250 last summer. He said he regrets it.") == ["$250"]


# --- not reported figures: no findings -----------------------------------------------

@pytest.mark.parametrize("body", [
    "The strike came on June 23, 2017, after talks collapsed in May.",
    "The war began in 2011 and the siege on 5 March.",
    "The meeting starts at 9 a.m. and ends at 10:30.",
    "Ana Ruiz, 55, runs the shelter with her 19-year-old son.",
    "The girl, aged 12, was rescued.",
    "Commanders were given 30 days to draw up a plan for a two-year term.",
    "The jail lies some 45 kilometres (28 miles) southeast of the capital.",
    "He became the 45th president after the G20 summit and invoked Article 5.",
    "The candidate made stops in five states and needs 30 seats to win.",
    "The party needs the 270 electoral votes needed to win the presidency.",
    "His two sons and two SEC commissioners attended.",
    "A 4,000-person agency runs the 30-day programme.",
    "The law sets a fine of up to $10,000 for each offence.",
    "That is the billion-dollar question for the club.",
    "The lawyers filed thousands of pages of documents.",
    "It was one of the worst days of his life.",
    "To win the nomination outright, a candidate must win 1,237 delegates.",
    "The federally mandated minimum wage is $7.25 an hour.",
    "Of the 10 senators who met the envoy, three were Democrats.",
    "Once a petition tops 100,000 signatures, parliament must consider it.",
    "The story is 100% false, the senator wrote on Twitter.",
    "I am 100 percent sure we will win.",
    "Clinton's $350 billion, 10-year plan includes free tuition.",
    "He voted against the $700 billion bailout of the banks.",
])
def test_things_that_are_not_reported_figures(body):
    assert flagged(body) == []


def test_counts_of_the_sources_themselves_are_not_figures():
    assert flagged("Two US intelligence officials have said the leader moved.") == []


def test_figures_inside_quotations_are_the_speakers():
    body = "“We lost 57 men that night,” the commander said.\n\n“Another 40 are missing.”"
    assert flagged(body) == []


def test_furniture_is_never_reported():
    assert flagged("2 min read\nThe protest drew 5,000 people, organisers said.") == []


def test_apostrophes_do_not_hide_a_figure_from_the_rule():
    assert flagged("The group’s raids killed 40 people in the ’90s.") == ["40"]


# --- coverage ------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "At least 57 people were killed, the monitor said.",
    "The monitor said at least 57 people were killed.",
    "At least 57 people were killed, according to the Syrian Observatory.",
    "Police estimated the crowd at 5,000 people.",
    "At least 15 fighters were also killed in the raid, said the UK-based monitor.",
    "A Gallup poll found 52% of adults approve.",
    "Rescuers have so far pulled 23 bodies from the rubble, the civil defence told AFP.",
    "The Hart tracking poll, which is updated daily, has Lee leading Park 44.8 percent to 43.7 percent.",
    "The agency raised the death toll to 267 on Friday. The number of injured stands at 387.",
    "The vote came after a newspaper investigation detailing how 40 officers took bribes.",
    "An inquiry by the state auditor uncovered payments to 22 contractors worth $3 million.",
    "The governor called a briefing to brag that unemployment had fallen below 5 percent.",
    "The analyst sees shipments reaching 61.7 million units in the first quarter.",
    "He pointed to a group of at least 544 managers who were passed over.",
    "Moss pleaded guilty to charges that he spent $750,000 of campaign money on himself.",
    "Farenthold pledged to repay the $84,000 spent to settle the claim.",
])
def test_attribution_in_the_sentence_covers(body):
    assert flagged(body) == []


def test_an_earlier_attributed_sentence_of_the_paragraph_covers():
    body = "The ministry released its figures on Friday. It said 260 civilians were killed. Of those, 82 were children."
    assert flagged(body) == []


def test_explicit_continuation_of_the_previous_paragraph_covers():
    body = ("Observatory head Rami Abdel Rahman said 260 civilians were killed in Deir al-Zour.\n\n"
            "Another 250 civilians were killed in Raqqa province.\n\n"
            "Of those, 53 were children.")
    assert flagged(body) == []


def test_continuation_needs_an_attributed_previous_paragraph():
    body = "The river burst its banks on Sunday.\n\nAnother 250 people were evacuated."
    assert flagged(body) == ["250"]


def test_pointing_back_to_an_attributed_poll_covers():
    body = ("A new Harvard poll of young voters found Sanders far ahead.\n\n"
            "Among Republican respondents, Trump had 22 percent.\n\n"
            "In the poll, 41 percent chose Sanders.")
    assert flagged(body) == []


def test_cues_without_a_source_do_not_cover():
    assert flagged("The strike reportedly killed 40 people.") == ["40"]
    assert flagged("It is believed that 40 people died.") == ["40"]
    assert flagged("The group is said to have 3,000 fighters.") == ["3,000"]


def test_a_reporting_verb_used_as_an_adjective_or_noun_does_not_cover():
    assert flagged("The reported toll of 300 people is low.") == ["300"]
    assert flagged("Clinton won 52 percent of the vote in five states.") == ["52 percent"]


def test_an_amount_that_something_runs_to_is_a_figure():
    assert flagged("The damage could run to $3 million.") == ["$3 million"]


def test_a_named_survey_is_pointed_back_to_by_its_name():
    body = ("A Levada Center survey found that 40 percent of Russians distrust the police.\n\n"
            "In Levada's Moscow sample, 55 percent did.")
    assert flagged(body) == []


def test_words_of_a_finding_are_not_source_names():
    body = ("A Levada Center survey found that 40 percent of Russians distrust the police.\n\n"
            "In Moscow, 2,000 Russians protested on Sunday.")
    assert flagged(body) == ["2,000"]


def test_respondents_named_by_group_point_back_to_the_poll():
    body = ("A Quinnipiac poll released on Monday found the race tied.\n\n"
            "But 77 percent of Republicans polled want the party to stand by him.")
    assert flagged(body) == []


def test_a_costed_renovation_is_still_a_figure():
    assert flagged("The club is halfway through a $50 million renovation.") == ["$50 million"]


def test_according_to_names_its_source_once_and_whole():
    from attrlint.engine.lint import Linter

    finder = Linter.create().tools.attribution_finder
    found = [(a.cue, a.source) for a in finder.find("According to Maria Delgado at the clinic, 40 people were treated.")]
    assert found == [("According to", "Maria Delgado at the clinic")]


def test_deck_is_not_body_copy_but_loaded_verb_reads_it():
    text = "Pool to close after fire\nAt least 57 people were hurt, critics claimed on Monday.\n\nThe council voted to close the pool on Monday.\n"
    from conftest import lint
    rules = {(d.rule, d.line) for d in lint(text, dedent=False)}
    assert ("unattributed-number", 2) not in rules
    assert ("loaded-verb", 2) in rules


# --- poll frames, fixed thresholds, proposals, and names that point back ------------------------

def test_a_poll_named_as_the_frame_of_its_figures_attributes_them():
    assert flagged("In the latest Harbor Times-KTVX poll, conducted in May, Ortiz led Whitlow 47 percent to 39 percent.") == []
    # "in the day after polls closed" is no poll frame
    assert flagged("The campaign raised over $6 million in the day after polls closed in the county.") == ["$6 million"]


def test_thresholds_said_the_other_way_round_are_fixed_by_rule():
    assert flagged("It takes 1,237 delegates to win the nomination.") == []
    assert flagged("With 38 delegates at stake, the race is close.") == []
    assert flagged("At stake in those three counties are 213 delegates.") == []
    assert flagged("Ortiz wants to raise the minimum wage, now $7.25 an hour.") == []


def test_what_someone_asks_for_or_proposes_is_their_proposals_figure():
    assert flagged("The mayor originally asked for $1.9 billion to repair the bridges.") == []
    assert flagged("Councillor Ames advocates tax increases of $15 million for the schools.") == []
    assert flagged("A new group is trying to raise $25 million for the campaign.") == []


def test_a_poll_name_points_back_only_as_that_source():
    text = """
        Race tightens

        Ortiz leads with 44 percent, a Valley Poll survey found.

        The Valley Poll numbers also show 12 percent undecided.

        Turnout in Valley County reached 61 percent last time.
        """
    assert [line for line, _ in found(text, RULE)] == [7]


def test_crowd_sizes_and_shares_of_people_are_figures_but_odds_are_not():
    assert flagged("The rally drew a crowd of 20,000.") == ["20,000"]
    assert flagged("One in four voters is undecided.") == ["One in four"]
    assert flagged("It is a one in a million chance.") == []


def test_per_is_a_source_only_before_a_name():
    # "per square foot" is a rate, not "per the Times"; the capital must really be a capital.
    assert flagged("The tower charged tenants $120 per square foot last year.") == ["$120"]
    assert flagged("The repairs cost $5 million, per the Harbor Times.") == []


def test_answers_in_a_q_and_a_are_the_speakers():
    text = ("Interview\n\nQ: How is the city doing?\n\n"
            "A: Better than people think. We cut the deficit by $40 million and hired 300 teachers.\n\n"
            "ORTIZ: And turnout rose to 61 percent.\n")
    assert found(text, RULE, dedent=False) == []


def test_market_quotes_are_not_figures_to_attribute():
    assert flagged("The Harbor index closed down 24.11 points, or 0.1 percent, to 18,432.24.") == []
    assert flagged("Brent crude fell 24 cents, to $42.46 a barrel in London.") == []
    # a statistic that moves is still one
    assert flagged("Unemployment in the county rose to 7.8 percent.") == ["7.8 percent"]


def test_statutory_rates_and_limits_are_fixed_figures():
    assert flagged("Employers would rather avoid a 40 percent excise tax on costly plans.") == []
    assert flagged("She gave $2,700, the maximum an individual can give.") == []
