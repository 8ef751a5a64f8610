import re
from pathlib import Path

import pytest

from index.errors import ConfigError
from index.settings import Settings

REPO = Path(__file__).resolve().parents[2]


def test_env_example_lists_exactly_the_settings():
    text = (REPO / ".env.example").read_text()
    names = re.findall(r"^([A-Z_]+)=", text, flags=re.MULTILINE)
    assert names == Settings.env_names()


def test_defaults_and_parsing():
    settings = Settings.from_env({
        "CHROMA_PORT": "9000", "ADMIN_USER_IDS": "1, 2 3", "ASK_RATE": "3/10",
        "ALLOW_PRIVATE_URLS": "yes", "CHROMA_HOST": "  ",
    })
    assert settings.chroma_port == 9000
    assert settings.admin_user_ids == {1, 2, 3}
    assert settings.ask_rate == (3, 10.0)
    assert settings.allow_private_urls is True
    assert settings.chroma_host is None
    assert settings.corpus_dir == Path("corpus")


def test_token_never_shows_in_repr_or_errors():
    settings = Settings.from_env({"DISCORD_TOKEN": "sekrit.token"})
    assert "sekrit" not in repr(settings)


@pytest.mark.parametrize(("name", "value"), [("ASK_RATE", "five"), ("SHARD_COUNT", "x")])
def test_malformed_setting_names_itself(name, value):
    with pytest.raises(ConfigError, match=name):
        Settings.from_env({name: value})


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("FETCH_TIMEOUT_S", "-1", "expected a number of seconds above zero"),
        ("FETCH_TIMEOUT_S", "0", "expected a number of seconds above zero"),
        ("FETCH_TIMEOUT_S", "soon", "expected a number of seconds above zero"),
        ("FETCH_TIMEOUT_S", "nan", "expected a number of seconds above zero"),
        ("FETCH_MAX_BYTES", "-5", "expected a whole number of bytes above zero"),
        ("FETCH_MAX_BYTES", "0", "expected a whole number of bytes above zero"),
        ("FETCH_MAX_BYTES", "5MB", "expected a whole number of bytes above zero"),
        ("FETCH_MAX_BYTES", "1.5", "expected a whole number of bytes above zero"),
        ("FETCH_MAX_REDIRECTS", "-1", "expected a whole number, 0 or more"),
        ("FETCH_MAX_REDIRECTS", "five", "expected a whole number, 0 or more"),
    ],
)
def test_bad_fetch_limits_say_what_is_expected(name, value, expected):
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({name: value})
    assert str(caught.value).startswith(f"{name}={value!r} is not valid: {expected}")


def test_fetch_limits_parse():
    settings = Settings.from_env(
        {"FETCH_TIMEOUT_S": "2.5", "FETCH_MAX_BYTES": "1048576", "FETCH_MAX_REDIRECTS": "0"}
    )
    assert (settings.fetch_timeout_s, settings.fetch_max_bytes) == (2.5, 1024 * 1024)
    assert settings.fetch_max_redirects == 0
    assert (Settings().fetch_timeout_s, Settings().fetch_max_bytes) == (20.0, 5 * 1024 * 1024)
