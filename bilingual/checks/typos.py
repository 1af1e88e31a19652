"""Typos: a word no dictionary knows, one edit away from a name or a word that is known.

Russian words are looked up in pymorphy3's dictionary (OpenCorpora, every case
form), English ones in pyspellchecker's English word list (a maintained PyPI
package, no system dictionary needed). A word is a typo candidate when:

- the dictionary doesn't know it, and the article uses it (any case form) once:
  a real rare name is seen again, a slip usually is not;
- it is one edit (a letter swapped, doubled, dropped or changed) from
  1. a glossary name in any case form, or a name the article uses at least twice
     (the strongest evidence: «Пуитн» next to three «Путина»), or
  2. a word the dictionary knows; for a capitalised word in mid-sentence only a
     dictionary *name* (pymorphy3's Name/Surn/Geox/Orgn tags), and not when the
     linked English has a name the word transliterates more closely («Мосс» for
     "Moss" is a rendering, not a slip of «Мост»).

Across the archive, ``rules.drop_archive_words`` removes a candidate flagged in
two or more articles (an unusual word used consistently is the site's word).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .finding import Finding

_RU_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_EN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# a word: letters of one script, no digit, hyphen or other script glued to it
_RU_WORD = re.compile(r"(?<![\w\-‐./@#])[А-ЯЁа-яё]+(?![\w\-‐@]|\.[A-Za-zА-Яа-я])")
_EN_WORD = re.compile(r"(?<![\w\-‐./@#'’])[A-Za-z]+(?![\w\-‐@'’]|\.[A-Za-z])")
_SKIP = re.compile(r"`[^`]*`|\]\([^)]*\)|(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|<[^>]*>|[@#]\w+")
MIN_LOWER = 5  # letters: shorter words have too many dictionary neighbours
MIN_NAME = 4
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
EN_MIN_FREQ = 5_000  # an English neighbour must be a common word (pyspellchecker's counts)


# ---------------------------------------------------------------- edit distance and neighbours

def osa(a: str, b: str) -> int:
    """Optimal string alignment distance (Damerau: a swap of two neighbours is one edit)."""
    from rapidfuzz.distance import OSA

    return OSA.distance(a, b)


def edits1(word: str, letters: str) -> list[str]:
    """Every string one edit from ``word``: swaps and deletions first (the commonest slips)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    swaps = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1 and b[0] != b[1]]
    deletes = [a + b[1:] for a, b in splits if b]
    inserts = [a + c + b for a, b in splits for c in letters]
    replaces = [a + c + b[1:] for a, b in splits if b for c in letters if c != b[0]]
    return swaps + deletes + inserts + replaces


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е")


def _deletes(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


@dataclass
class NameIndex:
    """Names (lowercase forms) found again by a one-edit neighbour, SymSpell-style (deletion keys)."""

    keys: dict[str, set[str]] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)  # lowercase -> as written

    def __contains__(self, word: str) -> bool:
        return _fold(word) in self.shown

    def add(self, word: str) -> None:
        low = _fold(word)
        if low in self.shown:
            return
        self.shown[low] = word
        for k in _deletes(low):
            self.keys.setdefault(k, set()).add(low)

    def near(self, word: str) -> str | None:
        low = _fold(word)
        best = None
        for k in _deletes(low):
            for cand in self.keys.get(k, ()):
                if cand != low and osa(cand, low) == 1:
                    if best is None or cand < best:
                        best = cand
        return self.shown[best] if best else None


# ---------------------------------------------------------------- dictionaries

@lru_cache(maxsize=1)
def _english():
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


# British spellings as the American forms of the word list: the regular correspondences
# (colour/color, recognise/recognize, analyse/analyze, centre/center, defence/defense,
# travelled/traveled, catalogue/catalog, manoeuvre/maneuver)
_BRITISH = [(re.compile(p), r) for p, r in (
    (r"our(s|ed|ing|ful|ite|ites|hood|hoods|less|able)?$", r"or\1"), (r"our(?=[a-z])", "or"),
    (r"is(e|es|ed|ing|er|ers|ation|ations|able)$", r"iz\1"), (r"ys(e|es|ed|ing|er|ers)$", r"yz\1"),
    (r"tre(s|d)?$", r"ter\1"), (r"bre(s)?$", r"ber\1"), (r"ence(s)?$", r"ense\1"),
    (r"ogue(s)?$", r"og\1"), (r"ll(ed|ing|er|ers)$", r"l\1"), (r"oe", "e"), (r"ae", "e"),
    (r"eable$", "able"), (r"mme(s)?$", r"m\1"))]


