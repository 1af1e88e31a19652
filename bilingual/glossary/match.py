"""Find glossary terms in English and Russian text.

English: one Aho–Corasick automaton (pyahocorasick) over a case-folded copy of
the text with apostrophes, hyphens and spaces unified character for character,
so offsets stay those of the original. Every match is then checked against the
term's own case rule and word boundaries, and overlapping matches are resolved
longest first.

Russian: the text is cut into word tokens and each token form is mapped once
(cached) to a set of keys: its pymorphy3 lemmas (ё→е) and lowercased surface;
a word the dictionary doesn't know gets its prefixes instead, which meet the
stems of glossary forms. Glossary forms are indexed by the keys of their first
one or two tokens, so the cost per token is a few dictionary look-ups whatever
the glossary's size. A lowercase word that can't meet any lowercase glossary
word skips pymorphy3 altogether (most of a text's words).

Decisions worth knowing:

* A capitalised glossary word only matches a capitalised word in the text
  («Путина» is the surname, «путина» the fishing season; «Мир» vs «мир»), and an
  all-caps one (НАТО, US) only an all-caps word.
* Stems (the form without up to two final vowels, at least four letters) are
  compared only for words pymorphy3 doesn't know, and then regardless of case.
  That catches Ukrainian spellings in any form («Харкиві», «Запоріжжі») and
  adjectives built on them («харкивский») without touching real Russian words:
  «молдавский» is the standard adjective for Moldova as well and is *not* a hit
  for a forbidden «Молдавия» (list it under ``forbidden`` to forbid it), while
  «Молдавией» is, being a form of «Молдавия» itself.
* Where the same span is an allowed form of one term and a forbidden form of
  another, allowed wins; otherwise the longest hit wins, then the earliest.
"""

from __future__ import annotations

import re
import threading
import unicodedata
import weakref
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from ..russian import morph
from ..model import Glossary, Term, TermHit

_CACHE = 200_000

# ---------------------------------------------------------------- English

# One character in, one character out, so offsets survive.
_EN_TABLE = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-", "\u00ad": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\t": " ", "\n": " ", "\r": " ",
})
_EN_WORD = re.compile(r"\w+")


_EN_TABLE_CHARS = re.compile("[" + re.escape("".join(map(chr, _EN_TABLE))) + "]")


def _fold(text: str) -> str:
    """Unify punctuation variants and lowercase, keeping the length."""
    if _EN_TABLE_CHARS.search(text):  # most texts have none of them: no translate
        text = text.translate(_EN_TABLE)
    low = text.lower()
    if len(low) != len(text):  # e.g. "İ" lowercases to two characters
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


def _en_key(term: str) -> str:
    return " ".join(_fold(term).split())


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@dataclass(frozen=True, slots=True)
class _EnEntry:
    term: Term
    words: tuple[str, ...]  # the name's words as written, for its case rule
    kind: str = "allowed"  # allowed (the term's en), variant (another name), derived (demonym)
    loose: bool = False  # any case: a term whose Russian is lowercase (omicron, brexit)
    order: int = 0  # the term's position in the glossary: the last tie-break


# Terms whose English may have country aliases and demonyms, and whose Russian
# may have relative adjectives («иранский») and short names («РФ»).
PLACE_TYPES = frozenset({"country", "city", "region", "place", ""})


def _en_names(term: Term) -> list[tuple[str, str]]:
    """``(name, kind)`` of every English name of ``term``: its own, variants, country data."""
    from .countries import aliases_of, demonyms_of

    out = [(term.en, "allowed")] + [(v, "variant") for v in term.en_variants]
    if term.type in PLACE_TYPES:
        out += [(a, "variant") for a in aliases_of(term.en)]
        out += [(d, "derived") for d in demonyms_of(term.en)]
    return out


# Name particles written either way round ("de Klerk" / "De Klerk", "van Gogh" / "Van Gogh").
_PARTICLES = frozenset("de da di du del della der den des la le van von ter al el bin ibn".split())


