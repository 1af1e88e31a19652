"""Correct an existing Russian version to the glossary, keeping each word's grammatical form.

The work is done by the translation enforcer's ``correct`` (one mechanism for
machine output and human text alike): forbidden renderings become the allowed
form in the case and number the sentence needs, capitalisation kept, and every
other character of the file is left as it was. Only prose is corrected
(bilingual.markup): a form inside a link target, an image path, inline code, a
code block, an HTML comment or the front matter is left alone and listed as
skipped. The file is written back as it was read (bilingual.textfile).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UsageError
from .markup import all_prose, markdown_prose
from .model import Glossary
from .textfile import TextFile, unified_diff


@dataclass(frozen=True)
class FixChange:
    sentence: int  # 0-based index of the Russian sentence
    old: str
    new: str
    term: str
    case: str | None
    start: int  # offsets into the original file text
    stop: int
    decision: object = field(default=None, compare=False)  # russian.case.Decision: the rule and cue

    def to_dict(self) -> dict:
        out = {"sentence": self.sentence, "old": self.old, "new": self.new, "term": self.term,
               "case": self.case}
        if self.decision is not None:
            out.update(rule=self.decision.rule, cue=self.decision.cue, uncertain=self.decision.uncertain)
        return out


@dataclass
class FixResult:
    path: str
    original: str  # the decoded file text (line ends normalised)
    fixed: str
    changes: list[FixChange] = field(default_factory=list)
    file: TextFile | None = None  # the file as read, to write the result back the same way
    skipped: list[FixChange] = field(default_factory=list)  # forms left alone outside prose (code, links)
    # forms left alone in a paragraph in another language (a quotation in Ukrainian, an English
    # passage): the paragraph's language, and the change that would have been made
    other_language: list[tuple[str, FixChange]] = field(default_factory=list)
    data: bytes | None = None  # the corrected file when it isn't text (a Word document)

    @property
    def fixed_raw(self) -> str:
        """The corrected text with the file's own line ends."""
        if self.file is None:
            return self.fixed
        return self.file.edit((c.start, c.stop, c.new) for c in self.changes)

    @property
    def original_bytes(self) -> bytes:
        if self.data is not None:
            return Path(self.path).read_bytes()
        return self.file.data if self.file is not None else self.original.encode("utf-8")

    def fixed_bytes(self) -> bytes:
        """The corrected file: the encoding, byte-order mark and line ends it was read in."""
        if self.data is not None:
            return self.data
        return self.file.encode(self.fixed_raw) if self.file is not None else self.fixed.encode("utf-8")

    def diff(self, new_name: str | None = None) -> str:
        if self.file is None:
            return unified_diff(self.original, self.fixed, self.path, new_name or self.path)
        return self.file.diff(self.fixed_raw, new_name)

    def diff_bytes(self, new_name: str | None = None) -> bytes:
        """The diff in the file's encoding, for ``patch``."""
        if self.file is None:
            return self.diff(new_name).encode("utf-8")
        return self.file.diff_bytes(self.fixed_raw, new_name)

    def to_dict(self) -> dict:
        return {"path": self.path, "changes": [c.to_dict() for c in self.changes],
                "skipped_outside_prose": [c.to_dict() for c in self.skipped],
                "skipped_other_language": [dict(c.to_dict(), language=lang) for lang, c in self.other_language]}


def fix_file(ru_path: str | os.PathLike, glossary: Glossary, *, en_path: str | os.PathLike | None = None) -> FixResult:
    """Correct one Russian article file; returns the old and new text and the changes."""
    from .corpus import HTML_SUFFIXES, read_document
    from .translate.enforce import Enforcer

    path = Path(ru_path)
    if path.suffix.lower() in (".xlf", ".xliff", ".docx") and glossary is not None and len(glossary):
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
    foreign = _other_language_paragraphs(doc, enforcer)
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


def _other_language_paragraphs(doc, enforcer) -> dict[int, str]:
    """Paragraph index -> language, for paragraphs in a language other than Russian.

    The glossary's Russian forms are not for a quotation in Ukrainian or an English passage:
    «Харкові» there stays as written. A Russian paragraph dense with Ukrainian spellings of names
    (the very forms fix corrects) can read as Ukrainian, so a paragraph's language is judged
    again with its forbidden forms taken out: «Встреча прошла в Києві.» is Russian.
    """
    from . import langid
    from .corpus import PARAGRAPH_SAMPLE

    out = {}
    for p in doc.paragraphs:
        if p.lang in (None, "ru"):
            continue
        text, last = [], 0
        for hit in enforcer.matcher.find_ru(p.text):
            if hit.kind == "forbidden":
                text.append(p.text[last:hit.start])
                last = hit.stop
        text.append(p.text[last:])
        lang = langid.detect(" ".join(text), frozenset({"en", "ru", "uk"}), PARAGRAPH_SAMPLE)
        if lang not in (None, "ru"):
            out[p.idx] = lang
    return out


def _fix_structured(path: Path, glossary: Glossary, en_path) -> FixResult:
    """XLIFF targets and Word documents: the same correction, mapped back into the file's structure."""
    from .fix_formats import fix_docx, fix_xliff
    from .translate.enforce import Enforcer

    if path.suffix.lower() == ".docx":
        from .corpus import read_document

        en = _aligned_english(en_path, read_document(path, "ru"), glossary) if en_path else None
        return fix_docx(path, Enforcer(glossary), en)
    return fix_xliff(path, Enforcer(glossary))


def _aligned_english(en_path, ru_doc, glossary) -> dict[int, str]:
    """RU sentence index -> its aligned English text (for prepositions that need it)."""
    from .align import align_documents
    from .corpus import read_document

    en_doc = read_document(en_path, "en")
    alignment = align_documents(en_doc, ru_doc, glossary=glossary)
    out: dict[int, str] = {}
    for link in alignment.links:
        if link.en and link.ru:
            en_text = " ".join(en_doc.sentences[i].text for i in link.en)
            for j in link.ru:
                out[j] = en_text
    return out
