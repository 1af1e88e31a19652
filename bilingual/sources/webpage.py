"""What a web page carries besides its article: the JSON-LD date, and the chrome to drop
(language toggles, share bars) when the article body is extracted."""

from __future__ import annotations


def _clean(s: str) -> str:
    return " ".join(s.split())


def ld_date(text: str) -> str | None:
    """``datePublished`` from a JSON-LD block (an object, a list, or an ``@graph``)."""
    import json

    try:
        data = json.loads(text)
    except ValueError:
        return None
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                return item["datePublished"].strip()
            stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    return None


# Language toggles and share bars inside an article's markup are the site's chrome, not its text.
_CHROME = ('//*[@hreflang] | //*[contains(concat(" ", normalize-space(@class), " "), " share ")'
           ' or contains(@class, "share-") or contains(@class, "social") or contains(@class, "lang-switch")'
           ' or contains(@class, "language-switch")]')
_TOGGLE_WORDS = frozenset({"русский", "русская версия", "ru", "english", "en", "eng", "рус"})


def drop_chrome(root) -> None:
    for el in root.xpath(_CHROME):
        if el.getparent() is not None and el.tag not in ("html", "body", "article", "main", "link"):
            el.drop_tree()
    for a in list(root.iter("a")):
        text = _clean(a.text_content()).strip("«»\"'").lower()
        parent = a.getparent()
        if (text in _TOGGLE_WORDS and parent is not None
                and _clean(parent.text_content()).strip("«»\"'").lower() == text):
            a.drop_tree()
    drop_datelines(root)


_INLINE_HOME = frozenset(("p", "li", "blockquote", "td", "th", "dd", "dt", "figcaption",
                          "h1", "h2", "h3", "h4", "h5", "h6"))


def drop_datelines(root) -> None:
    """A ``<time>`` standing on its own (a dateline) is metadata; one inside a sentence is text."""
    for el in list(root.iter("time")):
        if el.getparent() is not None and not any(a.tag in _INLINE_HOME for a in el.iterancestors()):
            el.drop_tree()
