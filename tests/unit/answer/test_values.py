import time

import pytest

from index.answer.values import (
    comparable,
    may_be_one,
    merge_names,
    money_word,
    names_moment,
    only_shares,
    qualified,
    ratio,
    same_value,
    says_amount,
    says_score,
    says_speed,
    says_year,
    singular_noun,
    value_of,
)


@pytest.mark.parametrize(
    ("phrase", "hint", "kind", "key"),
    [
        ("49,000 electric vehicles", "", "number", (49000.0, "")),
        ("forty-nine thousand EVs", "quantity", "number", (49000.0, "")),
        ("49 000", "", "number", (49000.0, "")),
        ("1.2 million", "", "number", (1200000.0, "")),
        ("3.1bn", "", "number", (3100000000.0, "")),
        ("a dozen", "", "number", (12.0, "")),
        ("half a million", "", "number", (500000.0, "")),
        ("6.4 km", "", "number", (6400.0, "m")),
        ("2 years", "duration", "number", (24.0, "month")),
        ("4.9 pc", "", "percent", (4.9, "")),
        ("0.25 percentage points", "", "percent", (0.25, "point")),
        ("C$188.4m", "", "money", (188400000.0, "CAD")),
        ("188.4m", "money", "money", (188400000.0, "")),
        ("4.9", "percent", "percent", (4.9, "")),
        ("38,000", "percent", "number", (38000.0, "")),  # more than a whole: no share
        ("1st of May", "", "date", (None, 5, 1, None, None, None)),
        ("the first of May", "date", "date", (None, 5, 1, None, None, None)),
        ("May 1, 2026", "", "date", (2026, 5, 1, 4, None, None)),
        ("2026-05-01", "", "date", (2026, 5, 1, 4, None, None)),
        ("Feb. 16", "", "date", (None, 2, 16, None, None, None)),
        ("Sept 2025", "", "date", (2025, 9, None, None, None, None)),
        ("2019", "", "date", (2019, None, None, None, None, None)),
        ("2019", "date", "date", (2019, None, None, None, None, None)),
        ("2019", "quantity", "number", (2019.0, "")),
        ("2029", "money", "date", (2029, None, None, None, None, None)),  # "by 2029": no sum
        ("1998", "percent", "date", (1998, None, None, None, None, None)),
        ("by 2029", "money", "date", (2029, None, None, None, None, None)),
        ("3100", "money", "money", (3100.0, "")),  # no year
        ("Saturday (24 January 2026)", "date", "date", (2026, 1, 24, 5, None, None)),
        ("last October (October 2025)", "date", "date", (2025, 10, None, None, None, None)),
        ("yesterday (5 July 2026)", "date", "date", (2026, 7, 5, 6, None, None)),  # resolved
        ("May", "date", "date", (None, 5, None, None, None, None)),
        ("may", "date", "date", (None, 5, None, None, None, None)),
        ("May", "person", "name", ("may",)),
        ("may", "", "text", ("may",)),
        ("2:40 a.m.", "", "time", (None, None, None, None, 2, 40)),
        ("2pm", "date", "time", (None, None, None, None, 14, None)),
        ("Prime Minister Mark Carney", "person", "name", ("mark", "carney")),
        ("Carney's", "person", "name", ("carney",)),
        ("Canadian PM Mark Carney", "person", "name", ("mark", "carney")),
        # a title in lower case, ended by a role word right before the name
        ("Managing director Colm Hardacre", "person", "name", ("colm", "hardacre")),
        ("trade minister Owen Balcombe", "person", "name", ("owen", "balcombe")),
        ("the man who met President Obama", "person", "text",
         ("man", "met", "president", "obama")),
        ("Xi Jinping and Canadian Prime Minister Mark Carney", "person", "text",
         ("xi", "jinping", "canadian", "prime", "minister", "mark", "carney")),
        ("Xi Jinping and Prime Minister Mark Carney", "", "text",
         ("xi", "jinping", "prime", "minister", "mark", "carney")),
        ("Xi Jinping and Canadian Prime Minister", "person", "text",
         ("xi", "jinping", "canadian", "prime", "minister")),
        ("Marks & Spencer", "organisation", "name", ("marks", "spencer")),
        ("Ruth Annesley and Callum Fairley", "person", "name",
         ("ruth", "annesley", "callum", "fairley")),
        ("the Energy and Utilities Regulator", "organisation", "name",
         ("energy", "utilities", "regulator")),
        ("Dr. Eileen de Villa", "", "name", ("eileen", "de", "villa")),
        ("billion Norland dollars", "", "text", ("billion", "norland", "dollars")),
        ("a billion dollars", "", "money", (1e9, "$")),
        # an amount described by a word after "a" or "an" is that amount; a name is not
        ("an initial 800 million kessars", "quantity", "number", (8e8, "")),
        ("a whopping 40 per cent", "", "percent", (40.0, "")),
        ("a Boeing 737", "quantity", "text", ("boeing", "737")),
        ("the Arc 7", "quantity", "text", ("arc", "7")),
        ("95 million crowns", "", "money", (95e6, "crown")),
        ("400 kronor", "", "money", (400.0, "crown")),
        ("12 francs", "", "money", (12.0, "franc")),
        ("9–4", "", "text", ("#pair", 9.0, 4.0)),
        ("nine to four", "", "text", ("#pair", 9.0, 4.0)),
        ("second-largest", "ordinal", "text", ("#ordinal", 2, "largest")),
        ("the rising cost of living", "reason", "text", ("rising", "cost", "living")),
        ("one of the biggest", "", "text", ("one", "biggest")),
        ("a third", "", "text", ("third",)),
        ("No.", "yesno", "text", ("no",)),
        ("Yes, it did", "", "text", ("yes",)),
        ("the Sun", "", "name", ("sun",)),
        ("Sat. 24 Jan", "", "date", (None, 1, 24, 5, None, None)),
    ],
)
def test_value_of(phrase, hint, kind, key):
    value = value_of(phrase, hint)
    assert (value.kind, value.key, value.text) == (kind, key, phrase)


