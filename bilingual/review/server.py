"""Run the desk: 127.0.0.1, a free port, a fresh token in the URL (as Jupyter does), uvicorn.

The socket is bound before the URL is printed, so the port in the URL is the one
listening; nothing else on the machine can take it in between.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass

from ..errors import MissingExtraError, UsageError

HOST = "127.0.0.1"


@dataclass
class Server:
    url: str  # with the token
    port: int
    token: str
    sock: socket.socket
    app: object

    def run(self) -> None:
        """Serve until interrupted (Ctrl-C), or until ``stop()`` from another thread."""
        import uvicorn

        config = uvicorn.Config(self.app, log_level="warning", access_log=False, lifespan="off")
        self.uvicorn = uvicorn.Server(config)
        self.uvicorn.run(sockets=[self.sock])

    def start(self) -> None:
        """Serve in a background thread; returns once it listens (for tests and benchmarks)."""
        import threading
        import time

        self.uvicorn = None
        thread = threading.Thread(target=self.run, name="bilingual-review-server", daemon=True)
        thread.start()
        while getattr(self, "uvicorn", None) is None or not self.uvicorn.started:
            if not thread.is_alive():
                raise UsageError("the review server stopped while starting")
            time.sleep(0.01)

    def stop(self) -> None:
        if getattr(self, "uvicorn", None) is not None:
            self.uvicorn.should_exit = True


def bind(port: int = 0) -> socket.socket:
    """A listening socket on 127.0.0.1 (``port`` 0: any free one)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, port))
    except OSError as err:
        sock.close()
        raise UsageError(f"can't listen on {HOST}:{port}: {err.strerror or err}") from None
    sock.listen(64)
    return sock


def prepare(desk, *, port: int = 0, token: str | None = None, who: str | None = None) -> Server:
    """Bind a port and build the app for ``desk``; ``Server.run()`` serves it."""
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise MissingExtraError("review", "the review desk") from None
    from .app import make_app
    from .security import new_token

    token = token or new_token()
    sock = bind(port)
    actual = sock.getsockname()[1]
    app = make_app(desk, token=token, port=actual, who=who)
    return Server(f"http://{HOST}:{actual}/?token={token}", actual, token, sock, app)


__all__ = ["HOST", "Server", "bind", "open_desk", "prepare"]


def open_desk(settings, *, port: int = 0, who: str | None = None) -> Server:
    """Check the archive (through the cache) and bind the desk for it: what `bilingual review` runs."""
    from .desk import Desk

    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise MissingExtraError("review", "the review desk") from None
    import threading

    desk = Desk.open(settings)
    threading.Thread(target=desk.warm, name="bilingual-review-warm", daemon=True).start()
    return prepare(desk, port=port, who=who)
