"""The headline rules: headline-hedge-mismatch and headline-number-mismatch.

Every article here is written for its case. The headline is line 1; the body follows.
"""

from __future__ import annotations

import pytest

from conftest import found, lint

HEDGE = "headline-hedge-mismatch"
NUMBER = "headline-number-mismatch"


def hedge(text: str) -> list[tuple[int, str]]:
    return found(text, HEDGE)


def number(text: str) -> list[tuple[int, str]]:
    return found(text, NUMBER)


# --- headline-hedge-mismatch: (a) a plain headline over a hedged or attributed body -----------

def test_plain_headline_over_attributed_first_mention():
    text = """
        Airstrikes killed nearly 500 civilians in June

        Coalition airstrikes on two provinces killed 472 civilians over the past month, a monitor said on Friday.

        The toll is the highest since the campaign began.
        """
    assert hedge(text) == [(1, "Airstrikes killed nearly 500 civilians in June")]
    (d,) = lint(text, select=[HEDGE])
    assert "see line 3" in d.message and "a monitor said" in d.message


def test_plain_headline_over_hedged_first_mention():
    text = """
        Scorpion stings passenger on Portland flight

        A scorpion may have stung a passenger on a flight to Portland on Saturday.
        """
    assert hedge(text) == [(1, "Scorpion stings passenger on Portland flight")]


def test_first_mention_is_the_first_sentence_sharing_the_claim():
    # The first paragraph is background; the claim is first made, attributed, in the third.
    text = """
        Hospital director resigns over billing scandal

        The hospital has been under scrutiny since the spring.

        Auditors began work in May.

        The hospital director resigned on Tuesday over the billing scandal, two board members said.
        """
    assert hedge(text) == [(1, "Hospital director resigns over billing scandal")]


def test_plain_headline_over_plain_body_is_fine():
    text = """
        Flood waters close main bridge into town

        Flood waters closed the main bridge into town on Sunday morning.

        The county said it would reopen once engineers had inspected it.
        """
    assert hedge(text) == []


def test_attribution_in_a_subordinate_clause_does_not_hedge_the_claim():
    text = """
        Ryan budget keeps the same Medicare savings

        Paul Ryan's budget keeps the same Medicare savings as the health law, even though Ryan has said those cuts would be devastating.
        """
    assert hedge(text) == []


# --- (b) a hedged or attributed headline over a plain body ----------------------------------

def test_colon_source_headline_over_plain_body():
    text = """
        Monitor: 57 dead in strike on prison

        At least 57 people were killed in an airstrike on the prison on Monday.
        """
    assert hedge(text) == [(1, "Monitor: 57 dead in strike on prison")]
    (d,) = lint(text, select=[HEDGE])
    assert "plain fact" in d.message and "see line 3" in d.message


def test_hedge_word_headline_over_plain_body():
    text = """
        Warehouse fire may have been arson

        The fire that destroyed the riverside warehouse was arson.
        """
    assert hedge(text) == [(1, "Warehouse fire may have been arson")]


def test_claim_quotes_over_body_that_asserts_the_quoted_words():
    text = """
        Dozens dead in 'chemical attack' on village

        Dozens of people died in a chemical attack on the village on Tuesday.
        """
    assert hedge(text) == [(1, "Dozens dead in 'chemical attack' on village")]


# --- no finding: both hedged, both attributed, and the conventions -------------------------

def test_both_hedged_and_attributed():
    text = """
        Scores dead in alleged airstrike on prison

        Airstrikes on a prison have allegedly killed at least 57 people, a monitor has claimed.
        """
    assert hedge(text) == []


def test_dash_attribution_over_attributed_body():
    text = """
        Factory to close with loss of 600 jobs - union

        The plant will close next spring with the loss of about 600 jobs, the union said on Monday.
        """
    assert hedge(text) == []


def test_claim_quotes_over_hedged_body():
    text = """
        Dozens dead in 'US-led strike' in Mayadeen

        A suspected US-led raid killed at least 57 people in Mayadeen, according to a monitoring group.
        """
    assert hedge(text) == []


def test_official_statistics_stated_as_fact():
    text = """
        U.S. adds 156,000 jobs in August

        The U.S. economy added 156,000 jobs in August, new government data showed on Friday.
        """
    assert hedge(text) == []


