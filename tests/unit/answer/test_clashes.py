"""Sentences about another year, owner or role than the question (pure but for the parse)."""

import pytest

from index.answer.clashes import (
    acted_on,
    acts,
    acts_on,
    affirmed,
    another_event,
    another_figure,
    another_instance,
    another_rank,
    another_share,
    another_sum,
    asked_figures,
    asked_instance,
    asked_kinds,
    asked_patient,
    asked_rank,
    asked_sum,
    asked_things,
    asked_years,
    asks_event_count,
    asks_passive,
    asks_past,
    called,
    charge,
    counted_apart,
    counts_a_thing,
    denied,
    departed,
    doers,
    does,
    done_by_asked,
    entry_stamp,
    farther_dates,
    for_another,
    hedged,
    held_count,
    kind_said,
    leaving,
    named_shares,
    named_thing,
    names_a_body,
    names_measure,
    names_whose,
    negated_verbs,
    never_person,
    no_holder,
    no_person,
    not_given,
    noun_owners,
    one_act,
    other_doer,
    other_owner,
    other_role,
    other_years,
    owners,
    phrase_names_thing,
    possible,
    qualifiers,
    qualifies_another,
    ranks,
    role_nouns,
    role_qualified,
    role_qualifiers,
    said_as_excess,
    said_leaving,
    said_of_another_count,
    shared_nouns,
    still_held,
    timing_nouns,
    will_do,
    years,
    years_before,
)
from index.answer.nlp import get_nlp
from index.terms import stem


@pytest.mark.parametrize(
    ("text", "bounds", "expected"),
    [
        ("How much copper did Carrowmere produce in 2024?", True, {2024}),
        ("Who recorded the theme in the 1970's?", True, set(range(1970, 1980))),
        ("In 2013-14, NBC finished first.", True, {2013, 2014}),
        ("running from 1952–1966", True, set(range(1952, 1967))),
        ("What changed between 1990 and 1995?", False, set(range(1990, 1996))),
        ("the only year not filmed since 2005", False, set()),
        ("the only year not filmed since 2005", True, {2005}),
        ("the pre-1875 council", False, set()),
        ("1,2000 people and 2,000 tonnes", True, set()),
        ("The Scotland Act 1988", True, {1988}),
        ("a centre of ivorywork in the 11th century", True, set(range(1000, 1100))),
        ("in the tenth and eleventh centuries", True, set(range(900, 1100))),
        ("a twelfth-century church", True, set(range(1100, 1200))),
        ("since the 12th century", False, set()),
        ("in the ninth century BC", True, set(range(-899, -799))),
        ("What was built in the 1100s?", True, set(range(1100, 1200))),  # a century
        ("the 1900s", True, set(range(1900, 2000))),
        ("the 2000s", True, set(range(2000, 2010))),  # a decade
        ("In April 1191 Richard left Messina", True, {1191}),  # a year before 1500, said so
        ("in 1107, the Normans landed", True, {1107}),
        ("began in 911 as a fiefdom", True, {911}),
        ("founded AD 800 and sacked in 300 BC", True, {800, -300}),
        ("paid in 500 instalments, in 980 cases", True, set()),  # a count, no year
        ("up from 412,000 customers", True, set()),
        ("May 900 people attend?", True, set()),  # "May", a verb
    ],
)
def test_years(text, bounds, expected):
    assert years(text, bounds) == expected


def test_a_date_question_is_about_no_year():
    assert asked_years("What year after 2005 was no series filmed?", "date") == set()
    assert asked_years("Who chaired ABC in 1976?", "person") == {1976}


@pytest.mark.parametrize(
    ("asked", "sentence", "published", "other"),
    [
        ({2024}, "The mine produced 118,000 tonnes of copper last year.", "2026-05-20", True),
        ({2025}, "The mine produced 118,000 tonnes of copper last year.", "2026-05-20", False),
        ({2024}, "The mine produced 118,000 tonnes of copper in 2024 and 2025.", None, False),
        # a month without its year: the year before its article's, its own or the next
        ({2024}, "It produced 61,000 tonnes in the six months to April.", "2026-05-20", True),
        ({2025}, "It produced 61,000 tonnes in the six months to April.", "2026-05-20", False),
        ({2024}, "It produced 61,000 tonnes in the six months to April.", None, False),
        ({2024}, "The mine may produce 61,000 tonnes.", None, False),  # "may": a verb
        # naming no year, of its article's time or the year before
        ({1987}, "Evacuations pass 5,000.", "2026-05-12", True),
        ({2025}, "Dealers sold 214,000 electric vehicles.", "2026-01-08", False),
        ({2026}, "Dealers sold 214,000 electric vehicles.", "2026-01-08", False),
        ({2030}, "The quota could rise to 60,000 a year.", "2026-02-12", False),
        ({2024}, "The mine reopens on 2 May.", "2026-05-20", True),
        ({1976}, "In the spring of 1975, Fred Pierce was appointed.", None, True),
        ({1975}, "ABC's programmes of the 1970s drew record audiences.", None, False),
        (set(), "In the spring of 1975, Fred Pierce was appointed.", None, False),
        (set(range(1100, 1200)), "Salerno was a centre of ivorywork in the 11th century.",
         None, True),  # "the 1100s" is the 12th century
        (set(range(1000, 1100)), "In 1066 the Normans crossed the Channel.", None, False),
    ],
)
def test_other_years(asked, sentence, published, other):
    assert other_years(asked, sentence, published) is other


_CENSUS = ("As of the 2010 census, the city had 494,665 people. The racial makeup of Fresno was "
           "245,306 (49.6%) White.")


@pytest.mark.parametrize(
    ("asked", "sentence", "paragraph", "published", "other"),
    [
        # a sentence that names no year is dated by its paragraph
        ({1942}, "The racial makeup of Fresno was 245,306 (49.6%) White.", _CENSUS, None, True),
        ({2010}, "The racial makeup of Fresno was 245,306 (49.6%) White.", _CENSUS, None, False),
        ({1942}, "The racial makeup of Fresno was 245,306 (49.6%) White.",
         "The racial makeup of Fresno was 245,306 (49.6%) White.", None, False),  # undated
        # its own year first
        ({1942}, "In 1942 Fresno had 60,000 people.", "In 2010 ... In 1942 Fresno had 60,000 "
         "people.", None, False),
        # an article of an asked year may speak of it in a sentence without one
        ({2024}, "The company now employs 3,100 people.",
         "Velcor closed Hartsgill in 2021. The company now employs 3,100 people.",
         "2024-06-02", False),
        ({2024}, "The company now employs 3,100 people.",
         "Velcor closed Hartsgill in 2021. The company now employs 3,100 people.",
         "2026-06-02", True),
    ],
)
def test_other_years_of_paragraph(asked, sentence, paragraph, published, other):
    assert other_years(asked, sentence, published, paragraph) is other


@pytest.mark.parametrize(
    ("question", "sentence", "other"),
    [
        ("Who is Trennick's chairman?",
         "Piers Haldane, Carrowmere's chairman, said the company was not for sale.", True),
        ("Who is Trennick's chairman?", "Trennick's chairman, Piers Haldane, said so.", False),
        ("Who's the chairman of Trennick?",
         "Piers Haldane, chairman of Carrowmere Mining, said so.", True),
        ("What is the Norland capital?", "The Kessaria capital is Halvane.", True),
        ("Who is the UK's prime minister?",
         "The United Kingdom's prime minister said so.", False),  # one owner, spelt out
        ("What helped the spread of Lutheranism?",
         "Images helped the spread of Protestantism.", False),  # no owner: not a role
        ("Who is the trade minister of Norland?",
         "Stroud arrived with Trade Minister Owen Balcombe.", False),  # a title, no owner
        ("Who was the Doctor's companion?", "Rose Tyler was the Ninth Doctor's companion.", False),
        ("Who is Trennick's chairman?", "The chairman said the company was not for sale.", False),
        ("Who is the chairman?", "Carrowmere's chairman said the company was not for sale.", False),
    ],
)
def test_another_owner(question, sentence, other):
    nlp = get_nlp()
    assert other_owner(owners(nlp(question)), nlp(sentence)) is other


