"""Names written into Russian sentences in the case they need (``bilingual.russian``).

Every row is literal: the sentence as an editor or a translation model left it,
and the sentence after the glossary is enforced, with the rule that decided.
"""

from __future__ import annotations

import pytest

from bilingual.glossary import parse_glossary
from bilingual.russian.grammar import adjective_cases, phrase_cases, predicate_agreement
from bilingual.translate.enforce import Enforcer

GLOSSARY = parse_glossary("""\
en,ru,type,variants,forbidden,note
Moldova,Молдова,country,,Молдавия,
Belarus,Беларусь,country,,Белоруссия,
Kyrgyzstan,Кыргызстан,country,,Киргизия,
Germany,Германия,country,,Германія,
Kyiv,Киев,city,,Київ,
Kharkiv,Харьков,city,,Харків;Харкив,
Lviv,Львов,city,,Львів,
Mykolaiv,Николаев,city,,Миколаїв,
Chernihiv,Чернигов,city,,Чернігів,
Zaporizhzhia,Запорожье,city,,Запоріжжя,
Dnipro,Днепр,city,,Дніпро,
Dnipropetrovsk,Днепропетровск,city,,Днипропетровск,
Scholz,Шольц,person,,,
Ukraine,Украина,country,,Украіна,
Ireland,Ирландия,country,,Ірландія,
Vienna,Вена,city,,Вєна,
Vladimir,Владимир,person,,Владімір,
Lewis,Льюис,person,,Льюіс,
Great Britain,Великобритания,country,,Велікобрітанія,
China,Китай,country,,Кітай,
Manchester,Манчестер,city,,Манчєстєр,
Athens,Афины,city,,Афіни,
Liverpool,Ливерпуль,city,,,
Russia,Россия,country,,,
Vladimir Putin,Владимир Путин,person,,,
France,Франция,country,,Франція,
Italy,Италия,country,,Італія,
Spain,Испания,country,,Іспанія,
Poland,Польша,country,,Польща,
Georgia,Грузия,country,,Грузія,
Turkey,Турция,country,,Турція,
Paris,Париж,city,,Паріж,
Africa,Африка,region,,Афріка,
Korea,Корея,country,,Корєя,
Macron,Макрон,person,,,
""".encode(), "glossary.csv")


@pytest.fixture(scope="module")
def enforcer() -> Enforcer:
    return Enforcer(GLOSSARY)


