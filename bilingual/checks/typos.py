"""Typos: a word no dictionary knows, one edit away from a name or a word that is known.

Russian words are looked up in pymorphy3's dictionary (OpenCorpora, every case
form), English ones in pyspellchecker's English word list (a maintained PyPI
package, no system dictionary needed). A word is a typo candidate when:

- the dictionary doesn't know it, and the article uses it (any case form) once:
  a real rare name is seen again, a slip usually is not;
- wordfreq's web and news frequencies don't know it either (``in_use``): a rare
  real name ("Neill") or a coinage is written again and again, a slip is not;
- it is one edit (a letter swapped, doubled, dropped or changed; never the first
  letter) from
  1. a glossary name in any case form, or a name the article uses at least twice,
     in the forms it writes or, for a name the dictionary doesn't know, the forms
     the names engine declines it into (the strongest evidence: «Пуитн» next to
     three «Путина»; «Аффелка» next to two «Аффлек»), or
  2. a word the dictionary knows; for a capitalised word in mid-sentence only a
     dictionary *name* (pymorphy3's Name/Surn/Geox/Orgn tags: «Гермаини»);
- and it is no case form of that name (the names engine's ``same_name``), no
  rendering of a name the linked English gives («Мосс» for "Moss" is no slip of
  «Мост»; «на убере» for "Uber"; «Дамин» for "Daming" is closer to it than
  «Дамиан»), nor a word derived from such a name («корнцам» beside "Cornish").

Across the archive, ``qa.archive_pass`` removes a candidate flagged in two or more
articles (an unusual word used consistently is the site's word).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .finding import Finding

_RU_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_EN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# a word: letters of one script, no digit, hyphen or other script glued to it
_RU_WORD = re.compile(r"(?<![\w\-‐./@#])[А-ЯЁа-яё]+(?![\w\-‐@]|\.[A-Za-zА-Яа-я])")
_EN_WORD = re.compile(r"(?<![\w\-‐./@#'’])[A-Za-z]+(?![\w\-‐@'’]|\.[A-Za-z])")
_SKIP = re.compile(r"`[^`]*`|\]\([^)]*\)|(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|<[^>]*>|[@#]\w+")
MIN_LOWER = 5  # letters: shorter words have too many dictionary neighbours
MIN_NAME = 4
# a name shorter than this has many neighbours («Wilk» / «Will»): the linked side must name the intended one
MIN_LONG_NAME = 5
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


# ---------------------------------------------------------------- edit distance and neighbours

def osa(a: str, b: str) -> int:
    """Optimal string alignment distance (Damerau: a swap of two neighbours is one edit)."""
    from rapidfuzz.distance import OSA

    return OSA.distance(a, b)


def edits1(word: str, letters: str) -> list[str]:
    """Every string one edit from ``word``: swaps and deletions first (the commonest slips)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    swaps = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1 and b[0] != b[1]]
    deletes = [a + b[1:] for a, b in splits if b]
    inserts = [a + c + b for a, b in splits for c in letters]
    replaces = [a + c + b[1:] for a, b in splits if b for c in letters if c != b[0]]
    return swaps + deletes + inserts + replaces


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е")


