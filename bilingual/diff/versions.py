"""What changed between two versions of an article in one language, reported
per sentence and, when the English is given, per English sentence."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from ..errors import UsageError
from ..model import Document, Flag, Glossary, Paragraph, Sentence, Signature
from .match import Bead, match
from .words import word_diff

def counted(indexes: Sequence[int]) -> list[int]:
    """0-based positions (as the library keeps them) numbered as a reader counts: from 1."""
    return [i + 1 for i in indexes]


def _counted(index: int | None) -> int | None:
    return None if index is None else index + 1


KINDS = ("unchanged", "reworded", "added", "removed", "split", "merged", "moved")


@dataclass(frozen=True)
class Change:
    """One sentence-level change. Positions are 0-based here, in Python; every output numbers
    sentences and paragraphs from 1 (``to_dict``, the terminal, HTML)."""

    kind: str  # one of KINDS
    old_indexes: tuple[int, ...] = ()
    new_indexes: tuple[int, ...] = ()
    en_indexes: tuple[int, ...] = ()  # English sentences linked to either side
    old_text: str = ""
    new_text: str = ""
    word_diff: tuple[tuple[str, str], ...] = ()  # (equal|delete|insert, text); empty if unchanged
    similarity: float = 0.0

    @property
    def old_index(self) -> int | None:
        return self.old_indexes[0] if self.old_indexes else None

    @property
    def new_index(self) -> int | None:
        return self.new_indexes[0] if self.new_indexes else None

    @property
    def en_index(self) -> int | None:
        return self.en_indexes[0] if self.en_indexes else None

    def to_dict(self) -> dict:
        """The change as every output shows it: sentences numbered from 1."""
        return {
            "kind": self.kind,
            "en_sentence": _counted(self.en_index),
            "old_sentence": _counted(self.old_index),
            "new_sentence": _counted(self.new_index),
            "old_text": self.old_text,
            "new_text": self.new_text,
            "en_sentences": counted(self.en_indexes),
            "old_sentences": counted(self.old_indexes),
            "new_sentences": counted(self.new_indexes),
            "similarity": round(self.similarity, 3),
            "word_diff": [{"op": op, "text": text} for op, text in self.word_diff],
        }


@dataclass(frozen=True)
class ParagraphChange:
    kind: str  # "split": one old paragraph became several; "joined": the reverse; "regrouped": both
    old_paras: tuple[int, ...]
    new_paras: tuple[int, ...]

    def to_dict(self) -> dict:
        return {"kind": self.kind, "old_paragraphs": counted(self.old_paras),
                "new_paragraphs": counted(self.new_paras)}


@dataclass(frozen=True)
class DiffResult:
    changes: tuple[Change, ...]
    paragraphs: tuple[ParagraphChange, ...] = ()
    terms: dict = field(default_factory=lambda: {"fixed": [], "introduced": []})
    old_sentences: tuple[str, ...] = ()
    new_sentences: tuple[str, ...] = ()
    en_sentences: tuple[str, ...] = ()
    signature: Signature | None = None  # how the diff was made, when made from files

    @property
    def summary(self) -> dict[str, int]:
        counts = Counter(c.kind for c in self.changes)
        return {k: counts.get(k, 0) for k in KINDS}

    @property
    def changed(self) -> bool:
        return any(c.kind != "unchanged" for c in self.changes) or bool(self.paragraphs)

    def to_dict(self) -> dict:
        return {
            "changes": [c.to_dict() for c in self.changes],
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "terms": {k: [f.to_dict() for f in self.terms.get(k, [])] for k in ("fixed", "introduced")},
            "summary": self.summary,
            **({"signature": self.signature.to_dict()} if self.signature else {}),
        }


def _texts(doc: Document | Sequence[str]) -> tuple[list[str], list[int]]:
    if isinstance(doc, Document):
        return [s.text for s in doc.sentences], [s.para for s in doc.sentences]
    if isinstance(doc, str):
        raise TypeError("expected a Document or a list of sentences, not one string")
    texts = [str(s) for s in doc]
    return texts, [0] * len(texts)


def as_document(doc: Document | Sequence[str], lang: str, path: str) -> Document:
    """A Document for a list of sentences (one paragraph), or the Document itself."""
    if isinstance(doc, Document):
        return doc
    texts, _ = _texts(doc)
    sentences, pos = [], 0
    for k, t in enumerate(texts):
        sentences.append(Sentence(idx=k, para=0, start=pos, stop=pos + len(t), text=t))
        pos += len(t) + 1
    text = " ".join(texts)
    paragraphs = (Paragraph(idx=0, start=0, stop=len(text), text=text, lang=lang),) if texts else ()
    return Document(path=path, lang=lang, text=text, paragraphs=paragraphs, sentences=tuple(sentences),
                    detected_lang=lang)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _change(bead: Bead, old: list[str], new: list[str], en_of_old: dict, en_of_new: dict) -> Change:
    old_text = " ".join(old[i] for i in bead.old)
    new_text = " ".join(new[j] for j in bead.new)
    if bead.moved:
        kind = "moved"
    elif not bead.new:
        kind = "removed"
    elif not bead.old:
        kind = "added"
    elif len(bead.new) > len(bead.old):
        kind = "split"
    elif len(bead.old) > len(bead.new):
        kind = "merged"
    else:
        kind = "unchanged" if _same(old_text, new_text) else "reworded"
    diff = () if kind in ("unchanged", "added", "removed") or _same(old_text, new_text) \
        else word_diff(old_text, new_text)
    en = sorted({e for i in bead.old for e in en_of_old.get(i, ())} | {e for j in bead.new for e in en_of_new.get(j, ())})
    return Change(kind, bead.old, bead.new, tuple(en), old_text, new_text, diff, bead.score)


def _paragraph_changes(beads: list[Bead], old_paras: list[int], new_paras: list[int]) -> tuple[ParagraphChange, ...]:
    # Paragraphs joined by matched sentences form groups; a group with one old
    # paragraph and several new ones is a split, and the reverse a join.
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for b in beads:
        if b.moved or not b.old or not b.new:
            continue
        nodes = [("o", old_paras[i]) for i in b.old] + [("n", new_paras[j]) for j in b.new]
        for node in nodes[1:]:
            parent[find(node)] = find(nodes[0])
        find(nodes[0])
    groups: dict[tuple[str, int], set] = {}
    for node in list(parent):
        groups.setdefault(find(node), set()).add(node)
    out = []
    for members in groups.values():
        olds = tuple(sorted(p for s, p in members if s == "o"))
        news = tuple(sorted(p for s, p in members if s == "n"))
        if len(olds) == 1 and len(news) > 1:
            out.append(ParagraphChange("split", olds, news))
        elif len(olds) > 1 and len(news) == 1:
            out.append(ParagraphChange("joined", olds, news))
        elif len(olds) > 1 and len(news) > 1:
            out.append(ParagraphChange("regrouped", olds, news))
    return tuple(sorted(out, key=lambda p: (p.new_paras, p.old_paras)))


def _en_map(links) -> dict[int, tuple[int, ...]]:
    out: dict[int, tuple[int, ...]] = {}
    for link in links:
        for r in link.ru:
            out[r] = tuple(sorted(set(out.get(r, ())) | set(link.en)))
    return out


def _flag_key(f: Flag) -> tuple:
    return (f.kind, f.term, f.en_index, f.found)


def compare_flags(old_flags: Sequence[Flag], new_flags: Sequence[Flag]) -> dict[str, list[Flag]]:
    """Flags only in the old version are fixed; flags only in the new one were introduced.

    Flags are matched by (kind, term, English sentence, text found), as many
    times as they occur, so the same slip in a second place still counts."""
    return {"fixed": _unmatched(old_flags, new_flags), "introduced": _unmatched(new_flags, old_flags)}


def _unmatched(flags: Sequence[Flag], others: Sequence[Flag]) -> list[Flag]:
    """The flags of ``flags`` left over once each is matched, one for one, against ``others``."""
    left = Counter(_flag_key(f) for f in others)
    out = []
    for f in flags:
        k = _flag_key(f)
        if left[k]:
            left[k] -= 1
        else:
            out.append(f)
    return out


def diff_versions(old: Document | Sequence[str], new: Document | Sequence[str], *,
                  en: Document | Sequence[str] | None = None, glossary: Glossary | None = None,
                  lang: str | None = None) -> DiffResult:
    """Compare two versions of an article in the same language.

    ``old`` and ``new`` are Documents or lists of sentences. With ``en`` (the
    English article), both versions are aligned to it and every change names
    its English sentences; with a ``glossary`` as well, the drift rules run on
    both versions and ``terms`` lists the flags fixed and introduced.
    """
    old_texts, old_paras = _texts(old)
    new_texts, new_paras = _texts(new)

    en_of_old: dict = {}
    en_of_new: dict = {}
    terms: dict = {"fixed": [], "introduced": []}
    en_texts: list[str] = []
    if en is not None:
        from ..align import align_documents

        lang = lang or (old.lang if isinstance(old, Document) else "ru")
        en_doc = as_document(en, "en", "<en>")
        en_texts = [s.text for s in en_doc.sentences]
        old_doc = as_document(old, lang, "<old>")
        new_doc = as_document(new, lang, "<new>")
        old_al = align_documents(en_doc, old_doc, glossary=glossary)
        new_al = align_documents(en_doc, new_doc, glossary=glossary)
        en_of_old, en_of_new = _en_map(old_al.links), _en_map(new_al.links)
        if glossary is not None:
            from ..checks.drift import check_alignment

            terms = compare_flags(check_alignment(old_al, glossary), check_alignment(new_al, glossary))
    elif glossary is not None:
        raise UsageError("a glossary needs the English text too (--en): the drift rules compare each "
                         "version with the English")

    same_en = {(i, j) for i, es in en_of_old.items() for j, fs in en_of_new.items() if set(es) & set(fs)}
    beads = match(old_texts, new_texts, same_en=same_en)
    changes = tuple(_change(b, old_texts, new_texts, en_of_old, en_of_new) for b in beads)
    return DiffResult(
        changes=changes,
        paragraphs=_paragraph_changes(beads, old_paras, new_paras),
        terms=terms,
        old_sentences=tuple(old_texts),
        new_sentences=tuple(new_texts),
        en_sentences=tuple(en_texts),
    )
