"""Accepted flags: a baseline file records the flags an editor has reviewed and kept.

A flag is known by a fingerprint of what it is about — the article slug, the
kind, the term, the form found and the sentence text with its spacing and case
normalised — never by sentence indices or file lines, so a flag stays accepted
when unrelated paragraphs are added or removed. Its ID (in every report) is the
fingerprint's first ``ID_LENGTH`` hex digits. An entry records why the flag was
accepted, by whom and when. A baseline entry that matches no flag any more is
*stale*: the report lists it so the baseline can be pruned.

The file: ``{"bilingual_baseline": 1, "entries": [{"fingerprint", "slug", "kind",
"term", "found", "text", "reason", "author", "date"}, ...]}`` (entries sorted by
article, kind and fingerprint; files without reason/author/date load too).
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import os
import subprocess
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from ..errors import InputError
from ..io import read_regular
from ..model import Acceptance

FORMAT_VERSION = 1
ID_LENGTH = 10  # hex digits shown: 40 bits, no clash among an archive's few thousand flags
MAX_BASELINE_BYTES = 50_000_000  # read whole; a baseline of 100,000 accepted flags is about 40 MB


@dataclass(frozen=True)
class BaselineEntry:
    fingerprint: str
    slug: str
    kind: str
    term: str | None = None
    found: str | None = None
    text: str = ""
    reason: str = ""
    author: str = ""
    date: str = ""  # ISO 8601 UTC

    @property
    def id(self) -> str:
        return self.fingerprint[:ID_LENGTH]

    def to_dict(self) -> dict:
        return {"fingerprint": self.fingerprint, "slug": self.slug, "kind": self.kind, "term": self.term,
                "found": self.found, "text": self.text, "reason": self.reason, "author": self.author,
                "date": self.date}


def _sentence(flag) -> str:
    text = flag.ru_text if flag.ru_index is not None else flag.en_text
    return " ".join(text.split()).casefold()


def fingerprint(slug: str, flag) -> str:
    key = json.dumps([slug, flag.kind, flag.term, flag.found, _sentence(flag)], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def flag_id(slug: str, flag) -> str:
    """The short stable ID of ``flag`` in article ``slug`` (a prefix of its fingerprint)."""
    return fingerprint(slug, flag)[:ID_LENGTH]


def entry_for(slug: str, flag, reason: str = "", author: str = "", date: str = "") -> BaselineEntry:
    return BaselineEntry(fingerprint(slug, flag), slug, flag.kind, flag.term, flag.found, " ".join(
        (flag.ru_text if flag.ru_index is not None else flag.en_text).split()), reason, author, date)


def baseline_json(entries: Iterable[BaselineEntry]) -> str:
    """The baseline file's text: one entry per fingerprint, ordered by article, kind and fingerprint."""
    unique = {e.fingerprint: e for e in entries}
    ordered = sorted(unique.values(), key=lambda e: (e.slug, e.kind, e.fingerprint))
    doc = {"bilingual_baseline": FORMAT_VERSION, "entries": [e.to_dict() for e in ordered]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def baseline_text(report, keep: Iterable[BaselineEntry] = (), *, reason: str = "", author: str = "",
                  date: str = "") -> str:
    """The baseline JSON accepting every flag of ``report``; an entry of ``keep`` for the same flag
    keeps its reason, author and date, the others get ``reason``, ``author`` and ``date``."""
    old = {e.fingerprint: e for e in keep}
    entries = {}
    for article, flag in report.flags:
        e = entry_for(article.pair.slug, flag, reason, author, date)
        entries.setdefault(e.fingerprint, old.get(e.fingerprint, e))
    return baseline_json(entries.values())


def write_baseline(report, path, *, reason: str = "accepted with check --write-baseline",
                   author: str | None = None) -> int:
    """Record every flag of ``report`` as accepted in ``path`` (atomically); returns the entry count.
    Flags the file already accepts keep their reason."""
    from ..io import write_text_atomic

    with locked(path):
        keep = load_baseline(path) if Path(path).is_file() else []
        text = baseline_text(report, keep, reason=reason, author=author or default_author(), date=now())
        write_text_atomic(path, text)
    return len(json.loads(text)["entries"])


def default_author() -> str:
    """``git config user.name``, else the login name ($USER), else ``unknown``."""
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        name = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True, timeout=5,
                              check=False).stdout.strip()
        if name:
            return name
    for var in ("USER", "USERNAME", "LOGNAME"):
        if os.environ.get(var):
            return os.environ[var]
    with contextlib.suppress(Exception):
        return getpass.getuser()
    return "unknown"


def now() -> str:
    """The current time as the baseline records it: ISO 8601, UTC, seconds."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@contextlib.contextmanager
def locked(path: str | os.PathLike):
    """Hold an exclusive lock for edits of the baseline at ``path`` (lock file in the temp folder)."""
    import hashlib
    import tempfile

    from filelock import FileLock

    key = hashlib.sha256(os.path.realpath(path).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    with FileLock(os.path.join(tempfile.gettempdir(), f"bilingual-baseline-{key}.lock")):
        yield


def load_baseline(path) -> list[BaselineEntry]:
    try:
        doc = json.loads(read_regular(path, limit=MAX_BASELINE_BYTES, what="baselines").decode("utf-8-sig"))
    except FileNotFoundError:
        raise InputError("no such baseline; `bilingual check --write-baseline FILE` or "
                         "`bilingual accept ID --reason TEXT` creates it", path=str(path)) from None
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
                                 e.get("found"), str(e.get("text", "")),
                                 *(str(e.get(k) or "") for k in ("reason", "author", "date"))))
    return out


def apply_baseline(report, entries: list[BaselineEntry]) -> None:
    """Mark the flags of ``report`` that ``entries`` accept (with the entry's reason, author and date);
    the entries matching nothing go to ``report.stale`` when their article was checked in this run,
    or when the run read the whole corpus and the article is no longer in it (a run over part of the
    corpus, or an article that could not be read, leaves the other entries alone)."""
    known = {e.fingerprint: e for e in entries}
    matched: set[str] = set()
    articles = []
    for article in report.articles:
        flags = []
        for flag in article.flags:
            fp = fingerprint(article.pair.slug, flag)
            e = known.get(fp)
            if e is not None:
                matched.add(fp)
                flag = replace(flag, accepted=True, acceptance=Acceptance(e.reason, e.author, e.date))
            flags.append(flag)
        articles.append(replace(article, flags=tuple(flags)))
    report.articles = articles
    checked = {a.pair.slug for a in report.articles if not a.error}
    present = {a.pair.slug for a in report.articles}
    whole = getattr(report, "whole_corpus", False)
    report.stale = [e for e in entries if e.fingerprint not in matched
                    and (e.slug in checked or (whole and e.slug not in present))]
