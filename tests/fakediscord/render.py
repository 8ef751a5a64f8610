"""Show a stored message as plain text, roughly as a Discord client lays it out."""

from __future__ import annotations

from typing import Any

from tests.fakediscord.components import render_components
from tests.fakediscord.models import Message

BAR = "┃ "


def render_version(version: dict[str, Any]) -> str:
    """Return one version of a message (content, each embed, a line per row of buttons)."""
    lines: list[str] = []
    if version["flags"] & (1 << 6):
        lines.append("(only you can see this)")
    if version["flags"] & (1 << 7):
        lines.append("newsdesk is thinking…")
    if version["content"]:
        lines.append(version["content"])
    for embed in version["embeds"]:
        lines.extend(BAR + line for line in render_embed(embed).splitlines())
    lines.extend(render_components(version.get("components") or []))
    return "\n".join(lines)


def render_embed(embed: dict[str, Any]) -> str:
    """Return an embed's author, title, description, fields and footer, one after another."""
    lines: list[str] = []
    if (embed.get("author") or {}).get("name"):
        lines.append(f"[{embed['author']['name']}]")
    if embed.get("title"):
        lines.append(f"## {embed['title']}")
    if embed.get("description"):
        lines.append(embed["description"])
    row: list[str] = []
    for item in embed.get("fields") or []:
        block = f"[{item['name']}]\n{item['value']}"
        if item.get("inline"):
            row.append(block)
            continue
        lines.extend(_row(row))
        row = []
        lines.append(block)
    lines.extend(_row(row))
    if (embed.get("footer") or {}).get("text"):
        lines.append(f"— {embed['footer']['text']}")
    return "\n".join(lines)


def _row(blocks: list[str]) -> list[str]:
    """Inline fields sit side by side in Discord; mark each one's column."""
    if len(blocks) < 2:
        return blocks
    return [
        "\n".join(f"  col {n}│ {line}" for line in block.splitlines())
        for n, block in enumerate(blocks, 1)
    ]


def render(message: Message, *, history: bool = False) -> str:
    """Return the message as text; with `history`, every earlier version first."""
    versions = message.versions if history else message.versions[-1:]
    shown = [render_version(v) for v in versions]
    if len(shown) == 1:
        return shown[0]
    return "\n".join(f"--- version {n} ---\n{text}" for n, text in enumerate(shown, 1))
