"""The names engine against natasha's span normalisation, as peers, on mining's proposals.

For every proposal of ``glossary mine`` (empty glossary, as ``mine_wide.py`` runs it) whose
English is in the set's gold glossary, the Russian example sentences are read by natasha
(segmenter, news morphology tagger, syntax parser, NER) and the NER span that holds the
proposed rendering is normalised (``DocSpan.normalize``: the phrase in the nominative, its
words agreeing). Reported: how often each peer gives the gold's dictionary form, both, neither,
and the rows where they differ (``--show``).

    python benchmarks/names_peer.py --set wide            # enru-wide dev
    python benchmarks/names_peer.py --set wmt22 --show
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from mine_wide import gold_path, load_docs, mine_docs, norm, read_gold  # noqa: E402


class Natasha:
    def __init__(self):
        from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

        emb = NewsEmbedding()
        self.Doc, self.seg, self.vocab = Doc, Segmenter(), MorphVocab()
        self.morph, self.syntax, self.ner = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)

    def spans(self, text: str):
        doc = self.Doc(text)
        doc.segment(self.seg)
        doc.tag_morph(self.morph)
        doc.parse_syntax(self.syntax)
        doc.tag_ner(self.ner)
        for span in doc.spans:
            span.normalize(self.vocab)
        return doc.spans


def natasha_form(nat: Natasha, proposal) -> str | None:
    """natasha's nominative of the NER span in the examples that holds the proposal's rendering
    (the span's words matched by lemma against the rendering's), or None."""
    from bilingual.glossary.render import lemma_key

    want = lemma_key(tuple(proposal.ru.split()))
    for text in proposal.example_ru.split(" | "):
        for span in nat.spans(text):
            words = tuple(span.text.split())
            if lemma_key(words) == want or lemma_key(tuple(span.normal.split())) == want:
                return span.normal
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", default="wmt22,wide")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    nat = Natasha()
    for which in args.set.split(","):
        result, _ = mine_docs(load_docs(which, "dev", None), 1)
        gold = {}
        for t in read_gold(gold_path(which, "dev")):
            for en in (t.en, *t.en_variants):
                gold[en.lower()] = {norm(a) for a in t.allowed}
        counts = {"both": 0, "engine": 0, "natasha": 0, "neither": 0, "no span": 0}
        rows = []
        t0 = time.perf_counter()
        for p in result.proposals:
            allowed = next((gold[e.lower()] for e in (p.en, *p.en_variants) if e.lower() in gold), None)
            if allowed is None:
                continue
            theirs = natasha_form(nat, p)
            if theirs is None:
                counts["no span"] += 1
                continue
            a, b = norm(p.ru) in allowed, norm(theirs) in allowed
            counts["both" if a and b else "engine" if a else "natasha" if b else "neither"] += 1
            if a != b or not a:
                rows.append(f"{p.en}: engine {p.ru} / natasha {theirs} (gold {sorted(allowed)[0]})")
        print(f"== {which} dev: gold names among the proposals, dictionary form right by "
              f"{counts} (natasha read them in {time.perf_counter() - t0:.1f} s)")
        if args.show:
            for r in rows:
                print("   ", r)


if __name__ == "__main__":
    main()
