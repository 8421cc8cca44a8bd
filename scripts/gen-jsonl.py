#!/usr/bin/env python3
"""Generate N JSONL documents for corpus tests: sentences from the project's sample release
and the system's licence texts, with policy-term renderings mixed in. Deterministic.
usage: gen-jsonl.py N [--seed S]"""
import json, os, random, re, sys

n = int(sys.argv[1])
seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 11
rng = random.Random(seed)
here = os.path.dirname(os.path.abspath(__file__))
text = open(os.path.join(here, "..", "corpus", "en", "procuratorate-briefing.txt"), encoding="utf-8").read()
lic = "/usr/share/common-licenses"
for f in sorted(os.listdir(lic))[:6]:
    p = os.path.join(lic, f)
    if os.path.isfile(p):
        text += open(p, encoding="utf-8", errors="replace").read()
sents = [re.sub(r"\s+", " ", s).strip() for s in re.split(r"(?<=[.;:])\s+", text)]
sents = [s for s in sents if 20 < len(s) < 400]
extra = ["保护伞", "打财断血", "黑財清底", "钉子\n案", "nail cases", "Protective-Umbrellas"]
for i in range(n):
    parts = [rng.choice(sents) for _ in range(rng.randint(1, 12))]
    if rng.random() < 0.3:
        parts.insert(rng.randrange(len(parts) + 1), rng.choice(extra))
    doc = {"id": f"doc-{i:05d}", "source": rng.choice(["wire", "web", "pdf"]), "text": " ".join(parts)}
    print(json.dumps(doc, ensure_ascii=False))
