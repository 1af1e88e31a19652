"""Drift rules: where the Russian version of an article departs from the English.

Each rule is a small function ``rule(ctx) -> Iterable[Flag]`` over one
alignment link; ``RULES`` lists them in the order they run and report. The
corpus-level rule (one name rendered many ways across the archive) lives in
``rendering.py`` because it needs every article first.

Links the aligner marks ``uncertain`` never produce a term or number flag on
their own: the report says "alignment uncertain here" instead, since a wrong
link turns into a false «missing term».
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable

from ..model import Alignment, Flag, Glossary, Link, Term, TermHit
from .context import (  # noqa: F401  (the kinds, levels and context are part of the drift API)
    CYRILLIC_CANDIDATES, KIND_LEVEL, KINDS, LATIN_CANDIDATES, LEVELS, MIN_LETTERS_FOR_LANGUAGE, NOTE_KINDS,
    KIND_DOC, LinkContext, _CYR_WORD, _CYRILLIC, _LATIN, _LETTERS, _UKRAINIAN_ONLY, level_at_least, split_notes,
)
from .number_rules import date_mismatch, number_mismatch
from .spans import NOT_PROSE, english_quote, latin_kept, lowercase_use, pronoun_for

if TYPE_CHECKING:
    from ..glossary.hits import TermHits  # noqa: F401


# ---------------------------------------------------------------- helpers

@lru_cache(maxsize=65536)
def _last_word(ru: str) -> str:
    """The Russian name's last word, lowercased, ё as е."""
    return ru.split()[-1].lower().replace("ё", "е")


def _same_rendering(a: Term, b: Term) -> bool:
    """Terms that stand for one name: `Putin` and `Vladimir Putin` (same surname in Russian)."""
    if a.en == b.en or a.ru == b.ru:
        return True
    if a.type == b.type == "person" and _last_word(a.ru) == _last_word(b.ru):
        return True
    # "Donetsk" and "Donetsk region"-style pairs share the Russian head word
    return a.ru in b.allowed or b.ru in a.allowed


def _implied(a: Term, b: Term) -> bool:
    """One name implies the other: a capital for its country («Moscow said» / «Россия заявила»)."""
    from ..glossary.countries import capital_names, capital_of

    for x, y in ((a, b), (b, a)):
        capital = capital_of(y.en)
        if capital and x.en in capital_names(capital):  # "Washington" for "Washington D.C."
            return True
    return False


# «долларов США», «австралийских долларов»: a currency's qualifier, not a mention of the country
_CURRENCY_BEFORE = re.compile(r"(?:доллар|фунт|евро|иен|юан|рубл|франк|крон|динар)\w*\s+$", re.I)
_CURRENCY_AFTER = re.compile(r"^\s*(?:доллар|фунт|евро|иен|юан|рубл|франк|крон|динар)", re.I)


_EN_CURRENCY_AFTER = re.compile(r"^\s*(?:dollars?|cents?|pounds?|euros?|yuan|yen|rubles?|roubles?|francs?)\b", re.I)


def _en_currency(text: str, hit: TermHit) -> bool:
    """"US dollar", "Canadian dollars": a currency, which Russian often names without its country."""
    return bool(_EN_CURRENCY_AFTER.match(text[hit.stop:hit.stop + 12]))


def _currency_qualifier(text: str, hit: TermHit) -> bool:
    return bool(_CURRENCY_BEFORE.search(text[max(0, hit.start - 30):hit.start])
                or hit.kind == "derived" and _CURRENCY_AFTER.match(text[hit.stop:hit.stop + 30]))


def _letters(text: str) -> int:
    """How many characters of ``text`` ``_LETTERS`` matches (letters, and numerals that are no
    decimal digit: ², ½, Ⅻ), counted by str methods in C rather than a list of matches."""
    n = sum(map(str.isalpha, text))
    if not text.isascii() and sum(map(str.isnumeric, text)) > sum(map(str.isdecimal, text)):
        n += sum(1 for ch in text if ch.isnumeric() and not ch.isdecimal() and not ch.isalpha())
    return n


_CYRILLIC_RUN = re.compile(_CYRILLIC.pattern + "+")


def _cyrillic(text: str) -> int:
    """How many characters of ``text`` ``_CYRILLIC`` matches, counted by runs."""
    return sum(map(len, _CYRILLIC_RUN.findall(text)))


