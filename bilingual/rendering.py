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
from .model import Alignment, ArticleResult, Flag, Glossary

_WORD = re.compile(r"[А-ЯЁA-Z][\w\u0301’'-]*", re.UNICODE)
_MIN_SIMILARITY = 72.0


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


def _norm(word: str) -> str:
    return word.lower().replace("ё", "е")


def _candidate_words(text: str, taken: list[tuple[int, int]]):
    for m in _WORD.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        yield m.group(0)


def _closest(word_forms: list[str], target: str) -> tuple[str, float] | None:
    from rapidfuzz import fuzz

    from .morph import lemma

    best = None
    for form in word_forms:
        key = lemma(form)
        score = max(fuzz.ratio(key, target), fuzz.ratio(_norm(form), target))
        if best is None or score > best[1]:
            best = (form, score)
    return best


def collect_renderings(alignment: Alignment, matcher) -> list[Rendering]:
    """Non-glossary Russian renderings of the glossary names in one aligned article."""
    from .morph import lemma

    out: list[Rendering] = []
    en_sents = alignment.en_doc.sentence_texts
    ru_sents = alignment.ru_doc.sentence_texts
    for link in alignment.links:
        if not (link.en and link.ru) or link.uncertain:
            continue
        en_text = " ".join(en_sents[i] for i in link.en)
        ru_text = " ".join(ru_sents[j] for j in link.ru)
        en_hits = matcher.find_en(en_text)
        if not en_hits:
            continue
        ru_hits = matcher.find_ru(ru_text)
        taken = [(h.start, h.stop) for h in ru_hits]
        words = None
        for hit in en_hits:
            term = hit.term
            if any(_same_rendering(term, h.term) for h in ru_hits):
                continue
            if words is None:
                words = list(_candidate_words(ru_text, taken))
            if not words:
                break
            target = _norm(term.ru.split()[-1])
            found = _closest(words, target)
            if found and found[1] >= _MIN_SIMILARITY:
                form = found[0]
                out.append(Rendering(term.en, term.ru, form, lemma(form), link.en[0], link.ru[0], en_text, ru_text))
    return out


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
        keys = []
        for _, r in seen:
            if r.key not in keys:
                keys.append(r.key)
        canonical = seen[0][1].canonical
        # A single stray form is already a missing_term; drift across the archive is
        # when the same name takes two or more non-glossary forms.
        if len(keys) < 2:
            continue
        first_of: dict[str, tuple[ArticleResult, Rendering]] = {}
        for art, r in seen:
            first_of.setdefault(r.key, (art, r))
        for art, r in seen:
            others = [first_of[k] for k in keys if k != r.key]
            where = ", ".join(f"«{o.form}» ({a.pair.slug}, {a.date or 'undated'})" for a, o in others)
            flags[art.pair.slug].append(Flag(
                kind="inconsistent_rendering",
                en_index=r.en_index, ru_index=r.ru_index, en_text=r.en_text, ru_text=r.ru_text,
                term=term, expected=canonical or None, found=r.form,
                message=f"{term} is «{r.form}» here but {where} elsewhere; the glossary says «{canonical}»",
                level=KIND_LEVEL["inconsistent_rendering"], rule="inconsistent_rendering",
                why=f"{len(keys)} non-glossary renderings of {term} across {len({a.pair.slug for a, _ in seen})} articles",
            ))
    return flags
