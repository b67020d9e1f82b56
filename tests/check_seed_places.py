#!/usr/bin/env python3
"""Checks the seed article's places against their official Kemendagri codes (issue 4):
reads the records of `warta extract --gazetteer ../shared/regions ../shared/seed/000.txt`
on standard input; exits 1 when a code is missing or wrong, or a place has a code from
another province than Sumatera Selatan (16)."""
import json
import sys

WANT = {"Kota Palembang": "16.71", "Kecamatan Plaju": "16.71.14", "Kecamatan Gandus": "16.71.12"}
record = json.loads(sys.stdin.readline())
places = {p["name"]: p for p in record["places"]}
bad = []
for name, code in WANT.items():
    got = places.get(name, {}).get("code")
    print(f"{name:20} {got}")
    if got != code:
        bad.append(f"{name}: {got} instead of {code}")
for p in record["places"]:
    if p.get("code") and not p["code"].startswith("16"):
        bad.append(f"{p['name']}: code {p['code']} is from another province")
if bad:
    print("\n".join(bad))
    sys.exit(1)
print("seed places: all codes right, none from another province")
