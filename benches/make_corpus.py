#!/usr/bin/env python3
"""Build a large JSON Lines corpus for throughput runs by recombining the paragraphs of
corpus/*.txt with varied ids, names, numbers and dates, so that no two articles are the
same text and caches cannot cheat.

usage: make_corpus.py OUT.jsonl MEGABYTES [--seed N]
"""
import json
import os
import random
import re
import sys

FIRST = ["Ahmad", "Siti", "Budi", "Dewi", "Rahmat", "Nurul", "Agus", "Made", "Ketut", "Putu", "Andi", "Yohana",
         "Teuku", "Cut", "Hendra", "Lestari", "Fajar", "Rina", "Yusuf", "Maria", "Slamet", "Wayan", "Ratna", "Irfan"]
LAST = ["Saputra", "Wijaya", "Harahap", "Lubis", "Pratama", "Nasution", "Siregar", "Hidayat", "Kusuma", "Rahman",
        "Sinaga", "Wibowo", "Suarta", "Tanjung", "Simanjuntak", "Rasyid", "Mahmud", "Putri", "Setiawan", "Daulay"]
PLACES = ["PALEMBANG", "MAKASSAR", "SURABAYA", "Mataram (ANTARA)", "JAKARTA, KOMPAS.com", "Ternate", "DENPASAR",
          "BANDUNG", "SAMARINDA", "KUPANG", "MEDAN", "PADANG"]
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def paragraphs(corpus_dir):
    out, titles = [], []
    for name in sorted(os.listdir(corpus_dir)):
        if not name.endswith(".txt"):
            continue
        text = open(os.path.join(corpus_dir, name), encoding="utf-8").read()
        lines = text.split("\n")
        if lines and lines[0].startswith("# "):
            titles.append(lines[0][2:])
            lines = lines[1:]
        for line in lines:
            line = line.strip()
            if len(line) > 40:
                # drop the dateline; a new one is written per article
                out.append(re.sub(r"^[A-Z][^–—-]{0,40}[–—-]\s+", "", line))
    return titles, out


def vary(text, rng):
    text = re.sub(r"\b(\d{1,2})/(\d{1,2})/(20\d\d)\b",
                  lambda m: f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2015, 2026)}", text)
    text = re.sub(r"\b\d{2,3}\b", lambda m: str(rng.randint(10, 999)), text)
    text = re.sub(r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b", lambda m: rng.choice(WEEKDAYS), text)
    return text


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out_path, megabytes = sys.argv[1], float(sys.argv[2])
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 7
    rng = random.Random(seed)
    here = os.path.dirname(os.path.abspath(__file__))
    titles, paras = paragraphs(os.path.join(here, "..", "corpus"))
    target = int(megabytes * 1e6)
    written = 0
    n = 0
    with open(out_path, "w", encoding="utf-8") as out:
        while written < target:
            n += 1
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            body = [vary(p, rng) for p in rng.sample(paras, rng.randint(5, 12))]
            body[0] = f"{rng.choice(PLACES)} – {body[0]}"
            body.insert(rng.randint(1, len(body)), f"“Kami terus bekerja untuk warga,” kata {name}.")
            record = {
                "id": f"bench-{n}",
                "title": vary(rng.choice(titles), rng),
                "date": f"{rng.randint(2015, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "text": "\n".join(body),
            }
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
    print(f"{out_path}: {n} articles, {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
