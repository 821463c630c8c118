#!/usr/bin/env python3
"""A deterministic corpus of N articles for the scale benchmark (issue 11).

    python3 bench/gen_corpus.py N OUT [--data ../shared/data] [--seed 1]

Builds OUT/ from the sentences of ../shared/data (AllSides and BBC),
recombined: the generated corpus is test data of those publishers and never
goes into the repository. Standard library only.

What it makes, for N articles:
  * 80% as one-article files, in OUT/files/YYYY/MM/ (a plain-text layout:
    title line, `Date:` header, paragraphs), some of them `.json` objects;
  * 20% in two large JSON Lines files (one gzipped), OUT/dumps/;
  * titles and bodies of real sentences drawn at random from the pool;
  * people with a realistic skew: half the articles get a sentence naming a
    person drawn from a Zipf law (s = 1.1) over the full names the pool
    itself names before "said", so a few people are everywhere and most
    are rare, as in news; the pool's own sentences bring their places;
  * dates over four decades (1985-2025), more of them recent;
  * near-copies: 3% of the articles repeat an earlier one with one sentence
    changed (wire stories picked up by several outlets).

The same N and seed give the same bytes. Prints a JSON summary.
"""

import argparse
import gzip
import json
import os
import random
import re
import sys
from collections import Counter
from datetime import date, timedelta

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
SAID = re.compile(r"\b([A-Z][a-z]+ (?:[A-Z]\. )?[A-Z][a-z]+(?:-[A-Z][a-z]+)?) said\b")


def sentences_of(text):
    for paragraph in text.split("\n"):
        for s in SENTENCE_END.split(paragraph.strip()):
            s = s.strip()
            if 40 <= len(s) <= 400:
                yield s


def load_pool(data):
    """Sentences and titles of AllSides and BBC, in a fixed order."""
    sentences, titles = [], []
    allsides = os.path.join(data, "allsides")
    for name in sorted(os.listdir(allsides)):
        if not name.endswith(".jsonl.gz"):
            continue
        with gzip.open(os.path.join(allsides, name), "rt", encoding="utf-8") as f:
            for line in f:
                try:
                    item = json.loads(line)
                except ValueError:
                    continue
                title = (item.get("title") or "").strip()
                if 20 <= len(title) <= 200:
                    titles.append(title)
                sentences.extend(sentences_of(item.get("content_original") or item.get("content") or ""))
    bbc = os.path.join(data, "bbc")
    for topic in sorted(os.listdir(bbc)):
        folder = os.path.join(bbc, topic)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(folder, name), encoding="latin-1") as f:
                lines = f.read().split("\n")
            if lines and 20 <= len(lines[0].strip()) <= 200:
                titles.append(lines[0].strip())
            sentences.extend(sentences_of("\n".join(lines[1:])))
    return sentences, titles


def zipf_weights(n, s=1.1):
    return [1.0 / (rank ** s) for rank in range(1, n + 1)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data"))
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    sentences, titles = load_pool(args.data)
    people = [name for name, _ in Counter(m for s in sentences for m in SAID.findall(s)).most_common(5000)]
    rng = random.Random(args.seed)
    rng.shuffle(people)  # the skew is the generator's, not the pool's order
    person_weights = zipf_weights(len(people))
    verbs = ["said on Monday", "told reporters", "said in a statement", "wrote on Thursday", "said late on Friday"]

    start = date(1985, 1, 1)
    span = (date(2025, 12, 31) - start).days

    def a_date():
        # More recent days are likelier: the square root leans towards 1.
        return start + timedelta(days=int(span * rng.random() ** 0.5))

    def an_article(i):
        body = [rng.choice(sentences) for _ in range(rng.randint(4, 18))]
        if rng.random() < 0.5:
            person = rng.choices(people, person_weights)[0]
            body.insert(rng.randrange(len(body) + 1), f"{person} {rng.choice(verbs)} that {rng.choice(sentences)[0].lower()}{rng.choice(sentences)[1:]}")
        paragraphs = [" ".join(body[k:k + 3]) for k in range(0, len(body), 3)]
        return {"title": rng.choice(titles), "date": a_date().isoformat(), "body": "\n\n".join(paragraphs)}

    os.makedirs(os.path.join(args.out, "files"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "dumps"), exist_ok=True)
    dumps = [open(os.path.join(args.out, "dumps", "dump-0.jsonl"), "w", encoding="utf-8"),
             gzip.open(os.path.join(args.out, "dumps", "dump-1.jsonl.gz"), "wt", encoding="utf-8", compresslevel=1)]
    recent = []
    counts = Counter()
    for i in range(args.n):
        if recent and rng.random() < 0.03:
            article = dict(rng.choice(recent))
            paragraphs = article["body"].split("\n\n")
            k = rng.randrange(len(paragraphs))
            paragraphs[k] = paragraphs[k] + " " + rng.choice(sentences)
            article["body"] = "\n\n".join(paragraphs)
            counts["near_copies"] += 1
        else:
            article = an_article(i)
        if len(recent) < 1000:
            recent.append(article)
        else:
            recent[rng.randrange(1000)] = article
        where = rng.random()
        if where < 0.2:
            dumps[i % 2].write(json.dumps(article, ensure_ascii=False) + "\n")
            counts["in_dumps"] += 1
            continue
        day = article["date"]
        folder = os.path.join(args.out, "files", day[:4], day[5:7])
        os.makedirs(folder, exist_ok=True)
        if where < 0.3:
            with open(os.path.join(folder, f"a{i:07d}.json"), "w", encoding="utf-8") as f:
                json.dump(article, f, ensure_ascii=False)
            counts["json_files"] += 1
        else:
            with open(os.path.join(folder, f"a{i:07d}.txt"), "w", encoding="utf-8") as f:
                f.write(f"{article['title']}\nDate: {day}\n\n{article['body']}\n")
            counts["text_files"] += 1
    for d in dumps:
        d.close()
    summary = {"articles": args.n, "seed": args.seed, "sentences_in_pool": len(sentences),
               "titles_in_pool": len(titles), "people_in_pool": len(people), **counts}
    json.dump(summary, sys.stdout)
    print()


if __name__ == "__main__":
    main()
