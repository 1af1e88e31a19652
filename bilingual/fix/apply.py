"""Correct an existing Russian version to the glossary, keeping each word's grammatical form.

The work is done by the translation enforcer's ``correct`` (one mechanism for
machine output and human text alike): forbidden renderings become the allowed
form in the case and number the sentence needs, capitalisation kept, and every
other character of the file is left as it was. Only prose is corrected
(bilingual.sources.markup): a form inside a link target, an image path, inline code, a
code block, an HTML comment or the front matter is left alone and listed as
skipped. The file is written back as it was read (bilingual.sources.textfile).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import UsageError
from ..sources.markup import all_prose, markdown_prose
from ..model import Glossary
from ..sources.textfile import TextFile
from .language import other_language_paragraphs
from .records import FixChange, FixResult


def fix_file(ru_path: str | os.PathLike, glossary: Glossary, *, en_path: str | os.PathLike | None = None) -> FixResult:
    """Correct one Russian article file; returns the old and new text and the changes."""
    from ..sources.corpus import HTML_SUFFIXES, read_document
    from ..translate.enforce import Enforcer

    path = Path(ru_path)
    if path.suffix.lower() in (".xlf", ".xliff", ".docx", ".po") and glossary is not None and len(glossary):
        return _fix_structured(path, glossary, en_path)
    if path.suffix.lower() in HTML_SUFFIXES:
        raise UsageError("fix rewrites Markdown or plain-text files; convert the HTML first", path=str(path))
    if glossary is None or not len(glossary):
        raise UsageError("fix needs a glossary (--glossary FILE, or glossary.csv here)")
    file = TextFile.read(path)
    text = file.text
    doc = read_document(path, "ru", source=file.source)
    offset = len(text) - len(doc.text)  # the body is what follows the front matter
    if text[offset:] != doc.text:
        raise UsageError("can't locate the article body in the file", path=str(path))
    en_sentences = _aligned_english(en_path, doc, glossary) if en_path else {}
    enforcer = Enforcer(glossary)
    prose = all_prose(text) if path.suffix.lower() == ".txt" else markdown_prose(doc.text, offset)
    pieces, changes, skipped, other, last = [], [], [], [], 0
    foreign = other_language_paragraphs(doc, enforcer)
    for s in doc.sentences:
        result = enforcer.correct(s.text, en=en_sentences.get(s.idx))
        if not result.replacements:
            continue
        # Map each replacement back to the original sentence to keep every other character.
        src_pos = 0
        new_pos = 0
        for rep in result.replacements:
            before_len = rep.start - new_pos
            old_start = src_pos + before_len
            old_stop = old_start + len(rep.old)
            abs_start = offset + s.start + old_start
            src_pos, new_pos = old_stop, rep.stop
            change = FixChange(s.idx, rep.old, rep.new, rep.term, rep.case, abs_start, abs_start + len(rep.old),
                               rep.decision)
            if s.para in foreign:
                other.append((foreign[s.para], change))
                continue
            if not prose.covers(change.start, change.stop):  # a link target, code, a comment ...
                skipped.append(change)
                continue
            pieces.append(text[last:abs_start])
            pieces.append(rep.new)
            last = change.stop
            changes.append(change)
    pieces.append(text[last:])
    return FixResult(str(path), text, "".join(pieces), changes, file, skipped, other)


def _fix_structured(path: Path, glossary: Glossary, en_path) -> FixResult:
    """XLIFF targets, PO translations and Word documents: the same correction, mapped back into the
    file's structure."""
    from .formats import fix_docx
    from .xliff import fix_xliff
    from ..translate.enforce import Enforcer

    if path.suffix.lower() == ".po":
        from .po import fix_po

        return fix_po(path, Enforcer(glossary))
    if path.suffix.lower() == ".docx":
        from ..sources.corpus import read_document

        en = _aligned_english(en_path, read_document(path, "ru"), glossary) if en_path else None
        return fix_docx(path, Enforcer(glossary), en)
    return fix_xliff(path, Enforcer(glossary))


def _aligned_english(en_path, ru_doc, glossary) -> dict[int, str]:
    """RU sentence index -> its aligned English text (for prepositions that need it)."""
    from ..align import align_documents
    from ..sources.corpus import read_document

    en_doc = read_document(en_path, "en")
    alignment = align_documents(en_doc, ru_doc, glossary=glossary)
    out: dict[int, str] = {}
    for link in alignment.links:
        if link.en and link.ru:
            en_text = " ".join(en_doc.sentences[i].text for i in link.en)
            for j in link.ru:
                out[j] = en_text
    return out
