import re
from pathlib import Path

import pytest

from bot.answering import cores
from bot.settings import BotSettings
from index.errors import ConfigError
from index.settings import Settings
from tests.conftest import REPO


def test_env_example_lists_exactly_the_settings():
    text = (REPO / ".env.example").read_text()
    names = re.findall(r"^([A-Z_]+)=", text, flags=re.MULTILINE)
    bot = BotSettings.env_names()
    start = names.index(bot[0])  # the bot's names are one block: the Discord section
    assert names[start : start + len(bot)] == bot
    assert names[:start] + names[start + len(bot) :] == Settings.env_names()
    before = text[: text.index("# Discord bot")]
    assert names[:start] == re.findall(r"^([A-Z_]+)=", before, flags=re.MULTILINE)


def test_defaults_and_parsing():
    settings = BotSettings.from_env({
        "CHROMA_PORT": "9000", "ADMIN_USER_IDS": "1, 2 3", "ASK_RATE": "3/10",
        "ALLOW_PRIVATE_URLS": "yes", "CHROMA_HOST": "  ",
    })
    assert settings.core.chroma_port == 9000
    assert settings.admin_user_ids == {1, 2, 3}
    assert settings.ask_rate == (3, 10.0)
    assert settings.core.allow_private_urls is True
    assert settings.core.chroma_host is None
    assert settings.core.corpus_dir == Path("corpus")


def test_token_never_shows_in_repr_or_errors():
    settings = BotSettings.from_env({"DISCORD_TOKEN": "sekrit.token"})
    assert "sekrit" not in repr(settings)


def test_answer_workers_default_to_the_cores():
    assert BotSettings.from_env({}).answer_workers == cores() >= 1
    assert BotSettings.from_env({"ANSWER_WORKERS": "3"}).answer_workers == 3


@pytest.mark.parametrize(("name", "value"), [("ASK_RATE", "five"), ("SHARD_COUNT", "x"),
                                             ("ANSWER_WORKERS", "0")])
def test_malformed_setting_names_itself(name, value):
    with pytest.raises(ConfigError, match=name):
        BotSettings.from_env({name: value})
