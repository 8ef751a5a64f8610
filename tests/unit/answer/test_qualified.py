"""A noun the question qualifies, said of another by a sentence (pure but for the parse)."""

import pytest

from index.answer.nlp import get_nlp
from index.answer.qualified import OPPOSITES, Qualifier, asked_qualifiers, qualifier_said
from index.terms import stem


@pytest.mark.parametrize(("question", "asked"), [
    ("In what year did 12 national science academies issue a joint statement?",
     {("academi", "number", "12"), ("academi", "opposite", "nation"),
      ("nation", "word", "nation")}),
    ("The Scotland Act enabled the Spanish Parliament to pass what?",
     {("act", "name", "scotland"), ("parliament", "name", "spanish")}),
    ("Which islands comprise a larger number of electors?",
     {("number", "opposite", "larger"), ("larger", "word", "larger")}),
    ("What area of science is understanding slowly changing?",
     {("chang", "opposite", "slowli"), ("slowli", "word", "slowli")}),
    ("how many buses did the three depots lose?", {("depot", "number", "3")}),  # a word
    ("Scottish debates are held when?", set()),  # the question's opening capital
    ("how many electric buses did Metro order?", set()),  # a kind, not read here
    ("when did the council vote?", set()),
    ("What subjects are inside its competence?", {("compet", "opposite", "insid")}),
    ("Who typically closes debates?",  # an act with an opposite
     {("close", "act", "close"), ("close", "word", "close")}),
    ("What is the least used type of reduction?",
     {("use", "opposite", "least"), ("least", "word", "least")}),  # the word: anywhere
    ("how many buses are there?", set()),  # asking, not qualifying: "how many", "more than"
    ("what is more than 5?", set()),
    ("What did Jews refuse to accept?", set()),  # denied: "reject" says it
    ("What is usually first in the House of Lords?", {("hous", "name", "lord")}),
    ("What did Henry II take?", {("henri", "numeral", "II"), ("ii", "name", "henri")}),
    ("battery size of the Arc 7?", {("arc", "model", "7")}),  # a number after: a model's
    ("Goldenson proposed a merger with what company in December 1965?",
     {("decemb", "number", "1965"), ("decemb", "word", "decemb")}),  # a date, no model
])
def test_the_qualifiers_a_question_asks_by(question, asked):
    assert set(asked_qualifiers(get_nlp()(question))) == asked


