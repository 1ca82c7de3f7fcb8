"""Convert the MIT-licensed Phoenix (PETRARCH-2) actor and agent dictionaries into eventwire data files.

Run: python scripts/build_phoenix.py [DICTIONARY_DIR]
(default: ../shared/eval/petrarch2-gsr-afp/dictionaries). Writes
src/eventwire/data/actors/phoenix.tsv (dated actors) and src/eventwire/data/actors/agents.tsv (role words → sector).
The Phoenix dictionaries are Copyright (c) 2014-2016 Open Event Data Alliance, MIT License; see
src/eventwire/data/actors/NOTICE.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from eventwire.actors.dictionary import sector_words
from eventwire.actors.importer import read_actor_file, read_agent_file

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/eventwire/data/actors"
FILES = (("Phoenix.Countries.actors.txt", "actor"), ("Phoenix.International.actors.txt", "actor"),
         ("Phoenix.MilNonState.actors.txt", "armed-group"))
HEADER = ["code", "alias", "valid_from", "valid_to", "name", "kind", "source"]


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/eval/petrarch2-gsr-afp/dictionaries"
    rows = []
    role_words = set(sector_words())
    for fname, kind in FILES:
        for e in read_actor_file(src / fname, kind=kind, source="phoenix:" + fname.split(".")[1]):
            if e.valid_from and e.valid_to and e.valid_from > e.valid_to:
                continue
            if e.alias.lower() in role_words:
                continue  # a bare role noun ("Senate", "Army") names no country; the resolver gives it a sector
            rows.append([e.code, e.alias, e.valid_from.isoformat() if e.valid_from else "",
                         e.valid_to.isoformat() if e.valid_to else "", e.name, e.kind, e.source])
    with (OUT / "phoenix.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(HEADER)
        w.writerows(rows)
    agents = read_agent_file(src / "Phoenix.agents.txt")
    with (OUT / "agents.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["word", "sector", "source"])
        for word, code in sorted(agents.items()):
            w.writerow([word, code, "phoenix:agents"])
    print(f"wrote {len(rows)} actor rows and {len(agents)} agent words to {OUT}")


if __name__ == "__main__":
    main()