@pytest.mark.parametrize(
    ("phrase", "unit"),
    [("49,000 electric vehicles", "vehicl"), ("five new buses", "bus"),
     ("50 firefighters battled the blaze", "firefight"), ("38,000", ""), ("186 mm", "m"),
     ("$188.4m", "$"), ("£20 million", "GBP"), ("20 pounds", "lb"),
     ("up to 4 cm an hour", "m/hour"), ("60 km per hour", "m/hour"),
     ("186 mm of rain in 48 hours", "m")],
)
def test_unit(phrase, unit):
    assert value_of(phrase).unit == unit


SAME = [
    ("49,000 electric vehicles", "forty-nine thousand EVs", "quantity"),
    ("49,000", "49000", ""),
    ("49 000", "49,000 cars", ""),
    ("38,000 cars", "38,000 vehicles", "quantity"),
    ("38,000", "38,000 vehicles", "quantity"),
    ("more than 38,000 cars", "38,000", "quantity"),
    ("4.9 per cent", "4.9%", "percent"),
    ("4.9 percent", "4.9 pc", ""),
    ("4.9%", "4.9", "percent"),
    ("$188.4m", "188.4 million dollars", "money"),
    ("$188.4m", "$188,400,000", ""),
    ("188.4m", "C$188.4 million", "money"),
    ("$188.4m", "C$188.4m", ""),
    ("3.9 billion", "3,900,000,000", ""),
    ("$1.5-billion", "1.5 billion dollars", ""),
    ("$4 per litre", "four dollars", "money"),
    ("400 crowns", "400", "money"),
    ("400 crowns", "400 kr", ""),  # the krona, the krone and the koruna are crowns
    ("1.6 billion kroner", "1.6 billion crowns", ""),
    ("20 million roubles", "20 million rubles", ""),
    ("490 kWh", "490kWh", ""),
    ("186 mm", "186mm", ""),
    ("6.4 km", "6,400 metres", ""),
    ("2 years", "24 months", "duration"),
    ("a dozen", "12", ""),
    ("1 May", "May 1, 2026", "date"),
    ("1st of May", "May 1", "date"),
    ("2026-05-01", "May 1, 2026", "date"),
    ("16 February 2026", "Feb. 16", "date"),
    ("September 2025", "Sept 2025", "date"),
    ("Saturday (24 January 2026)", "24 January 2026", "date"),
    ("Saturday (24 January 2026)", "Saturday", "date"),
    ("2016", "16 February 2016", "date"),
    ("next week (week of 6 October 2025)", "8 October", "date"),  # a day of that week
    ("next week (week of 6 October 2025)", "October 2025", "date"),
    ("2:40 a.m.", "2:40am", "date"),
    ("2:40am", "02:40", ""),
    ("Carney", "Mark Carney", "person"),
    ("Carney's", "Carney", "person"),
    ("Prime Minister Mark Carney", "Mark Carney", "person"),
    ("Mr Ford", "Premier Doug Ford", "person"),
    ("mark carney", "Mark Carney", "person"),
    ("the Energy and Utilities Regulator", "Energy and Utilities Regulator", "organisation"),
    ("RCMP", "Royal Canadian Mounted Police", "organisation"),
    ("9-4", "nine to four", ""),
    ("second-largest", "2nd largest", "ordinal"),
    ("The rising cost of living", "rising cost of living", "reason"),
]


