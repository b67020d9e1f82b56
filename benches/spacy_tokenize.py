#!/usr/bin/env python3
"""spaCy's blank Indonesian tokenizer with its sentencizer over the texts of a JSON Lines
file, through nlp.pipe: the reference for warta's throughput. Prints the seconds it took,
then MB/s of text. The seconds are what to compare: warta's MB/s count the whole file.
"""
import json
import sys
import time

import spacy

path = sys.argv[1]
texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8")]
nlp = spacy.blank("id")
nlp.add_pipe("sentencizer")
size = sum(len(t.encode("utf-8")) for t in texts)
start = time.perf_counter()
tokens = 0
for doc in nlp.pipe(texts, batch_size=256):
    tokens += len(doc)
seconds = time.perf_counter() - start
print(f"{seconds:.3f} s, {size / 1e6 / seconds:.3f} MB/s of text ({tokens} tokens, {size / 1e6:.1f} MB)")
