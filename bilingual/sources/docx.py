"""Word documents (.docx) as articles, through python-docx.

The body's paragraphs, in document order, become the article's blocks: those in
tables, content controls (``w:sdt``) and text boxes too; a paragraph styled
Title or Heading N is a heading. Headers, footers, comments and footnotes are
not part of the body and are left out. Each kept paragraph's text is its runs'
text, wherever Word wraps them (hyperlinks, tracked insertions ``w:ins``,
content controls, simple fields, smart tags), without tracked deletions, with
the ends stripped, so an offset into the article maps back to a run for ``fix``.

The package is checked before it is opened: a member that would unpack to more
than ``MAX_UNPACKED_BYTES`` (or over 100 times its packed size) is refused
unread, and XML that is not well-formed is one line naming the file.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..io import check_regular

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
# What the XML parts may unpack to, and how far a member may expand (a zip bomb expands by thousands).
MAX_UNPACKED_BYTES = 200_000_000
MAX_RATIO = 100
# Wrappers whose runs are not the document's text: tracked deletions, moved-away text, and the
# fallback copy of a text box that Word also keeps as the preferred one.
_NOT_TEXT = ("del", "moveFrom", "Fallback")


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
    from lxml import etree

    check_regular(path)
    _check_package(path)
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise InputError(f"not a readable Word document (.docx): {err}", path=str(path)) from None
    except etree.XMLSyntaxError as err:
        raise InputError(f"not a readable Word document (.docx): damaged XML ({' '.join(str(err).split())[:120]})",
                         path=str(path)) from None
    except OSError as err:
        raise InputError(f"can't read: {err.strerror or err}", path=str(path)) from None


def _check_package(path) -> None:
    """Refuse a package whose members would unpack to too much, before any is read."""
    try:
        with zipfile.ZipFile(path) as zf:
            total = 0
            for info in zf.infolist():
                total += info.file_size
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > 1_000_000 and ratio > MAX_RATIO:
                    raise InputError(f"{info.filename} would unpack to {ratio:.0f} times its size; "
                                     f"refused as a zip bomb", path=str(path))
            if total > MAX_UNPACKED_BYTES:
                raise InputError(f"would unpack to {total / 1e6:.0f} MB; Word documents are limited to "
                                 f"{MAX_UNPACKED_BYTES / 1e6:.0f} MB unpacked", path=str(path))
    except zipfile.BadZipFile as err:
        raise InputError(f"not a readable Word document (.docx): {err}", path=str(path)) from None
    except OSError as err:
        raise InputError(f"can't read: {err.strerror or err}", path=str(path)) from None


def _local(el) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def _inside(el, top, names) -> bool:
    """True when an element between ``el`` and ``top`` (exclusive) is one of ``names``."""
    parent = el.getparent()
    while parent is not None and parent is not top:
        if _local(parent) in names:
            return True
        parent = parent.getparent()
    return False


def _paragraphs(document):
    """Body paragraphs in document order: in tables, content controls and text boxes too (each
    cell and text box once), none of tracked deletions or a text box's fallback copy."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for p in body.iter(qn("w:p")):
        if not _inside(p, body, _NOT_TEXT):
            yield Paragraph(p, document._body)


def paragraph_runs(paragraph) -> list:
    """The paragraph's runs in order, wherever they sit in it (hyperlinks, tracked insertions,
    content controls, fields, smart tags), but not deleted text or the paragraphs of a text box
    anchored in it (those are paragraphs of their own)."""
    from docx.oxml.ns import qn
    from docx.text.run import Run

    p = paragraph._p
    return [Run(r, paragraph) for r in p.iter(qn("w:r"))
            if not _inside(r, p, (*_NOT_TEXT, "txbxContent"))]


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
