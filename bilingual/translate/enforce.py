"""Glossary enforcement: the one mechanism behind ``translate`` and ``fix``.

Translation protects each English glossary term behind a numbered placeholder
(``ZX1``: no ``_``, which Argos's detokeniser turns into a space), checks that
the model kept every placeholder exactly once and in order, and puts back the
term's Russian form in the case and number the sentence needs. When a model
mangles the placeholders, the sentence is translated again unprotected and
corrected like an existing Russian text.

Correcting (``fix``, and that fallback) replaces forbidden renderings with the
allowed form. Which case and number each slot needs — a placeholder or a
forbidden form, ambiguous («Молдавии») or telling nothing («Харкив») — is
decided by ``russian.case`` (named rules, then the trained tagger); this module
keeps placeholders, the fallback, and which characters a replacement may touch
(``russian.surface``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace

from ..model import Glossary, Term, TermHit
from ..sources.normalize import normalize
from ..russian import morph
from ..russian.case import Decision, Request, resolve
from ..russian.surface import name_part, put_stress, strip_marks, stressed_vowel
from ..russian.grammar import (  # noqa: F401  (re-exported: the grammar's old home)
    CASES, PREPOSITIONS, VERB_CASES, _cap_like, _head_word, _is_adjective, _loose_prefix,
    form_readings, render, suffix_cases, term_number,
)

PLACEHOLDER = "ZX{}"
# What models make of "ZX3": kept, spaced, or written with Cyrillic look-alikes, and sometimes
# declined like a noun («ZX3-а», «ZX3ом»): the ending is taken along and read as a case cue.
_PLACEHOLDER_RE = re.compile(r"(?<![\w])[ZzЗз]\s?[XxХх]\s?(\d{1,3})(?!\d)(?:-?([а-яё]{1,3})(?![\w]))?")
_WORD = re.compile(r"[\w\u0300-\u036f]+(?:[-'’][\w\u0300-\u036f]+)*")
_CYR = re.compile(r"[а-яёіїєґ]", re.I)



@dataclass(frozen=True)
class Replacement:
    old: str
    new: str
    term: str  # the English glossary term
    start: int  # offsets into the corrected text
    stop: int
    case: str | None = None
    decision: Decision | None = field(default=None, compare=False)

    def to_dict(self) -> dict:
        out = {"old": self.old, "new": self.new, "term": self.term, "case": self.case}
        if self.decision is not None:
            out.update(rule=self.decision.rule, cue=self.decision.cue, uncertain=self.decision.uncertain)
        return out


@dataclass(frozen=True)
class Slot:
    number: int
    term: Term
    en_form: str
    en_before: str  # the English word before the term, lowercased ("in", "to", ...)


@dataclass(frozen=True)
class Protected:
    source: str
    text: str  # what the model sees
    slots: tuple[Slot, ...] = ()
    literal: frozenset[int] = frozenset()  # placeholder numbers the source itself has («ZX1» in the text)
    skipped: bool = False  # terms found but left unprotected


@dataclass(frozen=True)
class Enforced:
    text: str
    replacements: tuple[Replacement, ...] = ()
    method: str = "none"  # none | placeholders | fallback | corrected | unprotected
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        return {"method": self.method, "replacements": [r.to_dict() for r in self.replacements],
                "notes": list(self.notes)}


# ------------------------------------------------------------------ the enforcer


class Enforcer:
    """Protect/restore for translation and correct for fix, over one glossary."""

    def __init__(self, glossary: Glossary | None, *, use_model: bool = True):
        self.glossary = glossary
        # Without the model, cases come from the rules alone (the first reading they leave).
        self.use_model = use_model
        if glossary is not None and len(glossary):
            from ..glossary import matcher_for

            self.matcher = matcher_for(glossary)
        else:
            self.matcher = None

    # -- translation

    def protect(self, source: str) -> Protected:
        if self.matcher is None:
            return Protected(source, source)
        hits = self.matcher.find_en(source)
        if not hits:
            return Protected(source, source)
        # Text that already holds a placeholder-like token («ZX1») keeps it; the placeholders
        # take numbers it doesn't use, and restoring skips the literal ones.
        literal = frozenset(int(m.group(1)) for m in _PLACEHOLDER_RE.finditer(source))
        numbers = [n for n in range(1, 1000) if n not in literal][:len(hits)]
        if len(numbers) < len(hits):  # no free numbers: the model's rendering is corrected instead
            return Protected(source, source, literal=literal, skipped=True)
        parts, slots, last = [], [], 0
        for n, hit in zip(numbers, hits):
            before = _EN_WORDS.findall(source[:hit.start])
            parts.append(source[last:hit.start])
            parts.append(PLACEHOLDER.format(n))
            last = hit.stop
            slots.append(Slot(n, hit.term, hit.form, _en_cue(before)))
        parts.append(source[last:])
        return Protected(source, "".join(parts), tuple(slots), literal)

    def restore(self, protected: Protected, mt: str) -> Enforced | None:
        """Put the terms back into the model's output; None when the placeholders didn't survive."""
        if not protected.slots:
            return self.correct(mt, method="unprotected" if protected.skipped else "none")
        found = [m for m in _PLACEHOLDER_RE.finditer(mt) if int(m.group(1)) not in protected.literal]
        numbers = [int(m.group(1)) for m in found]
        if numbers != [s.number for s in protected.slots]:
            return None  # dropped, duplicated, invented or reordered
        # The sentence as the case resolver sees it: every placeholder holds its name in the
        # nominative until its own turn, then the form decided for it.
        parts, spans, last = [], [], 0
        for m, slot in zip(found, protected.slots):
            parts.append(mt[last:m.start()])
            start = sum(len(p) for p in parts)
            parts.append(slot.term.ru)
            spans.append([start, start + len(slot.term.ru)])
            last = m.end()
        parts.append(mt[last:])
        view = "".join(parts)
        reps = []
        for k, (m, slot) in enumerate(zip(found, protected.slots)):
            start, stop = spans[k]
            number = "plur" if _en_plural(slot) else None
            decision = resolve(Request(view, start, stop, slot.term, suffix=m.group(2) or "",
                                       en_before=slot.en_before, en_after=_en_after(protected.source, slot),
                                       number=number, pending=tuple(tuple(sp) for sp in spans[k + 1:])),
                             use_model=self.use_model)
            new = render(slot.term, decision.case, decision.number)
            if not view[:start].strip() or view[:start].rstrip()[-1:] in ".!?\"«":
                new = new[:1].upper() + new[1:]
            view = view[:start] + new + view[stop:]
            shift = len(new) - (stop - start)
            for later in spans[k + 1:]:
                later[0] += shift
                later[1] += shift
            reps.append(Replacement(m.group(0), new, slot.term.en, start, start + len(new), decision.case,
                                    decision))
        checked = self.correct(view, method="placeholders")
        return Enforced(checked.text, tuple(reps) + checked.replacements, "placeholders")

    # -- correcting an existing Russian text (fix, and the fallback)

    def correct(self, ru: str, *, en: str | None = None, method: str = "corrected") -> Enforced:
        """Replace forbidden renderings in ``ru`` with the allowed form, inflected like them."""
        if self.matcher is None:
            return Enforced(ru, (), method)
        hits = [h for h in self.matcher.find_ru(ru) if h.kind == "forbidden"]
        if not hits:
            return Enforced(ru, (), method)
        en_before = self._english_cues(en) if en else {}
        out, reps, notes, last, shift = [], [], [], 0, 0
        for n, hit in enumerate(hits):
            hit, kept = _name_only(hit)
            if hit is None:
                notes.append(f"«{kept}» is derived from a forbidden form; left as it is")
                continue
            # the case is read off the form as a reader sees it: a soft hyphen or a look-alike
            # letter must not change it («в Мол\u00adдавии» is prepositional, like «в Молдавии»)
            seen = unicodedata.normalize("NFC", normalize(hit.form, stress=False).text)
            # The sentence as the resolver sees it: earlier names already in their decided form
            # (a list «в Германії, Франції …» reads its members' cases); later ones the dictionary
            # doesn't know are pending (their spelling is no cue), known ones are read as written.
            view = "".join(out) + ru[last:]
            at = replace(hit, start=hit.start + shift, stop=hit.stop + shift)
            pending = tuple((h.start + shift, h.stop + shift) for h in hits[n + 1:]
                            if not morph.is_known(_head_word(h.form)))
            new, decision = self.replacement_for(view, replace(at, form=seen) if seen != hit.form else at,
                                                 en_before.get(hit.term.en, ""), pending=pending)
            if new is None:
                notes.append(f"«{hit.form}»: no allowed form to put in its place; left as it is")
                continue
            if new == hit.form:
                continue
            out.append(ru[last:hit.start])
            out.append(new)
            start = hit.start + shift
            reps.append(Replacement(hit.form, new, hit.term.en, start, start + len(new), decision.case, decision))
            shift += len(new) - len(hit.form)
            last = hit.stop
        out.append(ru[last:])
        return Enforced("".join(out), tuple(reps), method, tuple(notes))

    def _english_cues(self, en: str) -> dict[str, str]:
        """English term -> the word before it in the aligned English sentence."""
        cues = {}
        for hit in self.matcher.find_en(en):
            before = _EN_WORDS.findall(en[:hit.start])
            cues.setdefault(hit.term.en, _en_cue(before))
        return cues

    def _adjective_term(self, found: str) -> Term | None:
        """The glossary's adjective whose forbidden spelling ``found`` is a form of, if any."""
        head = _head_word(found)
        best, best_len = None, 4
        for term in self.matcher.terms:
            if not _is_adjective(_head_word(term.ru)):
                continue
            for form in term.forbidden:
                n = _loose_prefix(head, _head_word(form))
                if n > best_len:
                    best, best_len = term, n
        return best

    def replacement_for(self, text: str, hit: TermHit, en_before: str = "",
                        pending: tuple = ()) -> tuple[str | None, Decision | None]:
        """The allowed form to write over ``hit`` and the decision behind its case."""
        term = hit.term
        if _is_adjective(_head_word(hit.form)) and not _is_adjective(_head_word(term.ru)):
            # «київського» matched Kyiv's forbidden «Київ»: never put a noun in an adjective's place.
            term = self._adjective_term(hit.form)
            if term is None:
                return None, None
            hit = TermHit(term, hit.start, hit.stop, hit.form, hit.kind)
        # A stress accent on the found word («Молда́вией») must not hide its case: the cues read
        # the word without it, and the replacement gets it back on the same vowel.
        clean = strip_marks(hit.form)
        stress = stressed_vowel(hit.form) if clean != hit.form else None
        probe = text[:hit.start] + clean + text[hit.stop:]
        shift = len(clean) - len(hit.form)
        pending = tuple((s + shift, e + shift) if s >= hit.stop else (s, e) for s, e in pending)
        decision = resolve(Request(probe, hit.start, hit.start + len(clean), hit.term, found=clean,
                                   en_before=en_before, pending=pending), use_model=self.use_model)
        new = _cap_like(clean, render(hit.term, decision.case, decision.number, decision.gender))
        return (put_stress(new, stress) if stress is not None else new), decision


