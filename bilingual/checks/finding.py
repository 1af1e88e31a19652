"""One problem a QA check found in a sentence pair, before it becomes a ``Flag``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # the flag kind: typo, unpaired_quote, ...
    side: str  # "en", "ru" or "both": where the problem is
    message: str
    found: str | None = None  # the text as written
    expected: str | None = None  # what it should likely be (a typo's intended form, the missing URL)
    why: str = ""
    rule: str = ""  # the named sub-rule (a house-style rule's id, a typography rule)
    level: str | None = None  # overrides the kind's level (house-style rules carry their own)
