"""The fake Discord's message limits, checked as Discord checks them (no server)."""

import pytest

from tests.fakediscord.limits import message_errors


@pytest.mark.parametrize(
    ("payload", "where"),
    [
        ({"content": "x" * 2001}, "content"),
        ({"embeds": [{"description": "x" * 4097}]}, "embeds.0.description"),
        ({"embeds": [{"title": "x" * 257}]}, "embeds.0.title"),
        ({"embeds": [{"fields": [{"name": "n", "value": "v"}] * 26}]}, "embeds.0.fields"),
        ({"embeds": [{"fields": [{"name": "x" * 257, "value": "v"}]}]}, "embeds.0.fields.0.name"),
        ({"embeds": [{"fields": [{"name": "n", "value": "x" * 1025}]}]}, "embeds.0.fields.0.value"),
        ({"embeds": [{"fields": [{"name": "n", "value": ""}]}]}, "embeds.0.fields.0.value"),
        ({"embeds": [{"description": "x" * 4000}, {"description": "x" * 2001}]}, "embeds"),
        ({"embeds": [{"description": "x"}] * 11}, "embeds"),
    ],
)
def test_limits(payload, where):
    body = message_errors(payload, creating=True)
    assert body is not None and body["code"] == 50035
    node = body["errors"]
    for key in where.split("."):
        node = node[key]
    assert node["_errors"]


def test_limits_accept_the_maximum_and_reject_empty():
    assert (
        message_errors(
            {"content": "x" * 2000, "embeds": [{"description": "x" * 4096}]}, creating=True
        )
        is None
    )
    assert message_errors({}, creating=True)["code"] == 50006