# what the editor wrote | what fix must make of it | the rule that decides
FIX = [
    # a dative in a coordinated list: the members share one case
    ("Решено передать оружие Украине, Грузии и Молдавии.", "Решено передать оружие Украине, Грузии и Молдове.",
     "enumeration"),
    # a genitive after a noun, before a coordinated adjective phrase
    ("Войска заняли часть Запоріжжя и Херсонской области.", "Войска заняли часть Запорожья и Херсонской области.",
     "model"),
    # «на» with a pressure noun: the accusative, not the prepositional
    ("Это усилит давление на Днипропетровск.", "Это усилит давление на Днепропетровск.", "direction"),
    # an indeclinable respelling after a noun: the genitive
    ("Жители Харків провели ночь в укрытиях.", "Жители Харькова провели ночь в укрытиях.", "genitive_modifier"),
    # «из» governs the genitive; motion «в» the accusative
    ("Поезда из Київ в Львів отменены.", "Поезда из Киева в Львов отменены.", "preposition"),
    # a coordinated genitive: «Белоруссии» alone could be genitive, dative or prepositional
    ("Власти Белоруссии и Польши обсудили границу.", "Власти Беларуси и Польши обсудили границу.", "conjunct"),
    # arriving «в» a city: the accusative
    ("Делегация прибыла в Миколаїв утром.", "Делегация прибыла в Николаев утром.", "direction"),
    # a genitive after a noun, the name as the object's owner
    ("Город потерял связь с пригородами Чернігів вчера.", "Город потерял связь с пригородами Чернигова вчера.",
     "genitive_modifier"),
    # a noun that names the kind of place takes the name in apposition
    ("Трасса Харкив закрыта.", "Трасса Харьков закрыта.", "model"),
    # a declinable synonym of another gender: the accusative stays accusative
    ("Президент наградил Киргизию за помощь.", "Президент наградил Кыргызстан за помощь.", "form"),
    # «с» + the instrumental, a noun of another declension
    ("Переговоры с Белоруссией зашли в тупик.", "Переговоры с Беларусью зашли в тупик.", "form"),
    # «вокруг» governs the genitive
    ("Министры обсудили положение вокруг Запоріжжя.", "Министры обсудили положение вокруг Запорожья.",
     "preposition"),
    # «по» governs the dative
    ("Удары по Дніпро продолжаются.", "Удары по Днепру продолжаются.", "preposition"),
    # where one is born or studies: the prepositional
    ("Он родился в Львів и учился в Київ.", "Он родился в Львове и учился в Киеве.", "model"),
    # an adjective between the preposition and the name agrees with it: «в» + loct, not accs
    ("Туристы отдыхали в Северной Ірландія все лето.", "Туристы отдыхали в Северной Ирландии все лето.",
     "adjective_agreement"),
    # a relative pronoun before the name is no adjective of it
    ("Это кризис, с которым Київ может столкнуться весной.", "Это кризис, с которым Киев может столкнуться весной.",
     "subject"),
    # a first name agrees with the surname after it, not with the title before
    ("Лидер страны Владімір Путин посетил завод.", "Лидер страны Владимир Путин посетил завод.", "first_name"),
    ("Журналисты поговорили с гонщиком Льюіс Хэмилтоном.", "Журналисты поговорили с гонщиком Льюисом Хэмилтоном.",
     "first_name"),
    # a capital in apposition to «столица»: the case of «столице»
    ("В австрийской столице Вєна прошел концерт.", "В австрийской столице Вене прошел концерт.", "apposition"),
    # a club keeps its name in the nominative
    ("Вспышка произошла в клубе Манчєстєр Юнайтед.", "Вспышка произошла в клубе Манчестер Юнайтед.", "model"),
    # «в»/«на» after a word of delivery, invasion or sending: the accusative
    ("Россия продолжает поставки газа в Германія.", "Россия продолжает поставки газа в Германию.", "direction"),
    ("Эксперты обсуждали возможное вторжение в Украіна.", "Эксперты обсуждали возможное вторжение в Украину.",
     "direction"),
    ("Корабли отправят в Афіни до конца года.", "Корабли отправят в Афины до конца года.", "direction"),
    # the noun before hands over to the noun it depends on: deliveries (of arms) to
    ("Россия нарастила поставки оружия на Украіна.", "Россия нарастила поставки оружия на Украину.", "direction"),
    # «в»/«на» opening the sentence, no word of motion: where something happens
    ("В Італія готовятся к выборам.", "В Италии готовятся к выборам.", "fronted_place"),
    ("На Украіна собрали урожай раньше обычного.", "На Украине собрали урожай раньше обычного.", "fronted_place"),
    # ... but a word of motion still takes the accusative
    ("В Іспанія вернулись туристы.", "В Испанию вернулись туристы.", "direction"),
    # no direction word: the tagger reads «на» as where
    ("Численность войск на Украіна не изменилась.", "Численность войск на Украине не изменилась.", "model"),
    # the parser's subject, but the verb is plural: the verb's object
    ("Аналитики считают, что Украіна перестанут поддерживать союзники.",
     "Аналитики считают, что Украину перестанут поддерживать союзники.", "subject"),
    ("Ночью Київ снова обстреляли.", "Ночью Киев снова обстреляли.", "subject"),
    # a neuter verb can't agree with the name: it hangs on the noun before it, in the genitive
    ("Министерство здравоохранения Велікобрітанія сообщило о случаях.",
     "Министерство здравоохранения Великобритании сообщило о случаях.", "genitive_modifier"),
    # the parser joins «Байден» to the name, but the tagger all but rules out the nominative there
    ("Ли со стороны Кітай и Байден со стороны США выступили вместе.",
     "Ли со стороны Китая и Байден со стороны США выступили вместе.", "model"),
    # a genitive after a noun, past the name's adjective
    ("Он встретился с президентом Южной Афріка вчера.", "Он встретился с президентом Южной Африки вчера.",
     "genitive_modifier"),
    # after a form of government a state's name keeps the nominative
    ("Посольство в Республике Корєя открылось.", "Посольство в Республике Корея открылось.", "apposition"),
    # a verb near words of arrival in the embeddings, but nearer none clearly: where, not where to
    ("Макрон встретился с Шольцем в Паріж в пятницу.", "Макрон встретился с Шольцем в Париже в пятницу.",
     "model"),
    # an adjective used as a noun governs the name: no agreement, the genitive
    ("Сборная Італія обыграла Францию.", "Сборная Италии обыграла Францию.", "genitive_modifier"),
    # the doer of a verbal noun before its object; not when a verb follows
    ("Применение Кітай новых технологий обсуждали.", "Применение Китаем новых технологий обсуждали.", "agent"),
    ("Наступление Украіна продолжается.", "Наступление Украины продолжается.", "genitive_modifier"),
    # a genitive after a noun in quotes
    ('Журналисты назвали это "вмешательством" Кітай во внутренние дела.',
     'Журналисты назвали это "вмешательством" Китая во внутренние дела.', "genitive_modifier"),
]


