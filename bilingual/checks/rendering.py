"""How each English name is rendered in Russian across the archive.

Per article, ``collect_renderings`` records the Russian word that stands for an
English name in an aligned link when it is *not* a glossary form (a glossary
term the Russian renders some other way). Across the corpus, ordered by article
date, ``inconsistent_renderings`` flags each name rendered more than one way:
this is how drift creeps in over time, one article at a time.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .drift import KIND_LEVEL, _same_rendering
from ..model import Alignment, ArticleResult, Flag, Glossary

_WORD = re.compile(r"[А-ЯЁA-Z][\w\u0301’'-]*", re.UNICODE)
_MIN_SIMILARITY = 72.0
_MIN_TRANSLIT_SIMILARITY = 80.0
_EN_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*\b")
# capitalised at a sentence start far more often than names
_EN_COMMON = frozenset("""A An And As At But By For From He Her His How If In Into It Its Last Meanwhile
Next No Not Of On One Or She So Such That The Their Then There These They This Those To Under We What
When Where Which While Who Why With Yet""".split())


@dataclass(frozen=True)
class Rendering:
    term: str  # the English name
    canonical: str  # the glossary's Russian, or "" for a name the glossary lacks
    form: str  # the Russian word as written
    key: str  # the form normalised (lemma, ё = е) so case forms compare equal
    en_index: int | None
    ru_index: int | None
    en_text: str
    ru_text: str
    unit: str | None = None  # in a CAT file, the unit it was found in
    given: str = ""  # the English first name before a surname ("Russell" of "Russell Brand"), if any


def _norm(word: str) -> str:
    return word.lower().replace("ё", "е")


def _candidate_words(text: str, taken: list[tuple[int, int]]):
    for m in _WORD.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if m.group(0).isascii():
            continue  # a name kept in Latin script ("Lockheed Martin", "Le Figaro") is not rendered at all
        if _is_adjective(m.group(0)):
            continue  # «Балканского побережья»: an adjective built on a name, not a rendering of it
        yield m.group(0)


def _is_adjective(word: str) -> bool:
    from ..russian.morph import parse

    parses = parse(word)
    return bool(parses) and parses[0].tag.POS == "ADJF" and parses[0].is_known


def _closest(word_forms: list[str], target: str, score) -> tuple[str, float] | None:
    best = None
    for form in word_forms:
        sc = score(form, target)
        if best is None or sc > best[1]:
            best = (form, sc)
    return best


def _glossary_score(form: str, target: str) -> float:
    from rapidfuzz import fuzz

    from ..russian.morph import lemma

    return max(fuzz.ratio(lemma(form), target), fuzz.ratio(_norm(form), target))


def _translit_score(form: str, en_name: str) -> float:
    from rapidfuzz import fuzz

    from ..russian.morph import proper_lemma
    from ..russian.translit import ru_to_latin

    return max(fuzz.ratio(ru_to_latin(proper_lemma(form)), en_name), fuzz.ratio(ru_to_latin(_norm(form)), en_name))


_GIVEN_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")


def _en_names(text: str, taken: list[tuple[int, int]]):
    """``(name, given name)``: capitalised English words outside glossary hits (names the glossary
    may lack), each with the capitalised word right before it, the person's first name if any."""
    for m in _EN_NAME.finditer(text):
        if m.group(0) in _EN_COMMON or any(s <= m.start() < e for s, e in taken):
            continue
        before = _GIVEN_BEFORE.search(text[max(0, m.start() - 30):m.start()])
        given = before.group(1) if before and before.group(1) not in _EN_COMMON else ""
        yield m.group(0), given


