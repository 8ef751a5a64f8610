"""Exceptions raised by newsdesk.

Hierarchy::

    NewsdeskError                 base of everything newsdesk raises on purpose
    ├── ConfigError               a setting is missing or malformed
    ├── QuestionError             a question is empty or too long
    ├── IngestError               one document cannot be read (reported, then skipped)
    ├── StoreUnavailableError     the vector store cannot be reached
    └── IndexBusyError            another reindex holds the lock

Messages are written for the person who caused them and never contain secrets.
"""


class NewsdeskError(Exception):
    """Base of every error newsdesk raises on purpose."""


class ConfigError(NewsdeskError):
    """A setting is missing or malformed."""


class QuestionError(NewsdeskError):
    """A question cannot be answered as asked (empty, too long)."""


class IngestError(NewsdeskError):
    """One document cannot be read; the rest of the corpus is unaffected."""


class StoreUnavailableError(NewsdeskError):
    """The vector store (embedded or server) cannot be reached."""


class IndexBusyError(NewsdeskError):
    """Another reindex is already running."""