@pytest.mark.parametrize(("a", "b", "hint"), SAME)
def test_same_value(a, b, hint):
    va, vb = value_of(a, hint), value_of(b, hint)
    assert same_value(va, vb) and same_value(vb, va)
    assert comparable(va, vb)


CONTRADICTIONS = [
    ("50 firefighters", "70 firefighters", "quantity"),
    ("50 firefighters", "70", "quantity"),
    ("6.4 metres", "6.1 metres", "quantity"),
    ("6.4 m", "6.1", "quantity"),
    ("seven", "eight", "quantity"),
    ("nearly 2,000 homes", "1,730 homes", "quantity"),  # "nearly" is within a tenth below
    ("4.9%", "5.9 per cent", "percent"),
    ("$188.4m", "$210m", "money"),
    ("188.4m", "C$210m", "money"),
    ("about 50", "70", "quantity"),
    ("more than 70 per cent", "60%", "percent"),
    ("2016", "2017", "date"),
    ("2016", "16 February 2017", "date"),
    ("Thursday", "Friday", "date"),
    ("Thursday", "16 February 2026", "date"),
    ("1 May", "2 May 2026", "date"),
    ("2:40 a.m.", "3:10 a.m.", "date"),
    ("Owen Balcombe", "Dale Hurst", "person"),
    ("Carney", "Poilievre", "person"),
    ("9-4", "8-5", ""),
    ("second-largest", "third-largest", "ordinal"),
    ("yes", "no", "yesno"),
]


@pytest.mark.parametrize(("a", "b", "hint"), CONTRADICTIONS)
def test_contradiction(a, b, hint):
    va, vb = value_of(a, hint), value_of(b, hint)
    assert comparable(va, vb) and comparable(vb, va)
    assert not same_value(va, vb) and not same_value(vb, va)


