"""`fix` for gettext PO files: the Russian of every ``msgstr`` and ``msgstr[n]`` (every plural form).

A PO file is line-based text, so it is edited where it stands: each entry's
translation is the concatenation of its quoted string lines, unescaped; it is
corrected whole (its English is the ``msgid``, or ``msgid_plural`` for the plural
forms after the first) and each replacement goes back, escaped, into the quoted
string it came from. Every other byte (comments, flags, wrapping, the header,
obsolete ``#~`` entries) stays as it was, and the file keeps its encoding and
line ends (``bilingual.sources.textfile``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..sources.textfile import TextFile
from .formats import edits
from .records import FixChange, FixResult

_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"')
_CONTINUATION = re.compile(r'^\s*"')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


@dataclass
class _Literal:
    """One quoted string: its unescaped text and, per character, its offset in the file's text."""
    text: str
    offsets: list[int]  # len(text) + 1 entries: the last is where the closing quote starts


@dataclass
class _Field:
    keyword: str
    literals: list[_Literal] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(lit.text for lit in self.literals)


def _literal(line: str, start: int) -> _Literal | None:
    """The quoted string on ``line`` (which starts at file offset ``start``)."""
    first, last = line.find('"'), line.rstrip().rfind('"')
    if first < 0 or last <= first:
        return None
    chars, offsets, i = [], [], first + 1
    while i < last:
        offsets.append(start + i)
        if line[i] == "\\" and i + 1 < last:
            chars.append(_ESCAPES.get(line[i + 1], line[i + 1]))
            i += 2
        else:
            chars.append(line[i])
            i += 1
    offsets.append(start + last)
    return _Literal("".join(chars), offsets)


def _entries(text: str) -> list[dict[str, _Field]]:
    """The live entries' fields (obsolete ``#~`` lines and comments skipped), in order."""
    entries: list[dict[str, _Field]] = []
    current: dict[str, _Field] = {}
    last: _Field | None = None
    pos = 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        body = line.rstrip("\n")
        m = _KEYWORD.match(body)
        if m:
            keyword = m.group(1)
            if keyword in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in current):
                entries.append(current)
                current = {}
            last = current.setdefault(keyword, _Field(keyword))
            lit = _literal(body, start)
            if lit is not None:
                last.literals.append(lit)
        elif last is not None and _CONTINUATION.match(body):
            lit = _literal(body, start)
            if lit is not None:
                last.literals.append(lit)
        elif not body.strip() or body.startswith("#"):
            last = None
    if current:
        entries.append(current)
    return entries


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def fix_po(path: Path, enforcer) -> FixResult:
    """Correct every translation of the PO file (all plural forms); nothing else changes."""
    file = TextFile.read(path)
    text = file.text
    changes: list[FixChange] = []
    unit = 0
    for entry in _entries(text):
        msgid = entry.get("msgid")
        if msgid is None or not msgid.text:  # the header
            continue
        for keyword, value in entry.items():
            if not keyword.startswith("msgstr") or not value.text.strip():
                continue
            plural = keyword.endswith("]") and not keyword.endswith("[0]")
            en = entry["msgid_plural"].text if plural and "msgid_plural" in entry else msgid.text
            result = enforcer.correct(value.text, en=en)
            for start, stop, new, rep in edits(result):
                located = _locate(value.literals, start, stop)
                if located is None:
                    continue  # a name broken across two quoted lines: left as it is
                a, b = located
                changes.append(FixChange(unit, rep.old, _escape(new), rep.term, rep.case, a, b, rep.decision))
        unit += 1
    fixed = text
    for change in sorted(changes, key=lambda c: c.start, reverse=True):
        fixed = fixed[:change.start] + change.new + fixed[change.stop:]
    return FixResult(str(path), text, fixed, changes, file)


def _locate(literals: list[_Literal], start: int, stop: int) -> tuple[int, int] | None:
    """File offsets of characters start..stop of the literals' joined text, when one literal holds them."""
    pos = 0
    for lit in literals:
        end = pos + len(lit.text)
        if pos <= start and stop <= end:
            return lit.offsets[start - pos], lit.offsets[stop - pos]
        pos = end
    return None
