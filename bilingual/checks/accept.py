"""Accepting flags one at a time: the baseline as an editor keeps it.

Every flag has a short ID, the first ``ID_LENGTH`` hex digits of its baseline
fingerprint (the article, kind, term, form found and sentence text, never a
position), so the ID a report shows today is the ID the flag has tomorrow after
unrelated edits. ``accept`` records flags in the baseline with a reason, the
author and the time; ``prune`` drops the entries no flag matches any more;
``import_statuses`` reads a reviewed CSV/XLSX export of ``check`` back (rows
whose ``status`` is ``accepted`` are recorded with their ``reason``, rows set
back to ``open`` leave the baseline).

The baseline is one JSON file (``{"bilingual_baseline": 1, "entries": [...]}``),
written atomically under an exclusive lock, so the command line and the review
desk can both edit it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .baseline import (ID_LENGTH, BaselineEntry, baseline_json, default_author, entry_for, fingerprint, flag_id,
                       load_baseline, locked, now)
from ..errors import InputError, UsageError

MIN_ID = 4  # shortest prefix `accept` takes
ACCEPTED = ("accepted", "accept", "yes", "ok", "y", "x", "✓")
OPEN = ("open", "", "no", "n")


def read_entries(path: str | os.PathLike) -> list[BaselineEntry]:
    """The baseline's entries; an absent file is an empty baseline."""
    if not Path(path).exists():
        return []
    return load_baseline(path)


def save_entries(path: str | os.PathLike, entries: Iterable[BaselineEntry]) -> None:
    """Write ``entries`` to ``path`` atomically (call it holding ``locked(path)``)."""
    from ..io import write_text_atomic

    write_text_atomic(path, baseline_json(entries))


# ------------------------------------------------------------------ selecting flags


def _slug(item) -> str:
    owner = item[0]
    return owner if isinstance(owner, str) else owner.pair.slug


def select(report, ids: Iterable[str] = (), *, kind: str | None = None, term: str | None = None,
           article: str | None = None) -> list:
    """The ``(article, flag)`` pairs of ``report`` with one of ``ids`` (prefixes of at least
    ``MIN_ID`` hex digits) that also match every selector given (``kind``, ``term`` case-blind,
    ``article`` slug). An ID no flag has, or one that fits two flags, is a UsageError.
    """
    ids = [i.strip().lower() for i in ids]
    if not ids and kind is None and term is None and article is None:
        raise UsageError("name the flags to accept: flag IDs, or --kind/--term/--article")
    pool = [(a, f) for a, f in report.flags
            if (kind is None or f.kind == kind)
            and (term is None or (f.term or "").casefold() == term.casefold())
            and (article is None or a.pair.slug == article)]
    if not ids:
        return pool
    keyed = [(fingerprint(a.pair.slug, f), a, f) for a, f in pool]
    chosen, seen = [], set()
    for wanted in ids:
        if len(wanted) < MIN_ID or any(c not in "0123456789abcdef" for c in wanted):
            raise UsageError(f"'{wanted}' is not a flag ID (the hex ID `bilingual check` shows, "
                             f"at least {MIN_ID} digits)")
        found = [(fp, a, f) for fp, a, f in keyed if fp.startswith(wanted)]
        fps = {fp for fp, _, _ in found}
        if not found:
            narrowed = " matching --kind/--term/--article" if (kind or term or article) else ""
            raise UsageError(f"no flag{narrowed} has the ID {wanted} in this check "
                             "(run `bilingual check` to see the current IDs)")
        if len(fps) > 1:
            raise UsageError(f"the ID {wanted} fits {len(fps)} flags; give more digits")
        for fp, a, f in found:
            if (fp, id(f)) not in seen:
                seen.add((fp, id(f)))
                chosen.append((a, f))
    return chosen


# ------------------------------------------------------------------ editing the baseline


@dataclass
class AcceptResult:
    added: list[BaselineEntry] = field(default_factory=list)  # new entries
    updated: list[BaselineEntry] = field(default_factory=list)  # entries whose reason changed
    total: int = 0  # entries in the baseline afterwards


