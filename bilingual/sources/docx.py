"""Word documents (.docx) as articles, through python-docx.

The body's paragraphs (and those in its tables), in order, become the article's
blocks; a paragraph styled Title or Heading N is a heading. Headers, footers,
comments and footnotes are not part of the body and are left out. Each kept
paragraph's text is its runs' text (hyperlinks included) with the ends
stripped, so an offset into the article maps back to a run for ``fix``.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

DOCX_SUFFIXES = (".docx",)


@dataclass
class Block:
    start: int  # offsets into the article text
    stop: int
    heading: bool
    runs: list  # python-docx Run objects, in order
    lead: int  # characters stripped from the front of the runs' joined text


# Pictures make Word files far larger than their text; beyond this a file is refused unread.
MAX_DOCX_BYTES = 50_000_000


def open_docx(path):
    """The python-docx Document, or InputError naming the file."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        size = Path(path).stat().st_size
    except OSError as err:
        raise InputError(f"can't read: {err.strerror or err}", path=str(path)) from None
    if size > MAX_DOCX_BYTES:
        raise InputError(f"file is {size / 1e6:.0f} MB; Word documents are limited to "
                         f"{MAX_DOCX_BYTES / 1e6:.0f} MB", path=str(path))
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise InputError(f"not a readable Word document (.docx): {err}", path=str(path)) from None
    except OSError as err:
        raise InputError(f"can't read: {err.strerror or err}", path=str(path)) from None


def _paragraphs(container):
    """Body paragraphs in document order, descending into tables' cells."""
    from docx.table import Table

    for item in container.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is listed once per column it spans
                        continue
                    seen.add(id(cell._tc))
                    yield from _paragraphs(cell)
        else:
            yield item


def paragraph_runs(paragraph) -> list:
    """The paragraph's runs, those inside hyperlinks included, in order."""
    from docx.text.hyperlink import Hyperlink

    runs = []
    for item in paragraph.iter_inner_content():
        runs.extend(item.runs if isinstance(item, Hyperlink) else [item])
    return runs


def _is_heading(paragraph) -> bool:
    """Styled Title or Heading N, directly or through the style it is based on (a house "Headline"
    style built on Heading 1), or given an outline level."""
    from docx.oxml.ns import qn

    if paragraph._p.pPr is not None and paragraph._p.pPr.find(qn("w:outlineLvl")) is not None:
        return True
    try:
        style = paragraph.style
        for _ in range(4):
            if style is None:
                return False
            name = style.name or ""
            if name == "Title" or name.startswith("Heading"):
                return True
            style = style.base_style
    except (KeyError, ValueError, AttributeError):
        return False
    return False


def blocks(document) -> tuple[str, list[Block]]:
    """The article text (paragraphs joined by blank lines) and where each paragraph sits in it."""
    parts, out, pos = [], [], 0
    for paragraph in _paragraphs(document):
        runs = paragraph_runs(paragraph)
        text = "".join(r.text for r in runs)
        stripped = text.strip()
        if not stripped:
            continue
        if parts:
            pos += 2
        lead = len(text) - len(text.lstrip())
        out.append(Block(pos, pos + len(stripped), _is_heading(paragraph), runs, lead))
        parts.append(stripped)
        pos += len(stripped)
    return "\n\n".join(parts), out


def extract_docx(path) -> tuple[str, list[tuple[int, int, bool]], dict]:
    """(text, blocks, meta) of a Word document, like ``extract_html``'s."""
    document = open_docx(path)
    text, found = blocks(document)
    if not found:
        raise InputError("Word document has no text in its body", path=str(path))
    meta = {}
    props = document.core_properties
    if props.title:
        meta["title"] = props.title
    return text, [(b.start, b.stop, b.heading) for b in found], meta