def _term_covered(term: Term, hits: Iterable[TermHit]) -> TermHit | None:
    """A hit (of any kind: a derived adjective names the place too) standing for ``term``."""
    for hit in hits:
        if _same_rendering(term, hit.term):
            return hit
    return None


def _implied_by(term: Term, hits: Iterable[TermHit], own: Iterable[TermHit]) -> bool:
    """A capital standing for its country, or the reverse, among ``hits`` on the other side.

    The implying hit must be a name (not an adjective) that ``own`` (the term's side)
    doesn't already account for: «США» can stand for "Washington" only when the
    English doesn't say "US" as well.
    """
    own = [h for h in own if h.kind in ("allowed", "variant")]  # "French" doesn't say France
    return any(h.kind in ("allowed", "variant") and _implied(term, h.term) and not _term_covered(h.term, own)
               for h in hits)


# ---------------------------------------------------------------- the rules

def _joined(ctx: LinkContext, text: str, side: str) -> bool:
    """``text`` (a sentence of ``side`` with no counterpart) was joined to a neighbouring link's
    sentence (see ``merges``); it has no glossary name, and its numbers are on the other side."""
    from ..numbers.reader import extract_numbers
    from .merges import MIN_GAIN, best_neighbour

    other = "ru" if side == "en" else "en"
    pairs = [((en, ru) if side == "en" else (ru, en)) + (after,) for en, ru, after in ctx.neighbours]
    theirs = {n for _, their, _ in pairs for n in extract_numbers(their, other)}
    if not set(extract_numbers(text, side)) <= theirs:
        return False
    if ctx.hits is not None:
        idx = ctx.link.en if side == "en" else ctx.link.ru
        mine = (ctx.hits.en if side == "en" else ctx.hits.ru).of(idx)
        names = {h.term.en for h in mine if h.kind in ("allowed", "variant")}
        if names:
            return False  # a sentence with a name of the glossary: the name rules' evidence decides
    gain = best_neighbour(text, pairs)
    return gain is not None and gain >= MIN_GAIN


def _counterpart_in_merge(ctx: LinkContext, text: str, side: str) -> bool:
    """``text`` (a sentence of ``side`` with no counterpart) next to a merge whose other side holds
    more sentences than its own: when one of those sentences is clearly nearer to the orphan than
    to the merge's own side (``merges.counterpart_gain``), the aligner misplaced a boundary."""
    from .merges import MIN_PAIR_GAIN, counterpart_gain

    for en, ru in ctx.near_merges:
        own, other = (en, ru) if side == "en" else (ru, en)
        if len(other) > len(own):
            gain = counterpart_gain(text, " ".join(own), other)
            if gain is not None and gain >= MIN_PAIR_GAIN:
                return True
    return False


def omission(ctx: LinkContext) -> Iterable[Flag]:
    """An English sentence with no Russian counterpart."""
    if ctx.link.en and not ctx.link.ru:
        for i, text in zip(ctx.link.en, ctx.en_sents):
            if ctx.neighbours and _joined(ctx, text, "en"):
                continue  # joined to the next or previous sentence by the translator
            if ctx.near_merges and _counterpart_in_merge(ctx, text, "en"):
                continue  # the aligner gave its counterpart to a merge next to it
            yield ctx.flag("omission", "English sentence has no Russian counterpart",
                           en_index=i, en_text=text, ru_index=None, ru_text="",
                           why="aligner linked this EN sentence to nothing")
    elif len(ctx.link.en) > 1 and ctx.link.uncertain and ctx.hits and ctx.terms_checkable:
        yield from _dropped_inside_merge(ctx)


def _dropped_inside_merge(ctx: LinkContext) -> Iterable[Flag]:
    """In an uncertain merge, an EN sentence none of whose names or numbers reach the Russian.

    A dropped sentence next to a sentence the translator expanded looks, by length, like
    a merge; its names are the evidence the aligner's length model lacks.
    """
    from ..numbers.reader import extract_numbers

    evidence = []
    for i, text in zip(ctx.link.en, ctx.en_sents):
        terms = {h.term.en: h.term for h in ctx.hits.en.sentences[i]}
        numbers = set(extract_numbers(text, "en"))
        covered = sum(1 for t in terms.values() if _term_covered(t, ctx.other_ru_hits))
        covered += len(numbers & set(ctx.other_ru_numbers))
        evidence.append((i, text, terms, len(terms) + len(numbers), covered))
    if not any(cov for *_, cov in evidence):
        return  # nothing of the link reached the Russian: the link itself is suspect, not one sentence
    for i, text, terms, anchors, covered in evidence:
        if anchors >= 2 and covered == 0:
            ctx.dropped_terms.update(terms)
            ctx.dropped_numbers.update(extract_numbers(text, "en"))
            names = ", ".join(terms) or "its numbers"
            yield ctx.flag("omission", "English sentence seems to have no Russian counterpart "
                           "(aligned inside a merge, but none of its names or numbers are in the Russian)",
                           en_index=i, en_text=text,
                           why=f"uncertain {len(ctx.link.en)}-{len(ctx.link.ru)} link; {names} not in the Russian")


