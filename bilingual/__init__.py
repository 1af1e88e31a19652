"""bilingual: pair, align, check, fix, translate and diff EN/RU article versions.

The public API is listed in ``__all__``; names are imported on first use so
that ``import bilingual`` stays fast and heavy backends load only when needed.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# public name -> module (relative to this package) that defines it
_EXPORTS = {
    # records
    "Span": "model", "Paragraph": "model", "Sentence": "model", "Document": "model",
    "Link": "model", "Alignment": "model", "Term": "model", "Glossary": "model",
    "TermHit": "model", "Flag": "model", "ArticlePair": "model", "ArticleResult": "model",
    "Signature": "model",
    # errors
    "BilingualError": "errors", "InputError": "errors", "CorpusError": "errors",
    "LanguageError": "errors", "GlossaryError": "errors", "UsageError": "errors",
    "MissingExtraError": "errors", "ModelError": "errors", "OutputError": "errors",
    # reading, segmentation, language
    "read_document": "sources.corpus", "read_text": "sources.corpus", "find_pairs": "sources.corpus",
    "check_languages": "sources.corpus", "article_date": "sources.corpus",
    # site mirrors, CAT files
    "pair_mirror": "sources.mirror", "MirrorPairing": "sources.mirror", "MirrorPair": "sources.mirror", "PairingProblem": "sources.mirror",
    "read_units": "sources.catfiles", "Unit": "sources.catfiles", "to_xliff": "report.xliff", "segment_text": "sources.segment",
    "split_lines": "sources.segment", "detect_language": "sources.langid",
    # the live site
    "crawl": "sources.crawl", "CrawlOptions": "sources.crawl", "CrawlResult": "sources.crawl",
    "extract_article": "sources.article", "normalize_url": "sources.urls",
    # glossary and morphology
    "load_glossary": "glossary", "save_glossary": "glossary", "glossary_to_frame": "glossary",
    "glossary_from_frame": "glossary", "Matcher": "glossary", "matcher_for": "glossary",
    "find_hits": "glossary", "TermHits": "glossary", "SideHits": "glossary",
    "lint_glossary": "glossary.lint", "add_term": "glossary.edit", "set_term": "glossary.edit",
    "remove_term": "glossary.edit", "export_glossary": "glossary.exchange", "import_glossary": "glossary.exchange",
    # alignment
    "align_sentences": "align", "align_documents": "align", "align_files": "align",
    "extract_numbers": "numbers",
    # checking
    "check": "checks.pipeline", "check_article": "checks.pipeline", "CheckReport": "checks.pipeline",
    "check_alignment": "checks.drift", "check_pairs": "checks.drift", "RULES": "checks.drift",
    # reports, baselines and project configuration
    "render_check_html": "report.html", "check_schema": "report.schema", "diff_schema": "report.schema",
    "write_baseline": "checks.baseline", "load_baseline": "checks.baseline", "apply_baseline": "checks.baseline",
    "load_config": "config",
    # version diff
    "diff_versions": "diff", "stale_translations": "diff", "DiffResult": "diff", "Change": "diff",
    "diff_files": "diff", "stale_files": "diff",
    # translation and fixing
    "translate_corpus": "translate.runner", "TranslateSummary": "translate.runner",
    "TranslationCache": "translate.cache", "Enforcer": "translate.enforce", "get_backend": "translate.backends",
    "install_model": "translate.models", "list_models": "translate.models", "remove_model": "translate.models",
    "fix_file": "fix", "FixResult": "fix",
    # safe files: the output guard, atomic writes, files written back as read, Markdown prose
    "check_output": "io", "atomic_open": "io", "write_text_atomic": "io", "write_bytes_atomic": "io",
    "TextFile": "sources.textfile", "markdown_prose": "sources.markup", "Prose": "sources.markup",
    # Russian grammar: the case a name needs, name lemmas
    "resolve_case": "russian.case", "CaseRequest": "russian.case", "CaseDecision": "russian.case",
    "CASE_RULES": "russian.case", "lemmatize_name": "russian.names", "same_name": "russian.names",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'bilingual' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
