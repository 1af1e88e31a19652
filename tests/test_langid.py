"""Language identification: seeded langdetect, short texts, Ukrainian vs Russian."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bilingual.sources import langid
from bilingual.sources.langid import detect, detect_probs, language_name, _sample

# (text, language)
CASES = [
    ("Former CIA Director William J. Burns acknowledged the risk on Tuesday in Washington.", "en"),
    ("Бывший директор ЦРУ Уильям Бернс во вторник признал этот риск в Вашингтоне.", "ru"),
    ("Колишній директор ЦРУ Вільям Бернс у вівторок визнав цей ризик у Вашингтоні.", "uk"),
    ("Der ehemalige CIA-Direktor William Burns räumte das Risiko am Dienstag ein.", "de"),
    ("Владимир Путин заявил, что Россия готова к переговорам с Украиной.", "ru"),
    ("Володимир Зеленський заявив, що Україна готова до переговорів з партнерами.", "uk"),
]


@pytest.mark.parametrize("text, lang", CASES)
def test_detects_language(text, lang):
    assert detect(text) == lang


@pytest.mark.parametrize("text", [
    "", "   ", "Киев", "Kyiv", "OK", "12 345 678 — 2025", "Це правда", "NATO, EU, UN, U.S.",
])
def test_too_few_letters_is_none(text):
    assert detect(text) is None
    assert detect_probs(text) == ()


def test_same_answers_in_a_fresh_process():
    code = ("import sys; from bilingual.sources.langid import detect\n"
            "for t in sys.argv[1:]: print(detect(t))")
    texts = [t for t, _ in CASES]
    out = subprocess.run([sys.executable, "-c", code, *texts], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [lang for _, lang in CASES]


def test_probabilities_best_first():
    probs = detect_probs(CASES[1][0])
    assert probs[0][0] == "ru" and probs[0][1] > 0.9
    assert [p for _, p in probs] == sorted((p for _, p in probs), reverse=True)


@pytest.mark.parametrize("text, candidates, lang", [
    (CASES[0][0], {"en", "ru"}, "en"),
    (CASES[2][0], {"ru", "uk", "en"}, "uk"),
    (CASES[3][0], {"en", "ru"}, "en"),  # German is outside the candidates: nearest of them
    (CASES[3][0], {"en", "ru", "de"}, "de"),
    (CASES[0][0], {"zz"}, "en"),  # no known candidate: all languages
    (CASES[1][0], {"en", "ru"}, "ru"),  # the only Cyrillic candidate
    (CASES[2][0], {"en", "ru"}, "ru"),  # Ukrainian is not a candidate: nearest of them
    ("Déjà vu: the café reopened in Kyiv on Monday.", {"en", "ru", "uk"}, "en"),
])
def test_candidates_restrict_the_answer(text, candidates, lang):
    assert detect(text, candidates) == lang


def test_long_text_judged_on_a_sample_from_across_it():
    en = CASES[0][0] + " "
    ru = CASES[1][0] + " "
    text = en * 40 + ru * 400
    sample = _sample(text)
    assert len(sample) <= 2100
    assert "Washington" in sample and "Вашингтоне" in sample
    assert detect(text) == "ru"


@pytest.mark.parametrize("code, name", [("en", "English"), ("ru", "Russian"), ("uk", "Ukrainian"),
                                        ("xx", "xx"), (None, "unknown")])
def test_language_names(code, name):
    assert language_name(code) == name


@pytest.mark.parametrize("text, candidates", [
    (CASES[0][0], {"en", "ru", "uk"}),
    (CASES[1][0], {"en", "ru", "uk"}),
    (CASES[2][0], {"en", "ru", "uk"}),
    ("Путин встретился с Biden и Macron в Женеве на прошлой неделе.", {"en", "ru", "uk"}),
])
def test_script_shortcut_agrees_with_langdetect(text, candidates):
    from bilingual.sources.langid import _key, _probs, _sample

    full = _probs(_sample(text), _key(candidates))
    assert detect(text, candidates) == full[0][0]


# (text, whether its letters alone say Russian; otherwise langdetect decides)
LETTERS = [
    ("Переговоры в Киеве возобновились в пятницу, сообщили в министерстве.", True),
    ("Президент заявил, что переговоры с G7 и NATO продолжатся на этой неделе.", True),
    # Ukrainian letters in capitalised words only: names spelt the Ukrainian way in Russian
    ("Власти Киева (по-украински «Київ») объявили тревогу, сообщили военные.", True),
    ("Переговоры в Києві и Харкові возобновились в пятницу.", True),
    # in a lowercase word: Ukrainian, or Russian quoting Ukrainian; the model decides
    ("Переговори в Києві відновилися в п'ятницю, повідомили в міністерстві.", False),
    ("Он сказал: «Ми не відступимо», — и вышел из зала заседаний.", False),
    ("Встреча прошла в Києві в понедельник.", False),  # no «ы» or «э» outside the name
    # no «ы» or «э»: nothing certain
    ("Встреча прошла в Киеве в понедельник.", False),
    # Bulgarian has «ъ» but neither «ы» nor «э»; Belarusian has «ы» and «ў»
    ("Министърът на външните работи заяви, че преговорите ще продължат.", False),
    ("Міністр замежных спраў заявіў, што перамовы працягнуцца.", False),
    # mostly Latin: a mixed text is left to the model
    ("The minister said the talks with Россией would resume on Friday in Brussels.", False),
]


@pytest.mark.parametrize("text, russian", LETTERS)
def test_russian_by_letters(text, russian):
    assert langid._russian_by_letters(text) is russian


@pytest.mark.parametrize("text", [t for t, russian in LETTERS if russian])
def test_letters_decide_without_the_ngram_model(text, monkeypatch):
    def no_model(*args):
        raise AssertionError("langdetect was asked")

    monkeypatch.setattr(langid, "_probs", no_model)
    assert langid.detect(text, {"en", "ru", "uk"}) == "ru"
    assert langid.detect(text * 4) == "ru"  # whole-document detection, past the short-text rule


@pytest.mark.parametrize("text, lang", [
    ("Переговори в Києві відновилися в п'ятницю, повідомили в міністерстві.", "uk"),
    ("Министърът на външните работи заяви, че преговорите ще продължат. " * 3, "bg"),
])
def test_texts_the_letters_leave_open_go_to_the_model(text, lang):
    assert langid.detect(text) == lang


@pytest.mark.parametrize("text, script", [
    ("The minister said on Monday that the talks would resume in Brussels next week. " * 3, langid._LATIN),
    ("Der Minister sagte am Montag, dass die Gespräche nächste Woche in Brüssel fortgesetzt werden. " * 3,
     langid._LATIN),
    ("Министърът на външните работи заяви, че преговорите ще продължат. " * 3, langid._CYRILLIC),
])
def test_a_one_script_text_is_weighed_against_that_scripts_languages(text, script, monkeypatch):
    asked = []
    real = langid._factory

    def factory(candidates):
        asked.append(candidates)
        return real(candidates)

    monkeypatch.setattr(langid, "_factory", factory)
    langid._probs.cache_clear()
    lang = langid.detect(text)
    assert asked and all(c is not None and c <= script for c in asked)
    assert lang in script


# A Cyrillic language whose own letters a text never uses is not its language: short Russian
# sentences without «ы»/«э» read to the n-gram model as Ukrainian.
@pytest.mark.parametrize("text, expected", [
    ("Потому что у них нет денег платить ему, Петро.", "ru"),
    ("Луна повисела над садом, но потом утонула за тучами.", "ru"),
    ("1. заголовок HTML-документа вплоть до <title>", "ru"),
    ("3. тело HTML-документа вплоть до </body>", "ru"),
    ("Бо в них немає грошей платити йому, Петре.", "uk"),
    ("Місто готується до зими, кажуть у мерії.", "uk"),
])
def test_cyrillic_language_needs_its_own_letters(text, expected):
    assert detect(text, candidates=("ru", "uk", "be")) == expected