UNRELATED = [
    ("more than 70 per cent", "71%", "percent"),  # the bound holds: not a contradiction
    ("4.9%", "5%", "percent"),  # 5% may be 4.9% rounded
    ("$188.4m", "$188m", "money"),
    ("49,000", "50,000", "quantity"),
    ("about 50", "52", "quantity"),
    ("nearly 50", "48", "quantity"),
    ("38,000 cars", "49,000 trucks", "quantity"),  # two counts of two things
    ("50 metres", "50 kg", "quantity"),
    ("£20 million", "$26 million", "money"),  # two currencies
    ("400 crowns", "400 francs", "money"),
    ("4.9%", "4.9 percentage points", "percent"),
    ("50 firefighters", "50 per cent", ""),
    ("1 May", "Friday", "date"),  # no field in common
    ("2:40 a.m.", "Saturday", "date"),
    ("May", "2016", "date"),
    ("before 2019", "2017", "date"),
    ("Mark Carney", "2016", "person"),
    ("seven of every ten", "70%", "percent"),
    ("rising costs", "falling demand", "reason"),
    ("second-largest", "third", "ordinal"),
    ("Toronto", "Ontario", "place"),  # places nest
    ("Carney", "Mark Carney's government", "person"),
    ("", "Mark Carney", "person"),
    ("up to 4 cm an hour", "31 cm", "quantity"),  # a rate is no depth
]


@pytest.mark.parametrize(("a", "b", "hint"), UNRELATED)
def test_neither_same_nor_contradicting(a, b, hint):
    va, vb = value_of(a, hint), value_of(b, hint)
    assert not same_value(va, vb) and not same_value(vb, va)
    assert not comparable(va, vb) and not comparable(vb, va)


def test_a_year_asked_as_a_quantity_is_its_number():
    assert same_value(value_of("2016", "quantity"), value_of("2,016", "quantity"))


@pytest.mark.parametrize(
    ("phrases", "expected"),
    [
        (["Carney", "Mark Carney", "Prime Minister Mark Carney", "Carney's"],
         {"Carney": "Mark Carney", "Mark Carney": "Mark Carney",
          "Prime Minister Mark Carney": "Mark Carney", "Carney's": "Mark Carney"}),
        (["Carney", "Prime Minister Mark Carney"],
         {"Carney": "Mark Carney", "Prime Minister Mark Carney": "Mark Carney"}),
        (["Mark", "Mark Carney", "Mark Wiseman"],
         {"Mark": "Mark", "Mark Carney": "Mark Carney", "Mark Wiseman": "Mark Wiseman"}),
        (["Owen Balcombe", "Balcombe", "Dale Hurst", "Hurst"],
         {"Owen Balcombe": "Owen Balcombe", "Balcombe": "Owen Balcombe",
          "Dale Hurst": "Dale Hurst", "Hurst": "Dale Hurst"}),
        (["the Energy and Utilities Regulator", "the Regulator"],
         {"the Energy and Utilities Regulator": "Energy and Utilities Regulator",
          "the Regulator": "Energy and Utilities Regulator"}),
        (["Dr. Eileen de Villa", "de Villa", "growth"],
         {"Dr. Eileen de Villa": "Eileen de Villa", "de Villa": "Eileen de Villa",
          "growth": "growth"}),
        (["Xi Jinping", "Xi Jinping and Canadian Prime Minister Mark Carney"],
         {"Xi Jinping": "Xi Jinping",
          "Xi Jinping and Canadian Prime Minister Mark Carney":
              "Xi Jinping and Canadian Prime Minister Mark Carney"}),
        (["Carney", "Canadian PM Mark Carney"],
         {"Carney": "Mark Carney", "Canadian PM Mark Carney": "Mark Carney"}),
        ([], {}),
    ],
)
def test_merge_names(phrases, expected):
    assert merge_names(phrases) == expected


def test_values_are_hashable_and_deterministic():
    value = value_of("Saturday (24 January 2026)", "date")
    assert hash(value) == hash(value_of("Saturday (24 January 2026)", "date"))
    assert value_of("49,000 EVs") == value_of("49,000 EVs")