@pytest.mark.parametrize("text, expected, rule", FIX)
def test_fix_case(enforcer, text, expected, rule):
    result = enforcer.correct(text)
    assert result.text == expected
    assert result.replacements[0].decision.rule == rule


# Names in a list share one case: what the editor wrote | what fix makes of it | the rule behind
# each replacement, in order
LISTS = [
    # the first member carries the preposition; the later ones read the earlier ones' forms
    ("Выставка пройдет в Германії, Франції, Італії, Іспанії и Польщі.",
     "Выставка пройдет в Германии, Франции, Италии, Испании и Польше.",
     ["model", "enumeration", "enumeration", "enumeration", "preposition"]),
    # a later forbidden form the dictionary knows («Молдавией») is read as written
    ("Соглашения с Украіна, Молдавией и Грузія подписаны.", "Соглашения с Украиной, Молдовой и Грузией подписаны.",
     ["enumeration", "form", "enumeration"]),
    ("Министр посетил Германія, Франція и Італія на прошлой неделе.",
     "Министр посетил Германию, Францию и Италию на прошлой неделе.", ["model", "enumeration", "enumeration"]),
    # a later member takes the first member's preposition
    ("Санкции против России, Китая и Турція усилены.", "Санкции против России, Китая и Турции усилены.",
     ["preposition"]),
    ("Делегаты из Японии, Кореи, а также Кітай обсудили торговлю.",
     "Делегаты из Японии, Кореи, а также Китая обсудили торговлю.", ["preposition"]),
    # the known members' readings intersect: «Польше» is dative or prepositional, «Молдавии» too
    ("Компания работает в Польше, Молдавии и Украіна.", "Компания работает в Польше, Молдове и Украине.",
     ["preposition", "enumeration"]),
    ("Переговоры с Францией, Германией или Італія продолжатся.",
     "Переговоры с Францией, Германией или Италией продолжатся.", ["enumeration"]),
    # a clause boundary ends the list: «, и» joins clauses, «, что» opens one
    ("Войска вошли в Грузию, Турцию и Италию, и Украіна выразила протест.",
     "Войска вошли в Грузию, Турцию и Италию, и Украина выразила протест.", ["subject"]),
    ("Министры Франции, Италии и Испании заявили, что Украіна получит помощь.",
     "Министры Франции, Италии и Испании заявили, что Украина получит помощь.", ["subject"]),
]


@pytest.mark.parametrize("text, expected, rules", LISTS)
def test_fix_list(enforcer, text, expected, rules):
    result = enforcer.correct(text)
    assert result.text == expected
    assert [r.decision.rule for r in result.replacements] == rules


