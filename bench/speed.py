"""Speed and memory of newsdesk on this machine, as ratios to the bare parts measured in the run.

    .venv/bin/python bench/speed.py [--backend torch] [--sizes 1000,10000,100000] [--json out.json]
        [--answer-precisions auto,float32]

Sections (each can be skipped with --skip encoders,index,query,fresh,rss):

- encoders: bare encode throughput of the torch, onnx and onnx-int8 backends on the same 256
  SQuAD paragraphs, in interleaved rounds; ratio to torch.
- index: `Newsdesk.index` over a fresh store of --index-n SQuAD paragraphs (one `.jsonl`
  article each) against the bare model encoding the same passage texts in the same process
  (before and after); then `index` again on the unchanged corpus, as % of the full build.
- query: warm `Newsdesk.ask` p50/p95 at each size against the floor measured in the same run,
  question by question in turn: the query encode plus one Chroma query for as many neighbours
  as the dense side asks for when `ask` retrieves (twice the passages it reads, so that at
  most `per_article` of one article are kept: candidate_count(48) + MARGIN), ids and
  distances only. `floor_docs` is the same query also fetching documents and metadata (as
  the dense side does today); `search` is retrieval alone (both sides, fusion, no answer).
  With --answer-precisions auto,float32, `ask` is also timed with the float32 reader, in
  turn with the first, question by question (`ask_float32_*`, and the ratio); which goes
  first alternates, since the first to ask a question also embeds its new words.
  The corpora and their vectors are synthetic at scale: see bench/synthetic.py (real SQuAD
  text, perturbed copies, real paragraph vectors plus noise). Stores are cached in
  bench/.cache/speed (built once: about 10 minutes for 100,000 passages here).
- fresh: wall time of a new `newsdesk ask` process to its answer, on the sample corpus
  (indexed beforehand), median of --fresh-runs; the child's CPU time beside it.
- rss: a new process opens Newsdesk over the largest store and answers one question; its
  VmRSS after the answer and its peak (VmHWM), and how long opening took.

The machine is shared (2 cores, other jobs running): read the ratios, not the absolute times.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's code
import synthetic

ROOT = synthetic.ROOT
CACHE = ROOT / "bench" / ".cache" / "speed"
QUESTION = "How many electric buses did Harbourview order?"


def settings_for(chroma: Path, corpus: Path | None = None, backend: str = "torch",
                 precision: str | None = None):
    """Return the settings of a store; ANSWER_PRECISION from the environment unless given."""
    from index.settings import Settings

    return Settings(corpus_dir=corpus or chroma.parent / "corpus", chroma_path=chroma,
                    embedding_backend=backend,
                    answer_precision=precision or Settings.from_env().answer_precision)


def open_desk(settings, embedder):
    from index.service import Newsdesk
    from index.store.chroma import PassageStore, connect

    return Newsdesk(settings, embedder, PassageStore(connect(settings)))


def embedder(backend: str):
    from index.store.embedding_backends import load_embedder

    return load_embedder(None, backend, CACHE / "onnx")


def timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


# -- encoders ------------------------------------------------------------------------------------


def bench_encoders(texts: list[str], rounds: int = 3) -> dict:
    models = {name: embedder(name) for name in ("torch", "onnx", "onnx-int8")}
    for model in models.values():
        model.encode(texts[:16])
    times: dict[str, list[float]] = {name: [] for name in models}
    for _ in range(rounds):
        for name, model in models.items():
            times[name].append(timed(lambda m=model: m.encode(texts)))
    out = {}
    for name in models:
        ratios = [t / s for t, s in zip(times["torch"], times[name], strict=True)]
        out[name] = {"per_s": round(len(texts) / statistics.median(times[name]), 1),
                     "x_torch": round(statistics.median(ratios), 2)}
    return out


# -- index ---------------------------------------------------------------------------------------


def bench_index(paragraphs: list[dict], backend: str) -> dict:
    from index.corpus.chunking import chunk_article
    from index.corpus.files import load_corpus

    work = Path(tempfile.mkdtemp(prefix="index-", dir=CACHE))
    corpus = synthetic.write_corpus(paragraphs, work / "corpus")
    texts = [p.text for a in load_corpus(corpus)[0] for p in chunk_article(a)]
    model = embedder(backend)
    model.encode(texts[:16])
    before = timed(lambda: model.encode(texts))
    desk = open_desk(settings_for(work / "chroma", corpus, backend), model)
    full = timed(desk.index)
    after = timed(lambda: model.encode(texts))
    again = timed(desk.index)
    shutil.rmtree(work, ignore_errors=True)
    bare = (before + after) / 2
    return {"passages": len(texts), "bare_encode_s": round(bare, 2),
            "bare_per_s": round(len(texts) / bare, 1), "index_s": round(full, 2),
            "index_per_s": round(len(texts) / full, 1),
            "overhead_pct": round(100 * (full / bare - 1), 1),
            "reindex_s": round(again, 3), "reindex_pct": round(100 * again / full, 2)}


# -- query ---------------------------------------------------------------------------------------


def bases(paragraphs: list[dict]) -> np.ndarray:
    path = CACHE / "squad-vectors.npy"
    if path.is_file():
        return np.load(path)
    vectors = embedder("torch").encode([p["text"] for p in paragraphs])
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


def build_store(paragraphs: list[dict], size: int) -> Path:
    """Return the chroma folder of a committed index of about `size` passages (cached)."""
    from index.store.embedding import PACKAGED_MODEL

    folder = CACHE / f"store-v2-{size}"  # v2: with stored sentence vectors
    if (folder / "done.json").is_file():
        return folder / "chroma"
    articles = synthetic.copies(paragraphs, size)
    corpus = synthetic.write_corpus(articles, folder / "corpus")
    table = synthetic.vector_table(articles, corpus, bases(paragraphs))
    started = time.perf_counter()
    report = open_desk(settings_for(folder / "chroma", corpus),
                       synthetic.TableEmbedder(PACKAGED_MODEL, table)).index()
    done = {"passages": report.passages, "build_s": round(time.perf_counter() - started, 1)}
    (folder / "done.json").write_text(json.dumps(done))
    print(f"built store-{size}: {done}", file=sys.stderr)
    return folder / "chroma"


def keep_readings(desk) -> float:
    """Keep the words and parses of the desk's passages as its indexer would have.

    The stores here are indexed by a table of vectors, which cannot embed words: the desk's
    real model embeds them (`Lexicon.keep`), in the precision answering uses, and spaCy parses
    their sentences (`Parser.keep`), before anything is timed. Returns the seconds it took
    (about 0 once they are kept).
    """
    from index.store.chroma import PassageStore

    started = time.perf_counter()
    texts = [s.passage.text for s in PassageStore.scan(desk.store.committed().collection)]
    for keeper, what in ((desk.lexicon(), "the vectors of {} words"),
                         (desk.parser(), "the parses of {} sentences")):
        begun = time.perf_counter()
        new = keeper.keep(texts)
        if new:
            print(f"kept {what.format(new)} in {time.perf_counter() - begun:.1f} s",
                  file=sys.stderr)
    return time.perf_counter() - started


def share_exports(chroma: Path) -> None:
    """Point the store's ONNX folder at the shared one: each export is made once for all sizes."""
    folder = chroma.parent / f"{chroma.name}-onnx"
    if folder.is_symlink() and not folder.exists():
        folder.unlink()  # left by a checkout since removed (the cache is shared through a link)
    if not folder.exists():
        shared = (CACHE / "onnx").resolve()
        shared.mkdir(parents=True, exist_ok=True)
        folder.symlink_to(shared)


