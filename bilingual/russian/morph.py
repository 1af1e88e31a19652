"""Russian morphology: lemmas, grammatical tags and inflection through pymorphy3.

This is the one place the glossary matcher, the fixer and translation
enforcement get Russian morphology from.

Speed: an uncached ``MorphAnalyzer.parse`` runs at roughly 12,000 words/s on one
core, far too slow to call for every token of every sentence of a corpus.
News text repeats its word forms heavily, so every function here is cached per
token form (``functools.lru_cache``); a warmed cache answers in well under a
microsecond.

Normalisation: lemmas are lowercased and ``ё`` is written ``е`` (Russian prints
both for the same letter), so «Бёрнс» and «Бернс» share one lemma.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3

_CACHE = 200_000

# Grammemes of pymorphy3 (OpenCorpora) used by callers.
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
NUMBERS = ("sing", "plur")
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
_HEAD_POS = frozenset({"NOUN", "ADJF", "PRTF", "NUMR"})
_CYRILLIC = re.compile(r"[а-яё]", re.I)


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    """The shared analyzer (its dictionaries load once per process)."""
    return pymorphy3.MorphAnalyzer(lang="ru")


def norm(text: str) -> str:
    """Lowercase and write ё as е: the form lemmas are compared in."""
    return text.lower().replace("ё", "е")


@lru_cache(maxsize=_CACHE)
def parse(word: str) -> tuple:
    """All pymorphy3 parses of ``word``, most likely first (cached per form).

    Empty for a token pymorphy3 can't look at (its shape check asks for the
    Unicode name of every letter, and some letters have none).
    """
    try:
        return tuple(analyzer().parse(word))
    except ValueError:
        return ()


@lru_cache(maxsize=_CACHE)
def lemma(word: str) -> str:
    """The most likely normal form of ``word``, lowercased, ё→е."""
    parses = parse(word)
    return norm(parses[0].normal_form) if parses else norm(word)


@lru_cache(maxsize=_CACHE)
def lemmas(word: str) -> frozenset[str]:
    """Every parse's normal form (lowercased, ё→е).

    Matching compares these sets rather than single best lemmas, so an
    ambiguous form («Путина»: the surname's genitive or the noun «путина») still
    meets the lemma it shares with a glossary term.
    """
    forms = frozenset(norm(p.normal_form) for p in parse(word))
    return forms or frozenset({norm(word)})


@lru_cache(maxsize=_CACHE)
def proper_lemmas(word: str) -> frozenset[str]:
    """Normal forms of the proper-noun readings of ``word`` if it has any, else all.

    Used for glossary entries, which are names: «Сумы» then stands for the city
    (lemma «сумы») and not also for the noun «сума».
    """
    parses = parse(word)
    proper = {norm(p.normal_form) for p in parses if _PROPER & p.tag.grammemes}
    return frozenset(proper) if proper else lemmas(word)


@lru_cache(maxsize=_CACHE)
def proper_lemma(word: str) -> str:
    """The normal form of the likeliest proper-noun reading («Луганском» → «луганск»), else ``lemma``."""
    for p in parse(word):
        if _PROPER & p.tag.grammemes:
            return norm(p.normal_form)
    return lemma(word)


def is_proper(word: str) -> bool:
    """Whether some reading of ``word`` is a name, place or organisation."""
    return any(_PROPER & p.tag.grammemes for p in parse(word))


@lru_cache(maxsize=_CACHE)
def is_known(word: str) -> bool:
    """Whether the word form is in pymorphy3's dictionary (not a guess)."""
    return analyzer().word_is_known(word.lower())


@lru_cache(maxsize=_CACHE)
def tag_of(word: str):
    """The most likely tag of ``word`` (an ``OpencorporaTag``)."""
    parses = parse(word)
    return parses[0].tag if parses else None


def case_of(word: str) -> str | None:
    """The most likely grammatical case of ``word`` (``nomn``, ``gent``, ...), or None."""
    tag = tag_of(word)
    return tag.case if tag is not None else None


def number_of(word: str) -> str | None:
    """``sing`` or ``plur`` for the most likely reading of ``word``, or None."""
    tag = tag_of(word)
    return tag.number if tag is not None else None


def match_case(template: str, word: str) -> str:
    """Give ``word`` the capitalisation of ``template`` (per hyphen-separated part)."""
    if not template or not word:
        return word
    if template.isupper() and len(template) > 1:
        return word.upper()
    t_parts, w_parts = template.split("-"), word.split("-")
    if len(t_parts) == len(w_parts):
        return "-".join(_cap_like(t, w) for t, w in zip(t_parts, w_parts))
    return _cap_like(template, word)


def _cap_like(template: str, word: str) -> str:
    """``word`` with the capitals of ``template``: the first letter, and any inner capital
    («Кот-д’Ивуар» → «Кот-д’Ивуаре», «МакДональд») in the stretch the two spell alike (an inflected
    form differs from its base only at the end)."""
    if template[:1].isupper():
        word = word[:1].upper() + word[1:]
    inner = [i for i, ch in enumerate(template[1:], start=1) if ch.isupper()]
    if not inner:
        return word
    chars = list(word)
    for i in inner:
        if i >= len(chars) or template[:i + 1].lower() != word[:i + 1].lower():
            break
        chars[i] = chars[i].upper()
    return "".join(chars)


def _inflect_parse(parses, grammemes: frozenset[str]):
    """Inflect the first parse that can be put into ``grammemes``."""
    ordered = sorted(parses, key=lambda p: not (_PROPER & p.tag.grammemes))  # names first
    for p in ordered:
        if p.tag.POS not in _HEAD_POS:
            continue
        if "Fixd" in p.tag.grammemes:  # indeclinable: НАТО, Киото
            return p.word
        try:
            form = p.inflect(set(grammemes))
        except ValueError:  # an unknown grammeme
            return None
        if form is not None:
            return form.word
    return None


@lru_cache(maxsize=_CACHE)
def _inflect_cached(word: str, grammemes: frozenset[str]) -> str | None:
    form = _inflect_parse(parse(word), grammemes)
    if form is None:
        return None
    if "ё" not in word.lower():  # keep the spelling the input used
        form = form.replace("ё", "е")
    return match_case(word, form)


def inflect(word: str, grammemes: set[str] | frozenset[str]) -> str | None:
    """``word`` put into ``grammemes`` (e.g. ``{"datv"}``), capitalisation kept.

    Returns None when pymorphy3 can't inflect it (a non-Russian word, or a
    combination of grammemes the word has no form for). Indeclinables come back
    unchanged.
    """
    if not _CYRILLIC.search(word):
        return None
    return _inflect_cached(word, frozenset(grammemes))


_WORD = re.compile(r"\S+")


def inflect_phrase(phrase: str, grammemes: set[str] | frozenset[str]) -> str:
    """Inflect a multiword name: «Владимир Путин» → datv «Владимиру Путину».

    The leading run of words in the nominative (names, adjectives that agree
    with their noun, the head noun) is inflected; the first word that isn't
    nominative starts a dependent phrase that keeps its form
    («Организация Объединённых Наций» → «Организации Объединённых Наций»).
    Words that can't be inflected (Latin script, indeclinables) are kept.
    """
    out: list[str] = []
    last = 0
    inflecting = True
    for m in _WORD.finditer(phrase):
        word = m.group()
        out.append(phrase[last:m.start()])
        last = m.end()
        core, tail = _split_punct(word)
        if inflecting and core and _CYRILLIC.search(core):
            if _is_nominative(core):
                new = inflect(core, grammemes)
                out.append((new or core) + tail)
                continue
            inflecting = False
        out.append(word)
    out.append(phrase[last:])
    return "".join(out)


def _split_punct(word: str) -> tuple[str, str]:
    core = word.rstrip(".,;:!?»)\"'")
    return core, word[len(core):]


def _is_nominative(word: str) -> bool:
    parses = parse(word)
    if not parses:
        return False
    if not is_known(word):  # guessed words: trust the best guess only
        return "nomn" in parses[0].tag.grammemes or "Fixd" in parses[0].tag.grammemes
    return any("nomn" in p.tag.grammemes for p in parses)


def cache_info() -> dict[str, object]:
    """Hit/miss counters of the per-form caches (for benchmarks)."""
    return {f.__name__: f.cache_info() for f in (parse, lemma, lemmas, proper_lemmas, is_known)}
