import pytest

from index.answer.nlp import get_nlp
from index.answer.tokens import is_verb, text_of, tokens

SENTENCES = [
    "Harbourview's council voted on Tuesday to buy 40 electric buses from Northwind Motors.",
    "The order, worth 38 million dollars, replaces the diesel fleet by 2028, said the mayor.",
    "Chief fire officer Naomi Redgrave said more than 70 firefighters had been involved.",
    "It rained. Then -- after three days -- the Vell burst its banks at Pennock Bridge!",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_the_table_reads_each_token_as_spacy_does(text):
    doc = get_nlp()(text)
    table = tokens(doc)
    assert table is tokens(doc)  # kept with the doc
    assert table.text == tuple(t.text for t in doc)
    assert table.lemma == tuple(t.lemma_.lower() for t in doc)
    assert text_of(doc) == doc.text == text and text_of(doc) is text_of(doc)
    assert table.ents == tuple(doc.ents) and table.chunks == tuple(doc.noun_chunks)
    for t in doc:
        assert table.children(t.i) == [c.i for c in t.children]
        assert table.edges[t.i] == (t.left_edge.i, t.right_edge.i)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            assert table.root(start, end) == doc[start:end].root.i
        assert table.before(start, 3) == doc[max(0, start - 3) : start].text


@pytest.mark.parametrize(("question", "word", "verb"), [
    ("when did the strike end?", "end", True),  # tagged a noun
    ("when does the vote close?", "close", True),  # tagged an adjective
    ("what is the end of the strike?", "end", False),  # no "do" props it up
])
def test_a_word_did_or_does_props_up_is_a_verb(question, word, verb):
    doc = get_nlp()(question)
    assert is_verb(next(t for t in doc if t.text == word)) is verb
