"""The sentences of the coverage, parsed when it is indexed and looked up when answering."""

from __future__ import annotations

from index.answer.parsing import pipeline_name
from index.corpus.sentences import split_sentences
from index.store.chroma import PassageStore
from index.store.kept import digest


def test_indexing_keeps_the_parse_of_every_sentence_it_adds(corpus, make_desk):
    desk = make_desk(corpus)
    desk.index()
    parser = desk.parser()
    passages = [s.passage.text for s in PassageStore.scan(desk.store.committed().collection)]
    sentences = {digest(s) for text in passages for s in split_sentences(text)}
    assert len(sentences) >= 3
    assert parser.store.known(pipeline_name(), sorted(sentences)) == sentences
    assert parser.keep(passages) == 0  # the same passages again: nothing parsed
    (corpus / "ferry.txt").write_text("Ferry sails again\n\nThe old ferry sailed on Tuesday.")
    desk.index()
    assert parser.store.known(pipeline_name(), [digest("The old ferry sailed on Tuesday.")])


def test_with_keep_parses_off_indexing_parses_nothing_and_answering_parses(corpus, make_desk):
    desk = make_desk(corpus, keep_parses=False)
    desk.index()
    assert not desk.settings.parses_path.exists()
    assert desk.ask("When did the dam repairs finish?").answer == "August"


def test_keeping_words_and_parses_is_reported_after_the_index_is_done(corpus, make_desk):
    seen = []
    make_desk(corpus).index(progress=seen.append)
    stages = [p.stage for p in seen]
    assert stages.index("done") < stages.index("words") < stages.index("parsing")
    last = seen[-1]
    assert last.stage == "parsing" and last.sentences_parsed == last.sentences_total >= 3
    assert last.words_embedded == last.words_total > 0 and last.documents_read == 2
