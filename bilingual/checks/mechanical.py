"""Mechanical checks of one linked sentence pair, the ones every CAT tool's QA runs.

Each check is a function ``(en, ru) -> list[Finding]`` over the raw text of the
link's two sides (Markdown kept inline, as the reader keeps it). Most compare the
sides: an unbalanced quote, an URL or a bold phrase is a problem when one side
has it and the other doesn't, so a quotation that runs over several sentences
(unbalanced on both sides alike) is no flag.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import repeat
from operator import eq

from .finding import Finding

# ---------------------------------------------------------------- brackets and quotes

_BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"))


_BRACKET_CHARS = re.compile(r"[()\[\]{}]")
_NO_BRACKETS = {o + c: 0 for o, c in _BRACKETS}


def _bracket_balance(text: str) -> dict[str, int]:
    """Per bracket family, openings minus closings (a closing before any opening counts too)."""
    marks = _BRACKET_CHARS.findall(text)
    if not marks:
        return _NO_BRACKETS
    out = {}
    for o, c in _BRACKETS:
        depth = extra = 0
        for ch in marks:
            if ch == o:
                depth += 1
            elif ch == c:
                if depth:
                    depth -= 1
                else:
                    extra += 1
        out[o + c] = depth + extra
    return out


# A list marker «1)» or «а)» at the start opens nothing.
_LIST_MARK = re.compile(r"^\s*(?:\d{1,2}|[a-zа-я])\)\s")


def _quote_balance(text: str) -> dict[str, int]:
    """Per quote family, how far from closed: «» by depth, straight and curly double quotes by parity.

    Russian opens „ and closes “, English opens “ and closes ”: the three curly marks
    together come in pairs either way, so their count's parity is the test.
    """
    depth, extra = _open_close(text) if "«" in text or "»" in text else (0, 0)
    curly = text.count("„") + text.count("“") + text.count("”")
    return {"«»": depth + extra, '"': text.count('"') % 2, "“”": curly % 2}


_GUILLEMETS = re.compile("[«»]")


def _open_close(text: str) -> tuple[int, int]:
    """«» left open at the end of ``text``, and » closing what ``text`` never opened."""
    depth = extra = 0
    for ch in _GUILLEMETS.findall(text):
        if ch == "«":
            depth += 1
        elif depth:
            depth -= 1
        else:
            extra += 1
    return depth, extra


def _guillemets_continue(text: str, before: str, after: str) -> bool:
    """The quotation runs on from or into a neighbouring sentence: a » closing what ``text`` never
    opened, where the sentence ``before`` leaves one open; a « left open, where the sentence
    ``after`` closes one it never opened. A neighbour unbalanced the other way (its own quotation
    ends just before this one opens) excuses nothing."""
    opened, closed = _open_close(text)
    return bool((closed and _open_close(before)[0]) or (opened and _open_close(after)[1]))


_ANY_PAIRED = re.compile(r"[()\[\]{}«»\"„“”]")


def has_paired_marks(text: str) -> bool:
    """Whether ``text`` has a bracket or a quote mark at all (most sentences have neither)."""
    return _ANY_PAIRED.search(text) is not None


def _has_quotes(text: str) -> bool:
    return any(ch in text for ch in "«»\"„“”")


def unpaired(en: str, ru: str, *, around: dict[str, list[str]] | None = None) -> list[Finding]:
    """A bracket or quote opened and not closed (or closed and not opened) on one side only.

    ``around``: the sentences just before and after the link on each side (``en``/``ru``):
    a quotation the segmenter cut into two sentences is unbalanced there too, and
    excuses the link. An English side is not judged when the Russian has no quote marks at
    all (Russian turns a quotation into a dialogue dash); a Russian «» left open is, even where
    the English sets a title in italics instead.
    """
    around = around or {}
    out = []
    if not _ANY_PAIRED.search(en) and not _ANY_PAIRED.search(ru):
        return out
    en_b, ru_b = _bracket_balance(_LIST_MARK.sub(" ", en)), _bracket_balance(_LIST_MARK.sub(" ", ru))
    for side, mine, other in (("en", en_b, ru_b), ("ru", ru_b, en_b)):
        near = [_bracket_balance(t) for t in around.get(side, ())]
        for fam, n in mine.items():
            if n and not other[fam] and not any(b[fam] for b in near):
                out.append(Finding("unpaired_bracket", side, f"unpaired bracket {fam[0]}…{fam[1]} in the "
                                   f"{_SIDE[side]} (the {_SIDE[_OTHER[side]]} has its brackets closed)",
                                   found=fam, why=f"{side}: {n} {fam} without its partner"))
    en_q, ru_q = _quote_balance(en), _quote_balance(ru)
    text_of = {"en": en, "ru": ru}
    # translators change the quote marks («» for “”), so the other side counts as a whole
    for side, mine, other, other_text in (("en", en_q, ru_q, ru), ("ru", ru_q, en_q, en)):
        if any(other.values()) or (side == "en" and not _has_quotes(other_text)):
            continue
        texts = list(around.get(side, ()))
        near = [_quote_balance(t) for t in texts]
        for fam, n in mine.items():
            if fam == "«»" and n and len(texts) == 2:
                excused = _guillemets_continue(text_of[side], *texts)
            else:
                excused = any(b[fam] for b in near)
            if n and not excused:
                mark = fam if len(fam) == 1 else f"{fam[0]}…{fam[1]}"
                out.append(Finding("unpaired_quote", side, f"unpaired quote {mark} in the {_SIDE[side]} "
                                   f"(the {_SIDE[_OTHER[side]]} closes its quotes)",
                                   found=fam, why=f"{side}: {fam} left open or closed twice"))
                break
    return out


_SIDE = {"en": "English", "ru": "Russian"}
_OTHER = {"en": "ru", "ru": "en"}

# ---------------------------------------------------------------- repeated word, double space

_PUNCT = ".,;:!?()[]{}«»\"'“”„‘’—–-*_"
_REPEAT = re.compile(r"(?<![\w-])([^\W\d_]+)\s+(\1)(?![\w-])", re.IGNORECASE)
# Grammatical reduplications of English ("he had had", "that that is…"; LanguageTool's
# word-repeat rule makes the same exceptions) and Russian emphatic ones (the hyphen-less
# «очень очень» is a typo, but «так так» or «да да» is speech).
_ALLOWED_REPEATS = {
    "en": frozenset({"had", "that", "is", "do", "bye", "no", "yeah", "very", "ha", "knock", "well"}),
    "ru": frozenset({"так", "да", "нет", "ну", "ха", "ой", "ай", "тук", "бла", "чуть"}),
}


# a word said twice on purpose, written with a hyphen or a comma («очень-очень», "very, very")
_REDUPLICATION = re.compile(r"(?<![\w-])([^\W\d_]+)(?:-|,?\s+)(\1)(?![\w-])", re.IGNORECASE)


def repeats_on_purpose(text: str) -> bool:
    """``text`` repeats a word, with or without a hyphen or comma between."""
    return _REDUPLICATION.search(text) is not None


def repeated_word(text: str, lang: str, other: str | None = None) -> list[Finding]:
    """The same word twice in a row («в в», "the the").

    ``other``: the linked sentence of the other language. When it repeats a word too («очень,
    очень» for "very very", «Я… я» for "I I"), the repetition is the speaker's (emphasis,
    a stammer in a transcript) and the translation keeps it: no slip.
    """
    out = []
    words = list(map(str.strip, text.lower().split(), repeat(_PUNCT)))
    if not any(map(eq, words, words[1:])) or not any(a == b and a for a, b in zip(words, words[1:])):
        return out  # no two neighbours alike: the regex has nothing to find
    if other and repeats_on_purpose(other.replace("…", " ").replace("...", " ")):
        return out
    for m in _REPEAT.finditer(text):
        word = m.group(1)
        if word.lower() in _ALLOWED_REPEATS.get(lang, ()):
            continue
        if m.group(2)[:1].isupper() and len(word) > 1:
            continue  # "Walla Walla", «Бора Бора»: a name, capitalised twice, is not a slip
        out.append(Finding("repeated_word", lang, f"word repeated: «{m.group(0)}»", found=m.group(0),
                           expected=word, why=f"{lang}: the same word twice at {m.start()}"))
    return out


_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")


def double_space(text: str, lang: str) -> list[Finding]:
    """Two or more spaces between words (line-end spaces, Markdown's hard break, are not inside a line)."""
    if "  " not in text and "\u00a0" not in text:
        return []
    m = _DOUBLE_SPACE.search(text)
    if not m:
        return []
    around = text[max(0, m.start() - 15):m.end() + 15]
    return [Finding("double_space", lang, f"double space in the {_SIDE[lang]}: «{around.strip()}»",
                    found=around.strip(), why=f"{lang}: {m.end() - m.start()} spaces at {m.start()}")]


# ---------------------------------------------------------------- end punctuation

_TRAILING = re.compile(r"[\s\"'»”“’)\]*_]+$")


def _end_mark(text: str) -> str:
    t = _TRAILING.sub("", text)
    return t[-1:] if t else ""


# a statement with a question of one or two words tagged on: "…, right?", "…, isn't it?", "…, you know?"
_TAG_QUESTION = re.compile(r",\s*(?:\S+\s+)?\S+\?+!?$")


def _sentence_type(text: str) -> str:
    t = _TRAILING.sub("", text)
    tail = t[-3:]
    if "?" in tail[-2:]:
        return "?"  # "?!" asks
    return t[-1:] if t else ""


# a Russian question by its form: the particle «ли», or a tag after a comma at the end
# («…, не правда ли», «…, да», «…, не так ли», «…, верно»)
_RU_ASKS = re.compile(r"(?<![\w-])ли(?![\w-])|,\s*(?:не\s+(?:правда|так)(?:\s+ли)?|правда|верно|да|так\s+ведь|ведь\s+так|"
                      r"нет|не\s+находите)\s*$", re.IGNORECASE)
_QUOTE_OPEN = "\"“„«'‘"
_QUOTE_CLOSE = "\"”“»'’"


def _quoted_end(text: str) -> bool:
    """The sentence ends inside a quotation that opens after its start (`He asked: "Why?"`): the
    question or exclamation is the quoted speaker's, and a translation may report it."""
    t = text.rstrip().rstrip(")]*_.…")
    if not t or t[-1] not in _QUOTE_CLOSE:
        return False
    body = t.rstrip(_QUOTE_CLOSE)
    opened = max(body.rfind(q) for q in _QUOTE_OPEN)
    return opened > 0 and bool(body[:opened].strip(" \t*_-—–:"))


def end_punctuation(en: str, ru: str) -> list[Finding]:
    """A question or exclamation of the English that the Russian ends as a statement.

    Only a Russian side with none of that mark anywhere counts: a quoted question inside a
    Russian sentence («Где ты?» — спросил он) keeps the sentence type. A Russian «!» the
    English lacks is the translator's right (Russian greets with «Здравствуйте!»). The type is
    read from the sentence's form, not only its last mark: a question quoted inside an English
    sentence may be reported in the Russian (he asked whether…), unless the Russian keeps the
    quotation; an English tag question ("…, right?") may lose its tag, unless the Russian keeps a
    tag or the particle «ли» of a question.
    """
    out = []
    mark = _sentence_type(en)
    what = {"?": "question", "!": "exclamation"}.get(mark)
    if not what or mark in ru or not ru.strip():
        return out
    asks = mark == "?" and _RU_ASKS.search(_TRAILING.sub("", ru).rstrip(".…")) is not None
    if not asks:
        if mark == "?" and (_TAG_QUESTION.search(_TRAILING.sub("", en)) or _sentence_type(ru) == "!"):
            return []  # "…, you know?" (a tag Russian drops), "Would you be so kind…?" → «Будьте добры…!»
        if _quoted_end(en) and not _quoted_end(ru):
            return []  # `She asked: "Who is it?"` → «Она спросила, кто это.»
    found = _end_mark(ru) or None
    out.append(Finding("end_punctuation", "ru", f"the English is a {what} («{mark}»), the Russian ends "
                       f"with «{found or 'nothing'}»", found=found, expected=mark,
                       why=f"en ends with {mark}; no {mark} in the Russian"
                           + ("; the Russian asks («ли» or a tag)" if asks else "")))
    return out


# ---------------------------------------------------------------- URLs, e-mail, handles, hashtags, links

_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>()\[\]«»\"]+", re.IGNORECASE)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_HANDLE = re.compile(r"(?<![\w@/.])@([A-Za-z0-9_]{2,30})\b(?!\.[A-Za-z])")
_HASHTAG = re.compile(r"(?<![\w#&/])#([^\W\d_][\w]{1,60})", re.UNICODE)
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def _norm_url(url: str) -> str:
    url = url.rstrip(".,;:!?'’")
    url = re.sub(r"^(?:https?://|ftp://)", "", url, flags=re.I)
    url = re.sub(r"^www\.", "", url, flags=re.I)
    host, _, rest = url.partition("/")
    return host.lower() + ("/" + rest.rstrip("/") if rest.rstrip("/") else "")