# English source | what the model returned | the restored Russian
RESTORE = [
    # a surname agrees with the first name before it
    ("Olaf Scholz said so.", "Олаф ZX1 сказал это.", "Олаф Шольц сказал это."),
    ("They praised Olaf Scholz.", "Они похвалили Олафа ZX1.", "Они похвалили Олафа Шольца."),
    # a country after a noun, with English «of»
    ("The minister of Germany arrived.", "Министр ZX1 прибыл.", "Министр Германии прибыл."),
    # a model that left the sentence in English: no Russian to read a case from, the nominative
    ("He went to Kyiv.", "He went to ZX1.", "He went to Киев."),
    # a subject at the start of the sentence
    ("Moldova voted against.", "ZX1 проголосовала против.", "Молдова проголосовала против."),
    # a person's name in apposition to a title takes the title's case
    ("Once President Vladimir Putin signs the decree.", "Когда президент ZX1 подпишет указ.",
     "Когда президент Владимир Путин подпишет указ."),
    # «the city of X» is an apposition, not a genitive
    ("The summit in the city of Liverpool ended.", "Саммит в городе ZX1 завершился.",
     "Саммит в городе Ливерпуле завершился."),
    # a genitive after a quoted noun; «против» governs the genitive
    ("Russia's trade war against Ukraine.", '"Торговая война" ZX1 против ZX2 осуждена.',
     '"Торговая война" России против Украины осуждена.'),
    # an invasion goes «в» + accusative
    ("Russia invaded Ukraine.", "ZX1 вторглась в ZX2.", "Россия вторглась в Украину."),
    # a list of placeholders: the first decided, the later ones read it
    ("The fair is held in Germany, France, Italy and Spain.", "Ярмарка пройдет в ZX1, ZX2, ZX3 и ZX4.",
     "Ярмарка пройдет в Германии, Франции, Италии и Испании."),
    ("He thanked Germany, France and Italy.", "Он поблагодарил ZX1, ZX2 и ZX3.",
     "Он поблагодарил Германию, Францию и Италию."),
    ("Agreements with Ukraine, Moldova and Georgia.", "Соглашения с ZX1, ZX2 и ZX3.",
     "Соглашения с Украиной, Молдовой и Грузией."),
    # a list of names is a plural subject: the plural verb agrees with it
    ("Russia, China and Turkey are allies.", "ZX1, ZX2 и ZX3 являются союзниками.",
     "Россия, Китай и Турция являются союзниками."),
    # a capitalised common noun that opens the sentence is no member of the list
    ("Leaders of France, Germany and Italy met.", "Лидеры ZX1, ZX2 и ZX3 встретились.",
     "Лидеры Франции, Германии и Италии встретились."),
    # a genitive after a noun, past the name's adjective
    ("He met the president of South Africa.", "Он встретился с президентом Южной ZX1.",
     "Он встретился с президентом Южной Африки."),
    # a state's official name keeps the nominative
    ("Elections in the Republic of Moldova.", "Выборы в Республике ZX1 прошли.", "Выборы в Республике Молдова прошли."),
    ("The Republic of Korea protested.", "Республика ZX1 выразила протест.", "Республика Корея выразила протест."),
    # English «to» with no Russian preposition: the dative; not «according to», not «to X's»
    ("Military aid to Ukraine grew.", "Военная помощь ZX1 выросла.", "Военная помощь Украине выросла."),
    ("They lost to Germany.", "Они проиграли ZX1.", "Они проиграли Германии."),
    ("According to Russia, the talks failed.", "По данным ZX1, переговоры провалились.",
     "По данным России, переговоры провалились."),
    ("Commitment to Ukraine's sovereignty.", "Приверженность суверенитету ZX1.", "Приверженность суверенитету Украины."),
    ("Flights to Kyiv resumed.", "Рейсы в ZX1 возобновились.", "Рейсы в Киев возобновились."),
    # a name that opens a title in quotes keeps its own form
    ("the Russia 1 channel's host", 'ведущий телеканала "ZX1 1" сказал', 'ведущий телеканала "Россия 1" сказал'),
    ("the Ukraine hotel", 'в гостинице "ZX1"', 'в гостинице "Украина"'),
    # meeting in a city is where, not where to
    ("Macron met Scholz in Paris on Friday.", "ZX1 встретился с ZX2 в ZX3 в пятницу.",
     "Макрон встретился с Шольцем в Париже в пятницу."),
    ("The leaders met in Paris.", "Лидеры встретились в ZX1.", "Лидеры встретились в Париже."),
    # the doer of a verbal noun, before its object in the genitive: the instrumental
    ("Russia's build-up of forces worries Kyiv.", "Наращивание ZX1 военной мощи беспокоит ZX2.",
     "Наращивание Россией военной мощи беспокоит Киев."),
    # a name in a quoted company name after a noun: the genitive
    ("Naftogaz of Ukraine said so.", '"Нафтогаз ZX1" заявил об этом.', '"Нафтогаз Украины" заявил об этом.'),
]


