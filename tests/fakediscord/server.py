"""`FakeDiscord`: the server on 127.0.0.1 plus the test-facing API that plays the users."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiohttp import web

from tests.fakediscord import commands
from tests.fakediscord.commands import InvocationRefused
from tests.fakediscord.gateway import Gateway
from tests.fakediscord.holds import Hold
from tests.fakediscord.models import Call, Channel, Message, User, snowflake
from tests.fakediscord.rest import API, STATE, record, routes
from tests.fakediscord.state import (
    ACK_DEADLINE_S,
    TOKEN_LIFETIME_S,
    DiscordError,
    Interaction,
    State,
)

__all__ = ["FAKE", "FakeDiscord", "InteractionHandle", "InvocationRefused", "MessageHandle"]


class InteractionHandle:
    """A command invocation seen from the user's side."""

    def __init__(self, fake: FakeDiscord, interaction: Interaction) -> None:
        self.fake = fake
        self.interaction = interaction

    @property
    def acks(self) -> list[int]:
        """Return the callback types the bot sent (5 = defer, 4 = immediate reply)."""
        return self.interaction.acks

    def expire(self) -> None:
        """Let the interaction's 15 minutes run out: its token stops working."""
        self.interaction.expired = True

    @property
    def original(self) -> Message | None:
        """Return the original response message, once there is one."""
        return self.interaction.original

    @property
    def followups(self) -> list[Message]:
        """Return the followup messages after the original response."""
        return self.interaction.followups

    async def response(
        self, until: Callable[[Message], bool] | None = None, timeout: float = 10.0
    ) -> Message:
        """Wait for the original response to be filled in (and to satisfy `until`)."""

        def ready() -> Message | None:
            message = self.interaction.original
            if message is None or message.loading:
                return None
            return message if until is None or until(message) else None

        return await self.fake.state.wait_for(ready, timeout)


class MessageHandle:
    """A message a user sent, from which the bot's replies can be awaited."""

    def __init__(self, fake: FakeDiscord, message: Message) -> None:
        self.fake = fake
        self.message = message

    def replies(self) -> list[Message]:
        """Return the bot's messages that reply to this one."""
        wanted = str(self.message.id)
        return [
            m
            for m in self.fake.messages
            if m.author is self.fake.bot and (m.reference or {}).get("message_id") == wanted
        ]

    async def reply(self, timeout: float = 10.0) -> Message:
        """Wait for the bot's first reply to this message."""
        return (await self.fake.state.wait_for(self.replies, timeout))[0]


