"""Who-is questions: what the coverage says a name is.

"who is Teodor Valich?" asks for no name: it names one, and wants the words the coverage says
beside it (`Question.described`). They are read off the parse of every chosen sentence that
names him: a title before the name ("Kessarian President Teodor Valich"), an apposition after
it ("Colm Hardacre, Brightwell's managing director") or before it ("Brightwell's managing
director, Colm Hardacre"), and what a copula says he is ("Valich is the president of
Kessaria", "Sayle, who was Norland's ambassador"). The answer is the description the most
sources give, counted by its head noun ("Kessarian President" and "the president of
Kessaria" are one; of a tie, the fuller, then the one of the better sentence), and given in
the fullest form two sources give; its sentences are cited.
None found, and the question is read as any other.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc, Span, Token

from index.answer.analysis import Analysis
from index.answer.citing import Citations
from index.answer.config import AnswerConfig
from index.answer.parsing import Parser
from index.answer.roles import ROLES
from index.answer.sentences import Sentence
from index.models import MAX_WORDS, Answer

_TITLE = frozenset({"compound", "amod", "nmod", "poss"})  # a title's place before a name
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "sir", "dame"})  # say no more


def profile(analysis: Analysis, ranked: list[Sentence], config: AnswerConfig,
            parser: Parser | None = None) -> Answer | None:
    """Answer a "who is X?" question with what the most sources say X is, or None."""
    name = analysis.question.described
    if not name:
        return None
    last = name.split()[-1]
    chosen = [s for s in ranked[: config.scanned] if last in s.text]
    if not chosen:
        return None
    said: dict[str, list[tuple[str, Sentence]]] = defaultdict(list)  # by head noun
    for sentence, doc in zip(chosen, (parser or Parser()).parse([s.text for s in chosen]),
                             strict=True):
        for description, head in _descriptions(doc, name):
            said[head].append((description, sentence))
    if not said:
        return None
    order = {id(s): i for i, s in enumerate(chosen)}

    def weight(head: str) -> tuple[int, int, int, int]:  # sources, mentions, words, rank
        found = said[head]
        return (_sources(found), len(found), max(len(d.split()) for d, _ in found),
                -min(order[id(s)] for _, s in found))

    best = said[max(said, key=weight)]
    forms: dict[str, list[tuple[str, Sentence]]] = defaultdict(list)
    for description, sentence in best:
        forms[_key(description)].append((description, sentence))
    backed = [k for k in forms if _sources(forms[k]) >= 2]
    shown = (max(backed, key=lambda k: (len(k.split()), _sources(forms[k]))) if backed
             else max(forms, key=lambda k: (_sources(forms[k]), len(k))))
    description, sentence = forms[shown][0]
    citations = Citations(config.cited)
    citations.cite([s for _, s in forms[shown]] + [s for _, s in best], sentence.score)
    return Answer(analysis.text, True, description, sentence.text, False,
                  tuple(citations.items), support=_sources(best))


def descriptions(doc: Doc, name: str) -> list[str]:
    """Return what a parsed sentence says the person or body `name` is, as written."""
    return [text for text, _ in _descriptions(doc, name)]


def _descriptions(doc: Doc, name: str) -> list[tuple[str, str]]:
    """Return what a parsed sentence says `name` is, each with its head noun (lower-case)."""
    parts = set(name.split())
    found: list[tuple[str, str]] = []
    for token in doc:
        if token.text != name.split()[-1]:
            continue
        start = token.i
        while start > 0 and doc[start - 1].text in parts:
            start -= 1
        found.extend(_said(doc, token, start))
    return [d for d in dict.fromkeys(found) if d[0]]


def _said(doc: Doc, token: Token, start: int) -> list[tuple[str, str]]:
    """Return the descriptions of the name that ends with `token` and starts at `start`."""
    out: list[tuple[str, str]] = []
    title = [c for c in token.lefts if c.i < start and c.dep_ in _TITLE]
    if title:
        out.append(_described(doc[min(c.left_edge.i for c in title):start]))
    for child in token.rights:
        if child.dep_ == "appos":
            out.append(_described(doc[child.left_edge.i:child.right_edge.i + 1]))
    if token.dep_ == "appos" and token.head.i < start:
        head = token.head
        modifiers = [c for c in head.lefts if c.dep_ in _TITLE | {"det", "nummod"}]
        out.append(_described(doc[min((c.left_edge.i for c in modifiers), default=head.i)
                                  :head.i + 1]))
    for clause in (c for c in token.rights if c.dep_ == "relcl" and c.lemma_ == "be"):
        out.extend(_described(doc[c.left_edge.i:c.right_edge.i + 1])
                   for c in clause.rights if c.dep_ == "attr")  # "..., who was ambassador"
    if token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_ == "be":
        for child in token.head.rights:
            if child.dep_ == "attr":
                out.append(_described(doc[child.left_edge.i:child.right_edge.i + 1]))
    return out


def _described(span: Span) -> tuple[str, str]:
    """Return a span as a description and its head word, lower-cased; ("", "") if none.

    A description holds a common noun or a role, and no other person's name; it is cut to the
    answer's length.
    """
    while len(span) and span[0].tag_ in {"WP", "WP$", "WDT"}:  # "whose operator"
        span = span[1:]
    words = [t for t in span if not t.is_punct]
    if not words or all(t.lower_.rstrip(".") in _HONORIFICS for t in words):
        return "", ""
    if not any((t.pos_ == "NOUN" and t.text.islower()) or t.lower_ in ROLES for t in words):
        return "", ""  # "Norland's", a name alone: not what the name is
    if any(t.ent_type_ == "PERSON" for t in words):
        return "", ""  # it names another person: "Stroud's deputy" says more of Stroud
    text = span.text.strip(" ,;:\"'()")
    return " ".join(text.split()[:MAX_WORDS]), span.root.lemma_.lower()


def _key(description: str) -> str:
    """Return what makes two descriptions one: case and a leading article aside."""
    words = description.lower().split()
    return " ".join(words[1:] if words[0] in {"the", "a", "an"} else words)


def _sources(found: list[tuple[str, Sentence]]) -> int:
    """Return how many distinct sources give a description."""
    return len({s.hit.passage.source for _, s in found})