def _case_ok(words: tuple[str, ...], surface: str) -> bool:
    found = _EN_WORD.findall(surface)
    if len(found) != len(words):  # U.S. found as US: compare the letters
        want, got = "".join(words), "".join(found)
        if want.isupper():
            return got == want
        return got[:1].isupper() or not want[:1].isupper()
    for want, got in zip(words, found):
        if want.lower() in _PARTICLES:  # "de Klerk" and "De Klerk", "al-Assad" and "Al-Assad"
            continue
        if len(want) > 1 and want.isupper():  # NATO, US: exactly
            if got != want:
                return False
        elif want[:1].isupper() and not got[:1].isupper():  # Putin, not putin
            return False
    return True


# ---------------------------------------------------------------- Russian

# Word tokens as razdel cuts them (hyphenated and apostrophised words stay
# whole); a compiled regex instead of razdel.tokenize because razdel costs
# ~300 µs per sentence, more than the whole per-sentence budget of a check.
_RU_TOKEN = re.compile(r"[\w\u0300-\u036f]+(?:[-\u2010\u2011'\u2019][\w\u0300-\u036f]+)*|[^\w\s]")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_CYRILLIC = re.compile(r"[а-яёіїєґ]", re.I)
_QUOTES = str.maketrans({c: '"' for c in "«»“”„‟\u201e"}) | str.maketrans({"\u2010": "-", "\u2011": "-", "\u2019": "'"})
_VOWELS = frozenset("аеёиоуыэюяьйіїє")
STEM_MIN = 4


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """``(start, stop, token)`` of each word or punctuation mark in ``text``."""
    return [(m.start(), m.end(), m.group()) for m in _RU_TOKEN.finditer(text)]


def _clean(token: str) -> str:
    """The token without stress marks and with quotes/hyphens unified."""
    if _COMBINING.search(token):
        token = _COMBINING.sub("", unicodedata.normalize("NFC", token))
        token = unicodedata.normalize("NFC", token)
    return token.translate(_QUOTES)


def stem(word: str) -> str | None:
    """``word`` (lowercased, ё→е) without up to two final vowels; None if under 4 letters."""
    s = morph.norm(word)
    for _ in range(2):
        if len(s) > STEM_MIN and s[-1] in _VOWELS:
            s = s[:-1]
    return s if len(s) >= STEM_MIN and s.replace("-", "").replace("'", "").isalpha() else None


# Ukrainian closes a final syllable with і where the open one has о/е
# (Харків → Харкова, Харкові; Київ → Києва), so a stem ending in і/ї + consonants
# also stands for its open-syllable forms.
_ALTERNATION = re.compile(r"([ії])([^аеёиоуыэюяіїє]+)$")
_OPEN = {"і": ("о", "е"), "ї": ("є",)}


def stems(word: str) -> tuple[str, ...]:
    """The stem of ``word``, the longer stem with one final vowel dropped, and Ukrainian alternants.

    The longer stem matches only where the stem does; it makes the closer spelling the
    better match («Россії» is nearer the forbidden «Россія» than the allowed «Россия»).
    """
    s = stem(word)
    if s is None:
        return ()
    out = [s]
    low = morph.norm(word)
    if len(low) > len(s) + 1 and low[len(s)] in _VOWELS:
        out.append(low[:len(s) + 1])
    m = _ALTERNATION.search(s)
    if m:
        out += [s[:m.start()] + v + m.group(2) for v in _OPEN[m.group(1)]]
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _Tok:
    keys: frozenset[str]  # lemmas and "=surface"; for unknown words also "~prefix"es
    cap: bool  # starts with a capital
    upper: bool  # all capitals (two letters or more)
    low: str = ""  # the word lowercased, ё→е


@dataclass(frozen=True, slots=True)
class _Pat:
    keys: frozenset[str]  # lemmas and "=surface"
    stems: tuple[str, ...]  # "~stem"s
    cap: bool
    upper: bool
    surface: str = ""  # "=surface"


def _flags(word: str) -> tuple[bool, bool]:
    return word[:1].isupper(), len(word) > 1 and word.isupper()


def _kind_of(word: str) -> str:
    """How a token is keyed: "plain" (no Cyrillic), "known" (in the dictionary),
    "unknown" (matched by stem) or "short" (unknown and too short for a stem)."""
    if not _CYRILLIC.search(word):
        return "plain"
    if morph.is_known(word):
        return "known"
    return "unknown" if len(word) >= STEM_MIN else "short"


# pymorphy3's guesses for unknown words cost ~0.5 ms each and are unreliable for
# foreign names; such words are compared by stem instead (short ones, which
# have no stem, still get the guesses).


