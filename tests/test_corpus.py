"""Reading article files and pairing them; every fixture is written into tmp_path."""

from __future__ import annotations

import os

import pytest

from bilingual.sources.corpus import (
    article_date,
    check_languages,
    find_pairs,
    read_document,
    read_text,
    split_front_matter,
)
from bilingual.errors import CorpusError, InputError, LanguageError

EN = ("Former CIA Director William J. Burns acknowledged the risk on Tuesday. "
      "The U.S. agreed to continue talks with Kyiv and its European partners.")
RU = ("Бывший директор ЦРУ Уильям Бернс во вторник признал этот риск. "
      "США согласились продолжить переговоры с Киевом и европейскими партнёрами.")
UK = ("Колишній директор ЦРУ Вільям Бернс у вівторок визнав цей ризик. "
      "США погодилися продовжити переговори з Києвом і європейськими партнерами.")


def write(path, data: bytes | str):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# ----------------------------------------------------------------- encodings

# (bytes written, encoding reported, warns)
ENCODINGS = [
    (RU.encode("utf-8"), "utf-8", False),
    (b"\xef\xbb\xbf" + RU.encode("utf-8"), "utf-8-sig", False),
    (RU.encode("utf-16"), "utf-16", False),  # with BOM, native order
    (b"\xff\xfe" + RU.encode("utf-16-le"), "utf-16", False),
    (b"\xfe\xff" + RU.encode("utf-16-be"), "utf-16", False),
    (RU.encode("cp1251"), "cp1251", True),
    (RU.encode("koi8_r"), "koi8-r", True),
]


@pytest.mark.parametrize("data, encoding, warns", ENCODINGS)
def test_encodings_decode_to_the_same_text(tmp_path, data, encoding, warns):
    path = write(tmp_path / "ru.md", data)
    text, got_encoding, warnings = read_text(path)
    assert text == RU
    assert got_encoding == encoding
    assert bool(warnings) == warns
    if warns:
        assert str(path) in warnings[0] and "not UTF-8" in warnings[0]


@pytest.mark.parametrize("raw, text", [
    (b"One.\r\nTwo.\r\n\r\nThree.", "One.\nTwo.\n\nThree."),
    (b"One.\rTwo.\r\rThree.", "One.\nTwo.\n\nThree."),
    (b"\xef\xbb\xbfOne.\r\n\r\nTwo.\r\n", "One.\n\nTwo.\n"),
])
def test_line_ends_normalised_before_offsets(tmp_path, raw, text):
    path = write(tmp_path / "en.txt", raw)
    assert read_text(path)[0] == text
    doc = read_document(path)
    assert all(doc.text[s.start:s.stop] == s.text for s in doc.sentences)
    assert "\r" not in doc.text


def test_cp1251_document_carries_the_warning(tmp_path):
    path = write(tmp_path / "ru.md", ("# Заголовок\n\n" + RU).encode("cp1251"))
    doc = read_document(path)
    assert doc.encoding == "cp1251"
    assert doc.warnings and "Windows-1251" in doc.warnings[0]
    assert doc.sentences[0].text == "Заголовок"


