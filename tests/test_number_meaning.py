"""The number reader compares meanings: clock times, ordinals, multiples, percentages and units.

Each row is an English sentence, its Russian rendering and the flags `check` should raise: a
translator's correct rewording is no drift, a changed quantity is.
"""

from __future__ import annotations

import pytest

from bilingual.checks.drift import check_pairs
from bilingual.numbers import number_mentions
from bilingual.numbers.value import accounts

CASES = [
    # clock times: 12-hour against 24-hour, a dot for the colon, military time, part of the day
    ("We picked a slot: 4:00 p.m.", "Выбрали слот - 16.00.", []),
    ("It docked at 3:45 GMT.", "Корабль пристыковался в 3.45 по Гринвичу.", []),
    ("At 0500 sharp, the company assembled.", "Ровно в 5 утра рота собралась.", []),
    ("The vote is at 1400 GMT.", "Голосование назначено на 14:00 по Гринвичу.", []),
    ("The concert begins at 9 P.M.", "Концерт начнется в 21.00.", []),
    ("The concert begins at 9 P.M.", "Концерт начнется в 22.00.", ["number_mismatch"]),
    # ordinals and collective numerals in words
    ("This was my 3rd visit.", "Это был мой третий визит.", []),
    ("The deadline is February 2.", "Срок истекает второго февраля.", []),
    ("King Louis the 14th built it.", "Его построил король Людовик Четырнадцатый.", []),
    ("He finished 21st.", "Он финишировал двадцать первым.", []),
    ("King Henry the 8th, one of many.", "Король Генрих Восьмой, один из многих.", []),
    ("Five people were detained.", "Задержаны пятеро.", []),
    # how many times, in one word
    ("Literacy quadrupled since 1970.", "С 1970 года грамотность выросла в 4 раза.", []),
    ("Prices rose 3 times.", "Цены выросли втрое.", []),
    # percentages in words, and one percent word for a pair
    ("They recycle 100 per cent of the soil.", "Они перерабатывают сто процентов грунта.", []),
    ("Fares go up by 4 per cent or up to 12 per cent.", "Тарифы поднимут на 4 или до 12 процентов.", []),
    ("Fares go up by 4 per cent or up to 12 per cent.", "Тарифы поднимут на 5 или до 12 процентов.",
     ["number_mismatch"]),
    # a number inside a compound word
    ("There are 4500 clubs in cities of 1 million people.", "В городах-миллионниках 4,5 тысячи клубов.", []),
    # digits glued to a currency letter or a name account for the number on the other side
    ("She moved N585 million.", "Она перевела 585 миллионов найр.", []),
    # a telephone number is one token however its digits are grouped; a decade in words
    ("Fax: +7 (812) 314-5807", "Факс: +7 (812) 314 58 07", []),
    ("Fax: +7 (812) 314-5807", "Факс: +7 (812) 314 58 08", ["number_mismatch"]),
    ("Back in the 00s we had toys.", "В нулевые у нас были игрушки.", []),
    ("Seasons 2019 2020 2021 were good.", "Сезоны 2019 2020 2022 были хорошими.", ["number_mismatch"]),
    # units and conversions: a correct conversion is the same quantity, a wrong one is a change
    ("It is 100 miles away.", "Это в 161 км отсюда.", []),
    ("It is 100 miles away.", "Это в 100 км отсюда.", ["number_mismatch"]),
    ("It is 100 miles away.", "Это в 100 милях отсюда.", []),
    ("The flight covered 50 nautical miles.", "Полет составил 92 км.", []),
    ("The drone drifted at 12mph with an airspeed of 40.", "Дрон сносило на 19 км/ч при воздушной 64 км/ч.", []),
    ("The bag weighs 200 pounds.", "Сумка весит 91 кг.", []),
    ("The bag weighs 200 pounds.", "Сумка весит 200 кг.", ["number_mismatch"]),
    ("It was 90 degrees Fahrenheit.", "Было 32 градуса.", []),
    ("It was 90 degrees Fahrenheit.", "Было 40 градусов.", ["number_mismatch"]),
    ("A 6-foot wall.", "Стена высотой 1,8 м.", []),
    ("We flew at 4000 ft.", "Мы летели на высоте больше километра.", []),
    ("We flew at 4000 ft.", "Мы летели на высоте 4 км.", ["number_mismatch"]),
    ("The river is 300 km long.", "Длина реки 400 км.", ["number_mismatch"]),
    ("They sent 100 tons of food.", "Они отправили 100 тонн продовольствия.", []),
    # one unit on both sides: the same number or a changed one, no rounding tolerance
    ("Gusts of up to 83 mph.", "Порывы ветра до 86 миль в час.", ["number_mismatch"]),
    ("The park spans 1,800 acres (728 hectares).", "Парк занимает 1803 акра (728 гектаров).",
     ["number_mismatch"]),
    ("The quake was 93.2 km deep.", "Очаг залегал на глубине 93,5 км.", ["number_mismatch"]),
    # collective numerals and numeral stems in every spelling («трое», «трёх»)
    ("3 sons came.", "Пришли трое сыновей.", []),
    ("4 sons came.", "Пришли трое сыновей.", ["number_mismatch"]),
    ("A 3-fold increase.", "Трёхкратный рост.", []),
    ("A 24-hour strike.", "Суточная забастовка.", []),
    # a percentage point is not a percent
    ("Rates rose by 0.5 percentage points.", "Ставки выросли на 0,5 процентного пункта.", []),
    ("Rates rose by 0.5 percentage points.", "Ставки выросли на 0,7 процентного пункта.", ["number_mismatch"]),
    ("Rates rose by 0.5%.", "Ставки выросли на 0,5 процентного пункта.", ["number_mismatch"]),
    # a scale word after a range scales both ends
    ("Some 300,000-400,000 people came.", "Пришли 300–400 тысяч человек.", []),
    ("Between 2 and 3 million people voted.", "Проголосовали от 2 до 3 млн человек.", []),
    ("Some 300,000-400,000 people came.", "Пришли 200–400 тысяч человек.", ["number_mismatch"]),
    # a year and its last two digits
    ("He served in 1986-87.", "Он служил в 1986–1987 годах.", []),
    ("In the 1990s it was common.", "В 90-е годы это было обычным.", []),
    ("In the 1990s it was common.", "В 80-е годы это было обычным.", ["number_mismatch"]),
    ("The club won the 2007/08 title.", "Клуб выиграл титул сезона 2007/2008.", []),
    ("The bridge opened in 1964.", "Мост открыли в 64-м.", []),
    ("A hit of the '70s.", "Хит 1970-х годов.", []),
    ("She was Miss Ohio 1986.", "Она была «Мисс Огайо-86».", []),
    # a bare two-digit number is no year's short form
    ("The plant opened in 2020.", "На заводе работают 20 человек.", ["number_mismatch"]),
    ("In 1964 the bridge opened.", "Мост строили 64 года.", ["number_mismatch"]),
    # one of a period said by the noun alone
    ("They gave a guarantee (1 month).", "Дали гарантию (месяц).", []),
    ("They gave a guarantee (2 months).", "Дали гарантию (месяц).", ["number_mismatch"]),
    ("He planned 1 visit.", "Он запланировал визит.", ["number_mismatch"]),
    # clock times in words and hours said with «часов», "o'clock", a part of the day
    ("It opens at noon.", "Открытие в 12:00.", []),
    ("It opens at 12:00.", "Открытие в полдень.", []),
    ("It closes at midnight.", "Закрытие в 00:00.", []),
    ("At 7 in the evening.", "В 19:00.", []),
    ("At 3 o'clock in the afternoon.", "В 15:00.", []),
    ("The shop shuts at 12 at night.", "Магазин закрывается в 0:00.", []),
    ("The shop shuts at 12 at night.", "Магазин закрывается в 12:00.", ["number_mismatch"]),
    ("The ferry leaves at 2 at night.", "Паром уходит в 2:00.", []),
    ("The ferry leaves at 11 at night.", "Паром уходит в 23:00.", []),
    ("At 18:00 Moscow time.", "В 18 часов по Москве.", []),
    ("At 18:00 Moscow time.", "В 17 часов по Москве.", ["number_mismatch"]),
    # a mark on a scale is one number, and said alone it is the mark
    ("The hotel was 4/5, the staff were kind!", "Отель потянул на «4», персонал приветливый!", []),
    ("I give it 8/10.", "Ставлю 8 из 10.", []),
    ("I give it 8/10.", "Ставлю 7 из 10.", ["number_mismatch"]),
    ("I give it 8 out of 10.", "Ставлю восемь баллов.", []),
]


