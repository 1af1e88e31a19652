"""Stale translations: Russian sentences whose English changed since they were
translated.

The Russian is taken to be the translation of the old English. The two English
versions are diffed; the old English is aligned with the Russian; every
English change then points at the Russian sentences it leaves out of date.
A sentence that only moved keeps a valid translation and is not stale, and
neither is one whose English numbers changed when the Russian already has the
new numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..model import Document, Glossary, Link
from .versions import DiffResult, as_document, counted, diff_versions


@dataclass(frozen=True)
class Stale:
    reason: str  # the English change: reworded, split, merged, removed, added, moved
    ru_indexes: tuple[int, ...]  # empty for new English with no translation yet
    ru_text: str
    old_en_indexes: tuple[int, ...]
    new_en_indexes: tuple[int, ...]
    old_en_text: str
    new_en_text: str
    word_diff: tuple[tuple[str, str], ...] = ()

    @property
    def ru_index(self) -> int | None:
        return self.ru_indexes[0] if self.ru_indexes else None

    def to_dict(self) -> dict:
        return {
            "reason": self.reason,
            "ru_sentence": None if self.ru_index is None else self.ru_index + 1,
            "ru_sentences": counted(self.ru_indexes),
            "ru_text": self.ru_text,
            "old_en_sentences": counted(self.old_en_indexes),
            "new_en_sentences": counted(self.new_en_indexes),
            "old_en_text": self.old_en_text,
            "new_en_text": self.new_en_text,
            "word_diff": [{"op": op, "text": text} for op, text in self.word_diff],
        }


def _ru_map(links: Sequence[Link]) -> dict[int, tuple[int, ...]]:
    out: dict[int, tuple[int, ...]] = {}
    for link in links:
        for e in link.en:
            out[e] = tuple(sorted(set(out.get(e, ())) | set(link.ru)))
    return out


def _numbers_follow_new(old_en: str, new_en: str, ru: str) -> bool:
    # When the English change touched numbers and the Russian already has the
    # new ones, the sentence was retranslated after the change.
    from collections import Counter

    from ..numbers.reader import extract_numbers

    old_n, new_n = Counter(extract_numbers(old_en, "en")), Counter(extract_numbers(new_en, "en"))
    ru_n = Counter(extract_numbers(ru, "ru"))
    return old_n != new_n and ru_n == new_n


def stale_from(diff: DiffResult, links: Sequence[Link], ru_sentences: Sequence[str]) -> list[Stale]:
    """Stale Russian sentences given an old->new English diff and old-EN<->RU links."""
    ru_of = _ru_map(links)
    out: list[Stale] = []
    for change in diff.changes:
        if change.kind == "unchanged" or (change.kind == "moved" and not change.word_diff):
            continue
        ru = tuple(sorted({r for e in change.old_indexes for r in ru_of.get(e, ())}))
        ru_text = " ".join(ru_sentences[r] for r in ru)
        if ru and _numbers_follow_new(change.old_text, change.new_text, ru_text):
            continue
        out.append(Stale(
            reason=change.kind,
            ru_indexes=ru,
            ru_text=ru_text,
            old_en_indexes=change.old_indexes,
            new_en_indexes=change.new_indexes,
            old_en_text=change.old_text,
            new_en_text=change.new_text,
            word_diff=change.word_diff,
        ))
    return out


def stale_translations(old_en: Document | Sequence[str], new_en: Document | Sequence[str],
                       ru: Document | Sequence[str], *, glossary: Glossary | None = None,
                       links: Sequence[Link] | None = None) -> list[Stale]:
    """Russian sentences to retranslate after the English went from ``old_en`` to ``new_en``.

    ``links`` (old English <-> Russian) default to the aligner's; new English
    sentences with no translation come back with empty ``ru_indexes``.
    """
    diff = diff_versions(old_en, new_en)
    ru_doc = as_document(ru, "ru", "<ru>")
    if links is None:
        from ..align import align_documents

        links = align_documents(as_document(old_en, "en", "<old-en>"), ru_doc, glossary=glossary).links
    return stale_from(diff, links, [s.text for s in ru_doc.sentences])