def accept(baseline: str | os.PathLike, flags: Iterable, reason: str, *, author: str | None = None,
           date: str | None = None) -> AcceptResult:
    """Record ``flags`` (``(article or slug, Flag)`` pairs, as ``report.flags`` and ``select`` give
    them) as accepted in ``baseline`` with ``reason``, ``author`` (default: ``default_author()``)
    and ``date`` (default: now). A flag already accepted gets the new reason, author and date.
    The file is created when absent; written atomically under the baseline lock.
    """
    reason = " ".join((reason or "").split())
    if not reason:
        raise UsageError("accepting a flag needs a reason (--reason TEXT)")
    author = author or default_author()
    date = date or now()
    new = {}
    for item in flags:
        e = entry_for(_slug(item), item[1], reason, author, date)
        new.setdefault(e.fingerprint, e)
    result = AcceptResult()
    with locked(baseline):
        entries = {e.fingerprint: e for e in read_entries(baseline)}
        for fp, e in new.items():
            old = entries.get(fp)
            if old is None:
                result.added.append(e)
            elif old.reason != reason:
                result.updated.append(e)
            else:
                continue
            entries[fp] = e
        if result.added or result.updated or not Path(baseline).exists():
            save_entries(baseline, entries.values())
        result.total = len(entries)
    return result


def reopen(baseline: str | os.PathLike, ids: Iterable[str]) -> list[BaselineEntry]:
    """Take the entries with these IDs (fingerprint prefixes) out of ``baseline``; returns them."""
    ids = [i.strip().lower() for i in ids]
    with locked(baseline):
        entries = read_entries(baseline)
        gone = [e for e in entries if any(e.fingerprint.startswith(i) for i in ids if len(i) >= MIN_ID)]
        if gone:
            save_entries(baseline, [e for e in entries if e not in gone])
    return gone


def prune(baseline: str | os.PathLike, report) -> list[BaselineEntry]:
    """Drop the entries of ``baseline`` that match no flag of ``report`` in an article it checked
    (entries of articles not in this run stay); returns the dropped entries."""
    with locked(baseline):
        entries = read_entries(baseline)
        current = {fingerprint(a.pair.slug, f) for a, f in report.flags}
        checked = {a.pair.slug for a in report.articles if not a.error}
        stale = [e for e in entries if e.slug in checked and e.fingerprint not in current]
        if stale:
            save_entries(baseline, [e for e in entries if e not in stale])
    return stale


# ------------------------------------------------------------------ a reviewed spreadsheet


@dataclass
class ImportResult:
    accepted: list[BaselineEntry] = field(default_factory=list)  # added or given a new reason
    reopened: list[BaselineEntry] = field(default_factory=list)  # taken out of the baseline
    unchanged: int = 0
    total: int = 0