@pytest.mark.parametrize("en, mt, expected", RESTORE)
def test_restore_case(enforcer, en, mt, expected):
    result = enforcer.restore(enforcer.protect(en), mt)
    assert result is not None and result.text == expected


# Only the characters of the forbidden form change; stress accents stay.
SURFACE = [
    ("Трасса Харкив-Сумы закрыта.", "Трасса Харьков-Сумы закрыта."),
    ("Сборная Молдавии-2 проиграла.", "Сборная Молдовы-2 проиграла."),
    ("Договор с Молда́вией подписан.", "Договор с Молдо́вой подписан."),
    ("Граница Молда́вии закрыта.", "Граница Молдо́вы закрыта."),
    # a word derived from the name is not a form of it: left alone (and reported)
    ("Жители Харкивщины недовольны.", "Жители Харкивщины недовольны."),
]


@pytest.mark.parametrize("text, expected", SURFACE)
def test_fix_touches_only_the_name(enforcer, text, expected):
    assert enforcer.correct(text).text == expected


def test_derived_word_is_reported(enforcer):
    result = enforcer.correct("Жители Харкивщины недовольны.")
    assert result.notes == ("«Харкивщины» is derived from a forbidden form; left as it is",)


def test_stress_accent_does_not_change_the_case(enforcer):
    plain = enforcer.correct("Договор с Молдавией подписан.").replacements[0]
    marked = enforcer.correct("Договор с Молда́вией подписан.").replacements[0]
    assert (plain.case, marked.case) == ("ablt", "ablt")


def test_rules_alone_without_the_model():
    # No tagger: the rules still decide what they are sure of.
    result = Enforcer(GLOSSARY, use_model=False).correct("Переговоры с Белоруссией зашли в тупик.")
    assert result.text == "Переговоры с Беларусью зашли в тупик."


def test_decision_in_json(enforcer):
    rep = enforcer.correct("Переговоры с Белоруссией зашли в тупик.").replacements[0]
    assert rep.to_dict() == {"old": "Белоруссией", "new": "Беларусью", "term": "Belarus", "case": "ablt",
                             "rule": "form", "cue": "«Белоруссией»: ablt", "uncertain": False}


# The agreement helpers the rules read: word | number | gender | cases (or verdict)
ADJECTIVES = [
    ("Южной", "sing", "femn", {"gent", "datv", "ablt", "loct"}),
    ("Южную", "sing", "femn", {"accs"}),
    ("Южной", "sing", "masc", set()),  # doesn't agree with a masculine name
    ("которым", "sing", "masc", set()),  # a relative pronoun opens a clause
    ("Соединённых", "plur", None, {"gent", "accs", "loct"}),
]


@pytest.mark.parametrize("word, number, gender, cases", ADJECTIVES)
def test_adjective_cases(word, number, gender, cases):
    assert adjective_cases(word, number, gender) == cases


PREDICATES = [
    ("проголосовала", "sing", "femn", "yes"),
    ("перестанут", "sing", "femn", "no"),
    ("проинформировало", "sing", "femn", "gender"),
    ("обыграла", "sing", "masc", "gender"),
    ("поддерживать", "sing", "femn", "yes"),  # an infinitive has nothing to disagree
]


@pytest.mark.parametrize("word, number, gender, verdict", PREDICATES)
def test_predicate_agreement(word, number, gender, verdict):
    assert predicate_agreement(word, number, gender) == verdict


# a noun's cases with the preposition and adjectives before it
PHRASES = [
    ("В австрийской столице", {"loct"}),
    ("над столицей", {"ablt"}),
    ("жители столицы", {"gent"}),
]


@pytest.mark.parametrize("phrase, cases", PHRASES)
def test_phrase_cases(phrase, cases):
    words = phrase.split()
    assert phrase_cases(words, len(words) - 1) == cases


# heads of «в»/«на»: the nearest listed word's kind in the news embeddings
HEADS = [("вторжение", "accs"), ("вторгнуться", "accs"), ("привезти", "accs"), ("выборы", "loct"),
         ("жить", "loct")]


@pytest.mark.parametrize("lemma, kind", HEADS)
def test_direction_heads(lemma, kind):
    from bilingual.russian import direction

    near, got = direction.nearest_cue(lemma)
    assert (got, near >= direction.NEAR) == (kind, True)
