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
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Iterable

from typing import TYPE_CHECKING

from ..model import Alignment, Flag, Glossary, Link, Term, TermHit
from .kinds import all_kinds

if TYPE_CHECKING:
    from ..glossary.hits import TermHits

LEVELS = ("info", "warning", "error")

# kind -> level (drift kinds, then the translators' QA checks); the site's CI gates with --fail-on LEVEL
KIND_LEVEL = {kind: level for kind, (level, _) in all_kinds().items()}
# what each kind checks, for `bilingual check --list-checks`
KIND_DOC = {kind: doc for kind, (_, doc) in all_kinds().items()}

KINDS = tuple(KIND_LEVEL)

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_UKRAINIAN_ONLY = re.compile(r"[ієїґІЄЇҐ]")
_CYR_WORD = re.compile(r"[\u0400-\u04FF]+")
# fewer letters than this and langdetect is a coin toss
MIN_LETTERS_FOR_LANGUAGE = 25
# What a Russian-side sentence may turn out to be. Restricting langdetect to these is
# several times faster and keeps a short Russian headline from reading as Bulgarian.
CYRILLIC_CANDIDATES = ("ru", "uk", "be")
LATIN_CANDIDATES = ("en", "de", "fr", "es", "it", "pl")


def level_at_least(level: str, threshold: str) -> bool:
    return LEVELS.index(level) >= LEVELS.index(threshold)


@dataclass
class LinkContext:
    """What the rules see of one link; expensive parts computed once, on demand."""

    link: Link
    en_sents: list[str]
    ru_sents: list[str]
    hits: TermHits | None  # the documents' glossary hits (per sentence), found once
    # RU sentences found not to be Russian at all: the term and number rules leave
    # them alone, since «translate this sentence» already says everything
    not_russian: set[int] = field(default_factory=set)
    # English terms of a sentence found dropped inside an uncertain merge: reported as
    # one omission, not once per term
    dropped_terms: set[str] = field(default_factory=set)
    dropped_numbers: Counter = field(default_factory=Counter)

    # Terms a term_substitution flag already reports: no missing/extra flag for them too
    substituted_en: set[str] = field(default_factory=set)
    substituted_ru: set[str] = field(default_factory=set)

    # For an uncertain link: the link and its neighbours. A term or number flag
    # there needs the neighbourhood to agree, so a misplaced link boundary can't
    # turn into a false «missing term».
    window_en: str = ""
    window_ru: str = ""
    window_en_idx: tuple[int, ...] = ()
    window_ru_idx: tuple[int, ...] = ()

    @property
    def terms_checkable(self) -> bool:
        return bool(self.link.ru) and not set(self.link.ru) <= self.not_russian

    @cached_property
    def other_en_hits(self) -> list[TermHit]:
        """EN hits that may account for the RU side: the link's, or the window's when uncertain."""
        if self.link.uncertain and self.hits:
            return self.hits.en.of(self.window_en_idx)
        return self.en_hits

    @cached_property
    def other_ru_hits(self) -> list[TermHit]:
        if self.link.uncertain and self.hits:
            return self.hits.ru.of(self.window_ru_idx)
        return self.ru_hits

    @cached_property
    def other_en_numbers(self) -> Counter:
        from ..numbers.reader import extract_numbers

        return Counter(extract_numbers(self.window_en, "en")) if self.link.uncertain else self.en_numbers

    @cached_property
    def other_ru_numbers(self) -> Counter:
        from ..numbers.reader import extract_numbers

        return Counter(extract_numbers(self.window_ru, "ru")) if self.link.uncertain else self.ru_numbers

    def uncertain_note(self) -> str:
        return " (alignment uncertain here; not in the neighbouring sentences either)" if self.link.uncertain else ""

    @property
    def en_text(self) -> str:
        return " ".join(self.en_sents)

    @property
    def ru_text(self) -> str:
        return " ".join(self.ru_sents)

    @property
    def en_index(self) -> int | None:
        return self.link.en[0] if self.link.en else None

    @property
    def ru_index(self) -> int | None:
        return self.link.ru[0] if self.link.ru else None

    @cached_property
    def en_hits(self) -> list[TermHit]:
        return self.hits.en.of(self.link.en) if self.hits else []

    @cached_property
    def ru_hits(self) -> list[TermHit]:
        return self.hits.ru.of(self.link.ru) if self.hits else []

    @cached_property
    def en_numbers(self) -> Counter:
        from ..numbers.reader import extract_numbers

        return Counter(extract_numbers(self.en_text, "en"))

    @cached_property
    def ru_numbers(self) -> Counter:
        from ..numbers.reader import extract_numbers

        return Counter(extract_numbers(self.ru_text, "ru"))

    def flag(self, kind: str, message: str, *, why: str = "", rule: str = "", **kw) -> Flag:
        return Flag(
            kind=kind,
            en_index=kw.pop("en_index", self.en_index),
            ru_index=kw.pop("ru_index", self.ru_index),
            en_text=kw.pop("en_text", self.en_text),
            ru_text=kw.pop("ru_text", self.ru_text),
            message=message,
            level=KIND_LEVEL[kind],
            rule=rule or kind,
            why=why,
            **kw,
        )


