"""Read, validate and write the glossary (``glossary.csv``).

The file is a CSV with the header ``en,ru,type,variants,forbidden,note``
and optionally ``en_variants`` (other columns are allowed and ignored);
``variants`` and ``forbidden`` hold ``;``-separated Russian forms,
``en_variants`` other English names of the term (``U.S.;USA;America``). Every problem is a ``GlossaryError`` naming the
file and the 1-based line, so the CLI can print ``path:line: message``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from pathlib import Path

from ..errors import GlossaryError
from ..io import read_regular
from ..model import Glossary, Term

# A glossary is read whole; 100,000 terms take about 10 MB, so this is far above any real one.
MAX_GLOSSARY_BYTES = 50_000_000

COLUMNS = ("en", "ru", "type", "variants", "forbidden", "note")
# Columns a glossary may have; files without them keep working.
OPTIONAL_COLUMNS = ("en_variants",)
LIST_SEP = ";"
# Cells a spreadsheet would run as a formula (CSV injection). "-" counts only
# before a non-digit, so "-5" stays a number.
_FORMULA_START = ("=", "+", "@")


def formula_like(cell: str) -> bool:
    """Whether a spreadsheet would evaluate ``cell`` as a formula."""
    if not cell:
        return False
    if cell[0] in _FORMULA_START:
        return True
    return cell[0] == "-" and len(cell) > 1 and not (cell[1].isdigit() or cell[1] == ".")


def split_list(cell: str) -> tuple[str, ...]:
    """``"a; b;;c"`` → ``("a", "b", "c")``."""
    return tuple(part.strip() for part in cell.split(LIST_SEP) if part.strip())


def decode(data: bytes, path: str | None) -> str:
    """UTF-8 with or without a BOM; anything else is a clear error."""
    from ..io import binary_kind

    what = binary_kind(data)
    if what:
        raise GlossaryError(f"is {what}, not a CSV file; export the glossary as UTF-8 CSV", path=path, line=1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise GlossaryError("not valid UTF-8 (save the glossary as UTF-8 CSV)", path=path, line=line) from None


def read_rows(text: str, path: str | None, delimiter: str = ",") -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and ``(line, cells)`` of each non-blank row; checks the header.

    Lines are the 1-based line on which each record starts (a quoted cell may
    span lines).
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None:
            raise GlossaryError("empty file: expected the header " + ",".join(COLUMNS), path=path, line=1)
        header = [h.strip() for h in header]
        _check_header(header, path, delimiter)
        rows: list[tuple[int, list[str]]] = []
        start = reader.line_num + 1
        for cells in reader:
            if cells and not (len(cells) == 1 and not cells[0].strip()):  # blank lines are no rows
                rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as err:
        raise GlossaryError(f"malformed CSV: {err}", path=path, line=reader.line_num or 1) from None
    return header, rows


_SEPARATORS = {",": "commas", ";": "';' (semicolon)", "\t": "a tab", "|": "'|'"}


def _check_header(header: list[str], path: str | None, delimiter: str = ",") -> None:
    if len(header) == 1:
        cell = header[0]
        for sep, name in _SEPARATORS.items():
            if sep != delimiter and sep in cell:
                want = "comma-separated CSV" if delimiter == "," else "tab-separated TSV"
                raise GlossaryError(
                    f"the header is separated by {name}, not {_SEPARATORS[delimiter]}: save the glossary as "
                    f"{want} with columns {','.join(COLUMNS)}", path=path, line=1)
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise GlossaryError(
            f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"(the header must have {','.join(COLUMNS)})", path=path, line=1)
    seen = set()
    for name in header:
        if name and name in seen:
            raise GlossaryError(f"column {name!r} appears twice in the header", path=path, line=1)
        seen.add(name)


def terms_from_rows(header: list[str], rows, path: str | None, errors: list | None = None) -> tuple[Term, ...]:
    """Validate rows (``(line, cells)``) and build Terms.

    Raises the first problem as a ``GlossaryError``; with ``errors`` (a list)
    every problem is appended there instead and the bad rows are skipped.
    """
    idx = {name: header.index(name) for name in (*COLUMNS, *OPTIONAL_COLUMNS) if name in header}
    width = len(header)
    first_ru: dict[str, tuple[str, int]] = {}
    terms = []
    for line, cells in rows:
        try:
            term = _row_term(header, idx, width, line, cells, path, first_ru)
        except GlossaryError as err:
            if errors is None:
                raise
            errors.append(err)
            continue
        first_ru.setdefault(term.en, (term.ru, line))
        terms.append(term)
    return tuple(terms)


def _row_term(header, idx, width, line, cells, path, first_ru) -> Term:
    if not any(c.strip() for c in cells):
        raise GlossaryError("empty row (only separators)", path=path, line=line)
    if len(cells) != width:
        raise GlossaryError(f"row has {len(cells)} cells, the header has {width}", path=path, line=line)
    for name, cell in zip(header, cells):
        if formula_like(cell.strip()):
            raise GlossaryError(
                f"column {name or '?'!r} holds a formula-like cell {cell.strip()[:30]!r} "
                "(cells may not start with = + @ or -)", path=path, line=line)
    get = {name: cells[i].strip() for name, i in idx.items()}
    get.setdefault("en_variants", "")
    for name in ("en", "ru"):
        if not get[name]:
            raise GlossaryError(f"empty '{name}' cell", path=path, line=line)
    en, ru = get["en"], get["ru"]
    if en in first_ru and first_ru[en][0] != ru:
        prev_ru, prev_line = first_ru[en]
        raise GlossaryError(
            f"duplicate en {en!r} with another ru: {ru!r} here, {prev_ru!r} on line {prev_line}",
            path=path, line=line)
    return Term(en=en, ru=ru, type=get["type"], variants=split_list(get["variants"]),
                forbidden=split_list(get["forbidden"]), note=get["note"], line=line,
                en_variants=split_list(get["en_variants"]))


def parse_glossary(data: bytes, path: str | None = None) -> Glossary:
    """Validate CSV bytes and build a Glossary (``sha`` = sha256 of the bytes)."""
    text = decode(data, path)
    header, rows = read_rows(text, path)
    terms = terms_from_rows(header, rows, path)
    return Glossary(terms=terms, path=path, sha=hashlib.sha256(data).hexdigest())


def load_glossary(path: str | os.PathLike) -> Glossary:
    """Read and validate a glossary CSV; raises ``GlossaryError`` with file:line."""
    p = str(path)
    if os.path.isdir(path):
        raise GlossaryError("is a directory, not a glossary file", path=p)
    try:
        data = read_regular(path, limit=MAX_GLOSSARY_BYTES, what="glossaries", error=GlossaryError)
    except FileNotFoundError:
        raise GlossaryError("glossary file not found", path=p) from None
    except IsADirectoryError:
        raise GlossaryError("is a directory, not a glossary file", path=p) from None
    except OSError as err:
        raise GlossaryError(f"can't read the glossary: {err.strerror or err}", path=p) from None
    return parse_glossary(data, p)


def term_row(term: Term) -> dict[str, str]:
    """A Term as the CSV's cells."""
    return {"en": term.en, "ru": term.ru, "type": term.type,
            "variants": LIST_SEP.join(term.variants), "forbidden": LIST_SEP.join(term.forbidden),
            "note": term.note, "en_variants": LIST_SEP.join(term.en_variants)}