# (file bytes, words expected in the one-line message)
BAD_FILES = [
    (b"", "empty"),
    (b"   \n\t\r\n  \n", "only whitespace"),
    (b"\xef\xbb\xbf  \r\n", "only whitespace"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "zip"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
    (b"Some text\x00\x01\x02 then binary", "NUL byte"),
    ("Hello world".encode("utf-16-le"), "UTF-16 without a byte-order mark"),
    ("Привет, мир! Это тест кодировки.".encode("utf-8")[:-4] + b"\xd0\x20ok", "invalid UTF-8"),
    (bytes(range(128, 256)) * 4, "no known encoding fits"),
    (b"\xff\xfe\x00\xd8", "invalid UTF-16"),
]


@pytest.mark.parametrize("data, words", BAD_FILES)
def test_unreadable_files_raise_one_input_error(tmp_path, data, words):
    path = write(tmp_path / "ru.md", data)
    with pytest.raises(InputError) as err:
        read_document(path)
    assert err.value.path == str(path)
    assert words in err.value.message
    assert "\n" not in str(err.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="can't read"):
        read_text(tmp_path / "en.md")
    (tmp_path / "dir.md").mkdir()
    with pytest.raises(InputError, match="not a regular file"):
        read_text(tmp_path / "dir.md")


def test_oversized_file_is_refused(tmp_path, monkeypatch):
    import bilingual.sources.corpus as corpus

    monkeypatch.setattr(corpus, "MAX_BYTES", 1000)
    path = write(tmp_path / "en.md", "word " * 400)
    with pytest.raises(InputError, match="limited to"):
        read_text(path)


def test_single_huge_paragraph_is_refused_with_its_line(tmp_path, monkeypatch):
    import bilingual.sources.corpus as corpus

    monkeypatch.setattr(corpus, "MAX_PARAGRAPH_CHARS", 500)
    path = write(tmp_path / "en.md", EN + "\n\n" + "word " * 200)
    with pytest.raises(InputError, match="a paragraph of 1,000 characters") as err:
        read_document(path)
    assert err.value.line == 3


def test_too_many_sentences_is_refused(tmp_path, monkeypatch):
    import bilingual.sources.corpus as corpus

    monkeypatch.setattr(corpus, "MAX_SENTENCES", 50)
    path = write(tmp_path / "en.md", "It rained. " * 60)
    with pytest.raises(InputError, match="60 sentences"):
        read_document(path)


# ----------------------------------------------------------------- front matter

def test_front_matter_goes_to_meta_and_out_of_the_text(tmp_path):
    path = write(tmp_path / "en.md", (
        "---\ntitle: Moldova: Between Moscow and the West\ndate: 2025-06-10\n"
        "url: \"https://example.org/a\"\n---\n# Moldova\n\n" + EN))
    doc = read_document(path)
    assert doc.meta == {"title": "Moldova: Between Moscow and the West", "date": "2025-06-10",
                        "url": "https://example.org/a"}
    assert doc.text.startswith("# Moldova")
    assert article_date(doc) == "2025-06-10"
    assert doc.sentences[0].text == "Moldova" and doc.sentences[0].heading
    assert all(doc.text[s.start:s.stop] == s.text for s in doc.sentences)


@pytest.mark.parametrize("text, meta, body", [
    ("---\ntags:\n  - nato\n  - moldova\ndate: 2025-06-10\n---\nBody.", {"tags": ["nato", "moldova"], "date": "2025-06-10"}, "Body."),
    ("---\n---\nBody.", {}, "Body."),
    ("No front matter.\n---\nx: y", {}, "No front matter.\n---\nx: y"),
    ("---\n# comment\ntitle: 'Quoted'\n...\nBody.", {"title": "Quoted"}, "Body."),
])
def test_front_matter_forms(text, meta, body):
    assert split_front_matter(text) == (meta, body)


def test_bad_front_matter_names_the_line(tmp_path):
    path = write(tmp_path / "en.md", "---\ntitle: ok\nthis line is not a pair\n---\n" + EN)
    with pytest.raises(InputError, match="front matter") as err:
        read_document(path)
    assert err.value.line == 3


def test_front_matter_only_is_an_error(tmp_path):
    path = write(tmp_path / "en.md", "---\ntitle: Nothing else\n---\n\n")
    with pytest.raises(InputError, match="no text after the front matter"):
        read_document(path)


@pytest.mark.parametrize("meta, date", [
    ({"date": "2025-06-10"}, "2025-06-10"),
    ({"date": "2025-06-10T08:30:00Z"}, "2025-06-10"),
    ({"published": "June 10, 2025"}, "June 10, 2025"),
    ({"title": "x"}, None),
])
def test_article_date(meta, date):
    from bilingual.model import Document

    assert article_date(Document(path="x", lang="en", text="", meta=meta)) == date


# ----------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html><head><title>Site | Putin</title>
<meta property="article:published_time" content="2025-06-18T10:00:00Z">
<link rel="canonical" href="https://example.org/en/putin">
<script>var tracking = "Do not read me.";</script><style>p { color: red }</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/ru">Русский</a></nav><p>Site slogan here.</p></header>
<aside><p>Subscribe to our newsletter.</p></aside>
<article>
  <header><h1>Putin Demands a Written Pledge</h1></header>
  <!-- editor note: check the figures -->
  <p>Former CIA Director William J. <b>Burns</b> acknowledged it. The U.S. agreed.</p>
  <iframe src="https://ads.example.org"><p>Ad text.</p></iframe>
  <h2>What comes next</h2>
  <ul><li>First point.</li><li>Second point.</li></ul>
  <blockquote><p>Quoted words.</p></blockquote>
  <script>document.write("Injected sentence.")</script>
  <form><p>Leave a comment.</p></form>
  <footer><p>Tags: NATO</p></footer>
</article>
<footer><p>Copyright 2025.</p></footer>
</body></html>"""


def test_html_article_body_extracted(tmp_path):
    doc = read_document(write(tmp_path / "en.html", PAGE))
    assert [(p.text, p.heading) for p in doc.paragraphs] == [
        ("Putin Demands a Written Pledge", True),
        ("Former CIA Director William J. Burns acknowledged it. The U.S. agreed.", False),
        ("What comes next", True),
        ("First point.", False),
        ("Second point.", False),
        ("Quoted words.", False),
    ]
    assert doc.sentence_texts[1:3] == ["Former CIA Director William J. Burns acknowledged it.",
                                       "The U.S. agreed."]
    for gone in ("tracking", "Do not read", "Home", "slogan", "Subscribe", "editor note", "Ad text",
                 "Injected", "comment", "Tags", "Copyright", "color"):
        assert gone not in doc.text
    assert doc.meta["date"].startswith("2025-06-18") and doc.meta["url"].endswith("/en/putin")
    assert doc.text.split("\n\n")[0] == "Putin Demands a Written Pledge"


def test_html_without_article_uses_main_then_body(tmp_path):
    html = "<html><body><nav><p>Menu</p></nav><main><h2>Title</h2><p>Body text.</p></main><p>Outside.</p></body></html>"
    doc = read_document(write(tmp_path / "en.htm", html), lang="en")
    assert doc.sentence_texts == ["Title", "Body text."]
    html = "<html><body><h3>Only body</h3><p>Plain page.</p></body></html>"
    assert read_document(write(tmp_path / "b" / "en.html", html)).sentence_texts == ["Only body", "Plain page."]


@pytest.mark.parametrize("html, paragraphs", [
    ("<body><div>Loose text in a div.<p>A paragraph.</p>Tail <a href=x>with a link</a>.</div></body>",
     ["Loose text in a div.", "A paragraph.", "Tail with a link."]),
    ("<p>Line one<br>line two.</p><p>  Spaced\n\n   out  </p>", ["Line one line two.", "Spaced out"]),
    ("Just text, no tags.", ["Just text, no tags."]),
    ("<article><p>Short.</p></article><article><p>The longer article wins.</p></article>",
     ["The longer article wins."]),
])
def test_html_loose_text(tmp_path, html, paragraphs):
    doc = read_document(write(tmp_path / "en.html", html))
    assert [p.text for p in doc.paragraphs] == paragraphs


@pytest.mark.parametrize("html", [
    "<html><head><script>alert(1)</script></head><body><iframe src=x></iframe><!-- nothing --></body></html>",
    "<html><body><nav><p>Home</p><p>About</p></nav><footer><p>(c)</p></footer></body></html>",
    "<html><body><div>   </div></body></html>",
])
def test_html_without_article_text_is_an_error(tmp_path, html):
    path = write(tmp_path / "en.html", html)
    with pytest.raises(InputError, match="no article text") as err:
        read_document(path)
    assert err.value.path == str(path)


def test_html_in_cp1251_with_xml_declaration(tmp_path):
    html = '<?xml version="1.0" encoding="windows-1251"?><html><body><p>' + RU + "</p></body></html>"
    doc = read_document(write(tmp_path / "ru.html", html.encode("cp1251")))
    assert doc.encoding == "cp1251" and doc.warnings
    assert doc.text == RU


# ----------------------------------------------------------------- documents and languages

@pytest.mark.parametrize("name, lang", [
    ("en.md", "en"), ("ru.md", "ru"), ("ru.html", "ru"), ("en.txt", "en"), ("ru.mt.md", "ru"),
])
def test_language_from_file_name(tmp_path, name, lang):
    doc = read_document(write(tmp_path / name, EN if lang == "en" else RU))
    assert doc.lang == lang


@pytest.mark.parametrize("name, lang", [
    ("en.md", "en"), ("RU.TXT", "ru"), ("ru.mt.md", "ru"), ("de.html", "de"), ("zh-cn.md", "zh-cn"),
    ("article.md", None), ("my-art.md", None), ("e.md", None),
])
def test_lang_from_name(name, lang):
    from bilingual.sources.corpus import lang_from_name

    assert lang_from_name(name) == lang


def test_language_falls_back_to_detection_then_to_argument(tmp_path):
    path = write(tmp_path / "article.md", RU)
    assert read_document(path).lang == "ru"
    assert read_document(path, lang="en").lang == "en"


def test_paragraph_languages(tmp_path):
    path = write(tmp_path / "ru.md", f"# Итоги\n\n{RU}\n\n{EN}\n\n{RU}")
    doc = read_document(path)
    assert doc.detected_lang == "ru"
    assert [p.lang for p in doc.paragraphs] == [None, "ru", "en", "ru"]


def pair(tmp_path, en_text, ru_text):
    return (read_document(write(tmp_path / "en.md", en_text)),
            read_document(write(tmp_path / "ru.md", ru_text)))


def test_matching_pair_passes(tmp_path):
    en, ru = pair(tmp_path, EN, RU)
    assert check_languages(en, ru) is None


def test_english_paragraph_left_in_russian_file_is_not_an_error(tmp_path):
    en, ru = pair(tmp_path, f"{EN}\n\n{EN}", f"{RU}\n\n{EN}")
    assert check_languages(en, ru) is None


# (en file text, ru file text, file blamed, message)
LANGUAGE_ERRORS = [
    (RU, EN, "ru.md", "expected Russian, detected English (files swapped?)"),
    (EN, EN, "ru.md", "expected Russian, detected English (both files are in English)"),
    (RU, RU, "en.md", "expected English, detected Russian (both files are in Russian)"),
    (EN, UK, "ru.md", "expected Russian, detected Ukrainian"),
]


@pytest.mark.parametrize("en_text, ru_text, blamed, message", LANGUAGE_ERRORS)
def test_language_errors(tmp_path, en_text, ru_text, blamed, message):
    en, ru = pair(tmp_path, en_text, ru_text)
    with pytest.raises(LanguageError) as err:
        check_languages(en, ru)
    assert err.value.message == message
    assert err.value.path == str(tmp_path / blamed)


# ----------------------------------------------------------------- pairing

def make_corpus(root, slugs):
    for slug, files in slugs.items():
        for name in files:
            write(root / slug / name, EN if name.startswith("en") else RU)
    return root


def brief(pairs, root):
    def rel(p):
        return os.path.relpath(p, root) if p else None
    return [(a.slug, rel(a.en_path), rel(a.ru_path), a.problem is not None) for a in pairs]


def test_corpus_directory(tmp_path):
    root = make_corpus(tmp_path / "corpus", {
        "b-story": ["en.md", "ru.md", "ru.mt.md"],
        "a-story": ["en.html", "ru.txt"],
        "c-missing-ru": ["en.md"],
        ".hidden": ["en.md", "ru.md"],
    })
    write(root / "README.md", "Not an article.")
    assert brief(find_pairs([root]), root) == [
        ("a-story", "a-story/en.html", "a-story/ru.txt", False),
        ("b-story", "b-story/en.md", "b-story/ru.md", False),
        ("c-missing-ru", "c-missing-ru/en.md", None, False),
    ]


def test_slug_directory_and_two_files(tmp_path):
    root = make_corpus(tmp_path / "corpus", {"story": ["en.md", "ru.md", "ru.mt.md"]})
    assert brief(find_pairs([root / "story"]), root) == [("story", "story/en.md", "story/ru.md", False)]
    a = write(tmp_path / "x" / "original.txt", EN)
    b = write(tmp_path / "y" / "translation.md", RU)
    assert brief(find_pairs([a, b]), tmp_path) == [("original", "x/original.txt", "y/translation.md", False)]


def test_several_corpora_sorted_by_slug(tmp_path):
    one = make_corpus(tmp_path / "one", {"zeta": ["en.md", "ru.md"]})
    two = make_corpus(tmp_path / "two", {"alpha": ["en.md", "ru.md"]})
    assert [a.slug for a in find_pairs([one, two])] == ["alpha", "zeta"]


def test_unsafe_slugs_are_reported_not_followed(tmp_path):
    root = make_corpus(tmp_path / "corpus", {"ok": ["en.md", "ru.md"], "bad..slug": ["en.md", "ru.md"]})
    outside = make_corpus(tmp_path / "elsewhere", {"secret": ["en.md", "ru.md"]})
    os.symlink(outside / "secret", root / "escape")
    make_corpus(root, {"leaky": ["en.md"]})
    os.symlink(outside / "secret" / "ru.md", root / "leaky" / "ru.md")
    os.symlink(root / "ok", root / "alias")  # inside the corpus: fine
    pairs = {a.slug: a for a in find_pairs([root])}
    assert pairs["ok"].problem is None and pairs["alias"].problem is None
    assert pairs["bad..slug"].en_path is None and "'..'" in pairs["bad..slug"].problem
    assert pairs["escape"].en_path is None and "outside the corpus" in pairs["escape"].problem
    assert pairs["leaky"].ru_path is None and "outside the corpus" in pairs["leaky"].problem
    assert all("elsewhere" not in (a.en_path or "") + (a.ru_path or "") for a in pairs.values())


def test_ambiguous_and_empty_slugs_are_reported(tmp_path):
    root = make_corpus(tmp_path / "corpus", {"two-en": ["en.md", "en.html", "ru.md"]})
    (root / "empty").mkdir()
    pairs = {a.slug: a for a in find_pairs([root])}
    assert "several en files" in pairs["two-en"].problem
    assert "no en.md or ru.md" in pairs["empty"].problem


@pytest.mark.parametrize("setup, words", [
    (lambda t: t / "nope", "no such file or directory"),
    (lambda t: write(t / "corpus.md", "x"), "is a file"),
    (lambda t: (t / "c").mkdir() or (t / "c"), "no articles here"),
])
def test_unusable_corpus_arguments(tmp_path, setup, words):
    path = setup(tmp_path)
    with pytest.raises(CorpusError, match=words) as err:
        find_pairs([path])
    assert err.value.path == str(path)


def test_three_files_or_nothing_is_a_usage_problem(tmp_path):
    files = [write(tmp_path / f"{n}.md", EN) for n in "abc"]
    with pytest.raises(CorpusError, match="two files"):
        find_pairs(files)
    with pytest.raises(CorpusError):
        find_pairs([])


def test_broken_symlink_argument(tmp_path):
    os.symlink(tmp_path / "gone", tmp_path / "link")
    with pytest.raises(CorpusError, match="broken symlink"):
        find_pairs([tmp_path / "link"])


def test_giant_article_refused_before_segmenting(tmp_path, monkeypatch):
    import bilingual.sources.corpus as corpus

    monkeypatch.setattr(corpus, "MAX_SENTENCES", 100)
    path = write(tmp_path / "en.md", "\n\n".join(["It rained. It poured."] * 150))
    with pytest.raises(InputError, match="about 300 sentences; articles are limited to 100"):
        read_document(path)


def test_slug_with_control_characters_is_reported(tmp_path):
    root = make_corpus(tmp_path / "corpus", {"ok": ["en.md", "ru.md"], "bad\x1b[31m": ["en.md", "ru.md"]})
    pairs = find_pairs([root])
    bad = [a for a in pairs if a.problem]
    assert len(bad) == 1 and "control characters" in bad[0].problem and "\x1b" not in bad[0].problem


# ----------------------------------------------------------------- fuzz

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_read_or_refused(tmp_path, data):
    path = write(tmp_path / "ru.md", data)
    try:
        text, encoding, _ = read_text(path)
    except InputError as err:
        assert err.path == str(path) and "\n" not in err.message
        return
    assert text.strip() and "\r" not in text


_markup = st.lists(st.sampled_from(["a", "b", " ", "Юя", ".", "!", "?", "\n", "#", "-", ">", "<p>", "</p>",
                                     "<h1>", "</h1>", "<script>", "&amp;", "\"", "<li>", "<!--", "-->"]),
                   max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=200), _markup), name=st.sampled_from(["en.md", "ru.html", "en.txt"]))
def test_arbitrary_text_gives_a_document_or_one_error(tmp_path, text, name):
    path = write(tmp_path / name, text)
    try:
        doc = read_document(path)
    except InputError as err:
        assert err.path == str(path) and "\n" not in err.message
        return
    assert doc.sentences
    for s in doc.sentences:
        assert doc.text[s.start:s.stop] == s.text
    for p in doc.paragraphs:
        assert doc.text[p.start:p.stop] == p.text
