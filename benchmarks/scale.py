"""Scale: `bilingual check` over 250, 500 and 1,000 generated article pairs — time and peak memory.

    python benchmarks/scale.py [--sizes 250 500 1000] [--keep DIR]

Writes N article pairs (15–40 sentences each, in paragraphs of 2–4) from
sentence templates into a temporary corpus: the English names glossary terms,
the Russian renders them in the case the sentence needs («с Киевом», «власти
Харькова», «в Молдове», «Владимиру Путину»); about one article in ten carries
drift (a forbidden form, a changed number, a dropped sentence). Each size runs
`python -m bilingual check` in its own process with the repo's glossary.csv,
and the process's own peak RSS is read from os.wait4. Articles stream through
the pipeline, so time should grow linearly and peak memory stay flat.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

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


def run_check(corpus: Path, out: Path) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit code) of one `bilingual check` process."""
    cmd = [sys.executable, "-m", "bilingual", "check", str(corpus), "-g", str(ROOT / "glossary.csv"),
           "--format", "json", "-o", str(out)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode()
    proc.stderr.close()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"check failed ({proc.returncode}): {err.strip()}")
    return seconds, usage.ru_maxrss / 1024, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000])
    ap.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = ap.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="bilingual-scale-"))
    try:
        import json

        rows = []
        for n in args.sizes:
            corpus = base / f"corpus-{n}"
            if not corpus.exists():
                generate(corpus, n)
            sentences = sum(len([s for s in (p / "en.md").read_text(encoding="utf-8").split(". ")])
                            for p in corpus.iterdir())
            out = base / f"report-{n}.json"
            seconds, rss, code = run_check(corpus, out)
            report = json.loads(out.read_text(encoding="utf-8"))
            flags = sum(len(a["flags"]) for a in report["articles"])
            rows.append((n, sentences, seconds, rss, flags, len(report["articles"])))
            print(f"{n:5d} pairs  ~{sentences:6d} EN sentences  {seconds:7.1f} s  "
                  f"{1000 * seconds / n:6.1f} ms/pair  peak RSS {rss:6.0f} MB  "
                  f"{flags} flags in {len(report['articles'])} articles", flush=True)
        first = rows[0]
        for n, _s, seconds, rss, _f, _a in rows[1:]:
            print(f"{n} vs {first[0]}: corpus x{n / first[0]:.1f}, time x{seconds / first[2]:.2f}, "
                  f"peak RSS x{rss / first[3]:.2f}")
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