def addition(ctx: LinkContext) -> Iterable[Flag]:
    """A Russian sentence with no English source."""
    if ctx.link.ru and not ctx.link.en:
        for i, text in zip(ctx.link.ru, ctx.ru_sents):
            if ctx.neighbours and _joined(ctx, text, "ru"):
                continue  # one English sentence the translator made two
            if ctx.near_merges and _counterpart_in_merge(ctx, text, "ru"):
                continue
            yield ctx.flag("addition", "Russian sentence has no English source",
                           ru_index=i, ru_text=text, en_index=None, en_text="",
                           why="aligner linked this RU sentence to nothing")


def untranslated(ctx: LinkContext) -> Iterable[Flag]:
    """A Russian-side sentence still in English, or identical to its source."""
    from ..sources.langid import detect

    for i, text in zip(ctx.link.ru, ctx.ru_sents):
        prose = NOT_PROSE.sub(" ", text)  # a link or a tag is the same in any language
        letters = _letters(prose)
        if not letters:
            continue
        if ctx.en_sents and text.strip() == ctx.en_text.strip() and letters >= 8:
            ctx.not_russian.add(i)
            yield ctx.flag("untranslated", "left in English: identical to the source sentence",
                           ru_index=i, ru_text=text, why="RU text == EN text")
            continue
        latin = len(_LATIN.findall(prose))
        cyrillic = _cyrillic(prose)
        # a Russian sentence quoting English titles («в топе Merge Town 3: Build It и …»)
        # still has Russian words around them; one left in English has next to none
        if letters >= MIN_LETTERS_FOR_LANGUAGE and latin / letters > 0.6 and cyrillic / letters < 0.15:
            lang = detect(text, candidates=LATIN_CANDIDATES)
            if lang == "en":
                ctx.not_russian.add(i)
                yield ctx.flag("untranslated", "sentence on the Russian side is in English",
                               ru_index=i, ru_text=text,
                               why=f"{latin}/{letters} letters Latin; langdetect: en")
                continue
        if cyrillic:
            quote = english_quote(prose)
            if quote:
                yield ctx.flag("untranslated", f"a quotation left in English: “{quote}”", ru_index=i, ru_text=text,
                               found=quote, why="a quoted span of Latin words with English function words, "
                                                "inside a Russian sentence")


def wrong_language(ctx: LinkContext) -> Iterable[Flag]:
    """A Russian-side sentence in a third language (e.g. Ukrainian)."""
    from ..sources.langid import detect

    for i, text in zip(ctx.link.ru, ctx.ru_sents):
        letters = _letters(text)
        cyr = _cyrillic(text)
        if letters < MIN_LETTERS_FOR_LANGUAGE or cyr / max(letters, 1) < 0.5:
            continue  # short, or Latin (the untranslated rule's case)
        lang = detect(text, candidates=CYRILLIC_CANDIDATES)
        words, uk_words = [], 0
        if _UKRAINIAN_ONLY.search(text):  # most sentences have no Ukrainian letter: no words to count
            words = _CYR_WORD.findall(text)
            uk_words = sum(1 for w in words if _UKRAINIAN_ONLY.search(w))
        if lang in (None, "ru") and uk_words >= 3 and uk_words >= 0.2 * len(words):
            lang = "uk"  # letters Russian doesn't have, in a fifth of the words: not a name or two
        if lang in (None, "ru") and uk_words and _not_russian_words(words):
            lang = "uk"  # «граніца закрита»: a Ukrainian letter, and common words Russian doesn't know
        if lang not in (None, "ru", "en") or (lang is None and _UKRAINIAN_ONLY.search(text)):
            ctx.not_russian.add(i)
            yield ctx.flag("wrong_language", f"sentence on the Russian side is in {lang or 'another language'}",
                           ru_index=i, ru_text=text, found=lang,
                           why=f"langdetect: {lang}; {cyr} Cyrillic letters")