def test_well_under_a_millisecond_a_call():
    phrases = [f"{n:,} electric vehicles" for n in range(1000, 1200)]
    phrases += [f"{d} May {y}" for d in range(1, 29) for y in (2024, 2025)]
    phrases += [f"Minister Jo {'ABCDEFGHIJ'[n // 10]}{'abcdefghij'[n % 10]}son" for n in range(100)]
    phrases += [f"reason {n}" for n in range(100)]
    value_of.cache_clear()
    start = time.perf_counter()
    values = [value_of(p, "") for p in phrases]
    assert (time.perf_counter() - start) / len(phrases) < 0.0005
    start = time.perf_counter()
    for a in values[::4]:
        for b in values[::4]:
            comparable(a, b)
    assert (time.perf_counter() - start) / len(values[::4]) ** 2 < 0.0001
    assert merge_names(phrases[-200:-100])["Minister Jo Ahson"] == "Jo Ahson"


@pytest.mark.parametrize(
    ("phrase", "sentence", "expected"),
    [
        ("70 per cent", "Caldoria takes more than 70 per cent of its exports.",
         "more than 70 per cent"),
        ("2,000 homes", "The flood damaged nearly 2,000 homes.", "nearly 2,000 homes"),
        ("50", "About 50 firefighters were called.", "About 50"),
        ("38,000", "Norland will allow up to 38,000 cars a year.", "up to 38,000"),
        ("more than 70 per cent", "It takes more than 70 per cent.", "more than 70 per cent"),
        ("2,000", "It sold 2,000 cars.", "2,000"),  # no qualifier
        ("50", "The hangover 50 remained.", "50"),  # "over" inside a word is none
        ("Carney", "Xi met over Carney's objections.", "Carney"),  # not an amount
        # a bare figure's currency or share word after it: no count
        ("48", "Analysts said it should be nearer 48 crowns a share.", "48 crowns"),
        ("42", "Velcor made a 42-crown offer.", "42-crown"),
        ("5", "Sales grew 5 per cent.", "5 per cent"),
        ("48", "It paid 148 crowns for 48 shares.", "48"),  # not of "148"
        ("250", "About 250 passengers were aboard.", "About 250"),  # a noun, no unit
    ],
)
def test_qualified_keeps_the_bound_a_sentence_puts_on_an_amount(phrase, sentence, expected):
    assert qualified(phrase, sentence) == expected


@pytest.mark.parametrize(("a", "b", "one"), [
    ("$188 million", "$188.4 million", True),  # the first is the second rounded
    ("about 50", "52", True),
    ("about 1,200 people", "1,350 people", True),  # two figures: "about" allows 15%
    ("about 118 billion", "124 billion", False),  # three figures: "about" allows 1.5%
    ("about 118 billion", "119 billion", True),
    ("$162 million", "$188 million", False),
    ("49,000", "49,000 cars", True),
    ("12%", "12 cars", False),  # not one unit
    ("2017", "2017", False),  # dates are no amounts
])
def test_may_be_one(a, b, one):
    assert may_be_one(value_of(a), value_of(b)) == one


def test_ratio():
    assert ratio(value_of("$3 million"), value_of("$162 million")) == pytest.approx(54.0)
    assert ratio(value_of("0"), value_of("4")) == float("inf")


@pytest.mark.parametrize(("phrase", "amount"), [
    ("49,000 EVs", True),
    ("six gold", True),  # a number word
    ("several", True),  # words for an amount
    ("dozens of people", True),
    ("nearly a million and a half", True),
    ("anywhere from two to a hundred", True),
    ("a permanent collection of over 4.5 million objects", True),
    ("tenfold", True),
    ("none", True),
    ("40%", True),
    ("1994", True),  # asked how many, a bare figure is read as one
    ("MV Linnet sank in 1994", False),  # its one figure is a year
    ("Captain Tarvos", False),
    ("the inquiry", False),
    ("Monday", False),  # a date
    ("free", True),  # asked what it costs
    ("cut prices on most of its range twice last year (2025)", False),  # words for an amount
    # open an amount, not a clause
    ("a 2-1 win", False),  # a score counts nothing
    ("9-4", True),  # a vote's tally, asked how many voted each way
])
def test_says_amount(phrase, amount):
    assert says_amount(value_of(phrase, "count")) == amount