_EN_WORDS = re.compile(r"[A-Za-z]+")
# «to» that is part of a longer preposition («according to Russia»: «по данным России»)
_EN_TO_PHRASES = frozenset("according due owing close closer next prior compared similar thanks relative addition "
                           "respect regard reference contrary opposed pursuant up back".split())


def _en_cue(before: list[str]) -> str:
    """The English word before a term, lowercased; «according to» and the like as two words."""
    if not before:
        return ""
    last = before[-1].lower()
    if last == "to" and len(before) > 1 and before[-2].lower() in _EN_TO_PHRASES:
        return f"{before[-2].lower()} to"
    return last


def _name_only(hit: TermHit) -> tuple[TermHit | None, str]:
    """The hit narrowed to the characters of the forbidden form («Харкив» in «Харкив-Сумы»);
    None (and the word) when the word is derived from the name («Харкивщина»)."""
    if _is_adjective(_head_word(strip_marks(hit.form))) and not _is_adjective(_head_word(hit.term.ru)):
        return hit, ""  # adjectives go to the glossary's adjective entry (replacement_for)
    composed = unicodedata.normalize("NFC", hit.form)
    if composed != hit.form:  # a file saved decomposed (NFD): judged as the letters a reader sees
        part = name_part(composed, hit.term)
        return (hit, "") if part == (0, len(composed)) else (None, hit.form)
    part = name_part(hit.form, hit.term)
    if part is None:
        return None, hit.form
    s, e = part
    if (s, e) == (0, len(hit.form)):
        return hit, ""
    return TermHit(hit.term, hit.start + s, hit.start + e, hit.form[s:e], hit.kind), ""


def _en_after(source: str, slot: Slot) -> str:
    idx = source.find(slot.en_form)
    rest = source[idx + len(slot.en_form):] if idx >= 0 else ""
    return rest[:2]


def _en_plural(slot: Slot) -> bool:
    form, base = slot.en_form.lower(), slot.term.en.lower()
    return form != base and form.endswith("s") and not base.endswith("s")
