"""Pairing by evidence: normalised links, copies (AMP, print) as the page they copy, mutual links
over one-way ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual.sources.mirror import pair_mirror
from bilingual.sources.urls import normalize_url



def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ one URL, one spelling

@pytest.mark.parametrize("href, base, url", [
    # relative, against the page
    ("../../../ru/mir/b.html", "https://site.example/en/world/a/index.html", "https://site.example/ru/mir/b.html"),
    ("b.html", "https://site.example/en/news/a.html", "https://site.example/en/news/b.html"),
    ("/ru/", "https://site.example/en/news/a.html", "https://site.example/ru/"),
    ("//cdn.example/x.html", "https://site.example/a.html", "https://cdn.example/x.html"),
    # fragments and tracking parameters go, other parameters stay in order
    ("b.html?from=en#top", "https://site.example/en/a.html", "https://site.example/en/b.html"),
    ("/p?id=7&utm_source=tw&utm_medium=x&page=2", "https://site.example/", "https://site.example/p?id=7&page=2"),
    ("/p?fbclid=abc&gclid=1", "https://site.example/", "https://site.example/p"),
    # one spelling of scheme, host and port; dot segments out
    ("HTTPS://Site.Example:443/a/./b/../c.html", None, "https://site.example/a/c.html"),
    ("http://site.example:8080/a", None, "http://site.example:8080/a"),
    ("http://site.example", None, "http://site.example/"),
])
def test_normalize_url(href, base, url):
    assert normalize_url(href, base) == url


def test_normalize_url_extra_tracking_params():
    assert normalize_url("/a?campaign=x&id=1", "https://s.example/", extra=frozenset({"campaign"})) \
        == "https://s.example/a?id=1"


# ------------------------------------------------------------------ a saved mirror

def page(lang: str, title: str, *, head: str = "", toggle: str | None = None) -> str:
    label = "Русский" if lang == "en" else "English"
    link = f'<a class="lang" href="{toggle}">{label}</a>' if toggle else ""
    text = ("The talks ended without a statement, officials said." if lang == "en"
            else "Переговоры завершились без заявления, сообщили официальные лица.")
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{head}'
            f"</head><body><header>{link}</header><article><h1>{title}</h1><p>{text}</p></article></body></html>")


def build(root: Path, pages: dict[str, str]) -> Path:
    for rel, html in pages.items():
        write(root / rel, html)
    return root


def rel_pairs(result, root: Path):
    return sorted((str(Path(p.en_path).relative_to(root)), str(Path(p.ru_path).relative_to(root)), p.method)
                  for p in result.pairs)


def rel_problems(result, root: Path):
    return sorted((p.kind, str(Path(p.path).relative_to(root))) for p in result.problems)


def test_amp_copy_linking_to_the_russian_page_pairs_the_real_page(tmp_path):
    """The English toggle is relative with a query and a fragment; an AMP copy of the English
    page (sorting first) also links to the Russian page: the real page is paired, the copy is
    not an article of its own and nothing is reported."""
    root = build(tmp_path, {
        "amp/en/news/talks.html": page("en", "Talks", toggle="/ru/novosti/peregovory.html",
                                       head='<link rel="canonical" href="https://s.example/en/news/talks.html">'),
        "en/news/talks.html": page("en", "Talks", toggle="../../ru/novosti/peregovory.html?from=en#top",
                                   head='<link rel="canonical" href="https://s.example/en/news/talks.html">'
                                        '<link rel="amphtml" href="https://s.example/amp/en/news/talks.html">'),
        "ru/novosti/peregovory.html": page("ru", "Переговоры", toggle="/en/news/talks.html?utm_source=ru#x"),
    })
    result = pair_mirror(root, tracking_params=frozenset())
    assert rel_pairs(result, root) == [("en/news/talks.html", "ru/novosti/peregovory.html", "toggle")]
    assert rel_problems(result, root) == []
    assert [tuple(str(Path(x).relative_to(root)) for x in c) for c in result.copies] == [
        ("amp/en/news/talks.html", "en/news/talks.html")]


def test_print_version_is_a_copy_and_its_link_counts_for_the_page(tmp_path):
    """A print version (canonical: the article) carries the only link back to the English page."""
    root = build(tmp_path, {
        "en/a.html": page("en", "A", toggle="/ru/a.html"),
        "print/en/a.html": page("en", "A", head='<link rel="canonical" href="/en/a.html">'),
        "ru/a.html": page("ru", "А", toggle="/print/en/a.html"),
    })
    result = pair_mirror(root, tracking_params=frozenset())
    assert rel_pairs(result, root) == [("en/a.html", "ru/a.html", "toggle")]
    assert rel_problems(result, root) == []


def test_mutual_toggle_wins_over_a_one_way_link(tmp_path):
    """Two English pages name the same Russian page; the one it links back to is its pair, the
    other is reported (its link is one-way) and left without a translation."""
    root = build(tmp_path, {
        "en/a-old.html": page("en", "Old", toggle="/ru/a.html"),
        "en/a.html": page("en", "A", toggle="/ru/a.html"),
        "ru/a.html": page("ru", "А", toggle="/en/a.html"),
    })
    result = pair_mirror(root, tracking_params=frozenset())
    assert rel_pairs(result, root) == [("en/a.html", "ru/a.html", "toggle")]
    assert rel_problems(result, root) == [("one_way_toggle", "en/a-old.html")]
    assert [str(Path(p).relative_to(root)) for p in result.unpaired_en] == ["en/a-old.html"]


def test_hreflang_mutual_wins_over_toggle_mutual(tmp_path):
    root = build(tmp_path, {
        "en/a.html": page("en", "A", toggle="/ru/b.html",
                          head='<link rel="alternate" hreflang="ru" href="/ru/a.html">'),
        "ru/a.html": page("ru", "А", head='<link rel="alternate" hreflang="en" href="/en/a.html">'),
        "ru/b.html": page("ru", "Б", toggle="/en/a.html"),
    })
    result = pair_mirror(root, tracking_params=frozenset())
    assert rel_pairs(result, root) == [("en/a.html", "ru/a.html", "hreflang")]
    assert ("orphan_translation", "ru/b.html") not in rel_problems(result, root)
    assert ("one_way_toggle", "ru/b.html") in rel_problems(result, root)


def test_base_href_resolves_relative_toggles(tmp_path):
    root = build(tmp_path, {
        "en/news/2025/a.html": page("en", "A", toggle="novosti/a.html", head='<base href="/ru/">'),
        "ru/novosti/a.html": page("ru", "А", toggle="../en/news/2025/a.html", head='<base href="/ru/">'),
    })
    result = pair_mirror(root, tracking_params=frozenset())
    assert rel_pairs(result, root) == [("en/news/2025/a.html", "ru/novosti/a.html", "toggle")]
    assert rel_problems(result, root) == []


def test_tracking_params_from_config(tmp_path, monkeypatch):
    """``tracking_params`` in bilingual.toml: a parameter the built-in list doesn't know is
    dropped too (the links below differ only by it, and pair as one page's)."""
    from bilingual.sources.urls import tracking_params_from_config

    write(tmp_path / "bilingual.toml", 'tracking_params = ["campaign"]\n')
    monkeypatch.chdir(tmp_path)
    assert tracking_params_from_config() == frozenset({"campaign"})
