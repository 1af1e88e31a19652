"""Loading and validating glossary CSVs: each error names file and line."""

from pathlib import Path

import hashlib

import pytest

from bilingual.errors import GlossaryError
from bilingual.glossary import (
    COLUMNS, glossary_from_frame, glossary_to_frame, load_glossary, save_glossary,
)
from bilingual.model import Glossary, Term

HEADER = "en,ru,type,variants,forbidden,note\n"
GOOD = (HEADER
        + "Kyiv,Киев,city,,Київ;Кыив,\n"
        + "Zaporizhzhia,Запорожье,region,Запорожская область,Запоріжжя;Запорижжя,\n"
        + "Moldova,Молдова,country,,Молдавия,never Молдавия\n")


def write(tmp_path, text: str | bytes, name="glossary.csv") -> Path:
    p = tmp_path / name
    p.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return p


def test_loads_terms_with_lists_and_lines(tmp_path):
    p = write(tmp_path, GOOD)
    g = load_glossary(p)
    assert [t.en for t in g] == ["Kyiv", "Zaporizhzhia", "Moldova"]
    kyiv, zap, mol = g.terms
    assert kyiv.forbidden == ("Київ", "Кыив")
    assert zap.variants == ("Запорожская область",)
    assert mol.note == "never Молдавия"
    assert [t.line for t in g] == [2, 3, 4]
    assert g.path == str(p)
    assert g.sha == hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.mark.parametrize("data", [
    GOOD.encode("utf-8"),
    b"\xef\xbb\xbf" + GOOD.encode("utf-8"),  # BOM
    GOOD.replace("\n", "\r\n").encode("utf-8"),  # CRLF
])
def test_encodings_and_line_endings(tmp_path, data):
    g = load_glossary(write(tmp_path, data))
    assert [t.ru for t in g] == ["Киев", "Запорожье", "Молдова"]
    assert [t.line for t in g] == [2, 3, 4]


def test_blank_lines_are_skipped_and_lines_still_count(tmp_path):
    g = load_glossary(write(tmp_path, HEADER + "\nKyiv,Киев,city,,,\n   \nNATO,НАТО,organization,,,\n"))
    assert [(t.en, t.line) for t in g] == [("Kyiv", 3), ("NATO", 5)]


def test_quoted_cells_with_commas_and_newlines(tmp_path):
    text = HEADER + 'Kyiv,Киев,city,,,"capital, since 1934"\nNATO,НАТО,organization,,,"two\nlines"\nPutin,Путин,person,,,\n'
    g = load_glossary(write(tmp_path, text))
    assert g.terms[0].note == "capital, since 1934"
    assert g.terms[1].note == "two\nlines"
    assert [t.line for t in g] == [2, 3, 5]


def test_cells_are_stripped_and_extra_columns_ignored(tmp_path):
    text = "en,ru,type,variants,forbidden,note,owner\n Kyiv , Киев ,city, , Київ ; Кыив ,,desk\n"
    (t,) = load_glossary(write(tmp_path, text)).terms
    assert (t.en, t.ru, t.forbidden) == ("Kyiv", "Киев", ("Київ", "Кыив"))


def test_same_en_with_same_ru_loads(tmp_path):
    g = load_glossary(write(tmp_path, HEADER + "Kyiv,Киев,city,,,\nKyiv,Киев,city,,,\n"))
    assert len(g) == 2  # lint reports it; the loader doesn't refuse it


