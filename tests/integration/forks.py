"""Start `newsdesk` processes from a fork server that has already imported newsdesk.

A new Python interpreter spends about 5 s importing what `newsdesk index` and `ask` need (torch,
sentence-transformers, spaCy, chromadb) before it does anything. The fork server
(`multiprocessing`'s "forkserver") imports those modules once, without opening a store or
loading a model, and forks each child from there: every child is a new OS process with its own
pid, its own Chroma client and its own model, that runs `index.cli.main` (what the `newsdesk`
script runs) or a short script, and can be stopped (SIGSTOP) and killed (SIGKILL) like any
other. Its stdout and stderr are pipes back to the test; its stdin is the text given.
"""

from __future__ import annotations

import atexit
import io
import multiprocessing
import os
import signal
import sys
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TextIO

TIMEOUT_S = 600  # a generous bound for one command on a busy machine; never asserted on
PRELOAD = ["tests.integration.preload"]

FORKS = multiprocessing.get_context("forkserver")
FORKS.set_forkserver_preload(PRELOAD)
_STARTED: list[BaseProcess] = []


@atexit.register
def _kill_leftovers() -> None:
    """Kill children a failed test left running or stopped, so the test run can exit."""
    for process in _STARTED:
        if process.exitcode is None and process.pid is not None:
            os.kill(process.pid, signal.SIGKILL)


@dataclass
class Child:
    """A started child: its process and the read ends of its stdout and stderr."""

    process: BaseProcess
    stdout: TextIO
    stderr: TextIO
    lines: list[str] = field(default_factory=list)  # stderr lines read so far

    @property
    def pid(self) -> int:
        """Return the child's process id."""
        assert self.process.pid is not None
        return self.process.pid

    def finish(self, timeout: float = TIMEOUT_S) -> tuple[int, str, str]:
        """Wait for the child to exit; return (exit code, stdout, stderr)."""
        with ThreadPoolExecutor(2) as pool:
            out, err = pool.submit(self.stdout.read), pool.submit(self.stderr.read)
            self.process.join(timeout)
            if self.process.exitcode is None:
                self.kill()
            code = self.process.exitcode
            texts = out.result(), "".join(self.lines) + err.result()
        self.stdout.close()
        self.stderr.close()
        assert code is not None
        return code, *texts

    def stop(self) -> None:
        """Stop the child where it is (SIGSTOP)."""
        os.kill(self.pid, signal.SIGSTOP)

    def kill(self) -> int:
        """Kill the child with SIGKILL (it may be stopped), reap it, return its exit code."""
        os.kill(self.pid, signal.SIGKILL)
        self.process.join(TIMEOUT_S)
        assert self.process.exitcode is not None
        return self.process.exitcode


def start(
    env: dict[str, str],
    cwd: Path,
    argv: list[str] | None = None,
    script: str | None = None,
    stdin: str = "",
) -> Child:
    """Fork a child that runs `newsdesk ARGV` (or the Python `script`) in `cwd` with `env`."""
    out_r, out_w = FORKS.Pipe(duplex=False)
    err_r, err_w = FORKS.Pipe(duplex=False)
    process = FORKS.Process(target=_serve, args=(argv, script, env, str(cwd), stdin, out_w, err_w))
    process.start()
    _STARTED.append(process)
    out_w.close()
    err_w.close()
    return Child(process, _text(out_r), _text(err_r))


def _text(end: Connection) -> TextIO:
    handle = os.fdopen(os.dup(end.fileno()), encoding="utf-8")
    end.close()
    return handle


def _serve(
    argv: list[str] | None,
    script: str | None,
    env: dict[str, str],
    cwd: str,
    stdin: str,
    out: Connection,
    err: Connection,
) -> None:
    """In the child: take the stdio, cwd and environment given, run, exit like `newsdesk`."""
    os.dup2(out.fileno(), 1)
    os.dup2(err.fileno(), 2)
    out.close()
    err.close()
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    sys.stdin = io.StringIO(stdin)
    code = 1
    try:
        if script is None:
            from index.cli import main

            code = main(argv)
        else:
            exec(compile(script, "<script>", "exec"), {"__name__": "__main__"})
            code = 0
    except SystemExit as exit_:
        code = 0 if exit_.code is None else exit_.code if isinstance(exit_.code, int) else 1
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        atexit._run_exitfuncs()  # what an interpreter runs at exit; multiprocessing skips it
        os._exit(code)
