"""Number rules: numbers and dates that differ between the two sides, compared by meaning.

They run with the other drift rules (``drift.RULES``) over one link at a time.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from ..model import Flag
from .context import LinkContext


def _left(mine, theirs) -> list:
    """Values of ``mine``'s digit mentions no mention of ``theirs`` stands for (each used once):
    the same value, a shared spelling (a clock time, a scale, a percentage), or the same
    quantity in other units."""
    from ..numbers.value import accounts, same_value

    pool = list(theirs)
    left = []
    for m in mine:
        k = next((k for k, t in enumerate(pool) if same_value(m, t)), None)
        if k is None:
            # "1,800 acres (728 hectares)": when the other side writes the same unit, the
            # number is compared in that unit, not with its own conversion
            own_unit = m.per is not None and any(t.per == m.per for t in theirs)
            k = next((k for k, t in enumerate(pool) if accounts(m, t)
                      and not (own_unit and t.dim == m.dim and t.per != m.per)), None)
        if k is None:
            left.append(m)
        else:
            pool.pop(k)
    return [m for m in left if not m.soft]


def number_mismatch(ctx: LinkContext) -> Iterable[Flag]:
    """Numbers that differ between the two sides, compared by meaning.

    "3 million" = «3 млн» = «3 000 000», "$2 million" = «двух миллионов», "5.30pm" =
    «17:30», "17th century" = «XVII век»: a number written one way on one side and
    another way on the other is no mismatch.
    """
    if not ctx.link.en or not ctx.terms_checkable:
        return
    en, ru = ctx.en_numbers - ctx.dropped_numbers, ctx.ru_numbers
    from ..numbers.reader import has_units, number_mentions

    if en == ru and not (has_units(ctx.en_text, "en") and has_units(ctx.ru_text, "ru")):
        return

    dropped = Counter(ctx.dropped_numbers)
    en_mentions = []
    for m in number_mentions(ctx.en_text, "en"):
        if not m.soft and dropped[m.value] > 0:
            dropped[m.value] -= 1
            continue
        en_mentions.append(m)
    ru_mentions = number_mentions(ctx.ru_text, "ru")
    other_ru = number_mentions(ctx.window_ru, "ru") if ctx.link.uncertain else ru_mentions
    other_en = number_mentions(ctx.window_en, "en") if ctx.link.uncertain else en_mentions
    left_en = _left(en_mentions, other_ru)
    left_ru = _left(ru_mentions, other_en)
    if not left_en and not left_ru:
        return
    yield from _number_flag(ctx, left_en, left_ru)


def _number_flag(ctx: LinkContext, left_en, left_ru) -> Iterable[Flag]:
    en, ru = ctx.en_numbers - ctx.dropped_numbers, ctx.ru_numbers
    only_en = sorted(m.label for m in left_en)
    only_ru = sorted(m.label for m in left_ru)
    if not only_en and not only_ru:
        return
    expected = ", ".join(only_en) or None
    found = ", ".join(only_ru) or None
    if only_en and only_ru:
        msg = f"number changed: EN {expected}, RU {found}"
    elif only_en:
        msg = f"number {expected} of the English is missing in the Russian"
    else:
        msg = f"number {found} in the Russian is not in the English"
    flag = ctx.flag("number_mismatch", msg + ctx.uncertain_note(), expected=expected, found=found,
                    why=f"EN numbers {sorted(en.elements())}; RU numbers {sorted(ru.elements())} "
                        "(number words, scales, Roman numerals and 12/24-hour times compared by value)")
    ctx.numbers_left = (flag, left_en, left_ru)
    yield flag


def _own_left(ctx: LinkContext) -> tuple:
    """An unflagged uncertain link's EN-only and RU-only numbers against its own sentences alone."""
    from ..numbers.reader import number_mentions

    en = number_mentions(ctx.en_text, "en") if ctx.link.en else ()
    ru = number_mentions(ctx.ru_text, "ru") if ctx.link.ru else ()
    return None, _left(en, ru), _left(ru, en)


def across_boundaries(contexts: list[LinkContext]) -> dict[int, Flag | None]:
    """Number flags of neighbouring links that cancel out: a number one link's Russian has and its
    English lacks, which the next (or previous) link's English has and its Russian lacks, was cut
    into the other sentence by the segmenter ("... and the Sport! | Plus 3 TV channel from
    7:45 p.m." / «... с 19.45 покажут телеканал "Спорт! | Плюс 3"»). The neighbour is a flagged
    link, or an uncertain one (whose own flag looked at its neighbours already). Returns
    ``id(flag) -> replacement`` (None: drop it)."""
    from ..numbers.value import accounts

    out: dict[int, Flag | None] = {}
    left = {k: (c.numbers_left[0], list(c.numbers_left[1]), list(c.numbers_left[2]))
            for k, c in enumerate(contexts) if c.numbers_left is not None}
    for k in sorted(left):
        for nb in (k - 1, k + 1):
            if nb < 0 or nb >= len(contexts) or (nb in left and nb < k):
                continue  # a flagged pair is settled once, from its first link
            if nb not in left and not contexts[nb].link.uncertain:
                continue
            a = left[k]
            b = left[nb] if nb in left else _own_left(contexts[nb])
            for mine, theirs in ((1, 2), (2, 1)):  # a's EN-only against b's RU-only, and the reverse
                for m in list(a[mine]):
                    t = next((t for t in b[theirs] if accounts(m, t)), None)
                    if t is not None:
                        a[mine].remove(m)
                        b[theirs].remove(t)
    for k, (flag, en, ru) in left.items():
        c = contexts[k]
        if (len(en), len(ru)) != (len(c.numbers_left[1]), len(c.numbers_left[2])):
            out[id(flag)] = next(iter(_number_flag(c, en, ru)), None)
    return out


_MONTH_NAMES = ("January February March April May June July August September October November December").split()


def date_mismatch(ctx: LinkContext) -> Iterable[Flag]:
    """A date whose day is right and month wrong ("December 10" → «10 ноября»)."""
    if not ctx.link.en or not ctx.terms_checkable:
        return
    from ..numbers.reader import dates

    en_dates = dates(ctx.en_text, "en")
    if not en_dates:
        return
    ru_dates = dates(ctx.window_ru if ctx.link.uncertain else ctx.ru_text, "ru")
    # an uncertain link looks at its neighbours too, where the same date said twice in the English
    # must be there twice: a changed month in the link itself is not hidden by the neighbour's copy
    en_window = Counter(dates(ctx.window_en, "en")) if ctx.link.uncertain else None
    ru_window = Counter(ru_dates)
    own = dates(ctx.ru_text, "ru") if ctx.link.uncertain else ru_dates
    for day, month in en_dates:
        if (day, month) in ru_dates and (en_window is None or ru_window[(day, month)] >= en_window[(day, month)]):
            continue
        wrong = [(d, m) for d, m in own if d == day and m != month]
        if wrong:
            d, m = wrong[0]
            yield ctx.flag("date_mismatch",
                           f"date changed: EN {_MONTH_NAMES[month - 1]} {day}, RU {d} {_MONTH_NAMES[m - 1]}"
                           + ctx.uncertain_note(),
                           expected=f"{day:02d}-{month:02d}", found=f"{d:02d}-{m:02d}",
                           why="same day, another month")
