"""Fifty people asking at once: the real bot over a real desk, driven through the fake Discord.

    .venv/bin/python bench/load.py [--questions 50] [--workers N] [--torch-threads T]
                                   [--reindex] [--burn N] [--heartbeat S] [--json out.json]

The bot is built as `newsdesk run` builds it (`ReconnectingDesk` over an embedded Chroma in a
temp folder holding ../shared/corpus, the real model, `build_bot`, torch threads shared among
the workers) and connects to `tests.fakediscord`. First one question alone (the baseline:
three times, after one to warm up), then --questions /ask from as many users, all sent at
once. `--reindex` adds --reindex-articles SQuAD paragraphs to the corpus and runs /reindex
alongside; `--burn N` keeps N other processes spinning meanwhile (a machine loaded by other
work). `--workers 6 --torch-threads 2` is the bot before the answering queue on 2 cores:
`asyncio.to_thread`'s default executor has min(32, cores + 4) threads, torch all cores.

Measured, all in this one process and one clock (time.monotonic):
- per question: time to the acknowledgement (the deferred reply), to the "Queued" note (for
  those that waited), to the answer; p50/p95/max, and the answer p50 as a ratio to the baseline;
- order: answers started in order of arrival (the desk sees the questions in that order), and
  the inversions in order of completion (a later question answered before an earlier one);
- the event loop: a probe sleeps 100 ms at a time; its lag is how late it wakes;
- the gateway heartbeat: the fake's heartbeat interval is --heartbeat seconds (Discord's is
  41.25); lateness is each gap between heartbeats the fake received beyond the interval; ack
  latency is from the fake receiving a heartbeat to the bot's loop handling its ack; discord.py's
  own figure (`bot.latency`) and its "Can't keep up" / "heartbeat blocked" warnings are counted.
  discord.py's figure is racy: it is the ack time minus the time its keep-alive thread last
  noted a send, and when that thread wakes after the ack is handled, the previous send is used,
  so the figure is one heartbeat interval (the "41.3 s behind" of a loaded machine).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import logging
import multiprocessing
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

CORPORA = (ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus"))
QUESTIONS = (  # general questions about the two articles; the answers are not checked
    "How many electric vehicles will China import from Canada?",
    "Who did Mark Carney meet in Beijing?",
    "Where were the talks between Carney and Xi held?",
    "When did a Canadian prime minister last visit China?",
    "Which sectors did Carney name as priorities?",
    "What did Xi say about China-Canada relations?",
    "Why were relations between Canada and China strained?",
    "What agreements were signed during the visit?",
    "How much of Canada's crude oil went to China in 2024?",
    "Is there a deal on tariffs?",
    "What is Canada's largest export market?",
    "Who is the Chinese premier?",
    "What does Carney want from the new strategic partnership?",
    "Who was arrested in 2018?",
    "how many EVs?",
    "What is the population of Toronto?",
    "Who won the last Olympic marathon?",
)
PROBE_S = 0.1


class Recorder:
    """What the fake and discord.py saw of the heartbeat, and the loop lag probe's samples."""

    def __init__(self) -> None:
        self.beats: list[float] = []  # the fake received a heartbeat
        self.acks: list[float] = []  # the bot's loop handled an ack
        self.reported: list[float] = []  # discord.py's latency figure at each ack
        self.lags: list[tuple[float, float]] = []  # (when, lag)
        self.warnings: list[str] = []
        self.started: list[str] = []  # questions as the desk began them

    def install(self, heartbeat_s: float) -> None:
        """Hook the fake's gateway and discord.py's keep-alive (this process only)."""
        import discord.gateway

        from tests.fakediscord import gateway

        gateway.HEARTBEAT_INTERVAL_MS = int(heartbeat_s * 1000)
        handle, ack = gateway.Session.handle, discord.gateway.KeepAliveHandler.ack

        async def handled(session, payload):
            if payload.get("op") == gateway.HEARTBEAT:
                self.beats.append(time.monotonic())
            await handle(session, payload)

        def acked(keep_alive):
            ack(keep_alive)
            self.acks.append(time.monotonic())
            self.reported.append(keep_alive.latency)

        gateway.Session.handle = handled
        discord.gateway.KeepAliveHandler.ack = acked
        logging.getLogger("discord.gateway").addHandler(WarningList(self.warnings))

    async def probe(self) -> None:
        """Sleep PROBE_S at a time; record how late each wake-up is."""
        while True:
            before = time.monotonic()
            await asyncio.sleep(PROBE_S)
            now = time.monotonic()
            self.lags.append((now, now - before - PROBE_S))


