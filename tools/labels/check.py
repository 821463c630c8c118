#!/usr/bin/env python3
"""Self-check: for each article, (a) every label string must occur verbatim in title+body;
(b) list capitalised tokens in title+body that are not inside any labelled string, for manual review.
Prints to terminal only. Usage: python3 check.py [I ...]"""
import gzip, json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE)
from labels import L
SEL = [json.loads(l) for l in open(os.path.join(HERE, 'selection.jsonl'))]
STOP = set("""The A An In On At Of And But Or For To From By With As It Its He She They We I You His Her Their Our My Your
This That These Those There Here What When Where Why How Who Which If So Not No Yes Mr Mrs Ms Dr Sen Rep Gov President
Secretary Senator Speaker Former Vice After Before Since While Then Now Also Even Still Yet Just Many Some Most More All
Both Each Every One Two Three Four Five Six Seven Eight Nine Ten Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Advertisement ADVERTISEMENT""".split())
def get(rec):
    with gzip.open(os.path.join(HERE, '..', '..', '..', 'shared', 'data', 'allsides', '') + rec['shard'], 'rt', encoding='utf-8') as f:
        for i, l in enumerate(f, 1):
            if i == rec['line']:
                return json.loads(l)
idx = [int(a) for a in sys.argv[1:]] or sorted(L)
for i in idx:
    d = get(SEL[i]); text = d['title'] + '\n' + d['content_original']
    lab = L[i]; strs = lab['people'] + lab['places']
    missing = [s for s in strs if s not in text]
    dup = {s for s in strs if strs.count(s) > 1}
    masked = text
    for s in sorted(strs, key=len, reverse=True):
        masked = re.sub(r'(?<![A-Za-z])' + re.escape(s) + r'(?![a-z])', ' ', masked)
    toks = re.findall(r"\b[A-Z][\w'’.\-]*", masked)
    toks = sorted({t.rstrip('.') for t in toks if t.rstrip('.') not in STOP})
    print(f"#{i} MISSING={missing} DUP={sorted(dup)}")
    print("   unlabelled caps:", ' | '.join(toks))
