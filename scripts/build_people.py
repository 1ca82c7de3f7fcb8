"""Build src/eventwire/data/actors/people.tsv from scripts/people_roles.txt (dated office holders).

Run: python scripts/build_people.py. Each role becomes one TSV row per alias with its valid_from/valid_to.
"""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "scripts/people_roles.txt"
OUT = ROOT / "src/eventwire/data/actors/people.tsv"
HEADER = ["code", "alias", "valid_from", "valid_to", "name", "kind", "source"]


def main() -> None:
    rows = []
    for lineno, line in enumerate(SRC.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, aliases, roles, note = (p.strip() for p in line.split("|"))
        names = [name] + [a.strip() for a in aliases.split(";") if a.strip()]
        for role in roles.split(";"):
            code, span = role.split()
            start, _, end = span.partition("..")
            for alias in dict.fromkeys(names):
                rows.append([code, alias, start, end, name, "person", f"eventwire people_roles.txt:{lineno}: {note}"])
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(HEADER)
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