def test_election_result_stated_as_fact():
    text = """
        Cruz wins Wisconsin Republican primary

        Ted Cruz was declared the winner of the Wisconsin Republican primary on Tuesday night.
        """
    assert hedge(text) == []


def test_columnist_byline_colon_is_not_attribution():
    text = """
        Jane Ortiz: The tax plan fails working families

        By Jane Ortiz

        The tax plan fails working families in every state that needs them.
        """
    assert hedge(text) == []


# --- traps named by the issue -------------------------------------------------------------

def test_says_headline_over_attributed_body():
    text = """
        Farm bill unfair to small growers, senator says

        The farm bill is unfair to small growers, Senator Jane Roe said on Monday.
        """
    assert hedge(text) == []


def test_says_headline_over_body_about_the_same_speaker():
    # The body reports the speaker's own stance, so it carries the headline's source.
    text = """
        Clinton: I support statehood for the District

        Hillary Clinton wants to see statehood for the District.
        """
    assert hedge(text) == []


def test_real_quotation_with_a_speaker_in_the_headline():
    text = """
        Roe calls farm bill 'a disaster for growers'

        Senator Jane Roe attacked the farm bill on Monday as a disaster for growers.
        """
    assert hedge(text) == []


def test_scare_quotes_around_a_word_the_body_never_asserts():
    text = """
        Candidate's 'pervert' ad targets former congressman

        The campaign released a second ad on Thursday that features the former congressman.
        """
    assert hedge(text) == []


def test_question_headline():
    text = """
        Was the mayor told about the contract?

        The mayor may have been told about the contract in March, two aides said.
        """
    assert hedge(text) == []


def test_kicker_before_colon_is_not_a_source():
    text = """
        Tail of survival: Buried cat claws back to life after five days

        A buried cat reportedly clawed its way back to life after five days underground.
        """
    assert hedge(text) == [(1, "Tail of survival: Buried cat claws back to life after five days")]


def test_standfirst_above_the_page_header_is_display_copy():
    text = """
        Airstrikes killed nearly 500 civilians over one month

        Airstrikes have killed almost 500 civilians over the past month.
        2 min read
        23 June, 2017

        Airstrikes on two provinces have killed 472 civilians over the past month, a monitor said on Friday.
        """
    assert hedge(text) == [(1, "Airstrikes killed nearly 500 civilians over one month")]


def test_no_headline_no_finding():
    assert lint("Airstrikes killed 472 civilians, a monitor said.\n", select=[HEDGE, NUMBER]) == []
    markdown = "Airstrikes killed 472 civilians, a monitor said.\n\nThe toll was 1,953 overall.\n"
    assert lint(markdown, select=[HEDGE, NUMBER], path="draft.md") == []


def test_short_headline_makes_no_checkable_claim():
    text = """
        Giant crab

        Does this photo of the harbour show a giant crab, as some claim?
        """
    assert hedge(text) == []


# --- headline-number-mismatch ------------------------------------------------------------

def test_headline_figure_the_body_does_not_support():
    text = """
        100 dead in Syria strike

        At least 57 people were killed in the strike, a monitor said.
        """
    assert number(text) == [(1, "100")]
    (d,) = lint(text, select=[NUMBER])
    assert "57" in d.message and "see line 3" in d.message


def test_approximators_are_ranges():
    text = """
        Airstrikes killed nearly 500 civilians in a month

        Airstrikes killed 472 civilians over the past month, a monitor said.
        """
    assert number(text) == []


def test_vague_quantities_are_ranges():
    dozens = """
        Dozens dead in strike on prison

        At least 42 prisoners and 15 fighters were killed in the strike, a monitor said.
        """
    scores = """
        Scores dead in strike on prison

        At least 57 people were killed in the strike, a monitor said.
        """
    assert number(dozens) == []
    assert number(scores) == []


def test_vague_quantity_the_body_contradicts():
    text = """
        Hundreds arrested at climate protest

        Police arrested 23 people at the climate protest on Saturday, a spokesman said.
        """
    assert number(text) == [(1, "Hundreds")]


