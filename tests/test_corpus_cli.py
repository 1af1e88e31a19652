"""Bad input through the real command line: one line naming the file, exit 2, no traceback, nothing written.

One corpus holds every kind of bad article next to good ones; a single
``bilingual check`` run over it must report each bad article on its own line
and still check the readable ones.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EN = ("Former CIA Director William J. Burns acknowledged the risk on Tuesday. "
      "The U.S. agreed to continue talks with Kyiv and its European partners.\n\n"
      "Officials said the next round would take place in Geneva in June.")
RU = ("Бывший директор ЦРУ Уильям Бернс во вторник признал этот риск. "
      "США согласились продолжить переговоры с Киевом и европейскими партнёрами.\n\n"
      "По словам чиновников, следующий раунд пройдёт в Женеве в июне.")
UK = ("Колишній директор ЦРУ Вільям Бернс у вівторок визнав цей ризик. "
      "США погодилися продовжити переговори з Києвом і європейськими партнерами.\n\n"
      "За словами посадовців, наступний раунд відбудеться в Женеві в червні.")

HTML_NO_BODY = """<html><head><script>alert("x")</script><style>p{}</style></head>
<body><nav><p>Home</p><p>About</p></nav><iframe src="https://ads.example.org"></iframe>
<!-- <p>commented out</p> --><footer><p>(c) 2025</p></footer></body></html>"""

# slug -> {file name: bytes}; the RU side is the bad one unless said otherwise.
BAD = {
    "empty": {"ru.md": b""},
    "whitespace": {"ru.md": b"  \n\t\r\n   \n"},
    "pdf": {"ru.md": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n"},
    "docx": {"ru.md": b"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml"},
    "binary": {"ru.md": b"\x00\x01\x02\x03binary\x00\xff" * 20},
    "bad-utf8": {"ru.md": RU.encode("utf-8")[:60] + b"\xd0\x20" + RU.encode("utf-8")[62:]},
    "undetectable": {"ru.md": bytes(range(128, 256)) * 8},
    "utf16-no-bom": {"ru.md": RU.encode("utf-16-le")},
    "swapped": {"en.md": RU.encode(), "ru.md": EN.encode()},
    "both-english": {"ru.md": EN.encode()},
    "both-russian": {"en.md": RU.encode()},
    "ukrainian": {"ru.md": UK.encode()},
    "html-no-body": {"ru.html": HTML_NO_BODY.encode()},
    "ten-megabytes": {"ru.md": ("слово " * 1_000_000).encode()[:10_000_000]},
    "fifty-thousand": {"ru.md": ("Да. " * 50_000).encode()},
    "bad-front-matter": {"ru.md": ("---\ntitle: ok\nnot a pair\n---\n" + RU).encode()},
    "missing-ru": {"ru.md": None},
    "bad..slug": {},
}

# slug -> (file named in the line, words in the message)
EXPECTED = {
    "empty": ("ru.md", "file is empty"),
    "whitespace": ("ru.md", "file has only whitespace"),
    "pdf": ("ru.md", "is a PDF document, not text"),
    "docx": ("ru.md", "is a zip archive"),
    "binary": ("ru.md", "binary data, not text"),
    "bad-utf8": ("ru.md", "invalid UTF-8"),
    "undetectable": ("ru.md", "no known encoding fits"),
    "utf16-no-bom": ("ru.md", "UTF-16 without a byte-order mark"),
    "swapped": ("ru.md", "expected Russian, detected English (files swapped?)"),
    "both-english": ("ru.md", "expected Russian, detected English (both files are in English)"),
    "both-russian": ("en.md", "expected English, detected Russian (both files are in Russian)"),
    "ukrainian": ("ru.md", "expected Russian, detected Ukrainian"),
    "html-no-body": ("ru.html", "HTML page has no article text"),
    "ten-megabytes": ("ru.md", "file is 10.0 MB; articles are limited to 2 MB"),
    "fifty-thousand": ("ru.md", "about 50,000 sentences; articles are limited to 10,000"),
    "bad-front-matter": ("ru.md:3", "front matter: expected 'key: value' lines"),
    "missing-ru": ("en.md", "no ru counterpart"),
    "bad..slug": ("", "slug contains '..'"),
    "escape": ("", "symlink to outside the corpus"),
}

# Decoded with a warning or silently, and checked like any other article.
GOOD = {
    "plain": {},
    "cp1251": {"ru.md": RU.encode("cp1251")},
    "koi8-r": {"ru.md": RU.encode("koi8_r")},
    "utf16-bom": {"ru.md": RU.encode("utf-16")},
    "bom-crlf": {"en.md": b"\xef\xbb\xbf" + EN.replace("\n", "\r\n").encode(),
                 "ru.md": b"\xef\xbb\xbf" + RU.replace("\n", "\r\n").encode()},
    "html": {"ru.html": f"<html><body><script>x()</script><article><h1>Заголовок</h1><p>{RU}</p>"
                        f"</article></body></html>".encode()},
}


def build(root: Path, articles: dict) -> None:
    for slug, files in articles.items():
        d = root / slug
        d.mkdir(parents=True)
        merged = {"en.md": EN.encode(), "ru.md": RU.encode()}
        if any(n.startswith("ru.") and n != "ru.md" for n in files):
            merged.pop("ru.md")
        merged.update(files)
        for name, data in merged.items():
            if data is not None:
                (d / name).write_bytes(data)


def snapshot(root: Path) -> dict:
    """Every path under root with its bytes, but the check cache (it keeps the readable articles' results)."""
    return {str(p): (p.read_bytes() if p.is_file() and not p.is_symlink() else None)
            for p in sorted(root.rglob("*")) if ".bilingual" not in p.relative_to(root).parts}


def run(args, cwd):
    return subprocess.run([sys.executable, "-m", "bilingual", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory):
    base = tmp_path_factory.mktemp("catalogue")
    root = base / "corpus"
    build(root, {**BAD, **GOOD})
    outside = base / "outside"
    build(outside, {"secret": {}})
    os.symlink(outside / "secret", root / "escape")
    before = snapshot(base)
    result = run(["check", "corpus", "--no-glossary", "--format", "json"], cwd=base)
    return root, result, before, snapshot(base)


# an article with no Russian version is not checked, at the no_translation level (a warning)
WARNED = {"missing-ru"}


def error_lines(result, level: str = "error") -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith(f"{level}: ")]


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_each_bad_article_gets_one_line(catalogue, slug):
    root, result, _, _ = catalogue
    where, words = EXPECTED[slug]
    level = "warning" if slug in WARNED else "error"
    prefix = f"{level}: corpus/{slug}/{where}" if where else f"{level}: corpus/{slug}"
    lines = [line for line in error_lines(result, level) if line.startswith(prefix)]
    assert len(lines) == 1, result.stderr
    assert words in lines[0] and lines[0].endswith("(not checked)")


def test_catalogue_run_exits_2_without_traceback_and_writes_nothing(catalogue):
    root, result, before, after = catalogue
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    assert len(error_lines(result)) == len(EXPECTED) - len(WARNED)
    assert before == after


@pytest.mark.parametrize("slug", sorted(GOOD))
def test_readable_articles_are_still_checked(catalogue, slug):
    import json

    _, result, _, _ = catalogue
    articles = {a["slug"]: a for a in json.loads(result.stdout)["articles"]}
    assert slug in articles
    assert not any(line.startswith(f"error: corpus/{slug}/") for line in error_lines(result))


@pytest.mark.parametrize("args, line", [
    (["check", "nowhere"], "error: nowhere: no such file or directory"),
    (["check", "corpus/plain/en.md"], "error: corpus/plain/en.md: is a file;"),
    (["check", "corpus/swapped/en.md", "corpus/swapped/ru.md"],
     "error: corpus/swapped/ru.md: expected Russian, detected English (files swapped?)"),
])
def test_bad_arguments(tmp_path, args, line):
    build(tmp_path / "corpus", {"plain": {}, "swapped": BAD["swapped"]})
    before = snapshot(tmp_path)
    result = run([*args, "--no-glossary"], cwd=tmp_path)
    assert result.returncode == 2
    assert [x for x in result.stderr.splitlines() if x.startswith("error: ")][0].startswith(line)
    assert "Traceback" not in result.stderr
    assert snapshot(tmp_path) == before
