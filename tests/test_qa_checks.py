"""The translators' QA checks, as literal tables: text in, the kind (or nothing) out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bilingual.checks import mechanical, repeated, style, typography, typos
from bilingual.checks.profiles import Profile, load_profile
from bilingual.errors import InputError

# ---------------------------------------------------------------- brackets and quotes

UNPAIRED = [
    # en | ru | kinds flagged
    ("He said: “We will win.”", "Он сказал: «Мы победим.", ["unpaired_quote"]),
    ("He said: “We will win.”", "Он сказал: «Мы победим».", []),
    ("He said: “We will win.”", 'Он сказал: "Мы победим".', []),
    ('He said: "We will win."', 'Он сказал: "Мы победим.', ["unpaired_quote"]),
    ("The bank (a state one) lent.", "Банк (государственный лишь выдал кредит.", ["unpaired_bracket"]),
    ("The bank (a state one) lent.", "Банк (государственный) выдал кредит.", []),
    # a quotation over two sentences: open on both sides alike
    ("“We will win.", "«Мы победим.", []),
    # the Russian turns the quotation into a dialogue dash: nothing to compare with
    ("“We will win.", "— Мы победим.", []),
    ("Almost like Gladiator.", "Почти как «Гладиатор.", ["unpaired_quote"]),  # a title in italics in English
    ("1) first point", "1) первый пункт", []),
    ("Nested “quotes „inside“ here”.", "Вложенные «кавычки „внутри“ здесь».", []),
]


@pytest.mark.parametrize("en,ru,kinds", UNPAIRED)
def test_unpaired(en, ru, kinds):
    assert [f.kind for f in mechanical.unpaired(en, ru)] == kinds


def test_unpaired_quote_cut_by_the_segmenter_is_excused_by_its_neighbour():
    en, ru = "He said we would win.", "Он сказал, что мы победим»."
    assert [f.kind for f in mechanical.unpaired(en, ru)] == ["unpaired_quote"]
    assert mechanical.unpaired(en, ru, around={"ru": ["«Он пришёл."]}) == []
    assert mechanical.unpaired(en, ru, around={"ru": ["«Он пришёл.", "Все встали."]}) == []


def test_a_neighbour_unbalanced_the_other_way_excuses_no_open_quote():
    # the sentence before ends a quotation it didn't open; this one opens its own and never closes it
    en = '"We all have to stay calm."'
    ru = "«Мы все должны сохранять спокойствие."
    before, after = "Все были рады», — сказал он.", "Потом все разошлись."
    assert [f.kind for f in mechanical.unpaired(en, ru, around={"ru": [before, after]})] == ["unpaired_quote"]
    # the quotation goes on in the next sentence, which closes it
    assert mechanical.unpaired(en, ru, around={"ru": [before, "Так будет лучше», — сказал он."]}) == []
    # an English quotation the Russian turned into dialogue dashes: nothing to compare with
    assert mechanical.unpaired("“He said we would win.", "— Он сказал, что мы победим.") == []


# ---------------------------------------------------------------- repeated word, double space

REPEATS = [
    ("ru", "Он был в в Москве.", "в в"),
    ("ru", "Он был в Москве.", None),
    ("en", "The the minister said.", "The the"),
    ("en", "He had had enough.", None),
    ("ru", "Он поехал на Бора Бора.", None),  # a name capitalised twice
    ("ru", "Так так, посмотрим.", None),
    ("en", "It cost 10 10 dollars.", None),  # numbers are not words
]


@pytest.mark.parametrize("lang,text,found", REPEATS)
def test_repeated_word(lang, text, found):
    out = mechanical.repeated_word(text, lang)
    assert [f.found for f in out] == ([found] if found else [])


@pytest.mark.parametrize("lang,text,other,found", [
    ("en", "It was very very cold.", "Было очень-очень холодно.", None),  # the translation repeats too
    ("en", "I I don't know.", "Я… я не знаю.", None),  # a stammer of the transcript, kept
    ("ru", "Это было давно давно.", "It was long, long ago.", None),
    ("en", "He went to the the shop.", "Он пошёл в магазин.", "the the"),
    ("ru", "Он пошёл в в магазин.", "He went to the shop.", "в в"),
])
def test_a_repetition_the_other_side_repeats_is_the_speakers(lang, text, other, found):
    out = mechanical.repeated_word(text, lang, other)
    assert [f.found for f in out] == ([found] if found else [])


@pytest.mark.parametrize("text,flagged", [
    ("Два  пробела.", True),
    ("Один пробел.", False),
    ("Hard break at the end  \nnext line", False),
    ("Tab\tand space", False),
])
def test_double_space(text, flagged):
    assert bool(mechanical.double_space(text, "ru")) is flagged


# ---------------------------------------------------------------- end punctuation

END = [
    ("Will he come?", "Он придёт.", "?"),
    ("Will he come?", "Придёт ли он?", None),
    ("He asked: “Will you come?”", "«Ты придёшь?» — спросил он.", None),
    ("Stop it!", "Прекрати.", "!"),
    ("Hello.", "Здравствуйте!", None),  # a Russian «!» the English lacks is the translator's right
    ("Is there one screw that turns?!", "Хоть один болт крутится?", None),  # "?!" asks
    ("Where is he?", "", None),
    ("You get an app that looks like this, all right?", "Вы получите вот такое приложение.", None),  # a tag
    ("Could you be so good as to lock it up?", "Будьте любезны, заприте его!", None),  # a request
    ("Why is it closed?", "Почему закрыто, непонятно.", "?"),
    # the form of the sentence, not only its last mark
    ("Nice weather today, isn't it?", "Хорошая сегодня погода, не правда ли.", "?"),  # the Russian kept a tag
    ("Is the bridge open?", "Открыт ли мост.", "?"),  # «ли» asks
    ('The driver asked: "Is the bridge open?"', "Водитель спросил, открыт ли мост.", "?"),  # «ли» still asks
    ('The driver asked: "Where is the bridge?"', "Водитель спросил, где мост.", None),  # reported speech
    ('The driver asked: "Where is the bridge?"', "Водитель спросил: «Где мост».", "?"),  # the quotation kept
    ('"Where is the bridge?"', "«Где мост».", "?"),  # the whole sentence is the quotation
]


@pytest.mark.parametrize("en,ru,expected", END)
def test_end_punctuation(en, ru, expected):
    out = mechanical.end_punctuation(en, ru)
    assert [f.expected for f in out] == ([expected] if expected else [])


# ---------------------------------------------------------------- URLs, e-mail, handles, hashtags, links

LINKS = [
    ("See https://example.org/a.", "См. https://example.org/a.", []),
    ("See https://example.org/a.", "См. сайт.", ["URL"]),
    ("See www.example.org.", "См. https://example.org/.", []),  # the same address written two ways
    ("Write to desk@example.org.", "Пишите на desk@example.org.", []),
    ("Write to desk@example.org.", "Пишите нам.", ["e-mail"]),
    ("Follow @newsdesk.", "Подписывайтесь на @newsdesk.", []),
    ("Follow @newsdesk.", "Подписывайтесь на @news_desk.", ["handle"]),
    ("Read [more](https://example.org/x).", "Читайте [далее](https://example.org/x).", []),
    ("Read [more](https://example.org/x).", "Читайте [далее](https://example.org/y).", ["URL"]),
    ("#Ukraine #war", "#Украина #война", []),  # hashtags may be translated
    ("#Ukraine #war", "#Украина", ["hashtag"]),
    ("Mail me at a@b.org.", "Пишите a@b.org.", []),
]


@pytest.mark.parametrize("en,ru,rules", LINKS)
def test_reference_parity(en, ru, rules):
    assert [f.rule for f in mechanical.reference_parity(en, ru)] == rules


MARKUP = [
    ("A **bold** claim.", "**Смелое** заявление.", []),
    ("A **bold** claim.", "Смелое заявление.", ["bold"]),
    ("An *italic* word.", "Слово _курсивом_.", []),
    ("Run `pip install`.", "Выполните pip install.", ["code"]),
    ("snake_case_name and a*b*c", "snake_case_name и a*b*c", []),
]


@pytest.mark.parametrize("en,ru,rules", MARKUP)
def test_markup_lost(en, ru, rules):
    assert [f.rule for f in mechanical.markup_lost(en, ru)] == rules


def test_length_ratio_uses_the_aligners_length_model():
    en = "The minister said the talks would resume next week in Geneva after a pause of several months."
    good = "Министр заявил, что переговоры возобновятся на следующей неделе в Женеве после паузы в несколько месяцев."
    assert mechanical.length_ratio(en, good) == []
    cut = "Министр заявил."
    (f,) = mechanical.length_ratio(en, cut)
    assert f.kind == "length_ratio" and "shorter" in f.message
    assert abs(mechanical.length_z(en, good)) < 2


# ---------------------------------------------------------------- typography

TYPOGRAPHY = [
    ("Рост составил 3.5 процента.", "decimal_comma", "3,5"),
    ("Рост составил 3,5 процента.", None, None),
    ("Встреча в 14.30 по Москве.", None, None),  # a time of day
    ("Версия 1.2.3 вышла.", None, None),
    ("Дата 12.05.2022.", None, None),
    ("Пришли 15000 человек.", "thousands", "15\u00a0000"),
    ("Пришли 15 000 человек.", None, None),
    ("Пришли 1500 человек.", None, None),  # four digits stay together
    ("Пришли 1,500,000 человек.", "thousands", "1\u00a0500\u00a0000"),
    ("Он пробежал 2,256 километра.", None, None),  # a Russian decimal
    ('Газета "Коммерсантъ" пишет.', "outer_quotes", "«»"),
    ("Газета «Коммерсантъ» пишет.", None, None),
    ("Он сказал: «Это „Газпром“».", None, None),  # „“ inside «» is right
    ("Москва - столица России.", "dash", " — "),
    ("Москва – столица России.", "dash", " — "),
    ("Москва — столица России.", None, None),
    ("Счёт 2-1, в 2020-2021 годах, северо-запад.", None, None),
    ("Рост на 5 %.", "percent", "5%"),
    ("Рост на 5%.", None, None),
    ("Сайт https://example.org/v1.5/a-b открыт.", None, None),  # the URL is not read
]


@pytest.mark.parametrize("ru,rule,expected", TYPOGRAPHY)
def test_typography(ru, rule, expected):
    out = typography.findings(ru)
    assert [(f.rule, f.expected) for f in out] == ([(rule, expected)] if rule else [])


def test_typography_rules_are_configurable():
    rules = typography.Typography.from_table({"dash": False, "percent_space": True})
    assert typography.findings("Москва - столица.", rules) == []
    assert [f.expected for f in typography.findings("Рост на 5%.", rules)] == ["5\u00a0%"]
    with pytest.raises(InputError, match="unknown typography rule 'dashes'"):
        typography.Typography.from_table({"dashes": False})


def test_a_decimal_the_english_writes_the_same_is_no_clock_time():
    assert typography.findings("Коэффициент 1.28.", en="odds of 1.28")[0].rule == "decimal_comma"


# ---------------------------------------------------------------- typos

SLIPS = [
    # word as written | intended | a likely slip?
    ("пермьер", "премьер", True),  # two letters swapped
    ("клечатки", "клетчатки", True),  # a letter dropped
    ("threshhold", "threshold", True),  # a letter doubled
    ("прихолились", "приходились", True),  # a neighbouring key (л/д)
    ("Хорошый", "Хороший", True),  # a letter of the same sound (ы/и)
    ("заценить", "заменить", False),  # ц and м are far apart: another word, not a slip
    ("запаре", "западе", False),
]


@pytest.mark.parametrize("word,intended,slip", SLIPS)
def test_likely_slip(word, intended, slip):
    assert typos.likely_slip(word, intended) is slip


def _typos(en, ru, glossary=None):
    linked_en = dict(enumerate(en))
    linked_ru = dict(enumerate(ru))
    return [(side, i, f.found, f.expected)
            for side, i, f in typos.article_typos(en, ru, glossary, linked_en=linked_en, linked_ru=linked_ru)]


def test_typo_in_a_dictionary_word_says_the_intended_form():
    en = ["The prime minister will arrive tomorrow.", "The government made a decision."]
    ru = ["Пермьер прибудет завтра.", "Правительство приняло рещение."]
    assert _typos(en, ru) == [("ru", 0, "Пермьер", "Премьер"), ("ru", 1, "рещение", "решение")]


def test_typo_in_a_name_the_article_repeats():
    en = ["Putin spoke.", "Putin said yes.", "Later Putin left.", "Putin returned."]
    ru = ["Путин выступил.", "Путин согласился.", "Позже Пуитн уехал.", "Путин вернулся."]
    assert _typos(en, ru) == [("ru", 2, "Пуитн", "Путин")]


def test_a_rare_real_name_is_no_typo():
    # «Мосс» is no dictionary word and one letter from «Мост», but it renders the English "Moss"
    en = ["Sheriff Darren Moss said the bridge was closed."]
    ru = ["Шериф Даррен Мосс сообщил, что мост закрыт."]
    assert _typos(en, ru) == []


def test_a_word_used_twice_in_the_article_is_no_typo():
    en = ["The hooker scored.", "Another hooker came on."]
    ru = ["Хукер занёс попытку.", "Вышел другой хукер."]
    assert _typos(en, ru) == []


def test_british_spelling_is_english():
    en = ["The neighbour recognised the colour of the centre."]
    assert _typos(en, ["Сосед узнал цвет центра."]) == []


def test_slang_in_use_on_the_web_is_no_typo():
    en = ["You have to check it out."]
    assert _typos(en, ["Ты должен это заценить."]) == []


def test_a_name_in_use_on_the_web_is_no_typo():
    # "Neill" is one letter from "Neil", the article's name, and a real name (wordfreq knows it)
    ru = ["Режиссёр Нил Янг встретился с Бломкампом.", "Позже Нил Янг ушёл."]
    en = ["The director Neil Young met Neill Blomkamp.", "Later Neil Young left."]
    assert _typos(en, ru) == []
    en = ["The director Neil Young met Nelil Blomkamp.", "Later Neil Young left."]  # a slip nobody writes
    assert _typos(en, ru) == [("en", 0, "Nelil", "Neil")]


def test_a_case_form_of_a_word_in_use_is_no_typo():
    # «хамамом» is rare on the web, its dictionary form «хамам» is not (and «хамасом» is one key away)
    en = ["After the gym we relaxed in a spa with a hammam."]
    assert _typos(en, ["После зала мы отдыхали в спа с хамамом."]) == []
    # a slip's guessed dictionary form is no word in use: «высокомреным» is still a slip
    en = ["He called the attitude arrogant."]
    assert _typos(en, ["Он назвал такое отношение высокомреным."]) == [("ru", 0, "высокомреным", "высокомерным")]


def test_a_word_derived_from_a_name_of_the_linked_side_is_no_typo():
    # «корнцам» (to the Cornish) is one key from «концам», but the English names Cornwall's people
    en = ["The old songs were dear to the Cornish."]
    assert _typos(en, ["Старые песни были дороги корнцам."]) == []
    assert _typos(["The old songs were dear to the ends."], ["Старые песни были дороги корнцам."]) \
        == [("ru", 0, "корнцам", "концам")]


def test_a_slip_in_the_ending_of_a_word():
    en = ["She only said that once.", "The agency confirmed it."]
    ru = ["Она сказалаа это один раз.", "Агентство подтвердилоо это."]
    assert _typos(en, ru) == [("ru", 0, "сказалаа", "сказала"), ("ru", 1, "подтвердилоо", "подтвердило")]


def test_a_slip_in_a_name_the_dictionary_knows():
    en = ["The talks took place in Germany."]
    assert _typos(en, ["Переговоры прошли в Гермаини."]) == [("ru", 0, "Гермаини", "Германии")]
    # a doubled ending letter is no case form of a name the dictionary knows
    en = ["Russia said no.", "He flew to Russia.", "Russia agreed later."]
    ru = ["Россия отказалась.", "Он улетел в Россиии.", "Позже Россия согласилась."]
    assert _typos(en, ru) == [("ru", 1, "Россиии", "России")]


def test_a_rendering_of_the_linked_english_name_is_no_typo():
    # «Дамин» is one letter from the dictionary name «Дамиан», but it renders "Daming" more closely
    en = ["The score was written by composer Daming Li."]
    assert _typos(en, ["Музыку написал композитор Дамин Ли."]) == []
    # a case form of a name the English gives, lowercase as Russian writes a brand: «на убере»
    assert _typos(["We took an Uber home."], ["Мы поехали домой на убере."]) == []


def test_a_slip_in_a_case_form_the_article_never_uses():
    # the article writes «Кравиц» twice, never «Кравицу»: the names engine declines it
    en = ["Kravitz sang.", "Then Kravitz left.", "Everyone applauded Kravitz."]
    ru = ["Кравиц спел.", "Потом Кравиц ушёл.", "Все аплодировали Крвицу."]
    assert _typos(en, ru) == [("ru", 2, "Крвицу", "Кравицу")]


def test_a_dropped_case_ending_of_a_place_is_a_slip():
    # «Бразили» is as close to "Brazil" as «Бразилии»: no rendering of its own
    en = ["Heavy rains hit Brazil."]
    assert _typos(en, ["Ливни обрушились на юг Бразили."]) == [("ru", 0, "Бразили", "Бразилии")]


def test_english_typo_and_glossary_name():
    from bilingual.model import Glossary, Term

    glossary = Glossary((Term("Scholz", "Шольц", "person"),), sha="t")
    en = ["Sholz noted that Germany definitley remains committed."]
    ru = ["Шольц отметил, что Германия по-прежнему привержена."]
    assert _typos(en, ru, glossary) == [("en", 0, "Sholz", "Scholz"), ("en", 0, "definitley", "definitely")]


# ---------------------------------------------------------------- house style

RULES = [
    {"id": "v-ukraine", "lemma": "на Украина", "message": "the site writes «в Украине»",
     "must_match": ["Он живёт на Украине.", "Поехал на Украину."], "must_not_match": ["Он живёт в Украине."]},
    {"id": "belarus", "lemma": "Белоруссия", "outside_quotes": True, "level": "error",
     "must_match": ["в Белоруссии", "с Белоруссией"], "must_not_match": ["газета «Белоруссия сегодня»"]},
    {"id": "no-okolo", "regex": r"(?i)\bоколо \d+ процент", "side": "ru",
     "must_match": ["около 5 процентов"], "must_not_match": ["почти 5 процентов"]},
    {"id": "kyiv", "literal": "Kiev", "side": "en", "must_match": ["in Kiev today"], "must_not_match": ["Kievan Rus"]},
]


def test_house_style_rules_pass_their_examples():
    rules = style.load_rules(RULES, "bilingual.toml")
    results = style.test_rules(rules)
    assert len(results) == 10 and all(r.ok for r in results)


def test_house_style_findings_carry_the_rules_level_and_side():
    rules = style.load_rules(RULES)
    (f,) = style.findings("Лукашенко правит в Белоруссии.", "ru", rules)
    assert (f.kind, f.rule, f.level, f.found) == ("house_style", "belarus", "error", "Белоруссии")
    assert style.findings("Lukashenko in Kiev.", "ru", rules) == []
    assert [f.rule for f in style.findings("Lukashenko in Kiev.", "en", rules)] == ["kyiv"]


def test_a_failing_example_is_reported():
    rules = style.load_rules([{"id": "x", "literal": "на Украине", "must_match": ["на Украину"]}])
    (r,) = style.test_rules(rules)
    assert not r.ok and r.should_match and not r.matched


@pytest.mark.parametrize("table,message", [
    ({"id": "a"}, "needs exactly one of literal, regex or lemma"),
    ({"id": "a", "regex": "("}, "regex does not compile"),
    ({"id": "a", "literal": "x", "level": "fatal"}, "level must be one of"),
    ({"id": "a", "literal": "x", "sides": "ru"}, "unknown key 'sides'"),
    ({"id": "a", "literal": "x", "must_match": "y"}, "must_match must be a list of strings"),
])
def test_a_bad_rule_is_one_clear_error(table, message):
    with pytest.raises(InputError, match=message) as err:
        style.load_rules([table], "bilingual.toml")
    assert str(err.value).startswith("bilingual.toml: house-style rule a:")


# ---------------------------------------------------------------- repeated text

def test_repeated_english_translated_two_ways():
    from bilingual.model import Link

    standing = "This article was produced with the support of our readers."
    a = repeated.collect([Link((0,), (0,))], [standing], ["Эта статья подготовлена при поддержке наших читателей."])
    b = repeated.collect([Link((0,), (0,))], [standing], ["Эта статья подготовлена при поддержке читателей."])
    c = repeated.collect([Link((0,), (0,))], [standing], ["Эта статья подготовлена при поддержке наших читателей!"])
    found = repeated.inconsistent({"a": a, "b": b, "c": c})
    assert list(found) == ["b"]  # a and c agree (punctuation aside): b departs
    (pair, f), = found["b"]
    assert f.kind == "inconsistent_repeat" and f.expected.startswith("Эта статья подготовлена при поддержке наших")


def test_short_lines_are_not_compared():
    from bilingual.model import Link

    a = repeated.collect([Link((0,), (0,))], ["Thank you."], ["Спасибо."])
    b = repeated.collect([Link((0,), (0,))], ["Thank you."], ["Благодарю."])
    assert repeated.inconsistent({"a": a, "b": b}) == {}


# ---------------------------------------------------------------- profiles

def test_profile_levels_and_folders(tmp_path):
    config = tmp_path / "bilingual.toml"
    profile = load_profile({"double_space": "off", "typography": "warning",
                            "folders": {"corpus/opinion": {"typography": "off"}}},
                           {"double_space", "typography", "typo"}, str(config))
    assert profile.level("double_space", "info") is None
    assert profile.level("typography", "info", str(tmp_path / "corpus/news/a/ru.md")) == "warning"
    assert profile.level("typography", "info", str(tmp_path / "corpus/opinion/a/ru.md")) is None
    assert profile.level("typo", "warning", str(tmp_path / "corpus/opinion/a/ru.md")) == "warning"
    assert not Profile()


def test_profile_names_unknown_checks():
    with pytest.raises(InputError, match="unknown check 'typos'"):
        load_profile({"typos": "off"}, {"typo"}, "bilingual.toml")
    with pytest.raises(InputError, match="must be one of off, info, warning, error"):
        load_profile({"typo": "loud"}, {"typo"}, "bilingual.toml")


# ---------------------------------------------------------------- through `check` and the CLI

def _article(root: Path, slug: str, en: list[str], ru: list[str]) -> None:
    (root / slug).mkdir(parents=True)
    (root / slug / "en.md").write_text("\n\n".join(en) + "\n", encoding="utf-8")
    (root / slug / "ru.md").write_text("\n\n".join(ru) + "\n", encoding="utf-8")


EN = ["Ministers met in Geneva on Monday.",
      "Will the talks resume next week?",
      "Details are at https://example.org/talks.",
      "The minister said the decision was final."]
RU = ["Министры встретились в Женеве в понедельник.",
      "Переговоры возобновятся на следующей неделе.",
      "Подробности на сайте.",
      "Министр заявил, что рещение окончательное."]


def _run(args, cwd):
    import os

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    return subprocess.run([sys.executable, "-m", "bilingual", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=300)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("qa")
    _article(root / "news", "talks", EN, RU)
    # the same slip in two articles would be the archive's word, not a slip: another one here
    _article(root / "opinion", "talks-2", EN, RU[:3] + ["Министр заявил, что решение окончатльное."])
    (root / "bilingual.toml").write_text('''
corpus = ["news", "opinion"]

[checks]
end_punctuation = "error"

[checks.folders."opinion"]
typo = "off"

[[rules]]
id = "ministers"
lemma = "министр"
side = "ru"
message = "house style test rule"
level = "info"
must_match = ["с министром"]
must_not_match = ["министерство"]
''', encoding="utf-8")
    return root


def test_check_reports_the_qa_kinds_with_the_profile(project):
    import json

    r = _run(["check", "-f", "json", "--no-glossary", "--no-cache", "-j", "1"], project)
    assert r.returncode == 1, r.stderr
    report = json.loads(r.stdout)
    by_slug = {a["slug"]: [(f["kind"], f["level"], f["found"], f["expected"]) for f in a["flags"]]
               for a in report["articles"]}
    news, opinion = by_slug["talks"], by_slug["talks-2"]
    assert ("end_punctuation", "error", ".", "?") in news
    assert ("link_mismatch", "warning", None, "example.org/talks") in news
    assert ("typo", "warning", "рещение", "решение") in news
    assert ("house_style", "info", "Министры", None) in news
    assert not any(k == "typo" for k, *_ in opinion)  # «окончатльное»: switched off for the folder
    assert any(k == "end_punctuation" for k, *_ in opinion)


def test_rules_test_and_list_checks(project):
    r = _run(["rules", "test"], project)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "1 rule(s), 2 example(s): 2 passed, 0 failed" in r.stdout
    r = _run(["check", "--list-checks"], project)
    assert r.returncode == 0
    lines = {line.split()[0]: line.split()[1] for line in r.stdout.splitlines()}
    assert lines["end_punctuation"] == "error" and lines["typo"] == "warning" and lines["forbidden_variant"] == "error"


def test_a_bad_rule_in_the_config_is_one_line(tmp_path):
    (tmp_path / "bilingual.toml").write_text('[[rules]]\nid = "x"\nregex = "("\n', encoding="utf-8")
    r = _run(["rules", "test"], tmp_path)
    assert r.returncode == 2
    assert r.stderr.strip().startswith("error: ") and "regex does not compile" in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_a_cut_translation_the_aligner_left_unlinked_gets_the_length_flag():
    from bilingual.checks.drift import check_pairs
    from bilingual.model import Link

    en = ["The minister said the talks would resume next week in Geneva after a pause of several months."]
    ru = ["Министр заявил."]
    flags = check_pairs(en, ru, links=[Link((0,), ()), Link((), (0,))])
    assert [(f.kind, f.en_index, f.ru_index) for f in flags if f.kind == "length_ratio"] == [("length_ratio", 0, 0)]
    assert {"omission", "addition"} <= {f.kind for f in flags}


def test_a_piece_of_a_quotation_the_segmenter_cut_has_no_length_to_judge():
    en = "The game is on the Sport TV channel at nine o'clock tonight, the organisers said today."
    ru = 'Спорт 2".'
    around = {"en": ["", ""], "ru": ['Игру покажет телеканал "Матч!', "Начало в девять."]}
    assert [f.kind for f in mechanical.pair_findings(en, ru, around=around)] == []
    assert [f.kind for f in mechanical.pair_findings(en, "Спорт.", around=around)] == ["length_ratio"]


def test_a_cut_sentence_the_aligner_merged_into_its_neighbours_link_gets_the_length_flag():
    from bilingual.checks.drift import check_pairs
    from bilingual.model import Link

    en = ["The minister arrived in Geneva on Monday morning.",
          "He said the talks would resume next week after a pause of several months, and that both sides"
          " had agreed on an agenda."]
    ru = ["Министр прибыл в Женеву в понедельник утром.", "Он сказал, что переговоры."]
    # the aligner gave the cut Russian sentence to the first English one and left the second unlinked
    flags = check_pairs(en, ru, links=[Link((0,), (0, 1)), Link((1,), ())])
    assert [(f.kind, f.en_index, f.ru_index) for f in flags if f.kind == "length_ratio"] == [("length_ratio", 1, 1)]
    # a true one-to-two link beside an omission: the first Russian sentence alone is too short for
    # its English, so nothing is read again
    ru = ["Министр прибыл в Женеву.", "Это случилось в понедельник утром."]
    flags = check_pairs(en, ru, links=[Link((0,), (0, 1)), Link((1,), ())])
    assert [f for f in flags if f.kind == "length_ratio"] == []


def test_an_address_in_the_neighbouring_sentence_of_an_unsure_link_is_no_mismatch():
    from bilingual.checks.drift import check_pairs
    from bilingual.model import Link

    en = ["Details are on the ministry's site.", "It is https://example.org/talks."]
    ru = ["Подробности — на сайте министерства https://example.org/talks.", "Вот он."]
    links = [Link((0,), (0,), 0.2, True), Link((1,), (1,), 0.2, True)]
    assert [f for f in check_pairs(en, ru, links=links) if f.kind == "link_mismatch"] == []
    sure = [Link((0,), (0,)), Link((1,), (1,))]
    assert len([f for f in check_pairs(en, ru, links=sure) if f.kind == "link_mismatch"]) == 2


def test_a_kind_off_for_the_whole_archive_is_not_looked_for():
    from bilingual.checks.drift import check_pairs
    from bilingual.checks.qa import KINDS, QASettings, use_settings

    en, ru = ["Will they come?"], ["Они придут в  срок."]
    try:
        use_settings(QASettings(profile=Profile(tuple((k, "off") for k in sorted(KINDS)))))
        assert [f for f in check_pairs(en, ru) if f.kind in KINDS] == []
        use_settings(QASettings(profile=Profile((("double_space", "off"),))))
        assert {f.kind for f in check_pairs(en, ru) if f.kind in KINDS} == {"end_punctuation"}
    finally:
        use_settings(None)
    assert {f.kind for f in check_pairs(en, ru) if f.kind in KINDS} == {"end_punctuation", "double_space"}
