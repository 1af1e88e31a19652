"""One URL, one spelling: how pairing and the crawler compare the links pages make to each other.

``normalize_url`` resolves a link against the page's own URL (or its ``<base href>``), then:

- lower-cases the scheme and host and drops the default port (``HTTP://Site:80/a`` = ``http://site/a``);
- drops the fragment (``#top`` names a place on the page, not another page);
- drops tracking parameters, which say where a reader came from, not which page this is:
  every ``utm_*`` parameter and those in ``TRACKING_PARAMS``, plus any listed under
  ``tracking_params`` in ``bilingual.toml``; the other parameters are kept in their order;
- removes ``.``/``..`` segments.

``index.html`` and a trailing slash stay as written here; ``mirror.url_keys`` treats
``/a/``, ``/a`` and ``/a/index.html`` as one page when it looks them up.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Parameters that record a visit's source or a click, never which article is shown.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "ysclid", "twclid",
    "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id",
    "oly_enc_id", "vero_id", "rb_clickid", "s_cid", "ref", "ref_src", "referrer", "from",
    "source", "share", "via", "cmpid", "ito", "ncid", "sr_share", "at_medium", "at_campaign",
})
TRACKING_PREFIXES = ("utm_",)
DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking(name: str, extra: frozenset[str] | set[str] = frozenset()) -> bool:
    low = name.lower()
    return low in TRACKING_PARAMS or low in extra or low.startswith(TRACKING_PREFIXES)


def tracking_params_from_config() -> frozenset[str]:
    """``tracking_params`` from the project's ``bilingual.toml`` (lower-cased), if it sets any."""
    from ..config import load_config

    return frozenset(p.lower() for p in load_config().get("tracking_params", ()) or ())


def _remove_dots(path: str) -> str:
    out: list[str] = []
    for seg in path.split("/")[1:]:
        if seg == "..":
            if out:
                out.pop()
        elif seg != ".":
            out.append(seg)
    trailing = path.endswith(("/.", "/..")) and (not out or out[-1] != "")
    return "/" + "/".join(out) + ("/" if trailing else "")


def normalize_url(href: str, base: str | None = None, *, extra: frozenset[str] = frozenset()) -> str:
    """``href`` made absolute against ``base`` and spelt one way (see the module's doc)."""
    url = urljoin(base, href.strip()) if base else href.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    netloc = host
    if parts.port and parts.port != DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{parts.port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    path = _remove_dots(parts.path) if parts.path.startswith("/") else parts.path
    if netloc and not path:
        path = "/"
    query = ""
    if parts.query:
        kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k, extra)]
        query = urlencode(kept, doseq=True)
    return urlunsplit((scheme, netloc, path, query, ""))


def page_base(page_url: str, base_href: str | None) -> str:
    """What a page's relative links resolve against: its ``<base href>`` (itself resolved
    against the page's URL), else the page's URL."""
    return urljoin(page_url, base_href.strip()) if base_href else page_url