@pytest.mark.parametrize("en, ru, expected", CASES)
def test_numbers_compared_by_meaning(en, ru, expected):
    assert sorted(f.kind for f in check_pairs([en], [ru])) == expected


def test_a_flag_says_what_was_read_on_each_side():
    (flag,) = check_pairs(["It is 100 miles away."], ["Это в 100 км отсюда."])
    assert flag.message == "number changed: EN 100 miles (160.9 km), RU 100 км"


@pytest.mark.parametrize("en, ru, same", [
    ("100 miles", "161 км", True),
    ("100 miles", "100 км", False),
    ("70 °F", "21 °C", True),
    ("5 feet", "1,5 метра", True),
    ("10 kg", "22 фунта", True),
])
def test_quantities_in_other_units(en, ru, same):
    (a,) = [m for m in number_mentions(en, "en") if m.dim]
    (b,) = [m for m in number_mentions(ru, "ru") if m.dim]
    assert accounts(a, b) is same


def test_a_changed_month_in_an_uncertain_link_is_not_hidden_by_the_neighbours_copy():
    from bilingual.model import Link

    en = ["The tanker flew the Maltese flag until March 3, 2021, the registry said.",
          "\"The tanker flew the Maltese flag until March 3, 2021,\" the registry said."]
    ru = ["Танкер ходил под мальтийским флагом до 3 апреля 2021 года, сообщили в реестре.",
          "«Танкер ходил под мальтийским флагом до 3 марта 2021 года», — сообщили в реестре."]
    links = [Link((0,), (0,), 0.05, True), Link((1,), (1,), 0.05, True)]
    flags = [f for f in check_pairs(en, ru, links=links) if f.kind == "date_mismatch"]
    assert [(f.en_index, f.found) for f in flags] == [(0, "03-04")]
    ru[0] = ru[0].replace("апреля", "марта")
    assert [f for f in check_pairs(en, ru, links=links) if f.kind == "date_mismatch"] == []


