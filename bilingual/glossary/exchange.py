"""Glossary exchange with CAT tools: CSV, TSV and TBX export; import that merges.

TBX is TermBase eXchange (ISO 30042, the TBX-Basic dialect), written and read
with lxml. Each term is a ``termEntry``: the English term in one ``langSet``,
the Russian forms in another, told apart by ``administrativeStatus``:
``preferredTerm`` is ``ru``, ``admittedTerm`` a variant, ``deprecatedTerm`` a
forbidden form; English variants (``en_variants``) are English terms with
``admittedTerm`` status after the preferred one; ``type`` is the entry's
``subjectField`` and ``note`` its ``note``. The reader also takes TBX v3 (``conceptEntry``/``langSec``/``termSec``)
and ignores namespaces.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GlossaryError
from ..io import read_regular
from ..model import Glossary, Term
from .load import (
    MAX_GLOSSARY_BYTES,
    COLUMNS,
    LIST_SEP,
    columns_for,
    decode,
    glossary_csv,
    parse_glossary,
    read_rows,
    term_row,
    terms_from_rows,
)

FORMATS = ("csv", "tsv", "tbx")

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_STATUS = {"allowed": "preferredTerm-admn-sts", "variant": "admittedTerm-admn-sts",
           "forbidden": "deprecatedTerm-admn-sts"}


# ---------------------------------------------------------------- export


def export_glossary(g: Glossary, fmt: str) -> bytes:
    """The glossary as ``csv``, ``tsv`` or ``tbx`` bytes (UTF-8)."""
    if fmt == "csv":
        return glossary_csv(g).encode("utf-8")
    if fmt == "tsv":
        return _tsv(g).encode("utf-8")
    if fmt == "tbx":
        return _tbx(g)
    raise GlossaryError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")


def _tsv(g: Glossary) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns_for(g.terms), delimiter="\t", lineterminator="\n",
                            extrasaction="ignore")
    writer.writeheader()
    for term in g.terms:
        writer.writerow(term_row(term))
    return buf.getvalue()


def _tbx(g: Glossary) -> bytes:
    from lxml import etree

    root = etree.Element("martif", {"type": "TBX-Basic", _XML_LANG: "en"})
    header = etree.SubElement(root, "martifHeader")
    desc = etree.SubElement(etree.SubElement(header, "fileDesc"), "sourceDesc")
    etree.SubElement(desc, "p").text = "bilingual glossary" + (f" ({Path(g.path).name})" if g.path else "")
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for n, term in enumerate(g.terms, 1):
        entry = etree.SubElement(body, "termEntry", id=f"t{n}")
        if term.type:
            etree.SubElement(entry, "descrip", type="subjectField").text = term.type
        if term.note:
            etree.SubElement(entry, "note").text = term.note
        en = etree.SubElement(entry, "langSet", {_XML_LANG: "en"})
        etree.SubElement(etree.SubElement(en, "tig"), "term").text = term.en
        for variant in term.en_variants:
            tig = etree.SubElement(en, "tig")
            etree.SubElement(tig, "term").text = variant
            etree.SubElement(tig, "termNote", type="administrativeStatus").text = _STATUS["variant"]
        ru = etree.SubElement(entry, "langSet", {_XML_LANG: "ru"})
        forms = [(term.ru, "allowed")] + [(v, "variant") for v in term.variants] \
            + [(f, "forbidden") for f in term.forbidden]
        for form, kind in forms:
            tig = etree.SubElement(ru, "tig")
            etree.SubElement(tig, "term").text = form
            etree.SubElement(tig, "termNote", type="administrativeStatus").text = _STATUS[kind]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# ---------------------------------------------------------------- reading


def read_terms(path: str | os.PathLike, fmt: str | None = None) -> tuple[Term, ...]:
    """Terms from a CSV, TSV or TBX file (format from ``fmt`` or the extension), validated."""
    p = str(path)
    fmt = fmt or _format_of(p)
    try:
        data = read_regular(path, limit=MAX_GLOSSARY_BYTES, what="glossary files", error=GlossaryError)
    except OSError as err:
        raise GlossaryError(f"can't read: {err.strerror or err}", path=p) from None
    if fmt == "csv":
        return parse_glossary(data, p).terms
    if fmt == "tsv":
        header, rows = read_rows(decode(data, p), p, delimiter="\t")
        return terms_from_rows(header, rows, p)
    if fmt == "tbx":
        return _read_tbx(data, p)
    raise GlossaryError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})", path=p)


def _format_of(path: str) -> str:
    ext = Path(path).suffix.lower().lstrip(".")
    if ext in ("csv", "tsv", "tbx"):
        return ext
    if ext in ("tab", "txt"):
        return "tsv"
    if ext in ("xml",):
        return "tbx"
    raise GlossaryError("can't tell the format from the file name (use .csv, .tsv or .tbx, or --format)", path=path)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el, *names):
    return [c for c in el if _local(c.tag) in names]


def _read_tbx(data: bytes, path: str) -> tuple[Term, ...]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise GlossaryError(f"not valid TBX/XML: {err.msg}", path=path, line=err.lineno) from None
    # An entity would otherwise be dropped from the text (or, resolved, could read a file or
    # grow a billion laughs): a TBX file has no need of one, so it is refused.
    dtd = root.getroottree().docinfo.internalDTD
    for entity in dtd.iterentities() if dtd is not None else ():
        raise GlossaryError(f"XML entity declaration {entity.name!r} refused; TBX terms need no entities",
                            path=path, line=1)
    for node in root.iter(etree.Entity):
        raise GlossaryError(f"XML entity {node.text} refused; write the characters themselves",
                            path=path, line=node.sourceline)
    terms = []
    for entry in root.iter():
        if _local(entry.tag) not in ("termEntry", "conceptEntry"):
            continue
        line = entry.sourceline or 0
        type_ = note = ""
        for d in entry.iter():
            name = _local(d.tag)
            if name == "descrip" and d.get("type") == "subjectField" and not type_:
                type_ = (d.text or "").strip()
        notes = _children(entry, "note")
        if notes:
            note = (notes[0].text or "").strip()
        en: list[str] = []
        ru: dict[str, list[str]] = {"allowed": [], "variant": [], "forbidden": []}
        for lang_set in _children(entry, "langSet", "langSec"):
            lang = (lang_set.get(_XML_LANG) or "").lower()
            for tig in _children(lang_set, "tig", "ntig", "termSec"):
                term_el = next((t for t in tig.iter() if _local(t.tag) == "term"), None)
                if term_el is None:
                    continue
                text = "".join(term_el.itertext()).strip()
                if not text:
                    continue
                status = next((t.text or "" for t in tig.iter()
                               if _local(t.tag) == "termNote" and t.get("type") == "administrativeStatus"), "")
                if lang.startswith("en"):
                    if _kind_of_status(status) != "forbidden":
                        en.append(text)
                elif lang.startswith("ru"):
                    ru[_kind_of_status(status)].append(text)
        if not en:
            raise GlossaryError("a term entry without an English term", path=path, line=line)
        allowed = ru["allowed"] or ru["variant"]
        if not allowed:
            raise GlossaryError(f"{en[0]!r} has no allowed Russian term", path=path, line=line)
        variants = ru["allowed"][1:] + ru["variant"] if ru["allowed"] else ru["variant"][1:]
        terms.append(Term(en=en[0], ru=allowed[0], type=type_, variants=tuple(variants),
                          forbidden=tuple(ru["forbidden"]), note=note, line=line, en_variants=tuple(en[1:])))
    # the same rules as a CSV: no duplicate en with another ru, no formula cells, ...
    columns = [*COLUMNS, "en_variants"]
    rows = [(t.line, [term_row(t)[c] for c in columns]) for t in terms]
    return terms_from_rows(columns, rows, path)


def _kind_of_status(status: str) -> str:
    s = status.lower()
    if s.startswith(("deprecated", "superseded", "forbidden")):
        return "forbidden"
    if s.startswith("admitted"):
        return "variant"
    return "allowed"


# ---------------------------------------------------------------- import


@dataclass(frozen=True)
class Conflict:
    en: str
    column: str
    ours: str
    theirs: str
    line: int  # where the incoming term is in its file

    def __str__(self) -> str:
        return f"{self.en}: {self.column} is {self.ours!r} here, {self.theirs!r} in the import"


@dataclass
class ImportReport:
    added: list[Term] = field(default_factory=list)
    merged: list[Term] = field(default_factory=list)  # existing terms that gained forms, type or note
    unchanged: list[Term] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def import_glossary(glossary_path: str | os.PathLike, source: str | os.PathLike, *, fmt: str | None = None,
                    dry_run: bool = False) -> ImportReport:
    """Merge the terms of ``source`` into the glossary file, never overwriting.

    New terms are appended; for a term already there, new variants and
    forbidden forms are added and an empty type or note filled in. A different
    ``ru``, type or note, or a forbidden form the glossary allows, is a
    conflict: reported and left as the glossary has it.
    """
    return merge_terms(glossary_path, read_terms(source, fmt), source=Path(source).name, dry_run=dry_run)


def merge_terms(glossary_path: str | os.PathLike, incoming, *, source: str = "import",
                dry_run: bool = False) -> ImportReport:
    """Merge ``incoming`` Terms into the glossary file (the rules of ``import_glossary``)."""
    from .edit import _read, _write, locked

    gp = str(glossary_path)
    report = ImportReport()
    with locked(gp):
        f = _read(gp)
        current = {t.en: t for t in parse_glossary(f.text().encode("utf-8"), gp).terms}
        for theirs in incoming:
            ours = current.get(theirs.en)
            if ours is None:
                values = term_row(theirs)
                if values["en_variants"]:
                    f.add_column("en_variants")
                else:
                    del values["en_variants"]
                f.records.append(_new_record(f, {k: v for k, v in values.items() if k in f.header}))
                current[theirs.en] = theirs
                report.added.append(theirs)
                continue
            changes, conflicts = _merge(ours, theirs)
            report.conflicts += conflicts
            if not changes:
                if not conflicts:
                    report.unchanged.append(ours)
                continue
            if "en_variants" in changes:
                f.add_column("en_variants")
            for rec in f.find(ours.en):
                rec.raw = f.row(changes, rec.cells)
                rec.cells = next(csv.reader([rec.raw]))
            merged = Term(**{**{k: getattr(ours, k) for k in ("en", "ru", "type", "note", "line")},
                             "variants": tuple(split(changes.get("variants"), ours.variants)),
                             "forbidden": tuple(split(changes.get("forbidden"), ours.forbidden)),
                             "en_variants": tuple(split(changes.get("en_variants"), ours.en_variants)),
                             **{k: changes[k] for k in ("type", "note") if k in changes}})
            current[ours.en] = merged
            report.merged.append(merged)
        if not dry_run and (report.added or report.merged):
            _write(f, f"importing {source}")
    return report


def split(cell: str | None, default: tuple[str, ...]) -> tuple[str, ...]:
    if cell is None:
        return default
    return tuple(x for x in cell.split(LIST_SEP) if x)


def _new_record(f, values: dict[str, str]):
    from .edit import _Record

    if f.records and not f.records[-1].raw.endswith(("\n", "\r")):
        f.records[-1].raw += f.newline
    elif not f.records and not f.header_raw.endswith(("\n", "\r")):
        f.header_raw += f.newline
    raw = f.row(values)
    return _Record(0, raw, next(csv.reader([raw])))


def _merge(ours: Term, theirs: Term) -> tuple[dict[str, str], list[Conflict]]:
    conflicts = []
    line = theirs.line

    def conflict(column, a, b):
        conflicts.append(Conflict(ours.en, column, a, b, line))

    if theirs.ru != ours.ru:
        conflict("ru", ours.ru, theirs.ru)
        return {}, conflicts
    changes: dict[str, str] = {}
    for column in ("type", "note"):
        a, b = getattr(ours, column), getattr(theirs, column)
        if b and not a:
            changes[column] = b
        elif a and b and a != b:
            conflict(column, a, b)
    allowed = {x.lower() for x in ours.allowed}
    forbidden = {x.lower() for x in ours.forbidden}
    new_var = [v for v in theirs.variants if v.lower() not in allowed]
    for v in new_var:
        if v.lower() in forbidden:
            conflict("variants", LIST_SEP.join(ours.forbidden) + " (forbidden)", v)
    new_var = [v for v in new_var if v.lower() not in forbidden]
    new_forb = [x for x in theirs.forbidden if x.lower() not in forbidden]
    for x in new_forb:
        if x.lower() in allowed:
            conflict("forbidden", LIST_SEP.join(ours.allowed) + " (allowed)", x)
    new_forb = [x for x in new_forb if x.lower() not in allowed]
    if new_var:
        changes["variants"] = LIST_SEP.join(dict.fromkeys([*ours.variants, *new_var]))
    if new_forb:
        changes["forbidden"] = LIST_SEP.join(dict.fromkeys([*ours.forbidden, *new_forb]))
    known_en = {x.lower() for x in ours.en_names}
    new_en = [v for v in theirs.en_variants if v.lower() not in known_en]
    if new_en:
        changes["en_variants"] = LIST_SEP.join(dict.fromkeys([*ours.en_variants, *new_en]))
    return changes, conflicts


__all__ = ["FORMATS", "Conflict", "ImportReport", "export_glossary", "import_glossary", "merge_terms", "read_terms"]
