"""Frozen records passed between the pipeline's stages.

Text is never copied into a rewritten form: a paragraph or sentence keeps its
``start``/``stop`` offsets into ``Document.text``, so reports and fixes point at
exact characters.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

Lang = str  # ISO 639-1 code: "en", "ru", "uk", ...


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    stop: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    idx: int
    start: int
    stop: int
    text: str
    heading: bool = False  # a headline or subheading
    lang: Lang | None = None  # detected language of this paragraph


@dataclass(frozen=True, slots=True)
class Sentence:
    idx: int  # 0-based position in the document
    para: int  # index of its paragraph
    start: int
    stop: int
    text: str
    heading: bool = False


@dataclass(frozen=True)
class Document:
    path: str
    lang: Lang  # the language the document is declared to be in (en.md -> "en")
    text: str  # the body as decoded, front matter removed; offsets point here
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    meta: dict = field(default_factory=dict)  # front matter: title, date, url, ...
    detected_lang: Lang | None = None
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    first_line: int | None = 1  # line of the file where ``text`` starts; None when lines mean nothing (HTML)

    @property
    def sentence_texts(self) -> list[str]:
        return [s.text for s in self.sentences]

    def sentence_lines(self) -> tuple[int, ...]:
        """The 1-based file line each sentence starts on (empty when the file has no usable lines)."""
        if self.first_line is None:
            return ()
        from bisect import bisect_right

        breaks = [m for m, ch in enumerate(self.text) if ch == "\n"]
        return tuple(self.first_line + bisect_right(breaks, s.start - 1) for s in self.sentences)


@dataclass(frozen=True, slots=True)
class Link:
    """One alignment bead: EN sentence indices <-> RU sentence indices.

    Either side may be empty (an omission or an addition). ``score`` is the
    aligner's confidence in this link, 0..1; ``uncertain`` marks links the
    drift rules must not turn into term flags on their own.
    """

    en: tuple[int, ...]
    ru: tuple[int, ...]
    score: float = 1.0
    uncertain: bool = False


@dataclass(frozen=True)
class Alignment:
    en_doc: Document
    ru_doc: Document
    links: tuple[Link, ...]
    mode: str = "default"
    hits: object | None = None  # bilingual.glossary.hits.TermHits: the documents' glossary hits


@dataclass(frozen=True)
class Term:
    en: str
    ru: str
    type: str = ""
    variants: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    note: str = ""
    line: int = 0  # line in the glossary file, for messages
    en_variants: tuple[str, ...] = ()  # other English names: "US", "U.S.", "America"

    @property
    def allowed(self) -> tuple[str, ...]:
        return (self.ru, *self.variants)

    @property
    def en_names(self) -> tuple[str, ...]:
        return (self.en, *self.en_variants)


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    path: str | None = None
    sha: str = ""  # sha256 of the file's bytes (or of the rows), for signatures

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self):
        return iter(self.terms)


# allowed: the glossary's form; variant: a listed variant; derived: a word built on
# the name (German for Germany, «иранский» for «Иран»); forbidden: a listed wrong form
HitKind = Literal["allowed", "variant", "derived", "forbidden"]


@dataclass(frozen=True, slots=True)
class TermHit:
    term: Term
    start: int  # offsets into the text searched
    stop: int
    form: str  # the surface text found
    kind: HitKind = "allowed"
    # the longer name this hit is part of ("Moscow" in "Moscow State University", a
    # quoted title, a Latin-script name kept in Russian): it accounts for the term on
    # the other side but is not checked as the term itself
    within: str = ""


@dataclass(frozen=True)
class Flag:
    """One finding. ``en_index``/``ru_index`` are 0-based here, in Python; every output (JSON, CSV,
    HTML, the terminal) numbers sentences from 1 (``en_sentence``/``ru_sentence``) and files by line."""

    kind: str  # forbidden_variant, missing_term, extra_term, number_mismatch, ...
    en_index: int | None = None
    ru_index: int | None = None
    en_text: str = ""
    ru_text: str = ""
    term: str | None = None  # the English glossary term
    expected: str | None = None  # the Russian form the glossary wants
    found: str | None = None  # what the Russian text actually has
    message: str = ""
    level: str = "warning"  # info < warning < error
    rule: str = ""  # name of the rule that fired
    why: str = ""  # for --explain
    unit: str | None = None  # the CAT-file unit (XLIFF id, "line N" of a PO file) the flag is in
    en_line: int | None = None  # 1-based line of the English sentence in its file
    ru_line: int | None = None
    accepted: bool = False  # recorded in a baseline: shown, but not failing the run
    id: str = ""  # short stable ID (a prefix of the baseline fingerprint), set by check
    acceptance: "Acceptance | None" = None  # why, by whom and when it was accepted
    en_read: str = ""  # what the rule read on the English side, in a few words
    ru_read: str = ""  # ... and on the Russian side
    suggestion: str | None = None  # the form `fix` would write here, in the case the sentence needs

    @property
    def explanation(self) -> dict:
        """The why: the rule that fired, its cue, and what it read on each side."""
        return {"rule": self.rule or self.kind, "cue": self.why, "en": self.en_read, "ru": self.ru_read}

    def explanation_text(self) -> str:
        e = self.explanation
        parts = [f"rule {e['rule']}" + (f": {e['cue']}" if e["cue"] else "")]
        parts += [f"{side.upper()} read: {e[side]}" for side in ("en", "ru") if e[side]]
        return "; ".join(parts)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "en_sentence": None if self.en_index is None else self.en_index + 1,
            "ru_sentence": None if self.ru_index is None else self.ru_index + 1,
            "en_line": self.en_line,
            "ru_line": self.ru_line,
            "en_text": self.en_text,
            "ru_text": self.ru_text,
            "term": self.term,
            "expected": self.expected,
            "found": self.found,
            "message": self.message,
            "level": self.level,
            "accepted": self.accepted,
            "acceptance": self.acceptance.to_dict() if self.acceptance is not None else None,
            "explanation": self.explanation,
            "suggestion": self.suggestion,
            **({"unit": self.unit} if self.unit is not None else {}),
        }


@dataclass(frozen=True)
class Acceptance:
    """A baseline entry's note on an accepted flag."""

    reason: str = ""
    author: str = ""
    date: str = ""  # ISO 8601, UTC

    def to_dict(self) -> dict:
        return {"reason": self.reason, "author": self.author, "date": self.date}


