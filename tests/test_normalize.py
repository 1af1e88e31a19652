"""Invisible and look-alike characters: matched through, reported on the original's characters."""

from __future__ import annotations

import pytest

from bilingual.checks.drift import check_pairs
from bilingual.glossary import Matcher
from bilingual.model import Glossary, Term
from bilingual.sources.normalize import keep_stress, normalize
from bilingual.translate.enforce import Enforcer

G = Glossary((
    Term("Moldova", "Молдова", "country", forbidden=("Молдавия",)),
    Term("Kyiv", "Киев", "city", forbidden=("Київ",)),
    Term("WHO", "ВОЗ", "organization"),
))
M = Matcher(G)

# what is hidden in the Russian | the form the hit reports (the original characters)
HIDDEN = [
    ("\u00ad", "soft hyphen"),
    ("\u200b", "zero-width space"),
    ("\u200c", "zero-width non-joiner"),
    ("\u200d", "zero-width joiner"),
    ("\u2060", "word joiner"),
    ("\ufeff", "BOM inside text"),
    ("\u0301", "stress mark"),
]


@pytest.mark.parametrize("char, name", HIDDEN)
def test_invisible_characters_hide_no_forbidden_form(char, name):
    text = f"в Молда{char}вии"
    [hit] = M.find_ru(text)
    assert (hit.term.en, hit.kind, hit.form) == ("Moldova", "forbidden", f"Молда{char}вии")
    assert text[hit.start:hit.stop] == hit.form


@pytest.mark.parametrize("char, name", HIDDEN)
def test_invisible_characters_cause_no_missing_term(char, name):
    assert check_pairs(["Moldova wants to join."], [f"Мол{char}дова хочет вступить."], G) == []


@pytest.mark.parametrize("text, form, kind", [
    ("в Мoлдавии", "Мoлдавии", "forbidden"),  # Latin o
    ("в Мoлдове", "Мoлдове", "allowed"),
    ("Kиев", "Kиев", "allowed"),  # Latin K
    ("в Kиєві", "Kиєві", "forbidden"),
])
def test_latin_look_alikes_inside_cyrillic_words(text, form, kind):
    [hit] = M.find_ru(text)
    assert (hit.form, hit.kind) == (form, kind)


def test_cyrillic_look_alike_inside_an_english_word():
    assert [h.form for h in M.find_en("According to WНO data")] == ["WНO"]


@pytest.mark.parametrize("text, clean", [
    ("Мол\u00adдова", "Молдова"),
    ("Молда\u0301вии", "Молдавии"),
    ("Мoлдова и Kиев", "Молдова и Киев"),
    ("WНO", "WHO"),
    ("plain text", "plain text"),
    ("iPhone-ом", "iPhone-ом"),  # separate words: nothing to unify
])
def test_normalize(text, clean):
    n = normalize(text)
    assert n.text == clean
    assert n.span(0, len(n.text)) == (0, len(text))  # the whole copy is the whole original


@pytest.mark.parametrize("text, fixed", [
    ("с Молда\u0301вией", "с Молдо\u0301вой"),  # the case of «с Молдавией», the stress kept
    ("с Молдавией", "с Молдовой"),
    ("в Мол\u00adдавии", "в Молдове"),
    ("в Мoлдавии", "в Молдове"),
])
def test_fix_sees_through_hidden_characters(text, fixed):
    assert Enforcer(G).correct(text).text == fixed


def test_keep_stress_on_the_vowel_of_the_same_rank():
    assert keep_stress("Молда\u0301вией", "Молдовой") == "Молдо\u0301вой"
    assert keep_stress("Молдавией", "Молдовой") == "Молдовой"
