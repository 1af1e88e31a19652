"""English variants of a term: the optional `en_variants` column, through load, edits, exchange and matching."""

import pytest

from bilingual.glossary import Matcher, load_glossary
from bilingual.glossary.edit import add_term, set_term
from bilingual.glossary.exchange import export_glossary, import_glossary, read_terms
from bilingual.model import Glossary, Term

SIX = "en,ru,type,variants,forbidden,note\nEuropean Union,Евросоюз,organization,ЕС,,\n"
SEVEN = ("en,ru,type,variants,forbidden,note,en_variants\n"
         "European Union,Евросоюз,organization,ЕС,,,EU;E.U.\n"
         "Kyiv,Киев,city,,Київ,,\n")


@pytest.mark.parametrize("text, en_variants", [
    (SIX, {"European Union": ()}),  # old six-column files keep working
    (SEVEN, {"European Union": ("EU", "E.U."), "Kyiv": ()}),
])
def test_load(tmp_path, text, en_variants):
    p = tmp_path / "g.csv"
    p.write_text(text, encoding="utf-8")
    assert {t.en: t.en_variants for t in load_glossary(p).terms} == en_variants


def test_add_with_en_variants_adds_the_column(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text(SIX, encoding="utf-8")
    t = add_term(p, "World Health Organization", "ВОЗ", type="organization", en_variants=["WHO"])
    assert t.en_variants == ("WHO",)
    assert p.read_text(encoding="utf-8").splitlines() == [
        "en,ru,type,variants,forbidden,note,en_variants",
        "European Union,Евросоюз,organization,ЕС,,,",
        "World Health Organization,ВОЗ,organization,,,,WHO",
    ]


def test_set_adds_and_replaces_en_variants(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text(SEVEN, encoding="utf-8")
    assert set_term(p, "Kyiv", add_en_variants=["Kiev"]).en_variants == ("Kiev",)
    assert set_term(p, "European Union", en_variants="EU").en_variants == ("EU",)
    assert set_term(p, "European Union", add_en_variants=["EU", "E.U."]).en_variants == ("EU", "E.U.")


@pytest.mark.parametrize("fmt", ["csv", "tsv", "tbx"])
def test_export_import_round_trip(tmp_path, fmt):
    g = load_glossary(_write(tmp_path, SEVEN))
    out = tmp_path / f"out.{fmt}"
    out.write_bytes(export_glossary(g, fmt))
    assert {t.en: t.en_variants for t in read_terms(out)} == {"European Union": ("EU", "E.U."), "Kyiv": ()}


def test_import_merges_new_en_variants(tmp_path):
    target = tmp_path / "g.csv"
    target.write_text(SIX, encoding="utf-8")
    source = _write(tmp_path, SEVEN, "in.csv")
    report = import_glossary(target, source)
    assert [t.en for t in report.added] == ["Kyiv"]
    assert {t.en: t.en_variants for t in load_glossary(target).terms} == {"European Union": ("EU", "E.U."),
                                                                            "Kyiv": ()}


@pytest.mark.parametrize("text, expected", [
    ("EU ministers met", [("European Union", "EU", "variant")]),
    ("the E.U. said", [("European Union", "E.U.", "variant")]),
    ("the European Union said", [("European Union", "European Union", "allowed")]),
])
def test_en_variants_are_matched(text, expected):
    m = Matcher(Glossary((Term("European Union", "Евросоюз", "organization", en_variants=("EU", "E.U.")),)))
    assert [(h.term.en, h.form, h.kind) for h in m.find_en(text)] == expected


def _write(tmp_path, text, name="g.csv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_mine_accept_takes_en_variants_from_the_review_csv(tmp_path):
    from bilingual.mining.mine import accept

    reviewed = _write(tmp_path, "en,ru,type,variants,forbidden,note,en_variants,confidence,status\n"
                                "Olaf Scholz,Олаф Шольц,person,,,,Scholz,0.9,accepted\n"
                                "Kyiv,Киев,city,,,,Kiev,0.8,rejected\n", "reviewed.csv")
    target = _write(tmp_path, SIX)
    report = accept(target, reviewed)
    assert [(t.en, t.en_variants) for t in report.added] == [("Olaf Scholz", ("Scholz",))]
    assert {t.en: t.en_variants for t in load_glossary(target).terms} == {"European Union": (),
                                                                            "Olaf Scholz": ("Scholz",)}