class FakeDiscord:
    """A Discord REST + gateway server for the real discord.py client, on 127.0.0.1."""

    def __init__(
        self,
        token: str = "fake-bot-token",
        *,
        ack_deadline: float = ACK_DEADLINE_S,
        token_lifetime: float = TOKEN_LIFETIME_S,
        port: int = 0,
    ) -> None:
        self.state = State(token, ack_deadline=ack_deadline, token_lifetime=token_lifetime)
        self.gateway = Gateway(self.state)
        self._runner: web.AppRunner | None = None
        self.port = port

    async def start(self, extra: web.RouteTableDef | None = None) -> FakeDiscord:
        """Listen on 127.0.0.1 (an ephemeral port unless one was given), plus `extra` routes."""
        app = web.Application(middlewares=[record])
        app[STATE] = self.state
        app[FAKE] = self
        app.add_routes(routes)
        if extra is not None:
            app.add_routes(extra)
        app.router.add_get("/gateway", self.gateway.handler)
        app.router.add_get("/gateway/", self.gateway.handler)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self.port)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def close(self) -> None:
        """Close every connection and stop listening."""
        await self.gateway.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> FakeDiscord:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- where to point the client ---------------------------------------------------------

    @property
    def api_base(self) -> str:
        """Return the value for `DISCORD_API_BASE`."""
        return f"http://127.0.0.1:{self.port}{API}"

    @property
    def gateway_url(self) -> str:
        """Return the value for `DISCORD_GATEWAY_URL`."""
        return f"ws://127.0.0.1:{self.port}/gateway/"

    # -- what Discord saw ------------------------------------------------------------------

    token = property(lambda self: self.state.token, doc="The bot token the fake accepts.")
    bot = property(lambda self: self.state.bot, doc="The bot user.")
    guild = property(lambda self: self.state.guild, doc="The one guild.")
    channel = property(lambda self: self.state.channel, doc="The guild's #newsroom channel.")
    owner = property(lambda self: self.state.owner, doc="The guild owner.")
    admin = property(lambda self: self.state.admin, doc="A member with Administrator.")
    moderator = property(lambda self: self.state.moderator, doc="A member with Manage Server.")
    member = property(lambda self: self.state.member, doc="A member without extra permissions.")

    @property
    def messages(self) -> list[Message]:
        """Return every stored message, oldest first."""
        return self.state.messages

    @property
    def calls(self) -> list[Call]:
        """Return every REST call, in order."""
        return self.state.calls

    @property
    def synced_commands(self) -> dict[int | None, dict[str, dict[str, Any]]]:
        """Return the synced commands by scope (None: global, else a guild id) and name."""
        return self.state.synced_commands

    def calls_to(self, method: str, fragment: str) -> list[Call]:
        """Return the calls with this method whose path contains `fragment`."""
        return [c for c in self.calls if c.method == method and fragment in c.path]

    def fail_next(
        self, method: str, fragment: str, *, status: int, code: int, message: str
    ) -> None:
        """Make the next `method` call whose path holds `fragment` fail with this error."""
        self.state.failures.append((method, fragment, DiscordError(status, code, message)))

    def hold(self, method: str, fragment: str) -> Hold:
        """Park the next `method` request whose path holds `fragment` until `release()`."""
        hold = Hold(method, fragment)
        self.state.holds.append(hold)
        return hold

    def dm_channel(self, user: User) -> Channel:
        """Return the DM channel between the bot and `user`."""
        return self.state.dm_channel(user)

    def add_member(self, name: str) -> User:
        """Add a guild member without extra permissions."""
        return self.state.add_member(name)

    async def wait_for(self, check: Callable[[], Any], timeout: float = 10.0) -> Any:
        """Wait until `check()` returns something truthy, and return it."""
        return await self.state.wait_for(check, timeout)

    async def connected(self, shards: int = 1, timeout: float = 10.0) -> None:
        """Wait until `shards` sessions have identified."""
        await self.wait_for(lambda: len(self.gateway.live()) >= shards, timeout)

    # -- playing the users -----------------------------------------------------------------

    async def invoke(
        self,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        user: User,
        guild: bool = True,
        channel: Channel | None = None,
        bypass_permissions: bool = False,
        bypass_option_checks: bool = False,
    ) -> InteractionHandle:
        """Run a slash command as `user`, as Discord's client would send it.

        Raises InvocationRefused when Discord would not send it (not synced, wrong context,
        `default_member_permissions` unmet, invalid options). The two `bypass_*` flags skip
        those client-side gates deliberately, to prove the bot checks for itself.
        """
        state = self.state
        command = commands.find_command(state, name, in_guild=guild)
        if guild and not bypass_permissions:
            commands.check_permissions(state, command, user)
        values = options or {}
        typed = commands.build_options(command, values, check=not bypass_option_checks)
        where = commands.invocation_channel(state, user, guild=guild, channel=channel)
        interaction = state.new_interaction(user, where, command, typed)
        payload = commands.interaction_payload(state, interaction)
        if not await self.gateway.dispatch("INTERACTION_CREATE", payload, where.guild_id):
            raise RuntimeError("no gateway session to receive the interaction")
        return InteractionHandle(self, interaction)

    async def send_dm(self, user: User, text: str) -> MessageHandle:
        """Have `user` send `text` to the bot in a DM."""
        channel = self.state.dm_channel(user)
        return await self._user_message(user, channel, text)

    async def send_guild_message(
        self, user: User, text: str, *, mention_bot: bool = False, channel: Channel | None = None
    ) -> MessageHandle:
        """Have `user` post `text` in a guild channel, optionally mentioning the bot first."""
        content = f"{self.bot.mention} {text}" if mention_bot else text
        return await self._user_message(user, channel or self.channel, content)

    async def _user_message(self, user: User, channel: Channel, content: str) -> MessageHandle:
        limit = 4000  # what a user with Nitro may send; the bot's own limit is 2,000
        if len(content) > limit:
            raise InvocationRefused(f"a user message holds at most {limit} characters")
        message = Message(
            id=snowflake(),
            channel_id=channel.id,
            author=user,
            content=content,
            guild_id=channel.guild_id,
            mentions=[u for u in self.state.users.values() if u.mention in content],
        )
        self.state.messages.append(message)
        self.state.changed()
        payload = message.to_json()
        if channel.guild_id is not None:
            member = self.guild.member(user.id)
            assert member is not None
            payload["member"] = {k: v for k, v in member.to_json().items() if k != "user"}
        await self.gateway.dispatch("MESSAGE_CREATE", payload, channel.guild_id)
        return MessageHandle(self, message)


FAKE = web.AppKey("fake", FakeDiscord)  # the server, for extra routes (the control API)