# lowercase words (not names) unknown to the Russian dictionary or spelt with a Ukrainian letter:
# this many, and this share of the sentence's lowercase words, make it not Russian. Over every
# sentence of the enru-wide dev references: none; over the same sentences re-spelt the
# Ukrainian way: 85% on their own.
MIN_FOREIGN_WORDS = 2
MIN_FOREIGN_SHARE = 0.2


def _not_russian_words(words: list[str]) -> bool:
    from ..russian import morph

    lower = [w for w in words if w[:1].islower() and len(w) >= 3]
    odd = sum(1 for w in lower if _UKRAINIAN_ONLY.search(w) or not morph.is_known(w))
    return odd >= MIN_FOREIGN_WORDS and odd >= MIN_FOREIGN_SHARE * len(lower)


def forbidden_variant(ctx: LinkContext) -> Iterable[Flag]:
    """A form the glossary forbids, in any case form; needs no alignment."""
    if ctx.link.ru and set(ctx.link.ru) <= ctx.not_russian:
        return
    for hit in ctx.ru_hits:
        if hit.kind == "forbidden":
            yield ctx.flag("forbidden_variant",
                           f"«{hit.form}» is a forbidden rendering of {hit.term.en}; use «{hit.term.ru}»",
                           term=hit.term.en, expected=hit.term.ru, found=hit.form,
                           why=f"glossary line {hit.term.line} forbids {', '.join(hit.term.forbidden)}")


def _named_before(ctx: LinkContext, term: Term) -> bool:
    """Whether the Russian names ``term`` in a sentence before the link (a pronoun's antecedent)."""
    if not ctx.hits or not ctx.link.ru or term.type != "person":
        return False
    return any(h.term.en == term.en for j in range(min(ctx.link.ru)) for h in ctx.hits.ru.sentences[j])


def _unmatched(ctx: LinkContext) -> tuple[list[TermHit], list[TermHit]]:
    """EN terms with no RU counterpart and RU names with no EN counterpart in the link
    (worked out once per link for the three term rules; again only if ``dropped_terms`` changed).
    """
    key = frozenset(ctx.dropped_terms)
    if ctx.unmatched is None or ctx.unmatched[0] != key:
        ctx.unmatched = (key, _find_unmatched(ctx))
    return ctx.unmatched[1]


def _find_unmatched(ctx: LinkContext) -> tuple[list[TermHit], list[TermHit]]:
    """EN terms with no RU counterpart and RU names with no EN counterpart in the link.

    Derived words (German, «иранский») only ever account for a name: an English
    adjective the Russian leaves out, or a Russian adjective the translator adds,
    is the translator's freedom; so do names inside longer names ("Moscow State
    University" → «МГУ»). A capital stands for its country on the other side.
    """
    en_missing: list[TermHit] = []
    seen: set[str] = set()
    for hit in ctx.en_hits:
        term = hit.term
        if hit.kind == "derived" or hit.within or term.en in seen or _en_currency(ctx.en_text, hit):
            continue
        seen.add(term.en)
        ru_text = ctx.window_ru if ctx.link.uncertain else ctx.ru_text
        if term.en in ctx.dropped_terms or _term_covered(term, ctx.other_ru_hits) \
                or _implied_by(term, ctx.other_ru_hits, ctx.en_hits) \
                or lowercase_use(term, ru_text) or latin_kept(term, ru_text) \
                or pronoun_for(term, ctx.en_text, ru_text, _named_before(ctx, term)):
            continue
        en_missing.append(hit)
    ru_extra: list[TermHit] = []
    seen = set()
    for hit in ctx.ru_hits:
        term = hit.term
        if hit.kind in ("forbidden", "derived") or hit.within or term.en in seen \
                or _currency_qualifier(ctx.ru_text, hit):
            continue
        seen.add(term.en)
        if _term_covered(term, ctx.other_en_hits) or _implied_by(term, ctx.other_en_hits, ctx.ru_hits):
            continue
        ru_extra.append(hit)
    return en_missing, ru_extra


