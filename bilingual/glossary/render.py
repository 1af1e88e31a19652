"""Russian renderings of English names: lemma-keyed n-grams of aligned text, scored by
transliteration similarity and association over links, cited in the nominative."""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from ..russian import morph
from ..russian.translit import ru_to_latin, skeleton

_CYR = re.compile(r"[а-яё]", re.I)


def _word_sim(en: str, ru: str) -> float:
    if not _CYR.search(ru):
        return fuzz.ratio(en.lower(), ru.lower()) / 100
    latin = ru_to_latin(ru).lower()
    a = fuzz.ratio(en.lower(), latin)
    sk_en, sk_ru = skeleton(en), skeleton(ru)
    b = fuzz.ratio(sk_en, sk_ru) if sk_en and sk_ru else 0
    return max(a, b) / 100


def translit_similarity(en_words: tuple[str, ...], ru_words: tuple[str, ...]) -> float:
    """How much a Russian word sequence sounds like the English one (0..1)."""
    if len(en_words) == len(ru_words):
        return sum(_word_sim(e, r) for e, r in zip(en_words, ru_words)) / len(en_words)
    return _word_sim(" ".join(en_words), " ".join(ru_words)) * 0.9


def lemma_key(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(morph.proper_lemma(w) if _CYR.search(w) else w.lower() for w in words)


def nominative(words: tuple[str, ...]) -> str:
    """A Russian phrase seen in some case, put in the nominative word by word.

    Dictionary words are inflected (an adjective keeps agreeing with its noun);
    a name pymorphy3 doesn't know gets its best-guess lemma.
    """
    out = []
    for w in words:
        if not _CYR.search(w):
            out.append(w)
            continue
        parses = morph.parse(w)
        if parses and ("nomn" in parses[0].tag or "Fixd" in parses[0].tag):
            out.append(w)
        elif morph.is_known(w):
            out.append(morph.inflect(w, {"nomn"}) or w)
        else:
            out.append(morph.match_case(w, morph.lemma(w)))
    return " ".join(out)


def _is_nominative(words: tuple[str, ...]) -> bool:
    for w in words:
        if not _CYR.search(w):
            continue
        parses = morph.parse(w)
        if not parses or not ("nomn" in parses[0].tag or "Fixd" in parses[0].tag):
            return False
    return True


def mostly_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) > 0.5 * len(letters)


_NOT_IN_NAMES = frozenset({"VERB", "INFN", "NPRO", "CONJ", "PRCL", "ADVB", "PRED", "INTJ", "GRND", "PRTS", "COMP"})


def _content_word(word: str, edge: bool) -> bool:
    """Can this word be part of a name (a preposition only inside: «План действий по членству»)?"""
    if not _CYR.search(word):
        return word[:1].isupper()
    if word.isupper() and len(word) > 5:  # shouting, not an abbreviation
        return False
    if not morph.is_known(word):
        return True
    pos = morph.tag_of(word).POS
    if pos == "PREP":
        return not edge
    # a capitalised word with a reading as a name is one, whatever its likelier reading
    # («Али» is also a conjunction, «Роза» a noun)
    return pos not in _NOT_IN_NAMES or (word[:1].isupper() and morph.is_proper(word))


def ru_ngrams(link, max_n: int = 4):
    """Word n-grams of the Russian side outside glossary hits: (words, key, capitalised mid-sentence)."""
    toks = link.ru_tokens
    out = []
    for i in range(len(toks)):
        first = toks[i][2]
        if not first[0].isalpha() or not link.ru_free[i] or not (first[0].isupper() or not _CYR.search(first)):
            continue
        for n in range(1, max_n + 1):
            seq = toks[i:i + n]
            if len(seq) < n or not link.ru_free[i + n - 1] or not seq[-1][2][0].isalpha():
                break
            if n > 1 and toks[i + n - 1][0] - toks[i + n - 2][1] > 1:
                break
            words = tuple(t[2] for t in seq)
            if not all(_content_word(w, k in (0, n - 1)) for k, w in enumerate(words)):
                continue
            out.append((words, lemma_key(words), not link.ru_initial[i]))
    out += _derived_places(link)
    return out


_RELATIVE = re.compile(r"[сц]к(?:ий|ой|ая|ое|ие|ого|ому|ом|ую|их|им|ими|ей|ою)$", re.I)


def _derived_places(link):
    """The place a relative adjective names, as if the text had written it: «в Рязанской
    области» for "in Ryazan region", «испанский порт» for "Spanish port" also read as
    «Рязань», «Испания» (``russian.derived.places_of``; only places the dictionary knows)."""
    from ..russian.derived import places_of

    out = []
    for i, (_s, _e, word) in enumerate(link.ru_tokens):
        if link.ru_free[i] and _RELATIVE.search(word) and _CYR.search(word):
            for place in places_of(word):
                words = tuple(place.split())
                out.append((words, lemma_key(words), DERIVED))
    return out


DERIVED = "derived"  # the third field of an n-gram read from an adjective (truthy: it is a name)


