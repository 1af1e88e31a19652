"""The flag kinds of `check`, their default levels and what each checks (one table for the
drift rules, the QA checks, the report and `bilingual check --list-checks`)."""

from __future__ import annotations

# the drift rules' kinds -> level; the site's CI gates with --fail-on LEVEL
DRIFT_LEVEL = {
    "forbidden_variant": "error",
    "number_mismatch": "error",
    "date_mismatch": "error",
    "untranslated": "error",
    "wrong_language": "error",
    "term_substitution": "error",
    "missing_term": "warning",
    "omission": "warning",
    "addition": "warning",
    "inconsistent_rendering": "warning",
    "extra_term": "info",
}
# what each drift kind checks
DRIFT_DOC = {
    "forbidden_variant": "a spelling the glossary forbids, in any case form",
    "number_mismatch": "numbers that differ between the sides, compared by value",
    "date_mismatch": "a date whose day is right and month wrong",
    "untranslated": "a Russian-side sentence still in English, or identical to its source",
    "wrong_language": "a Russian-side sentence in a third language (e.g. Ukrainian)",
    "term_substitution": "the English names one glossary term, the Russian another of the same type",
    "missing_term": "an English glossary term whose Russian rendering is absent from the linked Russian",
    "omission": "an English sentence with no Russian counterpart",
    "addition": "a Russian sentence with no English source",
    "inconsistent_rendering": "one English name rendered several ways across the archive",
    "extra_term": "a glossary name in the Russian with no English counterpart in the link",
}

# kind -> (default level, what it checks): `bilingual check --list-checks` prints this
QA_KINDS: dict[str, tuple[str, str]] = {
    "typo": ("warning", "a word no dictionary knows and the article uses once, one edit from a glossary "
                        "name, a name the article repeats or a dictionary word; says the likely intended form"),
    "unpaired_bracket": ("warning", "a bracket opened and not closed (or the reverse) on one side only"),
    "unpaired_quote": ("warning", "a quote mark («», „“, “”, \") left open on one side only"),
    "repeated_word": ("warning", "the same word twice in a row («в в», \"the the\")"),
    "double_space": ("info", "two spaces between words"),
    "end_punctuation": ("warning", "an English question or exclamation that the Russian ends as a statement"),
    "link_mismatch": ("warning", "a URL, e-mail address, @handle or Markdown link target on one side only "
                                 "(or pointing elsewhere); hashtags by count"),
    "markup_lost": ("warning", "bold, italics or code spans on one side that the other lost or gained"),
    "length_ratio": ("info", "a linked pair whose Russian length is far outside the aligner's learned RU/EN "
                             "length distribution"),
    "typography": ("info", "the site's Russian typography: decimal comma, spaced thousands, «» outer quotes, "
                           "spaced em dash, % after the number (each rule configurable)"),
    "house_style": ("warning", "a house-style rule from the configuration matched (its own level)"),
    "inconsistent_repeat": ("info", "the same English sentence translated differently elsewhere in the "
                                    "archive, or one Russian sentence standing for different English ones"),
}


def all_kinds() -> dict[str, tuple[str, str]]:
    """Every kind, drift first: kind -> (default level, what it checks)."""
    out = {k: (level, DRIFT_DOC[k]) for k, level in DRIFT_LEVEL.items()}
    out.update(QA_KINDS)
    return out
