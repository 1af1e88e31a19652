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
import logging
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from rapidfuzz import fuzz

from ..russian import morph
from ..russian.translit import ru_to_latin
from ..errors import BilingualError, GlossaryError
from ..model import Glossary, Term
from ..io import read_regular
from ..glossary.load import COLUMNS, MAX_GLOSSARY_BYTES, decode, formula_like, read_rows, terms_from_rows
from ..glossary.match import Matcher, tokenize, warm_worker
from ..glossary.names import CONNECTORS, EN_WORD, capital_runs, mentions, names_in_run, shouting, title_case
from ..glossary.render import (best_rendering, citation_form, lemma_key, mostly_latin, proper_keys, ru_ngrams,
                               spelling_variants,
                     translit_similarity)

# A designation: a word with a number hyphened to it or one or two digits after it ("An-24",
# "Formula 1"), or capitals after a number ("737 MAX"); not a year before a name or "Boeing 737".
_AFTER_NUMBER = re.compile(r"\d[ -]?$")
_BEFORE_NUMBER = re.compile(r"-\d|\s\d{1,2}\b")
EXTRA = ("confidence", "count", "evidence", "example_en", "example_ru", "status")
ACCEPTED = frozenset({"accepted", "accept", "approved", "yes", "ok"})
MIN_CONFIDENCE = 0.45

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
    note: str = ""  # the editor's note, carried into the glossary by --accept (empty as mined)
    confidence: float = 0.0
    count: int = 0
    example_en: str = ""
    example_ru: str = ""
    status: str = "proposed"
    evidence: str = ""  # what the mining saw (stays in the proposals file, never in the glossary)
    en_variants: tuple[str, ...] = ()  # other English spellings of the name the archive uses

    def row(self) -> dict[str, str]:
        return {"en": self.en, "ru": self.ru, "type": self.type, "variants": ";".join(self.variants),
                "forbidden": ";".join(self.forbidden), "note": self.note,
                "en_variants": ";".join(self.en_variants), "confidence": f"{self.confidence:.2f}", "count": str(self.count), "evidence": self.evidence,
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
    en_sents: list[str]  # the sentences candidates come from (not shouting, not a Title Case headline)
    ru_tokens: list[tuple[int, int, str]]
    ru_free: list[bool]  # token not inside a glossary hit
    ru_initial: list[bool]  # token is the first word of its sentence
    en_heads: list[str] = field(default_factory=list)  # Title Case headlines: body names are looked up in them










# ---------------------------------------------------------------- the corpus


def _collect(paths, glossary: Glossary, mode: str, result: MineResult, plan=None, progress=None) -> list[_Link]:
    """Every aligned link of the corpus, article by article (in worker processes under ``plan``);
    ``progress()`` is called after each article."""
    from ..sources.corpus import find_pairs
    from ..executors import Plan, ordered_map

    links = []
    context = {"glossary": glossary, "mode": mode, "warm": warm_worker, "preload": ("bilingual.mining.mine", "bilingual.align")}
    log = logging.getLogger("bilingual")
    for article_links, error, warnings in ordered_map(_article_links, find_pairs(paths), context, plan or Plan()):
        if progress is not None:
            progress()
        for warning in warnings:  # read in a worker: printed here, in article order
            log.warning(warning)
        if error is not None:
            result.errors.append(error)
            continue
        result.articles += 1
        links.extend(article_links)
    result.links = len(links)
    return links


def _article_links(context: dict, pairs) -> list[tuple[list[_Link], str | None, list[str]]]:
    """The per-article step of mining: (links, None, warnings), or ([], why it was skipped, warnings)."""
    from ..executors import captured_warnings
    from ..glossary.match import process_matcher

    matcher = process_matcher(context["glossary"]) or Matcher(context["glossary"])
    out = []
    for pair in pairs:
        if not (pair.en_path and pair.ru_path):
            out.append(([], f"{pair.slug}: missing a language version", []))
            continue
        with captured_warnings() as warnings:
            try:
                links = _links_of(pair, context["glossary"], context["mode"], matcher)
            except BilingualError as err:
                out.append(([], str(err), warnings))
                continue
        out.append((links, None, warnings))
    return out


def _links_of(pair, glossary: Glossary, mode: str, matcher: Matcher) -> list[_Link]:
    from ..align import align_documents
    from ..sources.corpus import read_document

    if pair.en_path == pair.ru_path:  # a CAT file: its finished units are the links
        from ..sources.catfiles import unit_alignment

        alignment = unit_alignment(pair.en_path)
        en_doc, ru_doc = alignment.en_doc, alignment.ru_doc
    else:
        en_doc = read_document(pair.en_path, "en")
        ru_doc = read_document(pair.ru_path, "ru")
        alignment = align_documents(en_doc, ru_doc, glossary=glossary, mode=mode)
    links = []
    for link in alignment.links:
        if not link.en or not link.ru:
            continue
        en_all = [en_doc.sentences[i] for i in link.en]
        # every sentence, headlines too (``mine`` sets Title Case ones apart)
        en_sents = [x.text for x in en_all if not shouting(x.text)]
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
        if mostly_latin(ru_text):  # an untranslated passage renders nothing
            free = [False] * len(tokens)
        initial = [s in starts for s, _, _ in tokens]
        heads: list[str] = []
        links.append(_Link(" ".join(x.text for x in en_all), ru_text, en_sents, tokens, free, initial, heads))
    return links








# ---------------------------------------------------------------- mining


def mine(paths, glossary: Glossary | None = None, *, min_count: int = 1, mode: str = "default",
         min_confidence: float = MIN_CONFIDENCE, jobs: int = 1, progress=None, top: int | None = None) -> MineResult:
    """Propose glossary rows for names in ``paths`` (corpus folders or article pairs).

    ``jobs`` worker processes read and align the articles; the proposals are the same as with one.
    ``progress()`` is called after each article. Proposals are ranked by confidence; ``top``
    keeps the first ``top`` of them.
    """
    from ..executors import Plan

    glossary = glossary or Glossary(())
    result = MineResult()
    links = _collect(paths, glossary, mode, result, Plan(jobs), progress)
    en_matcher = Matcher(glossary)
    glossary_en = {t.en for t in glossary}

    lowercase_words: set[str] = set()
    for link in links:
        lowercase_words.update(w for w in EN_WORD.findall(link.en) if w[0].islower())
    # a headline in Title Case gives no candidates, marked as a heading or not (a CAT file can't
    # mark it): its common words are capitalised too; a headline in sentence case reads like any
    # sentence, and a list of names ("CAST: Anna Berg, Tom Ellery") is no headline
    for link in links:
        heads = [t for t in link.en_sents if title_case(t, lowercase_words)]
        if heads:
            link.en_heads = heads
            link.en_sents = [t for t in link.en_sents if t not in heads]

    cand_links: dict[tuple[str, ...], list[int]] = defaultdict(list)
    unnumbered: set[tuple[str, ...]] = set()  # candidates seen at least once away from a number
    mid_sentence: set[tuple[str, ...]] = set()  # candidates seen other than as a sentence's first word
    written: dict[tuple[str, ...], Counter] = defaultdict(Counter)  # a country's names as the text writes them
    for li, link in enumerate(links):
        seen = set()
        for sent in link.en_sents:
            # places and organisations end a run ("NATO Secretary General Mark Rutte"); a known
            # surname doesn't ("Dmitry Peskov" is still a name to propose when only "Peskov" is listed)
            hits = en_matcher.find_en(sent)
            masked = [(h.start, h.stop) for h in hits if h.term.type != "person"]
            listed = {sent[h.start:h.stop] for h in hits}
            first = next((m.start() for m in EN_WORD.finditer(sent)), -1)
            for run in capital_runs(sent, masked):
                start = run[0][0] == first
                # a run glued to a number is part of a designation: "Formula 1", "An-24", "737 MAX"
                numbered = bool(_BEFORE_NUMBER.match(sent[run[-1][1]:])
                                or (run[-1][2].isupper() and _AFTER_NUMBER.search(sent[:run[0][0]])))
                for k, words in enumerate(names_in_run(run, start, lowercase_words)):
                    if " ".join(words) in listed or " ".join(words) in glossary_en:
                        continue
                    country = _country(words, glossary_en)
                    if country:  # "UK", "U.S.", "Spanish": the country, under its English name
                        written[country][" ".join(words)] += 1
                        words = country
                    if not numbered:
                        unnumbered.add(words)
                    if not start or k > 0 or len(words) > 1 or country:
                        mid_sentence.add(words)
                    if words not in seen:
                        seen.add(words)
                        cand_links[words].append(li)
            # a country named by its demonym ("Spanish port", "the Germans")
            for m in EN_WORD.finditer(sent):
                country = _country((m.group(),), glossary_en) if m.group()[:1].isupper() else None
                if country and country not in seen:
                    written[country][m.group()] += 1
                    seen.add(country)
                    unnumbered.add(country)
                    mid_sentence.add(country)
                    cand_links[country].append(li)

    # a name found in body text also counts where a headline has it
    for li, link in enumerate(links):
        for head in link.en_heads:
            for words in mentions(head, cand_links):
                if li not in cand_links[words]:
                    cand_links[words].append(li)

    # Russian n-grams per link, and in how many links each occurs
    ngrams = [ru_ngrams(link) for link in links]
    df: Counter = Counter()
    for grams in ngrams:
        df.update({key for _, key, _ in grams})

    proper = proper_keys(ngrams)
    surfaces_of: dict[tuple, Counter] = defaultdict(Counter)  # every surface of a lemma key, corpus-wide
    for grams in ngrams:
        for surf, key, _ in grams:
            surfaces_of[key][surf] += 1

    def score(words, lis):
        """(confidence, count, words, links, rendering) of a candidate, or None."""
        known = _known_renderings(words) if words in written else frozenset()
        # a person's name (an English given name first) needs no capitalised-name evidence on
        # the Russian side: «Трасс» is also a plural genitive of «трасса»
        best = best_rendering(words, lis, ngrams, df, None if _person_en(words) else proper, known)
        if best is None or best[0] < min_confidence:
            return None
        # a word only ever seen opening a sentence must at least sound like its rendering, or be
        # rendered by a name the dictionary knows («Китай» for "China")
        words = _rendered_part(words, best[2])
        shown = best[1].most_common(1)[0][0]
        known_name = dictionary_name(shown) or best[2] in known
        if words not in mid_sentence and translit_similarity(words, best[2]) < 0.75 and not known_name:
            return None
        return (_confidence(best, len(lis), words, shown, known_name), len(lis), words, lis, best)

    scored = []
    pending = [w for w, lis in cand_links.items() if len(lis) >= min_count and w in unnumbered]
    waiting = set(pending)
    tried = set(pending)
    parts: set[tuple[str, ...]] = set()  # candidates that are only parts of longer runs
    while pending:
        words = pending.pop()
        waiting.discard(words)
        found = score(words, cand_links[words])
        if found is not None:
            scored.append(found)
            continue
        # a run with no rendering as a whole is tried in its parts: "Louisiana Republican" is
        # rendered «республиканец из Луизианы», whose name is "Louisiana"
        for part in _parts(words):
            part_links = cand_links[part]
            have = set(part_links)
            grew = [li for li in cand_links[words] if li not in have]
            part_links.extend(grew)
            if len(part_links) < min_count:  # a part, too, must be seen often enough
                continue
            if part not in tried:
                tried.add(part)
                parts.add(part)
                unnumbered.add(part)
                mid_sentence.add(part)
                pending.append(part)
                waiting.add(part)
            elif grew and part not in waiting:  # scored before with fewer links: score it again
                scored = [x for x in scored if x[2] != part]
                pending.append(part)
                waiting.add(part)
    # one rendering, one name: where two candidates want the same Russian, the better one keeps it
    # ("Russia" → «Россия», not "Russian"), and a whole run before a part of one ("Al Hilal",
    # not "Hilal"); one that sounds like it is another spelling of the same name
    # ("Baikonor" / "Baikonur") and is listed as its English variant
    scored.sort(key=lambda x: (x[2] in parts, -x[0], -x[1], x[2]))
    owner: dict[tuple, int] = {}
    en_variants: dict[int, list[str]] = defaultdict(list)
    for conf, count, words, lis, (_, _, key, together) in scored:
        if key in owner:
            i = owner[key]
            other = result.proposals[i].en
            if " ".join(words) != other and fuzz.ratio(" ".join(words).lower(), other.lower()) >= 80:
                en_variants[i].append(" ".join(words))
            continue
        owner[key] = len(result.proposals)
        examples = [li for li in lis if any(k == key for _, k, _ in ngrams[li])][:2]
        ru = citation_form(surfaces_of[key], " ".join(words))
        # other spellings the archive uses for the same name: variants (or forms to forbid) to review
        others = [citation_form(v, " ".join(words)) for v in spelling_variants(words, lis, ngrams, key)]
        others = tuple(dict.fromkeys(v for v in others if not same_name(v, ru, " ".join(words))))
        if words in written:  # the names the text used for the country ("UK", "British")
            en_variants[owner[key]] += [w for w in written[words] if w != " ".join(words)
                                        and _country_name(w)]
        result.proposals.append(Proposal(
            en=" ".join(words), ru=ru, type=name_type(ru, " ".join(words)), confidence=round(conf, 2), count=count,
            variants=others,
            evidence=f"with this rendering in {together} of {count} links"
                     + (f"; also spelt {', '.join(others)}" if others else ""),
            example_en=_example(links, examples, "en"), example_ru=_example(links, examples, "ru")))
    _complete_given_names(result.proposals)
    for i, names in en_variants.items():
        if not names:
            continue
        p = result.proposals[i]
        names = tuple(dict.fromkeys(names))
        result.proposals[i] = replace(p, en_variants=names,
                                      evidence=p.evidence + f"; English also {', '.join(names)}")
    result.proposals.sort(key=lambda p: (-p.confidence, -p.count, p.en))
    if top is not None:
        del result.proposals[top:]
    result.variations = _variations(links, glossary, ngrams, df)
    return result









def _country(words: tuple[str, ...], glossary_en: set[str]) -> tuple[str, ...] | None:
    """The English name of the country ``words`` names ("UK", "U.S.", "Spanish"), unless the
    glossary has it already."""
    from ..glossary.countries import country_of

    c = country_of(" ".join(words))
    if c is None or c.name in glossary_en or not _known_renderings(tuple(c.name.split())):
        return None
    return tuple(EN_WORD.findall(c.name))


def _country_name(word: str) -> bool:
    """A name of a country ("UK", "U.S."), not its demonym."""
    from ..glossary.countries import country_named

    return country_named(word.replace(".", "")) is not None


def _known_renderings(words: tuple[str, ...]) -> frozenset:
    """Lemma keys of a country's Russian names (CLDR and the press's short names)."""
    from ..glossary.countries import russian_names

    return frozenset(lemma_key(tuple(w for _, _, w in tokenize(n))) for n in russian_names(" ".join(words)))


def _complete_given_names(proposals: list[Proposal]) -> None:
    """A person's name the Russian gives by the surname alone ("John Travolta" / «Траволты») takes
    the given name's rendering from the archive's other names with it ("John Smith" / «Джон
    Смит»), so that the glossary row has the whole name."""
    from ..russian.given_names import is_given_name

    seen: dict[str, Counter] = defaultdict(Counter)
    for p in proposals:
        en, ru = p.en.split(), p.ru.split()
        if len(en) == len(ru) >= 2 and is_given_name(en[0]) and _CYR.search(ru[0]):
            seen[en[0]][ru[0]] += p.count
    for i, p in enumerate(proposals):
        en, ru = p.en.split(), p.ru.split()
        if len(en) == len(ru) + 1 and seen.get(en[0]) and is_given_name(en[0]) \
                and translit_similarity(tuple(en[1:]), tuple(ru)) >= 0.6:
            given = seen[en[0]].most_common(1)[0][0]
            proposals[i] = replace(p, ru=f"{given} {p.ru}", type="person",
                                   evidence=p.evidence + f"; given name «{given}» as the archive renders {en[0]}")


def _rendered_part(words: tuple[str, ...], key: tuple[str, ...]) -> tuple[str, ...]:
    """The English cut to what the Russian renders: a word more in the English than in its
    rendering, at either end, that the rendering doesn't sound like is no part of the name
    ("Barrister Iyabo Awokoya" / «юрист Иябо Авокоя»)."""
    from ..russian.given_names import is_given_name

    if len(key) != len(words) - 1 or len(key) == 0:
        return words
    whole = translit_similarity(words, key)
    joined = " ".join(key)
    for part, dropped in ((words[1:], words[0]), (words[:-1], words[-1])):
        if part[0] in CONNECTORS or part[-1] in CONNECTORS:
            continue
        if dropped == words[0] and is_given_name(dropped):
            continue  # a person's given name the Russian leaves out ("John Travolta" / «Траволты»)
        if fuzz.partial_ratio(dropped.lower(), ru_to_latin(joined).lower()) >= 60:
            continue  # the word is in the rendering: "European Parliament" / «Европарламент»
        if translit_similarity(part, key) >= max(0.75, whole + 0.1):
            return part
    return words


def _parts(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A run without its last or its first word, titles trimmed; not a run cut inside an "of"
    phrase ("Goal of the Month" has no part "Goal")."""
    from ..glossary.names import trim_name

    if len(words) < 2 or any(w in CONNECTORS for w in words):
        return []
    return [p for p in (trim_name(list(words[:-1])), trim_name(list(words[1:]))) if p]


def same_name(a: str, b: str, en: str) -> bool:
    from ..russian.names import same_name as same

    return same(a, b, en)


def _person_en(words: tuple[str, ...]) -> bool:
    from ..russian.given_names import is_given_name

    return len(words) > 1 and is_given_name(words[0])


def dictionary_name(words: tuple[str, ...]) -> bool:
    """Every Cyrillic word of the rendering is a proper noun pymorphy3's dictionary knows."""
    cyr = [w for w in words if _CYR.search(w)]
    return bool(cyr) and all(morph.is_known(w) and morph.is_proper(w) for w in cyr)


def _confidence(best, count: int, words: tuple[str, ...], top: tuple[str, ...], known: bool) -> float:
    """How far an editor can trust a proposal (0..1): the rendering's own score (sound and
    association), how many links attest the pairing (one link is weak evidence, four are
    strong), and whether the two sides read as a name (a proper noun the dictionary knows, a
    word kept in Latin script, or an English given name)."""
    from ..russian.given_names import is_given_name

    score, _surfaces, _key, together = best
    support = together / (count + 1)
    latin = not any(_CYR.search(w) for w in top)
    name = known or latin or (len(words) > 1 and is_given_name(words[0]))
    return min(1.0, 0.5 * min(score, 1.0) + 0.3 * support + 0.2 * (1.0 if name else translit_similarity(words, top)))


def name_type(ru: str, en: str | None = None) -> str:
    """person, place or organization: the names engine's reading, else pymorphy3's tags."""
    from ..russian.names import read_name

    kind = read_name(ru, en).kind
    return kind or guess_type(ru)


def guess_type(ru: str) -> str:
    """person, place or organization from pymorphy3's reading of the rendering, else ""."""
    tags = [p.tag for _, _, w in tokenize(ru) if _CYR.search(w) for p in morph.parse(w)[:2]]
    for grammemes, kind in (({"Name", "Surn", "Patr"}, "person"), ({"Geox"}, "place"),
                            ({"Orgn", "Abbr"}, "organization")):
        if any(grammemes & t.grammemes for t in tags):
            return kind
    return ""


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
            words = tuple(EN_WORD.findall(en))
            best = best_rendering(words, [li], ngrams, df)
            if best is None:
                continue
            if _CYR.search(terms[en].ru) and not _CYR.search(" ".join(best[2])):
                continue  # English left in the Russian: untranslated text, which check reports
            if translit_similarity(words, best[2]) >= 0.6:
                form = citation_form(best[1], en)
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
                                evidence=f"archive: {seen_note}", confidence=round(ours / total, 2), count=total,
                                example_en=links[li].en, example_ru=links[li].ru))
        else:
            out.append(Proposal(en=en, ru=term.ru, type=term.type, variants=(max(unlisted, key=lambda x: x[1])[0],),
                                evidence=f"archive mostly uses another form: {seen_note}",
                                confidence=round(1 - ours / total, 2), count=total,
                                example_en=links[li].en, example_ru=links[li].ru))
    return out