# ---------------------------------------------------------------- helpers

def _same_rendering(a: Term, b: Term) -> bool:
    """Terms that stand for one name: `Putin` and `Vladimir Putin` (same surname in Russian)."""
    if a.en == b.en or a.ru == b.ru:
        return True
    last_a = a.ru.split()[-1].lower().replace("ё", "е")
    last_b = b.ru.split()[-1].lower().replace("ё", "е")
    if last_a == last_b and a.type == b.type == "person":
        return True
    # "Donetsk" and "Donetsk region"-style pairs share the Russian head word
    return a.ru in b.allowed or b.ru in a.allowed


def _implied(a: Term, b: Term) -> bool:
    """One name implies the other: a capital for its country («Moscow said» / «Россия заявила»)."""
    from ..glossary.countries import capital_of

    for x, y in ((a, b), (b, a)):
        capital = capital_of(y.en)
        if capital and (capital == x.en or capital.startswith(x.en + " ")):  # "Washington D.C."
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
    return len(_LETTERS.findall(text))


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

def omission(ctx: LinkContext) -> Iterable[Flag]:
    """An English sentence with no Russian counterpart."""
    if ctx.link.en and not ctx.link.ru:
        for i, text in zip(ctx.link.en, ctx.en_sents):
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
            yield ctx.flag("addition", "Russian sentence has no English source",
                           ru_index=i, ru_text=text, en_index=None, en_text="",
                           why="aligner linked this RU sentence to nothing")


def untranslated(ctx: LinkContext) -> Iterable[Flag]:
    """A Russian-side sentence still in English, or identical to its source."""
    from ..sources.langid import detect

    for i, text in zip(ctx.link.ru, ctx.ru_sents):
        letters = _letters(text)
        if not letters:
            continue
        if ctx.en_sents and text.strip() == ctx.en_text.strip() and letters >= 8:
            ctx.not_russian.add(i)
            yield ctx.flag("untranslated", "left in English: identical to the source sentence",
                           ru_index=i, ru_text=text, why="RU text == EN text")
            continue
        latin = len(_LATIN.findall(text))
        cyrillic = len(_CYRILLIC.findall(text))
        # a Russian sentence quoting English titles («лидируют DOP 2: Delete One Part и …»)
        # still has Russian words around them; one left in English has next to none
        if letters >= MIN_LETTERS_FOR_LANGUAGE and latin / letters > 0.6 and cyrillic / letters < 0.15:
            lang = detect(text, candidates=LATIN_CANDIDATES)
            if lang == "en":
                ctx.not_russian.add(i)
                yield ctx.flag("untranslated", "sentence on the Russian side is in English",
                               ru_index=i, ru_text=text,
                               why=f"{latin}/{letters} letters Latin; langdetect: en")


def wrong_language(ctx: LinkContext) -> Iterable[Flag]:
    """A Russian-side sentence in a third language (e.g. Ukrainian)."""
    from ..sources.langid import detect

    for i, text in zip(ctx.link.ru, ctx.ru_sents):
        letters = _letters(text)
        cyr = len(_CYRILLIC.findall(text))
        if letters < MIN_LETTERS_FOR_LANGUAGE or cyr / max(letters, 1) < 0.5:
            continue  # short, or Latin (the untranslated rule's case)
        lang = detect(text, candidates=CYRILLIC_CANDIDATES)
        words = _CYR_WORD.findall(text)
        uk_words = sum(1 for w in words if _UKRAINIAN_ONLY.search(w))
        if lang in (None, "ru") and uk_words >= 3 and uk_words >= 0.2 * len(words):
            lang = "uk"  # letters Russian doesn't have, in a fifth of the words: not a name or two
        if lang not in (None, "ru", "en") or (lang is None and _UKRAINIAN_ONLY.search(text)):
            ctx.not_russian.add(i)
            yield ctx.flag("wrong_language", f"sentence on the Russian side is in {lang or 'another language'}",
                           ru_index=i, ru_text=text, found=lang,
                           why=f"langdetect: {lang}; {cyr} Cyrillic letters")


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


def _unmatched(ctx: LinkContext) -> tuple[list[TermHit], list[TermHit]]:
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
        if term.en in ctx.dropped_terms or _term_covered(term, ctx.other_ru_hits) \
                or _implied_by(term, ctx.other_ru_hits, ctx.en_hits):
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
        ctx.substituted_en.add(en_hit.term.en)
        ctx.substituted_ru.add(other.term.en)
        yield ctx.flag("term_substitution",
                       f"{en_hit.term.en} is in the English but the Russian has «{other.form}» "
                       f"({other.term.en}) instead of «{en_hit.term.ru}»" + ctx.uncertain_note(),
                       term=en_hit.term.en, expected=en_hit.term.ru, found=other.form,
                       why=f"EN «{en_hit.form}» has no RU counterpart; RU «{other.form}» ({other.term.type}) "
                           "has no EN counterpart")


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


