"""`fix` for files with structure around the text: XLIFF targets and Word documents.

The correction itself is the enforcer's ``correct`` (the one fix uses for Markdown);
this module only maps its replacements back into the file. An XLIFF file is
rewritten only inside the text of its ``<target>`` elements (sources, notes,
attributes, inline tags, whitespace and alternative translations stay byte for
byte); a Word document only inside the runs that held the replaced name.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from xml.sax.saxutils import escape, unescape

from ..errors import InputError
from .language import other_language_paragraphs
from .records import FixChange, FixResult

_ENTITIES = {"&quot;": '"', "&apos;": "'"}
_TARGET = re.compile(r"<((?:\w+:)?target)\b[^>]*(?<!/)>(.*?)</\1\s*>", re.S)
_SOURCE = re.compile(r"<((?:\w+:)?source)\b[^>]*(?<!/)>(.*?)</\1\s*>", re.S)
_ALT_TRANS = re.compile(r"<((?:\w+:)?alt-trans)\b.*?</\1\s*>", re.S)
_TAG = re.compile(r"<[^>]*>")
_CHAR_REF = re.compile(r"&#(x[0-9a-fA-F]+|\d+);")


def edits(enforced) -> list[tuple[int, int, str, object]]:
    """``(start, stop, new, replacement)`` in the text ``correct`` was given, from its result
    (whose replacement offsets point into the corrected text)."""
    out, src_pos, new_pos = [], 0, 0
    for rep in enforced.replacements:
        start = src_pos + (rep.start - new_pos)
        stop = start + len(rep.old)
        out.append((start, stop, rep.new, rep))
        src_pos, new_pos = stop, rep.stop
    return out


def _xml_text(raw: str) -> str:
    text = unescape(_TAG.sub("", raw), _ENTITIES)
    return _CHAR_REF.sub(lambda m: chr(int(m.group(1)[1:], 16) if m.group(1)[0] == "x" else int(m.group(1))),
                         text)


def fix_xliff(path: Path, enforcer) -> FixResult:
    """Correct the Russian of every ``<target>``; nothing else in the file changes."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"XLIFF must be UTF-8 to be fixed in place (byte {err.start})", path=str(path)) from None
    skip = [(m.start(), m.end()) for m in _ALT_TRANS.finditer(text)]
    sources = [(m.start(), m.group(2)) for m in _SOURCE.finditer(text)]
    source_starts = [start for start, _ in sources]
    pieces, changes, last = [], [], 0
    for n, m in enumerate(_TARGET.finditer(text)):
        if any(a <= m.start() < b for a, b in skip):
            continue
        k = bisect.bisect_left(source_starts, m.start())  # the unit's source precedes its target
        en = _xml_text(sources[k - 1][1]) if k else None
        body_start = m.start(2)
        # each text node between inline tags is corrected on its own
        for node in re.finditer(r"[^<]+", m.group(2)):
            raw = node.group(0)
            plain = _xml_text(raw)
            result = enforcer.correct(plain, en=en)
            if not result.replacements:
                continue
            base = body_start + node.start()
            if plain == raw:  # no entities: replacement offsets are file offsets
                for start, stop, new, rep in edits(result):
                    pieces += [text[last:base + start], escape(new)]
                    last = base + stop
                    changes.append(FixChange(n, rep.old, rep.new, rep.term, rep.case, base + start, last,
                                             rep.decision))
            else:
                pieces += [text[last:base], escape(result.text)]
                last = base + len(raw)
                changes += [FixChange(n, r.old, r.new, r.term, r.case, base, last, r.decision)
                            for r in result.replacements]
    pieces.append(text[last:])
    return FixResult(str(path), text, "".join(pieces), changes)


def fix_docx(path: Path, enforcer, en_sentences: dict[int, str] | None = None) -> FixResult:
    """Correct a Word document sentence by sentence; each replaced name takes the formatting of
    the run it started in, and every other run is left as it was."""
    from io import BytesIO

    from ..sources.corpus import read_document
    from ..sources.docx import blocks, open_docx

    doc = read_document(path, "ru")
    document = open_docx(path)
    text, found = blocks(document)
    if text != doc.text:
        raise InputError("can't locate the article text in the document's runs", path=str(path))
    changes, other = [], []
    foreign = other_language_paragraphs(doc, enforcer)  # a quotation in Ukrainian stays as written
    for s in doc.sentences:
        result = enforcer.correct(s.text, en=(en_sentences or {}).get(s.idx))
        found_here = [FixChange(s.idx, rep.old, rep.new, rep.term, rep.case, s.start + a, s.start + b, rep.decision)
                      for a, b, _new, rep in edits(result)]
        if s.para in foreign:
            other += [(foreign[s.para], c) for c in found_here]
        else:
            changes += found_here
    # right to left, so each edit's offsets still hold when it is made
    fixed = doc.text
    for ch in sorted(changes, key=lambda c: c.start, reverse=True):
        block = next(b for b in found if b.start <= ch.start and ch.stop <= b.stop)
        offset = block.lead - block.start
        _replace_in_runs(block.runs, ch.start + offset, ch.stop + offset, ch.new)
        fixed = fixed[:ch.start] + ch.new + fixed[ch.stop:]
    if not changes:
        return FixResult(str(path), doc.text, fixed, changes, other_language=other, data=path.read_bytes())
    out = BytesIO()
    document.save(out)
    return FixResult(str(path), doc.text, fixed, changes, other_language=other, data=out.getvalue())


def _replace_in_runs(runs, start: int, stop: int, new: str) -> None:
    """Put ``new`` in place of characters start..stop of the runs' joined text: into the run where
    the old text starts (so it takes that run's formatting), taking the rest of the old text out
    of the runs it spread over."""
    pos = 0
    placed = False
    for run in runs:
        text = run.text
        r_start, r_stop = pos, pos + len(text)
        pos = r_stop
        if r_stop <= start or r_start >= stop:
            continue
        a, b = max(start, r_start) - r_start, min(stop, r_stop) - r_start
        run.text = text[:a] + ("" if placed else new) + text[b:]
        placed = True
