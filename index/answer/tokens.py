"""A parsed sentence's tokens as plain tuples, read once and kept with its Doc.

spaCy makes a new Token object at every access; a sentence's twenty-odd candidate phrases
(`index.answer.features`, `index.answer.phrases`) each read most of its tokens several times.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

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
        table = Tokens(
            text=tuple(t.text for t in doc), lower=tuple(t.lower_ for t in doc),
            stems=tuple(stem(t.text) for t in doc),
            space=tuple(bool(t.whitespace_) for t in doc),
            punct=tuple(t.is_punct for t in doc), number=tuple(t.like_num for t in doc),
            content=tuple((t.is_alpha or t.like_num) and not t.is_stop for t in doc),
            pos=tuple(t.pos_ for t in doc), tag=tuple(t.tag_ for t in doc),
            lemma=tuple(t.lemma_.lower() for t in doc),
            entity=tuple(t.ent_type_ for t in doc), stop=tuple(t.is_stop for t in doc),
            edges=tuple((t.left_edge.i, t.right_edge.i) for t in doc),
            ents=tuple(doc.ents), chunks=tuple(doc.noun_chunks),
            head=(head := tuple(t.head.i for t in doc)), dep=tuple(t.dep_ for t in doc),
            depth=tuple(len(doc) - 1 if (t.is_punct or t.is_space) and not t.n_lefts
                        and not t.n_rights else _depth(head, t.i) for t in doc))
        doc.user_data[_TOKENS] = table
    return table


def _depth(head: tuple[int, ...], i: int) -> int:
    """Return how many arcs word `i` is from its sentence's root."""
    steps = 0
    while head[i] != i and steps <= len(head):
        i, steps = head[i], steps + 1
    return steps
