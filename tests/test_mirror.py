"""Pairing a saved site mirror by its language links, and checking it like a corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilingual.cli import app
from bilingual.sources.mirror import pair_mirror, url_keys
from bilingual.checks.pipeline import check

from .mirror_site import EXPECTED_PAIRS, EXPECTED_PROBLEMS, PAGES, PAIRED_SLUGS, build_mirror

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "glossary.csv"
runner = CliRunner()


@pytest.fixture(scope="module")
def mirror(tmp_path_factory) -> Path:
    return build_mirror(tmp_path_factory.mktemp("site") / "mirror")


def _rel(path: str, root: Path) -> str:
    return Path(path).relative_to(root).as_posix()


@pytest.mark.parametrize("url, keys", [
    ("https://news.example/ru/a/index.html", ("/ru/a", "/news.example/ru/a")),
    ("https://news.example/ru/a/", ("/ru/a", "/news.example/ru/a")),
    ("https://news.example/ru/a?x=1#top", ("/ru/a", "/news.example/ru/a")),
    ("/ru/b.html", ("/ru/b.html",)),
    ("file:///en/index.htm", ("/en",)),
])
def test_url_keys_treat_index_slash_query_and_fragment_as_one_page(url, keys):
    assert url_keys(url) == keys


def test_pairs_by_hreflang_toggle_then_slug(mirror):
    result = pair_mirror(mirror)
    got = [(_rel(p.en_path, mirror), _rel(p.ru_path, mirror), p.method) for p in result.pairs]
    assert got == EXPECTED_PAIRS


def test_one_problem_of_each_kind(mirror):
    result = pair_mirror(mirror)
    got = [(p.kind, _rel(p.path, mirror)) for p in result.problems]
    assert got == EXPECTED_PROBLEMS


@pytest.mark.parametrize("kind, target", [
    ("broken_toggle", "/ru/novosti/net-takoy-stranitsy.html"),
    ("same_language", "en/news/trump-putin-call.html"),
    ("one_way_toggle", "ru/novosti/putin-iran.html"),
    ("no_translation", None),
    ("orphan_translation", None),
])
def test_problem_targets(mirror, kind, target):
    problem = next(p for p in pair_mirror(mirror).problems if p.kind == kind)
    if target is None or target.startswith("/"):
        assert problem.target == target
    else:
        assert _rel(problem.target, mirror) == target


def test_pairs_cli_json_shape(mirror):
    res = runner.invoke(app, ["pairs", str(mirror), "--format", "json"])
    assert res.exit_code == 1  # problems found
    data = json.loads(res.stdout)
    assert set(data) == {"pairs", "problems"}
    assert set(data["pairs"][0]) == {"en_path", "ru_path", "method"}
    assert set(data["problems"][0]) == {"kind", "path", "target", "message"}
    assert len(data["pairs"]) == len(EXPECTED_PAIRS)


def test_pairs_cli_table_names_each_page(mirror):
    res = runner.invoke(app, ["pairs", str(mirror)])
    for en, ru, method in EXPECTED_PAIRS:
        assert en in res.stdout and ru in res.stdout
    assert "4 pair(s) of 12 page(s)" in res.stdout


def test_pairs_on_a_folder_without_pages(tmp_path):
    res = runner.invoke(app, ["pairs", str(tmp_path)])
    assert res.exit_code == 2
    assert "no HTML pages" in res.output


def _flags(article):
    return sorted((f.kind, f.term, f.found) for f in article.flags)


def test_mirror_check_gives_the_markdown_articles_flags(mirror):
    mirror_report = check([mirror], GLOSSARY)
    corpus_report = check([ROOT / "corpus" / s for s in PAIRED_SLUGS], GLOSSARY)
    # each mirror article under the corpus slug its English page was built from
    got = {PAGES[_rel(a.pair.en_path, mirror)][0]: _flags(a) for a in mirror_report.articles}
    expected = {a.pair.slug: _flags(a) for a in corpus_report.articles}
    assert got == expected
    assert sum(map(len, expected.values())) >= 5


def test_mirror_check_dates_from_meta_time_and_json_ld(mirror):
    report = check([mirror], GLOSSARY)
    corpus_report = check([ROOT / "corpus" / s for s in PAIRED_SLUGS], GLOSSARY)
    assert sorted(a.date for a in report.articles) == sorted(a.date for a in corpus_report.articles)


def test_mirror_check_lists_pairing_and_fails_on_errors(mirror):
    res = runner.invoke(app, ["check", str(mirror), "-g", str(GLOSSARY), "--format", "json",
                              "--fail-on", "error"])
    data = json.loads(res.stdout)
    kinds = {(p["kind"], p["level"]) for p in data["pairing"]}
    assert ("no_translation", "error") in kinds and ("broken_toggle", "error") in kinds
    assert ("orphan_translation", "warning") in kinds
    assert res.exit_code == 1


def test_a_corpus_report_has_no_pairing_section():
    report = check([ROOT / "corpus" / "moldova-georgia-nato"], GLOSSARY)
    assert "pairing" not in report.to_dict()


def test_translate_reads_every_english_page_of_the_mirror(mirror):
    from bilingual.translate.runner import collect_jobs

    jobs = collect_jobs([mirror])
    english = sorted(rel for rel, (_slug, lang, _c, _l) in PAGES.items() if lang == "en")
    assert sorted(_rel(job.key, mirror) for job in jobs) == english
    by_page = {_rel(job.key, mirror): job for job in jobs}
    # the page's article text only: no navigation, toggle, share bar or dateline
    from bilingual.sources.corpus import read_document

    page = by_page["en/news/trump-putin-call.html"].doc
    markdown = read_document(ROOT / "corpus" / "trump-putin-phone-call" / "en.md", "en")
    assert [(p.text, p.heading) for p in page.paragraphs] == [(p.text, p.heading) for p in markdown.paragraphs]
    assert by_page["en/news/trump-putin-call.html"].out.name == "trump-putin-call.ru.mt.md"


@pytest.mark.parametrize("body, toggles", [
    ('<a href="/ru/x/">Русский</a>', [("ru", "/ru/x/")]),
    ('<a href="/ru/x/">«Русская версия»</a>', [("ru", "/ru/x/")]),
    ('<a class="l" href="/ru/x/"><span>RU</span></a>', [("ru", "/ru/x/")]),
    ('<a href="/en/x/">English</a>', [("en", "/en/x/")]),
    ("<a href='/en/x/'> EN </a>", [("en", "/en/x/")]),
    ('<a hreflang="ru-RU" href="/ru/x/">Читать по-русски</a>', [("ru", "/ru/x/")]),
    ('<a lang="en" href="/en/x/">Read it in English</a>', [("en", "/en/x/")]),
    ('<a href="/ru/x/?a=1&amp;b=2">Русский</a>', [("ru", "/ru/x/?a=1&b=2")]),
    ('<a href="/en/russia/">Russia</a> <a href="/en/">Home</a>', []),
    ("<!-- <a href='/ru/old/'>Русский</a> -->", []),
])
def test_toggle_links(tmp_path, body, toggles):
    from bilingual.sources.mirror import read_page

    (tmp_path / "p.html").write_text(f'<html lang="en"><head><title>T</title></head><body>{body}</body></html>',
                                     encoding="utf-8")
    assert read_page(tmp_path, "p.html").toggles == toggles


@pytest.mark.parametrize("head, lang, own_url, alternates", [
    ('<html lang="ru"><head><link rel="canonical" href="https://s.example/ru/a/">', "ru",
     "https://s.example/ru/a/", {}),
    ('<html><head><meta property="og:locale" content="en_GB"><meta property="og:url" content="/en/a/">', "en",
     "/en/a/", {}),
    ('<html lang="en"><head><link rel="alternate" hreflang="ru" href="/ru/b/">'
     '<link rel="alternate" hreflang="x-default" href="/">', "en", None, {"ru": "/ru/b/"}),
    ("<html><head><title>Новости</title>", "ru", None, {}),
])
def test_page_language_url_and_alternates(tmp_path, head, lang, own_url, alternates):
    from bilingual.sources.mirror import read_page

    (tmp_path / "p.html").write_text(head + "</head><body><p>x</p></body></html>", encoding="utf-8")
    page = read_page(tmp_path, "p.html")
    assert (page.lang, page.own_url, page.alternates) == (lang, own_url, alternates)


@pytest.mark.parametrize("head, body, date", [
    ('<meta property="article:published_time" content="2025-06-18T09:30:00+00:00">', "", "2025-06-18"),
    ("", '<article><time datetime="2025-05-27T08:00:00Z">27 May</time><p>Text here.</p></article>', "2025-05-27"),
    ('<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, '
     '{"@type": "NewsArticle", "datePublished": "2025-06-14T10:00:00Z"}]}</script>', "", "2025-06-14"),
])
def test_article_date_from_meta_time_or_json_ld(tmp_path, head, body, date):
    from bilingual.sources.corpus import article_date, read_document

    path = tmp_path / "en.html"
    path.write_text(f"<html><head>{head}</head><body>{body or '<p>Putin spoke on Tuesday.</p>'}</body></html>",
                    encoding="utf-8")
    doc = read_document(path, "en")
    assert article_date(doc) == date
    assert "27 May" not in doc.text  # a dateline is not article text


def test_pairs_output_is_never_written_inside_the_mirror(mirror):
    target = mirror / "en" / "news" / "moscow-iran.html"
    before = target.read_bytes()
    res = runner.invoke(app, ["pairs", str(mirror), "-o", str(target)])
    assert res.exit_code == 2 and "inside the corpus" in res.output
    assert target.read_bytes() == before


@pytest.mark.parametrize("name, data", [
    ("empty.html", b""),
    ("binary.html", b"\x00\x01\x02\xff\xfe" * 50),
    ("nohead.html", b"<p>Just a paragraph, no head, no language.</p>"),
    ("cp1251.html", '<html lang="ru"><head><meta charset="windows-1251"><title>Новости</title></head>'
                    '<body><a href="/en/x.html">English</a></body></html>'.encode("cp1251")),
    ("unknown-charset.htm", b'<html lang="en"><head><meta charset="x-no-such"></head><body></body></html>'),
])
def test_odd_pages_do_not_stop_pairing(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "x.html").write_text('<html lang="en"><head></head><body><p>x</p></body></html>',
                                            encoding="utf-8")
    result = pair_mirror(tmp_path)
    assert result.pages == 2


def test_a_symlink_out_of_the_mirror_is_not_read(tmp_path):
    outside = tmp_path / "outside.html"
    outside.write_text('<html lang="ru"><body></body></html>', encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "en.html").write_text('<html lang="en"><body></body></html>', encoding="utf-8")
    (site / "ru.html").symlink_to(outside)
    assert pair_mirror(site).pages == 1


def test_text_and_json_name_pages_the_same_way(mirror):
    text = runner.invoke(app, ["pairs", str(mirror)]).stdout
    data = json.loads(runner.invoke(app, ["pairs", str(mirror), "--format", "json"]).stdout)
    for p in data["pairs"]:
        assert p["en_path"] in text and p["ru_path"] in text
    for p in data["problems"]:
        assert p["path"] in text


def test_one_broken_link_is_one_problem(tmp_path):
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "ru").mkdir()
    head = '<html lang="{lang}"><head><meta charset="utf-8"><title>t</title></head><body><article>'
    (site / "en" / "talks.html").write_text(
        head.format(lang="en") + '<a href="/ru/nope.html" hreflang="ru">Русский</a>'
        "<p>Officials met in Kyiv on Monday to discuss the talks and the border.</p></article></body></html>",
        encoding="utf-8")
    (site / "ru" / "talks.html").write_text(
        head.format(lang="ru") + '<a href="/en/talks.html" hreflang="en">English</a>'
        "<p>Чиновники встретились в Киеве в понедельник, чтобы обсудить переговоры.</p></article></body></html>",
        encoding="utf-8")
    result = pair_mirror(site)
    assert [(p.kind, _rel(p.path, site)) for p in result.problems] == [("broken_toggle", "en/talks.html")]