def _deletes(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


@dataclass
class NameIndex:
    """Names (lowercase forms) a word may be one slip from, compared with rapidfuzz's OSA distance."""

    shown: dict[str, str] = field(default_factory=dict)  # lowercase -> as written
    # lowercase -> the English names a glossary form stands for (its evidence in the linked English)
    english: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __contains__(self, word: str) -> bool:
        return _fold(word) in self.shown

    def add(self, word: str, english: tuple[str, ...] = ()) -> None:
        low = _fold(word)
        if english:
            self.english.setdefault(low, english)
        self.shown.setdefault(low, word)

    def add_forms(self, word: str, english: tuple[str, ...] = ()) -> None:
        """``word`` and, for a name the dictionary knows, its other case forms."""
        self.add(word, english)
        for form in _case_forms(word):
            self.add(_cap(word, form), english)

    def near(self, word: str) -> str | None:
        """The indexed name one slip (OSA distance 1) from ``word``, if any."""
        if not self.shown:
            return None
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        low = _fold(word)
        hit = process.extractOne(low, self.shown.keys(), scorer=OSA.distance, score_cutoff=1)
        return self.shown[hit[0]] if hit and hit[1] == 1 else None


# ---------------------------------------------------------------- dictionaries

@lru_cache(maxsize=1)
def _english():
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


# British spellings as the American forms of the word list: the regular correspondences
# (colour/color, recognise/recognize, analyse/analyze, centre/center, defence/defense,
# travelled/traveled, catalogue/catalog, manoeuvre/maneuver)
_BRITISH = [(re.compile(p), r) for p, r in (
    (r"our(s|ed|ing|ful|ite|ites|hood|hoods|less|able)?$", r"or\1"), (r"our(?=[a-z])", "or"),
    (r"is(e|es|ed|ing|er|ers|ation|ations|able)$", r"iz\1"), (r"ys(e|es|ed|ing|er|ers)$", r"yz\1"),
    (r"tre(s|d)?$", r"ter\1"), (r"bre(s)?$", r"ber\1"), (r"ence(s)?$", r"ense\1"),
    (r"ogue(s)?$", r"og\1"), (r"ll(ed|ing|er|ers)$", r"l\1"), (r"oe", "e"), (r"ae", "e"),
    (r"eable$", "able"), (r"mme(s)?$", r"m\1"))]


@lru_cache(maxsize=200_000)
def en_known(word: str) -> bool:
    """In the English word list, as written or as the American spelling of a British one."""
    low = word.lower()
    freq = _english().word_frequency
    if low in freq:
        return True
    return any(low != (us := p.sub(r, low)) and us in freq for p, r in _BRITISH)


@lru_cache(maxsize=200_000)
def ru_known(word: str) -> bool:
    from ..russian.morph import analyzer

    low = word.lower()
    return analyzer().word_is_known(low) or "ё" in low and analyzer().word_is_known(low.replace("ё", "е"))


# How much commoner (wordfreq's Zipf scale: log10 of uses per billion words) the intended word
# must be than the word as written, and how rare the written word itself: a slang or technical
# word the dictionary lacks is in use on the web, a slip is not.
RARE = 2.0
COMMON = 2.0
MARGIN = 2.0


def zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang, wordlist="large")


@lru_cache(maxsize=50_000)
def in_use(word: str, lang: str) -> bool:
    """The word (a rare name, a coinage) is in use in wordfreq's web and news corpora: a slip
    seldom is (the same slip made often enough to count is a spelling, not a typo). A Russian
    word counts by its dictionary form too, as pymorphy3 guesses it from the ending: the web
    writes «хамам» more often than «хамамом»."""
    low = word.lower()
    if zipf(low, lang) >= RARE:
        return True
    if lang != "ru":
        return False
    from ..russian.morph import analyzer

    parses = analyzer().parse(low)
    return bool(parses) and parses[0].normal_form != low and zipf(parses[0].normal_form, lang) >= RARE


@lru_cache(maxsize=50_000)
def neighbour(word: str, lang: str) -> str | None:
    """The commonest dictionary word one slip from ``word`` (lowercase), if it is far commoner than ``word``."""
    if lang == "ru":
        from ..russian.morph import analyzer

        is_word, letters = analyzer().word_is_known, _RU_LETTERS
    else:
        is_word, letters = _english().word_frequency.__contains__, _EN_LETTERS
    found = [c for c in dict.fromkeys(edits1(word, letters))
             if _slip_inside(word, c) and likely_slip(word, c) and is_word(c)]
    if not found:
        return None
    own = zipf(word, lang)
    if own >= RARE:
        return None
    best = max(found, key=lambda c: (zipf(c, lang), -found.index(c)))
    best_z = zipf(best, lang)
    return best if best_z >= COMMON and best_z - own >= MARGIN else None