def test_more_than_is_open_ended():
    fits = """
        More than 100 arrested at protest

        Police arrested 250 people at the protest, a spokesman said.
        """
    short = """
        More than 100 arrested at protest

        Police arrested 60 people at the protest, a spokesman said.
        """
    assert number(fits) == []
    assert number(short) == [(1, "100")]


def test_percentages_compare_with_percentages():
    text = """
        Clinton leads with 52 percent in new poll

        Clinton had 46 percent and Trump 41 percent in the poll, which surveyed 1,000 voters.
        """
    assert number(text) == [(1, "52 percent")]


def test_no_body_figure_for_the_same_thing_is_not_this_rule():
    text = """
        100 dead in Syria strike

        The strike hit a prison in the east of the country, residents said.

        Police arrested 12 people at a protest in the capital.
        """
    assert number(text) == []


def test_headline_date_or_age_is_not_a_figure():
    age = """
        Playboy founder Hugh Hefner dies at 91

        Hugh Hefner died on Wednesday, his company said. He was 91.
        """
    date = """
        Strike on May 23 killed 57 people

        At least 57 people were killed in the strike, a monitor said.
        """
    assert number(age) == []
    assert number(date) == []


def test_scene_setting_headline_makes_no_claim():
    text = """
        When commuters find the bridge closed without warning

        Commuters might find the main bridge closed on Monday, the county said.
        """
    assert hedge(text) == []


def test_headline_hedge_without_its_verb_to_be():
    text = """
        Apple reported to begin shipping watch in March

        Apple may begin shipping its watch in March, an analyst said.
        """
    assert hedge(text) == []


# --- precision audit: false-alarm classes found on real copy, each with its counterpart ------