@pytest.mark.parametrize(
    ("role", "name", "texts", "other"),
    [
        ("commerce minister", "helena stroud",
         ["The deal was unveiled by Prime Minister Helena Stroud and President Teodor Valich."],
         True),
        ("trade minister", "helena stroud",
         ["Stroud arrived with Trade Minister Owen Balcombe.",
          "Helena Stroud, Norland's prime minister, said so."], True),
        ("trade minister", "owen balcombe",
         ["Stroud arrived with Trade Minister Owen Balcombe."], False),
        ("trade minister", "owen balcombe", ["Owen Balcombe said so."], False),
        ("new trade minister", "helena stroud", ["Prime Minister Helena Stroud said so."],
         True),
        ("minister", "helena stroud", ["Prime Minister Helena Stroud said so."], False),
        ("interim ceo", "helena stroud", ["Prime Minister Helena Stroud said so."], True),
        ("minister", "mira solvane",
         ["Commerce ministry spokesperson Mira Solvane said so."], True),
        ("lawyer", "emeric tarvos", ["The ferry's captain, Emeric Tarvos, was charged."], True),
        ("ceo", "anselm vallin", ["Anselm Vallin, chief executive of BLTC, quit."], False),
        ("chairman", "piers haldane", ["Chair Piers Haldane said so."], False),
        ("president", "frank marx",
         ["As Frank Marx, then ABC's vice-president of engineering, thought."], False),
        ("commerce minister", "gareth lowe",
         ["The last Norland prime minister to visit Kessaria, Gareth Lowe, had gone in 2016."],
         True),
        ("ceo", "anna brandt", ["The chief executive of Velcor, Anna Brandt, said so."], False),
        ("judge", "ellen thwaite", ["Justice Ellen Thwaite said on Thursday ..."], False),
        # a title of two words may head what the holder works for; neither word alone does
        ("boss", "colm hardacre", ["Managing director Colm Hardacre said so."], False),
        ("leader", "orla brennick", ["Orla Brennick, the union's general secretary, said so."],
         False),
        ("boss", "mira solvane", ["Board director Mira Solvane said so."], True),
        ("lawyer", "gareth lowe", ["Stroud met the president on Friday, Gareth Lowe said."],
         False),
        # a role that heads something is qualified by what it heads, said anywhere of him
        ("transit boss", "darius penhale",
         ["Darius Penhale, the chief executive of Harrowgate Metro, resigned on Friday."], True),
        ("transit boss", "darius penhale",
         ["Darius Penhale, the chief executive of Harrowgate Metro, resigned on Friday.",
          "Penhale, who took the top job at the transit authority in 2018, wrote to staff."],
         False),
        # a portfolio is not: "trade" said of her elsewhere makes no trade minister
        ("trade minister", "helena stroud",
         ["Prime Minister Helena Stroud said so.", "Stroud said trade would double."], True),
        # a name that opens on its title
        ("lawyer", "captain tarvos", ["His lawyer said Captain Tarvos denies it."], True),
        ("captain", "captain tarvos", ["His lawyer said Captain Tarvos denies it."], False),
        # a word of the role in another form
        ("finance chief", "beatrix lyle",
         ["The authority's chief financial officer, Beatrix Lyle, will stand in."], False),
        ("finance chief", "graham ostrowe",
         ["The chief executive of the port authority, Graham Ostrowe, quit."], True),
        # said to do what the role's noun says as a verb, whatever else she is titled
        ("chair", "delia prask", ["Councillor Delia Prask, who chairs the council's health "
                                  "scrutiny committee, said so."], False),
        ("committee chair", "aurelio mensing",
         ["Aurelio Mensing, the MP who chairs the finance committee, said so."], False),
        ("board chair", "aurelio mensing",
         ["Aurelio Mensing, the MP who chairs the finance committee, said so."], True),
        ("chair", "delia prask", ["Councillor Delia Prask said the chairs were empty."], True),
    ],
)
def test_another_role(role, name, texts, other):
    assert other_role(role, name.split(), texts) is other


@pytest.mark.parametrize(
    ("role", "name", "types", "texts", "expected"),
    [
        ("commerce minister", "halvane", {"ORG", "PLACE"},
         ["Talks began in Halvane on Monday."], True),
        ("judge", "norland", {"ORG", "NOUN"}, ["Norland's High Court struck it down."], True),
        # a person wherever a sentence read calls one by the name's words
        ("boss", "carney", {"ORG"}, ["Carney said so.", "It works, said Mark Carney on Monday."],
         False),
        # or titles it
        ("boss", "hardacre", {"ORG"}, ["Managing director Colm Hardacre said so."], False),
        ("boss", "hardacre", {"ORG"}, ["Mr Hardacre said so."], False),
        ("judge", "thwaite", {"PERSON", "ORG"}, ["Thwaite ruled on Monday."], False),
        ("judge", "thwaite", {"NOUN", "NAME"}, ["Thwaite ruled on Monday."], False),
        ("owner", "velcor", {"ORG"}, ["Velcor bought the mine."], False),  # a firm may own
    ],
)
def test_no_person(role, name, types, texts, expected):
    docs = list(get_nlp().pipe(texts))
    assert no_person(role, name.split(), types, texts, docs) is expected


@pytest.mark.parametrize(
    ("name", "types", "texts", "expected"),
    [
        # a place's name, however spaCy types it, and whatever sentence reads it
        ("crane's ferry", {"NAME", "NOUN"},
         ["Police confirmed two deaths: a man near Elderby and a woman in Crane's Ferry."], True),
        # typed a person, found in one's name, or titled
        ("tarvos", {"PERSON"}, ["Tarvos was charged on Monday."], False),
        ("hardacre", {"ORG"}, ["It works, said Colm Hardacre on Monday."], False),
        ("hardacre", {"NAME"}, ["Mr Hardacre said so."], False),
    ],
)
def test_a_name_no_sentence_reads_as_a_person_is_never_one(name, types, texts, expected):
    docs = list(get_nlp().pipe(texts))
    assert never_person(name.split(), types, texts, docs) is expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The search for the 13 people still missing was scaled back.", "the 13 people",
         {"miss"}),
        ("The search for the 13 people still missing was scaled back.", "13", {"miss"}),
        ("Police said 12 people who were injured were in hospital.", "12 people", {"injure"}),
        ("The ferry was carrying 198 people - 187 passengers and 11 crew - that night.",
         "198 people", set()),
        ("They sold 49,000 electric vehicles last year.", "49,000 electric vehicles", set()),
    ],
)
def test_what_qualifies_a_counted_noun_after_it(text, phrase, expected):
    doc = get_nlp()(text)
    at = text.index(phrase)
    assert qualifiers(doc.char_span(at, at + len(phrase))) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "other"),
    [
        ("Stroud returned to Fenmouth on Saturday after four days in Kessaria, where she held "
         "talks with President Teodor Valich.", "Saturday", True),
        ("Stroud is scheduled to hold talks with President Teodor Valich at Sunstone Hall on "
         "Thursday.", "Thursday", False),
        ("Stroud held talks with Valich on Friday, the agency said.", "Friday", False),
        ("The talks were held on Friday.", "Friday", False),
        ("Stroud flew home on Friday.", "Friday", False),  # no word of the talks: says nothing
        ("The talks were held and concluded on Thursday.", "Thursday", False),  # one event
    ],
)
def test_a_date_of_another_event_than_the_asked_verb(text, phrase, other):
    doc = get_nlp()(text)
    at = text.index(phrase)
    assert another_event(doc.char_span(at, at + len(phrase)), "hold") is other


@pytest.mark.parametrize(("text", "phrase", "lemma", "other"), [
    ("The vote opens on Monday and closes at noon on 17 October.", "Monday", "close", True),
    ("The vote opens on Monday and closes at noon on 17 October.", "17 October", "close",
     False),
    ("The walkout is due to start at 7am on Tuesday and finish at 7am on Thursday.",
     "Thursday", "start", True),  # two verbs joined, each with its own date: two events
    ("The strike ends at 7am on Thursday.", "Thursday", "start", True),  # the opposite act
    ("The strike ends at 7am on Thursday.", "Thursday", "end", False),
])
def test_a_date_of_a_joined_or_opposite_act(text, phrase, lemma, other):
    doc = get_nlp()(text)
    at = text.index(phrase)
    assert another_event(doc.char_span(at, at + len(phrase)), lemma) is other


_NOTIFIED = ("Amberlyn notified the office on 23 October, two days after its security team "
             "spotted the intrusion, and went public with the breach on 10 November.")


@pytest.mark.parametrize(
    ("text", "phrase", "lemma", "asked", "other"),
    [
        ("A strike begins on Tuesday morning, after last-ditch talks between the union and the "
         "government broke up without agreement on Sunday.", "Tuesday morning", "break",
         "last talks strike break", True),
        ("A strike begins on Tuesday morning, after last-ditch talks between the union and the "
         "government broke up without agreement on Sunday.", "Sunday", "break",
         "last talks strike break", False),
        # the asked verb said of something else: the gates, not the investigation
        ("The regulator said on Tuesday that the investigation would examine the decision to "
         "open the spillway gates on 10 May.", "Tuesday", "open",
         "regulator open dam investigation", False),
        # a participle without a conjunction is the same event as its verb
        ("On 31 October 1517, Luther wrote to his bishop, Albert, protesting the sale of "
         "indulgences.", "31 October 1517", "protest", "luther protest sale indulgences", False),
        # the verb after ", and" goes on the sentence's own clause, not the one "after" opened
        (_NOTIFIED, "10 November", "spot", "amberlyn spot intrusion", True),
        (_NOTIFIED, "23 October", "notify", "amberlyn notify office", False),
        (_NOTIFIED, "10 November", "notify", "amberlyn notify office", True),
        ("The committee, which met on Monday, and its chair, who resigned on Friday, "
         "disagreed.", "Friday", "resign", "chair resign", False),
    ],
)
def test_the_asked_verb_said_of_the_questions_words(text, phrase, lemma, asked, other):
    doc = get_nlp()(text)
    at = text.index(phrase)
    words = frozenset(stem(w) for w in asked.split())
    assert another_event(doc.char_span(at, at + len(phrase)), lemma, words) is other


