"""What a Russian sentence holds besides its own prose: links and tags, English quotations, brand nouns.

``NOT_PROSE`` matches what no translator translates (web and e-mail addresses, @handles, markup
tags); ``english_quote`` finds a quotation left in English inside a Russian sentence;
``lowercase_use`` finds a brand the Russian writes as a common noun («в твиттере»).
"""

from __future__ import annotations

import re

from ..model import Term

# What no translator translates: web addresses, e-mail addresses, @handles, markup tags
NOT_PROSE = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+|@\w+|</?[A-Za-z][^>]*>")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


# Names Russian also uses as common nouns, in lowercase: «написал в твиттере», «летишь на боинге»
COMMON_NOUN_TYPES = frozenset({"organization", "product"})


# how close a Russian word's transliteration must be to a brand's English name («Ютьюбе» for YouTube)
MIN_BRAND_SIMILARITY = 75.0
_CYR_TOKEN = re.compile(r"[А-ЯЁа-яё][а-яё]{2,}")


def lowercase_use(term: Term, ru_text: str) -> bool:
    """A brand the Russian writes as a common noun, in lowercase («в твиттере» for Twitter), or
    spells in Cyrillic by its sound where the glossary keeps it in Latin («на Ютьюбе» for YouTube)."""
    if term.type not in COMMON_NOUN_TYPES:
        return False
    from ..glossary.match import stem

    for name in term.allowed:
        s = stem(name) if " " not in name and name[:1].isupper() else None
        if s and re.search(r"(?<![\w-])" + re.escape(s) + r"[а-яё]{0,4}(?![\w-])", ru_text):
            return True
    if " " in term.en or len(term.en) < 4:
        return False
    from rapidfuzz import fuzz

    from ..russian.morph import proper_lemma
    from ..russian.translit import ru_to_latin

    target = term.en.lower()
    return any(fuzz.ratio(ru_to_latin(proper_lemma(w)).lower(), target) >= MIN_BRAND_SIMILARITY
               for w in _CYR_TOKEN.findall(ru_text))


_QUOTED = re.compile(r"«([^«»]+)»|\"([^\"]+)\"|“([^”]+)”|„([^“”]+)[“”]")
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
# words a title or a name seldom has and a sentence nearly always does
_EN_SENTENCE_WORDS = frozenset("we i you he she they it is are was were will would be been have has had not "
                               "do does did can could this that there our my your their said".split())


def english_quote(text: str) -> str | None:
    """A quotation inside a Russian sentence left in English («"We will be back," – сказал Смит»):
    three Latin words or more, nothing Cyrillic, an English pronoun or verb among them, and not
    in title case."""
    for m in _QUOTED.finditer(text):
        span = next(g for g in m.groups() if g is not None)
        if _CYRILLIC.search(span):
            continue
        words = _LATIN_WORD.findall(span)
        if all(w[:1].isupper() for w in words[1:]):
            continue  # «I Will Always Love You»: a title, kept in English on purpose
        if len(words) >= 3 and sum(len(w) for w in words) >= 0.7 * len(_LETTERS.findall(span)) \
                and any(w.lower() in _EN_SENTENCE_WORDS for w in words):
            return span.strip(" ,.")
    return None


def latin_kept(term: Term, ru_text: str) -> bool:
    """The name kept in Latin letters inside the Russian («как сообщает Business Radio of Armenia»,
    «в Twitter»): the English name itself, as a word, stands for it."""
    return any(re.search(r"(?<![A-Za-z])" + re.escape(name) + r"(?![A-Za-z])", ru_text)
               for name in term.en_names if len(name) >= 2)


# third-person pronouns by gender, every case; "he"/"she" and their forms in English
_RU_PRONOUNS = {"masc": frozenset("он его него ему нему им ним нём нем".split()),
                "femn": frozenset("она её ее неё нее ей ней ею нею".split())}
_EN_PRONOUNS = {"masc": frozenset("he him his himself".split()), "femn": frozenset("she her hers herself".split())}
_WORD = re.compile(r"[^\W\d_]+")


def pronoun_for(term: Term, en_text: str, ru_text: str, named_before: bool) -> bool:
    """A person the Russian sentence calls «он»/«она» where the English names them: the Russian
    has named the person earlier in the article, and has more pronouns of the person's gender
    than the English (a pronoun the English has too, beside the name, stands for something else)."""
    if term.type != "person" or not named_before:
        return False
    from ..russian.declension import person_gender

    gender = person_gender(term.ru, term.en)
    ru = sum(1 for w in _WORD.findall(ru_text.lower()) if w in _RU_PRONOUNS[gender])
    en = sum(1 for w in _WORD.findall(en_text.lower()) if w in _EN_PRONOUNS[gender])
    return ru > en
