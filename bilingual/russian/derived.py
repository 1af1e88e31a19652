"""Words built on a Russian place name: relative adjectives and short names.

``adjectives("Иран")`` → ``("иранский",)``: candidates are made by the usual
suffix rules (-ский, -ийский, -ейский, -анский, -инский, -ьский; -ия, -а, -ь,
-стан dropped first) and only those pymorphy3's dictionary knows as an
adjective are kept, so no invented word ever becomes a glossary form.
Adjectives no rule reaches (США → американский, Германия → немецкий,
Франция → французский) come from ``_IRREGULAR``: the standard relative
adjectives of country and city names as Lopatin's «Русский орфографический
словарь» (RAS) gives them; each entry is still checked against the dictionary.
A name in that table takes its adjectives from there alone; any other name takes
the first rule's candidate the dictionary knows (so «Куба» gives «кубинский»,
not also the river Kuban's «кубанский»). Each adjective also comes with the stance
prefixes «анти-» and «про-» where the dictionary knows the word («антикитайский»).

``short_names("Россия")`` → ``("РФ", "Российская Федерация")``: abbreviations
and short official names the Russian press uses for a country (``_SHORT``,
same source).
"""

from __future__ import annotations

from functools import lru_cache

from . import morph

# name (lowercase, ё→е) -> adjectives no suffix rule produces
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "сша": ("американский",),
    "соединенные штаты": ("американский",),
    "америка": ("американский",),
    "германия": ("немецкий", "германский"),
    "великобритания": ("британский", "великобританский"),
    "британия": ("британский",),
    "соединенное королевство": ("британский",),
    "франция": ("французский",),
    "италия": ("итальянский",),
    "греция": ("греческий",),
    "турция": ("турецкий",),
    "москва": ("московский",),
    "кремль": ("кремлевский",),
    "россия": ("российский", "русский"),
    "юар": ("южноафриканский",),
    "южная африка": ("южноафриканский",),
    "беларусь": ("белорусский", "беларусский"),
    "белоруссия": ("белорусский",),
    "нидерланды": ("нидерландский", "голландский"),
    "чехия": ("чешский",),
    "венгрия": ("венгерский",),
    "грузия": ("грузинский",),
    "молдова": ("молдавский", "молдовский"),
    "швеция": ("шведский",),
    "дания": ("датский",),
    "норвегия": ("норвежский",),
    "финляндия": ("финский",),
    "литва": ("литовский",),
    "словакия": ("словацкий",),
    "азия": ("азиатский",),
    "кнр": ("китайский",),
    "ирландия": ("ирландский",),
    "новая зеландия": ("новозеландский",),
    "саудовская аравия": ("саудовский",),
    "оаэ": ("эмиратский",),
}

# name -> the short names and abbreviations the Russian press uses for it
_SHORT: dict[str, tuple[str, ...]] = {
    "россия": ("РФ", "Российская Федерация"),
    "германия": ("ФРГ",),
    "китай": ("КНР",),
    "великобритания": ("Британия", "Соединенное Королевство"),
    "сша": ("Соединенные Штаты", "Штаты", "Америка"),
    "юар": ("Южная Африка", "Южно-Африканская Республика"),
    "оаэ": ("Эмираты",),
    "кндр": ("Северная Корея",),
    "беларусь": ("Республика Беларусь",),
    "евросоюз": ("ЕС", "Европейский союз"),
    "ес": ("Евросоюз", "Европейский союз"),
}

_VOWELS = "аеёиоуыэюяь"
_PREFIXES = ("анти", "про")


def _candidates(name: str) -> list[str]:
    """Suffix-rule candidates, likeliest first."""
    n = name
    out: list[str] = []
    if n.endswith("стан"):  # Афганистан → афганский, Казахстан → казахский
        out += [n[:-5] + "ский", n + "ский"]
    if n.endswith(("ия", "ея")):
        b = n[:-2]
        out += [b + "ийский", b + "ский", b + "ьский", b + "ейский", b + "янский"]
    elif n.endswith(("а", "я", "ы", "и", "е", "о")):
        b = n[:-1]
        out += [b + "ский", b + "инский", b + "анский", b + "ейский", b + "ьский", b + "овский", b[:-1] + "ский"]
    elif n.endswith("ь"):
        out += [n + "ский", n[:-1] + "ский", n[:-1] + "евский"]
    elif n.endswith("й"):
        out += [n + "ский", n[:-1] + "йский"]
    elif n.endswith(("ск", "цк")):
        out += [n + "ий"]
    elif n.endswith("с"):
        out += [n + "кий", n + "ский"]
    elif n and n[-1] not in _VOWELS:
        out += [n + "ский", n + "овский"]
    return out


