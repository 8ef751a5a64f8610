"""The index lock: one reindex at a time, across processes, with stale locks recovered.

The lock is an OS file lock (`flock`, through the `filelock` package) on a small file; the
holder writes its pid into the file so a refused run can say who holds it. The kernel drops a
`flock` when its process ends, however it ends (`kill -9` included), so a lock left by a dead
process is simply free again: no age limits, no pid probing, no clean-up. The file itself stays
(deleting a lock file that others may be waiting on breaks mutual exclusion).

Where the file lives:

- embedded Chroma: next to the store, `<CHROMA_PATH>.index.lock`, so every process that opens
  the same store meets the same lock;
- a Chroma server: in this machine's temp folder, `newsdesk-index-<host>-<port>.lock`. Chroma
  has no atomic compare-and-set, so a lease kept in the server's own metadata could be taken by
  two processes at once; a local lock is exact for every run on one machine (the bot and the
  command line side by side), and runs started on different machines against one server are
  not kept apart.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from index.errors import IndexBusyError
from index.settings import Settings


def lock_path(settings: Settings) -> Path:
    """Return the lock file that guards reindexing of the store the settings name."""
    if settings.chroma_host:
        host = re.sub(r"[^A-Za-z0-9.-]", "_", settings.chroma_host)
        name = f"newsdesk-index-{host}-{settings.chroma_port}.lock"
        return Path(tempfile.gettempdir()) / name
    store = settings.chroma_path.resolve()
    return store.with_name(f"{store.name}.index.lock")


class IndexLock:
    """Hold the index lock for a `with` block; raise IndexBusyError if another run holds it."""

    def __init__(self, path: Path) -> None:
        """Prepare the lock on `path` (its folder is created when needed)."""
        self.path = path
        self._lock = FileLock(path, timeout=0)

    def __enter__(self) -> IndexLock:
        """Take the lock without waiting and record this process's pid in it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire()
        except Timeout:
            holder = self.holder()
            who = f"pid {holder}" if holder else "another process"
            raise IndexBusyError(
                f"An index run is already running ({who}); try again when it ends."
            ) from None
        self.path.write_text(f"{os.getpid()}\n", encoding="ascii")
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Clear the recorded pid and release the lock (the file stays)."""
        try:
            self.path.write_text("", encoding="ascii")
        finally:
            self._lock.release()

    def holder(self) -> int | None:
        """Return the pid recorded in the lock file, if there is one."""
        try:
            text = self.path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return int(text) if text.isdigit() else None
