#!/usr/bin/env python3
"""Check the DOM of a rendered warta report against the gold quotes.

usage: dom_check.py --gold tests/gold/corpus --dom dom.html [--bar 0.85]

A gold quote (tests/gold/corpus/NNN.json: quotes[].text and speaker) counts as marked when,
in the section of its article (<section class="article" data-id="NNN">), some
<q class="quote"> element carries the same speaker (data-speaker; none for a gold speaker
of null) and its text shares at least half of the gold quote's words. Words are compared
after normalizing whitespace, quote marks and case. Exits 1 when the share of marked gold
quotes is below the bar.
"""
import argparse
import collections
import glob
import json
import os
import re
import sys
from html.parser import HTMLParser

QUOTE_MARKS = str.maketrans({c: '"' for c in "“”„‟«»″〝〞＂"} | {c: "'" for c in "‘’‚‛′"})


def words(text):
    text = text.translate(QUOTE_MARKS).lower()
    out = []
    for w in text.split():
        w = w.strip("\"'.,;:!?()[]–—-…")
        if w:
            out.append(w)
    return out


def norm_name(name):
    return " ".join(name.split()) if name else None


class Report(HTMLParser):
    """Collects, per article id, the marked quotes: (speaker, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.article = None
        self.open_quote = None
        self.quotes = collections.defaultdict(list)
        self.sections = 0
        self.external = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        for name in ("src", "href"):
            value = a.get(name) or ""
            if re.match(r"\s*(https?:)?//", value, re.I):
                self.external.append(f"<{tag} {name}={value}>")
        if tag == "section" and "article" in classes:
            self.article = a.get("data-id")
            self.sections += 1
        elif tag == "q" and "quote" in classes and self.article is not None:
            self.open_quote = {"speaker": norm_name(a.get("data-speaker")), "kind": a.get("data-kind"),
                               "via": a.get("data-via"), "text": []}

    def handle_endtag(self, tag):
        if tag == "q" and self.open_quote is not None:
            q = self.open_quote
            q["text"] = "".join(q["text"])
            self.quotes[self.article].append(q)
            self.open_quote = None
        elif tag == "section":
            self.article = None

    def handle_data(self, data):
        if self.open_quote is not None:
            self.open_quote["text"].append(data)


def overlap(gold_words, marked_words):
    have = collections.Counter(marked_words)
    shared = 0
    for w in gold_words:
        if have[w] > 0:
            have[w] -= 1
            shared += 1
    return shared


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True)
    ap.add_argument("--dom", required=True)
    ap.add_argument("--bar", type=float, default=0.85)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    report = Report()
    with open(args.dom, encoding="utf-8") as f:
        report.feed(f.read())
    report.close()

    problems = []
    if report.external:
        problems.append(f"external references: {report.external[:5]}")
    total = found = 0
    missed = []
    gold_files = sorted(glob.glob(os.path.join(args.gold, "*.json")))
    for path in gold_files:
        gold = json.load(open(path, encoding="utf-8"))
        article = gold["id"]
        marked = report.quotes.get(article, [])
        if not any(True for _ in marked) and gold["quotes"]:
            # An article without any marked quote is suspicious but counted below.
            pass
        prepared = [(m["speaker"], words(m["text"])) for m in marked]
        for q in gold["quotes"]:
            total += 1
            g = words(q["text"])
            speaker = norm_name(q.get("speaker"))
            if any(s == speaker and overlap(g, w) * 2 >= len(g) for s, w in prepared):
                found += 1
            else:
                missed.append((article, speaker, " ".join(q["text"].split())[:90]))
    sections = report.sections
    print(f"report: {sections} article sections, "
          f"{sum(len(v) for v in report.quotes.values())} marked quotes")
    share = found / total if total else 0.0
    print(f"gold quotes marked with their speaker: {found}/{total} = {share:.1%} (bar {args.bar:.0%})")
    if args.verbose or share < args.bar:
        for article, speaker, text in missed:
            print(f"  missed {article} [{speaker}] {text}")
    if sections < len(gold_files):
        problems.append(f"only {sections} article sections for {len(gold_files)} gold articles")
    if share < args.bar:
        problems.append(f"{share:.1%} of gold quotes marked, below the bar of {args.bar:.0%}")
    for p in problems:
        print(f"FAIL: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