@lru_cache(maxsize=_CACHE)
def _text_token(token: str) -> _Tok:
    word = _clean(token)
    cap, upper = _flags(word)
    low = morph.norm(word)
    keys = {"=" + low}
    kind = _kind_of(word)
    if kind in ("known", "short"):
        keys.update(morph.lemmas(word))
    elif kind == "unknown":
        keys.update("~" + low[:k] for k in range(STEM_MIN, len(low) + 1))
        keys.update(_stance_keys(low))
    return _Tok(frozenset(keys), cap, upper, low)


def _stance_keys(low: str) -> frozenset[str]:
    """For an unknown «антикитайский»: the lemmas of «китайский», the word under the prefix."""
    for prefix in ("анти", "про"):
        rest = low[len(prefix):].lstrip("-")
        if low.startswith(prefix) and len(rest) >= STEM_MIN and morph.is_known(rest):
            return morph.lemmas(rest)
    return frozenset()


@lru_cache(maxsize=_CACHE)
def _pattern_token(token: str) -> _Pat:
    word = _clean(token)
    cap, upper = _flags(word)
    low = morph.norm(word)
    keys = {"=" + low}
    kind = _kind_of(word)
    if kind in ("known", "short"):
        keys.update(morph.proper_lemmas(word))
    sts = tuple("~" + st for st in stems(word)) if kind != "plain" else ()
    return _Pat(frozenset(keys), sts, cap, upper, "=" + low)


@lru_cache(maxsize=_CACHE)
def _exact_pattern(token: str) -> _Pat:
    """A glossary token matched only as written (a case form made by its ending: no dictionary look-up)."""
    word = _clean(token)
    low = "=" + morph.norm(word)
    return _Pat(frozenset({low}), (), *_flags(word), low)


def _lexeme_prefixes(token: str) -> set[str]:
    """First three letters of every form of ``token`` (all its readings)."""
    word = _clean(token)
    out = {morph.norm(word)[:3]}
    if _kind_of(word) == "known":
        for p in morph.parse(word):
            out.update(morph.norm(f.word)[:3] for f in p.lexeme)
    return out


# How well a glossary token meets a text token: the exact form beats a lemma,
# which beats a stem; among stems the longer one wins.
EXACT, LEMMA = 1000, 500


def _token_matches(p: _Pat, t: _Tok) -> int:
    """0 for no match, else the match's quality (see EXACT, LEMMA; a stem scores its length)."""
    if not p.keys.isdisjoint(t.keys):
        if p.upper and not t.upper or p.cap and not t.cap and not p.upper:
            return 0
        return EXACT if p.surface in t.keys else LEMMA
    best = 0
    for st in p.stems:
        if st in t.keys and len(st) > best and _TAIL.fullmatch(t.low, len(st) - 1):
            best = len(st)
    return best


# What may follow a stem in a form of the same name: case endings (Russian and
# Ukrainian), or a suffix that builds an adjective or a region on it («харкивский»,
# «Київщина»). «Сирил» is no form of «Сирия»: «л» is neither.
_TAIL = re.compile(r"(?:[аеёиоуыэюяьйіїє][а-яёіїє]{0,3}"
                   r"|(?:ьск|ськ|ск|цьк|цк|щин|ян|ан|ов|ев|ин|ів)[а-яёіїє]{0,4})?(?:-.*)?")


_KIND_RANK = {"allowed": 0, "variant": 1, "derived": 2, "forbidden": 3}


@dataclass(frozen=True, slots=True)
class _RuEntry:
    term: Term
    kind: str
    form: str
    pats: tuple[_Pat, ...]
    order: int = 0  # the term's position in the glossary


