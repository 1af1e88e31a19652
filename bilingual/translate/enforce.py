"""Glossary enforcement: the one mechanism behind ``translate`` and ``fix``.

Translation protects each English glossary term behind a numbered placeholder
(``ZX1``: no ``_``, which Argos's detokeniser turns into a space), checks that
the model kept every placeholder exactly once and in order, and puts back the
term's Russian form in the case and number the sentence needs. When a model
mangles the placeholders, the sentence is translated again unprotected and
corrected like an existing Russian text.

Correcting (``fix``, and that fallback) replaces forbidden renderings with the
allowed form in the grammatical form of the one it replaces. Where that form is
ambiguous («Молдавии»: genitive, dative or prepositional) or unknown to
pymorphy3 (Ukrainian spellings such as «Харкиву»), the governing preposition,
coordinated neighbours («между Россией и …») and the ending decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import morph
from ..model import Glossary, Term, TermHit

PLACEHOLDER = "ZX{}"
# What models make of "ZX3": kept, spaced, or written with Cyrillic look-alikes, and sometimes
# declined like a noun («ZX3-а», «ZX3ом»): the ending is taken along and read as a case cue.
_PLACEHOLDER_RE = re.compile(r"(?<![\w])[ZzЗз]\s?[XxХх]\s?(\d{1,3})(?!\d)(?:-?([а-яё]{1,3})(?![\w]))?")
_WORD = re.compile(r"[\w\u0300-\u036f]+(?:[-'’][\w\u0300-\u036f]+)*")
_CYR = re.compile(r"[а-яёіїєґ]", re.I)

CASES = morph.CASES
_CASE_ALIASES = {"gen2": "gent", "loc2": "loct", "acc2": "accs", "voct": "nomn", "gen1": "gent", "loc1": "loct"}

# Russian prepositions -> the cases they govern (a noun phrase right after them).
PREPOSITIONS: dict[str, frozenset[str]] = {}
for _case, _words in {
    "gent": "без безо для до из изо из-за из-под от ото у около возле после кроме вокруг среди против "
            "вдоль мимо напротив вместо внутри вне посреди ради близ с со",
    "datv": "к ко по благодаря согласно вопреки навстречу",
    "accs": "через про сквозь в во на за под о об с со",
    "ablt": "с со над надо под подо перед передо между за",
    "loct": "в во на о об обо при",
}.items():
    for _w in _words.split():
        PREPOSITIONS[_w] = PREPOSITIONS.get(_w, frozenset()) | {_case}

# The usual reading of a preposition with several cases, when nothing else tells.
_USUAL_CASE = {"в": "loct", "во": "loct", "на": "loct", "о": "loct", "об": "loct", "с": "ablt", "со": "ablt",
               "за": "ablt", "под": "ablt"}

# Verbs whose object is not in the accusative (by lemma).
VERB_CASES: dict[str, str] = {}
for _case, _words in {
    "datv": "угрожать пригрозить грозить помогать помочь звонить позвонить сообщить сообщать противостоять "
            "доверять верить мешать помешать принадлежать сочувствовать уступить уступать поставлять "
            "предоставить предоставлять передать передавать пообещать обещать",
    "ablt": "управлять руководить командовать стать становиться являться гордиться заниматься обладать "
            "восхищаться пренебречь",
    "gent": "бояться опасаться достичь достигать добиться добиваться лишить лишать избегать",
}.items():
    for _w in _words.split():
        VERB_CASES[_w] = _case

# English prepositions that pick one reading of an ambiguous Russian one.
_EN_DIRECTION = {"to", "into", "onto", "toward", "towards"}
_EN_FROM = {"from", "off"}
_EN_LOCATION = {"in", "at", "inside", "on", "within"}
_COORD = {"и", "или", "а", "но", ","}


@dataclass(frozen=True)
class Replacement:
    old: str
    new: str
    term: str  # the English glossary term
    start: int  # offsets into the corrected text
    stop: int
    case: str | None = None

    def to_dict(self) -> dict:
        return {"old": self.old, "new": self.new, "term": self.term, "case": self.case}


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


# ------------------------------------------------------------------ grammar


def _words_before(text: str, pos: int, n: int = 3) -> list[str]:
    """Up to ``n`` tokens (words, or a comma) before ``pos``, nearest last."""
    toks = re.findall(r"[\w\u0300-\u036f]+(?:-[\w]+)*|,", text[:pos])
    return toks[-n:]


def _words_after(text: str, pos: int, n: int = 3) -> list[str]:
    return re.findall(r"[\w\u0300-\u036f]+(?:-[\w]+)*|,", text[pos:])[:n]


def _norm_case(case: str | None) -> str | None:
    return _CASE_ALIASES.get(case, case) if case else None


def _noun_cases(word: str) -> frozenset[str]:
    """Cases of the noun/adjective readings of a Russian word (empty if none or unknown)."""
    if not _CYR.search(word) or not morph.is_known(word):
        return frozenset()
    return frozenset(_norm_case(p.tag.case) for p in morph.parse(word)
                     if p.tag.POS in ("NOUN", "ADJF", "NPRO") and p.tag.case)


def context_cases(text: str, start: int, stop: int, en_before: str = "") -> tuple[frozenset[str], str]:
    """Cases the context allows at text[start:stop], and which cue decided ("" if none)."""
    before = _words_before(text, start)
    after = _words_after(text, stop)
    prev = before[-1].lower() if before else ""
    if prev in PREPOSITIONS:
        cases = PREPOSITIONS[prev]
        if len(cases) > 1 and en_before:
            if en_before in _EN_DIRECTION and "accs" in cases:
                return frozenset({"accs"}), f"«{prev}» + to"
            if en_before in _EN_FROM and "gent" in cases:
                return frozenset({"gent"}), f"«{prev}» + from"
            if en_before in _EN_LOCATION and "loct" in cases:
                return frozenset({"loct"}), f"«{prev}» + in"
            if en_before == "with" and "ablt" in cases:
                return frozenset({"ablt"}), f"«{prev}» + with"
        return cases, f"«{prev}»"
    # A coordinated neighbour: «Киевом и Харьковом», «Львова, Харькова».
    # The prepositional case exists only after a preposition.
    if prev in _COORD and len(before) >= 2:
        cases = _noun_cases(before[-2]) - {"loct"}
        if cases:
            return cases, f"«{before[-2]} {prev}»"
    if after and after[0].lower() in _COORD and len(after) >= 2:
        cases = _noun_cases(after[1]) - {"loct"}
        if cases:
            return cases, f"«{after[0]} {after[1]}»"
    return NO_PREPOSITION, ""


# Any case but the prepositional: what a name with no preposition before it may take.
NO_PREPOSITION = frozenset(CASES) - {"loct"}


# Endings a model attaches to a placeholder, read as a noun of any gender would have them.
_SUFFIX_CASES = {
    "а": {"gent"}, "я": {"gent"}, "у": {"datv", "accs"}, "ю": {"datv", "accs"},
    "ом": {"ablt"}, "ем": {"ablt"}, "ём": {"ablt"}, "ой": {"ablt", "gent"}, "ей": {"ablt", "gent"},
    "е": {"loct", "datv"}, "ы": {"gent"}, "и": {"gent", "datv", "loct"},
}


def suffix_cases(suffix: str, term: Term, number: str) -> frozenset[str]:
    """Cases the ending a model put on a placeholder may stand for, for this term.

    A model declines a placeholder as whatever noun it takes it for, so the
    ending counts in the term's own forms («Молдова» + «-у»: accusative) and in
    any gender's (a masculine «-у»: dative); the governing word picks between them.
    """
    suffix = suffix.lower()
    forms = {c: render(term, c, number).lower() for c in CASES}
    # An ending the bare name already has («Москва» + «-а») is no inflection of it.
    own = {c for c, form in forms.items() if form.endswith(suffix) and form != term.ru.lower()}
    return frozenset(own | _SUFFIX_CASES.get(suffix, set()))


def _placeholder_default(text: str, start: int, en_before: str, en_after: str) -> str:
    """Case for a name with no governing preposition: genitive after a noun, else nominative."""
    before = _words_before(text, start, 1)
    if en_after in ("'s", "’s") or en_before == "of":
        return "gent"
    if before and _CYR.search(before[-1]):
        parses = morph.parse(before[-1])
        if parses and parses[0].tag.POS == "NOUN":
            return "gent"
        if parses and parses[0].tag.POS in ("VERB", "INFN"):
            lemma = morph.norm(parses[0].normal_form)
            if lemma in VERB_CASES:
                return VERB_CASES[lemma]
            if "tran" in parses[0].tag.grammemes:
                return "accs"
    return "nomn"


def _head_word(form: str) -> str:
    words = [w for w in _WORD.findall(form) if _CYR.search(w)]
    return words[0] if words else form


_ALT = {"і": "ое", "ї": "еє", "є": "е"}
# Ukrainian adjective endings -> the Russian ones they correspond to
_UK_ADJ = {"ий": {"ий", "ый"}, "ого": {"ого"}, "ому": {"ому"}, "им": {"им", "ым"}, "ім": {"ом"},
           "а": {"ая"}, "ої": {"ой"}, "ій": {"ой"}, "у": {"ую"}, "ою": {"ой"}, "е": {"ое"},
           "і": {"ие", "ые"}, "их": {"их", "ых"}, "ими": {"ими", "ыми"}}


def _loose_prefix(a: str, b: str) -> int:
    """Length of the common prefix of two spellings, Ukrainian і/ї/є ≈ Russian о/е/и."""
    a, b = morph.norm(a), morph.norm(b)
    n = 0
    for x, y in zip(a, b):
        if x == y or y in _ALT.get(x, "") or x in _ALT.get(y, ""):
            n += 1
        else:
            break
    return n


def _ending_cases(found: str, term: Term) -> list[tuple[str, str, str | None]]:
    """(case, number, gender) readings of an unknown spelling, by its ending against the allowed form's."""
    head = _head_word(found)
    bases = [_head_word(f) for f in (*term.forbidden, term.ru)]
    base = max(bases, key=lambda b: _loose_prefix(head, b))
    ending = morph.norm(head)[_loose_prefix(head, base):]
    allowed = _head_word(term.ru)
    parses = morph.parse(allowed)
    adjective = bool(parses) and parses[0].tag.POS == "ADJF"
    if adjective:
        if _is_adjective(base) and len(base) > 2:
            ending = morph.norm(head)[len(base) - 2:]
        endings = _UK_ADJ.get(ending, {ending})
    else:
        endings = {ending.replace("і", "е").replace("ї", "е").replace("є", "е")}
    out = []
    for number in ("sing", "plur"):
        for gender in (("masc", "femn", "neut") if adjective and number == "sing" else (None,)):
            for case in ("nomn", "gent", "datv", "loct", "ablt", "accs"):
                grammemes = {case, number} | ({gender} if gender else set())
                form = morph.inflect(allowed, grammemes)
                if not form:
                    continue
                if adjective:  # the ending after the adjective's stem («киевск|ие»)
                    own = morph.norm(form)[len(allowed) - 2:]
                else:
                    own = morph.norm(form)[_loose_prefix(form, allowed):]
                if own in endings and (case, number, gender) not in out:
                    out.append((case, number, gender))
    return out


