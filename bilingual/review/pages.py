"""The Jinja2 environment of the desk's pages: its own templates, with the HTML report's beside
them (``base.css``), autoescaping on, undefined names an error."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def environment():
    from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined

    from ..report.templating import css_id, human_span

    env = Environment(loader=ChoiceLoader([PackageLoader("bilingual.review", "templates"),
                                           PackageLoader("bilingual.report", "templates")]),
                      autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["cssid"] = css_id
    env.filters["span"] = lambda i: human_span((i,)) if i is not None else "—"
    env.globals["zip_examples"] = _examples
    return env


def _examples(proposal) -> list[tuple[str, str]]:
    """A proposal's example sentence pairs (mining joins them with " | ")."""
    from itertools import zip_longest

    en = [x for x in proposal.example_en.split(" | ") if x]
    ru = [x for x in proposal.example_ru.split(" | ") if x]
    return list(zip_longest(en, ru, fillvalue=""))


__all__ = ["environment"]