@pytest.mark.parametrize("text, line, message", [
    ("en,ru,type,variants,forbidden\nKyiv,Киев,city,,\n", 1, "missing column note"),
    ("en,type,variants,forbidden,note\n", 1, "missing column ru"),
    ("english,russian\nKyiv,Киев\n", 1, "missing columns en, ru"),
    ("en;ru;type;variants;forbidden;note\nKyiv;Киев;city;;;\n", 1, "separated by ';'"),
    ("en\tru\ttype\tvariants\tforbidden\tnote\n", 1, "separated by a tab"),
    ("", 1, "empty file"),
    (HEADER + "Kyiv,Киев,city,,,\n,Запорожье,region,,,\n", 3, "empty 'en' cell"),
    (HEADER + "Kyiv,,city,,,\n", 2, "empty 'ru' cell"),
    (HEADER + "Kyiv,Киев,city,,,\nNATO,НАТО,,,,\nKyiv,Кыив,city,,,\n", 4, "duplicate en 'Kyiv' with another ru"),
    (HEADER + "Kyiv,Киев,city,,,\n,,,,,\n", 3, "empty row"),
    (HEADER + ",,\n", 2, "empty row"),
    (HEADER + "Kyiv,Киев,city,,\n", 2, "row has 5 cells, the header has 6"),
    (HEADER + 'Kyiv,"=HYPERLINK(""http://x"")",city,,,\n', 2, "formula-like"),
    (HEADER + "Kyiv,Киев,+city,,,\n", 2, "formula-like"),
    (HEADER + "Kyiv,Киев,city,,,@SUM(A1)\n", 2, "formula-like"),
    (HEADER + "Kyiv,Киев,city,,-cmd,\n", 2, "formula-like"),
    (HEADER + 'Kyiv,Киев,city,,,"unterminated\n', 2, "malformed CSV"),
    ("en,ru,type,variants,forbidden,note,en\n", 1, "appears twice"),
])
def test_validation_errors_name_file_and_line(tmp_path, text, line, message):
    p = write(tmp_path, text)
    with pytest.raises(GlossaryError) as info:
        load_glossary(p)
    err = info.value
    assert err.path == str(p)
    assert err.line == line
    assert message in err.message
    assert str(err).startswith(f"{p}:{line}: ")


def test_a_negative_number_is_not_a_formula(tmp_path):
    (t,) = load_glossary(write(tmp_path, HEADER + "Kyiv,Киев,city,,,-5 degrees\n")).terms
    assert t.note == "-5 degrees"


def test_not_utf8_names_the_line(tmp_path):
    p = write(tmp_path, HEADER.encode() + "Kyiv,Киев,city,,,\n".encode() + "NATO,НАТО,,,,\n".encode("cp1251"))
    with pytest.raises(GlossaryError) as info:
        load_glossary(p)
    assert info.value.line == 3
    assert "UTF-8" in info.value.message


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "nope.csv", "not found"),
    (lambda d: d, "directory"),
])
def test_unreadable_paths(tmp_path, make, message):
    with pytest.raises(GlossaryError, match=message):
        load_glossary(make(tmp_path))


def test_frame_round_trip(tmp_path):
    g = load_glossary(write(tmp_path, GOOD))
    df = glossary_to_frame(g)
    assert list(df.columns) == [*COLUMNS, "line"]
    assert df.loc[1, "variants"] == "Запорожская область"
    assert df.loc[0, "forbidden"] == "Київ;Кыив"
    back = glossary_from_frame(df.drop(columns="line"))
    assert [(t.en, t.ru, t.type, t.variants, t.forbidden, t.note) for t in back] == \
           [(t.en, t.ru, t.type, t.variants, t.forbidden, t.note) for t in g]
    assert back.sha  # a digest of the rows, for signatures


def test_frame_validation_reports_csv_lines():
    import pandas as pd

    df = pd.DataFrame({"en": ["Kyiv", "Kyiv"], "ru": ["Киев", "Кыив"], "type": ["", ""],
                       "variants": [None, None], "forbidden": [["Київ"], []], "note": ["", ""]})
    with pytest.raises(GlossaryError) as info:
        glossary_from_frame(df, path="frame")
    assert (info.value.path, info.value.line) == ("frame", 3)


def test_save_is_atomic_and_reloads(tmp_path):
    g = Glossary((Term("Kyiv", "Киев", "city", (), ("Київ", "Кыив")), Term("NATO", "НАТО", "organization",
                  ("Североатлантический альянс",), (), "alliance, 1949")))
    p = tmp_path / "out.csv"
    saved = save_glossary(g, p)
    text = p.read_text("utf-8")
    assert text.splitlines()[0] == ",".join(COLUMNS)
    assert '"alliance, 1949"' in text
    again = load_glossary(p)
    assert [(t.en, t.forbidden, t.note) for t in again] == [(t.en, t.forbidden, t.note) for t in g]
    assert saved.sha == again.sha
    assert [f.name for f in tmp_path.iterdir()] == ["out.csv"]  # no temporary left behind


def test_save_refuses_an_invalid_glossary(tmp_path):
    p = tmp_path / "out.csv"
    p.write_text(GOOD, "utf-8")
    bad = Glossary((Term("Kyiv", "Киев"), Term("Kyiv", "Кыив")))
    with pytest.raises(GlossaryError):
        save_glossary(bad, p)
    assert p.read_text("utf-8") == GOOD


def test_shipped_glossary_loads():
    shipped = Path(__file__).resolve().parents[1] / "glossary.csv"
    if not shipped.exists():
        pytest.skip("glossary.csv not in this checkout")
    g = load_glossary(shipped)
    assert len(g) >= 40
