"""Load a PETRARCH gold set's own dictionaries: actors (fictional countries), agents and verbs.

The PETRARCH functional suites (petrarch2-unittest, udpetrarch-validate-2-02) are about made-up
countries (Arnor = ARN, Gondor = GON ...) that only their own ``*actors*.txt`` files know. This uses
the actors engineer's importer (``eventwire.actors.importer.read_actor_file``) and puts those entries on
top of the shipped dictionary, so real countries in the PARSING records still resolve.
"""

from __future__ import annotations

from pathlib import Path

from ..actors.dictionary import ActorDictionary, default_dictionary
from ..actors.importer import (
    Discards,
    read_actor_file,
    read_agent_file,
    read_discard_file,
)
from ..errors import DictionaryError


def load_petrarch_dictionary(folder: Path) -> ActorDictionary:
    """The shipped dictionary extended with every ``*actors*.txt`` file in ``folder``."""
    files = sorted(p for p in Path(folder).iterdir() if "actors" in p.name.lower() and p.suffix == ".txt")
    if not files:
        raise DictionaryError(f"{folder}: no PETRARCH actor file (*actors*.txt) found")
    entries = []
    for f in files:
        entries += read_actor_file(f)
    return default_dictionary().extended(entries, name=f"{Path(folder).parent.name} dictionaries")


def load_petrarch_agents(folder: Path) -> dict[str, str]:
    """Role phrase → agent code from every ``*agents*.txt`` file in ``folder`` ('main opposition group' → MOP)."""
    out: dict[str, str] = {}
    for f in sorted(p for p in Path(folder).iterdir() if "agents" in p.name.lower() and p.suffix == ".txt"):
        for words, code in read_agent_file(f, regular_plurals=True, prefix_agents=True).items():
            out.setdefault(words, code)
    return out


def load_petrarch_discards(folder: Path) -> Discards:
    """The set's discard phrases from every ``*discards*.txt`` in ``folder`` (empty when there is none)."""
    sentence: tuple[str, ...] = ()
    story: tuple[str, ...] = ()
    for f in sorted(p for p in Path(folder).iterdir() if "discards" in p.name.lower() and p.suffix == ".txt"):
        d = read_discard_file(f)
        sentence, story = sentence + d.sentence, story + d.story
    return Discards(sentence, story)


def with_petrarch_agents(coder, folder: Path):  # type: ignore[no-untyped-def]
    """Make the set's own agent words the coder's role words, as PETRARCH knows only the agents of its agent file
    (with the shipped role words kept underneath, 'the affected villages' got a CVL code the suites never give)."""
    agents = load_petrarch_agents(folder)
    if agents:
        _set_role_words(coder.actors, dict(agents))
        coder.actors.role_inflections = False  # the file's phrases with their plurals, as PETRARCH reads them
        coder.actors.imported_roles = frozenset(agents)  # they beat shipped actor aliases of the same words
        coder.actors.compose_roles = True  # every agent of a phrase is appended, as PETRARCH does ("MUSMED")
    return coder


def _set_role_words(resolver, sectors: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """Replace the resolver's role words, with the indexes its constructor derives from them (the longest
    phrase, and how far a phrase starting with each first word reaches: 'main' in 'main opposition group')."""
    from ..actors.resolver import _first_segment

    resolver.sectors = sectors
    resolver._max_role_words = max((len(w.split()) for w in sectors), default=1)
    reach: dict[str, int] = {}
    for w in sectors:
        first, span = _first_segment(w), w.count(" ") + 1 + 2 * w.count("-")
        reach[first] = max(reach.get(first, 0), span)
    resolver._role_reach = reach
    resolver._reach_memo.clear()
    resolver._role_memo.clear()


def load_petrarch_verbs(folder: Path, nlp: object | None = None) -> list:  # type: ignore[type-arg]
    """Patterns from the set's own ``*verbs*.txt`` (PETRARCH/TABARI verb dictionary format), synonym sets
    expanded into their members, verbs matched by their listed and regular forms as PETRARCH matches them. Uses the
    shipped converter's reduction (scripts/convert_petrarch_verbs.py)."""
    from ..events.lexicon import Pattern
    from ._petrarch_verbs import convert_verbs

    patterns = []
    for f in sorted(p for p in Path(folder).iterdir() if "verbs" in p.name.lower() and p.suffix == ".txt"):
        for row in convert_verbs(f, nlp, all_synonyms=True, by_form=True):
            lemma, pos, prep, obj, subject, cameo, role, reverse, form, comment = row
            patterns.append(Pattern(lemma, pos, prep, obj, cameo, comment, subject, role, "petrarch2", reverse, form))
    return patterns


def with_petrarch_verbs(coder, folder: Path, keep_shipped: bool = False):  # type: ignore[no-untyped-def]
    """Code events with the set's own verb dictionary (its codes are the suite's, mostly WEIS)."""
    from ..events.lexicon import Lexicon, default_lexicon

    patterns = load_petrarch_verbs(folder, coder.nlp)
    if patterns:
        if keep_shipped:
            patterns = patterns + [p for plist in default_lexicon()._by_key.values() for p in plist]
        coder.extractor.lexicon = Lexicon(patterns)
    return coder
