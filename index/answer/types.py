"""The type of answer a question expects, learned: a person, a date, a length of time, a share...

The question-kind rules (`index.answer.questions`) know "how many" and "who"; terse and
paraphrased questions say what they want with a noun instead ("what duty do the cars pay?",
"flood death toll?", "battery size on the new buses?"). A small multinomial logistic
regression on the question's embedding (the vector retrieval already computed), the embedding
of the words that say what it wants and its rule-given kind gives a probability to each answer
type, and a candidate answer is typed from the parse of its sentence (`answer_type`). How much
likelier the question makes a candidate's type than it is a priori (`TypeModel.lifts`) is one
feature of a merged answer, one piece of evidence the decision weighs.

The model ships as `types.json` (its weights, the embedding model it reads, what it was
fitted on), fitted by `bench/train_types.py` on the SQuAD articles the reader was fitted on.
With another embedding model than it was fitted for, it says nothing (lift 0); the same model
on another backend (an ONNX export) is the same model.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Span

from index.answer.questions import KINDS
from index.answer.values import TIME_MEASURES, value_of
from index.store.embedding_backends import model_of

MODEL = Path(__file__).with_name("types.json")

TYPES = ("PERSON", "NORP", "ORG", "PLACE", "DATE", "DURATION", "TIME", "CARDINAL", "QUANTITY",
         "MONEY", "PERCENT", "ORDINAL", "NAME", "NOUN", "CLAUSE")

_LABELS = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "PRODUCT": "NAME", "EVENT": "NAME",
           "WORK_OF_ART": "NAME", "LAW": "NAME", "LANGUAGE": "NAME"}
_UNITS = frozenset("second minute hour day week fortnight month year decade century".split())
_SOME = frozenset("a an several few many some".split())
_ANCHORED = frozenset("ago later earlier".split())
_DATED = frozenset({"DATE", "TIME"})  # a year in a phrase ("the 2018 arrest") is no count
_PERCENT = re.compile(r"%|\bper ?cent\b|\bpercent\b", re.I)  # spaCy reads "per cent" as MONEY


def _duration(entity: Span) -> bool:
    """Return True for a DATE entity that is a length of time ("three days", "90 days")."""
    after = entity.doc[entity.end].lower_ if entity.end < len(entity.doc) else ""
    if after in _ANCHORED or any(t.lower_ in _ANCHORED for t in entity):
        return False
    return any(t.lemma_.lower() in _UNITS and t.i > entity.start
               and (entity.doc[t.i - 1].like_num or entity.doc[t.i - 1].lower_ in _SOME)
               for t in entity)


def _measured(span: Span) -> str | None:
    """Return the type an amount's unit gives a span that starts with one, else None.

    The value parser (`index.answer.values`) knows units that the small English model often
    labels wrong ("186 mm" as a CARDINAL): money, a percent, a measure ("31 cm", "186 mm of
    rain"), a length of time ("three days of heavy rain", "48 hours"), unless anchored to a
    date ("three days ago").
    """
    if not any(t.like_num for t in span):
        return None
    after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    if after in _ANCHORED or any(t.lower_ in _ANCHORED for t in span):
        return None
    value = value_of(span.text)
    if value.kind in ("money", "percent"):
        return value.kind.upper()
    measure = value.key[1] if value.kind == "number" and len(value.key) > 1 else ""
    if not measure:
        return None
    return "DURATION" if measure in TIME_MEASURES else "QUANTITY"


def answer_type(span: Span) -> str:
    """Return the type (one of TYPES) of a candidate answer read in its parsed sentence.

    A date entity that makes up most of the span gives it (a DATE, or DURATION for a length of
    time); an amount's unit, read by the value parser, gives MONEY, PERCENT, QUANTITY or
    DURATION; else the named entity that makes up most of the span (places merged, other names
    as NAME); failing one, a span with a number (not a date's) is a CARDINAL, one with a verb a
    CLAUSE, and the rest a NOUN phrase.
    """
    words = [t for t in span if not t.is_punct]
    if not words:
        return "NOUN"
    best, overlap = None, 0
    for entity in span.doc.ents:
        shared = min(entity.end, span.end) - max(entity.start, span.start)
        if shared > overlap:
            best, overlap = entity, shared
    entity = best is not None and 2 * overlap >= len(words)
    if entity and best.label_ == "DATE":
        return "DURATION" if _duration(best) else "DATE"
    measured = _measured(span)
    if measured:
        return measured
    if entity:
        label = _LABELS.get(best.label_, best.label_)
        if label in {"MONEY", "CARDINAL", "QUANTITY"} and _PERCENT.search(best.text):
            return "PERCENT"
        return label if label in TYPES else "NAME"
    if any(t.like_num and t.ent_type_ not in _DATED for t in words):
        return "PERCENT" if _PERCENT.search(span.text) else "CARDINAL"
    if any(t.pos_ in {"VERB", "AUX"} for t in words):
        return "CLAUSE"
    return "NOUN"


def type_inputs(question: np.ndarray, cue: np.ndarray, kind: str) -> np.ndarray:
    """Return what the model reads of a question: its vector, its cue's vector, its kind."""
    kinds = np.zeros(len(KINDS))
    kinds[list(KINDS).index(kind)] = 1.0
    return np.concatenate([np.asarray(question, dtype=np.float64),
                           np.asarray(cue, dtype=np.float64), kinds])


@dataclass(frozen=True)
class TypeModel:
    """Multinomial logistic regression from a question to answer-type probabilities.

    It reads the question's vector, the vector of its type cue (`questions.type_cue`: "what
    duty", "flood death toll") and the kind the question-word rules give it.
    """

    weights: np.ndarray  # (len(TYPES), 2 * dimension + len(KINDS))
    bias: np.ndarray  # (len(TYPES),)
    prior: np.ndarray  # each type's share of the training answers
    embedder: str  # the embedding model whose vectors it reads
    meta: dict[str, Any]

    def probabilities(self, inputs: np.ndarray) -> np.ndarray:
        """Return P(type | question) for each of TYPES, from `type_inputs`."""
        logits = self.weights @ inputs + self.bias
        logits -= logits.max()
        exps = np.exp(logits)
        return exps / exps.sum()

    def fits(self, embedder: str, dimension: int) -> bool:
        """Return True when the model reads vectors of this embedding model, on any backend."""
        return (model_of(embedder) == model_of(self.embedder)
                and 2 * dimension + len(KINDS) == self.weights.shape[1])

    def lifts(self, inputs: np.ndarray, limit: float) -> dict[str, float]:
        """Return log(P(type | question) / P(type)) per type, within +-`limit`."""
        ratio = np.clip(np.log(self.probabilities(inputs) / self.prior), -limit, limit)
        return {t: float(r) for t, r in zip(TYPES, ratio, strict=True)}

    def save(self, path: Path = MODEL) -> Path:
        """Write the model as JSON, its weights rounded to 5 decimals."""
        body = {"meta": self.meta, "embedder": self.embedder, "types": list(TYPES),
                "kinds": list(KINDS),
                "prior": [round(float(p), 6) for p in self.prior],
                "bias": [round(float(b), 5) for b in self.bias],
                "weights": [[round(float(w), 5) for w in row] for row in self.weights]}
        path.write_text(json.dumps(body, separators=(",", ":")) + "\n", encoding="utf-8")
        return path


@cache
def load_types(path: Path = MODEL) -> TypeModel | None:
    """Load the answer-type model (the shipped one by default); None when there is none."""
    if not path.is_file():
        return None
    body = json.loads(path.read_text(encoding="utf-8"))
    if tuple(body["types"]) != TYPES or tuple(body["kinds"]) != tuple(KINDS):
        raise ValueError(f"{path} was fitted for other answer types or question kinds")
    return TypeModel(np.array(body["weights"], dtype=np.float64),
                     np.array(body["bias"], dtype=np.float64),
                     np.array(body["prior"], dtype=np.float64), body["embedder"], body["meta"])


def no_lift() -> dict[str, float]:
    """Return the lifts that say nothing."""
    return dict.fromkeys(TYPES, 0.0)

