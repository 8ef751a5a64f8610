"""`newsdesk run` without a token: one line, exit 1, before anything connects."""

from bot.app import run
from bot.settings import BotSettings


def test_missing_token_is_one_line_and_exit_1(capsys):
    assert run(BotSettings(discord_token=None)) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "DISCORD_TOKEN is not set" in err