@dataclass(frozen=True)
class ArticlePair:
    slug: str
    en_path: str | None
    ru_path: str | None
    problem: str | None = None  # why the article can't be read safely (bad slug, symlink out)


@dataclass(frozen=True)
class ArticleResult:
    pair: ArticlePair
    flags: tuple[Flag, ...] = ()
    alignment: Alignment | None = None
    notes: tuple[Flag, ...] = ()  # what the reader may like to know, nothing wrong by itself (a name the Russian adds)
    error: str | None = None  # one line, when the article could not be checked
    error_kind: str | None = None  # why not: no_translation (one side missing) or unreadable
    date: str | None = None
    uncertain: tuple[Link, ...] = ()  # links too unsure for term flags: reported, not flagged
    en_lines: tuple[int, ...] = ()  # file line of each sentence, to locate flags
    ru_lines: tuple[int, ...] = ()

    @property
    def not_checked(self) -> str | None:
        """Why the article was not checked, as a kind (no_translation, unreadable); None when it was."""
        return (self.error_kind or "unreadable") if self.error else None

    def locate(self, flag: Flag) -> Flag:
        """``flag`` with the file lines of its sentences filled in."""
        def line(lines, idx):
            return lines[idx] if idx is not None and idx < len(lines) else None

        return replace(flag, en_line=line(self.en_lines, flag.en_index), ru_line=line(self.ru_lines, flag.ru_index))


@dataclass(frozen=True)
class Signature:
    version: str
    segmenters: str
    aligner: str
    glossary_sha: str
    model: str | None = None
    config: str | None = None  # the configuration file that set this run's defaults

    def to_dict(self) -> dict:
        d = {
            "version": self.version,
            "segmenters": self.segmenters,
            "aligner": self.aligner,
            "glossary_sha256": self.glossary_sha,
        }
        if self.model:
            d["model"] = self.model
        if self.config:
            d["config"] = self.config
        return d

    def __str__(self) -> str:
        parts = [f"bilingual {self.version}", f"seg:{self.segmenters}", f"align:{self.aligner}",
                 f"glossary:{self.glossary_sha[:12]}"]
        if self.model:
            parts.append(f"model:{self.model}")
        if self.config:
            parts.append(f"config:{self.config}")
        return " | ".join(parts)