def proper_keys(ngrams) -> set[tuple]:
    """Lemma keys that look like names: capitalised in mid-sentence somewhere in the corpus, Latin,
    or (seen only opening sentences) words pymorphy3 reads as names or doesn't know.
    That keeps «Запад» and «Хельсинки» and drops «Аналитики» or «российский» for "Russian"."""
    out = set()
    for grams in ngrams:
        for surf, key, mid in grams:
            if mid or not _CYR.search(surf[0]) or all(_name_like(w) for w in surf):
                out.add(key)
    return out


def _name_like(word: str) -> bool:
    if not _CYR.search(word) or not morph.is_known(word):
        return True
    return any(_NAME_TAGS & p.tag.grammemes for p in morph.parse(word))


_NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})


def best_rendering(words, lis, ngrams, df, proper: set[tuple] | None = None, known: frozenset = frozenset()):
    """(confidence, surface forms, lemma key, links together) of the likeliest rendering, or None.

    With ``proper``, only renderings among those keys count. ``known`` holds the lemma keys of
    renderings a reference gives for the name (a country's Russian names): they count as
    sounding exactly like it.
    """
    co: Counter = Counter()
    surfaces: dict[tuple, Counter] = defaultdict(Counter)
    spelled: set[tuple] = set()  # keys that spell the English name's initials
    written: set[tuple] = set()  # keys the text writes (not only read from an adjective)
    letters = len(words[0]) if len(words) == 1 and words[0].isupper() and words[0].isalpha() else 0
    for li in lis:
        keys = set()
        for surf, key, mid in ngrams[li]:
            if abs(len(key) - len(words)) > 1:
                # an initialism of the name («УОБО» for "Ust-Orda Buryat Okrug"), or an acronym
                # spelt out, one word a letter ("SNP" / «Шотландская национальная партия»)
                if len(key) == 1 and initialism(words, surf[0]):
                    spelled.add(key)
                elif not (letters > 1 and len(key) == letters):
                    continue
            surfaces[key][surf] += 1
            keys.add(key)
            if mid != DERIVED:
                written.add(key)
        co.update(keys)
    best = None
    n = len(lis)
    for key, c in sorted(co.items()):  # in a fixed order: ties go the same way in every run
        if proper is not None and key not in proper and key not in known:
            continue
        if (len(words) == 1 and words[0].isupper() and not _acronym_rendering(surfaces[key]) and key not in known
                and len(key) != letters):
            continue
        if len(key) == 1 and _adjective(surfaces[key].most_common(1)[0][0][0]):
            continue  # «Украинский» for "Ukrainian": a name is a noun
        surf = surfaces[key].most_common(1)[0][0]
        assoc = c / (n + df[key] - c)
        if key in known or key in spelled:
            sim = 1.0
        elif letters > 1 and len(key) == letters:
            # a translated name sounds like nothing: an acronym spelt out counts only where the two
            # always occur together, and as a middling match
            if c < 2 or assoc < 0.75:
                continue
            sim = 0.5
        else:
            sim = max(translit_similarity(words, key), translit_similarity(words, surf))
            if key not in written and sim < 0.85:
                continue  # a place only read from an adjective must sound like the name («Курильск» ≠ Kuril)
        conf = 0.6 * sim + 0.4 * assoc - (0.1 if len(key) != len(words) else 0.0)
        if sim < 0.5 and (assoc < 0.75 or c < 2):  # neither sounds alike nor reliably co-occurs
            continue
        cand = (conf, surfaces[key], key, c)
        if best is None or cand[0] > best[0]:
            best = cand
    if best is not None and len(best[2]) == len(words) - 1:
        # the whole name, not its head: a key one word longer, as long as the English, that occurs
        # exactly where the chosen one does («Фракции Свободы» for "Freedom Caucus", not «Фракции»)
        key = best[2]
        for longer, c in co.items():
            if (len(longer) == len(words) and (longer[:-1] == key or longer[1:] == key) and c == best[3]
                    and df[longer] == df[key] and (proper is None or longer in proper)):
                best = (best[0], surfaces[longer], longer, c)
                break
    return best


_SMALL_WORDS = frozenset({"of", "the", "and", "for", "de", "la", "on", "in", "&"})
# English initials a Russian letter may spell besides its own (C as К or С).
_INITIAL_SOUNDS = {"c": "кс", "j": "д", "q": "к", "x": "кз", "w": "ув", "h": "х"}


def initialism(words: tuple[str, ...], acronym: str) -> bool:
    """``acronym`` (Cyrillic or Latin capitals) spells the initials of the English name's words
    ("Ust-Orda Buryat Okrug" / «УОБО», "Ultimate Fighting Championship" / UFC)."""
    parts = [p for w in words for p in re.split(r"[-‑]", w) if p and p.lower() not in _SMALL_WORDS]
    if len(parts) < 2 or len(acronym) != len(parts) or not acronym.isupper() or not acronym.isalpha():
        return False
    for part, letter in zip(parts, acronym.lower()):
        initial = part[0].lower()
        if not _CYR.search(letter):
            if letter != initial:
                return False
        elif ru_to_latin(letter)[:1] != initial and letter not in _INITIAL_SOUNDS.get(initial, ""):
            return False
    return True


