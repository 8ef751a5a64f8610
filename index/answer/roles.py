"""The role a question asks to fill, and the words said beside a name.

"who's the trade minister?" asks for whoever holds a role; "who operates the dam?" asks for
whoever does something. Two names are two accounts of one fact only as holders of the role
asked about (`index.answer.disagreement`): "Trade Minister Owen Balcombe" and "Fiona Ruddick,
the trade minister".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from index.terms import STOPWORDS, WORD

# Nouns that name a person by role: "which judge", "what minister" ask for a person.
ROLES = frozenset("""
    judge justice minister premier president chancellor mayor governor senator councillor
    councilor mp official officer executive exec ceo chief boss head chair chairman chairwoman
    chairperson director manager leader spokesperson spokesman spokeswoman secretary ambassador
    envoy commissioner lawyer prosecutor founder owner author writer inventor scientist
    researcher economist analyst coach player captain king queen prince princess emperor pope
    bishop general admiral commander architect engineer artist singer actor actress composer
    poet doctor person man woman""".split())
GENERIC_ROLES = frozenset({"person", "man", "woman"})  # ask for a person, but hold no role
# Roles many hold at once (an occupation), unlike a post that one holds (a chair, a minister)
OCCUPATIONS = frozenset("""
    lawyer author writer inventor scientist researcher economist analyst player architect
    engineer artist singer actor actress composer poet doctor official officer""".split())
_ASKING = frozenset({"which", "what", "whose"})


def question_role(doc: Doc) -> str:
    """Return the role a parsed question asks to fill, lower-cased, or "".

    The role noun is what the question word asks about: "who's the trade minister", "which
    judge", "who quit as transit boss", "who was named interim chief executive", "what is the
    finance chief called". Its
    lower-case modifiers come with it; names do not ("Kessaria's commerce minister" ->
    "commerce minister", "the Metro CEO" -> "ceo"). A role noun doing something else in the
    question ("who did the prime minister meet?") is not asked for (nor a role said by a verb:
    `held_role`).
    """
    for token in doc:
        if token.pos_ not in {"NOUN", "PROPN"} or not _is_role(token):
            continue
        asked = (token.dep_ in {"attr", "oprd"} or _led(token) or _called_what(token)
                 or (token.dep_ == "pobj" and token.head.lower_ == "as"))
        if asked:
            modifiers = [c.lower_ for c in token.lefts
                         if c.dep_ in {"amod", "compound", "nmod"} and c.text.islower()]
            return " ".join([*modifiers, token.lower_])
    return ""


def role_owner(doc: Doc, role: str) -> str:
    """Return the common noun whose role a question asks, lower-cased, or "".

    "who is the regulator's chair?", "who is the chair of the regulator?" and "who chairs the
    regulator?" -> "regulator". A name is no common noun ("Trennick's chairman":
    `clashes.owners`).
    """
    head = role.split()[-1] if role else ""
    for token in doc:
        if token.lower_ == head and token.pos_ in {"NOUN", "PROPN"}:
            owners = [c for c in token.children if c.dep_ == "poss"]
            owners += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"]
        elif _HELD.get(token.lemma_.lower()) == role and token.pos_ == "VERB":
            owners = [c for c in token.children if c.dep_ == "dobj"]  # "who leads the union?"
        else:
            continue
        return next((o.lower_ for o in owners if o.pos_ == "NOUN"), "")
    return ""


def held_role(doc: Doc) -> str:
    """Return the role a question asks for by a verb in the present, or "".

    "who chairs the council?", "who manages Rovers?" ask for its chair, its manager (`_HELD`);
    "who chaired the meeting?" asks who did it, whatever their title.
    """
    for token in doc:
        if (token.tag_ in {"VBZ", "VBP"} and token.lemma_.lower() in _HELD
                and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in token.children)):
            return _HELD[token.lemma_.lower()]
    return ""


# Verbs that name a role when asked in the present of whoever does them: "who chairs the
# council?", "who manages Rovers?", "who heads the regulator?" ask for its chair, its manager,
# its head; "who chaired the meeting?" asks who did it, whatever their title.
_HELD = {"chair": "chair", "manage": "manager", "coach": "coach", "captain": "captain",
         "head": "head", "lead": "leader"}


def _led(token: Token) -> bool:
    """Return True when "which", "what" or "whose" leads to the noun ("which Chinese premier").

    Read from the words as well as from the parse: spaCy's small model often parses a
    question's noun phrase wrong.
    """
    if any(c.lower_ in _ASKING for c in token.children):
        return True
    before = token.doc[max(0, token.i - 2):token.i]
    return any(t.lower_ in _ASKING and all(u.pos_ in {"ADJ", "NOUN", "PROPN"}
                                              for u in token.doc[t.i + 1:token.i])
               for t in before)


def _called_what(token: Token) -> bool:
    """Return True when the question asks what the noun is called: "what's the CEO called?"."""
    verb = token.head
    return (token.dep_ in {"nsubj", "nsubjpass"} and verb.lemma_.lower() == "call"
            and any(t.lower_ == "what" for t in verb.subtree if t.i < token.i))


def _is_role(token: Token) -> bool:
    word = token.lemma_.lower() if token.lower_ not in ROLES else token.lower_
    return word in ROLES and word not in GENERIC_ROLES


def beside(name: list[str], text: str, window: int) -> list[list[str]]:
    """Return the content words within `window` of each place `text` states the name.

    `name` is its words, lower-cased; the window counts every word, stop words too.
    """
    words = [w.lower() for w in WORD.findall(text)]
    found = []
    for i in range(len(words) - len(name) + 1):
        if words[i:i + len(name)] == name:
            near = words[max(0, i - window):i] + words[i + len(name):i + len(name) + window]
            found.append([w for w in near if w not in STOPWORDS])
    return found
