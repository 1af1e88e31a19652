"""Accepted flags: a baseline file records the flags an editor has reviewed and kept.

A flag is known by a fingerprint of what it is about — the article slug, the
kind, the term, the form found and the sentence text with its spacing and case
normalised — never by sentence indices or file lines, so a flag stays accepted
when unrelated paragraphs are added or removed. A baseline entry that matches no
flag any more is *stale*: the report lists it so the baseline can be pruned.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import InputError
from ..io import read_regular

FORMAT_VERSION = 1
MAX_BASELINE_BYTES = 50_000_000  # read whole; a baseline of 100,000 accepted flags is about 40 MB


@dataclass(frozen=True)
class BaselineEntry:
    fingerprint: str
    slug: str
    kind: str
    term: str | None = None
    found: str | None = None
    text: str = ""

    def to_dict(self) -> dict:
        return {"fingerprint": self.fingerprint, "slug": self.slug, "kind": self.kind, "term": self.term,
                "found": self.found, "text": self.text}


def _sentence(flag) -> str:
    text = flag.ru_text if flag.ru_index is not None else flag.en_text
    return " ".join(text.split()).casefold()


def fingerprint(slug: str, flag) -> str:
    key = json.dumps([slug, flag.kind, flag.term, flag.found, _sentence(flag)], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def entry_for(slug: str, flag) -> BaselineEntry:
    return BaselineEntry(fingerprint(slug, flag), slug, flag.kind, flag.term, flag.found, " ".join(
        (flag.ru_text if flag.ru_index is not None else flag.en_text).split()))


def baseline_text(report) -> str:
    """The baseline JSON accepting every flag of ``report``."""
    entries = {}
    for article, flag in report.flags:
        e = entry_for(article.pair.slug, flag)
        entries.setdefault(e.fingerprint, e)
    ordered = sorted(entries.values(), key=lambda e: (e.slug, e.kind, e.fingerprint))
    doc = {"bilingual_baseline": FORMAT_VERSION, "entries": [e.to_dict() for e in ordered]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def write_baseline(report, path) -> int:
    """Record every flag of ``report`` as accepted in ``path`` (atomically); returns the entry count."""
    from ..io import write_text_atomic

    text = baseline_text(report)
    write_text_atomic(path, text)
    return len(json.loads(text)["entries"])


def load_baseline(path) -> list[BaselineEntry]:
    try:
        doc = json.loads(read_regular(path, limit=MAX_BASELINE_BYTES, what="baselines").decode("utf-8-sig"))
    except OSError as err:
        raise InputError(f"can't read baseline: {err.strerror or err}", path=str(path)) from None
    except (ValueError, UnicodeDecodeError) as err:
        raise InputError(f"not a baseline file: {err}", path=str(path)) from None
    version = doc.get("bilingual_baseline") if isinstance(doc, dict) else None
    if type(version) is not int or version != FORMAT_VERSION \
            or not isinstance(doc.get("entries"), list):
        raise InputError("not a baseline file (written by `bilingual check --write-baseline`)", path=str(path))
    out = []
    for n, e in enumerate(doc["entries"], start=1):
        if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str) or not isinstance(e.get("slug"), str):
            raise InputError(f"baseline entry {n}: needs 'fingerprint' and 'slug'", path=str(path))
        out.append(BaselineEntry(e["fingerprint"], e["slug"], str(e.get("kind", "")), e.get("term"),
                                 e.get("found"), str(e.get("text", ""))))
    return out


def apply_baseline(report, entries: list[BaselineEntry]) -> None:
    """Mark the flags of ``report`` that ``entries`` accept; the entries matching nothing go to
    ``report.stale`` when their article was checked in this run, or when the run read the whole
    corpus and the article is no longer in it (a run over part of the corpus, or an article that
    could not be read, leaves the other entries alone)."""
    known = {e.fingerprint for e in entries}
    matched: set[str] = set()
    articles = []
    for article in report.articles:
        flags = []
        for flag in article.flags:
            fp = fingerprint(article.pair.slug, flag)
            if fp in known:
                matched.add(fp)
                flag = replace(flag, accepted=True)
            flags.append(flag)
        articles.append(replace(article, flags=tuple(flags)))
    report.articles = articles
    checked = {a.pair.slug for a in report.articles if not a.error}
    present = {a.pair.slug for a in report.articles}
    whole = getattr(report, "whole_corpus", False)
    report.stale = [e for e in entries if e.fingerprint not in matched
                    and (e.slug in checked or (whole and e.slug not in present))]