def bench_query(chroma: Path, model, questions: list[str], backend: str,
                precisions: tuple[str, ...] = ("auto",)) -> dict:
    """Time retrieval and `ask` at one size; `ask` once per ANSWER_PRECISION, in turn.

    The first precision's times are `ask_*`; each other's are `ask_<precision>_*`, with the
    ratio of the first's p50 to its.
    """
    from index.answer import CONFIG
    from index.store.retrieval import candidate_count
    from index.store.snapshot import MARGIN

    share_exports(chroma)
    for precision in precisions:  # as the indexer keeps them, before anything is timed
        keep_readings(open_desk(settings_for(chroma, backend=backend, precision=precision),
                                model))
    started = time.perf_counter()
    desk = open_desk(settings_for(chroma, backend=backend, precision=precisions[0]), model)
    open_s = time.perf_counter() - started
    others = {p: open_desk(settings_for(chroma, backend=backend, precision=p), model)
              for p in precisions[1:]}
    collection = desk.store.active()
    k = 2 * CONFIG.passages  # what `ask` retrieves (index.service.Newsdesk.evidence)
    n = candidate_count(k) + MARGIN

    def floor(q: str, include: tuple[str, ...] = ("distances",)) -> None:
        vector = model.embed_query(q)
        collection.query(query_embeddings=[vector], n_results=n, include=list(include))

    def with_text(q: str) -> None:
        floor(q, ("documents", "metadatas", "distances"))

    for q in questions[:5]:
        desk.ask(q)
        floor(q)
        for other in others.values():
            other.ask(q)
    asks, floors, texts, searches = [], [], [], []
    other_asks: dict[str, list[float]] = {p: [] for p in others}
    for i, q in enumerate(questions):
        floors.append(timed(lambda q=q: floor(q)) * 1000)
        texts.append(timed(lambda q=q: with_text(q)) * 1000)
        searches.append(timed(lambda q=q: desk.search(q, k=k)) * 1000)
        # the first to ask a question also embeds its new words for the process's lexicon:
        # every other question, the other precisions go first
        turns = [(None, desk), *others.items()]
        for p, asker in turns if i % 2 == 0 else turns[::-1]:
            ms = timed(lambda q=q, asker=asker: asker.ask(q)) * 1000
            (asks if p is None else other_asks[p]).append(ms)
    row = {"passages": len(desk._snapshot.ids), "open_s": round(open_s, 1), "n_chroma": n}
    timings = [("floor", floors), ("floor_docs", texts), ("search", searches), ("ask", asks)]
    timings += [(f"ask_{p}", values) for p, values in other_asks.items()]
    for name, values in timings:
        row[f"{name}_p50_ms"] = round(pct(values, 50), 1)
        row[f"{name}_p95_ms"] = round(pct(values, 95), 1)
    for p in others:
        row[f"ask_p50_x_{p}"] = round(row["ask_p50_ms"] / row[f"ask_{p}_p50_ms"], 2)
    row["p50_x_floor"] = round(row["ask_p50_ms"] / row["floor_p50_ms"], 2)
    row["p95_x_floor"] = round(row["ask_p95_ms"] / row["floor_p95_ms"], 2)
    row["search_p50_x_floor"] = round(row["search_p50_ms"] / row["floor_p50_ms"], 2)
    return row


