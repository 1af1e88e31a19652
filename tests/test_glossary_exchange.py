"""Export and import: CSV, TSV, TBX round trips; import merges and reports conflicts."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual.errors import GlossaryError
from bilingual.glossary import load_glossary, parse_glossary
from bilingual.glossary.exchange import export_glossary, import_glossary, read_terms
from bilingual.glossary.load import formula_like
from bilingual.model import Glossary, Term

HEADER = "en,ru,type,variants,forbidden,note\n"

# Cell text: Latin, Cyrillic, ё, XML and CSV specials, typographic marks; stripped, not formula-like.
ALPHABET = "abcXYZ АбвЁё.,'\"&<>«»’-()0123"
cell = st.text(ALPHABET, min_size=1, max_size=12).map(str.strip).filter(lambda s: s and not formula_like(s) and s[0] != "-")
optional = st.one_of(st.just(""), cell)
forms = st.lists(cell.filter(lambda s: ";" not in s), max_size=3, unique=True).map(tuple)


@st.composite
def glossaries(draw):
    ens = draw(st.lists(cell, min_size=1, max_size=6, unique=True))
    terms = tuple(Term(en=en, ru=draw(cell), type=draw(optional), variants=draw(forms), forbidden=draw(forms),
                       note=draw(st.one_of(optional, st.just("two\nlines")))) for en in ens)
    return Glossary(terms)


def fields(terms):
    return [(t.en, t.ru, t.type, t.variants, t.forbidden, t.note) for t in terms]


@settings(max_examples=150, deadline=None)
@given(glossaries(), st.sampled_from(["tbx", "tsv", "csv"]))
def test_round_trip_keeps_every_term_variant_and_note(tmp_path_factory, g, fmt):
    d = tmp_path_factory.mktemp("rt")
    out = d / f"g.{fmt}"
    out.write_bytes(export_glossary(g, fmt))
    back = read_terms(out)
    assert fields(back) == fields(g.terms)
    # ... and back to CSV
    assert fields(parse_glossary(export_glossary(Glossary(back), "csv")).terms) == fields(g.terms)


def test_translate_toolkit_reads_our_tbx():
    from translate.storage import tbx

    g = Glossary((Term("Kyiv", "Киев", "city", ("Кийв",), ("Київ",), "capital"),
                  Term("NATO", "НАТО", "organization")))
    store = tbx.tbxfile.parsestring(export_glossary(g, "tbx"))
    assert [(u.source, u.target) for u in store.units] == [("Kyiv", "Киев"), ("NATO", "НАТО")]
    assert store.units[0].getnotes() == "capital"


def test_we_read_translate_toolkit_tbx(tmp_path):
    from translate.storage import tbx

    store = tbx.tbxfile(sourcelanguage="en", targetlanguage="ru")
    unit = store.addsourceunit("Zaporizhzhia")
    unit.target = "Запорожье"
    p = tmp_path / "tt.tbx"
    p.write_bytes(bytes(store))
    assert fields(read_terms(p)) == [("Zaporizhzhia", "Запорожье", "", (), (), "")]


def test_tbx_v3_and_statuses(tmp_path):
    p = tmp_path / "v3.tbx"
    p.write_text("""<?xml version="1.0"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en"><text><body>
<conceptEntry id="c1"><descrip type="subjectField">city</descrip>
 <langSec xml:lang="en-US"><termSec><term>Kharkiv</term></termSec></langSec>
 <langSec xml:lang="ru"><termSec><term>Харьков</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
  <termSec><term>Харкив</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
  <termSec><term>Харьковская область</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry></body></text></tbx>""", "utf-8")
    assert fields(read_terms(p)) == [("Kharkiv", "Харьков", "city", ("Харьковская область",), ("Харкив",), "")]


@pytest.mark.parametrize("content, message", [
    ("<martif><text><body><termEntry>", "not valid TBX"),
    ('<martif><text><body><termEntry><langSet xml:lang="ru"><tig><term>Киев</term></tig></langSet>'
     "</termEntry></body></text></martif>", "without an English term"),
    ('<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>Kyiv</term></tig></langSet>'
     "</termEntry></body></text></martif>", "no allowed Russian term"),
])
def test_bad_tbx(tmp_path, content, message):
    p = tmp_path / "bad.tbx"
    p.write_text(content, "utf-8")
    with pytest.raises(GlossaryError, match=message) as info:
        read_terms(p)
    assert info.value.path == str(p)


def test_external_entities_are_refused_not_resolved(tmp_path):
    p = tmp_path / "xxe.tbx"
    p.write_text('<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/hostname">]><martif><text><body><termEntry>'
                 '<langSet xml:lang="en"><tig><term>&x;</term></tig></langSet><langSet xml:lang="ru"><tig>'
                 "<term>Киев</term></tig></langSet></termEntry></body></text></martif>", "utf-8")
    with pytest.raises(GlossaryError, match="XML entity declaration 'x' refused") as info:
        read_terms(p)
    assert info.value.path == str(p)


def test_import_merges_and_reports_conflicts(tmp_path):
    gp = tmp_path / "glossary.csv"
    gp.write_text(HEADER + "Kyiv,Киев,city,,Київ,\nNATO,НАТО,,,,alliance\nSumy,Сумы,city,,,\n", "utf-8")
    src = tmp_path / "in.tbx"
    src.write_bytes(export_glossary(Glossary((
        Term("Kyiv", "Киев", "city", ("Кийв",), ("Кыив", "Київ")),  # new variant and forbidden form: merged
        Term("NATO", "НАТО", "organization", (), (), "military alliance"),  # type filled, note conflicts
        Term("Sumy", "Суми", "city"),  # another ru: conflict, kept ours
        Term("Lviv", "Львов", "city"),  # new: added
    )), "tbx"))
    report = import_glossary(gp, src)
    assert [t.en for t in report.added] == ["Lviv"]
    assert [t.en for t in report.merged] == ["Kyiv", "NATO"]
    assert [(c.en, c.column, c.ours, c.theirs) for c in report.conflicts] == [
        ("NATO", "note", "alliance", "military alliance"), ("Sumy", "ru", "Сумы", "Суми")]
    assert gp.read_text("utf-8") == HEADER + (
        "Kyiv,Киев,city,Кийв,Київ;Кыив,\nNATO,НАТО,organization,,,alliance\nSumy,Сумы,city,,,\nLviv,Львов,city,,,\n")


def test_import_dry_run_writes_nothing(tmp_path):
    gp = tmp_path / "glossary.csv"
    gp.write_text(HEADER + "Kyiv,Киев,city,,,\n", "utf-8")
    src = tmp_path / "in.tsv"
    src.write_text("en\tru\ttype\tvariants\tforbidden\tnote\nLviv\tЛьвов\tcity\t\t\t\n", "utf-8")
    report = import_glossary(gp, src, dry_run=True)
    assert [t.en for t in report.added] == ["Lviv"]
    assert [t.en for t in load_glossary(gp)] == ["Kyiv"]


def test_import_refuses_a_forbidden_form_we_allow(tmp_path):
    gp = tmp_path / "glossary.csv"
    gp.write_text(HEADER + "Kyiv,Киев,city,Кийв,,\n", "utf-8")
    src = tmp_path / "in.csv"
    src.write_text(HEADER + "Kyiv,Киев,city,,Кийв,\n", "utf-8")
    report = import_glossary(gp, src)
    assert [(c.column, c.theirs) for c in report.conflicts] == [("forbidden", "Кийв")]
    assert load_glossary(gp).terms[0].forbidden == ()