def term_substitution(ctx: LinkContext) -> Iterable[Flag]:
    """The English names one term, the Russian another of the same type in its place ("Georgia" → «Молдова»)."""
    if not ctx.link.en or not ctx.terms_checkable:
        return
    en_missing, ru_extra = _unmatched(ctx)
    for en_hit in en_missing:
        other = next((h for h in ru_extra if h.term.type and h.term.type == en_hit.term.type
                      and h.term.en not in ctx.substituted_ru), None)
        if other is None:
            continue
        yield _substituted(ctx, en_hit, other,
                           f"{en_hit.term.en} is in the English but the Russian has «{other.form}» "
                           f"({other.term.en}) instead of «{en_hit.term.ru}»" + ctx.uncertain_note(),
                           f"EN «{en_hit.form}» has no RU counterpart")
    yield from _swapped_survivor(ctx, ru_extra)


def _substituted(ctx: LinkContext, en_hit: TermHit, other: TermHit, message: str, en_why: str) -> Flag:
    """The ``term_substitution`` flag for ``en_hit`` rendered as ``other``; both are marked as used."""
    ctx.substituted_en.add(en_hit.term.en)
    ctx.substituted_ru.add(other.term.en)
    return ctx.flag("term_substitution", message, term=en_hit.term.en, expected=en_hit.term.ru, found=other.form,
                    why=f"{en_why}; RU «{other.form}» ({other.term.type}) has no EN counterpart")


def _swapped_survivor(ctx: LinkContext, ru_extra: list[TermHit]) -> Iterable[Flag]:
    """A name swapped for another while it survives elsewhere in the sentence (a dateline):
    the English names it more often than the Russian, which names instead another of its type."""
    left = [h for h in ru_extra if h.term.type and h.term.en not in ctx.substituted_ru]
    if not left or ctx.link.uncertain:
        return
    en_count = Counter(h.term.en for h in ctx.en_hits if h.kind in ("allowed", "variant") and not h.within)
    ru_count = Counter(h.term.en for h in ctx.ru_hits if h.kind != "forbidden")
    for other in left:
        en_hit = next((h for h in ctx.en_hits if h.term.type == other.term.type and h.kind in ("allowed", "variant")
                       and en_count[h.term.en] > ru_count[h.term.en] and h.term.en not in ctx.substituted_en), None)
        if en_hit is None:
            continue
        yield _substituted(ctx, en_hit, other,
                           f"{en_hit.term.en} is named {en_count[en_hit.term.en]} times in the English but "
                           f"{ru_count[en_hit.term.en]} in the Russian, which has «{other.form}» ({other.term.en}) "
                           "instead", f"one mention of {en_hit.term.en} has no RU counterpart")


def missing_term(ctx: LinkContext) -> Iterable[Flag]:
    """An English glossary term whose Russian rendering is absent from the linked Russian."""
    if not ctx.link.en or not ctx.terms_checkable:
        return
    for hit in _unmatched(ctx)[0]:
        term = hit.term
        if term.en in ctx.substituted_en:
            continue
        yield ctx.flag("missing_term",
                       f"{term.en} is in the English but «{term.ru}» is not in the Russian" + ctx.uncertain_note(),
                       term=term.en, expected=term.ru, found=None,
                       why=f"EN has «{hit.form}»; no RU form of «{term.ru}» or its variants in the linked sentence")


def extra_term(ctx: LinkContext) -> Iterable[Flag]:
    """A glossary name in the Russian with no English counterpart in the link (info: often a translator's gloss)."""
    if not ctx.link.en or not ctx.terms_checkable:
        return
    for hit in _unmatched(ctx)[1]:
        term = hit.term
        if term.en in ctx.substituted_ru:
            continue
        yield ctx.flag("extra_term",
                       f"«{hit.form}» ({term.en}) is in the Russian but not in the English" + ctx.uncertain_note(),
                       term=term.en, expected=None, found=hit.form,
                       why="no EN glossary term in the link renders to this name, nor one it implies")


Rule = Callable[[LinkContext], Iterable[Flag]]

# The order rules run in, and the order their flags are reported in within a link.
RULES: list[Rule] = [
    omission,
    addition,
    untranslated,
    wrong_language,
    forbidden_variant,
    term_substitution,
    missing_term,
    extra_term,
    number_mismatch,
    date_mismatch,
]


