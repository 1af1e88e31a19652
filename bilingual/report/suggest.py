"""What to write instead: the form ``fix`` would put in place of a forbidden rendering, in the case
the sentence needs (the same case resolver ``fix`` runs), and the command that writes it."""

from __future__ import annotations

import shlex
from dataclasses import replace


def add_suggestions(report, glossary) -> None:
    """Give each forbidden_variant flag of ``report`` the form ``fix`` would write (``suggestion``)
    and say it in the message («use «Молдовы»» where the sentence needs the genitive)."""
    wanted = [(a, f) for a, f in report.flags if f.kind == "forbidden_variant" and f.found and f.ru_text]
    if not wanted or glossary is None or not len(glossary):
        return
    from ..translate.enforce import Enforcer

    enforcer = Enforcer(glossary)
    memo: dict[tuple[str, str], dict[str, tuple[str, str]]] = {}
    articles = []
    for article in report.articles:
        flags = []
        for f in article.flags:
            if f.kind == "forbidden_variant" and f.found and f.ru_text:
                key = (f.ru_text, f.en_text)
                if key not in memo:
                    result = enforcer.correct(f.ru_text, en=f.en_text or None)
                    memo[key] = {r.old: (r.new, r.case or "") for r in result.replacements}
                new, case = memo[key].get(f.found, (None, ""))
                if new:
                    message = f.message
                    if f.expected and f"use «{f.expected}»" in message and new != f.expected:
                        message = message.replace(f"use «{f.expected}»", f"use «{new}»"
                                                  + (f" ({_CASES.get(case, case)})" if case else ""))
                    f = replace(f, suggestion=new, message=message)
            flags.append(f)
        articles.append(replace(article, flags=tuple(flags)))
    report.articles = articles


_CASES = {"nomn": "nominative", "gent": "genitive", "datv": "dative", "accs": "accusative", "ablt": "instrumental",
          "loct": "prepositional", "gen2": "genitive", "loc2": "prepositional", "voct": "vocative"}


def fix_command(article, flag) -> str | None:
    """``bilingual fix <ru file> --in-place`` for a flag ``fix`` corrects, else None."""
    if flag.suggestion and article.pair.ru_path:
        return f"bilingual fix {shlex.quote(article.pair.ru_path)} --in-place"
    return None


def accept_command(flag) -> str:
    """The command that accepts ``flag``, a reason left to fill in."""
    return f'bilingual accept {flag.id} --reason "…"'