def _ru_key(word: str) -> str:
    """A case-free key for counting a word's uses: its (guessed) lemma, ё as е."""
    return _lemma()(word)


@lru_cache(maxsize=1)
def _lemma():
    from ..russian.morph import lemma

    return lemma


# ---------------------------------------------------------------- the article

def _cap(src: str, word: str) -> str:
    return word[:1].upper() + word[1:] if src[:1].isupper() else word


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" «\"“„'(*_—–-")
    return not before or before[-1] in ".!?…:"


def _readable(text: str) -> str:
    """The text with URLs, addresses, handles, code and markup blanked (offsets kept)."""
    if "/" in text or "@" in text or "#" in text or "`" in text or "<" in text or "www." in text or "](" in text:
        return _SKIP.sub(lambda m: " " * len(m.group(0)), text)
    return text


_INDEXES: dict[tuple[int, str], tuple] = {}


def _glossary_index(glossary) -> tuple[NameIndex, NameIndex]:
    """Every one-word part of the glossary's names: Russian in each case form, English as written."""
    key = (id(glossary), glossary.sha)
    if key not in _INDEXES:
        if len(_INDEXES) > 8:
            _INDEXES.clear()
        _INDEXES[key] = (glossary, _build_index(glossary))
    return _INDEXES[key][1]


def _build_index(glossary) -> tuple[NameIndex, NameIndex]:
    from ..russian.morph import analyzer

    ru, en = NameIndex(), NameIndex()
    for term in glossary.terms:
        for name in term.allowed:
            for part in re.findall(r"[А-ЯЁа-яё]{%d,}" % MIN_NAME, name):
                ru.add_forms(part, term.en_names)
        for name in term.en_names:
            for part in re.findall(r"[A-Za-z]{%d,}" % MIN_NAME, name):
                en.add(part, term.allowed)
    return ru, en


@lru_cache(maxsize=50_000)
def _case_forms(word: str) -> tuple[str, ...]:
    """The case forms of a Russian name the dictionary knows as one, lowercase."""
    if not re.search(r"[а-яё]", word, re.I):
        return ()
    from ..russian.morph import analyzer

    # only a paradigm the dictionary knows: a guessed one invents forms («Ферстаппном»)
    proper = [p for p in analyzer().parse(word) if p.is_known and p.tag.grammemes & _PROPER]
    return tuple(dict.fromkeys(f.word for p in proper[:1] for f in p.lexeme))


def _key(word: str) -> str | None:
    """A name's first three consonants in either script (Putin / Путина → ptn, Adèle / Адель → dl):
    a Russian case ending adds letters after them."""
    from ..russian.translit import skeleton

    sk = skeleton(word)
    return sk[:3] if len(sk) >= 2 else None


def _backed_by_other_side(word: str, intended: str, other: str) -> bool:
    """The linked other side has a name written like ``word`` (same consonant key) and none like ``intended``.

    «Wilk» next to «Уилк», «Масуд» next to "Masoud": the translation confirms the spelling.
    """
    key, want = _key(word), _key(intended)
    if key is None or key == want:
        return False
    keys = {_key(n) for n in re.findall(r"(?<!\w)[A-ZА-ЯЁ][^\W\d_]{2,}", other)}
    return key in keys and want not in keys


def _proper_or_unknown(word: str, lang: str) -> bool:
    if lang == "en":
        return not en_known(word)
    from ..russian.morph import analyzer

    parses = [p for p in analyzer().parse(word) if p.is_known]
    return not parses or any(p.tag.grammemes & _PROPER for p in parses)