@pytest.mark.parametrize(
    ("text", "phrase", "other"),
    [
        ("Health Minister Isak Feldmoor yesterday raised the pay offer to 5.6 per cent, in an "
         "attempt to head off a four-day walkout due to begin next Tuesday.", "next Tuesday",
         True),
        ("Health Minister Isak Feldmoor yesterday raised the pay offer to 5.6 per cent, in an "
         "attempt to head off a four-day walkout due to begin next Tuesday.", "yesterday",
         False),
        ("The offer, which the board rejected on Monday, was made on Friday.", "Monday", True),
        ("The offer, which the board rejected on Monday, was made on Friday.", "Friday", False),
        # nothing is said of the offer: no verb to tell the event by
        ("Talks resumed on Monday.", "Monday", False),
    ],
)
def test_asked_with_a_light_verb_the_event_is_what_is_said_of_its_noun(text, phrase, other):
    doc = get_nlp()(text)
    at = text.index(phrase)
    assert another_event(doc.char_span(at, at + len(phrase)), "", frozenset(), "offer") is other


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The death toll could rise to 52, officials said.", "52", True),
        ("The company plans to cut 40 jobs by 2030.", "40 jobs", True),
        ("If approved, the plan would cost $5 million.", "$5 million", True),
        ("The toll will rise to 60 if more bodies are found.", "60", True),
        # the hedge is another clause's
        ("The Orsola Grey was licensed to carry 180 passengers, suggesting it may have been "
         "carrying more people than it was allowed to.", "180 passengers", False),
        ("The toll rose to 41 on Monday, and officials said it could climb further.", "41",
         False),
        ("The deal is worth 7.5 billion crowns.", "7.5 billion crowns", False),
    ],
)
def test_a_hedge_counts_in_the_clause_that_states_the_value(text, phrase, expected):
    doc = get_nlp()(text)
    at = text.index(phrase)
    assert hedged(doc.char_span(at, at + len(phrase))) is expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The Office of the Data Commissioner can fine a company up to 4 per cent of its "
         "annual turnover.", "up to 4 per cent", True),
        ("The operator may face fines of up to $500,000.", "up to $500,000", True),
        ("Lions and leopards can be found in the Masai Mara.", "the Masai Mara", True),
        ("The bank might have to pay 64 million crowns.", "64 million crowns", True),
        # what was done, or could not be, is said as a fact
        ("The commissioner fined the bank 3 million crowns.", "3 million crowns", False),
        ("The governor could not hold a set speed.", "a set speed", False),
        ("The regulator, which can fine any bank, fined Amberlyn $2 million.", "$2 million",
         False),
    ],
)
def test_a_value_said_of_what_can_be_is_a_possibility(text, phrase, expected):
    doc = get_nlp()(text)
    at = text.index(phrase)
    assert possible(doc.char_span(at, at + len(phrase))) is expected


@pytest.mark.parametrize(("text", "phrase", "held"), [
    ("Brightwell now expects to ship the first buses in November, later than the September "
     "date the transit authority has been giving councillors.", "September", True),
    ("The ministry now puts the toll at 52, higher than the 40 that local officials still "
     "cite.", "40", True),
    ("The ministry now puts the toll at 52, higher than the figure of 40 that local officials "
     "are using.", "40", True),
    # an earlier account, revised: by the same party, or said in the past
    ("The county has now put the count at 2,140, up from the 1,870 it reported on Monday.",
     "1,870", False),
    ("The ministry now puts the toll at 52, higher than the 40 that local officials gave on "
     "Sunday.", "40", False),
    ("The budget rose to $188.4 million, up from $162 million.", "$162 million", False),
])
def test_a_value_another_party_still_states(text, phrase, held):
    doc = get_nlp()(text)
    at = text.index(phrase)
    assert still_held(doc.char_span(at, at + len(phrase))) is held


@pytest.mark.parametrize(("question", "sentence", "date", "other"), [
    ("when did the govt bump its offer up to 4.5%?", "Nurses rejected offers of 3.2% in August "
     "and 4.5% in September before the government improved its terms again on Wednesday.",
     "August", True),  # the 3.2% offer's month
    ("when did the govt bump its offer up to 4.5%?", "Nurses rejected offers of 3.2% in August "
     "and 4.5% in September.", "September", False),
    ("when did the govt bump its offer up to 4.5%?", "The government improved its offer to 4.5 "
     "per cent on Friday, but the walkout would go ahead on Tuesday.", "Tuesday", False),  # no
    # figure before it
    ("when did the govt bump its offer up to 4.5%?", "It raised the offer to 5.6 per cent on "
     "Monday.", "Monday", False),  # the asked figure is not stated: nothing said either way
    ("when did the quota reach 38,000 cars?", "The quota rose to 20,000 cars in 2024 and "
     "38,000 cars in 2026.", "2024", True),
    ("when did the strike start?", "Offers of 3.2% in August failed.", "August", False),  # no
    # figure asked
])
def test_a_date_that_follows_another_figure_dates_another_event(question, sentence, date,
                                                                 other):
    doc = get_nlp()(sentence)
    at = sentence.index(date)
    span = doc.char_span(at, at + len(date), alignment_mode="expand")
    assert another_figure(span, asked_figures(question)) is other


@pytest.mark.parametrize(("text", "naming", "every"), [
    ("what will the 5.6% deal cost the government?", {5.6}, {5.6}),
    ("Kessaria has charged a 20 per cent tariff on it.", {20.0}, {20.0}),
    ("It priced the 4.5% offer at $96m a year.", {4.5}, {4.5}),
    ("The minister raised the pay offer to 5.6%.", set(), {5.6}),  # said, naming nothing
    ("71% backed the deal on a turnout of 58%.", set(), {71.0, 58.0}),
    ("The fund raised $2.3 million from 1,200 donors.", set(), set()),  # no share
])
def test_shares_that_name_a_thing(text, naming, every):
    doc = get_nlp()(text)
    assert named_shares(doc) == naming
    assert named_shares(doc, every=True) == every


@pytest.mark.parametrize(("question", "sentence", "title", "answer", "other"), [
    ("the 5.6% deal's cost?", "It priced the 4.5% offer at $96m a year.", "Nurses strike",
     "$96m a year", True),
    ("the 5.6% deal's cost?", "The 5.6% offer will cost $140m a year.", "Nurses strike",
     "$140m a year", False),
    ("the 5.6% deal's cost?", "The deal will cost about $21 million a year, the ministry said.",
     "Westerhold paramedics accept 4.8% pay deal", "about $21 million a year", True),  # its
    # headline's deal
    ("the 5.6% deal's cost?", "The deal will cost about $21 million a year, the ministry said.",
     "Minister raises nurses' pay offer to 5.6%", "about $21 million a year", False),
    ("the 5.6% deal's cost?", "The deal will cost about $21 million a year.", "Deal agreed",
     "about $21 million", False),  # no share anywhere: nothing either way
    ("the 5.6% deal's backing?", "Members backed it by 71% on a turnout of 58%.",
     "Nurses back 4.8% deal", "71%", False),  # shares said, naming nothing
    ("the 6% deal's cost?", "The 5.8% deal will cost $140m.", "Deal agreed", "$140m",
     False),  # a whole share and one that rounds to it may be one
    ("the 5.6% deal's backing?", "A 4.8% rise was backed by 78%.", "Deal agreed", "78%",
     True),  # the answer's own share is not another's
])
def test_a_sentence_naming_another_share_speaks_of_another_thing(question, sentence, title,
                                                                  answer, other):
    nlp = get_nlp()
    asked = named_shares(nlp(question))
    own = named_shares(nlp(answer), every=True)
    assert another_share(asked, nlp(sentence), nlp(title), own) is other


@pytest.mark.parametrize(("sentence", "near", "farther"), [
    # "what date did the board reject it?": "turned down" is nearer "reject" than "made"
    ("Velcor made public on Monday a proposal to buy Carrowmere, after Carrowmere's board "
     "turned the approach down on Sunday.", {"made": 0.25, "turned": 0.40}, {"Monday"}),
    ("Velcor made public on Monday a proposal to buy Carrowmere, after Carrowmere's board "
     "turned the approach down on Sunday.", {"made": 0.34, "turned": 0.40}, set()),  # too
    # near to tell
    ("The board turned the approach down on Sunday.", {"turned": 0.1}, set()),  # one date
    ("Velcor said the offer was final, and the board met on Sunday.",
     {"said": 0.2, "met": 0.5}, set()),  # one date: nothing to choose between
    ("They will focus on a 2017 conversion that added a lounge to the 47-year-old vessel.",
     {"focus": 0.1, "added": 0.6}, set()),  # a conversion's date, an age: no verb's date
])
def test_a_date_whose_verb_is_farther_than_another_dates_verb(sentence, near, farther):
    doc = get_nlp()(sentence)
    nearness = {t.i: near[t.text] for t in doc if t.text in near and t.pos_ == "VERB"}
    assert len(nearness) == len(near)
    found = farther_dates(doc, nearness, 0.1)
    assert {t.text for t in doc if t.i in found} == farther