@pytest.mark.parametrize(("sentence", "asked", "context", "said"), [
    ("In 2001, 16 national science academies issued a joint statement.",
     ("academi", "number", "12"), "", "other"),
    ("In 2001, twelve national science academies issued a joint statement.",
     ("academi", "number", "12"), "", "asked"),  # a number word
    ("In 2001, national science academies issued a joint statement.",
     ("academi", "number", "12"), "", ""),  # the noun unqualified: nothing either way
    ("The Scotland Act enabled the Scottish Parliament to pass primary legislation.",
     ("parliament", "name", "spanish"), "", "other"),
    ("The Scotland Act enabled the Scottish Parliament to pass primary legislation.",
     ("parliament", "name", "spanish"), "Spanish deputies watched the vote.", ""),
    ("Norland will let up to 38,000 vehicles made in Kessaria into the Norland market.",
     ("market", "name", "kessarian"), "", "asked"),  # a demonym by its place
    ('At 2.30pm, a 40-minute long themed "Question Time" takes place.',
     ("time", "name", "question"), "", "asked"),  # in quotes
    ("The archipelagos comprise a much smaller number of electors.",
     ("number", "opposite", "larger"), "", "other"),
    ("The archipelagos comprise a large number of electors.",
     ("number", "opposite", "larger"), "", ""),  # not its opposite
    ("In an area where our understanding is rapidly changing, this is a shortcoming.",
     ("chang", "opposite", "slowli"), "", "other"),
    ("The Normans built castles.", ("parliament", "name", "spanish"), "", ""),  # no noun
    ("It was established by two United Nations organizations, the WMO and UNEP.",
     ("organ", "name", "un"), "", "asked"),  # an acronym's letters, the name's initials
    ("It is the first visit by a Norland prime minister to Kessaria since 2017.",
     ("visit", "opposite", "last"), "", ""),  # the first since 2017 dates the last
    ("The largest party sits in the middle, with opposing parties on either side.",
     ("parti", "opposite", "smallest"), "", "other"),  # the opposite once is enough
    ("Typically, ministers or party leaders open debates.", ("close", "act", "close"), "",
     "other"),
    ("Ministers open debates and the Presiding Officer closes them.",
     ("close", "act", "close"), "", "asked"),
    ("Ministers did not open the debate.", ("close", "act", "close"), "", ""),  # negated
    ("Prayers is the first item of business in meetings of the House of Commons.",
     ("hous", "name", "lord"), "", "other"),
    ("Queen Elizabeth II opened the new building on 9 October 2004.",
     ("elizabeth", "numeral", "I"), "", "other"),
    ("Queen Elizabeth I died in 1603.", ("elizabeth", "numeral", "I"), "", "asked"),
    ("Reserved matters are subjects outside the legislative competence of the Parliament.",
     ("compet", "opposite", "insid"), "", "other"),  # a preposition's opposite
    ("The fund has raised $3.1 million, with the provincial government set to match it.",
     ("govern", "opposite", "nation"), "", "other"),  # another level of government
    ("It packs 5,100 mAh into a body only slightly thicker than the Arc 6.",
     ("arc", "model", "7"), "", "other"),
    ("It packs 5,100 mAh into a body only slightly thicker than the Arc 6.",
     ("arc", "model", "7"), "Nuvela unveils Arc 7 with bigger battery\nThe headline change is "
     "the battery.", ""),  # the headline says the model asked
    ("The Arc 7 will cost $899.", ("arc", "model", "7"), "", "asked"),
    ("The most used type of reduction is the polynomial-time reduction.",
     ("least", "word", "least"), "", "other"),  # an opposite anywhere
    ("The least used type is the log-space reduction, the most used the polynomial-time one.",
     ("least", "word", "least"), "", "asked"),
    ("Emperor Gegeen Khan, Ayurbarwada's son and successor, ruled for only two years.",
     ("daughter", "word", "daughter"), "", "other"),  # one of a set: a relation
    ("Parliament typically sits Tuesdays, Wednesdays and Thursdays.",
     ("friday", "word", "friday"), "", "other"),  # a day of the week
    ("The wind blows mostly from the south-east.", ("west", "word", "west"), "", "other"),
    ("The Bill for this Act of the Scottish Parliament was passed by the Parliament.",
     ("parliament", "name", "spanish"), "", "other"),  # "the Parliament": the Scottish one
    ("The Scottish Parliament and a parliament of its own", ("parliament", "name", "spanish"),
     "", ""),  # "a parliament" may be another
    ("The deputies are elected by a secret ballot of the 129 MSPs.",
     ("ballot", "opposite", "open"), "", "other"),  # an open ballot is no secret one
    ("The fund has raised $3.1 million, with the federal government set to match it.",
     ("govern", "opposite", "nation"), "", ""),  # the same level, by another word
])
def test_what_a_sentence_says_of_the_qualified_noun(sentence, asked, context, said):
    assert qualifier_said(get_nlp()(sentence), Qualifier(*asked), context) == said


def test_opposites_go_both_ways():
    assert stem("smaller") in OPPOSITES[stem("larger")]
    assert stem("larger") in OPPOSITES[stem("smaller")]
    assert stem("private") in OPPOSITES[stem("public")]
    assert stem("daughter") in OPPOSITES[stem("uncle")]  # a set: every pair of it
    assert stem("uncle") in OPPOSITES[stem("daughter")]
    assert "may" not in OPPOSITES  # a month, and a verb: in no set
