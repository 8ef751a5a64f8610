"""`FakeDiscord`: the server on 127.0.0.1 plus the test-facing API that plays the users."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiohttp import web

from tests.fakediscord import commands, components
from tests.fakediscord.gateway import Gateway
from tests.fakediscord.handles import InteractionHandle, MessageHandle
from tests.fakediscord.holds import Hold
from tests.fakediscord.interactions import (
    MESSAGE_COMPONENT,
    InvocationRefused,
    clickable_button,
    component_payload,
    new_interaction,
)
from tests.fakediscord.models import Call, Channel, Message, Role, User, snowflake
from tests.fakediscord.permissions import MANAGE_THREADS, SEND_MESSAGES, SEND_MESSAGES_IN_THREADS
from tests.fakediscord.rest import API, STATE, record, routes
from tests.fakediscord.rest_threads import GATEWAY, thread_routes
from tests.fakediscord.state import ACK_DEADLINE_S, TOKEN_LIFETIME_S, DiscordError, State
from tests.fakediscord.threads import PRIVATE_THREAD, Thread, start_thread, thread_create_event

__all__ = ["FAKE", "FakeDiscord", "InteractionHandle", "InvocationRefused", "MessageHandle"]


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
        app[GATEWAY] = self.gateway
        app.add_routes(routes)
        app.add_routes(thread_routes)
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
        interaction = new_interaction(state, user, where, command=command, options=typed)
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

    async def send_thread_message(
        self, user: User, thread: Thread, text: str, *, mention_bot: bool = False
    ) -> MessageHandle:
        """Have `user` post `text` in a thread (joining it), optionally mentioning the bot first."""
        return await self.send_guild_message(user, text, mention_bot=mention_bot, channel=thread)

    async def _user_message(self, user: User, channel: Channel, content: str) -> MessageHandle:
        limit = 4000  # what a user with Nitro may send; the bot's own limit is 2,000
        if len(content) > limit:
            raise InvocationRefused(f"a user message holds at most {limit} characters")
        if channel.guild_id is not None:
            needed = SEND_MESSAGES_IN_THREADS if channel.is_thread else SEND_MESSAGES
            have = self.state.channel_permissions(user, channel)
            if have & needed != needed:
                raise InvocationRefused(f"{user.username} may not post in this channel")
            private = isinstance(channel, Thread) and channel.type == PRIVATE_THREAD
            if private and user.id not in channel.members and not have & MANAGE_THREADS:
                raise InvocationRefused(f"{user.username} is not in this private thread")
        message = Message(
            id=snowflake(),
            channel_id=channel.id,
            author=user,
            content=content,
            guild_id=channel.guild_id,
            mentions=[u for u in self.state.users.values() if u.mention in content],
        )
        self.state.add_message(message, channel)
        payload = message.to_json()
        if channel.guild_id is not None:
            member = self.guild.member(user.id)
            assert member is not None
            payload["member"] = {k: v for k, v in member.to_json().items() if k != "user"}
        await self.gateway.dispatch("MESSAGE_CREATE", payload, channel.guild_id)
        return MessageHandle(self, message)

    async def click(self, user: User, message: Message | int, button: str, *,
                    stale: bool = False) -> InteractionHandle:
        """Click a button (by custom_id, or else label) on a message as `user`.

        Raises InvocationRefused when Discord's client would not send the click: the button is
        not on the message, is disabled or is a link, or `user` cannot see the message.
        `stale` plays a client still showing a message its user may no longer see: the click
        goes out, with the user's current permissions in the channel.
        """
        state = self.state
        target = state.message(message) if isinstance(message, int) else message
        if target is None:
            raise InvocationRefused(f"no message {message}")
        found = (components.find_button(target.components, button) if stale
                 else clickable_button(state, user, target, button))
        if found is None:
            raise InvocationRefused(f"the message has no button {button!r}")
        interaction = new_interaction(
            state,
            user,
            state.channels[target.channel_id],
            type=MESSAGE_COMPONENT,
            target=target,
            custom_id=found["custom_id"],
        )
        payload = component_payload(state, interaction)
        if not await self.gateway.dispatch("INTERACTION_CREATE", payload, target.guild_id):
            raise RuntimeError("no gateway session to receive the interaction")
        return InteractionHandle(self, interaction)

    # -- threads and permissions -----------------------------------------------------------

    @property
    def threads(self) -> list[Thread]:
        """Return every thread of the guild, oldest first."""
        return [t for t in self.guild.threads if isinstance(t, Thread)]

    def thread(self, key: int | str) -> Thread:
        """Return the thread with this id or name (KeyError if there is none)."""
        for thread in self.threads:
            if key in (thread.id, thread.name):
                return thread
        raise KeyError(f"no thread {key!r}")

    def thread_messages(self, thread: Thread | int) -> list[Message]:
        """Return the messages posted in a thread, oldest first."""
        thread_id = thread if isinstance(thread, int) else thread.id
        return [m for m in self.messages if m.channel_id == thread_id]

    async def create_thread(
        self,
        user: User,
        name: str,
        *,
        message: Message | None = None,
        channel: Channel | None = None,
    ) -> Thread:
        """Have `user` start a public thread (from `message`, if given) and tell the bot.

        Raises DiscordError as Discord would answer the user's client (permissions, name).
        """
        parent = channel or (self.state.channels[message.channel_id] if message else self.channel)
        payload = {"name": name, "type": 11}
        thread = start_thread(self.state, parent, user, payload, message=message)
        await self.gateway.dispatch(
            "THREAD_CREATE", thread_create_event(thread, self.bot), thread.guild_id
        )
        return thread

    async def set_permissions(
        self, channel: Channel, target: User | Role, *, allow: int = 0, deny: int = 0
    ) -> None:
        """Set a member's or role's overwrite on a channel (a thread follows its parent's).

        The bot hears of it as CHANNEL_UPDATE, as it would from Discord.
        """
        if channel.is_thread:
            raise ValueError("a thread has no overwrites of its own: set its parent's")
        self.state.overwrite(channel, target, allow, deny)
        await self.gateway.dispatch("CHANNEL_UPDATE", channel.to_json(), channel.guild_id)

    async def deny_bot(self, channel: Channel, permissions: int) -> None:
        """Take `permissions` (bits from `tests.fakediscord.permissions`) from the bot here."""
        await self.set_permissions(channel, self.bot, deny=permissions)


FAKE = web.AppKey("fake", FakeDiscord)  # the server, for extra routes (the control API)