NO_MISMATCH = {
    # A headline verb that reports speech over the speaker's own words.
    "speech verb": """
        Governor signals he will veto school funding bill

        Governor Ana Ruiz said on Monday she would not sign the school funding bill in its current form.
        """,
    # A source after a double hyphen, or an agency's acronym after a final colon.
    "double-hyphen source": """
        Carmaker was forced to drop its self-parking feature -- report

        The carmaker dropped its self-parking feature after tests failed, the Daily Courier reported.
        """,
    "acronym source": """
        Rebels release video of captured pilot: SITE

        The rebel group released a video of the captured pilot on Monday, the SITE monitoring group said.
        """,
    # A label beside a source still names it; the body quotes the same words as a headline.
    "label beside a source": """
        Courier editorial: 'Close the old mine.'

        The old mine should be closed, an editorial in the Courier reads this week.
        """,
    # A poll as the headline's subject is the headline's source.
    "poll as subject": """
        New poll gives mayor a double-digit lead

        Mayor Lena Ortiz leads her challenger by 12 points among likely voters, according to a Courier poll.
        """,
    # Headline words that already carry doubt.
    "unclear in headline": """
        Fate of rebel commander remains unclear after airstrike

        An airstrike wounded the rebel commander on Sunday, according to army officials.
        """,
    "expected in headline": """
        Indictment expected for county treasurer

        The county treasurer was expected to be indicted on fraud charges, people with knowledge of the case said.
        """,
    "tipped in headline": """
        Grocer tipped to make a bid for rival chain

        Shares in the rival chain rose after a trade website said the grocer might offer to buy it.
        """,
    # A hedge that holds something other than the headline's claim.
    "hedge on the charge": """
        Senators urge president to cancel summit after indictment of trade officials

        Senators pressed the president on Friday to cancel his summit, after six trade officials were indicted for allegedly falsifying export records.
        """,
    "hedge adds nothing new": """
        Candidate stands by aide despite battery charge

        The candidate defended his aide on Tuesday, hours after the aide was charged with battery for allegedly shoving a reporter away from the candidate.
        """,
    "allegations as a topic": """
        Advocacy group ad hits senator on rising violence

        The rising violence at the senator's rallies and the assault allegations facing his aide are the focus of a new ad from an advocacy group.
        """,
    "supposed to means intended": """
        Mayor's threat to sue critics fits a familiar pattern

        At a rally that was supposed to be a closing argument, the mayor turned on his critics with a threat to sue them, a familiar pattern for him.
        """,
    # A modal clause that concedes before the claim.
    "concession": """
        Fisherman saved from bear by his phone's ringtone

        His phone may not have been much use for calls, but its ringtone saved the fisherman from a bear.
        """,
    # A participle after a main clause the writer states.
    "participle cue": """
        Two states file federal suit against neighbour over gambling law

        Two states filed a federal lawsuit on Thursday, claiming that their neighbour's gambling law breaks federal rules.
        """,
    "reporting verb as adjective": """
        Memos underscore ministry's concern over failure to act on warnings

        The memos underscore ministry concerns about the failure to act on documented warnings and earlier incidents.
        """,
    # An actor's own release of its own decision, and an official body's word on its action.
    "own release": """
        Council approves flood barrier after long fight

        The city council on Tuesday approved a flood barrier for the lower town, the council said in a statement.
        """,
    "official body": """
        Senate panel subpoenas two lobbying firms

        The leaders of the Senate ethics panel said Tuesday they had subpoenaed two lobbying firms.
        """,
    # Cues that name no source.
    "according to legend": """
        Harbour legend leads fishermen to bless their boats

        The fishermen bless their boats each spring because, according to legend, it keeps the storms away.
        """,
    "reflexive": """
        Mayor gets into online feud with former governor

        Even before the mayor landed, he found himself in an online feud with the former governor.
        """,
    "relative clause after a noun": """
        Party strategist indicted in fraud inquiry

        The party strategist was arrested early Friday on criminal charges that include fraud and witness tampering in the inquiry.
        """,
    "authorship": """
        Nine-year-old pens touching letter to teacher

        A letter written by a nine-year-old pupil to her teacher brought tears to his eyes.
        """,
    # Quoted words naming a thing, not holding a claim at a distance.
    "label quote": """
        Governor, mayor ban official travel over 'religious freedom' law

        The governor and the mayor banned official travel on Monday over the state's new religious freedom law.
        """,
    # A cue inside an aside in parentheses, or in a comparison, is not the main clause's.
    "parenthesis": """
        President will meet rival senator on Thursday

        The president congratulated the nominee and signaled that the campaign of Sen. Ann Lowe (I-Vt.) might be ending, before agreeing to meet the rival senator on Thursday.
        """,
    "comparison": """
        Contractors used charity donors to lobby the ministry

        The ties between contractors, the ministry and the charity's donors are closer than even the opposition has claimed.
        """,
    # Conditionals and explainers argue; they make no reported claim.
    "conditional headline": """
        If you skip the vote, you hand the seat to the incumbent

        Many voters tell themselves that skipping the vote changes nothing.
        """,
    "explainer headline": """
        Why the party's move against the senator could backfire

        In Saturday's debate the senator apologized to the party for his aides' conduct.
        """,
    # (b): a source or condition anywhere in the sentence keeps the claim from being plain fact.
    "(b) source in a subordinate clause": """
        Militants might be selling antiquities, envoy tells UN

        The envoy urged the UN to investigate the militants' trade in antiquities after a museum director said guards had been killed.
        """,
    "(b) condition": """
        Most accurate analyst says new phone is coming in March

        Fans can look forward to the new phone making its debut in March if the analyst's predictions prove true.
        """,
    # A first line of sixty words is the lede: the article has no headline.
    "no headline": """
        Representative Raul Lobo, a Republican who has served two terms in Congress, jumped into the race for majority leader on Friday, offering himself as the more conservative choice who could pull the House rightward after the defeat of the current leader, in a contest that could reshape the chamber's leadership for years to come and test the strength of the party's insurgent wing

        Supporters of his rival said the votes were already secured.
        """,
}


@pytest.mark.parametrize("case", sorted(NO_MISMATCH))
def test_no_mismatch_on_conventions_found_in_real_copy(case):
    assert hedge(NO_MISMATCH[case]) == []


def test_modal_clause_that_holds_the_claim_still_hedges_it():
    # The counterpart of the concession: here the hedged clause is the headline's claim.
    text = """
        No love lost between mayor and city unions

        There may be no love lost between the mayor and the city unions, but he will need their votes.
        """
    assert hedge(text) == [(1, "No love lost between mayor and city unions")]


