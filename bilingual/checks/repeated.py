"""Consistency of repeated text across the archive.

Standing lines, bylines, disclaimers and repeated quotes come back in many
articles. The same English sentence (normalised: case, spaces, quote marks and
final punctuation set aside) translated two ways, or one Russian sentence standing
for two different English ones, is flagged where it departs from the archive's
commonest translation (``inconsistent_repeat``). Only one-to-one links of sure
alignment count, and only sentences long enough to be a line someone reuses.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from .finding import Finding

MIN_WORDS = 4
MIN_CHARS = 20
_PUNCT = re.compile(r"[\s\"'«»“”„‘’`*_()\[\].,:;!?…—–-]+")


def norm(text: str) -> str:
    """Lowercase, ё as е, quote marks, punctuation and runs of spaces folded to one space."""
    return _PUNCT.sub(" ", text.lower().replace("ё", "е")).strip()


@dataclass(frozen=True)
class Repeat:
    """One sure 1-1 pair of an article, as the archive-wide rule needs it."""

    en_index: int
    ru_index: int
    en_text: str
    ru_text: str

    def to_dict(self) -> dict:
        return {"en_index": self.en_index, "ru_index": self.ru_index, "en_text": self.en_text,
                "ru_text": self.ru_text}


def collect(links, en_sents: list[str], ru_sents: list[str]) -> list[Repeat]:
    """The article's pairs worth comparing across the archive."""
    out = []
    for link in links:
        if len(link.en) != 1 or len(link.ru) != 1 or link.uncertain:
            continue
        en, ru = en_sents[link.en[0]], ru_sents[link.ru[0]]
        if len(en) >= MIN_CHARS and len(norm(en).split()) >= MIN_WORDS:
            out.append(Repeat(link.en[0], link.ru[0], en, ru))
    return out


def inconsistent(articles: dict[str, list[Repeat]]) -> dict[str, list[tuple[Repeat, Finding]]]:
    """slug -> (pair, finding) for every pair whose translation departs from its repeats' commonest one.

    ``articles`` is in archive order; a tie for the commonest goes to the first seen.
    """
    by_en: dict[str, list[tuple[str, Repeat]]] = defaultdict(list)
    by_ru: dict[str, list[tuple[str, Repeat]]] = defaultdict(list)
    for slug, pairs in articles.items():
        for p in pairs:
            by_en[norm(p.en_text)].append((slug, p))
            by_ru[norm(p.ru_text)].append((slug, p))
    out: dict[str, list[tuple[Repeat, Finding]]] = defaultdict(list)
    for side, groups, key_other in (("en", by_en, lambda p: norm(p.ru_text)),
                                    ("ru", by_ru, lambda p: norm(p.en_text))):
        for group in groups.values():
            if len(group) < 2:
                continue
            counts = Counter(key_other(p) for _, p in group)
            if len(counts) < 2:
                continue
            first = {}
            for _, p in group:
                first.setdefault(key_other(p), p)
            top = max(counts, key=lambda k: (counts[k], -list(first).index(k)))
            usual = first[top]
            where = sorted({s for s, _ in group})
            for slug, p in group:
                if key_other(p) == top:
                    continue
                if side == "en":
                    f = Finding("inconsistent_repeat", "ru",
                                f"this English sentence is translated differently elsewhere in the archive "
                                f"({counts[top]} of {len(group)} times as «{usual.ru_text}»)",
                                found=p.ru_text, expected=usual.ru_text, rule="same_english",
                                why=f"{len(group)} occurrences in {len(where)} articles; {len(counts)} translations")
                else:
                    f = Finding("inconsistent_repeat", "ru",
                                f"this Russian sentence stands for another English sentence elsewhere in the "
                                f"archive (\"{usual.en_text}\")", found=p.en_text, expected=usual.en_text,
                                rule="same_russian",
                                why=f"{len(group)} occurrences in {len(where)} articles; {len(counts)} sources")
                out[slug].append((p, f))
    return dict(out)
