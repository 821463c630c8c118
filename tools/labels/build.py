#!/usr/bin/env python3
"""Join selection.jsonl with the hand labels in labels.py -> modern.jsonl (labels only, no article text)."""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE)
from labels import L
SEL = [json.loads(l) for l in open(os.path.join(HERE, 'selection.jsonl'))]
assert sorted(L) == list(range(len(SEL))) == list(range(60))
with open(os.path.join(HERE, '..', '..', 'eval', 'modern-labels.jsonl'), 'w', encoding='utf-8') as f:
    for i, r in enumerate(SEL):
        lab = L[i]
        for k in ('people', 'places'):
            assert len(set(lab[k])) == len(lab[k]), (i, k)
        for k in ('party_tag_places', 'facility_places'):
            assert set(lab.get(k, [])) <= set(lab['places']), (i, k)
        rec = {"shard": r["shard"], "line": r["line"], "id": r["id"], "url": r["url"], "source": r["source"],
               "date": r["date"], "people": lab["people"], "places": lab["places"],
               "party_tag_places": lab.get("party_tag_places", []),
               "facility_places": lab.get("facility_places", [])}
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
n = len(SEL); P = sum(len(L[i]['people']) for i in L); Q = sum(len(L[i]['places']) for i in L)
pt = sum(len(L[i].get('party_tag_places', [])) for i in L); fa = sum(len(L[i].get('facility_places', [])) for i in L)
print(f"articles={n} person_strings={P} place_strings={Q} party_tag_places={pt} facility_places={fa}")
print("articles with no people:", [i for i in L if not L[i]['people']], "no places:", [i for i in L if not L[i]['places']])
