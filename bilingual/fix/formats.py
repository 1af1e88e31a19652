"""`fix` for Word documents (XLIFF is ``bilingual.fix.xliff``).

The correction itself is the enforcer's ``correct`` (the one fix uses for Markdown);
this module only maps its replacements back into the file: a Word document is
rewritten only inside the runs that held the replaced name.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .language import other_language_paragraphs
from .records import FixChange, FixResult


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
