"""`fix` for XLIFF 1.2 and 2.0: the Russian of every ``<target>``, edited as text nodes of a tree.

The file is parsed with lxml (no entities, no network, no DTD), so a file that is
not well-formed is refused in one line rather than rewritten as text. A target's
text is read whole across its inline tags (``Удары по <g>Харкив</g>`` is one
sentence, and «Харкив» takes the case «по» asks for); native-code elements
(``<x/>``, ``<ph>``, ``<bpt>`` ...) hold no text, comments and attributes are
never text. Each replacement goes back into the text node it came from (spread
over two, it goes into the first). Only the root element is serialised again:
the prolog (XML declaration, doctype, comments before the root) and anything after
it stay byte for byte, and a file written with CRLF line ends keeps them.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..io import read_regular
from .formats import edits
from .records import FixChange, FixResult

MAX_XLIFF_BYTES = 50_000_000

# Inline elements whose content is native code (a tag of the source format), not translatable text.
_CODE = {"ph", "bpt", "ept", "it", "x", "bx", "ex", "sc", "ec", "cp", "sm", "em"}
# The markup before the root element: the declaration, comments, processing instructions, a doctype.
_START_TAG = re.compile(rb"""<[^\s>/]+(?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*>""")
_PROLOG = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[[^\]]*\])?\s*>)*", re.S)


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _pieces(el, include_text: bool = True, out: list | None = None) -> list[list]:
    """The text nodes of ``el`` in reading order, each ``[element, "text" | "tail"]``."""
    out = [] if out is None else out
    if include_text and el.text:
        out.append([el, "text"])
    for child in el:
        if isinstance(child.tag, str):  # an element; comments and PIs hold no text, only a tail
            _pieces(child, _local(child) not in _CODE, out)
        if child.tail:
            out.append([child, "tail"])
    return out


def _get(piece) -> str:
    el, attr = piece
    return (el.text if attr == "text" else el.tail) or ""


def _set(piece, value: str) -> None:
    el, attr = piece
    if attr == "text":
        el.text = value
    else:
        el.tail = value


def segment_text(el) -> str:
    """The translatable text of a ``<source>`` or ``<target>``, across its inline tags."""
    return "".join(_get(p) for p in _pieces(el))


def _parse(path: Path, data: bytes):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_blank_text=False, remove_comments=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        line = getattr(err, "lineno", None)
        raise InputError(f"not well-formed XML: {' '.join(str(err.msg or err).split())[:160]}",
                         path=str(path), line=line) from None


def _replace(pieces: list, start: int, stop: int, new: str) -> None:
    """Put ``new`` in place of characters start..stop of the pieces' joined text, in the piece the old
    text starts in; the rest of the old text leaves the pieces it spread over."""
    pos, placed = 0, False
    for piece in pieces:
        text = _get(piece)
        a_pos, b_pos = pos, pos + len(text)
        pos = b_pos
        if b_pos <= start or a_pos >= stop:
            continue
        a, b = max(start, a_pos) - a_pos, min(stop, b_pos) - a_pos
        _set(piece, text[:a] + ("" if placed else new) + text[b:])
        placed = True


def fix_xliff(path: Path, enforcer) -> FixResult:
    """Correct the Russian of every ``<target>`` (alternative translations left alone)."""
    data = read_regular(path, limit=MAX_XLIFF_BYTES, what="XLIFF files")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"XLIFF must be UTF-8 to be fixed in place (byte {err.start})", path=str(path)) from None
    root = _parse(path, data)
    changes: list[FixChange] = []
    targets = [el for el in root.iter() if _local(el) == "target"
               and not any(_local(a) == "alt-trans" for a in el.iterancestors())]
    for n, target in enumerate(targets):
        source = next((s for s in target.itersiblings(preceding=True) if _local(s) == "source"), None)
        pieces = _pieces(target)
        whole = "".join(_get(p) for p in pieces)
        if not whole.strip():
            continue
        result = enforcer.correct(whole, en=segment_text(source) if source is not None else None)
        found = edits(result)
        for start, stop, new, rep in reversed(found):  # right to left: earlier offsets still hold
            _replace(pieces, start, stop, new)
        changes += [FixChange(n, rep.old, rep.new, rep.term, rep.case, start, stop, rep.decision)
                    for start, stop, _new, rep in found]
    if not changes:
        return FixResult(str(path), text, text, [])
    return FixResult(str(path), text, _serialise(data, root).decode("utf-8"), changes)


def _serialise(data: bytes, root) -> bytes:
    """``data`` with its root element replaced by the edited tree's; prolog and epilogue as they were."""
    head = _PROLOG.match(data).end()
    name = data[head + 1:].split(maxsplit=1)[0].split(b">")[0].split(b"/")[0]
    tail = data.rfind(b"</" + name)
    end = data.find(b">", tail) + 1 if tail >= 0 else len(data)
    body = etree.tostring(root, encoding="utf-8")
    if body.startswith(b"<?xml"):
        body = body[body.index(b"?>") + 2:].lstrip()
    start = _START_TAG.match(data, head)
    if start is not None:  # the root's start tag as written (lxml puts namespace declarations first)
        body = start.group(0) + body[_START_TAG.match(body).end():]
    original = data[head:end]
    if b"\r\n" in original and b"\n" not in original.replace(b"\r\n", b""):
        body = body.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")  # the parser read CRLF as LF
    return data[:head] + body + data[end:]
