"""Scale: `bilingual check` on 1,000 generated article pairs — all cores, Dask, the incremental rerun.

    python benchmarks/scale.py [--pairs 1000] [--quick] [--no-dask] [--sizes 250 500 1000] [--keep DIR]

Writes N article pairs (15–40 sentences each, in paragraphs of 2–4) from
sentence templates into a temporary corpus: the English names glossary terms,
the Russian renders them in the case the sentence needs («с Киевом», «власти
Харькова», «в Молдове», «Владимиру Путину»); about one article in ten carries
drift (a forbidden form, a changed number, a dropped sentence). Every run is
`python -m bilingual check` in its own process with the repo's glossary.csv:

1. `--jobs 1 --no-cache`, then `--jobs 2 --no-cache`: the speed-up on all cores;
2. `--executor dask --workers 2 --no-cache`: a Dask LocalCluster against `--jobs 2`;
3. `--jobs 2` three times with the cache: cold (fills it), unchanged, and after one
   article was edited — the incremental rerun against the full run with the same flags;
4. the JSON reports of all runs on the same files are compared byte for byte.

The main process's peak RSS and CPU time are its own (getrusage in the process);
worker processes are sampled from /proc every 0.2 s (peak RSS, CPU). The per-
article costs give a projection to 50,000 articles. `--sizes` adds the older
sweep (one core, no cache) showing linear time and flat memory over corpus sizes.
`--quick` uses 300 pairs (about a minute on an idle 2-core machine).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = 50_000
# Runs the CLI and, at exit, writes this process's own peak RSS and CPU time to $SCALE_USAGE.
WRAPPER = """
import atexit, json, os, resource
def _usage():
    u = resource.getrusage(resource.RUSAGE_SELF)
    with open(os.environ["SCALE_USAGE"], "w") as fh:
        json.dump({"rss_mb": u.ru_maxrss / 1024, "cpu": u.ru_utime + u.ru_stime}, fh)
