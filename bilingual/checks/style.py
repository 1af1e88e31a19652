"""House-style rules: the site's own choices, written in the configuration and tested by examples.

A rule is a table in ``bilingual.toml`` (``[[rules]]``) or ``pyproject.toml``
(``[[tool.bilingual.rules]]``)::

    [[rules]]
    id = "v-ukraine"
    lemma = "на Украина"            # or literal = "...", or regex = "..."
    side = "ru"                     # "ru" (default), "en" or "both"
    message = "the site writes «в Украине»"
    level = "warning"               # info, warning (default) or error
    outside_quotes = false          # true: matches inside «…» or "…" (a quotation) don't count
    must_match = ["Он живёт на Украине."]
    must_not_match = ["Он живёт в Украине."]

A ``literal`` matches the words as written, any letter case, whole words only; a
``regex`` is a Python regular expression (case-sensitive unless it says ``(?i)``);
a ``lemma`` pattern is a sequence of words each matching any form of its
dictionary word (pymorphy3), so one rule covers every case form: «на Украина»
matches «на Украине», «Белоруссия» matches «Белоруссии», «Белоруссией».
``test_rules`` runs every rule on its examples (``bilingual rules test``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import InputError
from .finding import Finding

LEVELS = ("info", "warning", "error")
SIDES = ("ru", "en", "both")
_WORD = re.compile(r"[^\W\d_]+(?:[-‐’'][^\W\d_]+)*|\d+", re.UNICODE)
_QUOTED = re.compile(r"«[^«»]*»|\"[^\"]*\"|“[^“”]*”|„[^„“]*“")


@dataclass(frozen=True)
class StyleRule:
    id: str
    kind: str  # literal, regex, lemma
    pattern: str
    side: str = "ru"
    message: str = ""
    level: str = "warning"
    outside_quotes: bool = False
    must_match: tuple[str, ...] = ()
    must_not_match: tuple[str, ...] = ()
    _compiled: object = field(default=None, compare=False, repr=False)

    def find(self, text: str) -> list[tuple[int, int]]:
        """Spans of ``text`` the rule matches."""
        if self.kind == "lemma":
            spans = _lemma_spans(self._compiled, text)
        else:
            spans = [(m.start(), m.end()) for m in self._compiled.finditer(text)]
        if self.outside_quotes and spans:
            quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
            spans = [(s, e) for s, e in spans if not any(qs <= s and e <= qe for qs, qe in quoted)]
        return spans

    def applies_to(self, lang: str) -> bool:
        return self.side in (lang, "both")


def _lemma_keys(word: str) -> frozenset[str]:
    from ..russian.morph import lemmas, norm

    if re.search(r"[а-яё]", word, re.I):
        return lemmas(word) | {norm(word)}
    return frozenset({word.lower()})


def _lemma_spans(pattern: tuple[frozenset[str], ...], text: str) -> list[tuple[int, int]]:
    words = list(_WORD.finditer(text))
    keys = [None] * len(words)
    out = []
    n = len(pattern)
    for i in range(len(words) - n + 1):
        ok = True
        for k in range(n):
            if keys[i + k] is None:
                keys[i + k] = _lemma_keys(words[i + k].group(0))
            if not keys[i + k] & pattern[k]:
                ok = False
                break
            # the words must follow each other with only spaces between them
            if k and text[words[i + k - 1].end():words[i + k].start()].strip():
                ok = False
                break
        if ok:
            out.append((words[i].start(), words[i + n - 1].end()))
    return out


def make_rule(table: dict, where: str = "", index: int = 0) -> StyleRule:
    """A rule from its configuration table; a bad table is one clear error naming the file and rule."""
    def bad(msg: str):
        return InputError(f"house-style rule {table.get('id') or index + 1}: {msg}", path=where or None)

    if not isinstance(table, dict):
        raise bad("must be a table")
    known = {"id", "literal", "regex", "lemma", "side", "message", "level", "outside_quotes", "must_match",
             "must_not_match"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise bad(f"unknown key '{unknown[0]}' (choose from {', '.join(sorted(known))})")
    kinds = [k for k in ("literal", "regex", "lemma") if k in table]
    if len(kinds) != 1:
        raise bad("needs exactly one of literal, regex or lemma")
    kind = kinds[0]
    pattern = table[kind]
    if not isinstance(pattern, str) or not pattern.strip():
        raise bad(f"{kind} must be a non-empty string")
    side = table.get("side", "ru")
    level = table.get("level", "warning")
    if side not in SIDES:
        raise bad(f"side must be one of {', '.join(SIDES)}")
    if level not in LEVELS:
        raise bad(f"level must be one of {', '.join(LEVELS)}")
    for key in ("must_match", "must_not_match"):
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            raise bad(f"{key} must be a list of strings")
    if kind == "regex":
        try:
            compiled = re.compile(pattern)
        except re.error as err:
            raise bad(f"regex does not compile: {err}") from None
    elif kind == "literal":
        words = pattern.split()
        compiled = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)", re.IGNORECASE)
    else:
        words = _WORD.findall(pattern)
        if not words:
            raise bad("lemma pattern has no words")
        compiled = tuple(_lemma_keys(w) for w in words)
    rule_id = str(table.get("id") or f"rule{index + 1}")
    return StyleRule(rule_id, kind, pattern, side, str(table.get("message") or f"house style: {pattern}"), level,
                     bool(table.get("outside_quotes", False)), tuple(table.get("must_match", [])),
                     tuple(table.get("must_not_match", [])), compiled)


def load_rules(tables: list, where: str = "") -> tuple[StyleRule, ...]:
    if not isinstance(tables, list):
        raise InputError("'rules' must be a list of tables ([[rules]])", path=where or None)
    rules = tuple(make_rule(t, where, i) for i, t in enumerate(tables))
    seen = set()
    for r in rules:
        if r.id in seen:
            raise InputError(f"house-style rule id '{r.id}' is used twice", path=where or None)
        seen.add(r.id)
    return rules


def findings(text: str, lang: str, rules: tuple[StyleRule, ...]) -> list[Finding]:
    out = []
    for rule in rules:
        if not rule.applies_to(lang):
            continue
        for s, e in rule.find(text)[:1]:
            out.append(Finding("house_style", lang, f"{rule.message} («{text[s:e]}»)", found=text[s:e],
                               rule=rule.id, level=rule.level,
                               why=f"house-style rule {rule.id}: {rule.kind} {rule.pattern!r}"))
    return out


@dataclass(frozen=True)
class ExampleResult:
    rule: str
    example: str
    should_match: bool
    matched: bool

    @property
    def ok(self) -> bool:
        return self.should_match == self.matched


def test_rules(rules: tuple[StyleRule, ...]) -> list[ExampleResult]:
    """Every rule on every one of its examples: must_match ones must match, must_not_match ones must not."""
    out = []
    for rule in rules:
        for ex in rule.must_match:
            out.append(ExampleResult(rule.id, ex, True, bool(rule.find(ex))))
        for ex in rule.must_not_match:
            out.append(ExampleResult(rule.id, ex, False, bool(rule.find(ex))))
    return out


test_rules.__test__ = False  # not a pytest test, despite its name
