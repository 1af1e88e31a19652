"""One slot to fill and what the case resolver knows about it while its rules run.

``Request`` is the question (a sentence, the slot's span, the term, the found form and the
English cues), ``Decision`` the answer; ``_State`` carries the readings still possible and the
views of the sentence the rules share: its tokens, the noun phrase the slot heads, the list it
is a member of, and the tagger's probe and parse, computed once (``case.py`` runs the rules).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Term
from . import enumeration, morph
from .grammar import CASES, _head_word, adjective_cases, form_readings, term_gender, term_number

Reading = tuple[str, str, "str | None"]  # (case, number, gender)

_TOKEN = re.compile(r"[\w\u0300-\u036f]+(?:[-\u2010\u2011'’][\w\u0300-\u036f]+)*|[^\w\s]")
_CYR = re.compile(r"[а-яёіїєґ]", re.I)
# A word the tagger's vocabulary lacks, shaped like a name: its tag comes from the context alone.
_UNKNOWN = "Зыкурия"


@dataclass(frozen=True)
class Request:
    """One slot to fill: ``text[start:stop]`` in a sentence, for ``term``."""

    text: str
    start: int
    stop: int
    term: Term
    found: str = ""  # the forbidden form there (fix), "" for a placeholder
    suffix: str = ""  # the ending a model put on a placeholder («ZX1-ом» → «ом»)
    en_before: str = ""  # English word before the term in the aligned source ("in", "to", ...)
    en_after: str = ""  # the two characters after it ("'s")
    number: str | None = None  # known number (English plural), else the term's own
    pending: tuple = ()  # (start, stop) of other slots not filled yet: no cue for this one


@dataclass(frozen=True)
class Decision:
    case: str
    number: str
    gender: str | None
    rule: str  # the rule that decided
    cue: str  # what it saw
    uncertain: bool = False
    scores: dict = field(default_factory=dict, compare=False)  # model share per case, when the model ranked

    def to_dict(self) -> dict:
        out = {"case": self.case, "rule": self.rule, "cue": self.cue, "uncertain": self.uncertain}
        if self.scores:
            out["scores"] = {c: round(p, 3) for c, p in self.scores.items()}
        return out


@dataclass
class _State:
    req: Request
    readings: list  # still possible (case, number, gender), most likely first
    tokens: list  # (start, stop, text) of the sentence
    slot: tuple[int, int]  # token index range of the slot
    trail: list = field(default_factory=list)  # (rule, cue) of every rule that narrowed
    probe: tuple | None = None  # (words, slot index) of the context probe
    tree: list | None = None  # the parser's (head, rel) per probe word
    bare: bool = False  # the found form says nothing about case («Харкив» in any case)
    use_model: bool = True
    left: int | None = None  # token index where the slot's noun phrase starts (agreeing adjectives)
    listing: tuple | None = None  # (the enumeration the slot is a member of, or None,)

    @property
    def cases(self) -> set[str]:
        return {r[0] for r in self.readings}

    def narrow(self, cases, rule: str, cue: str) -> bool:
        kept = [r for r in self.readings if r[0] in cases]
        if kept and len(kept) < len(self.readings):
            self.readings = kept
            self.trail.append((rule, cue))
            return True
        return False

    def before(self, k: int = 1) -> str:
        i = self.slot[0] - k
        return self.tokens[i][2] if i >= 0 else ""

    def start(self) -> int:
        """Token index of the slot's noun phrase: the slot with the adjectives that agree with it."""
        if self.left is None:
            self.left = self.slot[0] - len(_agreeing_adjectives(self))
        return self.left

    def governor(self) -> str:
        """The word before the slot's noun phrase (where a preposition would be), lowercased."""
        i = self.start() - 1
        return self.tokens[i][2].lower() if i >= 0 else ""

    def enumeration(self) -> "enumeration.Enumeration | None":
        """The enumeration the slot is a member of («в Германии, Франции и Польше»), if any."""
        if self.listing is None:
            self.listing = (enumeration.find([t[2] for t in self.tokens], self.start(), self.slot[1]),)
        return self.listing[0]

    def member(self) -> int:
        """The slot's index among its enumeration's members."""
        return next(k for k, m in enumerate(self.enumeration().members) if m.start <= self.slot[0] < m.stop)

    def after(self, k: int = 1) -> str:
        i = self.slot[1] + k - 1
        return self.tokens[i][2] if i < len(self.tokens) else ""

    def pending(self, k: int) -> bool:
        """Whether token ``k`` belongs to another slot still waiting for its case."""
        s, e, _ = self.tokens[k]
        return any(s < stop and e > start for start, stop in self.req.pending)


