"""Translation throughput: Argos defaults vs this runner vs raw CTranslate2, in one run.

    python benchmarks/translate_speed.py [--sentences 160] [--argos-sentences 20] [--beam 4] [--rounds 3]

No real Argos model can be downloaded here, so the script builds a full-size
*copy* model (6+6 layers, d512, 8 heads, FFN 2048, a 32,000-token output layer,
int8) with ``tests/argosmodel_builder.py``: the same shape and cost per token as
a real en→ru package, and since it copies its input, output lengths are the
real ones too. Sentencepiece is trained on the English eval sentences
(``../shared/eval-data/enru``; falls back to generated text without them).

Three figures, sentences per second, same sentences, same machine:

* ``argos``: ``argostranslate.translate.translate()`` with its defaults, one
  paragraph of five sentences per call (how a caller uses it);
* ``runner``: ``bilingual.translate.runner.translate_corpus`` over articles
  made of the same sentences (glossary protection, restoration, residual
  rules and SQLite commits included; reading files and loading the model not);
* ``raw``: one ``Translator.translate_batch`` call with the runner's settings
  (int8, beam, batch 16, inter_threads = cores, intra_threads = 1).

The three are measured in alternation for ``--rounds`` rounds and the medians
compared, since a shared machine's load swings within a minute. A sweep then
times the raw engine alone at several batch sizes (batch 1 is how Argos calls
it), which bounds what any runner can gain from batching on this machine.
``--text generated`` uses short generated sentences instead of the news ones,
to show how much sentence length moves every figure.

Targets: runner >= 0.9x raw, runner >= 10x argos.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
EVAL = ROOT.parent / "shared" / "eval-data" / "enru"


def eval_sentences() -> list[str]:
    out: list[str] = []
    for name in ("dev.jsonl", "test.jsonl"):
        path = EVAL / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                out.extend(s.strip() for s in json.loads(line)["en"] if s.strip())
    return list(dict.fromkeys(out))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sentences", type=int, default=160)
    ap.add_argument("--argos-sentences", type=int, default=20, help="Argos defaults are slow; fewer suffice")
    ap.add_argument("--beam", type=int, default=4)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--text", choices=("news", "generated"), default="news")
    ap.add_argument("--no-sweep", action="store_true", help="skip the raw-engine batch-size sweep")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bilingual-bench-"))
    for key in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[key] = str(work / key.lower())
    os.environ["ARGOS_PACKAGES_DIR"] = str(work / "packages")

    from tests.argosmodel_builder import _training_lines, build_argosmodel

    sentences = eval_sentences() if args.text == "news" else []
    source = "eval-data/enru (WMT22 news)" if sentences else "generated text"
    if not sentences:
        sentences = _training_lines(args.sentences, 3)
    while len(sentences) < args.sentences:
        sentences = sentences + sentences
    sentences = sentences[:args.sentences]

    t = time.perf_counter()
    archive = build_argosmodel(
        work / "translate-en_ru-bench.argosmodel", name="translate-en_ru-bench", vocab_size=8000,
        training_lines=eval_sentences() or None, layers=(6, 6), d_model=512, heads=8, ffn=2048,
        pos_width=64, quantization="int8", pad_vocab_to=32000)
    print(f"built a 6+6-layer d512 int8 copy model in {time.perf_counter() - t:.0f}s; "
          f"{len(sentences)} sentences from {source}; beam {args.beam}")

    from bilingual.translate.models import install_model

    info = install_model(archive)

    import statistics

    import ctranslate2
    import sentencepiece
    from argostranslate import translate as argos_translate

    from bilingual.checks.pipeline import load_default_glossary
    from bilingual.translate.argos import default_threads
    from bilingual.translate.runner import translate_corpus

    inter, intra = default_threads()
    translator = ctranslate2.Translator(str(Path(info.path) / "model"), compute_type="int8",
                                        inter_threads=inter, intra_threads=intra)
    sp = sentencepiece.SentencePieceProcessor(model_file=str(Path(info.path) / "sentencepiece.model"))
    tokens = sp.encode(sentences, out_type=str)
    print(f"{sum(map(len, tokens)) / len(tokens):.1f} sentencepiece tokens per sentence on average")
    translator.translate_batch(tokens[:16], beam_size=args.beam, max_batch_size=16)  # warm up

    corpus = work / "corpus"
    for i in range(0, len(sentences), 10):
        d = corpus / f"article-{i // 10:03d}"
        d.mkdir(parents=True)
        (d / "en.md").write_text("\n\n".join(sentences[i:i + 10]) + "\n", encoding="utf-8")
    glossary = load_default_glossary(ROOT / "glossary.csv") if (ROOT / "glossary.csv").exists() else None

    argos_translate.get_installed_languages.cache_clear()
    subset = sentences[:args.argos_sentences]
    paragraphs = [" ".join(subset[i:i + 5]) for i in range(0, len(subset), 5)]
    # Load the model and splitter. Argos keeps the previous call's paragraphs in a cache, so
    # the warm-up text must not be one of the measured paragraphs.
    argos_translate.translate("A warm-up sentence. And another one.", "en", "ru")

    # The machine is shared: the three are measured in alternation, and medians reported.
    raw_r, run_r, argos_r, copied, summary = [], [], [], 0, None
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for rnd in range(args.rounds):
        t = time.perf_counter()
        res = translator.translate_batch(tokens, beam_size=args.beam, max_batch_size=16, max_decoding_length=512)
        raw_r.append(len(sentences) / (time.perf_counter() - t))
        copied = sum(sp.decode_pieces(r.hypotheses[0]) == s for r, s in zip(res, sentences))

        summary = translate_corpus([corpus], glossary=glossary, backend_options={"beam": args.beam},
                                   cache_path=work / f"tm-{rnd}.sqlite")
        run_r.append(summary.translated / summary.seconds)

        t = time.perf_counter()
        for p in paragraphs:
            argos_translate.translate(p, "en", "ru")
        argos_r.append(len(subset) / (time.perf_counter() - t))
        print(f"round {rnd + 1}: argos {argos_r[-1]:.1f}  runner {run_r[-1]:.1f}  raw {raw_r[-1]:.1f} sentences/s",
              flush=True)

    busy = (time.process_time() - cpu0) / (time.perf_counter() - wall0)
    argos, runner, raw = (statistics.median(x) for x in (argos_r, run_r, raw_r))
    print(f"{'argos translate() defaults':32} {argos:8.1f} sentences/s   (median; {len(subset)} sentences a round)")
    print(f"{'bilingual runner':32} {runner:8.1f} sentences/s   (median; {summary.translated} segments a round)")
    print(f"{'raw CTranslate2 translate_batch':32} {raw:8.1f} sentences/s   "
          f"(median; {copied}/{len(sentences)} copied exactly)")
    print(f"runner / raw   = {runner / raw:.2f}   (target >= 0.9)")
    print(f"runner / argos = {runner / argos:.1f}   (target >= 10)")
    print(f"glossary enforcements {summary.enforced}, fallbacks {summary.fallbacks}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
          f"this process used {busy:.2f} cores on average")
    if not args.no_sweep:
        sweep(translator, tokens, args.beam, argos)


def sweep(translator, tokens: list[list[str]], beam: int, argos: float) -> None:
    """The raw engine alone, sorted by length, at several batch sizes: the ceiling for any runner."""
    ordered = sorted(tokens, key=len)
    single = tokens[:min(len(tokens), 24)]
    print(f"raw engine sweep, beam {beam} (Argos defaults {argos:.1f}/s):")
    t = time.perf_counter()
    for x in single:  # one sentence per call, as Argos sends a 32-token batch
        translator.translate_batch([x], beam_size=beam)
    rate = len(single) / (time.perf_counter() - t)
    print(f"  batch  1  {rate:6.1f} sentences/s   {rate / argos:5.1f}x Argos")
    for size in (16, 32, 64):
        t = time.perf_counter()
        translator.translate_batch(ordered, beam_size=beam, max_batch_size=size, max_decoding_length=512)
        rate = len(ordered) / (time.perf_counter() - t)
        print(f"  batch {size:2d}  {rate:6.1f} sentences/s   {rate / argos:5.1f}x Argos")


if __name__ == "__main__":
    main()
