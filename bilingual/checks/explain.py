"""What each rule read on each side, in a few words: the ``en_read``/``ru_read`` of a flag's
explanation (its rule and cue come from the rule itself).

Every flag a rule makes carries the glossary term, the form expected and the
form found; this turns them into the two sides an editor compares, by the kind
of evidence the rule works on (a name, numbers, a date, a whole sentence, a
language), so every format shows the same why.
"""

from __future__ import annotations

from dataclasses import replace

# kind -> the evidence the rule compares
_EVIDENCE = {
    "forbidden_variant": "name", "missing_term": "name", "extra_term": "name", "term_substitution": "name",
    "inconsistent_rendering": "name", "number_mismatch": "values", "date_mismatch": "values",
    "omission": "sentence", "addition": "sentence", "untranslated": "language", "wrong_language": "language",
}


def _quote(text: str | None) -> str:
    return f"«{text}»" if text else ""


def _clip(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def reads(flag) -> tuple[str, str]:
    """``(en_read, ru_read)``: what the rule that made ``flag`` read on each side."""
    evidence = _EVIDENCE.get(flag.kind)
    term, expected, found = flag.term, flag.expected, flag.found
    if evidence == "name":
        en = f"{term} (glossary: «{expected}»)" if term and expected else (term or "no glossary term")
        if flag.kind == "extra_term":
            en = "no glossary term that renders to it"
        if flag.kind == "missing_term":
            return en, f"no form of «{expected}» or its variants" if expected else "no glossary form"
        return en, _quote(found) or "no glossary form"
    if evidence == "values":
        return expected or "none the Russian lacks", found or "none the English lacks"
    if evidence == "sentence":
        return (_clip(flag.en_text) if flag.en_text else "nothing linked",
                _clip(flag.ru_text) if flag.ru_text else "nothing linked")
    if evidence == "language":
        lang = "English" if flag.kind == "untranslated" else (found or "another language")
        return _clip(flag.en_text) if flag.en_text else "", f"a sentence in {lang}"
    return flag.expected or "", flag.found or ""  # a CAT file's unit state, a pairing problem


def explained(slug: str, flag):
    """``flag`` with its ID and what was read on each side filled in."""
    from .baseline import flag_id

    en, ru = (flag.en_read, flag.ru_read) if (flag.en_read or flag.ru_read) else reads(flag)
    return replace(flag, id=flag_id(slug, flag), en_read=en, ru_read=ru)
