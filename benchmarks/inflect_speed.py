"""How fast names are written into sentences: ``fix`` throughput and the cost of enforcement.

    OMP_NUM_THREADS=1 python benchmarks/inflect_speed.py [--split dev]

(one BLAS thread: the tagger's matrices are small, and extra threads only burn CPU on a
shared machine.)

Figures (CPU seconds of this process, so a busy machine moves them less):

* model load: natasha's embeddings, tagger and parser, first use only;
* fix, real text: ``fix_file`` over the WMT22 Russian references as articles with the shipped
  ``glossary.csv`` (most sentences name nothing forbidden), sentences/s;
* fix, every sentence has a forbidden form: the same references with one place name per sentence
  respelled and forbidden (the ``indecl`` task of ``inflect_eval.py``), sentences/s;
* enforcement per translated sentence: ``protect`` + ``restore`` on the sentence pairs of the
  ``restore`` task, ms per sentence, to set against the translation time per sentence
  (README, Translation: 8.9 sentences/s at beam 4 = 112 ms, 22.7/s at beam 1 = 44 ms).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def cpu() -> float:
    return time.process_time()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["dev", "test"])
    args = ap.parse_args()

    import inflect_eval as ev

    from bilingual.fix.apply import fix_file
    from bilingual.glossary import load_glossary, parse_glossary
    from bilingual.russian import tagger
    from bilingual.translate.enforce import PLACEHOLDER, Enforcer

    docs = ev.load(args.split)
    t = cpu()
    tagger.models()
    print(f"model load: {cpu() - t:.2f} s CPU")

    glossary = load_glossary(ROOT / "glossary.csv")
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        n_sent = 0
        for k, d in enumerate(docs):
            p = Path(tmp) / f"d{k}.md"
            p.write_text("\n\n".join(d["ru"]) + "\n", encoding="utf-8")
            paths.append(p)
            n_sent += len(d["ru"])
        fix_file(paths[0], glossary)  # warm the matcher and pymorphy3 caches
        t = cpu()
        changes = sum(len(fix_file(p, glossary).changes) for p in paths)
        dt = cpu() - t
    print(f"fix, real text: {n_sent} sentences, {changes} replacements, {n_sent / dt:.0f} sentences/s")

    # Every sentence carries a forbidden form (one file per sentence, as the accuracy task runs).
    instances = []
    rows = {}
    from bilingual.model import Term
    from bilingual.russian import morph
    from bilingual.russian.grammar import render

    for _en, ru in ev.pairs(docs):
        for start, stop, word, lemma in ev._proper_words(ru):
            nom = morph.match_case(word, lemma)
            bad = ev._respell(nom)
            if bad == nom or morph.is_known(bad):
                continue
            term = Term(en=lemma, ru=nom, forbidden=(bad,))
            if not any(ev.same_form(render(term, c, "sing"), word) for c in morph.CASES):
                continue
            rows[lemma] = f"{lemma},{nom},place,,{bad},"
            instances.append(ru[:start] + bad + ru[stop:])
            break
    gl = parse_glossary(("en,ru,type,variants,forbidden,note\n" + "\n".join(rows.values()) + "\n").encode(), "g.csv")
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "all.md"  # one article, a paragraph per sentence
        p.write_text("\n\n".join(instances) + "\n", encoding="utf-8")
        t = cpu()
        changes = len(fix_file(p, gl).changes)
        dt = cpu() - t
    print(f"fix, a forbidden form in every sentence: {len(instances)} sentences, {changes} replacements, "
          f"{len(instances) / dt:.0f} sentences/s")

    # Enforcement on translation: protect + restore.
    gl = parse_glossary(ev.RESTORE_GLOSSARY.encode(), "restore.csv")
    enf = Enforcer(gl)
    jobs = []
    for en, ru in ev.pairs(docs):
        protected = enf.protect(en)
        hits = [h for h in enf.matcher.find_ru(ru) if h.kind == "allowed"]
        if not protected.slots or [h.term.ru for h in hits] != [s.term.ru for s in protected.slots]:
            continue
        mt, last = [], 0
        for n, h in enumerate(hits, 1):
            mt += [ru[last:h.start], PLACEHOLDER.format(n)]
            last = h.stop
        mt.append(ru[last:])
        jobs.append((en, "".join(mt)))
    t = cpu()
    slots = 0
    for en, mt in jobs:
        protected = enf.protect(en)
        enf.restore(protected, mt)
        slots += len(protected.slots)
    dt = cpu() - t
    per = dt / len(jobs) * 1000
    print(f"enforcement: {len(jobs)} sentences with {slots} names, {per:.1f} ms per sentence "
          f"= {per / 112 * 100:.0f}% of a beam-4 translation (112 ms), {per / 44 * 100:.0f}% at beam 1 (44 ms); "
          f"sentences without names cost one English match")


if __name__ == "__main__":
    main()