class WarningList(logging.Handler):
    """Keep discord.py's gateway warnings."""

    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record.getMessage().splitlines()[0])


def corpus_folder() -> Path | None:
    return next((path for path in CORPORA if path.is_dir()), None)


def burn() -> None:
    while True:
        pass


def stats(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    return {"n": len(values), "p50": round(float(np.percentile(values, 50)), 3),
            "p95": round(float(np.percentile(values, 95)), 3), "max": round(max(values), 3)}


def inversions(order: list[int]) -> int:
    return sum(1 for i, a in enumerate(order) for b in order[i + 1:] if a > b)


async def start_bot(args, work: Path, recorder: Recorder):
    from bot.answering import share_cores
    from bot.app import build_bot
    from bot.desk import ReconnectingDesk
    from bot.settings import BotSettings
    from index.settings import Settings
    from tests.fakediscord import FakeDiscord

    class TimedDesk(ReconnectingDesk):
        def ask(self, question, *args, **kwargs):
            recorder.started.append(question)
            return super().ask(question, *args, **kwargs)

    fake = await FakeDiscord(token="bench-token.abc.DEF").start()
    core = Settings(corpus_dir=work / "corpus", chroma_path=work / "chroma",
                    answer_precision=Settings.from_env().answer_precision)
    settings = BotSettings(core, discord_token=fake.token, discord_api_base=fake.api_base,
                           discord_gateway_url=fake.gateway_url,
                           answer_workers=args.workers or BotSettings().answer_workers)
    threads = share_cores(settings.answer_workers)
    if args.torch_threads:
        import torch
        torch.set_num_threads(threads := args.torch_threads)
    desk = TimedDesk(core)
    await asyncio.to_thread(desk.start)
    bot = build_bot(settings, desk, guild_ready_timeout=0.05)
    task = asyncio.create_task(bot.start(fake.token))
    await fake.wait_for(lambda: None in fake.synced_commands or task.done(), 120)
    await asyncio.wait_for(bot.wait_until_ready(), 60)
    return fake, bot, task, desk, {"workers": settings.answer_workers, "torch_threads": threads}


def timeline(handle, sent: float) -> dict:
    """Times from sending the command to the ack, the queued note and the answer."""
    original = handle.original
    versions = original.versions
    queued = next((v["at"] for v in versions if v["content"].startswith("Queued")), None)
    answered = next((v["at"] for v in versions if v["embeds"]), None)
    return {"ack": original.created - sent,
            "queued": None if queued is None else queued - sent,
            "answer": None if answered is None else answered - sent}


async def ask_all(fake, questions: list[str], users: list, timeout: float) -> list[dict]:
    handles, sent = [], []
    for question, user in zip(questions, users, strict=True):
        sent.append(time.monotonic())
        handles.append(await fake.invoke("ask", {"question": question}, user=user))

    def done() -> bool:
        return all(h.original is not None and any(v["embeds"] for v in h.original.versions)
                   for h in handles)

    await fake.wait_for(done, timeout)
    return [timeline(h, t) for h, t in zip(handles, sent, strict=True)]


def add_squad(corpus: Path, count: int) -> None:
    import synthetic

    articles = synthetic.squad()[0][:count]
    with (corpus / "squad-extra.jsonl").open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(article) + "\n")


async def reindex(fake) -> Callable[[], bool]:
    handle = await fake.invoke("reindex", {}, user=fake.admin)

    def finished() -> bool:
        embeds = [] if handle.original is None else handle.original.embeds
        return bool(embeds) and embeds[0].get("title") == "Reindex finished"

    return finished


async def measure(args, work: Path) -> dict:
    recorder = Recorder()
    recorder.install(args.heartbeat)
    fake, bot, task, desk, setup = await start_bot(args, work, recorder)
    probe = asyncio.create_task(recorder.probe())
    try:
        baseline = [(await ask_all(fake, [QUESTIONS[0]], [fake.add_member(f"solo{i}")],
                                   args.timeout))[0] for i in range(4)][1:]  # first: warm-up
        questions = [QUESTIONS[i % len(QUESTIONS)] for i in range(args.questions)]
        users = [fake.add_member(f"reader{i}") for i in range(args.questions)]
        recorder.started.clear()
        burners = [multiprocessing.Process(target=burn, daemon=True) for _ in range(args.burn)]
        for process in burners:
            process.start()
        if args.reindex:
            add_squad(work / "corpus", args.reindex_articles)
            reindexed = await reindex(fake)
        started = time.monotonic()
        results = await ask_all(fake, questions, users, args.timeout)
        finished = time.monotonic()
        if args.reindex:
            await fake.wait_for(reindexed, args.timeout)
        reindex_end = time.monotonic()
        for process in burners:
            process.kill()
            process.join()
    finally:
        probe.cancel()
        await bot.close()
        await task
        await asyncio.to_thread(desk.close)
        await fake.close()
    return summarise(args, setup, recorder, baseline, results, questions,
                     (started, max(finished, reindex_end)))


