"""Editing the glossary file: untouched rows keep their bytes, bad changes are refused, no lost rows."""

import multiprocessing

import pytest

from bilingual.errors import GlossaryError
from bilingual.glossary import load_glossary
from bilingual.glossary.edit import add_term, filter_terms, remove_term, set_term

ORIGINAL = ('en,ru,type,variants,forbidden,note,owner\r\n'
            'Kyiv,Киев,city,,"Київ;Кыив",,desk\r\n'
            '\r\n'
            'NATO,НАТО,organization,,,"alliance, 1949",x\r\n')


@pytest.fixture
def gpath(tmp_path):
    p = tmp_path / "glossary.csv"
    p.write_bytes(b"\xef\xbb\xbf" + ORIGINAL.encode("utf-8"))
    return p


def text(p):
    data = p.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM is kept
    return data[3:].decode("utf-8")


def test_add_appends_and_keeps_everything_else(gpath):
    term = add_term(gpath, "Putin", "Путин", type="person", note="President")
    assert (term.en, term.ru, term.line) == ("Putin", "Путин", 5)
    assert text(gpath) == ORIGINAL + "Putin,Путин,person,,,President,\r\n"


def test_add_to_a_file_without_final_newline(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("en,ru,type,variants,forbidden,note\nKyiv,Киев,city,,,", "utf-8")
    add_term(p, "Sumy", "Сумы", type="city", variants=["Сумская область"])
    assert p.read_text("utf-8") == "en,ru,type,variants,forbidden,note\nKyiv,Киев,city,,,\nSumy,Сумы,city,Сумская область,,\n"


def test_set_changes_only_the_given_cells(gpath):
    term = set_term(gpath, "Kyiv", add_forbidden=["Киів"], note="capital")
    assert term.forbidden == ("Київ", "Кыив", "Киів")
    assert text(gpath) == ORIGINAL.replace('Kyiv,Киев,city,,"Київ;Кыив",,desk',
                                           "Kyiv,Киев,city,,Київ;Кыив;Киів,capital,desk")


def test_set_can_rename(gpath):
    set_term(gpath, "Kyiv", new_en="Kyiv city")
    assert [t.en for t in load_glossary(gpath)] == ["Kyiv city", "NATO"]


def test_remove_keeps_the_rest(gpath):
    removed = remove_term(gpath, "Kyiv")
    assert removed.ru == "Киев"
    assert text(gpath) == ORIGINAL.replace('Kyiv,Киев,city,,"Київ;Кыив",,desk\r\n', "")


@pytest.mark.parametrize("change, message", [
    (lambda p: add_term(p, "Kyiv", "Кыив"), "already in the glossary"),
    (lambda p: add_term(p, "Kyiv", "Киев"), "already in the glossary"),
    (lambda p: add_term(p, "Lviv", ""), "empty 'ru' cell"),
    (lambda p: add_term(p, "=HYPERLINK(1)", "Львов"), "may not start with"),
    (lambda p: add_term(p, "Lviv", "Львов\nx"), "line break"),
    (lambda p: add_term(p, "Lviv", "Львов", forbidden="Львов"), "both allowed and forbidden"),
    (lambda p: set_term(p, "Kyiv", ru=""), "empty 'ru' cell"),
    (lambda p: set_term(p, "Kyiv", forbidden="Киев"), "both allowed and forbidden"),
    (lambda p: set_term(p, "Kyiv", new_en="NATO"), "already in the glossary"),
    (lambda p: set_term(p, "Lviv", ru="Львов"), "no term 'Lviv'"),
    (lambda p: remove_term(p, "Lviv"), "no term 'Lviv'"),
])
def test_invalid_changes_are_refused_and_nothing_is_written(gpath, change, message):
    before = gpath.read_bytes()
    with pytest.raises(GlossaryError, match=message):
        change(gpath)
    assert gpath.read_bytes() == before
    assert sorted(f.name for f in gpath.parent.iterdir()) == ["glossary.csv"]


def test_an_invalid_glossary_is_not_edited(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("en,ru,type,variants,forbidden,note\nKyiv,,city,,,\n", "utf-8")
    with pytest.raises(GlossaryError) as info:
        add_term(p, "Lviv", "Львов")
    assert info.value.line == 2


def _add_many(args):
    path, worker = args
    for i in range(10):
        add_term(path, f"Name {worker}-{i}", f"Имя {worker}-{i}", type="person")


def test_concurrent_adds_never_lose_a_row(tmp_path):
    p = tmp_path / "glossary.csv"
    p.write_text("en,ru,type,variants,forbidden,note\n", "utf-8")
    with multiprocessing.get_context("fork").Pool(4) as pool:
        pool.map(_add_many, [(str(p), w) for w in range(4)])
    g = load_glossary(p)
    assert sorted(t.en for t in g) == sorted(f"Name {w}-{i}" for w in range(4) for i in range(10))


@pytest.mark.parametrize("type_, text_, expected", [
    ("city", None, ["Kyiv"]),
    (None, "кыив", ["Kyiv"]),
    (None, "alliance", ["NATO"]),
    (None, "nothing", []),
    (None, None, ["Kyiv", "NATO"]),
])
def test_filter_terms(gpath, type_, text_, expected):
    assert [t.en for t in filter_terms(load_glossary(gpath), type=type_, text=text_)] == expected


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

NAMES = ["Kyiv", "NATO", "Lviv", "Sumy", "Odesa", "Rivne"]
RU = {"Kyiv": "Киев", "NATO": "НАТО", "Lviv": "Львов", "Sumy": "Сумы", "Odesa": "Одесса", "Rivne": "Ровно"}
ops = st.lists(st.tuples(st.sampled_from(["add", "set", "remove"]), st.sampled_from(NAMES),
                         st.sampled_from(["", "note one", "note, with comma", 'a "quoted" note'])), max_size=8)


@settings(max_examples=60, deadline=None)
@given(ops)
def test_edits_leave_other_rows_byte_for_byte(tmp_path_factory, steps):
    p = tmp_path_factory.mktemp("ed") / "glossary.csv"
    p.write_bytes(b"\xef\xbb\xbf" + ORIGINAL.encode("utf-8"))
    for op, en, note in steps:
        before = _records(p)
        try:
            if op == "add":
                add_term(p, en, RU[en], type="city", note=note)
            elif op == "set":
                set_term(p, en, note=note)
            else:
                remove_term(p, en)
        except GlossaryError:
            assert _records(p) == before  # refused: nothing changed
            continue
        after = _records(p)
        assert {k: v for k, v in before.items() if k != en} == {k: v for k, v in after.items() if k != en}
        load_glossary(p)  # still valid


def _records(p):
    """en -> the exact raw text of its row."""
    import csv as _csv
    import io as _io

    text = p.read_bytes().decode("utf-8-sig")
    lines = _io.StringIO(text, newline="").readlines()
    reader = _csv.reader(_io.StringIO(text, newline=""))
    next(reader)
    out, start = {}, reader.line_num
    for cells in reader:
        if cells and cells[0].strip():
            out[cells[0].strip()] = "".join(lines[start:reader.line_num])
        start = reader.line_num
    return out
