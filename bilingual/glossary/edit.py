"""Edit a glossary file in place: add, set, remove one term.

Edits work on the file's raw records, so every row not touched keeps its exact
bytes (quoting, spacing, extra columns, line endings, BOM) and its place. A
change is validated as the whole new file before it is written (atomically);
one that would make the glossary invalid is refused and the file stays as it
was. Writers take an exclusive lock (the ``filelock`` package, so it works on
Windows too) around read-modify-write, so two edits at once never lose a row.
The lock file is named for the glossary's resolved path and lives in the
system's temporary folder: it survives the glossary being replaced, every name
of one glossary (a symlink, the real path) shares it, and the glossary's own
folder gets no extra file.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import GlossaryError
from ..model import Term
from ..io import read_regular
from .load import COLUMNS, LIST_SEP, MAX_GLOSSARY_BYTES, decode, formula_like, parse_glossary, split_list


@contextlib.contextmanager
def locked(path: str | os.PathLike):
    """Hold an exclusive lock for edits of the glossary at ``path``."""
    import hashlib
    import tempfile

    from filelock import FileLock

    key = hashlib.sha256(os.path.realpath(path).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    lock = os.path.join(tempfile.gettempdir(), f"bilingual-glossary-{key}.lock")
    if os.path.islink(lock):  # the temporary folder is shared: a link there is never written through
        raise GlossaryError("the glossary's lock file is a symlink; remove it (nothing was changed)", path=lock)
    try:
        held = FileLock(lock)
        held.acquire()
    except OSError as err:
        raise GlossaryError(f"can't lock the glossary: {err.strerror or err}", path=lock) from None
    try:
        yield
    finally:
        held.release()


@dataclass
class _Record:
    line: int  # 1-based first line
    raw: str  # exact text, with its line ending
    cells: list[str] | None  # None for a blank line


@dataclass
class _File:
    path: str
    bom: bool
    newline: str
    header: list[str]
    header_raw: str
    records: list[_Record]

    def text(self) -> str:
        return ("\ufeff" if self.bom else "") + self.header_raw + "".join(r.raw for r in self.records)

    def find(self, en: str) -> list[_Record]:
        i = self.header.index("en")
        return [r for r in self.records if r.cells is not None and len(r.cells) > i and r.cells[i].strip() == en]

    def add_column(self, name: str) -> None:
        """Append an empty column (``en_variants`` the first time a term gets English variants)."""
        if name in self.header:
            return
        self.header.append(name)
        body = self.header_raw.rstrip("\r\n")
        self.header_raw = body + "," + name + self.header_raw[len(body):]
        for rec in self.records:
            if rec.cells is not None:
                body = rec.raw.rstrip("\r\n")
                rec.raw = body + "," + rec.raw[len(body):]
                rec.cells = rec.cells + [""]

    def row(self, values: dict[str, str], base: list[str] | None = None) -> str:
        cells = list(base) if base is not None else [""] * len(self.header)
        cells += [""] * (len(self.header) - len(cells))
        for name, value in values.items():
            cells[self.header.index(name)] = value
        buf = io.StringIO()
        csv.writer(buf, lineterminator=self.newline).writerow(cells)
        return buf.getvalue()


def _read(path: str) -> _File:
    try:
        data = read_regular(path, limit=MAX_GLOSSARY_BYTES, what="glossaries", error=GlossaryError)
    except FileNotFoundError:
        raise GlossaryError("glossary file not found", path=path) from None
    except OSError as err:
        raise GlossaryError(f"can't read the glossary: {err.strerror or err}", path=path) from None
    parse_glossary(data, path)  # edit only a valid glossary
    text = decode(data, path)
    bom = data.startswith(b"\xef\xbb\xbf")
    lines = io.StringIO(text, newline="").readlines()  # the same lines the csv reader counts
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader)]
    header_end = reader.line_num
    records = []
    start = header_end
    for cells in reader:
        end = reader.line_num
        raw = "".join(lines[start:end])
        blank = not cells or (len(cells) == 1 and not cells[0].strip())
        records.append(_Record(start + 1, raw, None if blank else cells))
        start = end
    if start < len(lines):  # trailing blank lines the reader didn't report
        records.append(_Record(start + 1, "".join(lines[start:]), None))
    return _File(path, bom, newline, header, "".join(lines[:header_end]), records)


def _write(f: _File, change: str) -> None:
    from ..io import write_bytes_atomic

    data = f.text().encode("utf-8")
    try:
        parse_glossary(data, f.path)
    except GlossaryError as err:
        raise GlossaryError(f"{change} refused: {err.message}", path=f.path, line=err.line) from None
    write_bytes_atomic(f.path, data)


def _forms(value: str | Sequence[str] | None) -> str | None:
    if value is None:
        return None
    items = split_list(value) if isinstance(value, str) else tuple(v.strip() for v in value if v.strip())
    return LIST_SEP.join(dict.fromkeys(items))


def _check_cells(values: dict[str, str], path: str) -> None:
    for name, value in values.items():
        if "\n" in value or "\r" in value:
            raise GlossaryError(f"{name!r} may not contain a line break", path=path)
        if formula_like(value):
            raise GlossaryError(f"{name!r} may not start with = + @ or - ({value[:30]!r})", path=path)


def _check_term(term: Term, path: str) -> None:
    allowed = {a.lower().replace("ё", "е") for a in term.allowed}
    clash = [f for f in term.forbidden if f.lower().replace("ё", "е") in allowed]
    if clash:
        raise GlossaryError(f"{term.en!r}: {clash[0]!r} can't be both allowed and forbidden", path=path)


def _term_at(f: _File, en: str) -> Term:
    g = parse_glossary(f.text().encode("utf-8"), f.path)
    return next(t for t in g.terms if t.en == en)


def add_term(path: str | os.PathLike, en: str, ru: str, *, type: str = "", variants: Iterable[str] | str = (),
             forbidden: Iterable[str] | str = (), note: str = "", en_variants: Iterable[str] | str = ()) -> Term:
    """Append a term; refuses an ``en`` already there."""
    p = str(path)
    values = {"en": en.strip(), "ru": ru.strip(), "type": type.strip(), "variants": _forms(variants) or "",
              "forbidden": _forms(forbidden) or "", "note": note.strip()}
    if _forms(en_variants):
        values["en_variants"] = _forms(en_variants)
    _check_cells(values, p)
    with locked(p):
        f = _read(p)
        if "en_variants" in values:
            f.add_column("en_variants")
        existing = f.find(values["en"])
        if existing:
            raise GlossaryError(f"{values['en']!r} is already in the glossary (use 'glossary set' to change it)",
                                path=p, line=existing[0].line)
        if f.records and not f.records[-1].raw.endswith(("\n", "\r")):
            f.records[-1].raw += f.newline
        elif not f.records and not f.header_raw.endswith(("\n", "\r")):
            f.header_raw += f.newline
        line = (f.records[-1].line + f.records[-1].raw.count("\n")) if f.records else f.header_raw.count("\n") + 1
        row = f.row(values)
        f.records.append(_Record(line, row, next(csv.reader([row]))))
        term = _term_at(f, values["en"]) if _valid(f) else None
        if term is not None:
            _check_term(term, p)
        _write(f, f"adding {values['en']!r}")
        return _term_at(f, values["en"])


def _valid(f: _File) -> bool:
    try:
        parse_glossary(f.text().encode("utf-8"), f.path)
    except GlossaryError:
        return False
    return True


def _rows_of(f: _File, en: str, path: str) -> list[_Record]:
    """The rows of the term ``en``; an error naming the file when there are none."""
    found = f.find(en)
    if not found:
        raise GlossaryError(f"no term {en!r} in the glossary", path=path)
    return found


def set_term(path: str | os.PathLike, en: str, *, ru: str | None = None, type: str | None = None,
             variants: Iterable[str] | str | None = None, forbidden: Iterable[str] | str | None = None,
             note: str | None = None, new_en: str | None = None, add_variants: Iterable[str] = (),
             add_forbidden: Iterable[str] = (), en_variants: Iterable[str] | str | None = None,
             add_en_variants: Iterable[str] = ()) -> Term:
    """Change the given cells of the term ``en`` (other cells and rows untouched)."""
    p = str(path)
    with locked(p):
        f = _read(p)
        found = _rows_of(f, en, p)
        old = _term_at(f, en)
        values: dict[str, str] = {}
        if en_variants is not None or add_en_variants:
            env = list(split_list(_forms(en_variants))) if en_variants is not None else list(old.en_variants)
            env += [v.strip() for v in add_en_variants if v.strip() and v.strip() not in env]
            values["en_variants"] = LIST_SEP.join(env)
            f.add_column("en_variants")
        for name, value in (("en", new_en), ("ru", ru), ("type", type), ("note", note)):
            if value is not None:
                values[name] = value.strip()
        var = list(split_list(_forms(variants))) if variants is not None else list(old.variants)
        forb = list(split_list(_forms(forbidden))) if forbidden is not None else list(old.forbidden)
        var += [v.strip() for v in add_variants if v.strip() and v.strip() not in var]
        forb += [v.strip() for v in add_forbidden if v.strip() and v.strip() not in forb]
        if variants is not None or add_variants:
            values["variants"] = LIST_SEP.join(var)
        if forbidden is not None or add_forbidden:
            values["forbidden"] = LIST_SEP.join(forb)
        _check_cells(values, p)
        target = values.get("en", en)
        if target != en and f.find(target):
            raise GlossaryError(f"{target!r} is already in the glossary", path=p, line=f.find(target)[0].line)
        for rec in found:
            rec.cells = list(rec.cells or [])
            rec.raw = f.row(values, rec.cells)
            rec.cells = next(csv.reader([rec.raw]))
        if _valid(f):
            _check_term(_term_at(f, target), p)
        _write(f, f"changing {en!r}")
        return _term_at(f, target)


def remove_term(path: str | os.PathLike, en: str) -> Term:
    """Delete the term ``en`` (every row of it)."""
    p = str(path)
    with locked(p):
        f = _read(p)
        found = _rows_of(f, en, p)
        old = _term_at(f, en)
        f.records = [r for r in f.records if r not in found]
        _write(f, f"removing {en!r}")
        return old


def filter_terms(terms: Iterable[Term], *, type: str | None = None, text: str | None = None) -> list[Term]:
    """Terms of ``type`` whose English, Russian, variants, forbidden forms or note contain ``text``."""
    out = []
    needle = text.lower().replace("ё", "е") if text else None
    for t in terms:
        if type and t.type != type:
            continue
        if needle:
            hay = " ".join((t.en, t.ru, *t.variants, *t.forbidden, t.note, *t.en_variants)).lower().replace("ё", "е")
            if needle not in hay:
                continue
        out.append(t)
    return out


def find_terms(glossary, *, type: str | None = None, text: str | None = None) -> list[Term]:
    """``filter_terms``; when no term contains ``text``, the terms ``text`` is a form of, as the
    glossary matcher reads it (``Харькове`` finds Kharkiv, ``Молдавией`` Moldova by its forbidden
    spelling), in glossary order."""
    found = filter_terms(glossary, type=type, text=text)
    if found or not text or not len(glossary):
        return found
    from .match import matcher_for

    matcher = matcher_for(glossary)
    named = {h.term.en for h in (*matcher.find_ru(text), *matcher.find_en(text))}
    return [t for t in glossary if t.en in named and (not type or t.type == type)]


__all__ = ["COLUMNS", "add_term", "filter_terms", "find_terms", "locked", "remove_term", "set_term"]