def form_readings(found: str, term: Term) -> list[tuple[str, str, str | None]]:
    """(case, number, gender) readings of a found rendering, most likely first."""
    head = _head_word(found)
    out: list[tuple[str, str, str | None]] = []
    if morph.is_known(head):
        for p in morph.parse(head):
            if p.tag.POS in ("NOUN", "ADJF") and p.tag.case:
                r = (_norm_case(p.tag.case), p.tag.number or "sing", p.tag.gender if p.tag.POS == "ADJF" else None)
                if r not in out:
                    out.append(r)
    if not out:
        out = _ending_cases(found, term)
    return out


_ADJ_ENDING = re.compile(r"(?:ий|ый|ой|ого|его|ому|ему|ым|им|ом|ем|ая|яя|ую|юю|ое|ее|ые|ие|ых|их|ыми|ими|"
                         r"ій|ього|ому|ій|ої|ею|ою|і)$", re.I)


def _is_adjective(word: str) -> bool:
    parses = morph.parse(word)
    if morph.is_known(word):
        return bool(parses) and parses[0].tag.POS == "ADJF"
    return bool(re.search(r"[сцз]ь?к", morph.norm(word))) and bool(_ADJ_ENDING.search(word))


def term_number(term: Term) -> str:
    """The number a name is used in: plural for «Сумы», «Нидерланды», else singular."""
    head = _head_word(term.ru)
    parses = morph.parse(head)
    names = [p for p in parses if {"Geox", "Name", "Surn", "Orgn"} & p.tag.grammemes and p.tag.case == "nomn"]
    best = (names or [p for p in parses if p.tag.case == "nomn"] or list(parses))[:1]
    return "plur" if best and ("Pltm" in best[0].tag.grammemes or best[0].tag.number == "plur") else "sing"