@pytest.mark.parametrize(("text", "name", "left"), [
    ("Darius Penhale, the chief executive of Harrowgate Metro, resigned on Friday.",
     "penhale", True),
    ("Interim chief executive Lorna Achterberg, who took over after Darius Penhale resigned "
     "last week, said the authority would update councillors.", "darius penhale", True),
    ("Interim chief executive Lorna Achterberg, who took over after Darius Penhale resigned "
     "last week, said the authority would update councillors.", "lorna achterberg", False),
    ("Darius Penhale stepped down on Friday.", "darius penhale", True),
    ("Lorna Achterberg took over from Darius Penhale in May.", "darius penhale", True),
    ("Lorna Achterberg replaced Darius Penhale in May.", "darius penhale", True),
    ("Darius Penhale was ousted by the board.", "darius penhale", True),
    ("Former chief executive Darius Penhale said the fire was a shock.", "darius penhale", True),
    ("Penhale, who resigned last week, said nothing.", "penhale", True),  # spaCy: a place
    ("Penhale's resignation was announced on Friday.", "penhale", True),
    ("The chief executive of the Fenmouth Port Authority, Graham Ostrowe, has resigned.",
     "graham ostrowe", True),
    ("Opposition spokesman Kasimir Oddvar said Vallin's resignation answers nothing.",
     "kasimir oddvar", False),
    # threatened, refused or denied: no departure
    ("Darius Penhale refused to resign.", "darius penhale", False),
    ("Darius Penhale did not resign.", "darius penhale", False),
    ("Darius Penhale said he would step down in June.", "darius penhale", False),
    ("Darius Penhale, who has run Metro since 2019, pushed the programme hard.",
     "darius penhale", False),
])
def test_a_person_said_to_have_left_their_post(text, name, left):
    assert departed(name.split(), [get_nlp()(text)]) is left


@pytest.mark.parametrize(("lemma", "particles", "left"), [
    ("resign", (), True), ("quit", (), True), ("step", ("down",), True), ("step", ("in",), False),
    ("run", (), False), ("lead", (), False),
])
def test_verbs_of_leaving_a_post(lemma, particles, left):
    assert leaving(lemma, particles) is left


@pytest.mark.parametrize(("text", "said"), [
    ("The managing director of Harle Freight has resigned.", True),
    ("Anselm Vallin stepped down on Friday.", True),
    ("The director did not resign.", False),
    ("Jules Mortensen tracks the bus market.", False),
])
def test_a_sentence_telling_of_a_departure(text, said):
    assert said_leaving(get_nlp()(text)) is said


@pytest.mark.parametrize(
    ("name", "texts", "expected"),
    [
        ("sable moth", ["The hacking group Sable Moth, which has claimed the attack, wants 7 "
                        "million crowns."], True),
        ("sable moth group", ["Sable Moth Group claimed the attack."], True),
        ("tarvesian consumers' council", ["The Tarvesian Consumers' Council attacked the offer."],
         False),
        ("sable moth", ["Sable Moth claimed the attack, a group of analysts said."], False),
    ],
)
def test_a_name_is_called_by_a_noun_its_title_or_its_last_word_says(name, texts, expected):
    assert called(name.split(), stem("group"), texts) is expected


@pytest.mark.parametrize(("name", "text", "thing"), [
    ("Linnet", "the worst since the ferry MV Linnet sank in 1994.", "ferry"),
    ("Vellstream Hydro", "The dam operator, Vellstream Hydro, said nothing.", "operator"),
    ("BLTC", "The ferry operator BLTC said it was not overloaded.", "operator"),
    ("Emeric Tarvos", "The ferry's captain, Emeric Tarvos, was questioned.", "captain"),
    ("Emeric Tarvos", "Police questioned Emeric Tarvos on Monday.", ""),
    ("Vellstream Hydro", "The Tarnhollow Dam, whose operator, Vellstream Hydro, opened its "
     "gates, is under scrutiny.", "operator"),
])
def test_the_noun_right_before_a_name_says_what_it_is(name, text, thing):
    assert named_thing(name.lower().split(), text) == (stem(thing) if thing else "")


@pytest.mark.parametrize(("sentence", "answer", "counted", "apart"), [
    ("Amberlyn, which has about 2.3 million customers and 71 branches, said so.",
     "about 2.3 million customers", "branches", True),
    ("Amberlyn, which has about 2.3 million customers and 71 branches, said so.",
     "71 branches", "branches", False),
    ("The bank says 530,000 customers were affected, including 26,400 whose passports were "
     "taken.", "26,400", "customers", False),  # 26,400 counts no noun of its own
    ("China will import 49,000 electric vehicles at lower tariffs.", "49,000 electric vehicles",
     "tariffs", False),  # no number counts tariffs
    ("The board now puts the number of planned operations lost at 2,140, and thousands more "
     "outpatient appointments went with them.", "2,140", "appointments", True),  # a tally's
    ("The board now puts the number of planned operations lost at 2,140, and thousands more "
     "outpatient appointments went with them.", "2,140", "operations", False),
    ("The union, which represents about 19,000 workers at Westmoor's five vehicle assembly "
     "plants, was blunt.", "about 19,000 workers", "plants", True),  # "five" parsed of "vehicle"
    ("Kessaria is its partner, with two-way trade of about 118 billion dollars.",
     "about 118 billion dollars", "trade", False),  # "two-way" counts nothing
])
def test_a_sentence_may_count_the_asked_noun_by_another_number(sentence, answer, counted,
                                                                apart):
    assert counted_apart(get_nlp()(sentence), answer, counted) is apart


@pytest.mark.parametrize(("question", "rank"), [
    ("what is canada's biggest trading partner?", ("partner", 1)),
    ("who is the third-largest shareholder?", ("sharehold", 3)),
    ("who is the second largest shareholder?", ("sharehold", 2)),
    ("who came first?", None),
    ("how many partners does it have?", None),
])
def test_a_question_may_ask_the_top_of_a_thing(question, rank):
    assert asked_rank(get_nlp()(question)) == rank


@pytest.mark.parametrize(("sentence", "rank", "other"), [
    ("China, its second-largest trading partner, is a focus.", ("partner", 1), True),
    ("It seeks trade away from its largest partner, the United States.", ("partner", 1),
     False),
    ("China is its second-largest partner and the US its largest partner.", ("partner", 1),
     False),
    ("China is a partner.", ("partner", 1), False),  # no rank said
    ("China, its second-largest trading partner, is a focus.", ("partner", 2), False),
])
def test_a_sentence_may_rank_the_asked_thing_otherwise(sentence, rank, other):
    assert another_rank(get_nlp()(sentence), rank) is other


@pytest.mark.parametrize(("question", "role", "whose"), [
    ("who is the US president?", "president", ("US",)),
    ("which Chinese premier did the prime minister meet?", "premier", ("Chinese",)),
    ("who is the president of Kessaria?", "president", ("Kessaria",)),
    ("who is the president?", "president", ()),
    ("who is the Trade Minister?", "minister", ()),  # a portfolio is no country
    ("who is kessaria's president?", "president", ("kessaria",)),  # an owner, whatever tagged
])
def test_a_question_may_say_whose_the_role_it_asks_is(question, role, whose):
    assert role_qualifiers(get_nlp()(question), role) == whose


@pytest.mark.parametrize(("text", "name", "asked", "said"), [
    ("Chinese President Xi Jinping and Canadian Prime Minister Mark Carney held talks.",
     "xi jinping", "US", "other"),
    ("Chinese President Xi Jinping and Canadian Prime Minister Mark Carney held talks.",
     "xi jinping", "Chinese", "asked"),
    ("Xi Jinping, China's president, said so.", "xi jinping", "Chinese", "asked"),
    ("It followed the re-election of US President Donald Trump.", "donald trump", "US",
     "asked"),
    ("The meeting with United States President Donald Trump ended.", "donald trump", "US",
     "asked"),
    ("President Xi Jinping said so.", "xi jinping", "US", ""),  # whose is not said
    ("Xi Jinping met the US president.", "xi jinping", "US", ""),  # no title of his
    ("It is a bad deal, said union president Rosa Kettering.", "rosa kettering", "Kessaria",
     "other"),  # a body's president
])
def test_a_title_may_say_whose_the_role_is(text, name, asked, said):
    heads = role_nouns("president")
    assert role_qualified(get_nlp()(text), name.split(), heads, (asked,),
                          frozenset({"president"})) == said


@pytest.mark.parametrize(("text", "name", "said"), [
    ("Casimir Oxenholme, chief executive of the Financial Markets Authority, told a "
     "conference that he had asked Amberlyn for a report.", "casimir oxenholme", "other"),
    ("Piers Haldane, Carrowmere's chief executive, said the company was not for sale.",
     "piers haldane", "other"),  # a possessive: whatever the tagger calls the firm
    ("Isaura Thornquist, chief executive of Amberlyn Bank, apologised.", "isaura thornquist",
     "asked"),
])
def test_a_title_of_a_body_says_whose_the_role_is(text, name, said):
    heads = role_nouns("executive")
    assert role_qualified(get_nlp()(text), name.split(), heads, ("Amberlyn",),
                          frozenset({"chief", "executive"})) == said


@pytest.mark.parametrize(("phrase", "things", "named"), [
    ("grain barge", {"barge"}, True),
    ("barge Pellow", {"barge"}, True),
    ("Anselm Kroft", {"barge"}, False),
    # what owns the title is not its holder
    ("The barge's captain, Anselm Kroft", {"barge"}, False),
    ("The authority's chief financial officer, Beatrix Lyle", {"authority", "port"}, False),
    ("the dockers' union", {"union"}, True),
])
def test_a_phrase_may_be_a_thing_the_question_names(phrase, things, named):
    assert phrase_names_thing(phrase, frozenset(stem(t) for t in things)) is named