atexit.register(_usage)
from bilingual.cli import main
main()
"""

# English name -> Russian forms by the case a template asks for.
PLACES = {
    "Kyiv": dict(nom="Киев", gen="Киева", dat="Киеву", loc="Киеве", ins="Киевом"),
    "Kharkiv": dict(nom="Харьков", gen="Харькова", dat="Харькову", loc="Харькове", ins="Харьковом"),
    "Moldova": dict(nom="Молдова", gen="Молдовы", dat="Молдове", loc="Молдове", ins="Молдовой"),
    "Zaporizhzhia": dict(nom="Запорожье", gen="Запорожья", dat="Запорожью", loc="Запорожье", ins="Запорожьем"),
    "Sumy": dict(nom="Сумы", gen="Сум", dat="Сумам", loc="Сумах", ins="Сумами"),
    "Brussels": dict(nom="Брюссель", gen="Брюсселя", dat="Брюсселю", loc="Брюсселе", ins="Брюсселем"),
}
PEOPLE = {
    "Vladimir Putin": dict(nom="Владимир Путин", gen="Владимира Путина", dat="Владимиру Путину",
                           ins="Владимиром Путиным"),
    "Donald Trump": dict(nom="Дональд Трамп", gen="Дональда Трампа", dat="Дональду Трампу",
                         ins="Дональдом Трампом"),
    "Volodymyr Zelensky": dict(nom="Владимир Зеленский", gen="Владимира Зеленского",
                               dat="Владимиру Зеленскому", ins="Владимиром Зеленским"),
}
FORBIDDEN = {"Moldova": dict(gen="Молдавии", loc="Молдавии", ins="Молдавией", dat="Молдавии", nom="Молдавия"),
             "Kyiv": dict(gen="Київа", loc="Київі", ins="Київом", dat="Київу", nom="Київ")}
DAYS = [("Monday", "в понедельник"), ("Tuesday", "во вторник"), ("Wednesday", "в среду"),
        ("Thursday", "в четверг"), ("Friday", "в пятницу")]

# (English, Russian); {P}/{L} are a person and a place, {P.gen} the Russian case form, {n} a number.
TEMPLATES = [
    ("{P} said on {day} that talks with {L} could resume soon.",
     "{P.nom} заявил {day}, что переговоры с {L.ins} могут вскоре возобновиться."),
    ("Officials in {L} reported {n} drones overnight.",
     "Власти {L.gen} сообщили о {n} беспилотниках за ночь."),
    ("At least {n} people were injured in {L}, local authorities said.",
     "В {L.loc} пострадали по меньшей мере {n} человек, сообщили местные власти."),
    ("NATO ministers will discuss the situation with {P} on {day}.",
     "Министры НАТО обсудят ситуацию с {P.ins} {day}."),
    ("The meeting with {P} lasted {n} minutes.",
     "Встреча с {P.ins} длилась {n} минут."),
    ("Residents of {L} were told to stay in shelters.",
     "Жителям {L.gen} посоветовали оставаться в укрытиях."),
    ("Talks in {L} ended on {day} without an agreement.",
     "Переговоры в {L.loc} завершились {day} без соглашения."),
    ("{P} did not comment on the report.",
     "{P.nom} не стал комментировать это сообщение."),
    ("A letter from {P} was delivered to {L} on {day}.",
     "Письмо {P.gen} доставили в {L.nom} {day}."),
    ("The Kremlin said {n} prisoners would be exchanged.",
     "В Кремле заявили, что будут обменены {n} пленных."),
    ("Aid worth {n} million euros was promised to {L}.",
     "{L.dat} пообещали помощь на {n} млн евро."),
    ("Journalists asked {P} about the ceasefire.",
     "Журналисты спросили {P.gen} о прекращении огня."),
]


def sentence(rng: random.Random, drift: str | None) -> tuple[str, str]:
    en_t, ru_t = rng.choice(TEMPLATES)
    person = rng.choice(list(PEOPLE))
    place = rng.choice(list(PLACES))
    day_en, day_ru = rng.choice(DAYS)
    n = rng.randint(2, 400)
    ru_place = dict(PLACES[place])
    if drift == "forbidden" and place in FORBIDDEN:
        ru_place = FORBIDDEN[place]
    ru_n = n + 10 if drift == "number" else n
    en = en_t.format(P=person, L=place, day=day_en, n=n)
    ru = ru_t
    for case, form in PEOPLE[person].items():
        ru = ru.replace("{P.%s}" % case, form)
    for case, form in ru_place.items():
        ru = ru.replace("{L.%s}" % case, form)
    ru = ru.replace("{day}", day_ru).replace("{n}", str(ru_n))
    return en, ru[0].upper() + ru[1:]


def article(rng: random.Random, k: int) -> tuple[str, str]:
    count = rng.randint(15, 40)
    drifted = rng.random() < 0.1
    drift_at = rng.randrange(count) if drifted else -1
    kind = rng.choice(["forbidden", "number", "drop"]) if drifted else None
    en_paras, ru_paras, en_p, ru_p = [], [], [], []
    for i in range(count):
        en, ru = sentence(rng, kind if i == drift_at else None)
        en_p.append(en)
        if not (i == drift_at and kind == "drop"):
            ru_p.append(ru)
        if len(en_p) >= rng.randint(2, 4) or i == count - 1:
            en_paras.append(" ".join(en_p))
            ru_paras.append(" ".join(ru_p))
            en_p, ru_p = [], []
    date = f"2025-{1 + k % 12:02d}-{1 + k % 28:02d}"
    head = f"---\ntitle: Story {k}\ndate: {date}\n---\n"
    return (head + "\n\n".join(en_paras) + "\n",
            head + "\n\n".join(p for p in ru_paras if p) + "\n")


def generate(root: Path, n: int, seed: int = 2025) -> None:
    rng = random.Random(seed)
    for k in range(n):
        en, ru = article(rng, k)
        folder = root / f"story-{k:05d}"
        folder.mkdir(parents=True)
        (folder / "en.md").write_text(en, encoding="utf-8")
        (folder / "ru.md").write_text(ru, encoding="utf-8")




# ---------------------------------------------------------------- measuring one run


@dataclass
class Run:
    label: str
    seconds: float
    code: int
    rss_mb: float  # the main process's own peak RSS
    cpu: float  # the main process's own CPU seconds
    workers: list[tuple[float, float]] = field(default_factory=list)  # (peak RSS MB, CPU s) per busy child
    stderr: str = ""

    @property
    def worker_cpu(self) -> float:
        return sum(c for _, c in self.workers)

    def line(self) -> str:
        w = ""
        if self.workers:
            w = (f"  workers: {len(self.workers)} × peak RSS {max(r for r, _ in self.workers):.0f} MB, "
                 f"CPU {self.worker_cpu:.1f} s")
        return (f"{self.label:<34} {self.seconds:7.2f} s  main: peak RSS {self.rss_mb:4.0f} MB, "
                f"CPU {self.cpu:6.1f} s{w}")


def _children(root: int) -> list[int]:
    parent: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as fh:
                    stat = fh.read()
                parent[int(d)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    out, todo = [], [root]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parent.items() if pp == p]
        out.extend(kids)
        todo.extend(kids)
    return out


def _sample(pid: int) -> tuple[float, float] | None:
    """(peak RSS MB, CPU seconds) of a live process."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            hwm = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        tick = os.sysconf("SC_CLK_TCK")
        return hwm / 1024, (int(fields[11]) + int(fields[12])) / tick
    except (OSError, StopIteration, IndexError, ValueError):
        return None