def render(term: Term, case: str, number: str = "sing", gender: str | None = None) -> str:
    """The glossary's allowed Russian form put into case/number (gender for adjectives)."""
    base = term.ru
    if case == "nomn" and number == "sing" and not gender:
        return base
    grammemes = {case, number}
    if gender and number == "sing":
        new = morph.inflect_phrase(base, grammemes | {gender})
        if new != base:
            return new
    new = morph.inflect_phrase(base, grammemes)
    if new == base and (case, number) != ("nomn", "sing"):
        # A name with one number only («Нидерланды») takes the case in its own number.
        new = morph.inflect_phrase(base, {case})
    return new


def _cap_like(found: str, new: str) -> str:
    if len(found) > 1 and found.isupper():
        return new.upper()
    if found[:1].isupper() and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new


# ------------------------------------------------------------------ the enforcer


class Enforcer:
    """Protect/restore for translation and correct for fix, over one glossary."""

    def __init__(self, glossary: Glossary | None):
        self.glossary = glossary
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
            slots.append(Slot(n, hit.term, hit.form, before[-1].lower() if before else ""))
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
        out, reps, last = [], [], 0
        pos = 0
        prev_case, prev_stop = None, -1
        for m, slot in zip(found, protected.slots):
            out.append(mt[last:m.start()])
            pos += m.start() - last
            en_after = _en_after(protected.source, slot)
            number = "plur" if _en_plural(slot) else term_number(slot.term)
            cases, _cue = context_cases(mt, m.start(), m.end(), slot.en_before)
            if m.group(2):
                # The model declined the placeholder: its ending narrows the context's reading.
                marked = suffix_cases(m.group(2), slot.term, number)
                narrowed = (marked & cases) if cases != NO_PREPOSITION else marked
                if narrowed:
                    cases = narrowed
            if cases == NO_PREPOSITION:
                cases = frozenset()
                # «между ZX1 и ZX2»: a coordinated name shares its neighbour's case.
                if prev_case and re.fullmatch(r"\s*(?:,|и|или)\s*", mt[prev_stop:m.start()]):
                    cases = frozenset({prev_case})
            if len(cases) == 1:
                case = next(iter(cases))
            elif cases and not _cue:
                # No governing word, and the model's ending left several readings.
                default = _placeholder_default(mt, m.start(), slot.en_before, en_after)
                case = default if default in cases else sorted(cases, key=CASES.index)[0]
            elif cases:
                prev = _words_before(mt, m.start(), 1)
                case = _USUAL_CASE.get(prev[-1].lower() if prev else "", sorted(cases, key=CASES.index)[0])
            else:
                case = _placeholder_default(mt, m.start(), slot.en_before, en_after)
            new = render(slot.term, case, number)
            if not mt[:m.start()].strip() or mt[:m.start()].rstrip()[-1:] in ".!?\"«":
                new = new[:1].upper() + new[1:]
            out.append(new)
            reps.append(Replacement(m.group(0), new, slot.term.en, pos, pos + len(new), case))
            pos += len(new)
            last = m.end()
            prev_case, prev_stop = case, m.end()
        out.append(mt[last:])
        restored = "".join(out)
        checked = self.correct(restored, method="placeholders")
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
        out, reps, last, shift = [], [], 0, 0
        for hit in hits:
            new, case = self.replacement_for(ru, hit, en_before.get(hit.term.en, ""))
            if new is None or new == hit.form:
                continue
            out.append(ru[last:hit.start])
            out.append(new)
            start = hit.start + shift
            reps.append(Replacement(hit.form, new, hit.term.en, start, start + len(new), case))
            shift += len(new) - len(hit.form)
            last = hit.stop
        out.append(ru[last:])
        return Enforced("".join(out), tuple(reps), method)

    def _english_cues(self, en: str) -> dict[str, str]:
        """English term -> the word before it in the aligned English sentence."""
        cues = {}
        for hit in self.matcher.find_en(en):
            before = _EN_WORDS.findall(en[:hit.start])
            cues.setdefault(hit.term.en, before[-1].lower() if before else "")
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

    def replacement_for(self, text: str, hit: TermHit, en_before: str = "") -> tuple[str | None, str | None]:
        term = hit.term
        if _is_adjective(_head_word(hit.form)) and not _is_adjective(_head_word(term.ru)):
            # «київського» matched Kyiv's forbidden «Київ»: never put a noun in an adjective's place.
            term = self._adjective_term(hit.form)
            if term is None:
                return None, None
            hit = TermHit(term, hit.start, hit.stop, hit.form, hit.kind)
        readings = form_readings(hit.form, hit.term)
        cases, _cue = context_cases(text, hit.start, hit.stop, en_before)
        if cases:
            fitting = [r for r in readings if r[0] in cases]
            if fitting:
                readings = fitting
            elif not readings or len(cases) == 1:
                gender = readings[0][2] if readings else None
                number = readings[0][1] if readings else "sing"
                readings = [(c, number, gender) for c in sorted(cases, key=CASES.index)]
        if cases == NO_PREPOSITION and len({r[0] for r in readings}) > 1:
            # «Молдавии обещали»: a verb that governs a case may follow its object.
            verb_case = _following_verb_case(text, hit.stop)
            fitting = [r for r in readings if r[0] == verb_case]
            readings = fitting or readings
        if not readings:
            return None, None
        # A name keeps its own number unless nothing else fits («Молдавии» is not «the Moldavias»).
        own = term_number(hit.term)
        same = [r for r in readings if r[1] == own]
        case, number, gender = (same or readings)[0]
        new = render(hit.term, case, number, gender)
        return _cap_like(hit.form, new), case


_EN_WORDS = re.compile(r"[A-Za-z]+")


def _following_verb_case(text: str, stop: int) -> str | None:
    after = _words_after(text, stop, 1)
    if not after or not _CYR.search(after[0]):
        return None
    parses = morph.parse(after[0])
    if parses and parses[0].tag.POS in ("VERB", "INFN"):
        return VERB_CASES.get(morph.norm(parses[0].normal_form))
    return None


def _en_after(source: str, slot: Slot) -> str:
    idx = source.find(slot.en_form)
    rest = source[idx + len(slot.en_form):] if idx >= 0 else ""
    return rest[:2]


def _en_plural(slot: Slot) -> bool:
    form, base = slot.en_form.lower(), slot.term.en.lower()
    return form != base and form.endswith("s") and not base.endswith("s")