def _listed_form(term: Term, surface: str) -> str:
    """Which of the term's listed forms a hit's surface is (by lemmas)."""
    key = lemma_key(tuple(w for _, _, w in tokenize(surface)))
    for form in (*term.allowed, *term.forbidden):
        if lemma_key(tuple(w for _, _, w in tokenize(form))) == key:
            return form
    return term.ru


# ---------------------------------------------------------------- files


def _safe(cell: str) -> str:
    return "'" + cell if formula_like(cell) else cell


def proposals_csv(proposals: list[Proposal]) -> str:
    """The review CSV: the glossary's columns (``en_variants`` empty, for the reviewer to fill),
    then confidence, count, examples and status."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[*COLUMNS, "en_variants", *EXTRA], lineterminator="\n", restval="")
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
        data = read_regular(path, limit=MAX_GLOSSARY_BYTES, what="proposal files", error=GlossaryError)
    except OSError as err:
        raise GlossaryError(f"can't read: {err.strerror or err}", path=p) from None
    header, rows = read_rows(decode(data, p), p)
    if "status" not in header:
        raise GlossaryError("no 'status' column: mark the rows to add as status=accepted", path=p, line=1)
    si = header.index("status")
    chosen = [(line, cells) for line, cells in rows if len(cells) > si and cells[si].strip().lower() in ACCEPTED]
    columns = [c for c in (*COLUMNS, "en_variants") if c in header]  # en_variants: optional
    idx = [header.index(c) for c in columns]
    return terms_from_rows(columns, [(line, [cells[i] for i in idx]) for line, cells in chosen], p)


def accept(glossary_path: str | os.PathLike, proposals_path: str | os.PathLike, *, dry_run: bool = False):
    """Merge the accepted rows of a reviewed proposals CSV into the glossary (see ``merge_terms``)."""
    from ..glossary.exchange import merge_terms

    terms = read_accepted(proposals_path)
    return merge_terms(glossary_path, terms, source=Path(proposals_path).name, dry_run=dry_run)


__all__ = ["EXTRA", "MineResult", "Proposal", "accept", "mine", "proposals_csv", "read_accepted"]
