"""Precision and recall of `check` on real professional translations (WMT22 EN-RU news).

    python benchmarks/real_precision.py                     # false alarms on dev
    python benchmarks/real_precision.py --show unjudged     # print flags with no verdict yet, to read
    python benchmarks/real_precision.py --recall            # + injected-drift recall per kind on dev
    python benchmarks/real_precision.py --split test --glossary benchmarks/data/wmt-test-glossary.csv \
        --verdicts benchmarks/data/wmt-test-verdicts.csv --recall

Each document of ``../shared/eval-data/enru/<split>.jsonl`` becomes one article (one paragraph per
segment, as a site would publish it) and goes through the whole `check`: read, segment, align,
match, rules. The untouched references are professional translations, so every flag on them
is read by hand and its verdict recorded in ``benchmarks/data/wmt-<split>-verdicts.csv``
(doc, kind, sentence indices, term, found → verdict true/false and its cause). False alarms are
reported per 100 sentence pairs (segments).

Recall: one labelled drift at a time is injected into one reference sentence and the article
checked again; the drift counts as found when a flag of the expected kind points at the
injected sentence (the last column also counts one on the next sentence either side). Kinds: a forbidden spelling in the case the sentence needs (a one-letter
misspelling of a glossary name, listed as forbidden for the run), a name dropped, a number or a
month changed, a sentence dropped, a sentence left in English, a sentence in Ukrainian (the
Russian sentence re-spelt by a small word and letter table: an approximation, not a translation)
and a name substituted by another glossary name of the same type, in the same case.

The WMT texts are read from the shared folder and never copied into the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bilingual.glossary import load_glossary, matcher_for  # noqa: E402
from bilingual.glossary.hits import mark_within  # noqa: E402
from bilingual.model import ArticlePair, Glossary  # noqa: E402
from bilingual.checks.pipeline import check, check_article  # noqa: E402

DATA = ROOT.parent / "shared" / "eval-data" / "enru"
VERDICT_FIELDS = ["doc", "kind", "en_index", "ru_index", "term", "found", "verdict", "cause"]


def slug_of(doc_id: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", doc_id.lower()).strip("-")


def write_article(root: Path, slug: str, en: list[str], ru: list[str]) -> ArticlePair:
    folder = root / slug
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "en.md").write_text("\n\n".join(en) + "\n", encoding="utf-8")
    (folder / "ru.md").write_text("\n\n".join(ru) + "\n", encoding="utf-8")
    return ArticlePair(slug, str(folder / "en.md"), str(folder / "ru.md"))


def flag_key(slug: str, f) -> tuple[str, ...]:
    return (slug, f.kind, str(f.en_index if f.en_index is not None else ""),
            str(f.ru_index if f.ru_index is not None else ""), f.term or "", f.found or "")


def read_verdicts(path: Path) -> dict[tuple, dict]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        return {tuple(r[k] for k in VERDICT_FIELDS[:6]): r for r in csv.DictReader(fh)}


# ---------------------------------------------------------------- false alarms


def check_documents(docs, glossary: Glossary | None, slug=lambda d: slug_of(d["doc_id"])):
    """(report, seconds): every document written as one article of a temporary corpus, then the
    whole `check` over it, timed."""
    with tempfile.TemporaryDirectory() as tmp:
        for d in docs:
            write_article(Path(tmp), slug(d), d["en"], d["ru"])
        t0 = time.perf_counter()
        report = check([tmp], glossary)
        return report, time.perf_counter() - t0


def false_alarms(docs, glossary: Glossary, verdicts_path: Path, show: str | None) -> dict:
    verdicts = read_verdicts(verdicts_path)
    pairs = sum(len(d["en"]) for d in docs)
    report, seconds = check_documents(docs, glossary)
    counts: Counter = Counter()
    causes: Counter = Counter()
    unjudged = []
    for art, f in report.flags:
        key = flag_key(art.pair.slug, f)
        v = verdicts.get(key)
        if v is None:
            counts["unjudged"] += 1
            unjudged.append((key, f))
        else:
            counts[v["verdict"]] += 1
            if v["verdict"] == "false":
                causes[v["cause"]] += 1
        if show == "all" or (show == "unjudged" and v is None) or (show == "false" and v and v["verdict"] == "false"):
            print(f"--- {','.join(key)}  [{v['verdict'] + ': ' + v['cause'] if v else 'NO VERDICT'}]")
            print(f"    {f.message}")
            print(f"    EN: {f.en_text}")
            print(f"    RU: {f.ru_text}")
    errors = [a for a in report.articles if a.error]
    print(f"{len(docs)} documents, {pairs} sentence pairs, checked in {seconds:.1f}s; "
          f"{len(report.flags)} flags, {len(errors)} articles not checked")
    for a in errors:
        print(f"  not checked: {a.pair.slug}: {a.error}")
    by_kind = Counter(f.kind for _, f in report.flags)
    print("flags by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items())))
    print(f"verdicts: true {counts['true']}, false {counts['false']}, unjudged {counts['unjudged']}")
    if causes:
        print("false alarms by cause: " + ", ".join(f"{c} {n}" for c, n in causes.most_common()))
    print(f"false alarms per 100 sentence pairs: {100 * counts['false'] / pairs:.2f}"
          + (f" (+ up to {100 * counts['unjudged'] / pairs:.2f} unjudged)" if counts["unjudged"] else ""))
    if show == "csv":
        w = csv.writer(sys.stdout)
        for key, f in unjudged:
            w.writerow([*key, "", ""])
    return {"flags": len(report.flags), "false": counts["false"], "pairs": pairs}


# ---------------------------------------------------------------- injected drift

_UK_WORDS = {"и": "і", "в": "у", "что": "що", "это": "це", "как": "як", "он": "він", "она": "вона",
             "они": "вони", "был": "був", "была": "була", "были": "були", "не": "не", "для": "для",
             "также": "також", "который": "який", "которые": "які", "которая": "яка", "после": "після",
             "года": "року", "году": "році", "год": "рік", "его": "його", "ее": "її", "её": "її", "их": "їх",
             "из": "з", "с": "з", "со": "із", "по": "за", "мы": "ми", "если": "якщо", "или": "або",
             "но": "але", "уже": "вже", "еще": "ще", "ещё": "ще", "все": "усі", "время": "час",
             "сказал": "сказав", "заявил": "заявив", "сообщил": "повідомив", "более": "більше",
             "только": "лише", "между": "між", "когда": "коли", "где": "де", "сейчас": "зараз"}


def ukrainian(text: str) -> str:
    """A Russian sentence re-spelt the Ukrainian way: common words, then letters (ы→и, э→е, и→і)."""
    def word(m):
        w = m.group(0)
        low = w.lower()
        if low in _UK_WORDS:
            out = _UK_WORDS[low]
        else:
            out = low.replace("и", "і").replace("ы", "и").replace("э", "е").replace("ё", "ьо").replace("ъ", "'")
        return out.capitalize() if w[:1].isupper() else out
    return re.sub(r"[а-яёА-ЯЁ]+", word, text)


_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
           "октября", "ноября", "декабря"]
_DATE_RU = re.compile(r"\b(\d{1,2}) (" + "|".join(_MONTHS) + r")\b")
_NUM = re.compile(r"(?<![\w.,:])\d+(?![\d:])")


def misspell(word: str) -> str | None:
    """A one-letter misspelling inside the stem of ``word`` (kept in its case form)."""
    swaps = {"а": "о", "о": "а", "е": "и", "и": "е", "с": "сс", "л": "лл", "н": "нн", "т": "тт", "р": "рр"}
    low = word.lower()
    for i in range(1, max(len(low) - 3, 1)):
        if low[i] in swaps:
            return word[:i] + swaps[low[i]] + word[i + 1:]
    return None


def _inflect_like(target_ru: str, found: str) -> str | None:
    """``target_ru`` (nominative, one word) in the case and number of ``found``."""
    from bilingual.russian import morph

    parses = morph.parse(found)
    if not parses:
        return None
    tag = parses[0].tag
    grams = {g for g in (tag.case, tag.number) if g}
    if not grams:
        return target_ru
    out = morph.inflect(target_ru, grams)
    if out is None:
        return None
    return out[:1].upper() + out[1:] if target_ru[:1].isupper() else out


def injections(docs, glossary: Glossary, rng: random.Random, per_doc: int):
    """Yield (kind, doc, en, ru, ru_index_injected, term, glossary_for_run)."""
    matcher = matcher_for(glossary)
    by_type = defaultdict(list)
    for t in glossary.terms:
        if " " not in t.ru and t.type:
            by_type[t.type].append(t)
    for d in docs:
        en, ru = d["en"], d["ru"]
        n = len(ru)
        order = list(range(n))
        rng.shuffle(order)
        # sentences with a one-word glossary hit in both languages
        named = []
        for j in order:
            # a name the English says as a name (not "German", not inside "Moscow State University")
            en_hits = matcher.find_en(en[j])
            ru_hits = matcher.find_ru(ru[j])
            # named once on each side (dropping one of two mentions is no dropped name)
            once_en = Counter(h.term.en for h in en_hits)
            once_ru = Counter(h.term.en for h in ru_hits)
            en_terms = {h.term.en for h in mark_within(en[j], en_hits, "en")
                        if h.kind != "derived" and not h.within and once_en[h.term.en] == 1}
            for h in ru_hits:
                if h.kind == "allowed" and " " not in h.form and h.term.en in en_terms and h.form[:1].isupper() \
                        and once_ru[h.term.en] == 1:
                    named.append((j, h))
                    break
        for j, h in named[:per_doc]:
            bad = misspell(h.form)
            bad_nom = misspell(h.term.ru)
            if bad and bad_nom and bad.lower() != h.form.lower():
                term2 = replace(h.term, forbidden=h.term.forbidden + (bad_nom,))
                g2 = Glossary(tuple(term2 if t is h.term else t for t in glossary.terms), sha="inject")
                yield "forbidden_variant", d, en, ru[:j] + [ru[j][:h.start] + bad + ru[j][h.stop:]] + ru[j + 1:], j, \
                    h.term.en, g2
            dropped = re.sub(r"\s{2,}", " ", ru[j][:h.start] + ru[j][h.stop:]).strip()
            yield "missing_term", d, en, ru[:j] + [dropped] + ru[j + 1:], j, h.term.en, glossary
            others = [t for t in by_type.get(h.term.type, ()) if t.en != h.term.en and t.ru != h.term.ru
                      and not matcher.find_ru(ru[j]) == []]
            rng.shuffle(others)
            for other in others[:1]:
                form = _inflect_like(other.ru, h.form)
                if form:
                    yield "term_substitution", d, en, ru[:j] + [ru[j][:h.start] + form + ru[j][h.stop:]] + ru[j + 1:], \
                        j, h.term.en, glossary
        numbered = [j for j in order if (m := _NUM.search(ru[j])) and m.group(0) in en[j].replace(",", "")]
        for j in numbered[:per_doc]:
            m = _NUM.search(ru[j])
            digits = m.group(0)
            new = str(int(digits) + 1) if len(digits) < 4 else digits[:-1] + str((int(digits[-1]) + 3) % 10)
            yield "number_mismatch", d, en, ru[:j] + [ru[j][:m.start()] + new + ru[j][m.end():]] + ru[j + 1:], j, \
                None, glossary
        for j in [j for j in order if _DATE_RU.search(ru[j])][:per_doc]:
            m = _DATE_RU.search(ru[j])
            month = _MONTHS[(_MONTHS.index(m.group(2)) + 1) % 12]
            yield "date_mismatch", d, en, ru[:j] + [ru[j][:m.start(2)] + month + ru[j][m.end(2):]] + ru[j + 1:], j, \
                None, glossary
        long = [j for j in order if 0 < j < n - 1 and len(en[j]) > 60]
        for j in long[:per_doc]:
            yield "omission", d, en, ru[:j] + ru[j + 1:], j, None, glossary
        for j in long[per_doc:2 * per_doc]:
            yield "untranslated", d, en, ru[:j] + [en[j]] + ru[j + 1:], j, None, glossary
        for j in long[2 * per_doc:3 * per_doc]:
            yield "wrong_language", d, en, ru[:j] + [ukrainian(ru[j])] + ru[j + 1:], j, None, glossary


# a drift counts as found by a flag of one of these kinds
ACCEPT = {
    "forbidden_variant": {"forbidden_variant"},
    "missing_term": {"missing_term"},
    "term_substitution": {"term_substitution"},
    "number_mismatch": {"number_mismatch"},
    "date_mismatch": {"date_mismatch"},
    "omission": {"omission"},
    "untranslated": {"untranslated"},
    "wrong_language": {"wrong_language"},
}


def recall(docs, glossary: Glossary, per_doc: int, seed: int, verbose: bool) -> dict:
    rng = random.Random(seed)
    found: Counter = Counter()
    near: Counter = Counter()
    total: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for n, (kind, d, en, ru, j, term, g) in enumerate(injections(docs, glossary, rng, per_doc)):
            pair = write_article(Path(tmp), f"i{n}", en, ru)
            result, _ = check_article(pair, g, matcher=matcher_for(g), keep_alignment=True)
            total[kind] += 1
            al = result.alignment
            if al is None:
                continue
            # the injected segment's sentences in the segmented Russian (omission: the English one)
            if kind == "omission":
                side, want = al.en_doc, en[j]
                idx = "en_index"
            else:
                side, want = al.ru_doc, ru[j]
                idx = "ru_index"
            start = side.text.find(want[:40])
            hit_sents = {s.idx for s in side.sentences if start >= 0 and s.start < start + len(want) and s.stop > start}
            ok = any(f.kind in ACCEPT[kind] and getattr(f, idx) in hit_sents
                     and (term is None or f.term in (None, term)) for f in result.flags)
            if not ok:
                for f in result.flags:  # a merged link reports its first sentence
                    if f.kind in ACCEPT[kind] and (term is None or f.term == term):
                        link = next((l for l in al.links if getattr(f, idx) in (l.en if idx == "en_index" else l.ru)),
                                    None)
                        if link and hit_sents & set(link.en if idx == "en_index" else link.ru):
                            ok = True
            found[kind] += ok
            # a flag of the kind on the next sentence either side: the editor is led to the spot
            near_idx = {k + d for k in hit_sents for d in (-1, 1)}
            near[kind] += ok or any(f.kind in ACCEPT[kind] and getattr(f, idx) in near_idx for f in result.flags)
            if verbose and not ok:
                print(f"MISSED {kind} {d['doc_id']} #{j} {term or ''}: {ru[j][:160] if kind != 'omission' else en[j][:160]}")
                for f in result.flags:
                    print(f"    got {f.kind} en{f.en_index} ru{f.ru_index} {f.term or ''}: {f.message[:120]}")
    print(f"{'injected drift':<20}{'n':>5}{'found':>7}{'recall':>8}{'±1 sentence':>13}")
    for kind in ACCEPT:
        if total[kind]:
            print(f"{kind:<20}{total[kind]:>5}{found[kind]:>7}{found[kind] / total[kind]:>8.2f}"
                  f"{near[kind] / total[kind]:>13.2f}")
    return {k: found[k] / total[k] for k in total}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "test"])
    ap.add_argument("--glossary", default=None, help="default benchmarks/data/wmt-<split>-glossary.csv")
    ap.add_argument("--verdicts", default=None, help="default benchmarks/data/wmt-<split>-verdicts.csv")
    ap.add_argument("--show", choices=["unjudged", "false", "all", "csv"], default=None)
    ap.add_argument("--recall", action="store_true", help="also inject drift and measure recall per kind")
    ap.add_argument("--per-doc", type=int, default=2, help="injections of each kind per document")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--verbose", action="store_true", help="print the injections that were missed")
    args = ap.parse_args()
    path = DATA / f"{args.split}.jsonl"
    if not path.exists():
        print(f"error: {path}: not found (the WMT22 eval data lives outside the repository)", file=sys.stderr)
        return 2
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    glossary = load_glossary(args.glossary or ROOT / "benchmarks" / "data" / f"wmt-{args.split}-glossary.csv")
    verdicts = Path(args.verdicts or ROOT / "benchmarks" / "data" / f"wmt-{args.split}-verdicts.csv")
    print(f"glossary: {len(glossary)} terms ({glossary.path})")
    false_alarms(docs, glossary, verdicts, args.show)
    if args.recall:
        recall(docs, glossary, args.per_doc, args.seed, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
