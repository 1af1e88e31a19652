"""A text file as it was read, so that an edit can be written back the same way.

Reading normalises line ends to LF and drops the byte-order mark (every
Document offset points into that text). A command that rewrites the file
(``fix``) edits at those offsets and writes back through ``TextFile``: the same
encoding (UTF-8, UTF-16/32, Windows-1251, KOI8-R ...), the same byte-order mark,
the same line ends (CRLF, CR, LF, even mixed), a final newline only where there
was one. Its unified diff is made from the file's own lines, so ``patch``
applies it.
"""

from __future__ import annotations

import bisect
import difflib
import os
import re
from dataclasses import dataclass
from typing import Iterable

from ..errors import OutputError

_CRLF = re.compile("\r\n")
_LINE = re.compile(r"[^\n]*\n|[^\n]+")


@dataclass(frozen=True)
class TextFile:
    path: str
    data: bytes  # the bytes as read
    bom: bytes  # the byte-order mark they opened with, if any
    codec: str  # the Python codec that decodes the rest
    raw: str  # the decoded text, line ends as in the file
    text: str  # the decoded text with LF line ends (what Documents index)
    encoding: str = ""  # the encoding's name as read_text reports it
    warnings: tuple[str, ...] = ()  # what decoding said (not UTF-8, ...)

    @classmethod
    def read(cls, path: str | os.PathLike) -> "TextFile":
        from .corpus import _BOMS, decode_text, read_bytes

        data = read_bytes(path)  # one read and one decoding serve the Document and the write-back
        text, encoding, warnings = decode_text(data, path)
        bom, codec = b"", encoding
        for mark, name, _family in _BOMS:
            if data.startswith(mark):
                bom, codec = mark, name.replace("-sig", "")  # the mark is kept apart
                break
        raw = data[len(bom):].decode(codec)
        if raw.startswith("\ufeff"):  # read_text drops a second mark inside the text too
            bom, raw = bom + "\ufeff".encode(codec), raw[1:]
        return cls(str(path), data, bom, codec, raw, text, encoding, warnings)

    @property
    def source(self) -> tuple[str, str, tuple[str, ...]]:
        """What ``read_text`` would return for the file, for ``read_document(source=...)``."""
        return self.text, self.encoding, self.warnings

    def raw_offset(self, pos: int) -> int:
        """The offset in ``raw`` of offset ``pos`` in ``text`` (each CRLF is one LF there)."""
        starts = self._crlf_starts()
        return pos + bisect.bisect_left(starts, pos)

    def _crlf_starts(self) -> list[int]:
        # the text offset of the k-th CRLF is its raw offset minus the k CRLFs before it
        cached = self.__dict__.get("_starts")
        if cached is None:
            cached = [m.start() - k for k, m in enumerate(_CRLF.finditer(self.raw))]
            object.__setattr__(self, "_starts", cached)
        return cached

    def edit(self, changes: Iterable[tuple[int, int, str]]) -> str:
        """``raw`` with each (start, stop, new) — offsets into ``text``, in order — applied."""
        pieces, last = [], 0
        for start, stop, new in changes:
            a, b = self.raw_offset(start), self.raw_offset(stop)
            pieces += [self.raw[last:a], new]
            last = b
        pieces.append(self.raw[last:])
        return "".join(pieces)

    def encode(self, raw: str) -> bytes:
        """``raw`` as bytes the way the file was stored; OutputError if the encoding can't hold it."""
        try:
            return self.bom + raw.encode(self.codec)
        except UnicodeEncodeError as err:
            raise OutputError(f"the corrected text has {raw[err.start]!r}, which {self.codec} can't store; "
                              "save the file as UTF-8 first", path=self.path) from None

    def diff(self, new_raw: str, new_name: str | None = None) -> str:
        """A unified diff from this file to ``new_raw``, with ``\\ No newline at end of file`` marks."""
        return unified_diff(self.raw, new_raw, self.path, new_name or self.path)

    def diff_bytes(self, new_raw: str, new_name: str | None = None) -> bytes:
        """The diff in the file's own encoding (mark included), so ``patch`` matches its bytes."""
        lead = self.bom.decode(self.codec) if self.bom else ""
        text = unified_diff(lead + self.raw, lead + new_raw, self.path, new_name or self.path)
        codec = self.codec if not self.codec.startswith(("utf-16", "utf-32")) else "utf-8"
        if codec != self.codec:  # patch can't read UTF-16 anyway; keep the diff readable
            text = text.replace("\ufeff", "")
        return text.encode(codec, errors="surrogateescape")


def unified_diff(old: str, new: str, fromfile: str, tofile: str) -> str:
    """difflib's unified diff of two texts split only at LF (CR and other breaks stay inside a line)."""
    a, b = _LINE.findall(old), _LINE.findall(new)
    out = []
    for line in difflib.unified_diff(a, b, fromfile=fromfile, tofile=tofile):
        if line.endswith("\n"):
            out.append(line)
        else:  # the last line of a file without a final newline
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)
