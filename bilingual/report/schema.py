"""JSON Schemas (draft 2020-12) of the ``--format json`` outputs of ``check`` and ``diff``.

Built from the same lists the code uses (flag kinds and levels from the drift
rules, change kinds from the differ), so a new kind is in the schema the moment
a rule can produce it.
"""

from __future__ import annotations

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_BASE = "https://bilingual.invalid/schema/"

_LINE = {"type": ["integer", "null"], "minimum": 1}
_COUNTED = _LINE  # a sentence numbered from 1, or none
_TEXT_OR_NULL = {"type": ["string", "null"]}
_SENTENCES = {"type": "array", "items": {"type": "integer", "minimum": 1}}


def _signature() -> dict:
    return {
        "type": "object",
        "required": ["version", "segmenters", "aligner", "glossary_sha256"],
        "properties": {k: {"type": "string"} for k in ("version", "segmenters", "aligner", "glossary_sha256",
                                                         "model", "config")},
        "additionalProperties": False,
    }


def _flag() -> dict:
    from ..checks.drift import KINDS, LEVELS

    return {
        "type": "object",
        "required": ["id", "kind", "level", "en_sentence", "ru_sentence", "en_line", "ru_line", "en_text", "ru_text",
                     "term", "expected", "found", "message", "accepted", "acceptance", "explanation", "suggestion"],
        "properties": {
            "id": {"type": "string", "pattern": "^([0-9a-f]{10})?$",
                   "description": "short stable ID: `bilingual accept ID --reason TEXT` accepts the flag"},
            "kind": {"enum": list(KINDS), "description": "the drift rule that fired"},
            "level": {"enum": list(LEVELS)},
            "en_sentence": {**_LINE, "description": "1-based English sentence; null when the flag has no English side"},
            "ru_sentence": {**_LINE, "description": "1-based Russian sentence; null when the flag has no Russian side"},
            "en_line": {**_LINE, "description": "1-based line of the English sentence in its file"},
            "ru_line": {**_LINE, "description": "1-based line of the Russian sentence in its file"},
            "en_text": {"type": "string"},
            "ru_text": {"type": "string"},
            "term": {**_TEXT_OR_NULL, "description": "the English glossary term"},
            "expected": {**_TEXT_OR_NULL, "description": "what the glossary (or the English) wants"},
            "found": {**_TEXT_OR_NULL, "description": "what the Russian has"},
            "message": {"type": "string"},
            "accepted": {"type": "boolean", "description": "recorded in the baseline: not failing the run"},
            "acceptance": {"oneOf": [{"type": "null"}, {
                "type": "object", "required": ["reason", "author", "date"],
                "properties": {k: {"type": "string"} for k in ("reason", "author", "date")},
                "additionalProperties": False}], "description": "the baseline entry's reason, author and date"},
            "explanation": {"type": "object", "required": ["rule", "cue", "en", "ru"],
                            "properties": {"rule": {"type": "string", "description": "the rule that fired"},
                                           "cue": {"type": "string", "description": "what made it fire"},
                                           "en": {"type": "string", "description": "what it read in the English"},
                                           "ru": {"type": "string", "description": "what it read in the Russian"}},
                            "additionalProperties": False},
            "suggestion": {**_TEXT_OR_NULL, "description": "the form `fix` would write, in the case needed"},
            "unit": {"type": "string", "description": "the CAT-file unit (XLIFF id, PO «line N») of the flag"},
        },
        "additionalProperties": False,
    }


def _baseline_entry() -> dict:
    return {
        "type": "object",
        "required": ["fingerprint", "slug", "kind"],
        "properties": {"fingerprint": {"type": "string"}, "slug": {"type": "string"}, "kind": {"type": "string"},
                       "term": _TEXT_OR_NULL, "found": _TEXT_OR_NULL, "text": {"type": "string"},
                       "reason": {"type": "string"}, "author": {"type": "string"}, "date": {"type": "string"}},
        "additionalProperties": False,
    }