# -- fresh process and memory ----------------------------------------------------------------------


def newsdesk_env(chroma: Path, corpus: Path, backend: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CHROMA_", "CORPUS_"))}
    env.update(CHROMA_PATH=str(chroma), CORPUS_DIR=str(corpus), EMBEDDING_BACKEND=backend,
               LOG_LEVEL="WARNING")
    return env


CLI = str(Path(sys.executable).with_name("newsdesk"))


def make_exports(env: dict, backend: str) -> None:
    """Make the ONNX exports first, so that no timed process makes them."""
    if backend != "torch":
        subprocess.run([CLI, "export-onnx"], env=env, cwd=ROOT, check=True, capture_output=True)


def bench_fresh(backend: str, runs: int) -> dict:
    folder = CACHE / f"fresh-{backend}"
    env = newsdesk_env(folder / "chroma", ROOT / "corpus", backend)
    cli = CLI
    make_exports(env, backend)
    subprocess.run([cli, "index"], env=env, cwd=folder.parent, check=True, capture_output=True)
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run([cli, "ask", QUESTION, "--json"], env=env, cwd=folder.parent,
                              check=True, capture_output=True, text=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    answer = json.loads(done.stdout)["answer"]
    return {"wall_s": round(statistics.median(walls), 2),
            "cpu_s": round(statistics.median(cpus), 2), "runs": runs, "answer": answer}


def probe(chroma: Path, backend: str) -> None:
    """Open Newsdesk over `chroma` in this fresh process, answer once, print memory as JSON."""
    from index.service import Newsdesk

    started = time.perf_counter()
    desk = Newsdesk.open(settings_for(chroma, backend=backend))
    opened = time.perf_counter() - started
    answer = desk.ask(QUESTION)
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    mib = {key: int(status[key].split()[0]) / 1024 for key in ("VmRSS", "VmHWM")}
    print(json.dumps({"passages": len(desk._snapshot.ids), "open_s": round(opened, 1),
                      "ask_ms": round(answer.elapsed_ms, 1), "rss_mib": round(mib["VmRSS"]),
                      "peak_rss_mib": round(mib["VmHWM"])}))


def bench_rss(chroma: Path, backend: str) -> dict:
    share_exports(chroma)
    make_exports(newsdesk_env(chroma, ROOT / "corpus", backend), backend)
    done = subprocess.run([sys.executable, __file__, "--probe", str(chroma), "--backend", backend],
                          check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(done.stdout.splitlines()[-1])


# -- the run -------------------------------------------------------------------------------------


def table(title: str, rows: list[dict]) -> None:
    if not rows:
        return
    keys = list(rows[0])
    print(f"\n{title}\n| " + " | ".join(keys) + " |\n" + "|---" * len(keys) + "|")
    for row in rows:
        print("| " + " | ".join(str(row[k]) for k in keys) + " |")


def run(args: argparse.Namespace) -> dict:
    paragraphs, questions = synthetic.squad()
    questions = random.Random(7).sample(questions, args.queries)
    skip = set(args.skip.split(",")) if args.skip else set()
    sizes = [int(s) for s in args.sizes.split(",")]
    CACHE.mkdir(parents=True, exist_ok=True)
    results: dict = {"backend": args.backend, "cpus": os.cpu_count(),
                     "load_avg_start": os.getloadavg()[0]}
    if "encoders" not in skip:
        encoders = bench_encoders([p["text"] for p in paragraphs[:256]])
        results["encoders"] = encoders
        table("bare encode, 256 SQuAD paragraphs",
              [{"backend": k, **v} for k, v in encoders.items()])
    if "index" not in skip:
        results["index"] = bench_index(paragraphs[: args.index_n], args.backend)
        table(f"index ({args.backend})", [results["index"]])
    if "query" not in skip:
        model = embedder(args.backend)
        precisions = tuple((args.answer_precisions or os.environ.get("ANSWER_PRECISION")
                            or "auto").split(","))
        rows = [{"size": size, **bench_query(build_store(paragraphs, size), model, questions,
                                             args.backend, precisions)}
                for size in sizes]
        results["query"] = rows
        table(f"warm query latency ({args.backend}), {len(questions)} questions", rows)
    if "fresh" not in skip:
        fresh = {b: bench_fresh(b, args.fresh_runs) for b in args.fresh_backends.split(",")}
        results["fresh"] = fresh
        table("fresh process to first answer", [{"backend": k, **v} for k, v in fresh.items()])
    if "rss" not in skip:
        results["rss"] = bench_rss(build_store(paragraphs, max(sizes)), args.backend)
        table(f"memory of a process that opened {max(sizes):,} passages and answered",
              [results["rss"]])
    results["load_avg_end"] = os.getloadavg()[0]
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default="torch", help="EMBEDDING_BACKEND for index/query/rss")
    parser.add_argument("--sizes", default="1000,10000,100000", help="passages per query store")
    parser.add_argument("--queries", type=int, default=60, help="questions timed per size")
    parser.add_argument("--answer-precisions", default=None,
                        help="ANSWER_PRECISIONs timed in turn by 'query' (torch), e.g. "
                        "auto,float32: the first is `ask`, the others beside it "
                        "(default: ANSWER_PRECISION, else auto)")
    parser.add_argument("--index-n", type=int, default=300, help="paragraphs indexed in 'index'")
    parser.add_argument("--fresh-runs", type=int, default=3)
    parser.add_argument("--fresh-backends", default="torch,onnx-int8")
    parser.add_argument("--skip", default="", help="sections to skip, comma-separated")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--probe", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.probe:
        probe(args.probe, args.backend)
        return 0
    if not synthetic.SQUAD.is_file():
        print(f"{synthetic.SQUAD} is absent: nothing to measure", file=sys.stderr)
        return 0
    results = run(args)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
