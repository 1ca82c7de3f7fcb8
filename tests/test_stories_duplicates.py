"""Near-duplicate articles: MinHash estimate, incremental index, the edited-copy fixtures."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest

from eventwire.stories.duplicates import DuplicateIndex, estimate, jaccard, shingles, signature

DUPES = Path(__file__).parent / "data" / "stories" / "duplicates.jsonl"


def test_shingles_ignore_case_and_punctuation():
    assert shingles("A b, c. D e!", 5) == {"a b c d e"}
    assert shingles("a b", 5) == {"a b"}


def test_minhash_estimate_tracks_exact_jaccard():
    a = " ".join(f"w{i}" for i in range(300))
    b = " ".join(f"w{i}" for i in range(100, 400))  # exact Jaccard 196/396
    assert jaccard(a, b) == pytest.approx(196 / 396)
    assert abs(estimate(signature(a), signature(b)) - jaccard(a, b)) < 0.12


def test_index_links_copies_to_the_first_and_is_idempotent():
    idx = DuplicateIndex()
    base = " ".join(f"word{i}" for i in range(200))
    assert idx.check_and_add("a", base) is None
    m = idx.check_and_add("b", "New headline\n\n" + base)
    assert m is not None and m.first == "a" and m.similarity > 0.9
    m2 = idx.check_and_add("c", base + " plus a closing paragraph added by an editor")
    assert m2.first == "a"  # copies of copies still point at the first copy
    assert idx.check_and_add("a", base) is None and len(idx) == 3  # re-adding changes nothing
    assert idx.check_and_add("z", " ".join(f"other{i}" for i in range(200))) is None


def test_fixture_copies_found_and_different_stories_kept_apart():
    rows = [json.loads(x) for x in DUPES.read_text(encoding="utf-8").splitlines() if x.strip()]
    idx = DuplicateIndex()
    first = {}
    for r in rows:
        m = idx.check_and_add(r["id"], r["text"])
        first[r["id"]] = m.first if m else r["id"]
    for r in rows:
        assert first[r["id"]] == r["group"], f"{r['id']} ({r['kind']}) linked to {first[r['id']]}"
    # the four outlets' own reports of one summit are one event, not one article
    summit = [r for r in rows if r["kind"] == "original" and r["topic"] == "summit"]
    assert len(summit) == 4
    assert all(jaccard(a["text"], b["text"]) < 0.1 for a, b in combinations(summit, 2))


def test_index_state_round_trip():
    base = " ".join(f"word{i}" for i in range(200))
    idx = DuplicateIndex()
    idx.check_and_add("a", base)
    idx.check_and_add("b", "Headline\n\n" + base)
    again = DuplicateIndex.from_state(json.loads(json.dumps(idx.state())))
    assert again.first_copy("b") == "a" and len(again) == 2
    assert again.check_and_add("c", base + " one more line").first == "a"


BOILERPLATE = " ".join(f"boiler{i}" for i in range(64))


def lookalike(k: int) -> str:
    """A template-like item: 64 shared boilerplate words + 220 of its own (Jaccard ≈ 0.12 between two)."""
    return BOILERPLATE + " " + " ".join(f"w{k}x{i}" for i in range(220))


def test_lookup_compares_a_bounded_number_of_candidates_among_many_lookalikes(monkeypatch):
    from collections import Counter

    from eventwire.stories import duplicates

    idx = DuplicateIndex()
    for k in range(100):
        assert idx.check_and_add(f"a{k:03d}", lookalike(k)) is None  # look-alikes are not copies
    sig = signature("New headline\n\n" + lookalike(40))
    hits = Counter(o for bk in idx._band_keys(sig) for o in idx._bands.get(bk, ()))
    assert sum(n >= duplicates.MIN_BAND_HITS for n in hits.values()) > duplicates.MAX_CANDIDATES  # the cap bites
    compared = []
    monkeypatch.setattr(duplicates, "estimate", lambda a, b: compared.append(1) or estimate(a, b))
    m = idx.find("", sig)
    assert m is not None and m.first == "a040" and m.similarity > 0.9
    assert len(compared) == duplicates.MAX_CANDIDATES


def test_candidates_need_two_shared_bands_most_first():
    from eventwire.stories.duplicates import MAX_CANDIDATES, candidates

    assert candidates({"b": 1, "a": 2, "c": 9, "d": 2}) == ["c", "a", "d"]
    assert len(candidates({f"x{i}": 2 for i in range(100)})) == MAX_CANDIDATES
