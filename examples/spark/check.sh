#!/usr/bin/env bash
# Runs the Spark job in local mode with 2 executor threads over the bundled corpus
# repeated to 2,000+ articles, and checks that its records equal, byte for byte per id,
# those of warta alone on the same input. Prints both throughputs.
#
# usage: examples/spark/check.sh PYTHON   (a python with pyspark installed)
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${1:-python3}
WORK=${WORK:-target/spark-check}
rm -rf "$WORK" && mkdir -p "$WORK"
WARTA="${CARGO_TARGET_DIR:-target}/release/warta"
[ -x "$WARTA" ] || cargo build --release --quiet

# The corpus as JSON Lines, repeated with distinct ids.
python3 - "$WORK/input.jsonl" <<'PY'
import json, os, sys
arts = []
for name in sorted(os.listdir("corpus")):
    if name.endswith(".txt"):
        text = open(os.path.join("corpus", name), encoding="utf-8").read()
        title, _, body = text.partition("\n")
        arts.append((name[:-4], title[2:].strip(), body.strip()))
with open(sys.argv[1], "w", encoding="utf-8") as out:
    n = 0
    while n < 2000:
        for stem, title, body in arts:
            out.write(json.dumps({"id": f"{stem}-{n}", "title": title, "text": body}, ensure_ascii=False) + "\n")
            n += 1
PY
ARTICLES=$(wc -l < "$WORK/input.jsonl")

start=$(date +%s.%N)
"$WARTA" extract -q - < "$WORK/input.jsonl" > "$WORK/alone.jsonl"
alone=$(python3 -c "print($(date +%s.%N) - $start)")

start=$(date +%s.%N)
"$PY" -c "import pyspark" 
PYSPARK_SUBMIT_ARGS="--master local[2] pyspark-shell" PYSPARK_PYTHON="$PY" "$PY" examples/spark/warta_spark.py --warta "$WARTA" --partitions 4 \
    "$WORK/input.jsonl" "$WORK/spark-out" 2> "$WORK/spark.log" || { tail -30 "$WORK/spark.log"; exit 1; }
spark=$(python3 -c "print($(date +%s.%N) - $start)")

python3 - "$WORK/alone.jsonl" "$WORK/spark-out" "$ARTICLES" <<'PY'
import glob, json, sys
alone = {}
for line in open(sys.argv[1], encoding="utf-8"):
    alone[json.loads(line)["id"]] = line.rstrip("\n")
spark = {}
for part in sorted(glob.glob(sys.argv[2] + "/part-*")):
    for line in open(part, encoding="utf-8"):
        rid = json.loads(line)["id"]
        assert rid not in spark, f"duplicate record {rid}"
        spark[rid] = line.rstrip("\n")
assert len(alone) == int(sys.argv[3]), f"warta alone gave {len(alone)} records for {sys.argv[3]} articles"
assert set(spark) == set(alone), f"ids differ: {len(set(spark) ^ set(alone))} not in both"
bad = [i for i in alone if alone[i] != spark[i]]
assert not bad, f"{len(bad)} records differ, e.g. {bad[0]}"
print(f"spark check: {len(spark)} records, identical to warta alone")
PY
python3 -c "print(f'warta alone: {$ARTICLES / $alone:.0f} articles/s ({$alone:.1f} s); Spark local[2]: {$ARTICLES / $spark:.0f} articles/s ({$spark:.1f} s, start-up included)')"
