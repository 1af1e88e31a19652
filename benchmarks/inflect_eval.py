"""Names written into real Russian sentences in the case they need (WMT22 news references).

Four tasks, all scored against the professional Russian reference:

- restore: sentence pairs whose English has glossary names and whose Russian has exactly one
  form of each, in the same order; the Russian names become placeholders, ``Enforcer.restore``
  puts them back; a slot is right when the restored form equals the reference's.
- fix, indeclinable: a proper noun of the reference is replaced by a respelling of its
  nominative with Ukrainian-looking letters («Берлине» → «Берлін»), which the glossary forbids;
  ``fix_file`` must write the reference's form back. A word the document also writes after
  a first name («Ирина Ярцева») is a person's surname: its nominative is the name
  lemmatiser's reading of the pair («Ярцева», not the town «Ярцево»), its glossary entry a person.
- fix, declinable synonym: a name with a synonym of another paradigm (Молдова/Молдавия,
  Беларусь/Белоруссия, ...) is written as the forbidden synonym in the reference's case;
  ``fix_file`` must give the reference's form.
- name lemmas: person and place names of the references, lemmatised by ``lemmatize_name``,
  against the nominative taken from the English: of the name's case forms (its pymorphy3
  paradigm plus the lemmatiser's answer), the one whose transliteration is closest to the
  English spelling (English names carry no case).

    python benchmarks/inflect_eval.py [--split dev|test] [--task restore,indecl,synonym,lemma]
        [--no-model] [--show N] [--rules] [--groups N]

Reads ``../shared/eval-data/enru/{split}.jsonl`` (never shipped in the repository).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "eval-data" / "enru"

# Names of countries, cities, people and organisations frequent in news (the benchmark's own
# glossary for the restore task; written here, not taken from the data).
RESTORE_GLOSSARY = """\
en,ru,type,variants,forbidden,note
Russia,Россия,country,,,
Ukraine,Украина,country,,,
Germany,Германия,country,,,
France,Франция,country,,,
Poland,Польша,country,,,
Moscow,Москва,city,,,
Washington,Вашингтон,city,,,
Afghanistan,Афганистан,country,,,
Europe,Европа,region,,,
United States,Соединённые Штаты,country,Соединенные Штаты,,
Greece,Греция,country,,,
Serbia,Сербия,country,,,
Egypt,Египет,country,,,
Belgrade,Белград,city,,,
Athens,Афины,city,,,
Australia,Австралия,country,,,
Italy,Италия,country,,,
Japan,Япония,country,,,
Canada,Канада,country,,,
China,Китай,country,,,
India,Индия,country,,,
Israel,Израиль,country,,,
Turkey,Турция,country,,,
Belarus,Белоруссия,country,Беларусь,,
Kazakhstan,Казахстан,country,,,
Spain,Испания,country,,,
London,Лондон,city,,,
Paris,Париж,city,,,
Berlin,Берлин,city,,,
Kyiv,Киев,city,,,
Donbas,Донбасс,region,,,
Crimea,Крым,region,,,
England,Англия,country,,,
Great Britain,Великобритания,country,,,
United Kingdom,Великобритания,country,,,
Britain,Британия,country,,,
Dubai,Дубай,city,,,
Liverpool,Ливерпуль,club,,,
Brazil,Бразилия,country,,,
Mexico,Мексика,country,,,
Iran,Иран,country,,,
Syria,Сирия,country,,,
Sweden,Швеция,country,,,
Finland,Финляндия,country,,,
Norway,Норвегия,country,,,
Austria,Австрия,country,,,
Switzerland,Швейцария,country,,,
Netherlands,Нидерланды,country,,,
Belgium,Бельгия,country,,,
Hungary,Венгрия,country,,,
Romania,Румыния,country,,,
Bulgaria,Болгария,country,,,
Georgia,Грузия,country,,,
Armenia,Армения,country,,,
Azerbaijan,Азербайджан,country,,,
Moldova,Молдова,country,,,
Lithuania,Литва,country,,,
Latvia,Латвия,country,,,
Estonia,Эстония,country,,,
Vietnam,Вьетнам,country,,,
Korea,Корея,country,,,
Africa,Африка,region,,,
Asia,Азия,region,,,
America,Америка,region,,,
St Petersburg,Санкт-Петербург,city,,,
Scholz,Шольц,person,,,
Putin,Путин,person,,,
Biden,Байден,person,,,
Johnson,Джонсон,person,,,
Zelenskyy,Зеленский,person,,,
Boris Johnson,Борис Джонсон,person,,,
Joe Biden,Джо Байден,person,,,
Vladimir Putin,Владимир Путин,person,,,
Pfizer,Pfizer,company,,,
"""

SYNONYMS = [  # allowed, forbidden synonym of another paradigm (both directions are used)
    ("Молдова", "Молдавия"), ("Беларусь", "Белоруссия"), ("Кыргызстан", "Киргизия"),
    ("Туркменистан", "Туркмения"), ("Великобритания", "Британия"), ("Нидерланды", "Голландия"),
]

# (task, the rule that decided, right?) of every scored slot: the per-rule breakdown.
RULE_TALLY: list[tuple[str, str, bool]] = []
_LAST_RULES: list[str] = []

_CYR_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")


def load(split: str) -> list[dict]:
    path = DATA / f"{split}.jsonl"
    if not path.exists():
        sys.exit(f"{path}: not found (the WMT22 eval data lives outside the repository)")
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def pairs(docs):
    for d in docs:
        for (en_idx, ru_idx) in d["gold"]:
            if len(en_idx) == 1 and len(ru_idx) == 1:
                yield d["en"][en_idx[0]], d["ru"][ru_idx[0]]


def same_form(a: str, b: str) -> bool:
    return a.lower().replace("ё", "е") == b.lower().replace("ё", "е")


# ------------------------------------------------------------------ restore


def task_restore(docs, use_model: bool, show: int):
    from bilingual.glossary import parse_glossary
    from bilingual.translate.enforce import PLACEHOLDER, Enforcer

    glossary = parse_glossary(RESTORE_GLOSSARY.encode(), "restore.csv")
    enf = Enforcer(glossary, use_model=use_model)
    right = total = 0
    wrong = []
    for en, ru in pairs(docs):
        protected = enf.protect(en)
        if not protected.slots:
            continue
        ru_hits = [h for h in enf.matcher.find_ru(ru) if h.kind == "allowed"]
        if [h.term.ru for h in ru_hits] != [s.term.ru for s in protected.slots]:
            continue  # not exactly one form of each name in the same order
        mt, last = [], 0
        for n, h in enumerate(ru_hits, 1):
            mt += [ru[last:h.start], PLACEHOLDER.format(n)]
            last = h.stop
        mt.append(ru[last:])
        result = enf.restore(protected, "".join(mt))
        if result is None:
            continue
        reps = [r for r in result.replacements if r.old.upper().startswith(("ZX", "ЗХ"))]
        for h, rep in zip(ru_hits, reps):
            total += 1
            ok = same_form(rep.new, h.form)
            RULE_TALLY.append(("restore", rep.decision.rule if rep.decision else "", ok))
            if ok:
                right += 1
            else:
                wrong.append((ru, h.form, rep.new, rep.decision.rule if rep.decision else ""))
    return right, total, wrong


# ------------------------------------------------------------------ fix


def _respell(lemma: str) -> str:
    """A Ukrainian-looking spelling of a nominative: и→і, ы→и; else е→є."""
    low = lemma
    out = low.replace("и", "і").replace("ы", "и").replace("И", "І")
    if out == low:
        out = low.replace("е", "є").replace("э", "е")
    return out


def _proper_words(ru: str):
    """(start, stop, word, lemma) of single-word place and organisation names pymorphy3 knows."""
    from bilingual.russian import morph

    for m in _CYR_WORD.finditer(ru):
        w = m.group()
        if not w[:1].isupper() or len(w) < 4 or not morph.is_known(w) or "-" in w:
            continue
        # Places and organisations: a person's surname has a gender the respelled glossary entry
        # would have to state («Ярцева» is a woman's nominative, not «Ярцев»'s genitive).
        parses = [p for p in morph.parse(w) if p.tag.POS == "NOUN" and {"Geox", "Orgn"} & p.tag.grammemes]
        if not parses or morph.parse(w)[0].tag.POS != "NOUN":
            continue
        yield m.start(), m.end(), w, parses[0].normal_form


def _surnames(docs) -> dict[str, str]:
    """Surname forms the documents write after a first name («Ирина Ярцева»), each mapped to the
    surname's nominative as the project's name lemmatiser reads the pair in context."""
    from bilingual.russian import morph
    from bilingual.russian.names import lemmatize_name

    out = {}
    for _en, ru in pairs(docs):
        for m in re.finditer(r"([А-ЯЁ][а-яё]+) ([А-ЯЁ][а-яё]+)", ru):
            first, last = m.groups()
            if any("Name" in p.tag.grammemes for p in morph.parse(first)) and \
                    any("Surn" in p.tag.grammemes for p in morph.parse(last)):
                out.setdefault(morph.norm(last), lemmatize_name(m.group()).split()[-1])
    return out


def _run_fix(instances, glossary, use_model: bool):
    """Run fix_file on one file per instance; returns the fixed sentences."""
    from bilingual.fix.apply import fix_file
    from bilingual.translate import enforce

    out = []
    orig, orig_resolve = enforce.Enforcer.__init__, enforce.resolve
    seen: list = []

    def init(self, g, use_model_=use_model, **kw):
        orig(self, g, use_model=use_model_)

    def resolve(*a, **kw):
        seen.append(orig_resolve(*a, **kw))
        return seen[-1]

    enforce.Enforcer.__init__, enforce.resolve = init, resolve
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for k, (text, _gold, _meta) in enumerate(instances):
                path = Path(tmp) / f"a{k}.md"
                path.write_text(text + "\n", encoding="utf-8")
                seen.clear()
                out.append(fix_file(path, glossary).fixed.rstrip("\n"))
                _LAST_RULES.append(seen[-1].rule if seen else "")
    finally:
        enforce.Enforcer.__init__, enforce.resolve = orig, orig_resolve
    return out


def task_indeclinable(docs, use_model: bool, show: int):
    from bilingual.glossary import parse_glossary
    from bilingual.model import Term
    from bilingual.russian import morph
    from bilingual.russian.grammar import render

    rows, instances = {}, []
    for doc in docs:
        surnames = _surnames([doc])
        for _en, ru in pairs([doc]):
            for start, stop, word, lemma in _proper_words(ru):
                kind, nom = "place", morph.match_case(word, lemma)
                if morph.norm(word) in surnames:
                    # The document names a person with this word after a first name («Ирина
                    # Ярцева»): its nominative is the name lemmatiser's, not the town's «Ярцево».
                    kind, nom = "person", surnames[morph.norm(word)]
                    lemma = morph.norm(nom)
                bad = _respell(nom)
                if bad == nom or morph.is_known(bad):
                    continue
                term = Term(en=lemma, ru=nom, forbidden=(bad,), type=kind)
                if not any(same_form(render(term, c, n), word) for c in morph.CASES for n in ("sing", "plur")):
                    continue  # the lemma doesn't reproduce the reference's form: not a case question
                rows[lemma] = f"{lemma},{nom},{kind},,{bad},"
                instances.append((ru[:start] + bad + ru[stop:], ru, (word, bad)))
    glossary = parse_glossary(("en,ru,type,variants,forbidden,note\n" + "\n".join(rows.values()) + "\n").encode(),
                              "indecl.csv")
    fixed = _run_fix(instances, glossary, use_model)
    return _score(instances, fixed, "indecl")


def task_synonym(docs, use_model: bool, show: int):
    from bilingual.glossary import parse_glossary
    from bilingual.model import Term
    from bilingual.russian import morph
    from bilingual.russian.grammar import render

    right = total = 0
    wrong = []
    for a, b in SYNONYMS:
        for allowed, forbidden in ((a, b), (b, a)):  # one glossary per direction
            term = Term(en=allowed, ru=allowed)
            bad_term = Term(en=forbidden, ru=forbidden)
            forms = {}
            for c in morph.CASES:
                forms.setdefault(render(term, c, "sing").lower(), c)
            pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                                 + r")(?![\w-])", re.I)
            instances = []
            for _en, ru in pairs(docs):
                for m in pattern.finditer(ru):
                    case = forms[m.group(1).lower()]
                    bad = morph.match_case(m.group(1), render(bad_term, case, "sing"))
                    instances.append((ru[:m.start()] + bad + ru[m.end():], ru, (m.group(1), bad)))
            if not instances:
                continue
            glossary = parse_glossary(f"en,ru,type,variants,forbidden,note\n{allowed},{allowed},country,,{forbidden},\n"
                                      .encode(), "syn.csv")
            r, t, w = _score(instances, _run_fix(instances, glossary, use_model), "synonym")
            right, total, wrong = right + r, total + t, wrong + w
    return right, total, wrong


def _score(instances, fixed, task: str):
    right = 0
    wrong = []
    untouched = 0
    rules = _LAST_RULES[-len(instances):]
    for (text, gold, meta), out, rule in zip(instances, fixed, rules):
        RULE_TALLY.append((task, rule if out != text else "untouched", out == gold))
        if out == gold:
            right += 1
        else:
            if out == text:
                untouched += 1  # the matcher didn't report the forbidden form: no case was chosen
            wrong.append((gold, meta[0], meta[1], "UNTOUCHED" if out == text else _diff_word(gold, out)))
    if untouched:
        print(f"    ({untouched} left untouched by the matcher; case accuracy on the replaced ones: "
              f"{right}/{len(instances) - untouched} = {right / max(len(instances) - untouched, 1):.3f})")
    return right, len(instances), wrong


def _diff_word(gold: str, out: str) -> str:
    g, o = gold.split(), out.split()
    return " ".join(w for w, x in zip(o, g) if w != x) or out[:80]


# ------------------------------------------------------------------ lemmas


def task_lemma(docs, use_model: bool, show: int):
    from rapidfuzz import fuzz

    from bilingual.russian import morph
    from bilingual.russian.names import lemmatize_name
    from bilingual.russian.translit import ru_to_latin

    right = total = 0
    wrong = []
    seen = set()
    for en, ru in pairs(docs):
        en_words = [w.lower() for w in re.findall(r"\b[A-Z][a-z]+", en)]
        if not en_words:
            continue
        # Runs of capitalised Cyrillic words with a person or place reading.
        for m in re.finditer(r"[А-ЯЁ][а-яё]+(?:\s[А-ЯЁ][а-яё]+)?", ru):
            phrase = m.group()
            if m.start() == 0 and " " not in phrase:
                continue  # a sentence-initial capital says nothing
            words = phrase.split()
            if not all(any({"Name", "Surn", "Geox"} & p.tag.grammemes for p in morph.parse(w)) for w in words):
                continue
            gold_words = []
            for w in words:
                # The English word this one transliterates, and the paradigm form closest to it.
                best_en = max(en_words, key=lambda e: fuzz.ratio(ru_to_latin(morph.norm(w)), e))
                if fuzz.ratio(ru_to_latin(morph.norm(w)), best_en) < 70:
                    break
                forms = {f.word for p in morph.parse(w) if {"Name", "Surn", "Geox"} & p.tag.grammemes
                         for f in p.lexeme if f.tag.case == "nomn"} or {morph.norm(w)}
                gold_words.append(max(sorted(forms), key=lambda f: fuzz.ratio(ru_to_latin(f), best_en)))
            else:
                key = (phrase, en)
                if key in seen:
                    continue
                seen.add(key)
                got = lemmatize_name(phrase)
                forms_ok = [morph.norm(g) for g in gold_words]
                got_words = [morph.norm(w) for w in got.split()]
                # The lemmatiser's answer is a candidate too: count it right when it transliterates
                # at least as close to the English as the gold candidate does.
                ok = all(gw == fw or fuzz.ratio(ru_to_latin(gw), e) >= fuzz.ratio(ru_to_latin(fw), e)
                         for gw, fw, e in zip(got_words, forms_ok,
                                              [max(en_words, key=lambda e: fuzz.ratio(ru_to_latin(morph.norm(w)), e))
                                               for w in words]))
                total += 1
                if ok:
                    right += 1
                else:
                    wrong.append((phrase, " ".join(gold_words), got, ""))
    return right, total, wrong


TASKS = {"restore": task_restore, "indecl": task_indeclinable, "synonym": task_synonym, "lemma": task_lemma}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["dev", "test"])
    ap.add_argument("--task", default=",".join(TASKS))
    ap.add_argument("--no-model", action="store_true", help="rules only, no tagger")
    ap.add_argument("--show", type=int, default=0, help="print N errors per task")
    ap.add_argument("--rules", action="store_true", help="right/wrong per deciding rule")
    ap.add_argument("--groups", type=int, default=0,
                    help="also score each of N document groups apart (the spread across documents)")
    args = ap.parse_args()
    docs = load(args.split)
    for name in args.task.split(","):
        t0 = time.perf_counter()
        right, total, wrong = TASKS[name](docs, not args.no_model, args.show)
        dt = time.perf_counter() - t0
        print(f"{name:8s} {args.split}: {right}/{total} = {right / max(total, 1):.3f}   ({dt:.1f} s)")
        for row in wrong[:args.show]:
            print("    ", " | ".join(str(x) for x in row))
        if args.groups:
            cells, mark = [], len(RULE_TALLY)
            for g in range(args.groups):
                r, t, _w = TASKS[name]([d for k, d in enumerate(docs) if k % args.groups == g], not args.no_model, 0)
                cells.append(f"{r}/{t}")
            del RULE_TALLY[mark:]
            print(f"    by document group: {'  '.join(cells)}")
    if args.rules and RULE_TALLY:
        print_rule_tally()


def print_rule_tally() -> None:
    """Right/wrong per deciding rule (``Decision.rule``) and task: how far each rule can be trusted."""
    tasks = list(dict.fromkeys(t for t, _r, _ok in RULE_TALLY))
    rules = sorted({r for _t, r, _ok in RULE_TALLY}, key=lambda r: -sum(1 for _t, x, _ok in RULE_TALLY if x == r))
    print(f"\n{'rule':22s}" + "".join(f"{t:>16s}" for t in tasks) + f"{'all':>16s}")
    for rule in rules:
        cells = []
        for task in [*tasks, None]:
            oks = [ok for t, r, ok in RULE_TALLY if r == rule and (task is None or t == task)]
            cells.append(f"{sum(oks)}/{len(oks)}" + (f" {sum(oks) / len(oks):.2f}" if oks else "     ") if oks else "-")
        print(f"{rule:22s}" + "".join(f"{c:>16s}" for c in cells))


if __name__ == "__main__":
    main()
