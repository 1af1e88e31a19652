"""The desk as one ASGI app, built from a ``Desk`` the way datasette builds one from its settings.

``make_app(desk, token=..., port=...)`` gives a Starlette app behind the ``Guard``
(token, host, origin); ``environment()`` is the Jinja2 environment of the
desk's templates, with the HTML report's templates (``base.css``) beside them,
autoescaping on.
"""

from __future__ import annotations

from functools import lru_cache

from .desk import Desk, default_author
from .proposals import Mining
from .security import Guard, new_token


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


def make_app(desk: Desk, *, token: str | None = None, port: int | None = None, hosts: tuple[str, ...] | None = None,
             who: str | None = None):
    """The desk's ASGI app. ``hosts``: the Host values it answers (default: 127.0.0.1 and localhost at ``port``)."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.routing import Route

    from . import views

    token = token or new_token()
    if hosts is None:
        hosts = (f"127.0.0.1:{port}", f"localhost:{port}")
    routes = [
        Route("/", views.queue),
        Route("/flag/{fid:str}", views.flag),
        Route("/flag/{fid:str}/fix", views.fix, methods=["POST"]),
        Route("/flag/{fid:str}/edit", views.edit, methods=["POST"]),
        Route("/flag/{fid:str}/accept", views.accept, methods=["POST"]),
        Route("/flag/{fid:str}/glossary", views.glossary_form, methods=["POST"]),
        Route("/proposals", views.proposals_page),
        Route("/proposals/mine", views.mine_again, methods=["POST"]),
        Route("/proposals/{action:str}", views.proposal_action, methods=["POST"]),
        Route("/log", views.log),
        Route("/static/{name:str}", views.static),
    ]
    app = Starlette(routes=routes, middleware=[Middleware(Guard, token=token, port=port, hosts=hosts)])
    app.state.desk = desk
    app.state.token = token
    app.state.mining = Mining()
    app.state.who = who or desk.settings.author or default_author()
    return app


__all__ = ["environment", "make_app"]