def _known_word(word: str) -> bool:
    """A common word of the dictionary (a surname of the same shape, «Хомутовский», is not one)."""
    return any(p.is_known and not ({"Surn", "Name", "Patr", "Geox"} & p.tag.grammemes) for p in morph.parse(word))


def _is_adjective(word: str) -> bool:
    return any(p.tag.POS == "ADJF" and p.is_known and morph.norm(p.normal_form) == morph.norm(word)
               for p in morph.parse(word))


@lru_cache(maxsize=65536)
def adjectives(name: str) -> tuple[str, ...]:
    """Relative adjectives of the place ``name`` (nominative) that the dictionary knows."""
    key = morph.norm(name.strip())
    if not key:
        return ()
    if key in _IRREGULAR:
        found = [a for a in _IRREGULAR[key] if _is_adjective(a)]
    elif " " in key:
        return ()
    else:
        candidates = _candidates(key)
        found = next(([c] for c in candidates if _is_adjective(c)), [])
        if not found and candidates and not _known_word(candidates[0]):
            # A place whose adjective the dictionary lacks (Хомутово, Бахмут) makes it by the
            # productive rule («хомутовский», «бахмутский»): a word the dictionary doesn't know
            # can't be mistaken for another one, and the guessed parse of «Хомутовской» has it.
            found = [candidates[0]]
    # «антироссийский», «проамериканский»: the same name with a stance prefix
    found += [p + a for a in found for p in _PREFIXES if _is_adjective(p + a)]
    return tuple(found)


def short_names(name: str) -> tuple[str, ...]:
    """Abbreviations and short names of the country ``name`` (nominative)."""
    return _SHORT.get(morph.norm(name.strip()), ())


# Suffixes of relative adjectives, longest first, and the endings a place name may have in
# front of them: the suffix rules above read backwards («рязанский» → «Рязань»).
_ADJ_SUFFIXES = ("ийский", "ейский", "янский", "анский", "инский", "овский", "евский", "ьский", "йский",
                 "ский", "цкий")
_NAME_ENDINGS = ("", "ь", "а", "я", "ия", "ея", "и", "ы", "е", "о", "ск", "цк", "стан", "й", "с")


def _is_place(word: str) -> bool:
    if not morph.is_known(word):  # a dictionary lookup first: guessing a non-word's parses is slow
        return False
    return any(p.is_known and "Geox" in p.tag.grammemes and "sing" in p.tag.grammemes
               and p.tag.case == "nomn" and morph.norm(p.normal_form) == morph.norm(word)
               for p in morph.parse(word))


@lru_cache(maxsize=65536)
def places_of(adjective: str) -> tuple[str, ...]:
    """The places (nominative, capitalised) whose relative adjective ``adjective`` is:
    «рязанский» → («Рязань»,), «иркутской» → («Иркутск»,), «американский» → («США», ...).

    Candidates come from the suffix rules read backwards and from the irregular table; a
    candidate is kept only when pymorphy3's dictionary knows it as a place and the forward
    rules give ``adjective`` back for it, so no invented place is ever returned."""
    adj = morph.norm(adjective)
    parses = [p for p in morph.parse(adj) if p.tag.POS in ("ADJF", "ADJS") and p.is_known]
    if not parses:
        return ()
    adj = morph.norm(parses[0].normal_form)
    found = [name for name, adjs in _IRREGULAR.items() if adj in adjs]
    for suffix in () if found else _ADJ_SUFFIXES:  # a table entry is the whole answer
        if adj.endswith(suffix) and len(adj) > len(suffix) + 2:
            base = adj[:-len(suffix)]
            found += [base + e for e in _NAME_ENDINGS if _is_place(base + e) and adj in adjectives(base + e)]
    out = []
    for name in dict.fromkeys(found):
        if name in _IRREGULAR:  # the table's own spelling («США», «Соединенные Штаты»)
            out.append(name.upper() if len(name) <= 4 and " " not in name else name.title())
        else:
            out.append(name[:1].upper() + name[1:])
    return tuple(out)