@pytest.mark.parametrize(("question", "asked", "things"), [
    ("who was skippering the ferry that went over?", (), {"ferry"}),
    ("who's probing the dam operator?", (), {"dam", "operator"}),
    ("who is the captain of the ferry?", (), {"ferry"}),  # the captain is asked for
    ("who's the boss at Brightwell?", ("boss",), set()),
    ("which driver won the race?", ("driver",), {"race"}),
    ("qorvane chairman?", (), {"qorvane"}),  # a terse question asks for its head noun
    ("who signed the player?", (), set()),  # a person is no thing
])
def test_a_who_question_names_the_things_it_asks_about(question, asked, things):
    found = asked_things(get_nlp()(question), asked)
    assert found == {stem(t) for t in things}


@pytest.mark.parametrize(("question", "instance"), [
    ("how long was the first strike meant to last?", ("strike", 1)),
    ("when did the second strike start?", ("strike", 2)),
    ("Who was the first president of the US?", ("presid", 1)),
    ("who came first?", None),  # no noun counted
    ("how long did the strike last?", None),
])
def test_a_question_may_ask_about_one_instance_of_a_thing(question, instance):
    assert asked_instance(get_nlp()(question)) == instance


@pytest.mark.parametrize(("sentence", "asked", "other"), [
    ("The union said it would strike again for four days, from October 7 to October 10.",
     ("strike", 1), True),
    ("Nurses voted for a second strike in October.", ("strike", 1), True),
    ("Nurses called another strike.", ("strike", 1), True),
    ("The first strike, on 23 and 24 September, hit Corrowmouth hard.", ("strike", 1), False),
    ("The first strike, on 23 and 24 September, hit Corrowmouth hard.", ("strike", 2), True),
    ("The union said it would strike again for four days.", ("strike", 2), False),  # "again"
    # may be the second
    ("The union is planning a second walkout and the first strike ended on Thursday.",
     ("strike", 1), False),  # the asked one too
    ("Nurses are on the first day of a 48-hour strike over pay.", ("strike", 1), False),  # not
    # said which
    ("by replacing values education for third and fourth years with English", ("year", 4),
     False),
])
def test_a_sentence_may_speak_of_another_instance_only(sentence, asked, other):
    assert another_instance(get_nlp()(sentence), asked) is other


@pytest.mark.parametrize(("question", "counted", "kinds"), [
    ("how many hydrogen buses did harrowgate order?", "buses", ("hydrogen",)),
    ("how many Norland-built EVs will Kessaria take?", "EVs", ("norland-built",)),
    ("How many Chinese students attend the university?", "students", ("chinese",)),
    ("how many new buses did it order?", "buses", ()),  # which ones, not what kind
    ("how many electric buses did it order?", "buses", ()),  # lower case: not read
    ("how many buses did it order?", "buses", ()),
    ("how many buses did it order?", "cars", ()),  # no such noun
    ("how many Kessarian EVs were sold in Norland?", "EVs", ("kessarian",)),  # a people's
    ("how many Amberlyn customers got hit?", "customers", ()),  # whose, not what kind
    ("how many Velcor jobs are going?", "jobs", ()),
])
def test_the_kind_of_thing_a_question_counts(question, counted, kinds):
    assert asked_kinds(get_nlp()(question), counted) == kinds


@pytest.mark.parametrize(("sentence", "counted", "kinds", "said"), [
    ("Metro ordered 120 electric buses from Brightwell last June.", "buses", ("hydrogen",),
     "other"),
    ("Under the framework, Kessarian-built EVs inside the annual quota of 38,000 will pay "
     "Norland's standard tariff.", "EVs", ("norland-built",), "other"),
    ("Port Allard ordered 40 buses, all of them hydrogen.", "buses", ("hydrogen",), "asked"),
    ("Port Allard ordered 40 hydrogen-powered buses.", "buses", ("hydrogen",), "asked"),
    ("Norland-built EVs will pay no tariff.", "EVs", ("norland-built",), "asked"),
    ("Norland will admit 38,000 electric vehicles made in Kessaria.", "EVs", ("kessarian",),
     "asked"),  # a demonym's place
    ("The university has 1,200 students from China.", "students", ("chinese",), "asked"),
    ("The university has 1,200 students from Norway.", "students", ("norwegian",), "asked"),
    ("The university has 1,200 students from Chile.", "students", ("chinese",), "every"),
    ("It ordered 40 buses to replace its diesel buses.", "buses", ("hydrogen",), "every"),
    ("It ordered 40 new buses.", "buses", ("hydrogen",), "every"),  # "new" says no kind
    ("Dealers sold about 214,000 new electric vehicles in Norland last year.", "EVs",
     ("norland-built",), "every"),  # an acronym spelt out: its words are no kind
    ("38,000 cars is not a huge number.", "EVs", ("norland-built",), ""),  # never names them
])
def test_a_sentence_may_count_things_of_another_kind(sentence, counted, kinds, said):
    assert kind_said(get_nlp()(sentence), counted, kinds) == said


@pytest.mark.parametrize(("sentence", "context", "said"), [
    ("It ordered 40 buses to replace its diesel buses.",
     "It ordered 40 buses to replace its diesel buses. All will run on hydrogen.", ""),
    ("It ordered 40 buses to replace its diesel buses.",
     "It ordered 40 buses to replace its diesel buses. They arrive in May.", "every"),
    ("Metro ordered 120 electric buses.", "Metro ordered 120 electric buses. Not hydrogen.",
     "other"),  # a kind of its own, whatever is around
    ("It ordered 40 buses.", "It ordered 40 buses. The hydrogen makers cheered.", "every"),
    ("It ordered 40 buses.", "It ordered 40 hydrogen buses.", ""),  # the counted noun's kind
])
def test_a_sentence_counting_them_all_may_count_the_kind_its_paragraph_says(sentence,
                                                                             context, said):
    nlp = get_nlp()
    assert kind_said(nlp(sentence), "buses", ("hydrogen",), nlp(context)) == said


@pytest.mark.parametrize(("question", "measure"), [
    ("what profit did the bank make last year?", "profit"),
    ("What was ABC's revenue in 1962?", "revenue"),
    ("how big were the miner's losses?", "loss"),
    ("What were the group's sales in 2024?", "revenue"),
    ("how much did the bridge cost?", ""),  # a cost, no company's measure
    ("how much income tax was paid?", ""),  # "income" is either
    ("how much was the operator fined?", "fine"),
    ("What penalty did the regulator impose?", "fine"),
    ("how much will the regulator fine Vellstream?", "fine"),  # "fine" tagged an adjective
])
def test_a_question_may_ask_for_a_sum_of_one_measure(question, measure):
    assert asked_sum(get_nlp()(question)) == measure


@pytest.mark.parametrize(("sentence", "sum_", "other"), [
    ("The bank reported turnover of 1.6 billion crowns last year.", "1.6 billion crowns", True),
    ("The bank reported turnover of 1.6 billion crowns last year.", "1.6 billion", True),
    ("The bank reported turnover of 1.6 billion crowns, up 4 per cent.",
     "1.6 billion crowns, up 4 per cent", True),  # the sum, not what the span ends with
    ("Revenue rose to 4 billion crowns.", "4 billion crowns", True),
    ("Revenue rose by 400 million crowns.", "400 million crowns", True),
    ("Sales grew 400 million crowns last year.", "400 million crowns", True),
    ("Profit rose by 400 million crowns.", "400 million crowns", False),
    ("The group posted 2 billion crowns in revenue.", "2 billion crowns", True),
    ("It posted a 40 million crown loss.", "40 million crown loss", True),
    ("The miner made a profit of 12 million crowns.", "12 million crowns", False),
    ("The firm earned 3 million euros in profit.", "3 million euros", False),
    ("Its net profit was 40 million crowns.", "40 million crowns", False),
    ("It made 12 million crowns.", "12 million crowns", False),  # not said which measure
    ("Revenue rose to 61 million crowns from 55 million crowns.", "55 million crowns", True),
])
def test_a_sum_may_measure_another_thing_than_the_asked(sentence, sum_, other):
    assert another_sum(_span(sentence, sum_), "profit") is other


@pytest.mark.parametrize(("sentence", "sum_", "other"), [
    ("The operator said on Thursday it had donated $500,000 to the relief fund.", "$500,000",
     True),
    ("A further $200,000 was donated by local firms.", "$200,000", True),
    ("The regulator fined the operator $500,000.", "$500,000", False),
    ("The operator faces a fine of $2 million.", "$2 million", False),
    ("The operator paid $500,000.", "$500,000", False),  # paid: not said what for
])
def test_a_gift_is_no_fine(sentence, sum_, other):
    assert another_sum(_span(sentence, sum_), "fine") is other


@pytest.mark.parametrize(("text", "measure", "named"), [
    ("Its profits fell to 12 million crowns.", "profit", True),
    ("Net earnings were 40 million crowns.", "profit", True),
    ("It set aside 95 million crowns for compensation.", "profit", False),
    ("It posted losses of 3 million euros.", "loss", True),
])
def test_a_sentence_may_name_the_measure_asked(text, measure, named):
    assert names_measure(text, measure) is named


SURVIVORS = frozenset({"survivor", "get"})


@pytest.mark.parametrize(("sentence", "sum_", "other"), [
    ("The government will pay 25,000 crowns to the family of each person who died and 3,000 "
     "crowns to each survivor.", "25,000 crowns", True),
    ("The government will pay 25,000 crowns to the family of each person who died and 3,000 "
     "crowns to each survivor.", "3,000 crowns", False),
    ("The government will pay 5,000 crowns to each family.", "5,000 crowns", False),  # one sum
    ("It paid $5 million for the terminal and $40 million in all.", "$5 million", False),
])
def test_a_sum_for_another_than_the_asked(sentence, sum_, other):
    assert for_another(_span(sentence, sum_), SURVIVORS) is other