def _ru_forms(term: Term) -> list[tuple[str, str, bool]]:
    """``(form, kind, exact)`` of every Russian form of ``term``: listed, short names, adjectives,
    and a person's case forms by their endings (``exact``: matched as written, no lemma or stem).

    A short name or adjective the glossary forbids for this term is not added as allowed.
    """
    from ..russian.derived import adjectives, short_names

    forms = [(term.ru, "allowed")] + [(v, "variant") for v in term.variants] \
        + [(f, "forbidden") for f in term.forbidden]
    exact = []
    if term.type == "person":  # «Майкла Бэя», «Жюля Верна»: names the dictionary does not decline
        from ..russian.declension import person_case_forms

        for name in (term.ru, *term.variants):
            exact += [(f, "allowed" if name == term.ru else "variant", True)
                      for f in person_case_forms(name, term.en)]
    if term.type in PLACE_TYPES:
        from .countries import is_capital

        banned = {morph.norm(f) for f in term.forbidden}
        for name in (term.ru, *term.variants):
            forms += [(v, "variant") for v in short_names(name) if morph.norm(v) not in banned]
            forms += [(a, "derived") for a in adjectives(name) if morph.norm(a) not in banned]
            words = name.split()
            # «в северном Йоркшире»: a place's leading adjective written in lowercase, the name after it
            if len(words) > 1 and words[0][:1].isupper() and all(w[:1].isupper() for w in words[1:]) \
                    and morph.is_known(words[0].lower()) \
                    and morph.parse(words[0].lower())[0].tag.POS == "ADJF":
                forms.append((" ".join([words[0].lower(), *words[1:]]), "variant"))
        if term.type == "city" and is_capital(term.en):
            forms.append(("столичный", "derived"))  # «столичная невеста» for "the Moscow bride"
    return [(f, k, False) for f, k in forms] + exact


# ---------------------------------------------------------------- the matcher


