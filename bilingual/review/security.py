"""Who may talk to the desk: the token, the host, and the origin of every write.

The desk listens on 127.0.0.1 only, but any page open in the same browser can
send it requests, and a DNS name pointed at 127.0.0.1 can read its answers. So:

- every request needs the desk's random token: in the URL the command prints
  (``?token=…``, then kept in a cookie scoped to this port's desk and the address bar
  cleared of it), or in the ``X-Review-Token`` header;
- the ``Host`` header must name the desk's own address (no DNS rebinding);
- a POST must carry the token in its form (``_token``) or header as well — a
  cookie alone is what a forged cross-site form would send — and its ``Origin``
  (or, without one, its ``Referer``) must be the desk's own origin (CSRF);
- every page carries a Content-Security-Policy allowing only the desk's own
  script and style, and no framing.
"""

from __future__ import annotations

import secrets
from urllib.parse import parse_qs, urlencode, urlsplit

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'; connect-src 'self'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY"), (b"cache-control", b"no-store")]
FORM_FIELD = "_token"
HEADER = "x-review-token"


def new_token() -> str:
    return secrets.token_urlsafe(24)


def cookie_name(port: int | None) -> str:
    # cookies are shared by every port of a host: one name per desk
    return f"bilingual_review_{port or 0}"


def _same(a: str | None, b: str) -> bool:
    return a is not None and secrets.compare_digest(a.encode(), b.encode())


class Guard:
    """ASGI middleware refusing requests without the token, from another host, or forged cross-site."""

    def __init__(self, app, *, token: str, port: int | None, hosts: tuple[str, ...]):
        self.app = app
        self.token = token
        self.port = port
        self.hosts = hosts  # "127.0.0.1:8123", "localhost:8123"
        self.origins = tuple(f"http://{h}" for h in hosts)
        self.cookie = cookie_name(port)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get("host", "")
        if host not in self.hosts:
            return await _refuse(send, 403, f"refused: this desk answers on {self.hosts[0]} only")
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        given = query.get("token", [None])[0]
        cookies = _cookies(headers.get("cookie", ""))
        if scope["method"] in ("GET", "HEAD") and _same(given, self.token):
            # the printed URL: keep the token in a cookie and take it out of the address bar
            rest = {k: v for k, v in query.items() if k != "token"}
            location = scope["path"] + ("?" + urlencode(rest, doseq=True) if rest else "")
            cookie = f"{self.cookie}={self.token}; Path=/; HttpOnly; SameSite=Strict"
            return await _send(send, 303, b"", [(b"location", location.encode()), (b"set-cookie", cookie.encode())])
        header_token = headers.get(HEADER)
        if not (_same(cookies.get(self.cookie), self.token) or _same(header_token, self.token)):
            return await _refuse(send, 403, "refused: open the desk with the URL `bilingual review` printed "
                                            "(it carries the token)")
        if scope["method"] not in ("GET", "HEAD"):
            origin = headers.get("origin")
            if origin is None and headers.get("referer"):
                parts = urlsplit(headers["referer"])
                origin = f"{parts.scheme}://{parts.netloc}"
            if origin not in self.origins:
                return await _refuse(send, 403, "refused: a change must come from the desk's own page "
                                                f"(origin {origin or 'missing'})")
        return await self.app(scope, receive, _with_headers(send))


def post_token_ok(headers, form, token: str) -> bool:
    """A POST carries the token itself — in its form or its header — not only in the cookie."""
    value = form.get(FORM_FIELD)
    return _same(headers.get(HEADER), token) or (isinstance(value, str) and _same(value, token))


def _cookies(header: str) -> dict[str, str]:
    out = {}
    for part in header.split(";"):
        name, _, value = part.strip().partition("=")
        if name:
            out[name] = value
    return out


def _with_headers(send):
    async def wrapped(message):
        if message["type"] == "http.response.start":
            message = dict(message)
            message["headers"] = list(message.get("headers", [])) + HEADERS
        await send(message)
    return wrapped


async def _send(send, status: int, body: bytes, headers: list) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-length", str(len(body)).encode()), *headers, *HEADERS]})
    await send({"type": "http.response.body", "body": body})


async def _refuse(send, status: int, message: str) -> None:
    await _send(send, status, (message + "\n").encode("utf-8"), [(b"content-type", b"text/plain; charset=utf-8")])


__all__ = ["CSP", "FORM_FIELD", "Guard", "cookie_name", "new_token", "post_token_ok"]