def spelling_variants(words, lis, ngrams, best_key: tuple) -> list[Counter]:
    """Other spellings of the chosen rendering in the same links («Мейсси» next to «Мэсси»):
    surface counts of each lemma key of the same length that sounds like the English and
    differs from the chosen key by a letter or two."""
    seen: dict[tuple, Counter] = defaultdict(Counter)
    for li in lis:
        for surf, key, _mid in ngrams[li]:
            if key != best_key and len(key) == len(best_key):
                seen[key][surf] += 1
    out = []
    floor = max(0.75, translit_similarity(words, best_key) - 0.1)
    for key, surfaces in seen.items():
        joined = " ".join(key)
        if any(c.isdigit() for c in joined) or joined[:1] != " ".join(best_key)[:1]:
            continue  # «Ан-24» / «Ан-32» are two aircraft; «Карбери» is another man than «Барбери»
        if translit_similarity(words, key) < floor or fuzz.ratio(joined, " ".join(best_key)) < 80:
            continue
        out.append(surfaces)
    return out


def _adjective(word: str) -> bool:
    """An adjective with no reading as a proper noun («Украинский»; «Зеленский» is also a surname)."""
    if not _CYR.search(word) or not morph.is_known(word):
        return False
    parses = morph.parse(word)
    if any(p.tag.POS == "NOUN" and _NAME_TAGS & p.tag.grammemes for p in parses):
        return False
    return parses[0].tag.POS in ("ADJF", "ADJS")


def _acronym_rendering(surfaces: Counter) -> bool:
    """An English acronym's rendering: Latin, or Russian capitals that are an abbreviation (НАТО, ЦРУ)."""
    surf = surfaces.most_common(1)[0][0]
    if len(surf) != 1:
        return False
    w = surf[0]
    if not _CYR.search(w):
        return True
    return w.isupper() and (not morph.is_known(w) or bool({"Abbr", "Orgn"} & morph.tag_of(w).grammemes))


def citation_form(surfaces: Counter, en: str | None = None) -> str:
    """The rendering in its dictionary form, from every surface form seen (word tuples → counts).

    The names engine (``russian.names.best_form``) reads each surface with the English
    spelling ``en``: a mention written in its dictionary form decides, else the form most
    mentions read as.
    """
    from ..russian.names import best_form

    if en is None:
        return _citation_form_without_english(surfaces)
    texts: Counter = Counter()
    for words, count in surfaces.items():
        texts[" ".join(words)] += count
    if not any(_CYR.search(t) for t in texts):
        return texts.most_common(1)[0][0]
    return best_form(texts, en)


def _citation_form_without_english(surfaces: Counter) -> str:
    """The rendering in the nominative, word by word, from every surface form seen.

    A dictionary word takes a form seen in the nominative, else is inflected
    into it (adjectives keep agreeing); a word pymorphy3 doesn't know takes its
    shortest form seen (Шольц, not Шольцем), since Russian case endings add
    letters to foreign names.
    """
    forms = [w for w in surfaces.most_common()]
    size = len(forms[0][0])
    top = forms[0][0]
    agreed: list[str] = []
    if size > 1 and all(w[:1].isupper() and _CYR.search(w) for w in top):
        # A person's name: its words agree in gender and case («Алихана Смаилова» → «Алихан Смаилов»);
        # a word's agreed nominative is taken where pymorphy3 knows the word or that nominative.
        from ..russian.names import lemmatize_name

        agreed = lemmatize_name(" ".join(top)).split()
        if len(agreed) != size:
            agreed = []
    out = []
    for i in range(size):
        seen: Counter = Counter()
        for words, count in forms:
            seen[words[i]] += count
        ranked = [w for w, _ in seen.most_common()]
        first = ranked[0]
        if agreed and (morph.is_known(top[i]) or morph.is_known(agreed[i])):
            out.append(agreed[i])
        elif not _CYR.search(first):
            out.append(first)
        elif morph.is_known(first):
            nom = next((w for w in ranked if any("nomn" in p.tag or "Fixd" in p.tag for p in morph.parse(w))), None)
            out.append(nom or morph.inflect(first, {"nomn"}) or first)
        else:
            short = min(ranked, key=lambda w: (len(w), w[-1] not in "ая", -seen[w]))
            # pymorphy3's guessed lemma, trusted only when it just changes or drops the ending
            # (Кийве → Кийв, Пандоры → Пандора; not Олаф → Олафа or Шольцем → Шолец)
            guess, low = morph.lemma(short), morph.norm(short)
            if len(guess) <= len(low) and guess != low and len(os.path.commonprefix([guess, low])) >= len(guess) - 1:
                short = morph.match_case(short, guess)
            out.append(short)
    return " ".join(out)
