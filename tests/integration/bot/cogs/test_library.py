"""/sources and /status, as Discord shows them."""

from __future__ import annotations

from tests.fakediscord import FakeDiscord
from tests.integration.bot.conftest import EVS_SOURCE


async def test_sources_lists_the_indexed_articles(fake: FakeDiscord, new_user):
    handle = await fake.invoke("sources", user=new_user())
    message = await handle.response()
    assert handle.acks == [5]
    embed = message.embeds[0]
    assert embed["title"] == "Indexed articles (2)"
    values = sorted(field["value"] for field in embed["fields"])
    assert values == [
        f"`{EVS_SOURCE}` · undated · 8 passages",
        "`001_5c88e681c271383d.txt` · undated · 16 passages",
    ]
    assert any(f["name"].startswith("Xi Jinping meets Canadian PM") for f in embed["fields"])
    assert embed["footer"]["text"] == "Page 1 of 1"


async def test_sources_page_past_the_end_shows_the_last_page(fake: FakeDiscord, new_user):
    handle = await fake.invoke("sources", {"page": 7}, user=new_user())
    assert (await handle.response()).embeds[0]["footer"]["text"] == "Page 1 of 1"


async def test_status_shows_the_index(fake: FakeDiscord, new_user):
    handle = await fake.invoke("status", user=new_user(), guild=False)
    embed = (await handle.response()).embeds[0]
    fields = {field["name"]: field["value"] for field in embed["fields"]}
    assert fields["Articles"] == "2" and fields["Passages"] == "24"
    assert fields["Last index"].startswith("<t:") and fields["Index duration"].endswith(" s")
    assert fields["Model"].startswith("all-MiniLM-L6-v2")
    assert fields["Store"].startswith("embedded chroma at ")


async def test_search_lists_matching_articles_with_their_best_passage(fake: FakeDiscord,
                                                                     new_user):
    handle = await fake.invoke("search", {"query": "Carney visit to China"}, user=new_user())
    message = await handle.response()
    embed = message.embeds[0]
    assert embed["title"] == "Search: Carney visit to China"
    entries = embed["description"].split("\n\n")
    assert len(entries) == 2 and entries[0].startswith("**1. ")
    assert f"`{EVS_SOURCE}`" in embed["description"] and "\n> " in entries[0]
    assert embed["footer"]["text"] == "2 articles, best match first · page 1 of 1"
    assert message.components == []  # one page: no buttons


async def test_search_filters_say_when_nothing_matches(fake: FakeDiscord, new_user):
    handle = await fake.invoke("search", {"query": "canola", "since": "7d", "sort": "newest"},
                               user=new_user())
    embed = (await handle.response()).embeds[0]
    assert embed["description"].startswith("No article matches")  # both articles are undated


async def test_search_with_a_bad_period_says_what_is_accepted(fake: FakeDiscord, new_user):
    handle = await fake.invoke("search", {"query": "canola", "since": "last week"},
                               user=new_user())
    message = await handle.response()
    assert handle.acks == [4] and message.ephemeral
    assert "use 7d, 24h or a date" in message.text
