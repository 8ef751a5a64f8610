"""Message components: action rows (type 1) of buttons (type 2), their limits and how they look.

https://discord.com/developers/docs/components/reference: a message holds at most 5 action
rows, a row at most 5 buttons (a select menu fills a row alone); a custom_id is 1-100
characters and unique within the message; a label at most 80. A link button (style 5) has a
`url` and no `custom_id`; every other button a `custom_id` and no `url`. Discord numbers the
components that arrive without an `id` (1, 2, ... in reading order) and returns them so.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

ACTION_ROW, BUTTON = 1, 2
SELECTS = (3, 5, 6, 7, 8)  # string, user, role, mentionable and channel select menus
LINK, PREMIUM = 5, 6  # button styles without a custom_id
ROWS_MAX = 5
ROW_WIDTH = 5
CUSTOM_ID_MAX = 100
LABEL_MAX = 80


def _err(code: str, message: str) -> dict[str, Any]:
    return {"_errors": [{"code": code, "message": message}]}


def _too_long(limit: int) -> dict[str, Any]:
    return _err("BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")


def _button_errors(button: dict[str, Any]) -> dict[str, Any]:
    """Return the problems of one button, keyed by field."""
    errors: dict[str, Any] = {}
    style = button.get("style")
    if style not in (1, 2, 3, 4, LINK, PREMIUM):
        errors["style"] = _err("BASE_TYPE_CHOICES", "Value must be one of (1, 2, 3, 4, 5, 6).")
    custom_id, url = button.get("custom_id"), button.get("url")
    if style == LINK:
        if not url:
            errors["url"] = _err("BUTTON_COMPONENT_URL_REQUIRED", "A url is required")
        if custom_id is not None:
            errors["custom_id"] = _err(
                "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED", "A custom id is not allowed"
            )
    elif style != PREMIUM:
        if url is not None:
            errors["url"] = _err("BUTTON_COMPONENT_URL_NOT_ALLOWED", "A url is not allowed")
        if not custom_id:
            errors["custom_id"] = _err(
                "BUTTON_COMPONENT_CUSTOM_ID_REQUIRED", "A custom id is required"
            )
    if custom_id is not None and len(custom_id) > CUSTOM_ID_MAX:
        errors["custom_id"] = _too_long(CUSTOM_ID_MAX)
    if len(button.get("label") or "") > LABEL_MAX:
        errors["label"] = _too_long(LABEL_MAX)
    return errors


def _row_errors(row: dict[str, Any], seen: set[str]) -> dict[str, Any]:
    """Return the problems of one action row; record its custom_ids in `seen`."""
    if row.get("type") != ACTION_ROW:
        return {"type": _err("UNION_TYPE_CHOICES", 'Value of field "type" must be 1.')}
    items = row.get("components") or []
    width = sum(ROW_WIDTH if item.get("type") in SELECTS else 1 for item in items)
    if not items or width > ROW_WIDTH:
        return {"components": _err("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")}
    problems: dict[str, Any] = {}
    for index, item in enumerate(items):
        errors = _button_errors(item) if item.get("type") == BUTTON else {}
        custom_id = item.get("custom_id")
        if custom_id is not None and "custom_id" not in errors:
            if custom_id in seen:
                errors["custom_id"] = _err(
                    "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id was already specified"
                )
            seen.add(custom_id)
        if errors:
            problems[str(index)] = errors
    return {"components": problems} if problems else {}


def component_errors(components: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the `errors` tree for a message's `components`, empty when they are valid."""
    if len(components) > ROWS_MAX:
        return _too_long(ROWS_MAX)
    seen: set[str] = set()
    problems = {}
    for index, row in enumerate(components):
        errors = _row_errors(row, seen)
        if errors:
            problems[str(index)] = errors
    return problems


def walk(components: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Yield every component, rows before their children, in reading order."""
    for component in components:
        yield component
        yield from walk(component.get("components") or [])


def numbered(components: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return a copy with an `id` on every component, as Discord stores them."""
    stored = copy.deepcopy(components)
    taken = {c["id"] for c in walk(stored) if c.get("id") is not None}
    counter = 0
    for component in walk(stored):
        if component.get("id") is None:
            counter += 1
            while counter in taken:
                counter += 1
            component["id"] = counter
    return stored


def find_button(components: list[dict[str, Any]], key: str) -> dict[str, Any] | None:
    """Return the button whose custom_id (or else label, or else emoji) is `key`."""
    buttons = [c for c in walk(components) if c.get("type") == BUTTON]
    by_id = next((b for b in buttons if b.get("custom_id") == key), None)
    by_label = next((b for b in buttons if b.get("label") == key), None)
    return by_id or by_label or next(
        (b for b in buttons if not b.get("label") and (b.get("emoji") or {}).get("name") == key),
        None)


def button_text(button: dict[str, Any]) -> str:
    """Return a button as `[👍 Yes]`; a disabled one struck out, a link one with an arrow."""
    emoji = button.get("emoji") or {}
    icon = emoji.get("name") or ""
    if emoji.get("id"):
        icon = f":{icon}:"
    text = " ".join(part for part in (icon, button.get("label") or "") if part)
    if button.get("style") == LINK:
        text += " ↗"
    if button.get("disabled"):
        text = f"~{text}~"
    return f"[{text}]"


def render_components(components: list[dict[str, Any]]) -> list[str]:
    """Return one line per action row, buttons side by side (select menus as `[▾ …]`)."""
    lines = []
    for row in components:
        parts = []
        for item in row.get("components") or []:
            if item.get("type") == BUTTON:
                parts.append(button_text(item))
            else:
                parts.append(f"[▾ {item.get('placeholder') or item.get('custom_id')}]")
        lines.append(" ".join(parts))
    return lines
