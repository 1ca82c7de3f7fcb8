"""Modifier coordination and phrase heads (events/modifiers.py), on hand-built parses."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.events.modifiers import coordinated_members


def _doc(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


def test_dangling_and_joins_the_later_modifier():
    # "UK and EU negotiators met": "UK" <- cc "and", "EU" a sibling compound (the parse split the coordination)
    doc = _doc(["UK", "and", "EU", "negotiators", "met"], [3, 0, 3, 4, 4],
               ["nmod", "cc", "compound", "nsubj", "ROOT"])
    modifiers = [doc[0], doc[2]]
    assert [t.text for t in coordinated_members(doc[0], modifiers)] == ["UK", "EU"]
    assert coordinated_members(doc[2], modifiers) == []


def test_parsed_coordination_and_lone_modifier():
    doc = _doc(["Hungarian", "and", "Romanian", "officials", "met"], [3, 0, 0, 4, 4],
               ["amod", "cc", "conj", "nsubj", "ROOT"])
    assert [t.text for t in coordinated_members(doc[0], [doc[0]])] == ["Hungarian", "Romanian"]
    lone = _doc(["Russian", "officials", "met"], [1, 2, 2], ["amod", "nsubj", "ROOT"])
    assert coordinated_members(lone[0], [lone[0]]) == []