def references(text: str) -> dict[str, Counter]:
    """The URLs (normalised), e-mail addresses, @handles and #hashtags of a text, with counts."""
    link_targets = [_norm_url(m.group(2)) for m in _MD_LINK.finditer(text)]
    bare = _MD_LINK.sub(" ", text)
    urls = [_norm_url(u) for u in _URL.findall(bare)] + link_targets
    emails = [e.lower() for e in _EMAIL.findall(bare)]
    no_mail = _EMAIL.sub(" ", _URL.sub(" ", bare))
    return {
        "URL": Counter(u for u in urls if u),
        "e-mail": Counter(emails),
        "handle": Counter("@" + h.lower() for h in _HANDLE.findall(no_mail)),
        "hashtag": Counter("#" + h for h in _HASHTAG.findall(no_mail)),
    }


def reference_parity(en: str, ru: str, *, en_window: str | None = None, ru_window: str | None = None
                     ) -> list[Finding]:
    """URLs, e-mails, @handles and Markdown link targets the two sides don't share; hashtags by count.

    Hashtags are often translated (#Ukraine → #Украина), so only a different number
    of them is a problem; an address or a handle never is. ``en_window``/``ru_window``:
    for a link the aligner is unsure of, the link with its neighbours, where the
    other side's address may have gone.
    """
    if "@" not in en + ru and "#" not in en + ru and "/" not in en + ru and "www" not in (en + ru).lower():
        return []
    a, b = references(en), references(ru)
    a_near = references(en_window) if en_window is not None else a
    b_near = references(ru_window) if ru_window is not None else b
    out = []
    for what in ("URL", "e-mail", "handle"):
        only_en, only_ru = a[what] - b_near[what], b[what] - a_near[what]
        if not only_en and not only_ru:
            continue
        expected = ", ".join(sorted(only_en)) or None
        found = ", ".join(sorted(only_ru)) or None
        if only_en and only_ru:
            msg = f"{what} differs: EN {expected}, RU {found}"
        elif only_en:
            msg = f"{what} {expected} of the English is missing in the Russian"
        else:
            msg = f"{what} {found} in the Russian is not in the English"
        out.append(Finding("link_mismatch", "ru", msg, found=found, expected=expected, rule=what,
                           why=f"EN {what}s {sorted(a[what].elements())}; RU {sorted(b[what].elements())}"))
    n_en, n_ru = sum(a["hashtag"].values()), sum(b["hashtag"].values())
    if n_en != n_ru and (en_window is None or sum(a_near["hashtag"].values()) != sum(b_near["hashtag"].values())):
        out.append(Finding("link_mismatch", "ru", f"hashtags: {n_en} in the English, {n_ru} in the Russian",
                           found=" ".join(b["hashtag"]) or None, expected=" ".join(a["hashtag"]) or None,
                           rule="hashtag", why="a hashtag may be translated, but not dropped or added"))
    return out


