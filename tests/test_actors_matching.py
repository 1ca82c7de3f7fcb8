"""The alias index (same matches as spaCy's PhraseMatcher) and its on-disk cache (issue #3: load once, fast)."""

from __future__ import annotations

import pickle

import pytest

ALIASES = ["Vladimir Putin", "Putin", "U.S.", "United States", "the Kremlin", "Jean-Yves Le Drian", "M23", "Kyiv"]
TEXT = ("Vladimir Putin told the Kremlin and U.S. envoys in Kyiv that M23 rebels and Jean-Yves Le Drian "
        "met United States officials; Putin left.")


def test_alias_matcher_finds_what_the_phrase_matcher_finds(nlp):
    from spacy.matcher import PhraseMatcher

    from eventwire.actors.matching import AliasMatcher, alias_patterns, alias_sequences

    doc = nlp(TEXT)
    pm = PhraseMatcher(nlp.vocab, attr="LOWER")
    pm.add("A", alias_patterns(nlp, ALIASES))
    expected = sorted((s, e) for _, s, e in pm(doc))
    got = sorted(AliasMatcher(alias_sequences(nlp, ALIASES))(doc))
    us = next(t.i for t in doc if t.text == "U.S.")
    # the same matches, plus "U.S.": spaCy's tokenizer exceptions are case-sensitive, so the lower-cased pattern
    # "u.s." (two tokens) never matches the one token "U.S." of the text; the alias as written does
    assert sorted(set(got) - {(us, us + 1)}) == expected
    assert (us, us + 1) in got and (us, us + 1) not in expected
    assert (0, 2) in got and (1, 2) in got  # overlapping matches are all returned


@pytest.fixture
def cache_in(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("EVENTWIRE_NO_CACHE", raising=False)
    return tmp_path


def test_cache_is_written_then_read(nlp, cache_in):
    from eventwire.actors.matching import load_alias_matcher

    first = load_alias_matcher(nlp, ALIASES)
    files = list(cache_in.glob("aliases-*.pickle"))
    assert len(files) == 1
    second = load_alias_matcher(nlp, ALIASES)
    doc = nlp(TEXT)
    assert second(doc) == first(doc)


def test_cache_key_follows_the_aliases(nlp, cache_in):
    from eventwire.actors.matching import cache_key, load_alias_matcher

    assert cache_key(nlp, ALIASES) != cache_key(nlp, ALIASES + ["Zelensky"])
    assert cache_key(nlp, ALIASES) == cache_key(nlp, list(reversed(ALIASES)))
    load_alias_matcher(nlp, ALIASES)
    m = load_alias_matcher(nlp, ALIASES + ["Zelensky"])  # a user dictionary adds an alias: another cache file
    assert len(list(cache_in.glob("aliases-*.pickle"))) == 2
    assert (0, 1) in m(nlp("Zelensky spoke."))


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", pickle.dumps(("wrong", 1)), pickle.dumps({"a": 1})])
def test_corrupt_cache_is_ignored_and_rebuilt(nlp, cache_in, garbage):
    from eventwire.actors.matching import CACHE_FORMAT, cache_key, load_alias_matcher

    path = cache_in / f"aliases-{cache_key(nlp, ALIASES)}.pickle"
    path.write_bytes(garbage)
    m = load_alias_matcher(nlp, ALIASES)
    assert (0, 2) in m(nlp(TEXT))
    assert pickle.loads(path.read_bytes())[0] == CACHE_FORMAT  # rewritten with a sound index


def test_cache_can_be_turned_off(nlp, cache_in, monkeypatch):
    from eventwire.actors.matching import load_alias_matcher

    monkeypatch.setenv("EVENTWIRE_NO_CACHE", "1")
    load_alias_matcher(nlp, ALIASES)
    assert not list(cache_in.glob("aliases-*"))


def test_unwritable_cache_dir_only_costs_the_cache(nlp, tmp_path, monkeypatch):
    from eventwire.actors.matching import load_alias_matcher

    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(blocker / "sub"))  # a directory under a file cannot exist
    monkeypatch.delenv("EVENTWIRE_NO_CACHE", raising=False)
    assert (0, 2) in load_alias_matcher(nlp, ALIASES)(nlp(TEXT))


def test_arabic_article_matches_hyphenated_or_not(nlp):
    from eventwire.actors.dictionary import ActorDictionary
    from eventwire.actors.matching import AliasMatcher, alias_sequences

    matcher = AliasMatcher(alias_sequences(nlp, ["Nuri Al Maliki", "al-Qaeda"]))
    for text, name in (("Nuri al-Maliki spoke.", "Nuri al-Maliki"), ("Al Qaeda struck.", "Al Qaeda")):
        doc = nlp(text)
        assert [doc[s:e].text for s, e in matcher.find([t.lower_ for t in doc])] == [name]
    assert ActorDictionary.key("Nuri al-Maliki") == ActorDictionary.key("Nuri Al Maliki")
