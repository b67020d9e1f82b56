#!/usr/bin/env bash
# A real-browser check of `warta report`: renders the report of the bundled corpus in
# headless Chromium, checks the DOM against the gold quotes (tests/gold/corpus), and saves
# screenshots of the index and of one article.
#
# usage: tests/browser/check.sh            (from anywhere; runs in the repository root)
# env:   OUT    where the report, the DOM and the screenshots go (default target/browser)
#        BAR    the least share of gold quotes that must be marked with their speaker
#               (default 0.85; the extractor marks 89% of the corpus's gold quotes)
#        WARTA  a warta binary to use instead of building one (cargo build --release,
#               honouring CARGO_TARGET_DIR)
#
# Installs Debian's chromium when it is missing (needs root and apt; works in CI with no
# stdin). Exits non-zero when the share is below BAR, the report refers to anything
# outside itself, or Chromium fails.
set -euo pipefail

cd "$(dirname "$0")/../.."
OUT=${OUT:-target/browser}
BAR=${BAR:-0.85}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

if ! command -v chromium >/dev/null 2>&1; then
    echo "check.sh: installing chromium" >&2
    export DEBIAN_FRONTEND=noninteractive
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
    $sudo apt-get update -qq </dev/null
    # Without the recommends (printing, notifications, GL drivers): 25 packages, not 130;
    # fonts-liberation so that text renders in the screenshots.
    $sudo apt-get install -y -qq --no-install-recommends chromium fonts-liberation </dev/null >/dev/null
fi

if [ -z "${WARTA:-}" ]; then
    cargo build --release --quiet
    WARTA="${CARGO_TARGET_DIR:-target}/release/warta"
fi

SECONDS=0
"$WARTA" report -q corpus/ -o "$OUT/report.html"
echo "report: $OUT/report.html ($(wc -c <"$OUT/report.html") bytes)"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chrome() {
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" "$@" </dev/null 2>>"$OUT/chromium.log"
}

chrome --dump-dom "file://$OUT/report.html" >"$OUT/dom.html"
if [ ! -s "$OUT/dom.html" ]; then
    echo "check.sh: chromium dumped no DOM; see $OUT/chromium.log" >&2
    exit 1
fi
status=0
python3 tests/browser/dom_check.py --gold tests/gold/corpus --dom "$OUT/dom.html" --bar "$BAR" || status=$?

# The index as the page opens, and the first article as its link shows it.
chrome --screenshot="$OUT/index.png" --window-size=1280,2000 "file://$OUT/report.html"
chrome --screenshot="$OUT/article.png" --window-size=1280,2000 "file://$OUT/report.html#a1"
for png in index article; do
    if [ ! -s "$OUT/$png.png" ]; then
        echo "check.sh: no screenshot $OUT/$png.png; see $OUT/chromium.log" >&2
        status=1
    fi
done
echo "screenshots: $OUT/index.png $OUT/article.png"
echo "browser check took ${SECONDS} s after the install"
exit $status