# ---------------------------------------------------------------- inline markup

_CODE = re.compile(r"(`+)[^`\n]+?\1")
_MARKUP = {
    "bold": re.compile(r"(\*\*|__)(?=\S)[^\n]+?(?<=\S)\1|<(?:b|strong)>", re.IGNORECASE),
    "italics": re.compile(r"(?<![*\w])([*_])(?=[^\s*_])[^\n*_]+?(?<=[^\s*_])\1(?![*\w])|<(?:i|em)>",
                          re.IGNORECASE),
}


def markup_counts(text: str) -> dict[str, int]:
    code = len(_CODE.findall(text))
    text = _CODE.sub(" ", text)
    counts = {"code": code}
    for what, pattern in _MARKUP.items():
        counts[what] = len(pattern.findall(text))
        text = pattern.sub(" ", text)
    return counts


def markup_lost(en: str, ru: str) -> list[Finding]:
    """Bold, italics or code spans on one side that the other side lost (or gained)."""
    if not any(ch in en + ru for ch in "*_`<"):
        return []
    a, b = markup_counts(en), markup_counts(ru)
    out = []
    for what in a:
        if a[what] > b[what]:
            out.append(Finding("markup_lost", "ru", f"{what}: {a[what]} in the English, {b[what]} in the Russian",
                               found=str(b[what]), expected=str(a[what]), rule=what,
                               why=f"inline {what} spans counted on each side"))
        elif b[what] > a[what]:
            out.append(Finding("markup_lost", "ru", f"{what}: {b[what]} in the Russian, {a[what]} in the English",
                               found=str(b[what]), expected=str(a[what]), rule=what,
                               why=f"inline {what} spans counted on each side"))
    return out


