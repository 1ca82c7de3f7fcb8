"""Events in a clause that only dates another: "two weeks after rebels seized five aid workers",
"a day before the minister flies to Berlin".

A temporal clause introduced by "after"/"before"/"since"/"until" and measured off by a span of time ("two weeks
after", "a day before") places the sentence's own news relative to another happening: an earlier event that was
news when it happened (and was coded then), or a later one that has not happened yet. Such a clause is the
sentence's time anchor, not a report of its own, and is not coded (PETRARCH-2 codes neither; the main clause is
the event).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

TEMPORAL_MARKS = frozenset(("after", "before", "since", "until", "ahead"))
TIME_NOUNS = frozenset((
    "second", "minute", "hour", "day", "night", "week", "weekend", "fortnight", "month", "year", "decade",
    "moment", "morning", "evening",
))


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _measured(verb: Token) -> bool:
    """The clause is measured off by a span of time: "[two weeks] after ...", "[a day] before ..."."""
    if verb.dep_ in ("relcl", "acl") and _lemma(verb.head) in TIME_NOUNS:
        return True  # "a day [before Sarkozy heads to ...]" parsed as a clause of "day"
    return any(c.dep_ == "npadvmod" and _lemma(c) in TIME_NOUNS for c in verb.children) or any(
        m.dep_ == "mark" and any(c.dep_ == "npadvmod" and _lemma(c) in TIME_NOUNS for c in m.children)
        for m in verb.children)


def time_anchor(tok: Token) -> bool:
    """``tok`` is the verb of a measured temporal clause (see the module docstring)."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    marked = any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in tok.children)
    return marked and _measured(tok)
