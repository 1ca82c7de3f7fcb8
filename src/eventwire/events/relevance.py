"""Which statements are political news.

When statements without an addressee are coded (``EventExtractor(code_statements=True)``: "X said that
..."), every "police said", "his family said" or "health officials say" of a crime, accident or health story
would become a CAMEO 01 event, although event coders mark such sentences as not relevant. A statement
without an addressee is kept when it is political news:

- its speaker is a political actor in its own right: a state ("North Korea announced ..."), an
  intergovernmental organisation, or an actor of a political sector (government, military, legislature,
  parties, opposition, rebels, elites, intelligence, human-rights groups) whose mention names its country
  (not a bare role word such as "authorities" or "officials" that only took the sentence's country); or
- what it is about is: another event was coded in the sentence, or the sentence names a political actor
  other than the speaker (a state or organisation as a participant, not as a place).

Police, courts, businesses, civilians and unknown speakers thus make statements only about political
matters ("sources said soldiers and insurgents were killed", "officials said a drone killed militants").

A statement in a participle clause of another act of the same speaker ("X ridiculed Y's call, saying ...") says
how that act was made and is not a statement of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors.codes import ORGANISATIONS, split_code
from ..actors.resolver import Mentions
from ..model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .extractor import Candidate

POLITICAL_SECTORS = frozenset({"GOV", "MIL", "LEG", "REB", "OPP", "ELI", "SPY", "PTY", "UAF", "INS", "SPC", "PRM",
                               "PRE", "RAD", "HRI", "IGO"})
# A bare country is a participant (not a place) in these roles.
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "poss", "agent", "attr", "appos", "conj"}
_NOT_POLITICAL_ORGS = {"NGO", "MNC"}


def unaddressed_statement(c: Candidate) -> bool:
    """A statement (CAMEO 01) whose target was not found in the parse (none, or a guessed one)."""
    rule = str(c.evidence.get("target_rule", ""))
    return c.cameo.startswith("01") and (c.target is None or "fallback" in rule or "domestic" in rule)


def political_actor(actor: Actor | None) -> bool:
    """A state, an intergovernmental organisation, or an actor of a political sector."""
    if actor is None or not actor.code:
        return False
    country, sector = split_code(actor.code)
    if country in ORGANISATIONS:
        return country not in _NOT_POLITICAL_ORGS
    return (actor.sector or sector) in POLITICAL_SECTORS


def political_speaker(actor: Actor | None) -> bool:
    """A political actor whose own mention says whose it is (not a role word given the sentence's country)."""
    if actor is None or not actor.code or actor.code.startswith("---") or "from the sentence" in actor.how:
        return False
    country, sector = split_code(actor.code)
    return political_actor(actor) or (sector is None and actor.sector is None and len(country) == 3)


def political_statements(candidates: list[Candidate], sent: Span, mentions: Mentions) -> list[Candidate]:
    """The candidates of one sentence without the statements that are not political news (module docstring)."""
    statements = [c for c in candidates if unaddressed_statement(c)]
    if not statements:
        return candidates
    others = [c for c in candidates if not unaddressed_statement(c)]
    drop = [c for c in statements if not others and not political_speaker(c.source)
            and not _names_political_actor(sent, mentions, c.source)]
    drop += [c for c in statements if _manner_of(c, others)]
    return [c for c in candidates if not any(c is d for d in drop)]


def _manner_of(statement: Candidate, others: list[Candidate]) -> bool:
    """ "X ridiculed Y's call, saying ...": a statement in a participle clause of another act of the same speaker
    says how that act was made; it is not a statement of its own."""
    tok = statement.trigger
    if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "xcomp", "conj") or statement.source is None:
        return False
    return any(o.trigger.i == tok.head.i and o.source is not None and o.source.text == statement.source.text
               for o in others)


def _names_political_actor(sent: Span, mentions: Mentions, speaker: Actor | None) -> bool:
    lo, hi = (speaker.start, speaker.end) if speaker is not None and speaker.start is not None else (-1, -1)
    for i, actor in mentions.by_head.items():
        if not sent.start <= i < sent.end:
            continue
        tok = sent.doc[i]
        if lo <= tok.idx < (hi or -1):
            continue  # the speaker's own mention
        if political_actor(actor) or (_bare_country(actor) and _participant(tok)):
            return True
    return False


def _bare_country(actor: Actor) -> bool:
    country, sector = split_code(actor.code) if actor.code else ("---", None)
    return country != "---" and sector is None and actor.sector is None and len(country) == 3


def _participant(tok: Token) -> bool:
    """A country named as a participant ("Japan should ...", "Pakistan's decision"), not a place ("in the U.S.")
    nor a nationality of people ("two Australian tourists")."""
    return tok.pos_ == "PROPN" and tok.dep_ in _ARGUMENT_DEPS
