"""Sentence parses kept at index time and looked up when answering (real spaCy, real SQLite)."""

import logging

import pytest

from index.answer import parsing
from index.answer.parsing import Parser, _to_bytes, pipeline_name
from index.caching import BatchCache
from index.store.kept import digest
from index.store.parses import Parses

SENTENCES = [
    "Trade Minister Owen Balcombe said on Tuesday that Norland would import 49,000 EVs.",
    "The Vell burst its banks at Saltmere, and 4,860 people were evacuated.",
    "Harrowgate Metro's interim chief, Dana Oyelar, quit after the depot fire.",
]
TEXT = " ".join(SENTENCES)


@pytest.fixture(autouse=True)
def fresh_parses(monkeypatch):
    """An empty in-process parse cache, so that parses come from the store or spaCy."""
    monkeypatch.setattr(parsing, "PARSES", BatchCache(100))


def described(doc):
    """Everything answering reads of a parse."""
    return ([(t.text, t.idx, t.whitespace_, t.lower_, t.is_alpha, t.is_stop, t.like_num,
              t.is_punct, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_type_, t.ent_iob_,
              t.is_sent_start, str(t.morph)) for t in doc],
            [(e.start, e.end, e.label_) for e in doc.ents],
            [(c.start, c.end) for c in doc.noun_chunks],
            [(s.start, s.end) for s in doc.sents])


def test_a_kept_parse_is_the_parse(tmp_path):
    parser = Parser(Parses(tmp_path / "parses.sqlite3"))
    assert parser.keep([TEXT]) == 3
    fresh = Parser().parse(SENTENCES)
    parsing.PARSES = BatchCache(100)
    kept = parser.parse(SENTENCES)
    assert [described(d) for d in kept] == [described(d) for d in fresh]
    assert [d.text for d in kept] == SENTENCES


def test_a_text_is_read_once_and_a_reprinted_sentence_parsed_once(tmp_path):
    parser = Parser(Parses(tmp_path / "parses.sqlite3"))
    assert parser.keep([TEXT]) == 3
    assert parser.keep([TEXT]) == 0  # read before
    reprint = f"{SENTENCES[0]} A new sentence follows it."
    assert parser.keep([reprint]) == 1  # only the sentence not kept yet
    assert parser.store.known(pipeline_name(), [digest("A new sentence follows it.")])


def test_answering_reads_the_kept_parse(tmp_path):
    store = Parses(tmp_path / "parses.sqlite3")
    doc = Parser().parse([SENTENCES[0]])[0]
    doc.ents = []  # a kept parse told apart from a fresh one: it names no entity
    store.put(pipeline_name(), {digest(SENTENCES[0]): _to_bytes(doc)}, ())
    parsing.PARSES = BatchCache(100)
    kept, parsed = Parser(store).parse(SENTENCES[:2])
    assert not kept.ents and parsed.ents  # the first looked up, the second parsed


def test_a_parse_kept_by_another_pipeline_is_not_read(tmp_path):
    store = Parses(tmp_path / "parses.sqlite3")
    doc = Parser().parse([SENTENCES[0]])[0]
    doc.ents = []
    store.put("another pipeline", {digest(SENTENCES[0]): _to_bytes(doc)}, ())
    parsing.PARSES = BatchCache(100)
    assert Parser(store).parse([SENTENCES[0]])[0].ents


def test_an_unreadable_store_is_said_once_and_the_sentences_parsed(tmp_path, caplog):
    path = tmp_path / "parses.sqlite3"
    path.write_bytes(b"not a database" * 100)
    parser = Parser(Parses(path))
    with caplog.at_level(logging.WARNING, logger="index.answer.parsing"):
        first = parser.parse(SENTENCES[:1])
        parser.parse(SENTENCES[1:])
    assert first[0].ents
    assert caplog.text.count("cannot be read") == 1


def test_a_kept_parse_that_cannot_be_read_is_parsed_again(tmp_path, caplog):
    store = Parses(tmp_path / "parses.sqlite3")
    store.put(pipeline_name(), {digest(SENTENCES[0]): b"not a parse"}, ())
    with caplog.at_level(logging.WARNING, logger="index.answer.parsing"):
        doc = Parser(store).parse([SENTENCES[0]])[0]
    assert doc.text == SENTENCES[0] and doc.ents
    assert "cannot be read" in caplog.text