def test_a_number_cut_into_the_next_sentence_is_no_mismatch():
    # the segmenter cut after "Sport!" on both sides, at different places in the content
    en = ["The final kicks off at 8 P.M. Moscow time, with the app and the Sport!",
          "TV channel will stream it from 7:45 p.m."]
    ru = ["Финал стартует в 20.00 по московскому времени, а с 19.45 мск его покажут приложение и телеканал «Спорт!",
          "ТВ» в прямом эфире."]
    assert [f.kind for f in check_pairs(en, ru) if f.kind == "number_mismatch"] == []
    # a changed number does not cancel out
    ru[0] = ru[0].replace("19.45", "19.40")
    assert [f.kind for f in check_pairs(en, ru) if f.kind == "number_mismatch"] == ["number_mismatch"] * 2


def test_a_number_cut_into_an_uncertain_neighbour_is_no_mismatch():
    from bilingual.model import Link

    en = ["The final kicks off at 8 P.M. Moscow time, with the app and the Sport!",
          "Plus 3 TV channel will stream it at 7:45 P.M. Moscow time."]
    ru = ["Финал стартует в 20.00 по московскому времени, а с 19.45 мск его покажут приложение и телеканал «Спорт!",
          "Плюс 3»."]
    links = [Link((0,), (0,), 0.53), Link((1,), (1,), 0.0, True)]
    assert [f.kind for f in check_pairs(en, ru, links=links) if f.kind == "number_mismatch"] == []
    ru[0] = ru[0].replace("19.45", "19.40")
    flags = [f for f in check_pairs(en, ru, links=links) if f.kind == "number_mismatch"]
    assert [(f.en_index, f.found) for f in flags] == [(0, "19.4"), (1, None)]