@pytest.mark.parametrize(("text", "phrase", "lemma", "stamp"), [
    ("11:20 - Families are gathering at the ferry terminal in Dunmarrow.", "11:20", "leave",
     True),
    ("21:25 - Santov has spoken at Kellin harbour.", "21:25", "speak", False),  # the act asked
    ("The ferry left Dunmarrow at 7:50 p.m.", "7:50 p.m.", "leave", False),  # no stamp
])
def test_a_live_blogs_stamp_dates_only_an_entry_stating_the_asked_act(text, phrase, lemma,
                                                                     stamp):
    assert entry_stamp(_span(text, phrase), lemma) is stamp


@pytest.mark.parametrize(("sentence", "date", "acted"), [
    ("The watchdog opened a formal inquiry into Amberlyn Bank on Thursday.", "Thursday", True),
    ("Amberlyn notified the office on 23 October.", "23 October", False),  # the doer acts
    ("The bank said it had informed the watchdog on 23 October.", "23 October", False),
    ("The watchdog opened an inquiry on Thursday.", "Thursday", False),  # no doer said
    # the doer named in a clause of its own, not as what the verb is done to
    ("The cost of Amberlyn's programme has climbed, the authority told councillors on "
     "Thursday.", "Thursday", False),
])
def test_a_date_may_be_of_anothers_act_on_the_asked_doer(sentence, date, acted):
    assert acted_on(_span(sentence, date), (("tell", ("amberlyn",)),)) is acted


@pytest.mark.parametrize(("question", "passive"), [
    ("what day was the Wenna Grey taken out of service?", True),
    ("when was Harvard founded?", True),
    ("when did Amberlyn tell the watchdog?", False),
    ("when has Amberlyn told the watchdog?", False),
])
def test_a_question_may_ask_about_what_was_done_to_its_subject(question, passive):
    assert asks_passive(get_nlp()(question)) is passive


@pytest.mark.parametrize(("question", "lemma", "acts"), [
    ("when did Amberlyn tell the watchdog?", "tell", True),
    ("When did Dyrrachium fall to the Normans?", "fall", False),  # no object
    ("When did the Siege of Antioch take place?", "take", False),  # a light verb's idiom
])
def test_a_questions_verb_may_act_on_an_object(question, lemma, acts):
    assert acts_on(get_nlp()(question), lemma) is acts


@pytest.mark.parametrize(("sentence", "name", "will"), [
    ("The company's chair, Solveig Lunn, will run Pinmoor on an interim basis.",
     "Solveig Lunn", True),
    ("Edwin Taskel ran Pinmoor for eleven years.", "Edwin Taskel", False),
    ("Solveig Lunn will chair the review.", "Solveig Lunn", False),  # another verb
])
def test_a_name_may_be_said_to_do_the_asked_only_in_the_future(sentence, name, will):
    assert will_do(_span(sentence, name), "run") is will


@pytest.mark.parametrize(("question", "past"), [
    ("who ran Pinmoor?", True),
    ("who did run the company?", True),
    ("who runs Pinmoor?", False),
    ("who will run Pinmoor?", False),
])
def test_a_question_may_ask_about_its_verb_in_the_past(question, past):
    assert asks_past(get_nlp()(question), "run") is past


def _span(sentence: str, part: str):
    doc = get_nlp()(sentence)
    at = sentence.index(part)
    return doc.char_span(at, at + len(part), alignment_mode="expand")


@pytest.mark.parametrize(("question", "names", "expected"), [
    ("How many buses did Harrowgate order?", ["Harrowgate"], (("order", ("harrowgate",)),)),
    # the verb after the subject, whatever the small parser tags it
    ("how many hydrogen buses did Harrowgate order?", ["Harrowgate"],
     (("order", ("harrowgate",)),)),
    ("How many buses were ordered by Harrowgate Metro?", ["Harrowgate", "Metro"],
     (("order", ("harrowgate", "metro")),)),
    ("How much is BLTC paying the families?", ["BLTC"], (("pay", ("bltc",)),)),
    ("How many jobs is Velcor cutting?", ["Velcor"], (("cut", ("velcor",)),)),
    ("how much of Carrowmere does Fernholt own?", ["Carrowmere", "Fernholt"],
     (("own", ("fernholt",)),)),  # "own" tagged an adjective
    ("Who did the PM meet?", ["PM"], ()),  # a role: the coverage names its holder
    ("How many buses did the council order?", [], ()),  # no name
    ("When was Tarvos arrested?", ["Tarvos"], ()),  # done to him, not by him
    ("When was the Office of Eastern Medicine founded?", ["Office", "Eastern", "Medicine"],
     ()),  # parsed with the office the nsubj of "founded", beside "was" (auxpass)
])
def test_the_verbs_a_name_of_the_question_does(question, names, expected):
    assert doers(get_nlp()(question), names) == expected


@pytest.mark.parametrize(("question", "names", "sentences", "other"), [
    ("How many hydrogen buses did Harrowgate order?", ["Harrowgate"],
     ["Port Allard Transit has ordered 40 hydrogen fuel-cell buses from Northfield Motors."],
     True),
    # one sentence says who did it; the other, about the same order, names nobody else
    ("How many hydrogen buses did Harrowgate order?", ["Harrowgate"],
     ["Port Allard Transit has ordered 40 hydrogen buses.",
      "The order, approved by the transit board on Monday, covers 40 buses."], True),
    ("How many buses did Harrowgate order?", ["Harrowgate"],
     ["The buses were ordered by Port Allard Transit last year."], True),  # the agent
    ("Who did the Normans encourage to come to the south?", ["Normans"],
     ["Norman mercenaries were first encouraged to come to the south by the Lombards to act "
      "against the Byzantines."], True),  # an agent the parse hangs on the verb completing it
    ("Who did the Lombards encourage to come to the south?", ["Lombards"],
     ["Norman mercenaries were first encouraged to come to the south by the Lombards."], False),
    ("What did Edison develop in 1887?", ["Edison"],
     ["In 1887, Tesla developed an induction motor."], True),
    ("How many jobs is Velcor cutting?", ["Velcor"], ["Tallisk Copper is cutting 300 jobs."],
     True),
    # the question's doer named: it may be the answer's
    ("How many buses did Harrowgate order?", ["Harrowgate"],
     ["Harrowgate Metro ordered 120 buses, and Port Allard 40."], False),
    ("How many buses did Harrowgate order?", ["Harrowgate"],
     ["Port Allard ordered 40 buses.", "Harrowgate ordered 40 buses too."], False),
    ("How many cars did Qorvane sell?", ["Qorvane"],
     ["The company sold a record 1,912,000 vehicles."], False),  # not named otherwise
    ("How many cars did Qorvane sell?", ["Qorvane"],
     ["Kessaria's largest carmaker sold 1.9 million cars."], False),  # a noun, not a name
    ("What did the UK spend?", ["UK"], ["The United Kingdom spent 2 billion pounds."], False),
    ("How many buses did Harrowgate order?", ["Harrowgate"],
     ["Port Allard has run 140 buses since 2019."], False),  # another verb
    # the question's doer named only as whom another name does it to: the other way round
    ("What would Velcor have to pay Carrowmere?", ["Velcor", "Carrowmere"],
     ["Carrowmere has agreed to pay Velcor a 70 million crown break fee."], True),
    ("What would Velcor have to pay Carrowmere?", ["Velcor", "Carrowmere"],
     ["Under the agreement, Carrowmere would pay Velcor a break fee of 70 million crowns.",
      "The fee is 70 million crowns."], True),
    ("What would Velcor have to pay Carrowmere?", ["Velcor", "Carrowmere"],
     ["Carrowmere would pay Velcor 70 million crowns, and Velcor would pay Carrowmere 50 "
      "million crowns."], False),  # both ways: the asked one too
    ("What would Velcor have to pay Carrowmere?", ["Velcor", "Carrowmere"],
     ["Velcor would pay Carrowmere 50 million crowns."], False),
    ("What would Velcor have to pay Carrowmere?", ["Velcor", "Carrowmere"],
     ["The fee is 70 million crowns, Velcor said."], False),  # named, no one paying it
    ("What did the Office of Eastern Medicine pay the Court?", ["Office", "Eastern", "Medicine",
                                                                "Court"],
     ["The Court paid the Office of Western Medicine 500 taels."], True),  # done by the Court
    # to another office, whose name shares words with the asked one
    # named, but as neither doer nor done to: another name did it
    ("When did King Harold II conquer England?", ["King", "Harold", "II", "England"],
     ["In 1066, Duke William II of Normandy conquered England killing King Harold II."], True),
    ("How many buses did Harrowgate order?", ["Harrowgate"],
     ["Port Allard ordered 40 buses, Harrowgate officials said."], True),
    ("How many buses did Harrowgate order?", ["Harrowgate"],
     ["Harrowgate said it ordered 40 buses."], False),  # "it" may be Harrowgate
    # a title or a numeral names no one: "Roger II" is not "King Harold II"
    ("When did King Harold II conquer England?", ["King", "Harold", "II", "England"],
     ["Roger II conquered Sicily in 1130."], True),
])
def test_another_name_did_what_the_question_asks(question, names, sentences, other):
    nlp = get_nlp()
    assert other_doer(doers(nlp(question), names), [nlp(s) for s in sentences]) is other


