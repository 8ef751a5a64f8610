"""The newsdesk core: a corpus folder indexed into Chroma, answered from, added to.

Nothing in this package imports Discord; `bot/` is a thin layer on top of it. The public API
is below; `Newsdesk` is imported on first use, so `import index.models` loads no model runtime.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from index.errors import (
    ConfigError,
    IndexBusyError,
    IngestError,
    NewsdeskError,
    QuestionError,
    StoreUnavailableError,
)
from index.models import Answer
from index.settings import Settings

if TYPE_CHECKING:
    from index.service import Newsdesk

__all__ = [
    "Answer",
    "ConfigError",
    "IndexBusyError",
    "IngestError",
    "Newsdesk",
    "NewsdeskError",
    "QuestionError",
    "Settings",
    "StoreUnavailableError",
]


def __getattr__(name: str) -> Any:
    """Import `Newsdesk` (chromadb, numpy, the store) only when it is asked for."""
    if name == "Newsdesk":
        from index.service import Newsdesk

        return Newsdesk
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
