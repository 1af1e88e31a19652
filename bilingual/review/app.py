"""The desk as one ASGI app, built from a ``Desk`` the way datasette builds one from its settings.

``make_app(desk, token=..., port=...)`` gives a Starlette app behind the ``Guard``
(token, host, origin), its routes the views of ``views``.
"""

from __future__ import annotations

from .desk import Desk, default_author
from .proposals import Mining
from .security import Guard, new_token


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


__all__ = ["make_app"]
