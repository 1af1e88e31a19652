"""The per-article step of ``check``: read both versions, align them, run the drift rules."""

from __future__ import annotations

from dataclasses import replace

from ..errors import BilingualError
from ..model import ArticlePair, ArticleResult, Glossary
from .drift import check_alignment


def check_article(pair: ArticlePair, glossary: Glossary | None, *, mode: str = "default",
                  matcher=None, keep_alignment: bool = False) -> tuple[ArticleResult, list]:
    """Check one article; returns the result and the renderings the corpus rule needs."""
    from ..align import align_documents
    from ..sources.corpus import article_date, check_languages, read_document
    from ..glossary.hits import find_hits
    from .rendering import collect_renderings

    problem = getattr(pair, "problem", None)
    if problem:
        return ArticleResult(pair, error=problem), []
    if pair.en_path is not None and pair.en_path == pair.ru_path:  # a CAT file: both sides in one
        from .units import check_units

        return check_units(pair, glossary, mode=mode, matcher=matcher, keep_alignment=keep_alignment)
    if pair.en_path is None or pair.ru_path is None:
        have = pair.en_path or pair.ru_path
        missing = "ru" if pair.ru_path is None else "en"
        return ArticleResult(pair, error=f"{have}: no {missing} counterpart for '{pair.slug}'",
                             error_kind="no_translation"), []
    try:
        en_doc = read_document(pair.en_path, "en")
        ru_doc = read_document(pair.ru_path, "ru")
        check_languages(en_doc, ru_doc)
    except BilingualError as err:
        return ArticleResult(pair, error=str(err)), []
    hits = None
    if matcher is not None:
        hits = find_hits(en_doc.sentence_texts, ru_doc.sentence_texts, matcher)
    alignment = align_documents(en_doc, ru_doc, glossary=glossary, hits=hits, mode=mode, confirm_gaps=True)
    flags = check_alignment(alignment, glossary, hits=alignment.hits)
    date = article_date(en_doc) or article_date(ru_doc)
    renderings = collect_renderings(alignment) if alignment.hits is not None else []
    result = ArticleResult(
        pair,
        alignment=alignment if keep_alignment else None,
        date=date,
        uncertain=tuple(l for l in alignment.links if l.uncertain),
        en_lines=en_doc.sentence_lines(),
        ru_lines=ru_doc.sentence_lines(),
    )
    return replace(result, flags=tuple(result.locate(f) for f in flags)), renderings
