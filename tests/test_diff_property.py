"""Properties of the version diff: a text against itself is all unchanged, and
a random edit script (delete, insert, reword, split, merge, move) applied to a
list of distinct sentences is recovered kind by kind."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilingual.diff import diff_versions

# Distinct news sentences, each with one ", " between two clauses (so a split
# has an obvious place), and a reworded version of each.
POOL = [
    ("Путин провёл совещание с членами Совбеза, обсуждались вопросы безопасности.",
     "Путин провёл оперативное совещание с членами Совбеза, обсуждались вопросы безопасности страны."),
    ("Генсек НАТО прибыл в Брюссель, где встретится с министрами обороны.",
     "Генеральный секретарь НАТО прибыл в Брюссель, где встретится с министрами обороны."),
    ("В Харькове ночью была объявлена воздушная тревога, жителей призвали укрыться.",
     "В Харькове ночью объявили воздушную тревогу, жителей призвали укрыться."),
    ("Мэр Киева сообщил о перебоях с электричеством, ремонт займёт два дня.",
     "Мэр Киева сообщил о перебоях с электроснабжением, ремонт займёт около двух дней."),
    ("Цены на пшеницу выросли на пять процентов, трейдеры ждут нового урожая.",
     "Цены на пшеницу выросли на шесть процентов, трейдеры ждут нового урожая."),
    ("Парламент Молдовы принял закон о выборах, оппозиция выступила против.",
     "Парламент Молдовы одобрил закон о выборах, оппозиция выступила против."),
    ("Снегопад парализовал движение на трассе, водители провели ночь в машинах.",
     "Сильный снегопад парализовал движение на трассе, водители провели ночь в машинах."),
    ("Зеленский подписал указ о мобилизации, документ вступит в силу в пятницу.",
     "Зеленский подписал указ о мобилизации, документ вступит в силу уже в пятницу."),
    ("Запорожская АЭС снова потеряла внешнее питание, инспекторы МАГАТЭ на месте.",
     "Запорожская АЭС вновь потеряла внешнее питание, инспекторы МАГАТЭ находятся на месте."),
    ("Банк России сохранил ключевую ставку, аналитики ожидали такого решения.",
     "Банк России оставил ключевую ставку без изменений, аналитики ожидали такого решения."),
    ("Футбольный клуб из Одессы сменил тренера, новый контракт рассчитан на год.",
     "Футбольный клуб из Одессы сменил главного тренера, новый контракт рассчитан на год."),
    ("Учёные нашли в тундре кости мамонта, находку отправят в музей.",
     "Учёные обнаружили в тундре кости мамонта, находку отправят в музей."),
    ("Министр финансов представил проект бюджета, дефицит составит три процента.",
     "Министр финансов представил проект бюджета, дефицит составит почти три процента."),
    ("Поезд из Львова прибыл с опозданием, пассажирам раздали воду.",
     "Поезд из Львова прибыл с большим опозданием, пассажирам раздали воду."),
    ("Беженцы из Херсона получат временное жильё, власти выделили средства.",
     "Беженцы из Херсона получат временное жильё, городские власти выделили средства."),
    ("Сенатор потребовал ускорить поставки вооружений, голосование отложено.",
     "Сенатор потребовал ускорить поставки вооружений, голосование снова отложено."),
    ("На Балтике прошли учения флота, в них участвовали двадцать кораблей.",
     "На Балтике прошли военно-морские учения, в них участвовали двадцать кораблей."),
    ("Авиакомпания отменила рейсы в Стамбул, причиной стала забастовка.",
     "Авиакомпания отменила все рейсы в Стамбул, причиной стала забастовка."),
    ("Суд арестовал бывшего губернатора, его обвиняют во взятках.",
     "Суд арестовал бывшего губернатора области, его обвиняют во взятках."),
    ("Фермеры перекрыли границу с Польшей, очередь грузовиков растёт.",
     "Фермеры перекрыли границу с Польшей, очередь из грузовиков растёт."),
    ("Лавров прилетел в Анкару на переговоры, встреча продлится два часа.",
     "Лавров прилетел в Анкару на переговоры, встреча продлится около двух часов."),
    ("Под Бахмутом продолжаются тяжёлые бои, обе стороны несут потери.",
     "Под Бахмутом продолжаются ожесточённые бои, обе стороны несут потери."),
    ("Компания объявила о выкупе акций, бумаги подорожали на биржах.",
     "Компания объявила об обратном выкупе акций, бумаги подорожали на биржах."),
    ("Врачи провели уникальную операцию, пациент уже идёт на поправку.",
     "Врачи провели редкую операцию, пациент уже идёт на поправку."),
]


def split(s: str) -> list[str]:
    head, tail = s.split(", ", 1)
    return [head + ".", tail[0].upper() + tail[1:]]


def merge(a: str, b: str) -> str:
    return a.rstrip(".") + ", а " + b[0].lower() + b[1:]


@st.composite
def edit_scripts(draw):
    n = draw(st.integers(1, 12))
    order = draw(st.permutations(range(len(POOL))))
    base, spare = list(order[:n]), list(order[n:])
    old = [POOL[k][0] for k in base]
    new: list[str] = []
    # each unit of the new text: (kind, sentences)
    units: list[tuple[str, list[str]]] = []
    expected: Counter = Counter()
    i = 0
    while i < n:
        if spare and draw(st.booleans()) and draw(st.booleans()):
            units.append(("added", [POOL[spare.pop()][0]]))
        op = draw(st.sampled_from(["keep", "keep", "removed", "reworded", "split", "merged"]))
        if op == "merged" and i + 1 >= n:
            op = "keep"
        if op == "keep":
            units.append(("unchanged", [old[i]]))
        elif op == "removed":
            expected["removed"] += 1
        elif op == "reworded":
            units.append(("reworded", [POOL[base[i]][1]]))
        elif op == "split":
            units.append(("split", split(old[i])))
        elif op == "merged":
            units.append(("merged", [merge(old[i], old[i + 1])]))
            i += 1
        i += 1
    if spare and draw(st.booleans()):
        units.append(("added", [POOL[spare.pop()][0]]))
    # moves: rotate runs of unchanged sentences, each run giving exactly one move
    k = 0
    while k < len(units):
        if units[k][0] != "unchanged":
            k += 1
            continue
        end = k
        while end < len(units) and units[end][0] == "unchanged":
            end += 1
        if end - k >= 2 and draw(st.booleans()):
            run = units[k:end]
            units[k:end] = run[1:] + run[:1]
            expected["moved"] += 1
            expected["unchanged"] -= 1
        k = end
    for kind, sentences in units:
        expected[kind] += 1
        new.extend(sentences)
    return old, new, +expected


@given(st.lists(st.sampled_from([p[0] for p in POOL] + [p[1] for p in POOL]), max_size=15))
def test_a_text_against_itself_is_all_unchanged(sentences):
    result = diff_versions(sentences, sentences)
    assert [c.kind for c in result.changes] == ["unchanged"] * len(sentences)
    assert [c.old_indexes for c in result.changes] == [(k,) for k in range(len(sentences))]
    assert not result.changed


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edit_scripts())
def test_a_random_edit_script_is_recovered(script):
    old, new, expected = script
    result = diff_versions(old, new)
    assert +Counter(c.kind for c in result.changes) == expected
    # every sentence of both sides is accounted for exactly once
    assert sorted(i for c in result.changes for i in c.old_indexes) == list(range(len(old)))
    assert sorted(j for c in result.changes for j in c.new_indexes) == list(range(len(new)))


_words = st.text(alphabet="абвгдеёжзКиевХарьковNATO0123456789 ,.-", max_size=60)


@given(_words, _words)
def test_word_diff_rebuilds_both_sides(old, new):
    from bilingual.diff.words import side, word_diff

    pieces = word_diff(old, new)
    assert side(pieces, "old") == old
    assert side(pieces, "new") == new
    # no empty pieces, no two neighbours with the same operation
    assert all(text for _, text in pieces)
    assert all(a[0] != b[0] for a, b in zip(pieces, pieces[1:]))