def en_known(word: str) -> bool:
    """In the English word list, as written or as the American spelling of a British one."""
    low = word.lower()
    freq = _english().word_frequency
    if low in freq:
        return True
    return any(low != (us := p.sub(r, low)) and us in freq for p, r in _BRITISH)


@lru_cache(maxsize=50_000)
def en_neighbour(word: str) -> str | None:
    """The commonest English word one edit from ``word`` (lowercase), if it is common enough."""
    freq = _english().word_frequency
    best, best_n = None, EN_MIN_FREQ - 1
    for cand in edits1(word, _EN_LETTERS):
        n = freq[cand]
        if n > best_n:
            best, best_n = cand, n
    return best


def ru_known(word: str) -> bool:
    from ..russian.morph import analyzer

    low = word.lower()
    return analyzer().word_is_known(low) or "ё" in low and analyzer().word_is_known(low.replace("ё", "е"))


@lru_cache(maxsize=50_000)
def ru_neighbour(word: str, proper: bool) -> str | None:
    """A Russian word pymorphy3 knows one edit from ``word`` (lowercase); a name when ``proper``."""
    from ..russian.morph import analyzer

    a = analyzer()
    found = []
    for cand in dict.fromkeys(edits1(word, _RU_LETTERS)):
        if a.word_is_known(cand):
            if not proper or any(p.tag.grammemes & _PROPER for p in a.parse(cand) if p.is_known):
                found.append(cand)
    if not found:
        return None
    # the commonest by pyspellchecker's Russian frequencies; else the first (swaps and drops first)
    freq = _russian_freq()
    return max(found, key=lambda c: (freq[c], -found.index(c)))


@lru_cache(maxsize=1)
def _russian_freq():
    from spellchecker import SpellChecker

    return SpellChecker(language="ru", distance=1).word_frequency


def _ru_key(word: str) -> str:
    """A case-free key for counting a word's uses: its (guessed) lemma, ё as е."""
    from ..russian.morph import lemma

    return lemma(word)


# ---------------------------------------------------------------- the article

def _cap(src: str, word: str) -> str:
    return word[:1].upper() + word[1:] if src[:1].isupper() else word


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" «\"“„'(*_—–-")
    return not before or before[-1] in ".!?…:"


def _words(text: str, pattern: re.Pattern) -> list[re.Match]:
    blanked = _SKIP.sub(lambda m: " " * len(m.group(0)), text)
    return list(pattern.finditer(blanked))


_INDEXES: dict[tuple[int, str], tuple] = {}


def _glossary_index(glossary) -> tuple[NameIndex, NameIndex]:
    """Every one-word part of the glossary's names: Russian in each case form, English as written."""
    key = (id(glossary), glossary.sha)
    if key not in _INDEXES:
        if len(_INDEXES) > 8:
            _INDEXES.clear()
        _INDEXES[key] = (glossary, _build_index(glossary))
    return _INDEXES[key][1]


def _build_index(glossary) -> tuple[NameIndex, NameIndex]:
    from ..russian.morph import analyzer

    ru, en = NameIndex(), NameIndex()
    a = analyzer()
    for term in glossary.terms:
        for name in term.allowed:
            for part in re.findall(r"[А-ЯЁа-яё]{%d,}" % MIN_NAME, name):
                ru.add(part)
                parses = [p for p in a.parse(part) if p.is_known and p.tag.grammemes & _PROPER]
                for p in parses[:1]:
                    for form in p.lexeme:
                        ru.add(_cap(part, form.word))
        for name in term.en_names:
            for part in re.findall(r"[A-Za-z]{%d,}" % MIN_NAME, name):
                en.add(part)
    return ru, en