@pytest.mark.parametrize(("sentence", "answer", "nobody"), [
    ("Port Allard Transit runs about 140 buses and aims to be zero-emission by 2038.",
     "Port Allard Transit runs about 140 buses", True),  # a clause
    ("Finance Minister Jonas Arvelo said the tariff would apply.", "Finance", True),
    ("Health Minister Isak Feldmoor raised the offer.", "Health", True),
    ("Finance Minister Jonas Arvelo said the tariff would apply.", "Jonas Arvelo", False),
    ("Transport Minister Bastien Orley said so.", "Transport Minister Bastien Orley", False),
    ("Keff McCulloch wrote the theme for the Seventh Doctor.", "Seventh", False),  # an ordinal
    ("The Eleventh Doctor travelled with a married couple.", "The Eleventh", False),
    ("The Normans conquered England in 1066.", "The Normans", False),
])
def test_a_phrase_given_for_who_may_name_nobody(sentence, answer, nobody):
    assert no_holder(_span(sentence, answer)) is nobody


@pytest.mark.parametrize(("sentence", "answer", "body"), [
    ("The Office of the Data Commissioner opened an inquiry.", "Office", True),
    ("Agnieszka Ilves of the Data Commission said so.", "Agnieszka Ilves", False),
    ("President Xi of China said so.", "President Xi", False),
    ("The Office said so.", "Office", False),
])
def test_a_name_may_be_the_body_a_role_names(sentence, answer, body):
    assert names_a_body(_span(sentence, answer)) is body


@pytest.mark.parametrize(("sentence", "answer", "asked", "unsaid"), [
    ("It did not give a sales target for 2026, but analysts expect growth to slow.",
     "not give a sales target for 2026", {"sale", "target", "2026"}, True),
    ("It did not give a sales target for 2026, but analysts expect growth to slow.",
     "give a sales target for 2026", {"sale", "target", "2026"}, True),  # negated over it
    ("The company never disclosed the price.", "never disclosed the price", {"price"}, True),
    ("Melanchthon was not in Wittenberg at the time.", "not in Wittenberg", {"melanchthon"},
     False),  # another place: the answer
    ("P is not equal to NP.", "not equal", {"p", "np"}, False),  # a copula: what it is not
    ("It did not give a sales target, only a revenue goal of $4 billion.",
     "did not give a sales target, only a revenue goal of $4 billion", {"sale", "target"},
     False),  # it says something else too
    ("The company gave a sales target of 2 million cars.", "2 million cars", {"sale", "target"},
     False),
])
def test_a_phrase_may_only_say_the_asked_was_not_given(sentence, answer, asked, unsaid):
    assert not_given(_span(sentence, answer), asked) is unsaid


@pytest.mark.parametrize(("question", "negated"), [
    ("When didn't Kublai ban the international Mongol slave trade?", {"ban"}),
    ("which hospital did not join the strike?", {"join"}),
    ("What is usually not stated using the big O notation?", {"state"}),
    ("What can the non-elected members not do?", set()),  # "do" is said of anything
    ("Which hospitals aren't striking?", {"strike"}),
    ("which hospitals joined the strike?", set()),
    ("when didn't Lowmarsh council ban fireworks?", {"ban"}),  # "ban" parsed a noun
    ("What don't chloroplastidan chloroplasts have?", {"have"}),  # "n't" on the subject
    ("Who is not responsible for ensuring Parliament runs smoothly?", {"responsible"}),
])
def test_the_verbs_a_question_negates(question, negated):
    assert negated_verbs(get_nlp()(question)) == negated


@pytest.mark.parametrize(("sentence", "answer", "negated", "said"), [
    ("Kublai banned the international Mongol slave trade in 1291.", "1291", {"ban"}, True),
    ("Kublai did not ban the slave trade until 1291.", "1291", {"ban"}, False),  # negated
    ("Nurses at five hospitals joined the strike, and Varnley General stayed open.",
     "five hospitals", {"join"}, True),
    ("Nurses at five hospitals joined the strike, and Varnley General stayed open.",
     "Varnley General", {"join"}, False),  # another clause's
    ("In 1291 the trade ended.", "1291", {"ban"}, False),  # the verb not said
    ("Kublai banned the trade in 1291.", "1291", set(), False),  # nothing negated asked
    ("Many complexity classes are defined using the concept of a reduction.", "reduction",
     {"define"}, True),  # the answer said under the verb, not its clause's
    ("What all these models have in common is that the machines operate deterministically.",
     "the machines", {"have"}, True),
    ("Chloroplastidan chloroplasts have lost the peptidoglycan wall.", "peptidoglycan wall",
     {"have"}, False),  # "have" only an auxiliary
    ("The crown's refusal to allow non-Catholics to settle slowed the colony.",
     "non-Catholics", {"allow"}, False),  # denied
    ("The Presiding Officer is responsible for ensuring that the Parliament functions.",
     "Presiding Officer", {"responsible"}, True),  # what it is
])
def test_a_span_of_a_clause_stating_what_the_question_negates(sentence, answer, negated,
                                                              said):
    doc = get_nlp()(sentence)
    start = sentence.find(answer)
    span = doc.char_span(start, start + len(answer))
    assert affirmed(span, frozenset(negated)) is said


@pytest.mark.parametrize(("sentence", "lemma", "said"), [
    ("Acts of the Scottish Parliament do not begin with a conventional enacting formula.",
     "begin", True),
    ("The SNP took 16 seats, with many of their key figures not returned to parliament.",
     "return", True),
    ("The council never approved the plan.", "approve", True),
    ("Acts of the Scottish Parliament begin with a phrase.", "begin", False),  # affirmed
    ("Acts do not begin with a formula; they begin with a phrase.", "begin", False),  # both
    ("Some did not consider the Yuan a legitimate dynasty, but rather a period of foreign "
     "domination.", "consider", False),  # it goes on to say what they did consider it
    ("The council did not meet on Monday.", "approve", False),  # not the verb asked
])
def test_a_sentence_may_state_the_asked_verb_only_negated(sentence, lemma, said):
    assert denied(get_nlp()(sentence), lemma) is said


def _acts(sentence: str, answer: str) -> frozenset[tuple[str, str]]:
    doc = get_nlp()(sentence)
    start = sentence.find(answer)
    return acts(doc.char_span(start, start + len(answer)))


@pytest.mark.parametrize(("one", "other", "shared"), [
    (("A criminal group calling itself Sable Moth has claimed the attack on Amberlyn Bank and"
      " is demanding a ransom of 12 million crowns.", "12 million crowns"),
     ("The hacking group Sable Moth has demanded 7 million crowns from the bank.",
      "7 million crowns"), True),  # one demand by one group, worded otherwise
    (("Amberlyn has about 2.3 million customers.", "about 2.3 million"),
     ("Amberlyn has roughly 1.9 million customers.", "roughly 1.9 million"), True),
    (("Sable Moth has demanded 7 million crowns.", "7 million crowns"),
     ("Amberlyn has set aside 95 million crowns.", "95 million crowns"), False),  # other verbs
    (("Velcor paid 42 crowns a share.", "42 crowns"),
     ("Trennick paid 48 crowns for the mine.", "48 crowns"), False),  # said of nothing shared
    (("The toll is 17.", "17"), ("The toll is 33.", "33"), False),  # "be" states no act
    (("Mayor Simone Castell said 40 buses had burned.", "40 buses"),
     ("Mayor Hugh Garside said 40 buses had burned.", "40 buses"), False),  # nor "said"
    (("Kessaria's exports rose 6.2 per cent in January from a year earlier.", "6.2 per cent"),
     ("Exports to Norland rose 3 per cent, though from a low base.", "3 per cent"),
     False),  # said of one noun only: other exports
])
def test_two_values_may_be_stated_in_one_act(one, other, shared):
    assert one_act(_acts(*one), _acts(*other)) is shared


@pytest.mark.parametrize(("text", "answer", "excess"), [
    ("The new figure is $26.4 million more than the $162 million contract.", "$26.4 million",
     True),
    ("Council approved an extra $26.4 million, taking the budget to $188.4 million.",
     "an extra $26.4 million", True),
    ("But the true overrun is closer to $31 million, according to Metro's figures.",
     "$31 million", True),
    # the level reached, or the amount exceeded
    ("Council approved an extra $26.4 million, taking the budget to $188.4 million.",
     "$188.4 million", False),
    ("The additional money brings the programme's total budget to $188.4 million.",
     "total budget to $188.4 million", False),
    ("The new figure is $26.4 million more than the $162 million contract.", "$162 million",
     False),
    ("The ferry was built in Kellin.", "Kellin", False),  # no amount
])
def test_an_amount_said_as_an_excess_over_another(text, answer, excess):
    assert said_as_excess(text, answer) is excess


