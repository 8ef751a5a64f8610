"""Run the real `newsdesk` command line in subprocesses, stop and kill them, look at the store.

Kill points are made deterministic by the `--progress` output: the test reads JSON progress
lines from the child's stderr until one matches, then stops the child (SIGSTOP) at once and
kills it (SIGKILL). Every progress line is printed after the work it reports is written.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

NEWSDESK = str(Path(sys.executable).with_name("newsdesk"))
TIMEOUT_S = 600  # a generous bound for one command on a busy machine; never asserted on

# What a new process reads from the store at start: the reader's own code path.
LOOK = """
import json
from index.settings import Settings
from index.snapshot import Snapshot
from index.store import PassageStore, connect

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
    """Write `count` invented articles of `paragraphs` distinct paragraphs; return passages."""
    rng = random.Random(f"{prefix}{count}")
    for i in range(count):
        body = [
            " ".join(
                f"The {rng.choice(_WORDS)} committee {rng.choice(_VERBS)} the "
                f"{rng.choice(_WORDS)} plan number {rng.randint(1, 9999)} in week {j}."
                for j in range(3)
            )
            for _ in range(paragraphs)
        ]
        text = f"{prefix} story {i}\n\n" + "\n\n".join(body)
        (corpus / f"{prefix}-{i:03d}.txt").write_text(text, encoding="utf-8")
    return count * paragraphs


@dataclass
class Running:
    """A `newsdesk` child process whose progress lines can be awaited."""

    process: subprocess.Popen[str]
    lines: list[str]

    def wait_for(self, match: Callable[[dict], bool]) -> dict:
        """Read progress lines until one matches, then stop the child where it is."""
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line)
            if line.startswith("{") and match(progress := json.loads(line)):
                os.kill(self.process.pid, signal.SIGSTOP)
                return progress
        self.process.wait()
        raise AssertionError(
            f"the run ended (code {self.process.returncode}) before the point:\n"
            + "".join(self.lines)
        )

    def kill(self) -> None:
        """Kill the child with SIGKILL (it may be stopped) and reap it."""
        self.process.kill()
        self.process.wait(timeout=TIMEOUT_S)
        assert self.process.returncode == -signal.SIGKILL


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

    def run(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        """Run `newsdesk ARGS` to completion."""
        return subprocess.run(
            [NEWSDESK, *args], input=stdin, capture_output=True, text=True,
            cwd=self.workdir, env=self.env(), timeout=TIMEOUT_S, check=False,
        )

    def index(self, *args: str) -> dict:
        """Run `newsdesk index --json ARGS`; return its report."""
        result = self.run("index", "--json", *args)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    def start_index(self, *args: str) -> Running:
        """Start `newsdesk index --progress ARGS` in the background."""
        process = subprocess.Popen(
            [NEWSDESK, "index", "--progress", *args], stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, cwd=self.workdir, env=self.env(),
        )
        return Running(process, [])

    def ask(self, *questions: str) -> list[dict]:
        """Answer questions in one new process; return the JSON answers in order."""
        batch = "".join(
            json.dumps({"id": i, "question": q}) + "\n" for i, q in enumerate(questions)
        )
        result = self.run("ask", "--batch", "-", stdin=batch)
        assert result.returncode == 0, result.stderr
        return [json.loads(line) for line in result.stdout.splitlines()]

    def look(self) -> dict:
        """Return what a newly started reader sees, and the store's collections and records."""
        result = subprocess.run(
            [sys.executable, "-c", LOOK], capture_output=True, text=True,
            cwd=self.workdir, env=self.env(), timeout=TIMEOUT_S, check=False,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)
