"""Precision and recall of the translators' QA checks (typo, mechanical, typography, repeated text).

    python benchmarks/qa_eval.py                        # dev: WMT22 dev + the dev half of enru-wide
    python benchmarks/qa_eval.py --show unjudged        # print the QA flags with no verdict yet, to read
    python benchmarks/qa_eval.py --recall               # + seeded injected faults, recall per kind
    python benchmarks/qa_eval.py --split blind          # the blind half of enru-wide (run once)

Precision: every document becomes an article (one paragraph per segment) and each set goes
through the whole `check` as one archive; the QA kinds' flags are compared with the verdicts
read by hand and recorded in ``benchmarks/data/qa-verdicts.csv`` (set, document, kind,
sentence indices, the flagged word or a hash of a long one, verdict, a short note). The texts
are read from ``../shared/eval-data`` and never copied into the repository.

Recall: one fault at a time is injected into one document and the article checked again; it
counts as found when a flag of the expected kind points at the injected sentence. Faults: a
letter swapped, doubled, dropped or struck on the key beside it (never the first letter) in a
Russian name the glossary or the article gives again (typo_name), in a Russian or English
dictionary word (typo_word_ru/_en; only where the result is no dictionary word: a real-word
slip is another check's job), a closing quote or bracket removed, a word doubled, a double
space, a question mark or an exclamation mark turned into a full stop, a URL/e-mail/@handle or
Markdown link on the English side only (or pointing elsewhere), bold lost, a one-sentence
Russian segment cut to a third, the site's typography undone (decimal point, unspaced
thousands, straight quotes, hyphen for a dash, space before %), and a sentence pair repeated
in another article with another translation (the archive is checked as a whole for that one).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from real_precision import check_documents, write_article  # noqa: E402

from bilingual.checks.article import check_article  # noqa: E402
from bilingual.checks.pipeline import check  # noqa: E402
from bilingual.checks.qa import KINDS as QA_KINDS  # noqa: E402
from bilingual.glossary import load_glossary, matcher_for  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval-data"
DATA = ROOT / "benchmarks" / "data"
VERDICTS = DATA / "qa-verdicts.csv"
FIELDS = ["set", "doc", "kind", "en_index", "ru_index", "found", "verdict", "note"]


# ---------------------------------------------------------------- data

def load_sets(split: str) -> dict[str, tuple[list[dict], object]]:
    """set name -> (documents, glossary or None)."""
    out = {}
    if split == "dev":
        path = EVAL / "enru" / "dev.jsonl"
        docs = [json.loads(line) for line in path.open(encoding="utf-8")]
        out["wmt22-dev"] = (docs, load_glossary(DATA / "wmt-dev-glossary.csv"))
    ids = json.loads((DATA / "enru-wide-split.json").read_text(encoding="utf-8"))[split]
    docs = []
    for name, wanted in ids.items():
        keep = set(wanted)
        for line in (EVAL / "enru-wide" / name).open(encoding="utf-8"):
            d = json.loads(line)
            if d["doc_id"] in keep:
                docs.append(d | {"doc_id": f"{name.split('.')[0]}-{d['doc_id']}"})
    # the names the references of that half use, written as an editor would (when the file is there)
    wide_glossary = DATA / f"wide-{split}-glossary.csv"
    out[f"wide-{split}"] = (docs, load_glossary(wide_glossary) if wide_glossary.exists() else None)
    return out


def short(text: str | None) -> str:
    """The flagged text as the verdict file keeps it: a word, or a hash of anything longer."""
    text = text or ""
    return text if len(text) <= 40 else "sha1:" + hashlib.sha1(text.encode()).hexdigest()[:12]


def key_of(set_name: str, slug: str, f) -> tuple[str, ...]:
    return (set_name, slug, f.kind, str(f.en_index if f.en_index is not None else ""),
            str(f.ru_index if f.ru_index is not None else ""), short(f.found))


def read_verdicts() -> dict[tuple, dict]:
    if not VERDICTS.exists():
        return {}
    with VERDICTS.open(encoding="utf-8") as fh:
        return {tuple(r[k] for k in FIELDS[:6]): r for r in csv.DictReader(fh)}


# ---------------------------------------------------------------- precision

def precision(sets, show: str | None) -> dict[str, Counter]:
    verdicts = read_verdicts()
    per_kind: dict[str, Counter] = defaultdict(Counter)
    rows = []
    total_pairs = 0
    for set_name, (docs, glossary) in sets.items():
        pairs = sum(len(d["en"]) for d in docs)
        total_pairs += pairs
        report, seconds = check_documents(docs, glossary)
        n = 0
        for art, f in report.flags:
            if f.kind not in QA_KINDS:
                continue
            n += 1
            key = key_of(set_name, art.pair.slug, f)
            v = verdicts.get(key)
            per_kind[f.kind][v["verdict"] if v else "unjudged"] += 1
            if show == "all" or (show == "unjudged" and v is None) \
                    or (show == "false" and v and v["verdict"] == "false"):
                print(f"--- {','.join(key)}  [{v['verdict'] + ': ' + v['note'] if v else 'NO VERDICT'}]")
                print(f"    {f.message}")
                print(f"    EN: {f.en_text[:300]}")
                print(f"    RU: {f.ru_text[:300]}")
            if v is None:
                rows.append([*key, "", ""])
        print(f"{set_name}: {len(docs)} documents, {pairs} sentence pairs, checked in {seconds:.1f}s; "
              f"{n} QA flags")
    if show == "csv":
        csv.writer(sys.stdout).writerows(rows)
    print(f"\n{'kind':<22}{'flags':>6}{'true':>6}{'false':>6}{'unjudged':>9}{'precision':>10}{'false/100 pairs':>16}")
    for kind in QA_KINDS:
        c = per_kind.get(kind, Counter())
        judged = c["true"] + c["false"]
        p = f"{c['true'] / judged:.2f}" if judged else "-"
        print(f"{kind:<22}{sum(c.values()):>6}{c['true']:>6}{c['false']:>6}{c['unjudged']:>9}{p:>10}"
              f"{100 * c['false'] / total_pairs:>16.2f}")
    allc = sum(per_kind.values(), Counter())
    judged = allc["true"] + allc["false"]
    print(f"{'all QA kinds':<22}{sum(allc.values()):>6}{allc['true']:>6}{allc['false']:>6}{allc['unjudged']:>9}"
          f"{(allc['true'] / judged if judged else 0):>10.2f}{100 * allc['false'] / total_pairs:>16.2f}")
    return per_kind


# ---------------------------------------------------------------- injected faults

_RU_WORD = re.compile(r"(?<![\w-])[а-яё]{6,}(?![\w-])")
_EN_WORD = re.compile(r"(?<![\w'-])[a-z]{6,}(?![\w'-])")
_RU_NAME = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]{4,}(?![\w-])")


# neighbouring keys on a row of the ЙЦУКЕН and QWERTY layouts: the commonest substitution slip
_ROWS = ("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю", "qwertyuiop", "asdfghjkl", "zxcvbnm")


def _key_beside(ch: str, rng: random.Random) -> str | None:
    low = ch.lower()
    for row in _ROWS:
        k = row.find(low)
        if k >= 0:
            near = [row[i] for i in (k - 1, k + 1) if 0 <= i < len(row)]
            new = rng.choice(near)
            return new.upper() if ch.isupper() else new
    return None


def slip(word: str, rng: random.Random) -> str:
    """The word with one slip of the hand anywhere but its first letter (the one a writer seldom
    gets wrong): two letters swapped, a letter doubled, dropped, or struck on the key beside it.
    The four are the single-edit errors of the spelling-error literature (Damerau's
    transposition, insertion, deletion, substitution), a key's neighbour for the substitution."""
    i = rng.randrange(1, len(word))
    how = rng.choice(("swap", "double", "drop", "key"))
    if how == "swap" and i + 1 < len(word) and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if how == "double":
        return word[:i] + word[i] + word[i:]
    if how == "key" and (near := _key_beside(word[i], rng)):
        return word[:i] + near + word[i + 1:]
    return word[:i] + word[i + 1:]