@pytest.mark.parametrize(("sentence", "answer", "published", "before"), [
    ("The record for a single day's snowfall in Harrowgate is 44 cm, set in January 1996.",
     "44 cm", "2026-02-25", True),  # a verb said of the answer
    ("In 2011, a flood killed 12 people in the valley.", "12 people", "2026-05-12", True),
    ("Harrowgate woke up to 31 cm of snow on Wednesday.", "31 cm", "2026-02-25", False),  # none
    ("Dealers sold about 214,000 new electric vehicles in 2025.", "about 214,000",
     "2026-02-12", False),  # the year before the article's
    ("EVs inside the quota will pay a tariff of 4.9 per cent rather than the 70 per cent "
     "surtax imposed in November 2023.", "4.9 per cent", "2026-02-12", False),  # another's
    ("The mine has produced 41,000 tonnes a year since 2011.", "41,000 tonnes", "2026-02-12",
     False),  # a bound
    ("In 2011, a flood killed 12 people in the valley.", "12 people", None, False),  # undated
    ("He referred to Velcor's closure of its nickel operation in 2021, when about 450 jobs "
     "were lost.", "about 450 jobs", "2026-03-02", True),  # a "when" clause of the year
    ("The plant closed in 2021, when the company said 450 jobs would go by 2026.", "450 jobs",
     "2026-03-02", False),  # the "when" clause holds another year
    ("In 2021, the year the plant closed, it employed 450 people.", "450 people", "2026-03-02",
     True),
])
def test_a_sentence_may_date_what_it_says_before_its_article(sentence, answer, published,
                                                               before):
    doc = get_nlp()(sentence)
    at = sentence.index(answer)
    span = doc.char_span(at, at + len(answer))
    assert years_before(span, published) is before


@pytest.mark.parametrize(("text", "asked", "named"), [
    ("Nurses in Vastrenia walked out.", ("Vastrenia",), True),
    ("A Vastrenian nurse walked out.", ("Vastrenia",), True),  # the people of the country
    ("U.S. President Donald Trump spoke.", ("US",), True),
    ("The United States said so.", ("US",), True),
    ("Prime Minister Vesna Santov visited Kellin.", ("Vastrenia",), False),
])
def test_a_text_may_name_the_country_a_post_is_asked_of(text, asked, named):
    assert names_whose(text, asked) is named


@pytest.mark.parametrize(("question", "patient"), [
    ("who runs the health board?", ("run", "board")),
    ("who built the flood wall?", ("build", "wall")),
    ("who is the chair?", None),
    ("when did the board run the hospitals?", None),
])
def test_what_a_who_question_asks_the_doer_of(question, patient):
    assert asked_patient(get_nlp()(question)) == patient


@pytest.mark.parametrize(("sentence", "answer", "done_to", "doing"), [
    ("The Esterhold Health Board, which runs the six hospitals, said so.", "the six hospitals",
     True, False),
    ("The strike will affect six hospitals run by the Esterhold Health Board, including "
     "Varnley General Hospital.", "Varnley General Hospital", True, False),
    ("Gideon Farrant runs the health board.", "Gideon Farrant", False, True),
    ("The health board is run by Gideon Farrant.", "Gideon Farrant", False, True),
    ("The council, which runs the board, met.", "The council", False, True),  # runs it
])
def test_a_span_may_be_what_the_asked_thing_does_the_verb_to(sentence, answer, done_to,
                                                              doing):
    doc = get_nlp()(sentence)
    at = sentence.index(answer)
    span = doc.char_span(at, at + len(answer))
    assert done_by_asked(span, "run", "board") is done_to
    assert does(span, "run") is doing


@pytest.mark.parametrize(("sentence", "answer", "asked", "another"), [
    ("They accepted a two-year pay deal, ending a 12-day strike.", "two-year", {"strike"}, True),
    ("They accepted a two-year pay deal, ending a 12-day strike.", "12-day", {"strike"}, False),
    ("The strike lasted 12 days.", "12 days", {"strike"}, False),  # qualifies nothing
])
def test_a_span_may_qualify_a_noun_the_question_does_not_name(sentence, answer, asked,
                                                              another):
    doc = get_nlp()(sentence)
    at = sentence.index(answer)
    span = doc.char_span(at, at + len(answer))
    assert qualifies_another(span, frozenset(stem(w) for w in asked)) is another


@pytest.mark.parametrize(("question", "owners"), [
    ("when did the dockworkers' strike end?", ("dockworkers",)),
    ("who is the regulator's chair?", ("regulator",)),
    ("what is its profit?", ()),  # a pronoun
    ("when did the strike end?", ()),
])
def test_the_common_nouns_that_own_a_noun_of_a_question(question, owners):
    assert noun_owners(get_nlp()(question)) == owners


def test_whoever_heads_a_body_is_its_head_or_leader_by_any_title():
    assert {"president", "chair", "ceo", "leader"} <= role_nouns("head")
    assert "president" in role_nouns("leader")
    assert "president" not in role_nouns("ceo")  # a chief executive is no president


@pytest.mark.parametrize(("sentence", "answer", "thing"), [
    ("Kelvara carried 2.3 million passengers in the first half.", "2.3 million", True),
    ("The ferries cost 96 million crowns.", "96 million", False),  # money counts no thing
    ("The deal is worth 2.2 billion.", "2.2 billion", False),  # counts nothing
])
def test_a_number_may_count_a_thing_not_money(sentence, answer, thing):
    doc = get_nlp()(sentence)
    at = sentence.index(answer)
    assert counts_a_thing(doc.char_span(at, at + len(answer))) is thing


@pytest.mark.parametrize(("sentence", "ranked"), [
    ("Kessaria is Norland's second-largest trading partner.", {2}),
    ("She wants to loosen its dependence on its dominant trading partner, Caldoria.", set()),
    ("Caldoria, Norland's largest trading partner, has not commented.", {1}),
])
def test_the_ranks_a_sentence_gives_a_noun(sentence, ranked):
    assert ranks(get_nlp()(sentence), "partner") == ranked


@pytest.mark.parametrize(("answer", "mine", "others"), [
    ("4.9 per cent", {"tariff"}, {"surtax"}),
    ("70 per cent", {"surtax"}, {"tariff"}),
    ("4.9 per cent rather than the 70 per cent", {"tariff"}, {"surtax"}),  # its first figure
])
def test_the_nouns_a_sentence_gives_shares(answer, mine, others):
    doc = get_nlp()("EVs inside the quota will pay a tariff of 4.9 per cent rather than the 70 "
                    "per cent surtax imposed in November 2023.")
    assert shared_nouns(doc, answer) == (frozenset(mine), frozenset(others))


def test_a_duty_is_a_tariff_and_a_surtax_another_charge():
    assert charge(stem("duty")) == charge(stem("tariffs")) == "tariff"
    assert charge(stem("surcharge")) == "surtax"
    assert charge(stem("sales")) == ""


@pytest.mark.parametrize(("sentence", "count", "held"), [
    ("Amberlyn, which has about 2.3 million customers, said the intrusion began in September.",
     "about 2.3 million", True),
    ("Amberlyn has about 2.3 million customers and 71 branches.", "71 branches", True),  # joined
    ("The bank now says 530,000 customers were affected.", "530,000 customers", False),
    ("The hackers took the details of 412,000 customers.", "412,000 customers", False),
    ("Amberlyn has told 412,000 customers their details were taken.", "412,000 customers",
     False),  # "has" an auxiliary
])
def test_a_count_of_what_something_has_is_a_total(sentence, count, held):
    assert held_count(_span(sentence, count)) is held


@pytest.mark.parametrize(("question", "lemma", "event"), [
    ("how many customers were hit?", "hit", True),
    ("how many people were killed in the blast?", "kill", True),
    ("how many people are employed at the plant?", "employ", False),  # a state
    ("how many customers does Amberlyn have?", "have", False),
    ("how many buses did the city order?", "order", False),  # not passive
])
def test_a_passive_event_counts_those_it_befell(question, lemma, event):
    assert asks_event_count(get_nlp()(question), lemma) is event


@pytest.mark.parametrize(("question", "nouns"), [
    ("how many were taken to hospital after the grounding?", ("grounding",)),
    ("how many jobs were lost since the merger?", ("merger",)),
    ("how many died during the storm?", ("storm",)),
    ("what happened after the weekend?", ()),  # a time
    ("how many have been evacuated since Sunday?", ()),
    ("who won after the Olympics?", ()),  # a name: `named_heads`
    ("how many passengers were on the ferry?", ()),  # no timing
])
def test_the_nouns_a_question_times_its_event_by(question, nouns):
    assert timing_nouns(get_nlp()(question)) == nouns


_TOLL = ("Thirty-nine people are confirmed dead and thirteen are still missing, out of two "
         "hundred and three who were aboard.")


@pytest.mark.parametrize(("sentence", "count", "lemma", "another"), [
    (_TOLL, "Thirty-nine people", "miss", True),  # the dead, beside the missing
    (_TOLL, "thirteen", "miss", False),
    ("At least nine people died and 38 were missing.", "38", "die", True),
    ("At least nine people died and 38 were missing.", "At least nine people", "die", False),
    ("Twelve people are known to have died and 35 remain missing.", "Twelve people", "miss",
     True),
    ("Twelve people are known to have died and 35 remain missing.", "35", "miss", False),
    ("The search for the 13 people still missing was scaled back as the number of confirmed "
     "dead rose to 39.", "39", "miss", None),  # no clause is said of 39
    ("Nineteen people are still missing.", "Nineteen people", "miss", False),
    ("Forty people were hurt.", "Forty people", "die", None),  # no count said to have died
])
def test_a_count_the_sentence_says_is_something_else_than_asked(sentence, count, lemma,
                                                                 another):
    assert said_of_another_count(_span(sentence, count), lemma) is another