# ---------------------------------------------------------------- length ratio

# How far (in the aligner's own length-model deviations) a pair must stray to be flagged.
# Over the 2,600 linked pairs of WMT22 dev and the enru-wide dev half, none strays 4 or more
# (the furthest, 3.9, is a translation that condenses a sentence); a Russian sentence cut to a
# third of its length strays 5 to 10.
LENGTH_Z = 4.0
MIN_LENGTH = 30  # characters of the longer side: short lines vary too much


@lru_cache(maxsize=1)
def _length_model():
    from ..align.dp import Params
    from ..align.scorers import text_length

    return Params(), text_length


def length_z(en: str, ru: str, params=None) -> float:
    """The RU length's deviation from the aligner's learned RU/EN length model, in its own units."""
    default, text_length = _length_model()
    p = params or default
    le, lr = text_length(en), text_length(ru)
    mean = 0.5 * (le + lr / p.ratio)
    return (lr - p.ratio * le) / math.sqrt(p.var * mean + p.var2 * mean * mean + 1.0)


def length_ratio(en: str, ru: str, threshold: float = LENGTH_Z) -> list[Finding]:
    """A Russian side far shorter or longer than the English, by the aligner's length distribution
    (the same model prices a merged bead, so a 2-1 link is measured the same way)."""
    if max(len(en), len(ru)) < MIN_LENGTH or not en.strip() or not ru.strip():
        return []
    z = length_z(en, ru)
    if abs(z) < threshold:
        return []
    ratio = len(ru) / max(len(en), 1)
    what = "shorter" if z < 0 else "longer"
    return [Finding("length_ratio", "ru", f"the Russian is far {what} than the English "
                    f"({len(ru)} vs {len(en)} characters, {z:+.1f} deviations from the usual ratio)",
                    found=f"{ratio:.2f}", expected="1.04",
                    why=f"aligner length model: RU ≈ 1.04 × EN characters; deviation {z:+.1f} beyond ±{threshold}")]


