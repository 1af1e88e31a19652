"""How fast `glossary mine` runs on real news, against another checkout of the project in the same run.

Each round mines the enru-wide dev half (or WMT22 dev) with an empty glossary twice, in fresh
processes: once with this checkout's code and once with the checkout given by ``--against``
(the main branch, say), alternately, so that a busy machine weighs on both alike. Reported:
CPU seconds of the mining step (reading, aligning and scoring; the process's own time) per run,
their medians and the ratio.

    python benchmarks/mine_speed.py --against ../main [--set wide] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SNIPPET = """
import sys, time, tempfile
from pathlib import Path
sys.path.insert(0, {bench!r})
from mine_wide import load_docs
from real_precision import slug_of, write_article
# the benchmark loaders put this checkout on the path: the code measured is {code!r}'s
sys.path[:] = [{code!r}] + [p for p in sys.path if p not in ({bench!r}, {root!r})]
for name in [m for m in sys.modules if m == "bilingual" or m.startswith("bilingual.")]:
    del sys.modules[name]
import bilingual
assert bilingual.__file__.startswith({code!r}), bilingual.__file__
from bilingual.mining.mine import mine
docs = load_docs({which!r}, "dev", None)
with tempfile.TemporaryDirectory() as tmp:
    root = Path(tmp) / "corpus"
    for d in docs:
        write_article(root, slug_of(d["doc_id"]), d["en"], d["ru"])
    t0 = time.process_time()
    result = mine([root], None)
    print(time.process_time() - t0, len(result.proposals))
"""


def run(code_root: Path, which: str) -> tuple[float, int]:
    env = {**os.environ, "PYTHONPATH": str(code_root), "OMP_NUM_THREADS": "1"}
    # the benchmark loaders (reading the eval data) are this checkout's, the mining code is code_root's
    snippet = SNIPPET.format(bench=str(ROOT / "benchmarks"), which=which, code=str(code_root), root=str(ROOT))
    out = subprocess.run([sys.executable, "-c", snippet], env=env, capture_output=True, text=True, check=True,
                         cwd=code_root)
    seconds, count = out.stdout.split()[-2:]
    return float(seconds), int(count)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--against", required=True, help="another checkout of the project (its root folder)")
    ap.add_argument("--set", default="wide", choices=["wide", "wmt22"])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    other = Path(args.against).resolve()
    ours, theirs = [], []
    for r in range(args.rounds):
        a, na = run(ROOT, args.set)
        b, nb = run(other, args.set)
        ours.append(a)
        theirs.append(b)
        print(f"round {r + 1}: this checkout {a:.1f} s CPU ({na} proposals), {other.name} {b:.1f} s ({nb} proposals)")
    ma, mb = statistics.median(ours), statistics.median(theirs)
    print(f"median: this checkout {ma:.1f} s, {other.name} {mb:.1f} s; ratio {ma / mb:.2f}")


if __name__ == "__main__":
    main()
