"""What the drift rules see of one link (``LinkContext``), the kinds of flag and their levels.

``drift.py`` holds the rules and re-exports these names; the number rules (``number_rules.py``)
take the same context.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..model import Flag, Link, TermHit
from .kinds import all_kinds

if TYPE_CHECKING:
    from ..glossary.hits import TermHits

LEVELS = ("info", "warning", "error")

# kind -> level; the site's CI gates with --fail-on LEVEL
# kind -> level (the drift rules' kinds, then the translators' QA checks: checks/kinds.py, one table);
# the site's CI gates with --fail-on LEVEL
KIND_LEVEL = {kind: level for kind, (level, _) in all_kinds().items()}
# what each kind checks, for `bilingual check --list-checks`
KIND_DOC = {kind: doc for kind, (_, doc) in all_kinds().items()}

KINDS = tuple(KIND_LEVEL)

# Kinds that are notes, not flags: a name the Russian adds where the English leaves it implicit
# («глава МИД России Сергей Лавров» for "the foreign minister") is the translator's freedom, unless
# it takes another name's place (then term_substitution flags it). Notes go to the report's
# ``notes`` list: shown on request, never counted by --fail-on.
NOTE_KINDS = frozenset({"extra_term"})


def split_notes(flags) -> tuple[tuple[Flag, ...], tuple[Flag, ...]]:
    """``(flags, notes)`` of a rule run's output."""
    return (tuple(f for f in flags if f.kind not in NOTE_KINDS),
            tuple(f for f in flags if f.kind in NOTE_KINDS))

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
    # For a null link: the neighbouring links' (EN text, RU text, comes after it), where a joined
    # sentence may sit
    neighbours: tuple[tuple[str, str, bool], ...] = ()
    # For a null link: the nearest links with both sides (past other null links) that are merges,
    # as (EN sentences, RU sentences)
    near_merges: tuple[tuple[list[str], list[str]], ...] = ()
    # the number rule's flag and the EN-only and RU-only mentions behind it (for ``across_boundaries``)
    numbers_left: tuple | None = None
    # the term rules' unmatched hits, with the ``dropped_terms`` they were worked out under (drift._unmatched)
    unmatched: tuple | None = None

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