def _rows(path: Path) -> list[tuple[int, dict]]:
    """``(line or row number, {column: text})`` for every row of a CSV or XLSX file."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            import openpyxl
        except ImportError:  # pragma: no cover - a core dependency
            raise InputError("reading .xlsx needs openpyxl", path=str(path)) from None
        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as err:  # zipfile.BadZipFile, KeyError, InvalidFileException...
            raise InputError(f"not an .xlsx workbook: {err}", path=str(path)) from None
        sheet = book.worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        book.close()
        if not rows:
            raise InputError("the sheet is empty", path=str(path))
        header = [str(c or "").strip() for c in rows[0]]
        return [(n, {h: "" if v is None else str(v) for h, v in zip(header, row)})
                for n, row in enumerate(rows[1:], start=2)]
    import csv
    import io

    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as err:
        raise InputError(f"can't read: {err.strerror or err}", path=str(path)) from None
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text (save the sheet as CSV UTF-8)", path=str(path)) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    out = []
    for row in reader:
        out.append((reader.line_num, {k: _restore(v or "") for k, v in row.items() if k is not None}))
    if reader.fieldnames is None:
        raise InputError("the file is empty", path=str(path))
    return out


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _restore(value: str) -> str:
    """A CSV cell as the flag had it: the apostrophe the export puts before a would-be formula
    (``'=x``) taken off again."""
    return value[1:] if value.startswith("'") and value[1:].startswith(_FORMULA_START) else value


def _row_flag(row: dict) -> "_RowFlag":
    """What a flag's fingerprint is made of, from an exported row."""
    has_ru = bool(str(row.get("ru_sentence", row.get("ru_index", ""))).strip())
    return _RowFlag(row.get("kind", ""), row.get("term") or None, row.get("found") or None,
                    0 if has_ru else None, row.get("en_text", ""), row.get("ru_text", ""))


def import_statuses(baseline: str | os.PathLike, table: str | os.PathLike, *, author: str | None = None,
                    date: str | None = None) -> ImportResult:
    """Read a reviewed export of ``check`` (CSV or XLSX with ``id``, ``status`` and ``reason``
    columns) into ``baseline``: ``accepted`` rows are recorded with their reason, ``open`` rows
    that the baseline holds are taken out. A row whose cells no longer give its ID, an unknown
    status, or an accepted row without a reason is an InputError naming the file and line, and
    nothing is written."""
    path = Path(table)
    rows = _rows(path)
    need = {"id", "slug", "kind", "status"}
    header = set(rows[0][1]) if rows else set()
    if rows and not need <= header:
        missing = ", ".join(sorted(need - header))
        raise InputError(f"missing column(s) {missing} (export with `bilingual check -o flags.csv`)", path=str(path))
    author = author or default_author()
    date = date or now()
    decided: dict[str, tuple[str, BaselineEntry]] = {}
    for line, row in rows:
        status = row.get("status", "").strip().casefold()
        if status not in ACCEPTED and status not in OPEN:
            raise InputError(f"status '{row.get('status')}' (use accepted or open)", path=str(path), line=line)
        flag = _row_flag(row)
        fp = fingerprint(row.get("slug", ""), flag)
        if not fp.startswith(row.get("id", "").strip().lower()) or len(row.get("id", "").strip()) < MIN_ID:
            raise InputError(f"row {row.get('id')!r} doesn't match its slug/kind/term/found/text cells "
                             "(edit only the status and reason columns)", path=str(path), line=line)
        reason = " ".join(row.get("reason", "").split())
        entry = entry_for(row["slug"], flag, reason, author, date)
        if status in ACCEPTED:
            decided[fp] = ("accepted", entry)
        else:
            decided.setdefault(fp, ("open", entry))
    result = ImportResult()
    with locked(baseline):
        entries = {e.fingerprint: e for e in read_entries(baseline)}
        for fp, (status, entry) in decided.items():
            old = entries.get(fp)
            if status == "open":
                if old is not None:
                    result.reopened.append(entries.pop(fp))
                else:
                    result.unchanged += 1
                continue
            if not entry.reason:
                if old is not None:
                    result.unchanged += 1
                    continue
                line = next(n for n, r in rows if r.get("id", "").strip().lower() and fp.startswith(
                    r["id"].strip().lower()))
                raise InputError("an accepted row needs a reason", path=str(path), line=line)
            if old is not None and old.reason == entry.reason:
                result.unchanged += 1
                continue
            entries[fp] = entry
            result.accepted.append(entry)
        if result.accepted or result.reopened:
            save_entries(baseline, entries.values())
        result.total = len(entries)
    return result


@dataclass(frozen=True)
class _RowFlag:
    kind: str
    term: str | None
    found: str | None
    ru_index: int | None
    en_text: str
    ru_text: str


__all__ = ["ACCEPTED", "AcceptResult", "BaselineEntry", "ID_LENGTH", "ImportResult", "accept", "baseline_json",
           "default_author", "flag_id", "import_statuses", "locked", "now", "prune", "read_entries", "reopen",
           "save_entries", "select"]