def _renders(word: str, other: str, intended: str | None = None) -> bool:
    """A Russian ``word`` is a name of the linked English side transliterated, in a case form
    («убере» for "Uber»), or closer to that name's transliteration than ``intended`` is
    («Дамин» for "Daming", not a slip of «Дамиан»)."""
    if not other or not re.search(r"[а-яё]", word, re.I):
        return False
    from ..russian.names import same_name
    from ..russian.translit import latin_to_ru

    stem = _stem(word, _RU_ENDINGS)
    for name in set(re.findall(r"(?<![\w'’])[A-Z][a-z]{2,}", other)):
        ru = _fold(latin_to_ru(name))
        renders = stem == _stem(ru, _RU_ENDINGS)
        # ...unless the intended word is a name rendering it as well: then the word is its slip
        # («Бразили» beside "Brazil" for «Бразилии»)
        if renders and not (intended and (intended[:1].isupper() or _known_proper(intended)) and (
                _stem(_fold(intended), _RU_ENDINGS) == _stem(ru, _RU_ENDINGS)
                or same_name(intended.capitalize(), ru.capitalize()))):
            return True
        # compared over the transliteration's length, where a case ending adds nothing («Бразили»
        # is no closer to "Brazil" than «Бразилии» is)
        if intended and (d := osa(_fold(word)[:len(ru)], ru)) <= 1 \
                and d < osa(_fold(intended)[:len(ru)], ru):
            return True
    return False


_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def _near_case_form(word: str, names: NameIndex) -> str | None:
    """A case form one slip from ``word`` of an article's name the dictionary doesn't know, made by
    the names engine («Аффелка» beside «Аффлек» twice: «Аффлека»). Only names that share the
    word's first two letters are declined (the slips are never on the first letter)."""
    from rapidfuzz.distance import OSA

    from ..russian.names import dictionary_form, inflect

    low = _fold(word)
    for name in names.shown.values():
        if not name[:1].isupper() or _fold(name)[:2] != low[:2] or abs(len(name) - len(word)) > 4:
            continue
        base = dictionary_form(name)
        for case in _CASES:
            form = inflect(base, {case, "sing"})
            if OSA.distance(_fold(form), low) == 1:
                return _cap(word, form)
    return None


def _known_proper(word: str) -> bool:
    """The dictionary knows ``word`` as a name (a person's, a place's, an organisation's)."""
    from ..russian.morph import analyzer

    return any(p.is_known and p.tag.grammemes & _PROPER for p in analyzer().parse(word))


def _named_there(name: str, other: str, glossary_names: tuple[str, ...] | None = None) -> bool:
    """The linked other side names someone whose consonant key is ``name``'s (or, for a glossary
    form, one of the term's names on the other side): the slip's intended name is the one this
    sentence is about («Пуитн» where the English says "Putin", «Рсосией» where it says "Russia")."""
    low = other.lower()
    if glossary_names and any(re.search(r"(?<!\w)" + re.escape(n.lower()), low) for n in glossary_names):
        return True

    key = _key(name)
    return key is not None and any(_key(n) == key for n in re.findall(r"(?<!\w)[A-ZА-ЯЁ][^\W\d_]{2,}", other))


# case endings of Russian nouns and adjectives; the English inflections
_RU_ENDINGS = sorted("а я у ю ом ем ём ой ей ою ею е и ы ам ям ами ями ах ях ов ев ь й ого его ому ему ым им ую ая яя "
                     "ое ее ые ие ых их".split(), key=len, reverse=True)
_EN_ENDINGS = ("'s", "’s", "es", "s", "ed", "ing", "d")


def _stem(word: str, endings) -> str:
    low = _fold(word)
    for e in endings:
        if low.endswith(e) and len(low) - len(e) >= 3:
            return low[: -len(e)]
    return low


def _inflection(a: str, b: str, lang: str) -> bool:
    """``a`` and ``b`` are one name in two case forms («Шольца», «Шольц»; "Cohrens", "Cohren")."""
    if lang == "ru":
        from ..russian.names import same_name

        # the names engine's case forms («Шольцем», «Шольца»; «Корену», «Корен»), which a doubled
        # or dropped letter is not («Россиии», «России»)
        return same_name(a, b)
    sa, sb = _stem(a, _EN_ENDINGS), _stem(b, _EN_ENDINGS)
    return sa == sb or sa == _fold(b) or sb == _fold(a)


