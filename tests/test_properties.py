"""Properties over arbitrary input: the drift rules never crash, and the JSON and TMX the CLI
writes always parse back to what went in.

Segmentation spans, aligner invariants and glossary CSV/TBX round trips have their
properties next to their own tests (test_segment, test_align, test_glossary_exchange).
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from bilingual.cli import app
from bilingual.checks.drift import KINDS, check_pairs
from bilingual.glossary import load_glossary
from bilingual.report.tmx import read_tmx

from .helpers import SMALL_GLOSSARY

# The characters editors paste in by accident: bidi marks and isolates, zero-width
# (non-)joiners, BOM, soft hyphen, combining accents, emoji with modifiers and ZWJ
# sequences, NBSP, typographic quotes, and the glossary's own names.
ODD = ["\u200f", "\u200e", "\u202e", "\u2066", "\u2069", "\u200d", "\u200c", "\ufeff", "\u00ad",
       "\u0301", "\u0308", "\u0306", "👍🏽", "👨‍👩‍👧", "🇺🇦", "\u00a0", "«", "»", "„", "—", "…",
       "Kyiv", "Київ", "Киеве", "Молдавии", "Moldova", "NATO", "НАТО", "Путина", "2024", "1,5", "70%",
       "10 000", "U.S.", "т. е.", "<script>", "&amp;", "\"", "'", "\\", "\t"]
piece = st.one_of(st.sampled_from(ODD), st.text(max_size=6))
odd_text = st.lists(piece, max_size=12).map("".join)


def _glossary(tmp_path_factory):
    path = tmp_path_factory.mktemp("g") / "glossary.csv"
    path.write_text(SMALL_GLOSSARY, encoding="utf-8")
    return load_glossary(path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(odd_text, odd_text), max_size=5))
def test_drift_rules_never_crash_on_arbitrary_unicode(tmp_path_factory, pairs):
    glossary = _glossary(tmp_path_factory)
    en = [e for e, _ in pairs]
    ru = [r for _, r in pairs]
    for flags in (check_pairs(en, ru, glossary), check_pairs(en, ru, None)):
        for f in flags:
            assert f.kind in KINDS
            assert f.en_index is None or 0 <= f.en_index < len(en)
            assert f.ru_index is None or 0 <= f.ru_index < len(ru)
            assert f.message


EN_SENTENCES = ["Putin met officials in Kyiv on Monday.", "NATO ministers will meet in Brussels.",
                "Moldova wants to join the EU.", "At least 21 people were killed in Kharkiv.",
                "Trump said the talks would continue."]
RU_SENTENCES = ["Путин встретился с чиновниками в Киеве в понедельник.", "Министры НАТО встретятся в Брюсселе.",
                "Молдавия хочет вступить в ЕС.", "В Харькове погибли по меньшей мере 12 человек.",
                "Трамп сказал, что переговоры продолжатся."]
# Characters that survive reading (no NUL, which marks a binary file) but not every XML writer.
CONTROL = ["\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\ufffe", "\ud7ff", "\U0001f600"]


def sentences(pool):
    decorated = st.tuples(st.sampled_from(pool), st.lists(st.sampled_from(ODD + CONTROL), max_size=3),
                          st.integers(0, 3))

    def build(t):
        s, extra, at = t
        words = s.split(" ")
        words.insert(min(at, len(words)), "".join(extra))
        return " ".join(w for w in words if w)

    return st.lists(decorated.map(build), min_size=1, max_size=6)


def _write(folder, en, ru):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "en.txt").write_text("\n".join(en) + "\n", encoding="utf-8")
    (folder / "ru.txt").write_text("\n".join(ru) + "\n", encoding="utf-8")
    (folder / "g.csv").write_text(SMALL_GLOSSARY, encoding="utf-8")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sentences(EN_SENTENCES), sentences(RU_SENTENCES))
def test_align_tmx_parses_back_to_the_linked_lines(tmp_path_factory, en, ru):
    folder = tmp_path_factory.mktemp("tmx")
    _write(folder, en, ru)
    res = CliRunner().invoke(app, ["align", str(folder / "en.txt"), str(folder / "ru.txt"), "--split", "lines",
                                   "-g", str(folder / "g.csv"), "--format", "tmx", "-o", str(folder / "out.tmx")])
    assert res.exit_code == 0, (res.output, res.exception)
    # a byte-order mark opening a file is the encoding's, not the text's: the reader drops it
    en_lines = [l.strip() for l in _without_bom(en) if l.strip()]
    ru_lines = [l.strip() for l in _without_bom(ru) if l.strip()]
    units = read_tmx((folder / "out.tmx").read_bytes())
    assert units
    for source, target, link in units:
        assert link is not None and link.en and link.ru
        assert _xml_safe(source) == _xml_safe(" ".join(en_lines[i] for i in link.en))
        assert _xml_safe(target) == _xml_safe(" ".join(ru_lines[j] for j in link.ru))


def _without_bom(lines: list[str]) -> list[str]:
    return [lines[0].removeprefix("\ufeff"), *lines[1:]] if lines else lines


def _xml_safe(text: str) -> str:
    """The text as XML 1.0 can carry it: the writer drops the characters it can't, not the unit."""
    return "".join(c for c in text if c in "\t\n\r" or 0x20 <= ord(c) <= 0xD7FF or 0xE000 <= ord(c) <= 0xFFFD
                   or ord(c) >= 0x10000)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sentences(EN_SENTENCES), sentences(RU_SENTENCES))
def test_check_json_parses_back(tmp_path_factory, en, ru):
    folder = tmp_path_factory.mktemp("json")
    _write(folder, en, ru)
    res = CliRunner().invoke(app, ["check", str(folder / "en.txt"), str(folder / "ru.txt"),
                                   "-g", str(folder / "g.csv"), "--format", "json"])
    assert res.exit_code in (0, 1, 2), res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    report = json.loads(res.stdout)
    assert set(report) == {"signature", "articles", "summary", "accepted", "stale_baseline", "not_checked"}
    (article,) = report["articles"]
    en_text = (folder / "en.txt").read_text(encoding="utf-8")
    ru_text = (folder / "ru.txt").read_text(encoding="utf-8")
    if res.exit_code == 2:
        assert article["error"] and not article["flags"]
        return
    assert sum(report["summary"].values()) == len(article["flags"])
    for f in article["flags"]:
        assert f["kind"] in KINDS
        assert f["en_text"] is None or f["en_text"].split(" ")[0] in en_text
        assert f["ru_text"] is None or f["ru_text"].split(" ")[0] in ru_text
