"""`bilingual review`: a local review desk in the browser over the library's own operations.

``Desk`` holds the archive's flags (through the check cache), ``make_app`` serves
them as a small ASGI app behind a token and a same-origin check, ``prepare`` binds it
on 127.0.0.1 with uvicorn. Needs the ``[review]`` extra (Starlette, uvicorn).
"""

from __future__ import annotations

from .desk import Desk, Settings

__all__ = ["Desk", "Settings", "make_app", "prepare"]


def __getattr__(name: str):
    if name == "make_app":
        from .app import make_app

        return make_app
    if name == "prepare":
        from .server import prepare

        return prepare
    raise AttributeError(name)
