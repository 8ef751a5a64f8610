"""Run the real `newsdesk` command line in new processes, stop and kill them, look at the store.

Each process is forked from a server that has already imported newsdesk (`tests.integration.forks`):
a new process, with its own store client and model, without the 5 s of imports. Kill points
are made deterministic by the `--progress` output: the test reads JSON progress lines from the
child's stderr until one matches, then stops the child (SIGSTOP) at once and kills it
(SIGKILL). Every progress line is printed after the work it reports is written.
"""

from __future__ import annotations

import json
import os
import random
import signal
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import NamedTuple

from tests.integration import forks
from tests.integration.forks import Child

# What a new process reads from the store at start: the reader's own code path.
LOOK = """
import json
from index.settings import Settings
from index.store.snapshot import Snapshot
from index.store.chroma import PassageStore, connect

store = PassageStore(connect(Settings.from_env()))
snapshot = Snapshot.load(store)
active = snapshot.collection
served = snapshot.lexical.passages
print(json.dumps({
    "collections": sorted(c.name for c in store.client.list_collections()),
    "active": active.name if active else None,
    "records": active.count() if active else 0,
    "passages": len(served),
    "sources": sorted({p.source for p in served}),
    "texts": [p.text for p in served],
}))
"""

_WORDS = (
    "council harbour ferry budget school bridge market river station museum park library "
    "hospital road festival tram factory farm theatre stadium"
).split()
_VERBS = "approved delayed announced reviewed opened closed funded rejected extended".split()


def write_fillers(corpus: Path, prefix: str, count: int, paragraphs: int = 8) -> int:
    """Write `count` invented articles of `paragraphs` distinct paragraphs; return passages.

    Each paragraph is one short sentence: what the tests count is passages, and short ones
    are quick to embed.
    """
    rng = random.Random(f"{prefix}{count}")
    for i in range(count):
        body = [
            f"The {rng.choice(_WORDS)} committee {rng.choice(_VERBS)} the "
            f"{rng.choice(_WORDS)} plan number {rng.randint(1, 9999)} in week {j}."
            for j in range(paragraphs)
        ]
        text = f"{prefix} story {i}\n\n" + "\n\n".join(body)
        (corpus / f"{prefix}-{i:03d}.txt").write_text(text, encoding="utf-8")
    return count * paragraphs


@dataclass
class Running:
    """A `newsdesk` child process whose progress lines can be awaited."""

    child: Child

    @property
    def process(self) -> BaseProcess:
        """Return the child process (its `pid`, `exitcode`)."""
        return self.child.process

    def wait_for(self, match: Callable[[dict], bool]) -> dict:
        """Read progress lines until one matches, then stop the child where it is."""
        for line in self.child.stderr:
            self.child.lines.append(line)
            if line.startswith("{") and match(progress := json.loads(line)):
                self.child.stop()
                return progress
        code, _, err = self.child.finish()
        raise AssertionError(f"the run ended (code {code}) before the point:\n{err}")

    def kill(self) -> None:
        """Kill the child with SIGKILL (it may be stopped) and reap it."""
        assert self.child.kill() == -signal.SIGKILL


@dataclass
class Desk:
    """The `newsdesk` command line over one corpus folder and one embedded store."""

    corpus: Path
    chroma: Path
    workdir: Path

    def env(self) -> dict[str, str]:
        """Return the environment every child gets (no `.env` is read: cwd is `workdir`)."""
        env = os.environ.copy()
        env.update(
            CORPUS_DIR=str(self.corpus), CHROMA_PATH=str(self.chroma), LOG_LEVEL="WARNING"
        )
        return env

    def run(self, *args: str, stdin: str = "") -> Finished:
        """Run `newsdesk ARGS` to completion in a new process."""
        child = forks.start(self.env(), self.workdir, argv=list(args), stdin=stdin)
        return Finished(*child.finish())

    def index(self, *args: str) -> dict:
        """Run `newsdesk index --json ARGS`; return its report."""
        result = self.run("index", "--json", *args)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    def start_index(self, *args: str) -> Running:
        """Start `newsdesk index --progress ARGS` in a new process, in the background."""
        return Running(forks.start(self.env(), self.workdir, argv=["index", "--progress", *args]))

    def ask(self, *questions: str) -> list[dict]:
        """Answer questions in one new process; return the JSON answers in order."""
        result = self.run("ask", "--batch", "-", stdin=_batch(questions))
        assert result.returncode == 0, result.stderr
        return [json.loads(line) for line in result.stdout.splitlines()]

    def look(self) -> dict:
        """Return what a newly started reader sees, and the store's collections and records."""
        result = Finished(*forks.start(self.env(), self.workdir, script=LOOK).finish())
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)


class Finished(NamedTuple):
    """How a child process ended: its exit code and what it printed."""

    returncode: int
    stdout: str
    stderr: str


def _batch(questions: tuple[str, ...]) -> str:
    return "".join(json.dumps({"id": i, "question": q}) + "\n" for i, q in enumerate(questions))