class Matcher:
    """Finds a glossary's terms in text; build once per glossary (see ``matcher_for``)."""

    def __init__(self, glossary: Glossary | list[Term] | tuple[Term, ...]):
        terms = tuple(glossary.terms if isinstance(glossary, Glossary) else glossary)
        self.terms = terms
        self._build_en(terms)
        self._build_ru(terms)

    # -- building

    def _build_en(self, terms: tuple[Term, ...]) -> None:
        self._en_entries: list[list[_EnEntry]] = []
        keys: dict[str, int] = {}
        auto = ahocorasick.Automaton()
        entries = []
        for order, term in enumerate(terms):
            loose = term.ru[:1].islower()
            for name, kind in _en_names(term):
                words = tuple(_EN_WORD.findall(name.translate(_EN_TABLE)))
                if words:
                    entries.append((_KIND_RANK[kind], order, name, _EnEntry(term, words, kind, loose, order)))
        # Each name's own spelling before respellings ("U.S." for "US"), and a term's own
        # name before anyone's variant, so neither hides a term that is spelt that way.
        keyed = []
        for rank, order, name, entry in entries:
            base = _en_key(name)
            # "Ivano Frankivsk" for "Ivano-Frankivsk", "US" and "St Petersburg" for "U.S." and
            # "St. Petersburg", "U.S." for "US"
            respelt = [base.replace("-", " "), " ".join(base.replace(".", "").split())]
            if len(entry.words) == 1 and entry.words[0].isupper() and 2 <= len(base) <= 4 and "." not in base:
                respelt.append(".".join(base) + ".")
            keyed.append((0, rank, order, base, entry))
            keyed += [(1, rank, order, key, entry) for key in respelt if key and key != base]
        keyed.sort(key=lambda k: k[:3])
        for *_, key, entry in keyed:
            slot = keys.get(key)
            if slot is None:
                slot = keys[key] = len(self._en_entries)
                self._en_entries.append([])
                auto.add_word(key, (len(key), slot))
            if all(e.term.en != entry.term.en for e in self._en_entries[slot]):
                self._en_entries[slot].append(entry)
        if keys:
            auto.make_automaton()
            self._auto = auto
        else:
            self._auto = None

    def _build_ru(self, terms: tuple[Term, ...]) -> None:
        # Single-token forms by the keys of their token; longer forms by the
        # keys of their first two tokens, so a common first name shared by many
        # glossary names doesn't make one long bucket to check.
        self._ru_one: dict[str, list[_RuEntry]] = {}
        # A lowercase word can only meet a lowercase glossary word (capitals
        # need capitals) or, if unknown, a stem; these prefixes let find_ru skip
        # pymorphy3 for every other lowercase word.
        self._lower_prefixes: set[str] = set()
        self._tokens: dict[str, _Tok] = {}
        self._ru_two: dict[str, dict[str, list[_RuEntry]]] = {}
        seen: set[tuple] = set()
        for order, term in enumerate(terms):
            for form, kind, exact in _ru_forms(term):
                toks = [tok for _, _, tok in tokenize(form)]
                if not toks:
                    continue
                ident = (term.en, tuple(morph.norm(t) for t in toks), kind)
                if ident in seen:
                    continue
                seen.add(ident)
                pats = tuple((_exact_pattern if exact else _pattern_token)(t) for t in toks)
                for tok, pat in zip(toks, pats):
                    if not pat.cap and _CYRILLIC.search(tok):
                        self._lower_prefixes.update(_lexeme_prefixes(tok))
                entry = _RuEntry(term, kind, form, pats, order)
                first = pats[0].keys.union(pats[0].stems)
                if len(pats) == 1:
                    for key in first:
                        self._ru_one.setdefault(key, []).append(entry)
                    continue
                second = pats[1].keys.union(pats[1].stems)
                for key in first:
                    sub = self._ru_two.setdefault(key, {})
                    for key2 in second:
                        sub.setdefault(key2, []).append(entry)
        # every key a glossary form starts with: a token with none of them starts no match
        self._ru_first_keys = frozenset(self._ru_one).union(self._ru_two)

    # -- English

    def find_en(self, text: str) -> list[TermHit]:
        """Glossary terms in English ``text``: longest first, non-overlapping, in text order.

        Matching runs on ``normalize(text)`` (no invisible characters, look-alike
        letters unified); hits point at the original's characters.
        """
        if self._auto is None or not text:
            return []
        return _mapped(text, self._find_en)

    def _find_en(self, text: str) -> list[TermHit]:
        folded = _fold(text)
        n = len(text)
        candidates = []
        for end, (length, slot) in self._auto.iter(folded):
            start, stop = end - length + 1, end + 1
            if start > 0 and _is_word_char(text[start - 1]) and _is_word_char(text[start]):
                continue
            if stop < n and _is_word_char(text[stop]) and _is_word_char(text[stop - 1]):
                continue
            surface = text[start:stop]
            for entry in self._en_entries[slot]:
                if entry.loose or _case_ok(entry.words, surface):
                    candidates.append((start, stop, 0, _KIND_RANK[entry.kind], entry.order, entry))
                    break
        return [TermHit(term=e.term, start=s, stop=t, form=text[s:t], kind=e.kind)
                for s, t, *_, e in _select(candidates)]

    # -- Russian

    def _text_token(self, token: str) -> _Tok:
        word = _clean(token)
        low = morph.norm(word)
        if word[:1].isupper() or low[:3] in self._lower_prefixes \
                or low.startswith(("анти", "про")) and low[4:7] in self._lower_prefixes:
            tok = _text_token(token)
        else:
            low = morph.norm(word)
            keys = {"=" + low}
            if _kind_of(word) == "unknown":
                keys.update("~" + low[:k] for k in range(STEM_MIN, len(low) + 1))
            tok = _Tok(frozenset(keys), *_flags(word), low)
        if len(self._tokens) > _CACHE:
            self._tokens.clear()
        self._tokens[token] = tok
        return tok

    def find_ru(self, text: str) -> list[TermHit]:
        """Glossary forms in Russian ``text`` in any case and number, with their kind.

        As in ``find_en``, a soft hyphen, a stress mark or a Latin look-alike letter
        hides nothing: matching runs on the normalised copy, hits point at the original.
        """
        if not (self._ru_one or self._ru_two) or not text:
            return []
        return _mapped(text, self._find_ru)

    def _part_candidates(self, spans, toks, candidates) -> None:
        """Candidates inside hyphenated words no whole-word candidate covers («стелс-омикрон», «Молдавии-2»)."""
        covered = [(c[0], c[1]) for c in candidates]
        one = self._ru_one
        for (start, stop, token), whole in zip(spans, toks):
            if "-" not in token or any(s <= start and stop <= e for s, e in covered):
                continue
            pos = start
            for part in token.split("-"):
                if len(part) >= 2:
                    tok = self._tokens.get(part) or self._text_token(part)
                    if not one.keys().isdisjoint(tok.keys):
                        tried: set[int] = set()
                        for key in tok.keys:
                            _one_word(one.get(key, ()), tok, pos, pos + len(part), tried, candidates)
                pos += len(part) + 1

    def _find_ru(self, text: str) -> list[TermHit]:
        spans = tokenize(text)
        cache = self._tokens
        toks = [cache.get(tok) or self._text_token(tok) for _, _, tok in spans]
        one, two = self._ru_one, self._ru_two
        first_keys = self._ru_first_keys
        candidates = []
        n = len(toks)
        for i, tok in enumerate(toks):
            if first_keys.isdisjoint(tok.keys):
                continue  # no glossary form starts with this token
            tried: set[int] = set()
            for key in tok.keys:
                _one_word(one.get(key, ()), tok, spans[i][0], spans[i][1], tried, candidates)
                sub = two.get(key)
                if sub is None or i + 1 >= n:
                    continue
                for key2 in toks[i + 1].keys:
                    for entry in sub.get(key2, ()):
                        if id(entry) in tried:
                            continue
                        tried.add(id(entry))
                        pats = entry.pats
                        m = len(pats)
                        if i + m > n:
                            continue
                        q = 0
                        for j in range(m):
                            qj = _token_matches(pats[j], toks[i + j])
                            if not qj:
                                break
                            q += qj
                        else:
                            candidates.append((spans[i][0], spans[i + m - 1][1], -q, _KIND_RANK[entry.kind],
                                               entry.order, entry))
        self._part_candidates(spans, toks, candidates)
        return [TermHit(term=entry.term, start=start, stop=stop, form=text[start:stop], kind=entry.kind)
                for start, stop, *_, entry in _select(candidates)]