def _renders_english(word: str, en_text: str) -> bool:
    """The linked English has a name this word may render (same consonant skeleton): «Масуд» for "Masoud"."""
    from ..russian.translit import name_key

    key = name_key(word)
    return key is not None and any(name_key(n) == key for n in re.findall(r"\b[A-Z][a-z]{2,}", en_text))


def article_typos(en_sents: list[str], ru_sents: list[str], glossary=None, *,
                  linked_en: dict[int, str] | None = None) -> list[tuple[str, int, Finding]]:
    """Typo findings of one article as ``(side, sentence index, finding)``.

    ``linked_en`` maps a Russian sentence index to the English text of its link
    (names the word may be a rendering of).
    """
    linked_en = linked_en or {}
    out: list[tuple[str, int, Finding]] = []
    g_ru, g_en = _glossary_index(glossary) if glossary is not None and len(glossary) else (NameIndex(), NameIndex())
    out += _ru_article(ru_sents, g_ru, linked_en)
    out += _en_article(en_sents, g_en)
    return out


def _ru_article(sents: list[str], g_ru: NameIndex, linked_en: dict[int, str]) -> list:
    words = [_words(s, _RU_WORD) for s in sents]
    uses = Counter(_ru_key(m.group(0)) for ms in words for m in ms)
    names = NameIndex()
    for ms in words:
        for m in ms:
            w = m.group(0)
            if w[:1].isupper() and not w.isupper() and len(w) >= MIN_NAME and uses[_ru_key(w)] >= 2:
                names.add(w)
    out = []
    for i, ms in enumerate(words):
        for m in ms:
            w = m.group(0)
            if w.isupper() and len(w) > 1 or len(w) < MIN_NAME:
                continue  # an abbreviation, or too short to tell
            if ru_known(w) or uses[_ru_key(w)] > 1 or w in g_ru:
                continue
            cap = w[:1].isupper()
            if not cap and len(w) < MIN_LOWER:
                continue
            source = "name"
            intended = g_ru.near(w) or names.near(w)
            if intended is None and cap:
                low = ru_neighbour(w.lower(), not _sentence_start(sents[i], m.start()))
                intended = _cap(w, low) if low else None
                source = "dictionary name"
                if intended and _renders_english(w, linked_en.get(i, "")):
                    continue  # a name of the English written another way, not a slip of a dictionary name
            elif intended is None and len(w) >= MIN_LOWER:
                intended = ru_neighbour(w.lower(), False)
                source = "dictionary word"
            if intended:
                out.append(("ru", i, _finding("ru", w, intended, source)))
    return out


def _en_article(sents: list[str], g_en: NameIndex) -> list:
    words = [_words(s, _EN_WORD) for s in sents]
    uses = Counter(m.group(0).lower() for ms in words for m in ms)
    names = NameIndex()
    for ms in words:
        for m in ms:
            w = m.group(0)
            if w[:1].isupper() and not w.isupper() and len(w) >= MIN_NAME and uses[w.lower()] >= 2:
                names.add(w)
    out = []
    for i, ms in enumerate(words):
        for m in ms:
            w = m.group(0)
            if w.isupper() and len(w) > 1 or len(w) < MIN_NAME or uses[w.lower()] > 1 or en_known(w) or w in g_en:
                continue
            cap = w[:1].isupper()
            intended, source = (g_en.near(w) or names.near(w)), "name"
            if intended is None and (not cap or _sentence_start(sents[i], m.start())) and len(w) >= MIN_LOWER:
                low = en_neighbour(w.lower())
                intended, source = (_cap(w, low) if low else None), "dictionary word"
            if intended:
                out.append(("en", i, _finding("en", w, intended, source)))
    return out


def _finding(side: str, word: str, intended: str, source: str) -> Finding:
    where = {"en": "English", "ru": "Russian"}[side]
    return Finding("typo", side, f"«{word}» looks like a typo for «{intended}» ({where})", found=word,
                   expected=intended, rule=f"typo_{source.replace(' ', '_')}",
                   why=f"not in the {where} dictionary, used once in the article; one edit from the "
                       f"{source} «{intended}»")