def _unaccounted(mine, theirs) -> list[str]:
    """Values of ``mine``'s digit mentions no mention of ``theirs`` stands for (each used once)."""
    pool = list(theirs)
    left = []
    for m in mine:
        k = next((k for k, t in enumerate(pool) if t.value == m.value), None)
        if k is None:
            k = next((k for k, t in enumerate(pool) if t.alts & m.alts), None)
        if k is None:
            left.append(m)
        else:
            pool.pop(k)
    return [m.value for m in left if not m.soft]


def number_mismatch(ctx: LinkContext) -> Iterable[Flag]:
    """Numbers that differ between the two sides, compared by meaning.

    "3 million" = «3 млн» = «3 000 000», "$2 million" = «двух миллионов», "5.30pm" =
    «17:30», "17th century" = «XVII век»: a number written one way on one side and
    another way on the other is no mismatch.
    """
    if not ctx.link.en or not ctx.terms_checkable:
        return
    en, ru = ctx.en_numbers - ctx.dropped_numbers, ctx.ru_numbers
    if en == ru:
        return
    from ..numbers.reader import number_mentions

    dropped = Counter(ctx.dropped_numbers)
    en_mentions = []
    for m in number_mentions(ctx.en_text, "en"):
        if not m.soft and dropped[m.value] > 0:
            dropped[m.value] -= 1
            continue
        en_mentions.append(m)
    ru_mentions = number_mentions(ctx.ru_text, "ru")
    other_ru = number_mentions(ctx.window_ru, "ru") if ctx.link.uncertain else ru_mentions
    other_en = number_mentions(ctx.window_en, "en") if ctx.link.uncertain else en_mentions
    only_en = sorted(_unaccounted(en_mentions, other_ru))
    only_ru = sorted(_unaccounted(ru_mentions, other_en))
    if not only_en and not only_ru:
        return
    expected = ", ".join(only_en) or None
    found = ", ".join(only_ru) or None
    if only_en and only_ru:
        msg = f"number changed: EN {expected}, RU {found}"
    elif only_en:
        msg = f"number {expected} of the English is missing in the Russian"
    else:
        msg = f"number {found} in the Russian is not in the English"
    yield ctx.flag("number_mismatch", msg + ctx.uncertain_note(), expected=expected, found=found,
                   why=f"EN numbers {sorted(en.elements())}; RU numbers {sorted(ru.elements())} "
                       "(number words, scales, Roman numerals and 12/24-hour times compared by value)")


_MONTH_NAMES = ("January February March April May June July August September October November December").split()


def date_mismatch(ctx: LinkContext) -> Iterable[Flag]:
    """A date whose day is right and month wrong ("December 10" → «10 ноября»)."""
    if not ctx.link.en or not ctx.terms_checkable:
        return
    from ..numbers.reader import dates

    en_dates = dates(ctx.en_text, "en")
    if not en_dates:
        return
    ru_dates = dates(ctx.window_ru if ctx.link.uncertain else ctx.ru_text, "ru")
    for day, month in en_dates:
        if (day, month) in ru_dates:
            continue
        wrong = [(d, m) for d, m in ru_dates if d == day and m != month]
        if wrong:
            d, m = wrong[0]
            yield ctx.flag("date_mismatch",
                           f"date changed: EN {_MONTH_NAMES[month - 1]} {day}, RU {d} {_MONTH_NAMES[m - 1]}"
                           + ctx.uncertain_note(),
                           expected=f"{day:02d}-{month:02d}", found=f"{d:02d}-{m:02d}",
                           why="same day, another month")


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
    for k, link in enumerate(links):
        ctx = LinkContext(link, [en_sents[i] for i in link.en], [ru_sents[j] for j in link.ru], hits)
        if link.uncertain:
            near = links[max(k - 1, 0): k + 2]
            ctx.window_en_idx = tuple(i for l in near for i in l.en)
            ctx.window_ru_idx = tuple(j for l in near for j in l.ru)
            ctx.window_en = " ".join(en_sents[i] for i in ctx.window_en_idx)
            ctx.window_ru = " ".join(ru_sents[j] for j in ctx.window_ru_idx)
        for rule in rules or RULES:
            flags.extend(rule(ctx))
        not_russian |= ctx.not_russian
    if rules is None:  # the whole check: the translators' QA checks too
        from .qa import qa_flags

        flags.extend(qa_flags(alignment, glossary, not_russian=not_russian))
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
