"""Convert PETRARCH-2's CAMEO verb dictionary (CAMEO.2.0.txt, MIT) into eventwire's lexicon format.

Usage: python scripts/convert_petrarch_verbs.py PATH/TO/CAMEO.2.0.txt src/eventwire/data/lexicon/petrarch_synsets.tsv \
       > src/eventwire/data/lexicon/petrarch_verbs.tsv

What is kept (see docs/events.md):
- every verb of a synonym block with its own code, and the block's head verb with the block's default
  code → a bare pattern (other synonyms only fire through the block's object/preposition patterns);
- every "- ... * ... [code]" pattern, applied to every verb of its block (PETRARCH semantics), reduced to
  eventwire's pattern slots: the first particle/preposition after the verb (``prep``), the head word of the
  first object phrase (``object``, lemmatised; &SYNSET objects are expanded to their members), one word
  before the verb as a ``subject`` constraint; ``[:code]`` (the subject is the target) → role ``target``;
  ``[a:b]`` → cameo a and ``reverse`` b (the target does b to the source: visit 042 / host 043);
  ``[---]`` → a blocking pattern (cameo ``---``: the match is not an event).
- multi-word verbs "+ASK_FOR" become lemma "ask" + prep "for" when the second word is a particle.
- a verb line without ``{forms}`` whose word is an inflected form ("TOURING", "BURNT"; in the validation
  suites "LEFT", "RISEN") also gives patterns of its lemma limited to that form (column ``form``), as PETRARCH
  matches verbs by form; a multi-word subject before the verb ("DEATH TOLL *") keeps its head noun.
Dropped: patterns longer than these slots can express beyond their first object and preposition
(they are reduced, not dropped), TABARI "~" transformation rules, irregular verb forms (spaCy lemmatises).
"""

from __future__ import annotations

import sys
from pathlib import Path

from eventwire.evaluation._petrarch_verbs import (  # the shared reduction of PETRARCH patterns
    HEADER,
    convert_verbs,
    lemmatise,
    parse_synsets,
)


def convert(path: Path, nlp: object | None = None) -> list[list[str]]:
    """The shipped lexicon's rows: synonym sets stay ``&name`` references (members in petrarch_synsets.tsv)."""
    return convert_verbs(path, nlp, expand_synsets=False)


def write_synsets(path: Path, nlp: object | None, out_path: Path) -> None:
    """Synonym sets (name → member head lemmas) used by "&name" objects and subjects."""
    lines = path.read_text(encoding="latin-1").splitlines()
    with out_path.open("w", encoding="utf-8") as out:
        out.write("# Synonym sets from PETRARCH-2 CAMEO.2.0.txt (MIT, Copyright (c) 2015 Open Event Data Alliance)\n")
        out.write("synset\tlemma\tphrase\n")
        seen = set()
        for name, members in parse_synsets(lines).items():
            for m in members:
                key = (name.lower(), lemmatise(m, nlp), m)
                if key not in seen:
                    seen.add(key)
                    out.write("\t".join(key) + "\n")


def main() -> None:
    src = Path(sys.argv[1])
    try:
        import spacy  # noqa: F401

        from eventwire.nlp import load_pipeline

        nlp = load_pipeline()
    except Exception:  # noqa: BLE001 - lemmatising is optional
        nlp = None
    rows = convert(src, nlp)
    if len(sys.argv) > 2:
        write_synsets(src, nlp, Path(sys.argv[2]))
    out = sys.stdout
    out.write("# Converted from PETRARCH-2 CAMEO.2.0.txt (openeventdata, MIT License, Copyright (c) 2015 Open Event "
              "Data Alliance) by scripts/convert_petrarch_verbs.py\n")
    out.write("\t".join(HEADER) + "\n")
    for r in rows:
        out.write("\t".join(x.replace("\t", " ") for x in r) + "\n")


if __name__ == "__main__":
    main()
