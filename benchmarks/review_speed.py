"""Review desk speed: a 1,000-article archive's queue after a cached check, and the round-trip of an action.

    python benchmarks/review_speed.py [--pairs 1000] [--actions 10] [--jobs 2] [--keep DIR]

Writes N article pairs with benchmarks/scale.py's generator (about one in ten with drift:
a forbidden form, a changed number, a dropped sentence), runs `bilingual check` once as a
process to fill the check cache, then in this process:

1. opens the desk (``Desk.open``: pairs, the cache's stored results, the archive rule, the
   baseline) and serves it with uvicorn on 127.0.0.1; the queue is fetched over HTTP.
   "queue open" is from the start of ``Desk.open`` to the last byte of the queue page; its
   peer is ``bilingual.check(..., cache=True)`` on the same archive in the same process
   (what `bilingual check` itself costs on a warm cache);
2. times ``--actions`` round-trips of each action over HTTP — accept with a reason
   (baseline write, audit log, re-publish), fix of one forbidden form (fix's change,
   compare-and-swap write, backup, audit log, recheck of the article, archive rule) and
   the flag page — with a plain queue reload as the peer.

Targets: queue open < 1 s after a cached check; an action < 300 ms (median). The machine
is shared, so the peer runs beside each figure.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from scale import generate  # noqa: E402


def _ms(values) -> str:
    return f"median {statistics.median(values) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pairs", type=int, default=1000)
    ap.add_argument("--actions", type=int, default=10)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", type=Path)
    args = ap.parse_args()

    base = args.keep or Path(tempfile.mkdtemp(prefix="review-speed-"))
    corpus = base / "corpus"
    if corpus.exists():  # --keep: the articles are written again with the same bytes; the cache stays
        for folder in corpus.iterdir():
            if folder.is_dir() and folder.name != ".bilingual":
                shutil.rmtree(folder)
    corpus.mkdir(parents=True, exist_ok=True)
    generate(corpus, args.pairs)
    (base / "baseline.json").unlink(missing_ok=True)  # every flag new again
    glossary = base / "glossary.csv"  # a copy: accepting a mined name would write it
    shutil.copy(ROOT / "glossary.csv", glossary)
    print(f"{args.pairs} articles in {corpus}; machine load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bilingual", "check", str(corpus), "-g", str(glossary), "--jobs",
                    str(args.jobs), "-f", "json", "-o", str(base / "report.json")], cwd=ROOT, check=False,
                   stdout=subprocess.DEVNULL)
    print(f"bilingual check filling the cache (a process, --jobs {args.jobs}; with --keep the cache of the "
          f"last run is reused): {time.perf_counter() - t:.1f} s")

    import httpx

    import bilingual
    from bilingual.review.desk import Desk, Settings
    from bilingual.review.server import prepare

    settings = Settings([corpus], glossary, base / "baseline.json", jobs=args.jobs, author="bench")
    t = time.perf_counter()
    bilingual.check([corpus], str(glossary), cache=True)  # the peer, and the imports both share
    peer_first = time.perf_counter() - t

    # the desk: open from the cache, serve on 127.0.0.1, fetch the queue over HTTP
    opens, queues = [], []
    for _ in range(3):
        t0 = time.perf_counter()
        desk = Desk.open(settings)
        server = prepare(desk, token="bench-token", who="bench")
        server.start()
        client = httpx.Client(base_url=f"http://127.0.0.1:{server.port}", timeout=120,
                              headers={"origin": f"http://127.0.0.1:{server.port}"})
        client.get("/?token=bench-token")
        page = client.get("/")
        opens.append(time.perf_counter() - t0)
        assert page.status_code == 200, page.text[:200]
        t = time.perf_counter()
        bilingual.check([corpus], str(glossary), cache=True)
        queues.append(time.perf_counter() - t)
        flags = len(desk.items)
        if len(opens) < 3:
            client.close()
            server.stop()
    print(f"desk: {len(desk.order)} articles, {flags} flags; queue page {len(page.content) / 1024:.0f} KiB")
    print(f"queue open after a cached check (Desk.open + serve + GET /): {_ms(opens)}")
    print(f"  peer, bilingual.check(cache=True) in this process:           {_ms(queues)}"
          f"  (first call {peer_first:.2f} s, imports included)")
    print(f"  ratio desk/peer: {statistics.median(opens) / statistics.median(queues):.2f}")

    def sha(html: str) -> str:
        return re.search(r'name="sha" value="([0-9a-f]{64})"', html).group(1)

    # `bilingual review` loads the case resolver's models in the background while the queue is read
    t = time.perf_counter()
    desk.warm()
    print(f"warming the case models (a background thread in `bilingual review`): {time.perf_counter() - t:.2f} s")
    items, _ = desk.queue(status="new")
    forbidden = [it.id for it in items if it.flag.kind == "forbidden_variant"][:args.actions]
    others = [it.id for it in items if it.flag.kind not in ("forbidden_variant",)][:args.actions]
    form = {"_token": "bench-token"}
    flag_pages, fixes, accepts, reloads = [], [], [], []
    for fid in forbidden:
        t = time.perf_counter()
        html = client.get(f"/flag/{fid}").text
        flag_pages.append(time.perf_counter() - t)
        t = time.perf_counter()
        r = client.post(f"/flag/{fid}/fix", data={**form, "sha": sha(html)})
        fixes.append(time.perf_counter() - t)
        assert r.status_code == 200 and 'id="flag-gone"' in r.text, r.text[:500]
        t = time.perf_counter()
        client.get("/")
        reloads.append(time.perf_counter() - t)
    for fid in others:
        t = time.perf_counter()
        r = client.post(f"/flag/{fid}/accept", data={**form, "reason": "benchmark"})
        accepts.append(time.perf_counter() - t)
        assert r.status_code == 200, r.text[:500]
        t = time.perf_counter()
        client.get("/")
        reloads.append(time.perf_counter() - t)
    print(f"accept with a reason, {len(accepts)} flags: {_ms(accepts)}")
    print(f"fix one forbidden form, {len(fixes)} flags:  {_ms(fixes)}")
    print(f"flag page (fix preview), {len(flag_pages)}:     {_ms(flag_pages)}")
    print(f"  peer, queue reload:             {_ms(reloads)}")
    client.close()
    server.stop()
    if args.keep is None:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