def check_schema() -> dict:
    """The schema of ``bilingual check --format json``."""
    from ..checks.drift import KINDS, LEVELS
    from ..sources.mirror import PROBLEM_KINDS

    article = {
        "type": "object",
        "required": ["slug", "en_path", "ru_path", "date", "flags", "notes", "uncertain"],
        "properties": {
            "slug": {"type": "string"},
            "en_path": _TEXT_OR_NULL,
            "ru_path": _TEXT_OR_NULL,
            "date": {**_TEXT_OR_NULL, "description": "YYYY-MM-DD where the front matter's date parses"},
            "flags": {"type": "array", "items": {"$ref": "#/$defs/flag"}},
            "notes": {"type": "array", "items": {"$ref": "#/$defs/flag"},
                      "description": "not drift by itself (a name the Russian adds): never counted by --fail-on"},
            "uncertain": {"type": "array", "items": {
                "type": "object", "required": ["en", "ru", "score"],
                "properties": {"en": _SENTENCES, "ru": _SENTENCES, "score": {"type": "number"}},
                "additionalProperties": False}},
            "error": {"type": "string", "description": "why the article could not be checked"},
        },
        "additionalProperties": False,
    }
    return {
        "$schema": DIALECT,
        "$id": _BASE + "check.json",
        "title": "bilingual check --format json",
        "type": "object",
        "required": ["signature", "articles", "summary", "accepted", "notes", "stale_baseline", "not_checked"],
        "properties": {
            "signature": {"$ref": "#/$defs/signature"},
            "articles": {"type": "array", "items": article},
            "summary": {"type": "object", "description": "flag count per kind (kinds with none left out)",
                        "propertyNames": {"enum": list(KINDS)},
                        "additionalProperties": {"type": "integer", "minimum": 1}},
            "accepted": {"type": "integer", "minimum": 0},
            "notes": {"type": "integer", "minimum": 0, "description": "notes in all articles (not flags)"},
            "stale_baseline": {"type": "array", "items": {"$ref": "#/$defs/baseline_entry"}},
            "not_checked": {"type": "array", "description": "articles that could not be checked", "items": {
                "type": "object", "required": ["slug", "kind", "level", "reason"],
                "properties": {"slug": {"type": "string"}, "kind": {"enum": ["no_translation", "unreadable"]},
                               "level": {"enum": list(LEVELS)}, "reason": {"type": "string"}},
                "additionalProperties": False}},
            "pairing": {"type": "array", "description": "a saved site's pairing problems", "items": {
                "type": "object", "required": ["kind", "path", "target", "message", "level"],
                "properties": {"kind": {"enum": list(PROBLEM_KINDS)}, "path": {"type": "string"},
                               "target": _TEXT_OR_NULL, "message": {"type": "string"},
                               "level": {"enum": list(LEVELS)}},
                "additionalProperties": False}},
        },
        "additionalProperties": False,
        "$defs": {"signature": _signature(), "flag": _flag(), "baseline_entry": _baseline_entry()},
    }


def _word_diff() -> dict:
    from ..diff.words import DELETE, EQUAL, INSERT

    return {"type": "array", "items": {
        "type": "object", "required": ["op", "text"],
        "properties": {"op": {"enum": [EQUAL, DELETE, INSERT]}, "text": {"type": "string"}},
        "additionalProperties": False}}


def diff_schema() -> dict:
    """The schema of ``bilingual diff --format json``: a version diff, or with --ru the stale list."""
    from ..diff.versions import KINDS

    change = {
        "type": "object",
        "required": ["kind", "en_sentence", "old_sentence", "new_sentence", "old_text", "new_text",
                     "en_sentences", "old_sentences", "new_sentences", "similarity", "word_diff"],
        "properties": {
            "kind": {"enum": list(KINDS)},
            "en_sentence": _COUNTED, "old_sentence": _COUNTED, "new_sentence": _COUNTED,
            "old_text": {"type": "string"}, "new_text": {"type": "string"},
            "en_sentences": _SENTENCES, "old_sentences": _SENTENCES, "new_sentences": _SENTENCES,
            "similarity": {"type": "number", "minimum": 0, "maximum": 1},
            "word_diff": {"$ref": "#/$defs/word_diff"},
        },
        "additionalProperties": False,
    }
    versions = {
        "type": "object",
        "required": ["changes", "paragraphs", "terms", "summary"],
        "properties": {
            "changes": {"type": "array", "items": change},
            "paragraphs": {"type": "array", "items": {
                "type": "object", "required": ["kind", "old_paragraphs", "new_paragraphs"],
                "properties": {"kind": {"enum": ["split", "joined", "regrouped"]}, "old_paragraphs": _SENTENCES,
                               "new_paragraphs": _SENTENCES},
                "additionalProperties": False}},
            "terms": {"type": "object", "required": ["fixed", "introduced"],
                      "properties": {k: {"type": "array", "items": {"$ref": "#/$defs/flag"}}
                                     for k in ("fixed", "introduced")},
                      "additionalProperties": False},
            "summary": {"type": "object", "required": list(KINDS),
                        "properties": {k: {"type": "integer", "minimum": 0} for k in KINDS},
                        "additionalProperties": False},
            "signature": {"$ref": "#/$defs/signature"},
        },
        "additionalProperties": False,
    }
    stale = {
        "type": "object",
        "required": ["stale"],
        "properties": {"stale": {"type": "array", "items": {
            "type": "object",
            "required": ["reason", "ru_sentence", "ru_sentences", "ru_text", "old_en_sentences", "new_en_sentences",
                         "old_en_text", "new_en_text", "word_diff"],
            "properties": {
                "reason": {"type": "string"}, "ru_sentence": _COUNTED, "ru_sentences": _SENTENCES,
                "ru_text": {"type": "string"}, "old_en_sentences": _SENTENCES, "new_en_sentences": _SENTENCES,
                "old_en_text": {"type": "string"}, "new_en_text": {"type": "string"},
                "word_diff": {"$ref": "#/$defs/word_diff"},
            },
            "additionalProperties": False}}},
        "additionalProperties": False,
    }
    return {
        "$schema": DIALECT,
        "$id": _BASE + "diff.json",
        "title": "bilingual diff --format json",
        "oneOf": [versions, stale],
        "$defs": {"signature": _signature(), "flag": _flag(), "word_diff": _word_diff()},
    }


SCHEMAS = {"check": check_schema, "diff": diff_schema}
