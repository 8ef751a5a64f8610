"""Run the fake Discord on its own, to try a bot against it by hand.

    python -m tests.fakediscord [--port 8765] [--env-file fake.env]

prints DISCORD_API_BASE, DISCORD_GATEWAY_URL and DISCORD_TOKEN for the bot, then serves until
interrupted. Play the users through the control API described in `tests.fakediscord.control`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import secrets
from pathlib import Path

from tests.fakediscord.control import PREFIX, control
from tests.fakediscord.server import FakeDiscord


async def serve(port: int, env_file: Path | None) -> None:
    """Start the fake with its control API and print where to point the bot."""
    fake = FakeDiscord(token=f"fake.{secrets.token_urlsafe(18)}", port=port)
    await fake.start(extra=control)
    settings = (
        f"DISCORD_API_BASE={fake.api_base}\n"
        f"DISCORD_GATEWAY_URL={fake.gateway_url}\n"
        f"DISCORD_TOKEN={fake.token}\n"
    )
    if env_file is not None:
        env_file.write_text(settings)
    base = f"http://127.0.0.1:{fake.port}{PREFIX}"
    print(f"fake Discord listening on 127.0.0.1:{fake.port}\n{settings}", flush=True)
    print(
        f'control: curl -s {base}/command/ask -d \'{{"question": "how many EVs?"}}\'\n'
        f"         curl -s '{base}/dm?user=alice' -d 'how many EVs?'",
        flush=True,
    )
    try:
        await asyncio.Event().wait()
    finally:
        await fake.close()


def main() -> None:
    """Parse the options and serve until Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m tests.fakediscord")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: any)")
    parser.add_argument("--env-file", type=Path, help="also write the bot settings here")
    args = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args.port, args.env_file))


if __name__ == "__main__":
    main()