def check_alignment(alignment: Alignment, glossary: Glossary | None, *, matcher=None,
                    hits: TermHits | None = None, rules: list[Rule] | None = None) -> list[Flag]:
    """Run the per-link drift rules over one aligned article.

    Term hits come from ``hits``; else they are found here once with ``matcher``;
    else they are the ones the alignment carries (found when it was aligned);
    else they are found with the glossary's matcher.
    """
    from ..glossary.hits import find_hits

    en_sents = alignment.en_doc.sentence_texts
    ru_sents = alignment.ru_doc.sentence_texts
    if hits is None and matcher is not None:
        hits = find_hits(en_sents, ru_sents, matcher)
    if hits is None:
        hits = alignment.hits
    if hits is None and glossary is not None and len(glossary):
        from ..glossary.match import matcher_for

        hits = find_hits(en_sents, ru_sents, matcher_for(glossary))
    flags: list[Flag] = []
    links = alignment.links
    not_russian: set[int] = set()
    contexts: list[LinkContext] = []
    for k, link in enumerate(links):
        ctx = LinkContext(link, [en_sents[i] for i in link.en], [ru_sents[j] for j in link.ru], hits)
        if link.uncertain:
            near = links[max(k - 1, 0): k + 2]
            ctx.window_en_idx = tuple(i for l in near for i in l.en)
            ctx.window_ru_idx = tuple(j for l in near for j in l.ru)
            ctx.window_en = " ".join(en_sents[i] for i in ctx.window_en_idx)
            ctx.window_ru = " ".join(ru_sents[j] for j in ctx.window_ru_idx)
        if not link.en or not link.ru:
            near = ((links[k - 1], False) if k else (None, False),
                    (links[k + 1], True) if k + 1 < len(links) else (None, True))
            ctx.neighbours = tuple((" ".join(en_sents[i] for i in l.en), " ".join(ru_sents[j] for j in l.ru), after)
                                   for l, after in near if l is not None and l.en and l.ru)
            # the nearest links with both sides, past other orphans: a merge there may hold the counterpart
            before = next((l for l in reversed(links[max(0, k - 3):k]) if l.en and l.ru), None)
            after_ = next((l for l in links[k + 1:k + 4] if l.en and l.ru), None)
            ctx.near_merges = tuple(([en_sents[i] for i in l.en], [ru_sents[j] for j in l.ru])
                                    for l in (before, after_) if l is not None and max(len(l.en), len(l.ru)) > 1)
        for rule in rules or RULES:
            flags.extend(rule(ctx))
        not_russian |= ctx.not_russian
        contexts.append(ctx)
    if (rules is None or number_mismatch in rules) and any(c.numbers_left for c in contexts):
        from .number_rules import across_boundaries

        changed = across_boundaries(contexts)
        if changed:
            flags = [changed.get(id(f), f) for f in flags]
            flags = [f for f in flags if f is not None]
    if rules is None:  # the whole check: the translators' QA checks too
        from .qa import qa_flags

        # A length flag pairing an omitted English sentence with a Russian one the aligner linked
        # elsewhere contradicts the omission rule, which found no counterpart for it in the links
        # around (a cut pair, omitted and added, keeps its length flag: it says why)
        omitted = {f.en_index for f in flags if f.kind == "omission"}
        added = {f.ru_index for f in flags if f.kind == "addition"}
        flags.extend(f for f in qa_flags(alignment, glossary, not_russian=not_russian)
                     if not (f.kind == "length_ratio" and f.en_index in omitted and f.ru_index not in added))
    return flags


def check_pairs(en: list[str], ru: list[str], glossary: Glossary | None = None, *, links=None) -> list[Flag]:
    """Drift flags for parallel segment lists (1-1 unless ``links`` are given)."""
    if links is None:
        if len(en) != len(ru):
            raise ValueError("check_pairs without links needs lists of equal length")
        links = [Link((i,), (i,)) for i in range(len(en))]
    en_doc = _doc_from_texts(en, "en")
    ru_doc = _doc_from_texts(ru, "ru")
    return check_alignment(Alignment(en_doc, ru_doc, tuple(links)), glossary)


def _doc_from_texts(texts: list[str], lang: str):
    from ..model import Document, Sentence

    sents, pos = [], 0
    for i, t in enumerate(texts):
        sents.append(Sentence(i, i, pos, pos + len(t), t))
        pos += len(t) + 1
    return Document(path="<memory>", lang=lang, text="\n".join(texts), sentences=tuple(sents))
