"""The desk `newsdesk run` uses: it starts without its store and reconnects when asked."""

from __future__ import annotations

import logging

import pytest

from bot.desk import ReconnectingDesk
from index.errors import StoreUnavailableError
from index.settings import Settings
from tests.integration.bot.conftest import EVS_SOURCE
from tests.integration.bot.processes import free_port


def test_an_empty_embedded_index_is_filled_at_start(tmp_path, shared_corpus, embedder, caplog):
    desk = ReconnectingDesk(
        Settings(corpus_dir=shared_corpus, chroma_path=tmp_path / "chroma"), embedder
    )
    with caplog.at_level(logging.INFO, logger="index.service"):
        desk.start()
    from index.answer.precision import resolve_precision

    precision = resolve_precision("auto")  # the default: bfloat16 on a CPU that has it
    ready = f"the answerer is ready (reader minilm-squad2, {precision})"
    assert any(r.getMessage().startswith(ready) for r in caplog.records)
    assert (desk.status().articles, desk.status().passages) == (2, 24)
    answer = desk.ask("how many EVs?")
    assert "49,000" in answer.answer and answer.citations[0].source == EVS_SOURCE
    assert desk.current().store.server is None  # the Newsdesk it opened: embedded Chroma


def test_an_unreachable_server_is_not_fatal_and_is_logged_once(caplog, embedder):
    port = free_port()
    desk = ReconnectingDesk(Settings(chroma_host="127.0.0.1", chroma_port=port), embedder)
    with caplog.at_level(logging.INFO, logger="bot.desk"):
        desk.start()
        for call in (lambda: desk.ask("how many EVs?"), desk.sources, desk.status):
            with pytest.raises(StoreUnavailableError, match=f"127.0.0.1:{port}"):
                call()
    outages = [r for r in caplog.records if "the index is unavailable" in r.getMessage()]
    assert len(outages) == 1 and outages[0].levelno == logging.WARNING
    assert not [r for r in caplog.records if r.exc_info]
    desk.close()  # nothing was opened; closing is still fine
