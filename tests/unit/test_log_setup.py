"""Logging levels: our loggers at LOG_LEVEL, other libraries' at LIBRARY_LOG_LEVEL."""

import logging

import pytest

from index.errors import ConfigError
from index.log_setup import LevelByOrigin
from index.settings import Settings


@pytest.mark.parametrize(
    ("levels", "name", "shown"),
    [
        (("INFO", "WARNING"), "index.store.indexing", ["INFO", "WARNING"]),
        (("INFO", "WARNING"), "bm25s", ["WARNING"]),
        (("INFO", "WARNING"), "chromadb.telemetry", ["WARNING"]),
        (("INFO", "WARNING"), "discord.gateway", ["INFO", "WARNING"]),
        (("DEBUG", "WARNING"), "bot.desk", ["DEBUG", "INFO", "WARNING"]),
        (("DEBUG", "WARNING"), "discord.gateway", ["INFO", "WARNING"]),
        (("DEBUG", "WARNING"), "httpx", ["WARNING"]),
        (("WARNING", "WARNING"), "discord.client", ["WARNING"]),
        (("WARNING", "DEBUG"), "sentence_transformers", ["DEBUG", "INFO", "WARNING"]),
        (("WARNING", "DEBUG"), "indexer_elsewhere", ["DEBUG", "INFO", "WARNING"]),
        (("WARNING", "DEBUG"), "index", ["WARNING"]),
    ],
)
def test_each_logger_gets_its_level(levels, name, shown):
    own, library = (logging.getLevelName(level) for level in levels)
    origin = LevelByOrigin(own, library)
    passed = [
        level for level in ("DEBUG", "INFO", "WARNING")
        if origin.filter(logging.LogRecord(name, logging.getLevelName(level), "", 0, "", (), None))
    ]
    assert passed == shown


@pytest.mark.parametrize("name", ["LOG_LEVEL", "LIBRARY_LOG_LEVEL"])
def test_an_unknown_level_is_a_clear_error(name):
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({name: "loud"})
    assert str(caught.value) == (
        f"{name}='loud' is not valid: expected one of DEBUG, INFO, WARNING, ERROR, CRITICAL"
    )
    assert Settings.from_env({name: " debug "}).__dict__[name.lower()] == "DEBUG"
