"""Load a PETRARCH gold set's own (fictional) actor dictionary into an ActorDictionary.

The PETRARCH functional suites (petrarch2-unittest, udpetrarch-validate-2-02) are about made-up
countries (Arnor = ARN, Gondor = GON ...) that only their own ``*actors*.txt`` files know. This uses
the actors engineer's importer (``eventwire.actors.importer.read_actor_file``) and puts those entries on
top of the shipped dictionary, so real countries in the PARSING records still resolve.
"""

from __future__ import annotations

from pathlib import Path

from ..actors.dictionary import ActorDictionary, default_dictionary
from ..actors.importer import read_actor_file
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
