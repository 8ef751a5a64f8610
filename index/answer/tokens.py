"""A parsed sentence's tokens as plain tuples, read once and kept with its Doc.

spaCy makes a new Token object at every access; a sentence's twenty-odd candidate phrases
(`index.answer.features`, `index.answer.phrases`) each read most of its tokens several times.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from index.terms import stem

_TOKENS = "newsdesk.tokens"  # Doc.user_data key of the table
_TEXT = "newsdesk.text"  # Doc.user_data key of the doc's text


@dataclass(frozen=True)
class Tokens:
    """What the phrase features read of each token of a parsed sentence, by token index."""

    text: tuple[str, ...]
    lower: tuple[str, ...]
    stems: tuple[str, ...]
    space: tuple[bool, ...]  # followed by whitespace
    punct: tuple[bool, ...]
    number: tuple[bool, ...]  # like_num
    content: tuple[bool, ...]  # a word or number, no stop word (what `novelty` counts)
    pos: tuple[str, ...]
    tag: tuple[str, ...]
    lemma: tuple[str, ...]  # lower-cased
    entity: tuple[str, ...]  # ent_type_
    stop: tuple[bool, ...]
    edges: tuple[tuple[int, int], ...]  # (left_edge.i, right_edge.i)
    ents: tuple[Span, ...]
    chunks: tuple[Span, ...]
    head: tuple[int, ...]  # head.i (a sentence's root heads itself)
    dep: tuple[str, ...]
    depth: tuple[int, ...]  # arcs to the sentence's root (a bare punctuation mark: the most)

    def root(self, start: int, end: int) -> int:
        """Return the index of the span's head word, as spaCy's `Span.root` finds it.

        A sentence root inside the span, else the first of the words whose head is outside
        it that is fewest arcs from the root, else the span's first word.
        """
        head = self.head
        found = next((i for i in range(start, end) if head[i] == i), None)
        if found is not None:
            return found
        best, depth = start, len(head)
        for i in range(start, end):
            if not start <= head[i] < end and self.depth[i] < depth:
                best, depth = i, self.depth[i]
        return best

    def children(self, i: int) -> list[int]:
        """Return the indices of the words whose head is word `i`, in order."""
        return [j for j, h in enumerate(self.head) if h == i and j != i]

    def before(self, start: int, count: int) -> str:
        """Return the text of the `count` tokens before `start`, as the doc spells it."""
        first = max(0, start - count)
        return "".join(self.text[i] + (" " if self.space[i] and i < start - 1 else "")
                       for i in range(first, start))


# Verbs that carry little of a question's meaning: "how many buses is it getting?"; "what does
# 'Pax Mongolica' mean?" asks its meaning however a sentence gives it ("Pax Mongolica ('Mongol
# peace')").
LIGHT_VERBS = frozenset("be have do get go make take happen mean".split())


def is_verb(token: Token) -> bool:
    """Return True for a verb, or a question's root word that a form of "do" props up.

    Whatever the tagger says, "did" and "does" prop up a verb: "when did the strike end?",
    "when does the vote close?" (tagged a noun, an adjective).
    """
    return token.pos_ == "VERB" or (
        token.dep_ == "ROOT" and token.pos_ in {"NOUN", "ADJ", "ADV"} and any(
            c.dep_ == "aux" and c.lemma_.lower() == "do" and c.i < token.i
            for c in token.children))


def text_of(doc: Doc) -> str:
    """Return a parsed sentence's text (made once, kept with the doc).

    spaCy's `Doc.text` joins every token's text at each access; the answer stages ask a
    sentence's text for each of its candidate phrases.
    """
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def tokens(doc: Doc) -> Tokens:
    """Return the token table of a parsed sentence (made once, kept with the doc)."""
    table = doc.user_data.get(_TOKENS)
    if table is None:
        table = _table(doc)
        doc.user_data[_TOKENS] = table
    return table


def _table(doc: Doc) -> Tokens:
    """Read every token of a doc once (spaCy makes a new Token object at each access)."""
    rows = [(t.text, t.lower_, bool(t.whitespace_), t.is_punct, t.like_num, t.is_alpha,
             t.is_stop, t.pos_, t.tag_, t.lemma_.lower(), t.ent_type_,
             (t.left_edge.i, t.right_edge.i), t.head.i, t.dep_,
             t.is_space and not t.n_lefts and not t.n_rights,
             t.is_punct and not t.n_lefts and not t.n_rights) for t in doc]
    (text, lower, space, punct, number, alpha, stop, pos, tag, lemma, entity, edges, head, dep,
     bare_space, bare_punct) = (tuple(column) for column in zip(*rows, strict=True)) if rows \
        else ((),) * 16
    return Tokens(
        text=text, lower=lower, stems=tuple(stem(w) for w in text), space=space, punct=punct,
        number=number,
        content=tuple((a or n) and not s for a, n, s in zip(alpha, number, stop, strict=True)),
        pos=pos, tag=tag, lemma=lemma, entity=entity, stop=stop, edges=edges,
        ents=tuple(doc.ents), chunks=tuple(doc.noun_chunks), head=head, dep=dep,
        depth=tuple(len(doc) - 1 if bare_punct[i] or bare_space[i] else _depth(head, i)
                    for i in range(len(text))))


def _depth(head: tuple[int, ...], i: int) -> int:
    """Return how many arcs word `i` is from its sentence's root."""
    steps = 0
    while head[i] != i and steps <= len(head):
        i, steps = head[i], steps + 1
    return steps
