"""Mine the archive for names the glossary lacks, with the Russian rendering the site used.

1. Every article pair is read and aligned (with the glossary as anchors).
2. English candidates are runs of capitalised words (``Mark Rutte``,
   ``Bank of England``, ``Ali al-Sistani``) outside glossary terms. Titles in
   front (``Prime Minister``) are dropped, and a sentence's first word only
   counts when the corpus never writes it in lowercase (``The``, ``But`` go;
   ``Pezeshkian said`` stays).
3. For each candidate, every Russian word n-gram of the links it occurs in is
   a possible rendering, keyed by its pymorphy3 lemmas so that every case form
   counts together. A rendering scores by transliteration similarity to the
   English (``translit``: Pezeshkian / Пезешкианом) and by association over
   links (how often they occur together against how often each occurs).
4. The best rendering is given in the nominative, with a confidence, the count
   and two example sentence pairs; an editor marks the rows to keep as
   ``accepted`` and ``--accept`` merges them into the glossary.

Existing terms are checked too: where the archive renders a term in forms the
glossary doesn't list, the minority forms are proposed as ``forbidden`` (or,
when the glossary's own form is the minority, the usual form as a variant).
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from .. import morph
from ..errors import BilingualError, GlossaryError
from ..model import Glossary, Term
from ..translit import ru_to_latin, skeleton
from .load import COLUMNS, decode, formula_like, read_rows, terms_from_rows
from .match import Matcher, tokenize

EXTRA = ("confidence", "count", "example_en", "example_ru", "status")
ACCEPTED = frozenset({"accepted", "accept", "approved", "yes", "ok"})
MIN_CONFIDENCE = 0.45

# Dotted abbreviations (U.S.) are one word; so are O'Brien and al-Sistani.
_EN_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.U)
_CONNECTORS = frozenset({"of", "de", "da", "al", "bin", "ibn", "von", "van", "der", "den", "la", "le", "du",
                         "del", "di", "dos", "das", "the", "y"})
_TITLES = frozenset({
    "President", "Prime", "Minister", "Secretary", "General", "Director", "Mr", "Mrs", "Ms", "Dr", "Gov",
    "Sen", "Rep", "King", "Queen", "Pope", "Chancellor", "Foreign", "Defence", "Defense", "Supreme",
    "Leader", "Mayor", "Governor", "Spokesman", "Spokeswoman", "Ambassador", "Deputy", "Vice", "Chairman",
    "Commander", "Senator", "Speaker", "Premier", "Former", "Acting", "Chief", "Head", "Envoy", "Special",
    "Representative", "Adviser", "Advisor", "National", "Security", "State", "Interior", "Justice", "Lt",
    "Col", "Gen", "Sir", "Lord", "Prince", "Princess", "Emperor", "Patriarch", "Archbishop", "Bishop", "Saint",
})
_ABBREVIATIONS = frozenset({"St", "Mt", "Ft", "Jr", "Sr", "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Gov", "Sen", "Rep"})
# Words after which a person's name follows ("Iranian President Masoud Pezeshkian").
_PERSON_TITLES = frozenset({
    "President", "Minister", "Secretary", "General", "Director", "Mr", "Mrs", "Ms", "Dr", "Gov", "Sen", "Rep",
    "King", "Queen", "Pope", "Chancellor", "Leader", "Mayor", "Governor", "Spokesman", "Spokeswoman",
    "Ambassador", "Chairman", "Commander", "Senator", "Speaker", "Premier", "Envoy", "Adviser", "Advisor",
    "Lt", "Col", "Gen", "Sir", "Lord", "Prince", "Princess", "Patriarch", "Archbishop", "Bishop",
})
# Nationality words: attributes, not names ("German Chancellor" → «канцлер Германии»).
_DEMONYMS = frozenset("""
Afghan African Albanian Algerian American Arab Arabic Argentine Armenian Asian Australian Austrian Azerbaijani
Belarusian Belgian Brazilian British Bulgarian Canadian Caucasian Chechen Chilean Chinese Colombian Croatian
Cuban Czech Danish Dutch Egyptian English Estonian Ethiopian European Finnish French Georgian German Greek
Hungarian Indian Indonesian Iranian Iraqi Irish Israeli Italian Japanese Jewish Jordanian Kazakh Korean Kurdish
Kyrgyz Latvian Lebanese Libyan Lithuanian Mexican Moldovan Mongolian Moroccan Nigerian Nordic Norwegian
Pakistani Palestinian Persian Polish Portuguese Romanian Russian Saudi Scottish Serbian Slovak Slovenian Somali
Soviet Spanish Sudanese Swedish Swiss Syrian Taiwanese Tajik Thai Turkish Turkmen Ukrainian Uzbek Venezuelan
Vietnamese Welsh Western Eastern Northern Southern Yemeni
""".split())
_NEVER = frozenset({
    "I", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
})
_CYR = re.compile(r"[а-яё]", re.I)


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class Proposal:
    """One row of the mining CSV."""

    en: str
    ru: str
    type: str = ""
    variants: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    note: str = ""
    confidence: float = 0.0
    count: int = 0
    example_en: str = ""
    example_ru: str = ""
    status: str = "proposed"

    def row(self) -> dict[str, str]:
        return {"en": self.en, "ru": self.ru, "type": self.type, "variants": ";".join(self.variants),
                "forbidden": ";".join(self.forbidden), "note": self.note,
                "confidence": f"{self.confidence:.2f}", "count": str(self.count),
                "example_en": self.example_en, "example_ru": self.example_ru, "status": self.status}


@dataclass
class MineResult:
    proposals: list[Proposal] = field(default_factory=list)  # new names
    variations: list[Proposal] = field(default_factory=list)  # existing terms rendered in unlisted forms
    articles: int = 0
    links: int = 0
    errors: list[str] = field(default_factory=list)  # articles that couldn't be read


@dataclass
class _Link:
    en: str
    ru: str
    en_sents: list[str]  # body sentences (headlines are in Title Case, so they give no candidates)
    ru_tokens: list[tuple[int, int, str]]
    ru_free: list[bool]  # token not inside a glossary hit
    ru_initial: list[bool]  # token is the first word of its sentence
    en_heads: list[str] = field(default_factory=list)  # headline sentences of the link


# ---------------------------------------------------------------- English candidates


def _runs(sentence: str, masked: list[tuple[int, int]]):
    """Runs of capitalised words (with connectors between them): lists of (start, stop, word)."""

    def inside(s, e):
        return any(a < e and s < b for a, b in masked)

    run: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int, str]] = []  # connectors waiting for the next capitalised word
    prev: tuple[int, int, str] | None = None
    for m in _EN_WORD.finditer(sentence):
        s, e, w = m.start(), m.end(), m.group()
        gap = sentence[prev[1]:s] if prev else ""
        # "William J. Burns", "St. Petersburg": an initial's or abbreviation's dot doesn't end the name
        dotted = gap == ". " and prev is not None and (len(prev[2]) == 1 and prev[2].isupper()
                                                         or prev[2] in _ABBREVIATIONS)
        joined = gap == " " or dotted
        prev = (s, e, w)
        cap = w[0].isupper() and w not in _NEVER and not inside(s, e)
        if run and joined and cap:
            if dotted:
                ps, pe, pw = run[-1]
                run[-1] = (ps, pe + 1, pw + ".")
            run += pending + [(s, e, w)]
            pending = []
            continue
        if run and joined and w in _CONNECTORS and len(pending) < 2:
            pending.append((s, e, w))
            continue
        if run:
            yield run
        run, pending = ([(s, e, w)] if cap else []), []
    if run:
        yield run


def _clean_run(run, sentence_start: bool, lowercase_words: set[str]) -> list[tuple[str, ...]]:
    """The names in a run: titles cut out ("CIA Director William J. Burns" → CIA, William J. Burns)."""
    words = [w for _, _, w in run]
    if any(len(w) > 5 and w.isupper() and "." not in w for w in words):  # a shouted word, not an acronym
        return []
    words = [re.sub(r"['’]s$", "", w) for w in words]
    if sentence_start and run and words and words[0].lower() in lowercase_words:
        words = words[1:]
    cut = [i for i, w in enumerate(words[:-1]) if w.rstrip(".") in _PERSON_TITLES
           or (w == "State" and i >= 2 and words[i - 2] == "Secretary")]
    parts = [words[:cut[-1] + 1], words[cut[-1] + 1:]] if cut else [words]
    return [p for p in (_trim(part) for part in parts) if p]


def _trim(words: list[str]) -> tuple[str, ...]:
    while len(words) > 1 and words[0].rstrip(".") in _TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1].rstrip(".") in _TITLES:  # "Israeli Prime Minister"
        words = words[:-1]
    while words and words[-1] in _CONNECTORS:
        words = words[:-1]
    while words and words[0] in _CONNECTORS:
        words = words[1:]
    if len(words) == 1 and (words[0].rstrip(".") in _TITLES or words[0] in _DEMONYMS or len(words[0]) < 2):
        return ()
    return tuple(words)


# ---------------------------------------------------------------- similarity


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


def _lemma_key(words: tuple[str, ...]) -> tuple[str, ...]:
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


# ---------------------------------------------------------------- the corpus


def _collect(paths, glossary: Glossary, mode: str, result: MineResult) -> list[_Link]:
    from ..align import align_documents
    from ..corpus import find_pairs, read_document

    matcher = Matcher(glossary)
    links = []
    for pair in find_pairs(paths):
        if not (pair.en_path and pair.ru_path):
            result.errors.append(f"{pair.slug}: missing a language version")
            continue
        try:
            en_doc = read_document(pair.en_path, "en")
            ru_doc = read_document(pair.ru_path, "ru")
            alignment = align_documents(en_doc, ru_doc, glossary=glossary, mode=mode)
        except BilingualError as err:
            result.errors.append(str(err))
            continue
        result.articles += 1
        for link in alignment.links:
            if not link.en or not link.ru:
                continue
            en_all = [en_doc.sentences[i] for i in link.en]
            en_sents = [x.text for x in en_all if not x.heading and not _shouting(x.text)]
            ru_sents = [ru_doc.sentences[i].text for i in link.ru]
            ru_text = " ".join(ru_sents)
            starts, pos = set(), 0
            for sent in ru_sents:
                first = next((t for t in tokenize(sent) if t[2][0].isalnum()), None)
                if first is not None:
                    starts.add(pos + first[0])
                pos += len(sent) + 1
            tokens = tokenize(ru_text)
            hits = matcher.find_ru(ru_text)
            hits = [h for h in hits if h.term.type != "person"]
            free = [not any(h.start < e and s < h.stop for h in hits) for s, e, _ in tokens]
            if _mostly_latin(ru_text):  # an untranslated passage renders nothing
                free = [False] * len(tokens)
            initial = [s in starts for s, _, _ in tokens]
            heads = [x.text for x in en_all if x.heading]
            links.append(_Link(" ".join(x.text for x in en_all), ru_text, en_sents, tokens, free, initial, heads))
    result.links = len(links)
    return links


def _mentions(text: str, candidates) -> list[tuple[str, ...]]:
    """Candidates whose words occur in ``text`` as a whole-word phrase."""
    found = []
    for words in candidates:
        phrase = " ".join(words)
        for m in re.finditer(re.escape(phrase), text):
            before = text[m.start() - 1] if m.start() else " "
            after = text[m.end()] if m.end() < len(text) else " "
            if not before.isalnum() and not after.isalnum():
                found.append(words)
                break
    return found


def _mostly_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) > 0.5 * len(letters)


def _shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 10 and sum(c.isupper() for c in letters) > 0.5 * len(letters)


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
    return pos not in _NOT_IN_NAMES


def _ru_ngrams(link: _Link, max_n: int = 4):
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
            out.append((words, _lemma_key(words), not link.ru_initial[i]))
    return out


# ---------------------------------------------------------------- mining


def mine(paths, glossary: Glossary | None = None, *, min_count: int = 1, mode: str = "default",
         min_confidence: float = MIN_CONFIDENCE) -> MineResult:
    """Propose glossary rows for names in ``paths`` (corpus folders or article pairs)."""
    glossary = glossary or Glossary(())
    result = MineResult()
    links = _collect(paths, glossary, mode, result)
    en_matcher = Matcher(glossary)
    glossary_en = {t.en for t in glossary}

    lowercase_words: set[str] = set()
    for link in links:
        lowercase_words.update(w for w in _EN_WORD.findall(link.en) if w[0].islower())

    cand_links: dict[tuple[str, ...], list[int]] = defaultdict(list)
    mid_sentence: set[tuple[str, ...]] = set()  # candidates seen other than as a sentence's first word
    for li, link in enumerate(links):
        seen = set()
        for sent in link.en_sents:
            # places and organisations end a run ("NATO Secretary General Mark Rutte"); a known
            # surname doesn't ("Dmitry Peskov" is still a name to propose when only "Peskov" is listed)
            hits = en_matcher.find_en(sent)
            masked = [(h.start, h.stop) for h in hits if h.term.type != "person"]
            listed = {sent[h.start:h.stop] for h in hits}
            first = next((m.start() for m in _EN_WORD.finditer(sent)), -1)
            for run in _runs(sent, masked):
                start = run[0][0] == first
                for k, words in enumerate(_clean_run(run, start, lowercase_words)):
                    if " ".join(words) in listed or " ".join(words) in glossary_en:
                        continue
                    if not start or k > 0 or len(words) > 1:
                        mid_sentence.add(words)
                    if words not in seen:
                        seen.add(words)
                        cand_links[words].append(li)

    # a name found in body text also counts where a headline has it
    for li, link in enumerate(links):
        for head in link.en_heads:
            for words in _mentions(head, cand_links):
                if li not in cand_links[words]:
                    cand_links[words].append(li)

    # Russian n-grams per link, and in how many links each occurs
    ngrams = [_ru_ngrams(link) for link in links]
    df: Counter = Counter()
    for grams in ngrams:
        df.update({key for _, key, _ in grams})

    proper = _proper_keys(ngrams)
    surfaces_of: dict[tuple, Counter] = defaultdict(Counter)  # every surface of a lemma key, corpus-wide
    for grams in ngrams:
        for surf, key, _ in grams:
            surfaces_of[key][surf] += 1

    scored = []
    for words, lis in cand_links.items():
        if len(lis) < min_count:
            continue
        best = _best_rendering(words, lis, ngrams, df, proper)
        if best is None or best[0] < min_confidence:
            continue
        # a word only ever seen opening a sentence must at least sound like its rendering
        if words not in mid_sentence and translit_similarity(words, best[2]) < 0.75:
            continue
        scored.append((best[0], len(lis), words, lis, best))
    # one rendering, one name: where two candidates want the same Russian, the better one keeps it
    # ("Russia" → «Россия», not "Russian")
    scored.sort(key=lambda x: (-x[0], -x[1], x[2]))
    taken: set[tuple] = set()
    for conf, count, words, lis, (_, _, key, together) in scored:
        if key in taken:
            continue
        taken.add(key)
        examples = [li for li in lis if any(k == key for _, k, _ in ngrams[li])][:2]
        result.proposals.append(Proposal(
            en=" ".join(words), ru=_citation_form(surfaces_of[key]), confidence=round(conf, 2), count=count,
            note=f"mined: with this rendering in {together} of {count} links",
            example_en=_example(links, examples, "en"), example_ru=_example(links, examples, "ru")))
    result.proposals.sort(key=lambda p: (-p.confidence, -p.count, p.en))
    result.variations = _variations(links, glossary, ngrams, df)
    return result


def _proper_keys(ngrams) -> set[tuple]:
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


def _best_rendering(words, lis, ngrams, df, proper: set[tuple] | None = None):
    """(confidence, surface forms, lemma key, links together) of the likeliest rendering, or None.

    With ``proper``, only renderings among those keys count.
    """
    co: Counter = Counter()
    surfaces: dict[tuple, Counter] = defaultdict(Counter)
    for li in lis:
        keys = set()
        for surf, key, mid in ngrams[li]:
            if abs(len(key) - len(words)) > 1:
                continue
            surfaces[key][surf] += 1
            keys.add(key)
        co.update(keys)
    best = None
    n = len(lis)
    for key, c in co.items():
        if proper is not None and key not in proper:
            continue
        if len(words) == 1 and words[0].isupper() and not _acronym_rendering(surfaces[key]):
            continue
        if len(key) == 1 and _adjective(surfaces[key].most_common(1)[0][0][0]):
            continue  # «Украинский» for "Ukrainian": a name is a noun
        surf = surfaces[key].most_common(1)[0][0]
        sim = max(translit_similarity(words, key), translit_similarity(words, surf))
        assoc = c / (n + df[key] - c)
        conf = 0.6 * sim + 0.4 * assoc - (0.1 if len(key) != len(words) else 0.0)
        if sim < 0.5 and (assoc < 0.75 or c < 2):  # neither sounds alike nor reliably co-occurs
            continue
        cand = (conf, surfaces[key], key, c)
        if best is None or cand[0] > best[0]:
            best = cand
    return best


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
    return w.isupper() and (not morph.is_known(w) or "Abbr" in morph.tag_of(w))


def _citation_form(surfaces: Counter) -> str:
    """The rendering in the nominative, word by word, from every surface form seen.

    A dictionary word takes a form seen in the nominative, else is inflected
    into it (adjectives keep agreeing); a word pymorphy3 doesn't know takes its
    shortest form seen (Шольц, not Шольцем), since Russian case endings add
    letters to foreign names.
    """
    forms = [w for w in surfaces.most_common()]
    size = len(forms[0][0])
    out = []
    for i in range(size):
        seen: Counter = Counter()
        for words, count in forms:
            seen[words[i]] += count
        ranked = [w for w, _ in seen.most_common()]
        first = ranked[0]
        if not _CYR.search(first):
            out.append(first)
        elif morph.is_known(first):
            nom = next((w for w in ranked if any("nomn" in p.tag or "Fixd" in p.tag for p in morph.parse(w))), None)
            out.append(nom or morph.inflect(first, {"nomn"}) or first)
        else:
            short = min(ranked, key=lambda w: (len(w), w[-1] not in "ая", -seen[w]))
            guess = morph.lemma(short)  # trusted only when it just drops an ending: Кийве → Кийв
            if len(guess) < len(short) and morph.norm(short).startswith(guess):
                short = morph.match_case(short, guess)
            out.append(short)
    return " ".join(out)


def _example(links, lis, side: str) -> str:
    texts = [getattr(links[li], side) for li in lis]
    return " | ".join(texts)


def _variations(links, glossary: Glossary, ngrams, df) -> list[Proposal]:
    """Existing terms the archive renders in forms the glossary doesn't list."""
    if not len(glossary):
        return []
    m = Matcher(glossary)
    seen: dict[str, Counter] = defaultdict(Counter)
    examples: dict[tuple[str, str], int] = {}
    terms = {t.en: t for t in glossary}
    for li, link in enumerate(links):
        en_terms = {h.term.en for h in m.find_en(link.en)}
        if not en_terms:
            continue
        ru_hits = defaultdict(list)
        for h in m.find_ru(link.ru):
            ru_hits[h.term.en].append(h)
        for en in en_terms:
            if ru_hits.get(en):
                for h in ru_hits[en]:
                    seen[en][_listed_form(terms[en], h.form)] += 1
                continue
            words = tuple(_EN_WORD.findall(en))
            best = _best_rendering(words, [li], ngrams, df)
            if best is None:
                continue
            if _CYR.search(terms[en].ru) and not _CYR.search(" ".join(best[2])):
                continue  # English left in the Russian: untranslated text, which check reports
            if translit_similarity(words, best[2]) >= 0.6:
                form = _citation_form(best[1])
                seen[en][form] += 1
                examples.setdefault((en, form), li)
    out = []
    for en, forms in seen.items():
        term = terms[en]
        listed = {morph.norm(f) for f in (*term.allowed, *term.forbidden)}
        unlisted = [(f, c) for f, c in forms.items() if morph.norm(f) not in listed]
        if not unlisted:
            continue
        total = sum(forms.values())
        ours = sum(c for f, c in forms.items() if morph.norm(f) in {morph.norm(a) for a in term.allowed})
        seen_note = ", ".join(f"{f} ×{c}" for f, c in forms.most_common())
        li = examples[(en, unlisted[0][0])]
        if ours >= max(c for _, c in unlisted):
            out.append(Proposal(en=en, ru=term.ru, type=term.type, forbidden=tuple(f for f, _ in unlisted),
                                note=f"archive: {seen_note}", confidence=round(ours / total, 2), count=total,
                                example_en=links[li].en, example_ru=links[li].ru))
        else:
            out.append(Proposal(en=en, ru=term.ru, type=term.type, variants=(max(unlisted, key=lambda x: x[1])[0],),
                                note=f"archive mostly uses another form: {seen_note}",
                                confidence=round(1 - ours / total, 2), count=total,
                                example_en=links[li].en, example_ru=links[li].ru))
    return out