_SEVERAL = re.compile(r"[.!?…][\"'»”]?\s+[\"'«“(]?[A-ZА-ЯЁ]")


def _is_name(word: str) -> bool:
    from bilingual.checks.typos import _proper_or_unknown

    return _proper_or_unknown(word, "ru")


def _known_ru(word: str) -> bool:
    from bilingual.checks.typos import ru_known

    return ru_known(word)


def _known_en(word: str) -> bool:
    from bilingual.checks.typos import en_known

    return en_known(word)


def _inside(text: str, extra: str) -> str:
    """``extra`` added at the end of the sentence, before its final punctuation."""
    body = text.rstrip()
    k = len(body.rstrip(".!?…\"»”'"))
    return body[:k] + " " + extra + body[k:]


def _sub(text: str, start: int, stop: int, new: str) -> str:
    return text[:start] + new + text[stop:]


def injections(docs, glossary, rng: random.Random, per_doc: int):
    """Yield (kind, doc, en, ru, side, index, found) with one fault injected."""
    from bilingual.russian.morph import lemma

    matcher = matcher_for(glossary) if glossary is not None and len(glossary) else None
    for d in docs:
        en, ru = list(d["en"]), list(d["ru"])
        n = len(ru)
        order = list(range(n))
        rng.shuffle(order)
        counts = Counter(lemma(w) for s in ru for w in _RU_NAME.findall(s))
        taken: Counter = Counter()

        def want(kind):
            if taken[kind] >= per_doc:
                return False
            taken[kind] += 1
            return True

        for j in order:
            s = ru[j]
            # a name (pymorphy3 tags it as one, or doesn't know it) the glossary knows or the article
            # gives three times or more
            names = [m for m in _RU_NAME.finditer(s) if _is_name(m.group(0)) and (
                counts[lemma(m.group(0))] >= 3
                or (matcher is not None and any(h.start <= m.start() < h.stop for h in matcher.find_ru(s))))]
            if names and taken["typo_name"] < per_doc:
                m = rng.choice(names)
                bad = slip(m.group(0), rng)
                if not _known_ru(bad) and want("typo_name"):
                    yield "typo_name", d, en, ru[:j] + [_sub(s, m.start(), m.end(), bad)] + ru[j + 1:], "ru", j, bad
            words = _RU_WORD.findall(s)
            if words and taken["typo_word_ru"] < per_doc:
                w = rng.choice(words)
                bad = slip(w, rng)
                if _known_ru(w) and not _known_ru(bad) and want("typo_word_ru"):
                    k = s.index(w)
                    yield "typo_word_ru", d, en, ru[:j] + [_sub(s, k, k + len(w), bad)] + ru[j + 1:], "ru", j, bad
            words = _EN_WORD.findall(en[j])
            if words and taken["typo_word_en"] < per_doc:
                w = rng.choice(words)
                bad = slip(w, rng)
                if _known_en(w) and not _known_en(bad) and en[j].lower().count(w) == 1 and want("typo_word_en"):
                    k = en[j].index(w)
                    yield "typo_word_en", d, en[:j] + [_sub(en[j], k, k + len(w), bad)] + en[j + 1:], ru, "en", j, bad
            if "»" in s and s.count("«") == s.count("»") and want("unpaired_quote"):
                k = s.rindex("»")
                yield "unpaired_quote", d, en, ru[:j] + [_sub(s, k, k + 1, "")] + ru[j + 1:], "ru", j, None
            if ")" in s and s.count("(") == s.count(")") and en[j].count("(") == en[j].count(")") \
                    and want("unpaired_bracket"):
                k = s.rindex(")")
                yield "unpaired_bracket", d, en, ru[:j] + [_sub(s, k, k + 1, "")] + ru[j + 1:], "ru", j, None
            m = re.search(r"(?<=\s)(в|и|на|что|не|с|по)(?=\s)", s)
            if m and want("repeated_word"):
                yield "repeated_word", d, en, ru[:j] + [_sub(s, m.start(), m.end(), m.group(0) + " " + m.group(0))] \
                    + ru[j + 1:], "ru", j, None
            m = re.search(r"(?<=[а-яё,]) (?=[а-яё])", s)
            if m and want("double_space"):
                yield "double_space", d, en, ru[:j] + [_sub(s, m.start(), m.end(), "  ")] + ru[j + 1:], "ru", j, None
            end = s.rstrip()[-1:]
            if end in ("?", "!") and en[j].rstrip().endswith(end) and s.count(end) == 1 \
                    and want("end_punctuation"):
                k = s.rindex(end)
                yield "end_punctuation", d, en, ru[:j] + [_sub(s, k, k + 1, ".")] + ru[j + 1:], "ru", j, None
            if len(en[j]) > 40 and len(s) > 40 and taken["link_mismatch"] < per_doc:
                extra = rng.choice(["url", "mail", "handle", "mdlink"])
                if want("link_mismatch"):  # inside the sentence, before its final mark
                    if extra == "url":
                        e2, r2 = _inside(en[j], "(https://news.example.org/a/1)"), s
                    elif extra == "mail":
                        e2, r2 = _inside(en[j], "(desk@news.example.org)"), s
                    elif extra == "handle":
                        e2, r2 = _inside(en[j], "(@newsdesk)"), s
                    else:
                        e2 = _inside(en[j], "([more](https://news.example.org/more))")
                        r2 = _inside(s, "([далее](https://news.example.org/other))")
                    yield "link_mismatch", d, en[:j] + [e2] + en[j + 1:], ru[:j] + [r2] + ru[j + 1:], "ru", j, None
            en_w = re.search(r"(?<= )[A-Za-z]{5,}(?= )", en[j])
            if en_w and "*" not in en[j] + s and want("markup_lost"):
                e2 = _sub(en[j], en_w.start(), en_w.end(), f"**{en_w.group(0)}**")
                yield "markup_lost", d, en[:j] + [e2] + en[j + 1:], ru, "ru", j, None
            # one sentence each side: a segment of several sentences cut to a third loses whole
            # sentences, which is an omission (`omission` flags it), not a pair of odd length
            if len(en[j]) >= 120 and len(s) >= 120 and not _SEVERAL.search(en[j]) and not _SEVERAL.search(s) \
                    and want("length_ratio"):
                cut = s[: len(s) // 3].rsplit(" ", 1)[0] + "."
                yield "length_ratio", d, en, ru[:j] + [cut] + ru[j + 1:], "ru", j, None
            for pattern, repl, rule in ((r"(?<![\d.,])(\d+),(\d+)(?![\d,])", r"\1.\2", "decimal_comma"),
                                        (r"(?<![\d ])(\d{2,3})[ \u00a0\u202f](\d{3})(?![\d])", r"\1\2", "thousands"),
                                        (r"«([^«»]+)»", r'"\1"', "outer_quotes"),
                                        (r"(?<=[а-яё]) — (?=[а-яё])", " - ", "dash"),
                                        (r"(\d)%", "\\1 %", "percent")):
                m = re.search(pattern, s)
                if m and taken[f"typography:{rule}"] < per_doc and want(f"typography:{rule}"):
                    r2 = s[:m.start()] + m.expand(repl) + s[m.end():]
                    yield "typography", d, en, ru[:j] + [r2] + ru[j + 1:], "ru", j, rule


# what else leads an editor to the same fault: a sentence cut to a third is often no longer
# linked to its English at all, and then `omission` (the English) and `addition` flag it
RELATED = {"length_ratio": ("omission", "addition")}


def _related(result, kind: str, en_text: str, ru_text: str) -> bool:
    al = result.alignment
    if al is None or kind not in RELATED:
        return False

    def sents(doc, text):
        start = doc.text.find(text[:40])
        return {s.idx for s in doc.sentences if start >= 0 and s.start < start + len(text) and s.stop > start}

    en_s, ru_s = sents(al.en_doc, en_text), sents(al.ru_doc, ru_text)
    return any(f.kind in RELATED[kind] and (f.en_index in en_s or f.ru_index in ru_s) for f in result.flags)


def _found(result, kind: str, side: str, j_text: str, found) -> bool:
    al = result.alignment
    if al is None:
        return False
    doc = al.ru_doc if side == "ru" else al.en_doc
    start = doc.text.find(j_text[:40])
    sents = {s.idx for s in doc.sentences if start >= 0 and s.start < start + len(j_text) and s.stop > start}
    is_typo = kind in ("typo_name", "typo_word_ru", "typo_word_en")
    want_kind = "typo" if is_typo else kind
    for f in result.flags:
        if f.kind != want_kind:
            continue
        idx = f.ru_index if side == "ru" else f.en_index
        link = next((l for l in al.links if idx in (l.ru if side == "ru" else l.en)), None)
        here = idx in sents or (link is not None and sents & set(l for l in (link.ru if side == "ru" else link.en)))
        if not here:
            continue
        if kind == "typography" and f.rule != found:
            continue
        if is_typo and f.found != found:
            continue
        return True
    return False


def recall(sets, per_doc: int, seed: int, verbose: bool) -> dict[str, float]:
    rng = random.Random(seed)
    total: Counter = Counter()
    hit: Counter = Counter()
    also: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        n = 0
        for set_name, (docs, glossary) in sets.items():
            matcher = matcher_for(glossary) if glossary is not None and len(glossary) else None
            for kind, d, en, ru, side, j, found in injections(docs, glossary, rng, per_doc):
                n += 1
                pair = write_article(Path(tmp), f"i{n}", en, ru)
                result, _ = check_article(pair, glossary, matcher=matcher, keep_alignment=True)
                label = f"{kind}:{found}" if kind == "typography" else kind
                total[label] += 1
                ok = _found(result, kind, side, (ru if side == "ru" else en)[j], found)
                hit[label] += ok
                also[label] += ok or _related(result, kind, en[j], ru[j])
                if verbose and not ok:
                    print(f"MISSED {label} {d['doc_id']} #{j} {found or ''}")
                    for f in result.flags:
                        if f.kind in QA_KINDS:
                            print(f"    got {f.kind} en{f.en_index} ru{f.ru_index}: {f.message[:120]}")
            # repeated text: a pair of one document repeated, translated otherwise, in another one
            with_pairs = [d for d in docs if len(d["en"]) >= 3]
            for k in range(min(per_doc * 5, len(with_pairs) // 2)):
                a, b = rng.sample(with_pairs, 2)
                j = max(range(len(a["en"])), key=lambda i: len(a["en"][i]) if len(a["en"][i]) < 200 else 0)
                words = a["ru"][j].split()
                if len(a["en"][j].split()) < 5 or len(words) < 5:
                    continue
                words.pop(rng.randrange(1, len(words) - 1))
                folder = Path(tmp) / f"rep{set_name}{k}"
                write_article(folder, "a", a["en"], a["ru"])
                write_article(folder, "b", b["en"] + [a["en"][j]], b["ru"] + [" ".join(words)])
                report = check([folder], glossary)
                total["inconsistent_repeat"] += 1
                ok = any(f.kind == "inconsistent_repeat" for _, f in report.flags)
                hit["inconsistent_repeat"] += ok
                also["inconsistent_repeat"] += ok
                if verbose and not ok:
                    print(f"MISSED inconsistent_repeat {a['doc_id']} #{j} in {b['doc_id']}")
    print(f"\n{'injected fault':<28}{'n':>5}{'found':>7}{'recall':>8}   {'or a related kind there':>24}")
    for label in sorted(total):
        rel = f"{also[label] / total[label]:>24.2f}" if label in RELATED else ""
        print(f"{label:<28}{total[label]:>5}{hit[label]:>7}{hit[label] / total[label]:>8.2f}   {rel}")
    per_kind: Counter = Counter()
    per_kind_n: Counter = Counter()
    for label in total:
        per_kind[label.split(":")[0]] += hit[label]
        per_kind_n[label.split(":")[0]] += total[label]
    print("per flag kind: " + ", ".join(f"{k} {per_kind[k] / per_kind_n[k]:.2f}" for k in sorted(per_kind_n)))
    return {k: hit[k] / total[k] for k in total}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "blind"],
                    help="dev: WMT22 dev + enru-wide dev half; blind: the enru-wide blind half (run once)")
    ap.add_argument("--set", default=None, help="only this set (wmt22-dev, wide-dev, wide-blind)")
    ap.add_argument("--show", choices=["unjudged", "false", "all", "csv"], default=None)
    ap.add_argument("--recall", action="store_true", help="also inject faults and measure recall per kind")
    ap.add_argument("--no-precision", action="store_true", help="recall only")
    ap.add_argument("--per-doc", type=int, default=1, help="injections of each kind per document")
    ap.add_argument("--seed", type=int, default=26)
    ap.add_argument("--verbose", action="store_true", help="print the injections that were missed")
    args = ap.parse_args()
    if not (EVAL / "enru").is_dir() or not (EVAL / "enru-wide").is_dir():
        print(f"error: {EVAL}: eval data not found (it lives outside the repository)", file=sys.stderr)
        return 2
    sets = load_sets(args.split)
    if args.set:
        sets = {k: v for k, v in sets.items() if k == args.set}
    for name, (docs, glossary) in sets.items():
        print(f"{name}: {len(docs)} documents; glossary: {len(glossary) if glossary else 0} terms")
    if not args.no_precision:
        precision(sets, args.show)
    if args.recall:
        recall(sets, args.per_doc, args.seed, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