def run_check(label: str, corpus: Path, out: Path, *flags: str) -> Run:
    """One `bilingual check` process, timed, with its workers sampled."""
    usage = out.with_suffix(".usage.json")
    cmd = [sys.executable, "-c", WRAPPER, "check", str(corpus), "-g", str(ROOT / "glossary.csv"),
           "--format", "json", "-o", str(out), *flags]
    env = {**os.environ, "SCALE_USAGE": str(usage)}
    seen: dict[int, tuple[float, float]] = {}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    done = threading.Event()

    def watch():
        while not done.wait(0.2):
            for child in _children(proc.pid):
                got = _sample(child)
                if got is not None:
                    seen[child] = got

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    err = proc.stderr.read().decode()
    proc.wait()
    seconds = time.perf_counter() - t0
    done.set()
    watcher.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{label}: check failed ({proc.returncode}): {err.strip()}")
    own = json.loads(usage.read_text())
    busy = [v for v in seen.values() if v[1] >= 0.5]  # not the fork server or the resource tracker
    return Run(label, seconds, proc.returncode, own["rss_mb"], own["cpu"], busy, err)


# ---------------------------------------------------------------- the study


def edit_one(corpus: Path, n: int) -> Path:
    """Append a sentence pair to the middle article; the path, to undo it."""
    ru = corpus / f"story-{n // 2:05d}" / "ru.md"
    en = ru.with_name("en.md")
    en.write_text(en.read_text(encoding="utf-8") + "\nTalks in Kyiv resumed on Friday.\n", encoding="utf-8")
    ru.write_text(ru.read_text(encoding="utf-8") + "\nПереговоры в Киеве возобновились в пятницу.\n",
                  encoding="utf-8")
    return en.parent


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def study(base: Path, n: int, dask: bool) -> None:
    corpus = base / f"corpus-{n}"
    if not corpus.exists():
        generate(corpus, n)
    cache_dir = corpus / ".bilingual"
    shutil.rmtree(cache_dir, ignore_errors=True)
    single = base / "corpus-1"
    if not single.exists():
        generate(single, 1)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{n} pairs, {cores} cores, load average before: {load()}", flush=True)
    outputs: dict[str, Path] = {}

    def timed(label, corpus_, key, *flags):
        out = base / f"{key}.json"
        r = run_check(label, corpus_, out, *flags)
        outputs[key] = out
        print(r.line(), flush=True)
        return r

    shutil.rmtree(single / ".bilingual", ignore_errors=True)
    start = timed("start-up: 1 pair checked", single, "single", "--jobs", "1")
    start_warm = timed("start-up: 1 pair reused", single, "single-warm", "--jobs", "1")
    one = timed("--jobs 1 --no-cache", corpus, "jobs1", "--jobs", "1", "--no-cache")
    two = timed("--jobs 2 --no-cache", corpus, "jobs2", "--jobs", "2", "--no-cache")
    dsk = timed("--executor dask --workers 2 --no-cache", corpus, "dask", "--executor", "dask", "--workers", "2",
                "--no-cache") if dask else None
    full = timed("--jobs 2, cache cold (full run)", corpus, "cold", "--jobs", "2")
    warm = timed("--jobs 2, cache warm, nothing changed", corpus, "warm", "--jobs", "2")
    edited = edit_one(corpus, n)
    try:
        incr = timed("--jobs 2, cache warm, 1 article edited", corpus, "incremental", "--jobs", "2")
    finally:
        shutil.rmtree(edited)
        generate_one(corpus, n // 2)
        shutil.rmtree(cache_dir, ignore_errors=True)
    print(f"load average after: {load()}")

    same = [k for k in ("jobs2", "dask", "cold", "warm") if k in outputs]
    ref = outputs["jobs1"].read_bytes()
    verdict = ", ".join(f"{k} {'identical' if outputs[k].read_bytes() == ref else 'DIFFERENT'}" for k in same)
    changed = json.loads(outputs["incremental"].read_text(encoding="utf-8"))
    print(f"JSON against --jobs 1: {verdict}; incremental run reports {len(changed['articles'])} articles")
    print()
    print(f"speed-up --jobs 2 / --jobs 1: {one.seconds / two.seconds:.2f}x on {cores} cores "
          f"(target >= 1.8x; CPU: jobs 1 {one.cpu + one.worker_cpu:.1f} s, "
          f"jobs 2 {two.cpu + two.worker_cpu:.1f} s in all processes)")
    if two.workers:
        # what the wall clock would show with the two cores to ourselves: the busiest worker and the
        # main process's own work are the critical path
        critical = max(c for _, c in two.workers) + two.cpu
        print(f"  from CPU times (load-independent estimate): {(one.cpu + one.worker_cpu) / critical:.2f}x")
    if dsk:
        print(f"Dask LocalCluster 2 workers / --jobs 2: {dsk.seconds / two.seconds:.2f}x (target <= 1.20x)")
        if dsk.workers and two.workers:
            ratio = (max(c for _, c in dsk.workers) + dsk.cpu) / (max(c for _, c in two.workers) + two.cpu)
            print(f"  from CPU times (load-independent estimate): {ratio:.2f}x")
    print(f"incremental rerun (1 of {n} edited) / full run, same flags: {incr.seconds / full.seconds:.1%} "
          f"(target <= 5%); unchanged rerun {warm.seconds / full.seconds:.1%}")
    if full.workers:
        critical_full = max(c for _, c in full.workers) + full.cpu
        print(f"  from CPU times (load-independent estimate): {incr.cpu / critical_full:.1%}")
    biggest = max(r.rss_mb for r in (one, two, full, warm, incr) + ((dsk,) if dsk else ()))
    print(f"main process peak RSS: {biggest:.0f} MB at most (target < 400 MB)")

    # Projections, from wall times (as measured, under the load above) and from CPU times (what an
    # idle machine would show: the main process is single-threaded, the workers split the checking)
    for basis, get in (("wall", lambda r: r.seconds), ("CPU", lambda r: r.cpu + r.worker_cpu)):
        s0, s_reuse = get(start), get(start_warm)
        per_check = max(0.0, get(one) - s0) / n
        per_reuse = max(0.0, get(warm) - s_reuse) / n
        if basis == "wall":
            full_2 = s0 + PROJECT * max(0.0, two.seconds - s0) / n
        else:  # the critical path: the busiest worker plus the main process
            full_2 = two.cpu + PROJECT * max(c for _, c in two.workers) / n if two.workers else float("nan")
        print(f"per article ({basis}): {1000 * per_check:.1f} ms checked on one core, {1000 * per_reuse:.2f} ms "
              f"reused; start-up {s0:.1f} s (checking) / {s_reuse:.1f} s (reusing)")
        print(f"  projected {PROJECT:,} articles ({basis}): full run --jobs 1 {(s0 + PROJECT * per_check) / 60:.1f} "
              f"min, --jobs 2 {full_2 / 60:.1f} min; one edited {s0 + PROJECT * per_reuse:.1f} s")


def generate_one(root: Path, k: int, seed: int = 2025) -> None:
    """Rewrite article k exactly as `generate` made it."""
    rng = random.Random(seed)
    for i in range(k + 1):
        en, ru = article(rng, i)
    folder = root / f"story-{k:05d}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "en.md").write_text(en, encoding="utf-8")
    (folder / "ru.md").write_text(ru, encoding="utf-8")


def sweep(base: Path, sizes: list[int]) -> None:
    """One core, no cache, growing corpora: time grows linearly, memory stays flat."""
    rows = []
    for n in sizes:
        corpus = base / f"corpus-{n}"
        if not corpus.exists():
            generate(corpus, n)
        out = base / f"sweep-{n}.json"
        r = run_check(f"{n} pairs", corpus, out, "--jobs", "1", "--no-cache")
        report = json.loads(out.read_text(encoding="utf-8"))
        flags = sum(len(a["flags"]) for a in report["articles"])
        rows.append((n, r))
        print(f"{n:5d} pairs  {r.seconds:7.1f} s  {1000 * r.seconds / n:6.1f} ms/pair  peak RSS {r.rss_mb:6.0f} MB  "
              f"{flags} flags in {len(report['articles'])} articles", flush=True)
    n0, r0 = rows[0]
    for n, r in rows[1:]:
        print(f"{n} vs {n0}: corpus x{n / n0:.1f}, time x{r.seconds / r0.seconds:.2f}, "
              f"peak RSS x{r.rss_mb / r0.rss_mb:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=1000, help="corpus size for the study (default 1000)")
    ap.add_argument("--quick", action="store_true", help="300 pairs")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask run")
    ap.add_argument("--sizes", type=int, nargs="+", help="also run the one-core sweep over these sizes")
    ap.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = ap.parse_args()
    n = 300 if args.quick else args.pairs
    base = args.keep or Path(tempfile.mkdtemp(prefix="bilingual-scale-"))
    t0 = time.perf_counter()
    try:
        study(base, n, dask=not args.no_dask)
        if args.sizes:
            print()
            sweep(base, args.sizes)
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    print(f"\nbenchmark took {time.perf_counter() - t0:.0f} s; rerun: python benchmarks/scale.py "
          + " ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()
