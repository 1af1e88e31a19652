"""What ``fix`` returns: the changes made to a file and the file as corrected."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..sources.textfile import TextFile, unified_diff


@dataclass(frozen=True)
class FixChange:
    sentence: int  # 0-based index of the Russian sentence (1-based in to_dict, as every output numbers them)
    old: str
    new: str
    term: str
    case: str | None
    start: int  # offsets into the original file text
    stop: int
    decision: object = field(default=None, compare=False)  # russian.case.Decision: the rule and cue

    def to_dict(self) -> dict:
        out = {"sentence": self.sentence + 1, "old": self.old, "new": self.new, "term": self.term,
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
