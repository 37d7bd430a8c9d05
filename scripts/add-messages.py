#!/usr/bin/env python3
"""Adds messages to messages/{en,be,ru}.json from a JSON file {"ns.key": {"en": ..., "be": ..., "ru": ...}}.
A developer helper: the catalogue test still checks every key exists in all three languages."""
import json, sys
new = json.load(open(sys.argv[1]))
for lang in ("en", "be", "ru"):
    path = f"messages/{lang}.json"
    data = json.load(open(path))
    for key, texts in new.items():
        node = data
        *parents, leaf = key.split(".")
        for p in parents:
            node = node.setdefault(p, {})
        node[leaf] = texts[lang]
    with open(path, "w") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")