# Keyboard rows (ЙЦУКЕН, QWERTY): a slip of the finger lands on the key beside the intended one
# (the keys above and below are further: a stray «а» for «е» is more often another word).
# Russian spelling confuses some letters by sound rather than by key (unstressed о/а, е/и,
# ы/и, ь/ъ, е/я, е/э).
_ROWS = {"ru": ("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"), "en": ("qwertyuiop", "asdfghjkl", "zxcvbnm")}
_SOUNDS = {frozenset(p) for p in ("ао", "еи", "иы", "ьъ", "ея", "еэ", "ёо", "ёе")}


@lru_cache(maxsize=1)
def _key_places() -> dict[str, tuple[str, int, int]]:
    return {ch: (lang, r, c) for lang, rows in _ROWS.items() for r, row in enumerate(rows) for c, ch in enumerate(row)}


def _near_keys(a: str, b: str) -> bool:
    places = _key_places()
    if a not in places or b not in places:
        return False
    (la, ra, ca), (lb, rb, cb) = places[a], places[b]
    return la == lb and ra == rb and abs(ca - cb) == 1


def likely_slip(word: str, intended: str) -> bool:
    """``word`` is ``intended`` with one slip a hand or the ear makes: two letters swapped, a letter
    dropped, doubled or added next to its key's neighbour, or changed for a neighbouring key or a
    letter of the same sound."""
    w, c = _fold(word), _fold(intended)
    if len(w) == len(c):
        diff = [k for k in range(len(w)) if w[k] != c[k]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and w[diff[0]] == c[diff[1]] and w[diff[1]] == c[diff[0]]:
            return True  # swap
        if len(diff) == 1:
            a, b = w[diff[0]], c[diff[0]]
            return _near_keys(a, b) or frozenset((a, b)) in _SOUNDS
        return False
    if len(w) == len(c) - 1:
        return True  # a letter dropped
    if len(w) == len(c) + 1:
        k = next((k for k in range(len(c)) if w[k] != c[k]), len(c))
        extra = w[k]
        around = {w[k - 1] if k else "", w[k + 1] if k + 1 < len(w) else ""}
        return extra in around or any(_near_keys(extra, x) for x in around if x)
    return False


def _slip_inside(word: str, intended: str) -> bool:
    """The edit is not on the first letter (seldom mistyped). A slip in the ending counts too: a
    real word the dictionary lacks with another ending («захватывающе») is in use on the web and
    ``in_use`` sets it aside."""
    w, c = _fold(word), _fold(intended)
    p = 0
    while p < min(len(w), len(c)) and w[p] == c[p]:
        p += 1
    longer = w if len(w) > len(c) else c
    while 0 < p < len(longer) and longer[p - 1] == longer[p]:
        p -= 1  # a doubled or dropped letter of a run counts from the run's start («talkeed»)
    return p >= 1


def _abbreviation(word: str) -> bool:
    """More than one capital: «УрФО», «БАДов», "NATO"."""
    tail = word[1:]
    return tail.lower() != tail


def article_typos(en_sents: list[str], ru_sents: list[str], glossary=None, *,
                  linked_en: dict[int, str] | None = None,
                  linked_ru: dict[int, str] | None = None) -> list[tuple[str, int, Finding]]:
    """Typo findings of one article as ``(side, sentence index, finding)``.

    ``linked_en`` maps a Russian sentence index to the English text of its link, ``linked_ru``
    an English one to the Russian: a name the other side spells the same way is no slip.
    """
    g_ru, g_en = _glossary_index(glossary) if glossary is not None and len(glossary) else (NameIndex(), NameIndex())
    return (_article(ru_sents, "ru", g_ru, linked_en or {}) + _article(en_sents, "en", g_en, linked_ru or {}))


def _article(sents: list[str], lang: str, glossary_names: NameIndex, linked: dict[int, str]) -> list:
    pattern, key, known = (_RU_WORD, _ru_key, ru_known) if lang == "ru" else (_EN_WORD, _fold, en_known)
    texts = [_readable(s) for s in sents]
    words = [pattern.findall(t) for t in texts]
    raw = Counter(w for ws in words for w in ws)
    keys = {w: key(w) for w in raw}
    uses: Counter = Counter()
    for w, n in raw.items():
        uses[keys[w]] += n
    # a word the dictionary doesn't know, used once (in any case form), long enough to judge
    once = {w for w, n in raw.items() if n == 1 and len(w) >= MIN_NAME and uses[keys[w]] == 1 and not known(w)
            and not _abbreviation(w) and w not in glossary_names}
    if not once:
        return []
    candidates = [(i, m) for i, ws in enumerate(words) if not once.isdisjoint(ws)
                  for m in pattern.finditer(texts[i]) if m.group(0) in once]
    # the article's names: capitalised, used twice or more, and capitalised in mid-sentence or
    # no common word (a sentence opening with «Позже» or "Later" names nobody)
    names = NameIndex()
    openers = Counter(ws[0] for ws in words if ws)  # a sentence's first word is capitalised anyway
    for w, n in raw.items():
        if w[:1].isupper() and len(w) >= MIN_NAME and uses[keys[w]] >= 2 and not _abbreviation(w) \
                and (n > openers.get(w, 0) or _proper_or_unknown(w, lang)):
            names.add_forms(w)
    out = []
    for i, m in candidates:
        w = m.group(0)
        if w in names or in_use(w, lang):
            continue
        start = _sentence_start(sents[i], m.start())
        other = linked.get(i, "")
        in_glossary = glossary_names.near(w)
        intended = in_glossary or names.near(w) or (_near_case_form(w, names) if lang == "ru" else None)
        source = "name"
        # a glossary name's slip where the linked side names that term; an article's name where the
        # word is long enough not to be another name one letter away, or the linked side names it.
        # A case form of the intended name, or the rendering of a name the linked side gives, is no slip.
        if intended and (_inflection(w, intended, lang) or _backed_by_other_side(w, intended, other)
                         or _renders(w, other, intended)
                         or (in_glossary or len(w) < MIN_LONG_NAME) and not _named_there(
                             intended, other, glossary_names.english.get(_fold(intended)))):
            intended = None
        # a capitalised word is a name unless a Russian sentence starts with it; English names
        # open sentences as often as other words do
        cap_ok = not w[:1].isupper() or (start and lang == "ru" and not _named_there(w, linked.get(i, "")))
        if intended is None and cap_ok and len(w) >= MIN_LOWER:
            low = neighbour(w.lower(), lang)
            # a word derived from a name the linked side gives («корнцам» beside "Cornish") is no slip
            if low and not _backed_by_other_side(w, low, other) and not _renders(w, other):
                intended, source = _cap(w, low), "dictionary word"
        elif intended is None and lang == "ru" and len(w) >= MIN_LOWER:
            # a capitalised word in mid-sentence: a slip of a name the dictionary knows
            # («Гермаини» for «Германии»), unless the linked English backs its spelling
            low = neighbour(w.lower(), lang)
            if low and _known_proper(low) and not _backed_by_other_side(w, low, other) \
                    and not _renders(w, other, low):
                intended, source = _cap(w, low), "dictionary name"
        if intended:
            out.append((lang, i, _finding(lang, w, intended, source)))
    return out


def _finding(side: str, word: str, intended: str, source: str) -> Finding:
    where = {"en": "English", "ru": "Russian"}[side]
    return Finding("typo", side, f"«{word}» looks like a typo for «{intended}» ({where})", found=word,
                   expected=intended, rule=f"typo_{source.replace(' ', '_')}",
                   why=f"not in the {where} dictionary, used once in the article; one edit from the "
                       f"{source} «{intended}»")
