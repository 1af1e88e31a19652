"""Sentence alignment of an English article and its Russian version.

``align_sentences`` takes two lists of sentences and returns monotone links
(1-1, merges, and null links for a sentence with no counterpart), each with a
confidence. Costs come from cheap scorers (length, anchors); ``mode="semantic"``
adds multilingual sentence embeddings where those scorers are unsure.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import UsageError
from ..model import Alignment, Document, Link, Paragraph, Sentence
from .dp import Params
from .gaps import split_merges
from .scorers import DEFAULT_PARAMS, align_features, features, pair_adjacent_nulls

MODES = ("default", "semantic")

SPLITS = ("sentences", "lines")

__all__ = ["DEFAULT_PARAMS", "MODES", "SPLITS", "Params", "align_documents", "align_files", "align_sentences",
           "read_lines"]


def _check_paras(name: str, paras, count: int):
    if paras is None:
        return None
    paras = list(paras)
    if len(paras) != count:
        raise UsageError(f"{name} has {len(paras)} entries for {count} sentences")
    if any(b < a for a, b in zip(paras, paras[1:])):
        raise UsageError(f"{name} must be non-decreasing")
    return paras


def align_sentences(
    en: Sequence[str],
    ru: Sequence[str],
    *,
    glossary=None,
    hits=None,
    mode: str = "default",
    en_paras: Sequence[int] | None = None,
    ru_paras: Sequence[int] | None = None,
    params: Params | None = None,
    confirm_gaps: bool = False,
) -> list[Link]:
    """Align English sentences ``en`` with Russian sentences ``ru``.

    Every sentence of either side is in exactly one link; links are in
    document order on both sides. A link's ``score`` is its confidence, 0..1,
    from the margin to the best alignment that disagrees with it; links below
    0.5 are marked ``uncertain`` (and are what ``mode="semantic"`` re-examines
    with sentence embeddings).

    ``en_paras``/``ru_paras`` give each sentence's paragraph index: paragraphs
    are aligned first, then sentences inside each aligned group of paragraphs;
    two neighbouring groups are aligned as one when a sentence was moved across
    their boundary.

    Glossary terms shared by two sentences are anchors: pass the documents'
    ``hits`` (a ``TermHits`` from ``bilingual.glossary.find_hits``), or a
    ``glossary`` to have them found here.

    ``confirm_gaps`` (default mode): where the cheap scorers leave a sentence
    without counterpart, or merge it uncertainly, that stretch is re-aligned
    with sentence embeddings as in semantic mode, so an omission is pinned on
    the sentence that was dropped rather than its neighbour of the same length.
    Only when the embedding package is installed (a core dependency; an install
    without dependencies skips it); a text with no such stretch embeds nothing.
    """
    if mode not in MODES:
        raise UsageError(f"unknown alignment mode {mode!r} (choose from {', '.join(MODES)})")
    en = list(en)
    ru = list(ru)
    en_paras = _check_paras("en_paras", en_paras, len(en))
    ru_paras = _check_paras("ru_paras", ru_paras, len(ru))
    if hits is None and glossary is not None:
        from ..glossary.hits import hits_for

        hits = hits_for(en, ru, glossary)
    p = params or DEFAULT_PARAMS
    fe = features(en, "en", hits=hits.en.sentences if hits else None)
    fr = features(ru, "ru", hits=hits.ru.sentences if hits else None)
    if en_paras is not None and ru_paras is not None:
        from .paragraphs import align_by_paragraphs

        links = align_by_paragraphs(fe, fr, en_paras, ru_paras, p)
    else:
        links = align_features(fe, fr, p)
    links = split_merges(links, fe, fr, p)
    links = pair_adjacent_nulls(links)
    if mode == "semantic":
        from .semantic import refine

        links = refine(en, ru, fe, fr, links, p)
    elif confirm_gaps:
        from . import semantic

        if semantic.available():
            links = semantic.refine(en, ru, fe, fr, links, p, gaps_only=True)
    return links


def align_documents(en_doc: Document, ru_doc: Document, *, glossary=None, hits=None,
                    mode: str = "default", confirm_gaps: bool = False) -> Alignment:
    """Align two segmented documents sentence by sentence, paragraphs first.

    ``confirm_gaps``: see ``align_sentences``.

    The documents' glossary hits (given, or found once here from ``glossary``)
    travel on the returned ``Alignment`` for the drift rules and reports.
    """
    en_s, ru_s = en_doc.sentences, ru_doc.sentences
    if hits is None and glossary is not None:
        from ..glossary.hits import hits_for

        hits = hits_for(en_doc.sentence_texts, ru_doc.sentence_texts, glossary)
    links = align_sentences(
        [s.text for s in en_s],
        [s.text for s in ru_s],
        hits=hits,
        mode=mode,
        en_paras=[s.para for s in en_s],
        ru_paras=[s.para for s in ru_s],
        confirm_gaps=confirm_gaps,
    )
    return Alignment(en_doc=en_doc, ru_doc=ru_doc, links=tuple(links), mode=mode, hits=hits)


def read_lines(path, lang: str) -> Document:
    """A one-sentence-per-line file as a Document (blank lines skipped, one paragraph)."""
    from ..sources.corpus import read_text

    text, encoding, warnings = read_text(path)
    sentences = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            sentences.append(Sentence(len(sentences), 0, start, start + len(stripped), stripped))
        pos += len(line) + 1
    paragraphs = (Paragraph(0, 0, len(text), text),) if sentences else ()
    return Document(path=str(path), lang=lang, text=text, paragraphs=paragraphs, sentences=tuple(sentences),
                    encoding=encoding, warnings=tuple(warnings))


def align_files(en_path, ru_path, *, split: str = "sentences", glossary=None, mode: str = "default") -> Alignment:
    """Read and align two files: articles (segmented) or one sentence per line."""
    if split not in SPLITS:
        raise UsageError(f"unknown split {split!r} (choose from {', '.join(SPLITS)})")
    if mode not in MODES:
        raise UsageError(f"unknown alignment mode {mode!r} (choose from {', '.join(MODES)})")
    if split == "lines":
        en_doc, ru_doc = read_lines(en_path, "en"), read_lines(ru_path, "ru")
    else:
        from ..sources.corpus import read_document

        en_doc, ru_doc = read_document(en_path, "en"), read_document(ru_path, "ru")
    from ..sources.corpus import check_languages

    check_languages(en_doc, ru_doc)
    return align_documents(en_doc, ru_doc, glossary=glossary, mode=mode)