@pytest.mark.parametrize(("phrase", "year"), [
    ("1066", True),
    ("April 1191", True),
    ("the 1990s", True),
    ("last year (2025)", True),
    ("the same year", True),
    ("the 10th century", True),
    ("theater", False),  # "what year did she perform the roles?"
    ("Australian Academy of Science", False),
])
def test_says_year(phrase, year):
    assert says_year(value_of(phrase, "date")) is year


@pytest.mark.parametrize(("phrase", "shares"), [
    ("grew only 6 per cent", True),  # read as text: it opens with a verb
    ("rose 3.2%", True),
    ("rose 4 percentage points", True),
    ("40%", True),
    ("cut 6 per cent of its jobs, about 1,200", False),  # a count beside the share
    ("1,912,000 vehicles in 2025, up 18 per cent", False),
    ("cut prices on most of its range", False),  # no figure
    ("$162 million", False),
    ("raised its interim dividend by a fifth", True),  # a fraction in words
    ("cut the workforce by two-thirds", True),
])
def test_a_phrase_may_give_only_shares(phrase, shares):
    assert only_shares(value_of(phrase, "money")) is shares


@pytest.mark.parametrize(("phrase", "moment"), [
    ("7am on Thursday", True),  # asked how long: a moment is no answer
    ("24 September", True),
    ("Tuesday", True),
    ("May 2024", True),
    ("2011", True),  # a bare year, read as a number when asked how long
    ("48-hour", False),
    ("four days", False),
    ("two weeks", False),
    ("1,230 km", False),  # "how long is the Rhine?"
    ("since 1979", False),  # how long, said by when it began
    ("until Thursday", False),
    ("from 7 a.m. on Tuesday", False),
    ("1892 to 1894", False),
    ("the end of the current Parliament", False),
])
def test_names_moment(phrase, moment):
    assert names_moment(value_of(phrase, "duration")) == moment


@pytest.mark.parametrize(("week", "day"), [
    ("next week (week of 6 October 2025)", "17 October"),  # shares the month, not the week
    ("last week (week of 1 June 2026)", "9 June"),
])
def test_a_week_is_not_a_day_of_another_week(week, day):
    a, b = value_of(week, "date"), value_of(day, "date")
    assert not same_value(a, b) and not same_value(b, a)


@pytest.mark.parametrize(("phrase", "score"), [
    ("2-1", True),
    ("a 3–0 win", True),
    ("seven", False),
    ("Brackley Park", False),
])
def test_says_score(phrase, score):
    assert says_score(value_of(phrase)) is score


@pytest.mark.parametrize(("word", "one"), [
    ("buses", "bus"), ("passengers", "passenger"), ("people", "person"), ("ferries", "ferry"),
    ("minerals", "mineral"), ("miners", "miner"), ("boss", "boss"), ("branches", "branch"),
])
def test_a_noun_made_singular_by_its_ending_alone(word, one):
    assert singular_noun(word) == one


@pytest.mark.parametrize(("phrase", "speed"), [
    ("110 km/h", True),
    ("70 mph", True),
    ("40 knots", True),
    ("gusts of up to 90 kilometres an hour", True),
    ("16,000 rpm", True),
    ("250 passengers", False),
    ("force 9", False),
])
def test_an_answer_may_give_a_speed(phrase, speed):
    assert says_speed(value_of(phrase, "quantity")) is speed


@pytest.mark.parametrize(("word", "money"), [
    ("crowns", True), ("dollars", True), ("euro", True), ("passengers", False), ("crowd", False),
])
def test_a_currency_said_in_a_word(word, money):
    assert money_word(word) is money


def test_a_currency_the_amounts_do_not_read_is_still_money():
    assert money_word("marks") and money_word("shillings")