def columns_for(terms) -> list[str]:
    """The standard columns, plus ``en_variants`` when some term has English variants."""
    return [*COLUMNS, *(["en_variants"] if any(t.en_variants for t in terms) else [])]


def glossary_csv(g: Glossary) -> str:
    """The CSV text of a glossary, columns in the standard order."""
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=columns_for(g.terms), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for term in g.terms:
        writer.writerow(term_row(term))
    return buf.getvalue()


def save_glossary(g: Glossary, path: str | os.PathLike) -> Glossary:
    """Write ``g`` atomically as CSV; returns it re-read (lines and sha of the file written)."""
    from ..io import write_bytes_atomic

    data = glossary_csv(g).encode("utf-8")
    reread = parse_glossary(data, str(path))  # refuse to write what we couldn't read back
    write_bytes_atomic(path, data)
    return reread


def glossary_to_frame(g: Glossary):
    """The glossary as a pandas DataFrame with the CSV's columns (lists `;`-joined) and ``line``."""
    import pandas as pd

    records = [{**term_row(t), "line": t.line} for t in g.terms]
    return pd.DataFrame.from_records(records, columns=[*columns_for(g.terms), "line"])


def glossary_from_frame(df, path: str | None = None) -> Glossary:
    """Build a Glossary from a DataFrame with the CSV's columns, validated like a file.

    Row ``i`` (0-based position) is reported as line ``i + 2``, the line it would
    have in a CSV with a header. List columns may hold ``;``-joined strings or
    sequences of strings.
    """
    header = [str(c).strip() for c in df.columns]
    _check_header(header, path)
    rows = []
    for pos, record in enumerate(df.itertuples(index=False, name=None)):
        rows.append((pos + 2, [_cell(v) for v in record]))
    terms = terms_from_rows(header, rows, path)
    digest = hashlib.sha256(glossary_csv(Glossary(terms)).encode("utf-8")).hexdigest()
    return Glossary(terms=terms, path=path, sha=digest)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return LIST_SEP.join(str(v) for v in value)
    try:
        import pandas as pd

        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)
