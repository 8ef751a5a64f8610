"""Synthetic corpora of any size for bench/speed.py, built from real SQuAD paragraphs.

Scaling (the same in every run, all seeded):

- Text: copy 0 of each SQuAD paragraph (../shared/bench/squad-v1.1-dev-part-b.json, 1,154
  paragraphs) is the paragraph itself; copy c > 0 is the same paragraph with its sentences in a
  seeded order and about 10% of its words dropped, as its own article `<title>#<i>~<c>`. The
  corpus is written as `.jsonl` and indexed through the normal path (ingestion, cleaning,
  chunking, Chroma writes, the BM25 index), so the lexical side is real text at real scale.
- Vectors: embedding 100,000 passages takes over an hour on 2 cores, so the vectors are not
  computed per passage. Each SQuAD paragraph is embedded once for real (cached); a passage's
  vector is its paragraph's real vector plus seeded Gaussian noise (cosine about 0.89 to it),
  normalised; its sentence vectors are noisy copies of its own. `TableEmbedder` hands these to
  the indexer in place of the model, so the store is written exactly as the indexer writes it.
  Queries are real questions embedded by the real model.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SQUAD = ROOT.parent / "shared" / "bench" / "squad-v1.1-dev-part-b.json"
NOISE = 0.5  # norm of the noise added to a unit vector: cosine 1 / sqrt(1 + 0.25) = 0.89


def squad() -> tuple[list[dict], list[str]]:
    """Return SQuAD's paragraphs as article dicts, and its questions."""
    data = json.loads(SQUAD.read_text(encoding="utf-8"))["data"]
    articles, questions = [], []
    for doc in data:
        for i, para in enumerate(doc["paragraphs"]):
            title = doc["title"].replace("_", " ")
            articles.append({"id": f"{doc['title']}#{i}", "title": title, "text": para["context"]})
            questions.extend(qa["question"] for qa in para["qas"])
    return articles, questions


def perturb(text: str, seed: str) -> str:
    """Return `text` with its sentences reordered and about 10% of its words dropped."""
    rng = random.Random(seed)
    sentences = [s.strip() for s in text.replace("? ", "?. ").split(". ") if s.strip()]
    rng.shuffle(sentences)
    words = " ".join(s.rstrip(".") + "." for s in sentences).split()
    kept = [w for w in words if rng.random() >= 0.1] or words
    return " ".join(kept)


def copies(paragraphs: list[dict], total: int) -> list[dict]:
    """Return article dicts (original then perturbed copies) until about `total` passages."""
    from index.corpus.chunking import chunk_article
    from index.models import Article

    out, passages, copy = [], 0, 0
    while passages < total:
        for i, para in enumerate(paragraphs):
            text = para["text"] if copy == 0 else perturb(para["text"], f"{i}~{copy}")
            ident = para["id"] if copy == 0 else f"{para['id']}~{copy}"
            article = {"id": ident, "title": para["title"], "text": text, "base": i}
            passages += len(chunk_article(Article(ident, para["title"], (text,))))
            out.append(article)
            if passages >= total:
                break
        copy += 1
    return out


def write_corpus(articles: list[dict], folder: Path, per_file: int = 2000) -> Path:
    """Write `articles` as `.jsonl` files of `per_file` lines in `folder`; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({k: a[k] for k in ("id", "title", "text")}) for a in articles]
    for n, start in enumerate(range(0, len(lines), per_file)):
        part = "\n".join(lines[start : start + per_file]) + "\n"
        (folder / f"corpus-{n:04d}.jsonl").write_text(part, encoding="utf-8")
    return folder


def noisy(base: np.ndarray, key: str) -> np.ndarray:
    """Return `base` plus seeded noise of norm about NOISE, as a unit float32 vector."""
    seed = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "little")
    noise = np.random.default_rng(seed).standard_normal(base.shape[0])
    vector = base + noise * (NOISE / np.sqrt(base.shape[0]))
    return (vector / np.linalg.norm(vector)).astype(np.float32)


class TableEmbedder:
    """Stands in for the model while indexing: each passage gets its paragraph's noisy vector."""

    def __init__(self, name: str, table: dict[str, np.ndarray]) -> None:
        self.name = name
        self.table = table
        self.dimension = next(iter(table.values())).shape[0]

    def __call__(self, input):
        return self.encode(list(input))

    def encode(self, texts, on_batch=None):
        vectors = np.vstack([self.table[t] for t in texts]) if texts else np.zeros((0, 384))
        if on_batch is not None:
            on_batch(len(texts))
        return vectors.astype(np.float32)

    def encode_with_sentences(self, texts):
        """Passage vectors, and per passage one noisy copy of its vector per sentence."""
        from index.corpus.sentences import sentence_spans

        vectors = self.encode(texts)
        sentences = [
            np.vstack([noisy(v, f"{t}#{i}") for i in range(len(sentence_spans(t)))])
            if sentence_spans(t) else np.zeros((0, self.dimension), dtype=np.float32)
            for t, v in zip(texts, vectors, strict=True)
        ]
        return vectors, sentences

    def embed_query(self, text):
        raise NotImplementedError("queries are embedded by the real model")


def vector_table(articles: list[dict], corpus: Path, bases: np.ndarray) -> dict[str, np.ndarray]:
    """Map every passage text the indexer will see in `corpus` to its synthetic vector."""
    from index.corpus.chunking import chunk_article
    from index.corpus.files import load_corpus

    base_of = {a["id"]: a["base"] for a in articles}
    loaded = load_corpus(corpus)
    table = {}
    for article in loaded[0]:
        for passage in chunk_article(article):
            table[passage.text] = noisy(bases[base_of[article.source]], passage.id)
    return table