def _listed_form(term: Term, surface: str) -> str:
    """Which of the term's listed forms a hit's surface is (by lemmas)."""
    key = _lemma_key(tuple(w for _, _, w in tokenize(surface)))
    for form in (*term.allowed, *term.forbidden):
        if _lemma_key(tuple(w for _, _, w in tokenize(form))) == key:
            return form
    return term.ru


# ---------------------------------------------------------------- files


def _safe(cell: str) -> str:
    return "'" + cell if formula_like(cell) else cell


def proposals_csv(proposals: list[Proposal]) -> str:
    """The review CSV: the glossary's columns, then confidence, count, examples and status."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[*COLUMNS, *EXTRA], lineterminator="\n")
    writer.writeheader()
    for p in proposals:
        row = p.row()
        row["example_en"], row["example_ru"] = _safe(row["example_en"]), _safe(row["example_ru"])
        writer.writerow(row)
    return buf.getvalue()


def read_accepted(path: str | os.PathLike) -> tuple[Term, ...]:
    """The rows of a reviewed proposals CSV whose ``status`` is accepted (validated as glossary rows)."""
    p = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise GlossaryError(f"can't read: {err.strerror or err}", path=p) from None
    header, rows = read_rows(decode(data, p), p)
    if "status" not in header:
        raise GlossaryError("no 'status' column: mark the rows to add as status=accepted", path=p, line=1)
    si = header.index("status")
    chosen = [(line, cells) for line, cells in rows if len(cells) > si and cells[si].strip().lower() in ACCEPTED]
    idx = [header.index(c) for c in COLUMNS]
    return terms_from_rows(list(COLUMNS), [(line, [cells[i] for i in idx]) for line, cells in chosen], p)


def accept(glossary_path: str | os.PathLike, proposals_path: str | os.PathLike, *, dry_run: bool = False):
    """Merge the accepted rows of a reviewed proposals CSV into the glossary (see ``merge_terms``)."""
    from .exchange import merge_terms

    terms = read_accepted(proposals_path)
    return merge_terms(glossary_path, terms, source=Path(proposals_path).name, dry_run=dry_run)


__all__ = ["EXTRA", "MineResult", "Proposal", "accept", "mine", "proposals_csv", "read_accepted",
           "translit_similarity", "nominative"]
