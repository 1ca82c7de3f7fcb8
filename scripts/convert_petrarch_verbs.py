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
Dropped: patterns longer than these slots can express beyond their first object and preposition
(they are reduced, not dropped), TABARI "~" transformation rules, irregular verb forms (spaCy lemmatises).
"""

from __future__ import annotations

import sys
from pathlib import Path

from eventwire.evaluation._petrarch_verbs import (  # the shared reduction of PETRARCH patterns
    CODE_RE,
    HEADER,
    head_of,
    lemmatise,
    parse_synsets,
    parse_verb_line,
    reduce_pattern,
    split_code,
    split_phrase,
)


def convert(path: Path, nlp: object | None = None) -> list[list[str]]:
    lines = path.read_text(encoding="latin-1").splitlines()
    synsets = parse_synsets(lines)
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    rows: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()
    cache: dict[str, str] = {}

    def lem(w: str) -> str:
        if w not in cache:
            cache[w] = lemmatise(w, nlp)
        return cache[w]

    def emit(row: list[str]) -> None:
        key = tuple(row[:7])
        if key not in seen and row[0]:
            seen.add(key)
            rows.append(row)

    block_verbs: list[tuple[str, str]] = []  # (lemma, particle)
    block_code = ""
    block_name = ""
    for raw in lines[start + 1:]:
        line = raw.rstrip()
        if line.startswith("---"):
            parts = line.strip("- ").split()
            block_name = parts[0] if parts else ""
            m = CODE_RE.search(line)
            block_code = m.group(1) if m and m.group(1) != "---" else ""
            block_verbs = []
            continue
        body = line.split("#")[0].strip()
        comment = line.split("#", 1)[1].strip() if "#" in line else ""
        if not body or body.startswith("~"):
            continue
        if body.startswith("-"):
            m = CODE_RE.search(body)
            if not m or "*" not in body:
                continue
            code = m.group(1).strip()
            pattern = body[1:m.start()].strip()
            before, after = pattern.split("*", 1)
            before_words = [w for w in split_phrase(before) if w not in ("$", "+", "^", "%")]
            if len(before_words) > 1:
                continue
            subject = lem(head_of(before_words[0])) if before_words and not before_words[0].startswith("(") else ""
            if before_words and before_words[0].startswith("&"):
                subjects = [before_words[0].lower()]  # a synset reference, kept as "&name"
            else:
                subjects = [subject]
            prep, objs = reduce_pattern(after)
            expanded: list[str] = []
            for o in objs or [""]:
                if o.startswith("&"):
                    expanded.append(o.lower())  # a synset reference: members in petrarch_synsets.tsv
                else:
                    expanded.append(lem(o) if o else "")
            split = split_code(code)
            if split is None:
                continue
            cameo, role, reverse = split
            for lemma, particle in block_verbs:
                p = prep
                if particle:  # "+MEET_WITH" keeps its own particle; a pattern prep then cannot also apply
                    if prep and prep != particle:
                        continue
                    p = particle
                for o in expanded:
                    for s in subjects:
                        if not (p or o or s):
                            continue
                        emit([lemma, "VERB", p, o, s, cameo, role, reverse, f"PETRARCH {block_name}: {pattern} [{code}]"
                              + (f" ({comment})" if comment else "")])
            continue
        # a verb line: WORD or +WORD_PARTICLE, optional {forms}, optional [code]
        verb = parse_verb_line(body)
        if verb is None:
            continue
        lemma, particle, code, w = verb
        block_verbs.append((lemma, particle))
        # A synonym without its own code inherits the block's default only when it is the block's head verb:
        # inheriting it for every WordNet synonym ("face", "confront" → 040 MEET) costs much precision.
        verb_code = code if code and code != "---" else (block_code if lemma == block_name.lower().split("_")[0] else "")
        if verb_code:
            first = verb_code.split(":")[0]
            second = verb_code.partition(":")[2]
            if first.isdigit():
                emit([lemma, "VERB", particle, "", "", first, "", second if second.isdigit() else "",
                      f"PETRARCH {block_name}: {w.upper()} [{verb_code}]"])
    return rows


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