def pair_findings(en: str, ru: str, *, length_threshold: float = LENGTH_Z,
                  around: dict[str, list[str]] | None = None) -> list[Finding]:
    """Every mechanical finding of one linked pair (a 2-1 or 1-2 link is compared as a whole)."""
    out = unpaired(en, ru, around=around)
    out += repeated_word(en, "en", ru) + repeated_word(ru, "ru", en)
    out += double_space(en, "en") + double_space(ru, "ru")
    out += end_punctuation(en, ru)
    out += reference_parity(en, ru)
    out += markup_lost(en, ru)
    out += length_findings(en, ru, length_threshold, around)
    return out


def length_findings(en: str, ru: str, threshold: float = LENGTH_Z,
                    around: dict[str, list[str]] | None = None) -> list[Finding]:
    """``length_ratio`` of a link, unless one side is a piece of a quotation the segmenter cut."""
    if around and any(cut_inside_quotation(t, around.get(side, ())) for side, t in (("en", en), ("ru", ru))):
        return []
    return length_ratio(en, ru, threshold)


def cut_inside_quotation(text: str, around) -> bool:
    """The segmenter cut a quotation: ``text`` closes a quotation its sentence before left open,
    or opens one its sentence after closes (a brand with «!» inside quotes: «"Матч! Футбол 2"»).
    The piece's length says nothing about the translation."""
    if len(around) != 2 or not _has_quotes(text):
        return False
    before, after = around
    if _guillemets_continue(text, before, after):
        return True
    # straight and curly double quotes by parity: odd here and odd in the neighbour it runs into
    odd = _quote_balance(text)
    return any(odd[fam] and (_quote_balance(before)[fam] or _quote_balance(after)[fam]) for fam in ('"', "“”"))
