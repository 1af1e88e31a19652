"""The site's Russian typography: how numbers, quotes, dashes and percent signs are written.

Numbers are compared by value elsewhere (``number_mismatch``); this checks their
writing on the Russian side only. Each rule is named and can be switched off in
the configuration (``[tool.bilingual.checks.typography]``, see ``Typography``):

- ``decimal_comma``: 3,5 not 3.5;
- ``thousands``: 10 000 (a space, no-break or thin space) not 10000 or 10,000, from five digits;
- ``outer_quotes``: «ёлочки» outside, „лапки“ only inside them;
- ``dash``: an em dash between spaces between words, not a hyphen or en dash;
- ``percent``: 5% with no space (``percent_space = true`` asks for 5 % instead).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from .finding import Finding


@dataclass(frozen=True)
class Typography:
    decimal_comma: bool = True
    thousands: bool = True
    outer_quotes: bool = True
    dash: bool = True
    percent: bool = True
    percent_space: bool = False  # the site writes «5 %» (GOST) rather than «5%»

    @classmethod
    def from_table(cls, table: dict, path: str = "") -> Typography:
        from ..errors import InputError

        known = {f.name for f in fields(cls)}
        for key, value in table.items():
            if key not in known:
                raise InputError(f"unknown typography rule '{key}' (choose from {', '.join(sorted(known))})",
                                 path=path or None)
            if not isinstance(value, bool):
                raise InputError(f"typography rule '{key}' must be true or false", path=path or None)
        return cls(**table)


# what isn't prose for these rules: URLs, e-mail, Markdown link targets, code
_SKIP = re.compile(r"`[^`]*`|\]\([^)]*\)|(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|<[^>]*>")
# 3.5 but not 1.2.3, 12.05.2022, a domain or an IP; not a time «в 10.30» (two digits after)
_DECIMAL_POINT = re.compile(r"(?<![\d.,\w])(\d+)\.(\d+)(?!\d|\.\d|\.?[^\W\d_])")
_THOUSANDS_BAD = re.compile(r"(?<![\w.,/#№-])(\d{1,3}(?:,\d{3})+|\d{5,})(?![\d,.]?\d|[\w/-])")
_STRAIGHT_QUOTE = re.compile(r"(?<![\d\w])\"|\"(?![\w])|[“”]")
_BAD_DASH = re.compile(r"(?<=[^\W\d_]|[»\")]) (?:-|–|--) (?=[^\W\d_]|[«\"])|(?<=[^\W\d_])—(?=[^\W\d_])")
_PERCENT_SPACE = re.compile(r"(\d+(?:[.,]\d+)?)[ \u00a0\u202f]%")
_PERCENT_TIGHT = re.compile(r"(\d+(?:[.,]\d+)?)%")


_DIGIT = re.compile(r"\d")


def _blank(text: str) -> str:
    """The text with what isn't prose replaced by spaces (offsets kept)."""
    return _SKIP.sub(lambda m: " " * len(m.group(0)), text)


def _quoted_outside(text: str) -> list[re.Match]:
    """Straight or English curly double quotes not nested inside «ёлочки»."""
    depth, out = 0, []
    marks = {m.start(): m for m in _STRAIGHT_QUOTE.finditer(text)}
    for i, ch in enumerate(text):
        if ch == "«":
            depth += 1
        elif ch == "»":
            depth = max(depth - 1, 0)
        elif i in marks and depth == 0:
            out.append(marks[i])
    return out


def _clock(m: re.Match, en: str) -> bool:
    """«14.00», «в 10.30»: a time of day the Russian way, unless the English writes the same decimal."""
    return len(m.group(2)) == 2 and int(m.group(1)) <= 24 and int(m.group(2)) < 60 and m.group(0) not in en


def findings(ru: str, rules: Typography = Typography(), en: str = "") -> list[Finding]:
    """Typography findings on a Russian sentence, one per rule at most (``en``: the linked English)."""
    text = _blank(ru) if ("/" in ru or "@" in ru or "`" in ru or "<" in ru or "](" in ru or "www." in ru) else ru
    out = []
    digits = _DIGIT.search(text) is not None
    if rules.decimal_comma and digits and "." in text:
        for m in _DECIMAL_POINT.finditer(text):
            if _clock(m, en):
                continue
            out.append(Finding("typography", "ru", f"decimal point in «{m.group(0)}»: the site writes "
                               f"«{m.group(1)},{m.group(2)}»", found=m.group(0),
                               expected=f"{m.group(1)},{m.group(2)}", rule="decimal_comma",
                               why="Russian decimals take a comma"))
            break
    if rules.thousands and digits:
        for m in _THOUSANDS_BAD.finditer(text):
            digits = m.group(1).replace(",", "")
            if "," not in m.group(1) and len(digits) < 5:
                continue
            if "," in m.group(1) and m.group(1).count(",") < 2:
                continue  # «2,256»: in Russian, a decimal comma
            grouped = f"{int(digits):,}".replace(",", "\u00a0")
            out.append(Finding("typography", "ru", f"«{m.group(1)}»: the site groups thousands with a space "
                               f"(«{grouped.replace(chr(160), ' ')}»)", found=m.group(1), expected=grouped,
                               rule="thousands", why="five digits or more are grouped by threes with a space"))
            break
    if rules.outer_quotes and ('"' in text or "“" in text or "”" in text):
        bad = _quoted_outside(text)
        if bad:
            m = bad[0]
            around = ru[max(0, m.start() - 12):m.end() + 12].strip()
            out.append(Finding("typography", "ru", f"quote mark {m.group(0)} outside «ёлочки» in «{around}»: "
                               "the site's outer quotes are «»", found=m.group(0), expected="«»",
                               rule="outer_quotes", why="«» outside, „“ only inside them"))
    if rules.dash and ("-" in text or "–" in text or "—" in text):
        m = _BAD_DASH.search(text)
        if m:
            around = ru[max(0, m.start() - 12):m.end() + 12].strip()
            out.append(Finding("typography", "ru", f"dash in «{around}»: the site writes « — » (an em dash "
                               "between spaces)", found=m.group(0), expected=" — ", rule="dash",
                               why="a dash between words is an em dash with a space each side"))
    if rules.percent and "%" in text:
        m = (_PERCENT_TIGHT if rules.percent_space else _PERCENT_SPACE).search(text)
        if m:
            want = f"{m.group(1)}\u00a0%" if rules.percent_space else f"{m.group(1)}%"
            out.append(Finding("typography", "ru", f"«{m.group(0)}»: the site writes «{want}»", found=m.group(0),
                               expected=want, rule="percent",
                               why="percent_space = true" if rules.percent_space else "% directly after the number"))
    return out

