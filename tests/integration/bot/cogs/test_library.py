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
