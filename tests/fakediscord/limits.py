"""Discord's message limits and the error bodies it answers with when they are broken."""

from __future__ import annotations

from typing import Any

from tests.fakediscord.components import component_errors

CONTENT_MAX = 2000
EMBEDS_MAX = 10
EMBED_TOTAL_MAX = 6000  # across every embed of one message
FIELDS_MAX = 25
TEXT_LIMITS = {"title": 256, "description": 4096}
FIELD_LIMITS = {"name": 256, "value": 1024}
FOOTER_MAX = 2048
AUTHOR_NAME_MAX = 256


def error_body(code: int, message: str, errors: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return a Discord JSON error body."""
    body: dict[str, Any] = {"code": code, "message": message}
    if errors:
        body["errors"] = errors
    return body


class DiscordError(Exception):
    """A REST failure: HTTP status plus Discord's JSON error body."""

    def __init__(self, status: int, code: int, message: str, errors: dict | None = None) -> None:
        super().__init__(f"{status} {code} {message}")
        self.status = status
        self.body = error_body(code, message, errors)

    @classmethod
    def from_body(cls, status: int, body: dict[str, Any]) -> DiscordError:
        """Wrap an already built error body."""
        error = cls(status, body["code"], body["message"])
        error.body = body
        return error

    @classmethod
    def invalid(cls, field: str, code: str, message: str) -> DiscordError:
        """Return a 400 Invalid Form Body error about one field."""
        errors = {field: {"_errors": [{"code": code, "message": message}]}}
        return cls(400, 50035, "Invalid Form Body", errors)


def _err(code: str, message: str) -> dict[str, Any]:
    return {"_errors": [{"code": code, "message": message}]}


def _too_long(limit: int) -> dict[str, Any]:
    return _err("BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")


def _required() -> dict[str, Any]:
    return _err("BASE_TYPE_REQUIRED", "This field is required")


def _embed_errors(embed: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, Any] = {}
    for key, limit in TEXT_LIMITS.items():
        if len(embed.get(key) or "") > limit:
            errors[key] = _too_long(limit)
    fields = embed.get("fields") or []
    if len(fields) > FIELDS_MAX:
        errors["fields"] = _err("BASE_TYPE_MAX_LENGTH", f"Must be {FIELDS_MAX} or fewer in length.")
    for index, item in enumerate(fields):
        problems: dict[str, Any] = {}
        for key, limit in FIELD_LIMITS.items():
            value = item.get(key)
            if not value or not str(value).strip():
                problems[key] = _required()
            elif len(value) > limit:
                problems[key] = _too_long(limit)
        if problems:
            errors.setdefault("fields", {})[str(index)] = problems
    if len((embed.get("footer") or {}).get("text") or "") > FOOTER_MAX:
        errors["footer"] = {"text": _too_long(FOOTER_MAX)}
    if len((embed.get("author") or {}).get("name") or "") > AUTHOR_NAME_MAX:
        errors["author"] = {"name": _too_long(AUTHOR_NAME_MAX)}
    return errors


def embed_size(embed: dict[str, Any]) -> int:
    """Return the characters Discord counts towards the 6,000 limit."""
    size = len(embed.get("title") or "") + len(embed.get("description") or "")
    size += len((embed.get("footer") or {}).get("text") or "")
    size += len((embed.get("author") or {}).get("name") or "")
    for item in embed.get("fields") or []:
        size += len(item.get("name") or "") + len(item.get("value") or "")
    return size


def message_errors(payload: dict[str, Any], *, creating: bool) -> dict[str, Any] | None:
    """Return Discord's error body for an invalid message payload, or None if it is valid.

    Args:
        payload: the JSON body of a create or edit.
        creating: a new message must hold content, embeds or components; an edit may change
            one part.
    """
    errors: dict[str, Any] = {}
    content = payload.get("content")
    if content is not None and len(content) > CONTENT_MAX:
        errors["content"] = _too_long(CONTENT_MAX)
    embeds = payload.get("embeds")
    if embeds is not None:
        if len(embeds) > EMBEDS_MAX:
            errors["embeds"] = _err(
                "BASE_TYPE_MAX_LENGTH", f"Must be {EMBEDS_MAX} or fewer in length."
            )
        for index, embed in enumerate(embeds):
            problems = _embed_errors(embed)
            if problems:
                errors.setdefault("embeds", {})[str(index)] = problems
        if sum(embed_size(embed) for embed in embeds) > EMBED_TOTAL_MAX and "embeds" not in errors:
            errors["embeds"] = _err(
                "MAX_EMBED_SIZE_EXCEEDED", f"Embed size exceeds maximum size of {EMBED_TOTAL_MAX}"
            )
    components = payload.get("components")
    if components is not None:
        problems = component_errors(components)
        if problems:
            errors["components"] = problems
    if errors:
        return error_body(50035, "Invalid Form Body", errors)
    if creating and not (content or embeds or components):
        return error_body(50006, "Cannot send an empty message")
    return None