def collect_renderings(alignment: Alignment, matcher=None) -> list[Rendering]:
    """Russian renderings of names in one aligned article that are not glossary forms.

    A glossary term the Russian renders some other way is found by closeness to the
    glossary's Russian; a name the glossary lacks, by transliteration. Term hits
    are the alignment's own (or found once with ``matcher``).
    """
    from ..glossary.hits import find_hits
    from ..russian.morph import proper_lemma

    out: list[Rendering] = []
    en_sents = alignment.en_doc.sentence_texts
    ru_sents = alignment.ru_doc.sentence_texts
    hits = alignment.hits
    if hits is None:
        if matcher is None:
            return out
        hits = find_hits(en_sents, ru_sents, matcher)
    for link in alignment.links:
        if not (link.en and link.ru) or link.uncertain:
            continue
        en_text = " ".join(en_sents[i] for i in link.en)
        ru_text = " ".join(ru_sents[j] for j in link.ru)
        en_hits = hits.en.of(link.en)
        ru_hits = hits.ru.of(link.ru)
        words = list(_candidate_words(ru_text, [(h.start, h.stop) for h in ru_hits]))
        if not words:
            continue

        def record(term: str, canonical: str, form: str, given: str = "") -> None:
            out.append(Rendering(term, canonical, form, proper_lemma(form), link.en[0], link.ru[0], en_text, ru_text,
                                 given=given))

        for hit in en_hits:
            term = hit.term
            if any(_same_rendering(term, h.term) for h in ru_hits):
                continue
            found = _closest(words, _norm(term.ru.split()[-1]), _glossary_score)
            if found and found[1] >= _MIN_SIMILARITY:
                record(term.en, term.ru, found[0])
        for name, given in _en_names(en_text, [(h.start, h.stop) for h in en_hits]):
            found = _closest(words, name.lower(), _translit_score)
            if found and found[1] >= _MIN_TRANSLIT_SIMILARITY:
                record(name, "", found[0], given)
    return out


def _same_name(a: Rendering, b: Rendering) -> bool:
    """Two renderings are one form when they are case forms of one name («Манделу», «Манделой»),
    read with the English name they render (Brazil: «Бразилия», «Бразилии»)."""
    from ..russian.morph import lemmas
    from ..russian.names import same_name

    return a.key == b.key or bool(lemmas(a.form) & lemmas(b.form)) or same_name(a.form, b.form, a.term)


def inconsistent_renderings(articles: list[ArticleResult], renderings: dict[str, list[Rendering]],
                            glossary: Glossary | None) -> dict[str, list[Flag]]:
    """Flags, per article slug, for names the archive renders in more than one way."""
    order = sorted(articles, key=lambda a: (a.date or "", a.pair.slug))
    history: dict[str, list[tuple[ArticleResult, Rendering]]] = defaultdict(list)
    for art in order:
        for r in renderings.get(art.pair.slug, ()):
            history[r.term].append((art, r))
    flags: dict[str, list[Flag]] = defaultdict(list)
    for term, seen in history.items():
        # group case forms of one rendering; each group remembers where it first appeared
        groups: list[tuple[ArticleResult, Rendering]] = []
        group_of: list[int] = []
        for art, r in seen:
            for g, (_, first) in enumerate(groups):
                if _same_name(first, r):
                    group_of.append(g)
                    break
            else:
                group_of.append(len(groups))
                groups.append((art, r))
        canonical = seen[0][1].canonical
        # A single stray form is already a missing_term; drift across the archive is
        # when the same name takes two or more non-glossary forms.
        if len(groups) < 2:
            continue
        for (art, r), g in zip(seen, group_of):
            # "Russell Brand" and "Simon Brand" are two people: renderings of one surname with
            # different first names are not one name rendered two ways
            others = [groups[k] for k in range(len(groups))
                      if k != g and not (r.given and groups[k][1].given and r.given != groups[k][1].given)]
            if not others:
                continue
            where = ", ".join(f"«{o.form}» ({a.pair.slug}, {a.date or 'undated'})" for a, o in others)
            flags[art.pair.slug].append(Flag(
                kind="inconsistent_rendering",
                en_index=r.en_index, ru_index=r.ru_index, en_text=r.en_text, ru_text=r.ru_text,
                term=term, expected=canonical or None, found=r.form,
                message=f"{term} is «{r.form}» here but {where} elsewhere"
                        + (f"; the glossary says «{canonical}»" if canonical else "; the glossary has no entry"),
                level=KIND_LEVEL["inconsistent_rendering"], rule="inconsistent_rendering",
                why=f"{len(groups)} non-glossary renderings of {term} across {len({a.pair.slug for a, _ in seen})} articles",
                unit=r.unit,
            ))
    return flags