def _agreeing_adjectives(st: _State) -> list[str]:
    """The adjectives (and participles) right before the slot that can agree with the name."""
    out = []
    i = st.slot[0] - 1
    while i >= 0 and len(out) < 3:
        word = st.tokens[i][2]
        if not _CYR.search(word) or not adjective_cases(word, st.readings[0][1], term_gender(st.req.term)):
            break
        if morph.parse(word)[0].tag.POS == "NOUN":
            break  # an adjective used as a noun («сборная Италии»): it governs the name, no agreement
        out.insert(0, word)
        i -= 1
    return out


def _initial(req: Request) -> _State:
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(req.text)]
    idx = [i for i, (s, e, _) in enumerate(tokens) if s < req.stop and e > req.start]
    slot = (idx[0], idx[-1] + 1) if idx else (len(tokens), len(tokens))
    own = req.number or term_number(req.term)
    trail = []
    readings: list = []
    if req.found:
        readings = form_readings(req.found, req.term)
        bare = not morph.is_known(_head_word(req.found)) and _bare(req.found, req.term)
        if bare:
            # An unknown spelling with the name's bare ending («Харкив») says nothing about case.
            gender = readings[0][2] if readings else None
            readings = [(c, own, gender) for c in CASES]
        elif readings:
            same = [r for r in readings if r[1] == own]
            readings = same or readings
            trail.append(("form", f"«{req.found}»: " + "/".join(dict.fromkeys(r[0] for r in readings))))
    if not readings:
        readings = [(c, own, None) for c in CASES]
    return _State(req, readings, tokens, slot, trail, bare=bool(req.found) and not trail)


def _bare(found: str, term: Term) -> bool:
    """Whether an unknown spelling ends like the name's nominative (no case ending of its own)."""
    from .grammar import _loose_prefix

    head = morph.norm(_head_word(found))
    bases = [morph.norm(_head_word(f)) for f in (*term.forbidden, term.ru)]
    return any(_loose_prefix(head, b) >= len(b) and len(head) == len(b) for b in bases)


def _probe_words(st: _State, form: str | None) -> list[str]:
    """The sentence's words with the slot filled by ``form`` (the text as it is if None)."""
    toks = [t[2] for t in st.tokens]
    if form is None:
        return toks
    return toks[:st.slot[0]] + form.split() + toks[st.slot[1]:]


def _context(st: _State) -> tuple[list[str], int]:
    """The sentence as the tagger reads the slot's context: the found form as it is, or one
    unknown word of a name's shape for a placeholder; and the slot's word index in it."""
    if st.probe is None:
        if st.req.found and not st.bare:
            st.probe = (_probe_words(st, None), st.slot[0])
        else:
            st.probe = (_probe_words(st, _UNKNOWN), st.slot[0])
    return st.probe


def _is_pending(st: _State, j: int) -> bool:
    """Whether probe word ``j`` belongs to another slot still waiting for its case."""
    shift = (st.slot[1] - st.slot[0]) - 1 if not st.req.found or st.bare else 0
    k = j if j < st.slot[0] else j + shift  # back to a token of the text
    return k < len(st.tokens) and st.pending(k)


def _tree(st: _State) -> list:
    from . import tagger

    if st.tree is None:
        st.tree = tagger.parse(_context(st)[0])
    return st.tree