def _one_word(entries, tok, start: int, stop: int, tried: set[int], candidates: list) -> None:
    """Candidates for the one-word glossary forms ``entries`` met by the token ``tok`` at start:stop."""
    for entry in entries:
        if id(entry) not in tried:
            tried.add(id(entry))
            q = _token_matches(entry.pats[0], tok)
            if q:
                candidates.append((start, stop, -q, _KIND_RANK[entry.kind], entry.order, entry))


def _mapped(text: str, find) -> list[TermHit]:
    """``find`` run on the normalised copy of ``text``, its hits mapped back onto ``text``."""
    from ..sources.normalize import normalize

    norm = normalize(text)
    if norm.offsets is None:
        return find(text)
    out = []
    for hit in find(norm.text):
        start, stop = norm.span(hit.start, hit.stop)
        out.append(TermHit(term=hit.term, start=start, stop=stop, form=text[start:stop], kind=hit.kind))
    return out


def _select(candidates: list[tuple]) -> list[tuple]:
    """Non-overlapping candidates in text order.

    Each candidate is ``(start, stop, -quality, kind rank, glossary order, entry)``:
    the longest wins, then the better match (exact form > lemma > longer stem),
    then the better kind (allowed > variant > derived > forbidden), then the
    term listed first, then the earliest — a total order, so the same input
    gives the same hits in every process (no set or hash order decides).
    """
    if len(candidates) <= 1:
        return candidates
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[3], c[4], c[0]))
    chosen: list[tuple] = []
    for cand in candidates:
        if all(cand[1] <= c[0] or cand[0] >= c[1] for c in chosen):
            chosen.append(cand)
    chosen.sort(key=lambda c: c[0])
    return chosen


# ---------------------------------------------------------------- cache

_matchers: dict[int, tuple[weakref.ref, Matcher]] = {}
_lock = threading.Lock()


def matcher_for(glossary: Glossary) -> Matcher:
    """The Matcher for ``glossary``, built once and reused while the glossary lives."""
    key = id(glossary)
    with _lock:
        found = _matchers.get(key)
        if found is not None and found[0]() is glossary:
            return found[1]
    matcher = Matcher(glossary)
    with _lock:
        _matchers[key] = (weakref.ref(glossary, lambda _r, k=key, d=_matchers: d.pop(k, None)), matcher)
    return matcher


def process_matcher(glossary: Glossary | None):
    """The glossary's matcher in this process, built on first use (None for no glossary).

    The same one the aligner and the rules get from ``matcher_for``: the glossary object a
    worker was given lives as long as the worker, and so does its matcher.
    """
    if glossary is None or not len(glossary):
        return None
    return matcher_for(glossary)


def warm_worker(context: dict) -> None:
    """An executor's warm-up for work on articles: the context's glossary matcher and pymorphy3,
    loaded in a worker before its first chunk (``bilingual.executors``: ``context["warm"]``)."""
    from ..russian import morph

    process_matcher(context.get("glossary"))
    morph.lemma("проверка")
