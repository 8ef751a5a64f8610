"""Real subprocesses for the bot tests: a `chroma run` server that can stop and come back,
and `newsdesk run` itself."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent
START_TIMEOUT_S = 120  # a generous bound for a busy machine; never asserted on


def free_port() -> int:
    """Return a port on 127.0.0.1 that nothing listens on (once this socket is closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ChromaServer:
    """`chroma run` on 127.0.0.1:`port`, keeping its data in `path` across restarts."""

    def __init__(self, path: Path, port: int) -> None:
        self.path = path
        self.port = port
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        exe = shutil.which("chroma", path=str(BIN)) or "chroma"
        self.path.mkdir(parents=True, exist_ok=True)
        address = ["--host", "127.0.0.1", "--port", str(self.port)]
        with (self.path / "server.log").open("ab") as log:
            self.process = subprocess.Popen(
                [exe, "run", *address, "--path", str(self.path / "db")],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"chroma run exited: {(self.path / 'server.log').read_text()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"chroma run did not listen on {self.port}")

    def stop(self) -> None:
        """Stop the server (its data stays on disk)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=60)
        self.process = None


def start_newsdesk_run(cwd: Path, log: Path, **env: str) -> subprocess.Popen[bytes]:
    """Start `newsdesk run` with these settings; its stdout and stderr go to `log`."""
    with log.open("wb") as out:
        return subprocess.Popen(
            [str(BIN / "newsdesk"), "run"],
            cwd=cwd,
            env={**os.environ, **env},
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def stop(process: subprocess.Popen[bytes]) -> int:
    """Send SIGTERM (what a service manager sends) and return the exit code."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        return process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.wait()