def test_hedge_on_the_claim_itself_still_counts():
    text = """
        Teenager chopped off boyfriend's finger after quarrel

        A woman has been arrested after she reportedly chopped off her boyfriend's finger during a quarrel.
        """
    assert hedge(text) == [(1, "Teenager chopped off boyfriend's finger after quarrel")]


def test_a_release_by_someone_else_still_distances():
    # Only the actor's own statement of its own decision is stated as fact by convention.
    text = """
        Airstrikes killed 300 civilians in May

        Airstrikes killed 300 civilians in May, a monitoring group said in a statement.
        """
    assert hedge(text) == [(1, "Airstrikes killed 300 civilians in May")]


def test_speech_headline_over_a_report_of_that_speech():
    text = """
        Premier Okafor proposes: Merge the two northern provinces

        Premier Okafor has offered the regional leaders a plan to merge the two northern provinces, according to local media.
        """
    assert hedge(text) == [(1, "Premier Okafor proposes: Merge the two northern provinces")]
    (d,) = lint(text, select=[HEDGE])
    assert "according to local media" in d.message


def test_speaking_out_is_an_account():
    text = """
        Ministry threatened hostages' families with prosecution

        The families of two hostages are speaking out against the ministry for threatening them with prosecution.
        """
    assert hedge(text) == [(1, "Ministry threatened hostages' families with prosecution")]


def test_headline_findings_point_at_the_body_line_they_are_judged_against():
    from conftest import lint
    text = ("Mayor took bribes from developer\n\nProsecutors allege that Mayor Tom Reilly accepted $40,000 in cash "
            "from a property developer in return for planning permission, according to court papers filed on Monday.\n")
    [d] = [d for d in lint(text, select=["headline-hedge-mismatch"], dedent=False)]
    assert d.line == 1 and [(r.line, r.column) for r in d.related] == [(3, 1)]


# --- (a) is not an actor's own act, a month, a passive accusation or a named poll --------------

def test_headline_reporting_its_subjects_own_act_is_not_a_mismatch():
    text = """
        Mayor post mocks council over budget delay

        Mayor Dana Whitcombe on Tuesday posted a cartoon of the council asleep at its desks, drawing complaints from members.
        """
    assert hedge(text) == []


def test_subjects_plain_statement_still_attributes_the_claim():
    text = """
        Whitcombe camp declining to debate Ortiz

        A month before the primary, Dana Whitcombe's campaign says it is declining to debate Ortiz again.
        """
    assert hedge(text) == [(1, "Whitcombe camp declining to debate Ortiz")]


def test_outburst_by_the_headlines_subject_is_the_event():
    text = """
        Farmers round on ministry over drought aid

        Dairy farmers from three counties lashed out at the ministry on Monday over drought aid that has yet to arrive.
        """
    assert hedge(text) == []


def test_capitalised_may_is_a_month_not_a_hedge():
    text = """
        Reform group launches radio ads against the mayor

        The reform group is running radio ads against the mayor ahead of the May 3 primary election.
        """
    assert hedge(text) == []


def test_passive_accusation_and_named_poll_are_headline_hedges():
    accused = """
        Port authority accused of hiding crane failures

        The port authority hid two crane failures from inspectors last year, according to a report by the state auditor.
        """
    poll = """
        Councillor Avery stays ahead in latest poll

        Councillor Avery has the support of most voters in the ward, according to a survey by the local paper.
        """
    assert hedge(accused) == [] and hedge(poll) == []


def test_the_subject_announcing_its_own_next_step_is_stated_as_fact():
    text = """
        Mayor Ortiz to release her tax returns

        Mayor Dana Ortiz (D) said she will release her tax returns next week, as is tradition for candidates.
        """
    assert hedge(text) == []


def test_a_telling_or_a_joke_is_the_event_not_a_claim_at_a_distance():
    text = """
        Ortiz flops with harbor workers

        Mayor Dana Ortiz joked about the union and told the harbor workers they would not back her anyway.
        """
    assert hedge(text) == []


def test_a_long_colon_label_opened_by_a_source_before_her_words_is_speech():
    text = """
        Ortiz on the council releasing its budget papers: 'I think it will'

        Mayor Dana Ortiz told reporters she believed the council would release the papers.
        """
    assert hedge(text) == []