def summarise(args, setup, recorder: Recorder, baseline, results, questions, window) -> dict:
    start, end = window
    lags = [lag for when, lag in recorder.lags if start <= when <= end]
    beats = [b for b in recorder.beats if start - args.heartbeat <= b <= end + args.heartbeat]
    gaps = [b - a - args.heartbeat for a, b in itertools.pairwise(beats)]
    ack_latency = [ack - beat for beat, ack in zip(recorder.beats, recorder.acks, strict=False)
                   if start - args.heartbeat <= beat <= end + args.heartbeat]
    answers = [r["answer"] for r in results]
    completion = sorted(range(len(results)), key=lambda i: answers[i])
    base = float(np.median([b["answer"] for b in baseline]))
    out = {
        **setup, "questions": len(results), "reindex": args.reindex, "burn": args.burn,
        "heartbeat_s": args.heartbeat, "baseline_answer_s": round(base, 3),
        "ack_s": stats([r["ack"] for r in results]),
        "queued_s": stats([r["queued"] for r in results if r["queued"] is not None]),
        "answer_s": stats(answers),
        "answer_p50_x_baseline": round(float(np.percentile(answers, 50)) / base, 1),
        "answer_p95_x_baseline": round(float(np.percentile(answers, 95)) / base, 1),
        "started_in_arrival_order": recorder.started == questions,
        "completion_inversions": inversions(completion),
        "loop_lag_s": stats(lags),
        "heartbeats": len(beats), "heartbeat_late_s": stats(gaps),
        "heartbeat_ack_s": stats(ack_latency),
        "discord_latency_max_s": round(max(recorder.reported, default=0.0), 3),
        "discord_latency_racy": sum(r > 0.9 * args.heartbeat for r in recorder.reported),
        "cant_keep_up": sum("Can't keep up" in w for w in recorder.warnings),
        "heartbeat_blocked": sum("blocked" in w for w in recorder.warnings),
        "window_s": round(end - start, 1),
    }
    return out


def table(out: dict) -> str:
    rows = [f"workers {out['workers']} x {out['torch_threads']} torch threads; "
            f"{out['questions']} questions at once; reindex {out['reindex']}; "
            f"{out['burn']} burning processes; heartbeat every {out['heartbeat_s']} s",
            f"one question alone: answered in {out['baseline_answer_s']} s",
            f"{'':24}{'n':>4}{'p50 s':>9}{'p95 s':>9}{'max s':>9}"]
    for name in ("ack_s", "queued_s", "answer_s", "loop_lag_s", "heartbeat_late_s",
                 "heartbeat_ack_s"):
        s = out[name]
        cells = [f"{s.get(k, float('nan')):>9.3f}" for k in ("p50", "p95", "max")]
        rows.append(f"{name:24}{s['n']:>4}{''.join(cells)}")
    rows += [f"answer p50, p95 as x baseline: {out['answer_p50_x_baseline']}, "
             f"{out['answer_p95_x_baseline']}",
             f"started in arrival order: {out['started_in_arrival_order']}; "
             f"completion inversions: {out['completion_inversions']}",
             f"discord.py latency max {out['discord_latency_max_s']} s "
             f"({out['discord_latency_racy']} of them one interval: the race); "
             f"'Can't keep up' x{out['cant_keep_up']}; 'heartbeat blocked' "
             f"x{out['heartbeat_blocked']}; window {out['window_s']} s"]
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=50)
    parser.add_argument("--workers", type=int, default=0, help="default: ANSWER_WORKERS' own")
    parser.add_argument("--torch-threads", type=int, default=0, help="default: the bot's")
    parser.add_argument("--reindex", action="store_true")
    parser.add_argument("--reindex-articles", type=int, default=300)
    parser.add_argument("--burn", type=int, default=0)
    parser.add_argument("--heartbeat", type=float, default=1.0)
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    corpus = corpus_folder()
    if corpus is None:
        print("bench/load.py: ../shared/corpus is absent; nothing to measure", file=sys.stderr)
        return 0
    work = Path(tempfile.mkdtemp(prefix="newsdesk-load-"))
    try:
        shutil.copytree(corpus, work / "corpus")
        out = asyncio.run(measure(args, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(out))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
