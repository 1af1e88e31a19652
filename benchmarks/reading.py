"""Reading throughput: read_document on N generated article pairs, against the raw engines.

Articles are built from the shipped corpus/ paragraphs, shuffled and numbered
per article so that no cache sees the same paragraph twice. Prints seconds per
stage and the ratio to the raw engines (pysbd / razdel on whole paragraphs,
stock langdetect.detect on every paragraph) measured in the same run.

The raw pysbd figure already benefits from the larger regular-expression cache
that bilingual.sources.segment sets up (it runs in the same process, afterwards).

    python benchmarks/reading.py [N]      # default N = 200 pairs
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bilingual.sources.corpus import find_pairs, read_document, split_front_matter  # noqa: E402


def paragraphs(lang: str) -> list[str]:
    out = []
    for f in sorted((ROOT / "corpus").glob(f"*/{lang}.md")):
        _, body = split_front_matter(f.read_text(encoding="utf-8"))
        out += [p.strip() for p in body.split("\n\n") if p.strip() and not p.startswith("#")]
    return out


def generate(root: Path, n: int) -> None:
    rng = random.Random(0)
    en, ru = paragraphs("en"), paragraphs("ru")
    for i in range(n):
        d = root / f"article-{i:04d}"
        d.mkdir(parents=True)
        k = rng.randint(12, 24)
        idx = [rng.randrange(min(len(en), len(ru))) for _ in range(k)]
        # A per-article number in every paragraph defeats the per-text caches.
        d.joinpath("en.md").write_text(
            f"# Article {i}\n\n" + "\n\n".join(f"{en[j]} Report {i}-{m}." for m, j in enumerate(idx)),
            encoding="utf-8")
        d.joinpath("ru.md").write_text(
            f"# Статья {i}\n\n" + "\n\n".join(f"{ru[j]} Сообщение {i}-{m}." for m, j in enumerate(idx)),
            encoding="utf-8")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate(root, n)
        read_document(ROOT / "corpus" / "putin-nato-pledge" / "en.md")  # load models once
        read_document(ROOT / "corpus" / "putin-nato-pledge" / "ru.md")
        pairs = find_pairs([root])
        chars = sentences = paras = 0
        t0 = time.process_time()
        docs = []
        for pair in pairs:
            for path in (pair.en_path, pair.ru_path):
                doc = read_document(path)
                chars += len(doc.text)
                sentences += len(doc.sentences)
                paras += len(doc.paragraphs)
                docs.append((doc.lang, [p.text for p in doc.paragraphs]))
        ours = time.process_time() - t0

        import pysbd
        from langdetect import DetectorFactory, detect
        from langdetect.lang_detect_exception import LangDetectException
        from razdel import sentenize

        seg = pysbd.Segmenter(language="en", clean=False)
        t0 = time.process_time()
        for lang, ps in docs:
            for p in ps:
                seg.segment(p) if lang == "en" else list(sentenize(p))
        raw_seg = time.process_time() - t0

        DetectorFactory.seed = 0
        t0 = time.process_time()
        for _, ps in docs:
            for p in ps:
                try:
                    detect(p)
                except LangDetectException:
                    pass
        raw_lang = time.process_time() - t0

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n} pairs, {2 * n} files, {chars / 1e6:.1f} M chars, {paras} paragraphs, {sentences} sentences")
    print(f"read_document (decode + segment + document and paragraph language): {ours:.2f} s "
          f"= {ours / (2 * n) * 1000:.1f} ms per file")
    print(f"raw engines on the same paragraphs: pysbd/razdel {raw_seg:.2f} s, "
          f"langdetect.detect per paragraph {raw_lang:.2f} s, together {raw_seg + raw_lang:.2f} s")
    print(f"ratio read_document / raw engines: {ours / (raw_seg + raw_lang):.2f}")
    print(f"peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
