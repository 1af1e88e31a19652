"""Where to or where: which heads take «в»/«на» + the accusative.

«вторжение в Украину», «переброска войск на Украину» (where to) against «выборы в
Молдове», «жить на Украине» (where). The head a name's prepositional phrase hangs on
is compared, by its navec news embedding (the vectors the natasha models ship), with
two short lists of words of either kind; the nearest listed word and its similarity
say which kind the head is, so words not listed are read by their neighbours
(«вторгнуться» is near «вторжение»).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from . import tagger

# Heads that take «в»/«на» + the accusative (where to) or, for contrast, the prepositional (where).
DIRECTION_WORDS = """вторжение вторгнуться нападение напасть нападать атака атаковать наступление наступать
переброска перебросить поставка поставить поставлять доставка доставить доставлять отправка отправить отправлять
ввоз ввезти экспорт экспортировать импорт вывоз вложение вложить инвестировать перевод перевести
поездка поехать ехать приехать приезд прибыть прибытие прилететь прилёт лететь вылететь вернуться возвращение
въезд въехать переезд переехать визит рейс полёт эвакуация эмиграция иммиграция путь передать
передача привезти принести направить направление послать давление надавить санкция обратиться обращение жалоба
миграция бегство вход войти ввод ввести вступление вступить присоединение присоединиться приглашение пригласить
выезд выехать уехать""".split()
LOCATION_WORDS = """жить проживать находиться пребывать работать оставаться остаться произойти происходить
случиться состояться проходить пройти ситуация положение обстановка выборы референдум кризис война конфликт база
посольство завод офис жизнь родиться учиться умереть погибнуть выявить зафиксировать обнаружить заболеть вспышка
эпидемия встреча саммит конференция переговоры музей стадион аэропорт здание университет компания бизнес рынок
продажа власть правительство лидировать ожидаться планироваться протест митинг марш""".split()
# A head counts as one kind when its nearest listed word is this similar (cosine) and nearer than
# any word of the other kind by MARGIN. Words near both lists («встретиться»: «приехать» 0.61,
# «встреча» 0.5) are left to the tagger: «встретился в Париже» is where, not where to.
NEAR = 0.7
MARGIN = 0.2


def nearest_cue(lemma: str) -> tuple[float, str]:
    """(similarity, "accs" or "loct") of the listed word nearest to ``lemma`` in navec space;
    (0.0, "") when no listed word is near enough and clearly nearer than the other kind's."""
    v = tagger.vector(lemma)
    if v is None:
        return 0.0, ""
    matrix, kinds = _cue_matrix()
    sims = matrix @ v
    j = int(sims.argmax())
    other = max((float(s) for s, k in zip(sims, kinds) if k != kinds[j]), default=0.0)
    if sims[j] < NEAR or sims[j] - other < MARGIN:
        return float(sims[j]), ""
    return float(sims[j]), kinds[j]


@lru_cache(maxsize=1)
def _cue_matrix():
    rows, kinds = [], []
    for kind, words in (("accs", DIRECTION_WORDS), ("loct", LOCATION_WORDS)):
        for w in words:
            v = tagger.vector(w)
            if v is not None:
                rows.append(v)
                kinds.append(kind)
    return np.stack(rows), kinds
