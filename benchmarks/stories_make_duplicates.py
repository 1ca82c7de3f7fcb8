"""Build tests/data/stories/duplicates.jsonl: edited copies of the fixture articles plus the originals.

Each record: id, group (the original it copies; gold), kind (original / headline / dateline / paragraph-added /
paragraph-dropped / rewritten-lead / combined), text (headline + blank line + body). Different originals are
different stories, several on the same topic (four outlets' own reports of one summit; a negotiation sequence).
Deterministic; rerun after editing articles.jsonl.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "stories"

EXTRA = [
    "Additional reporting by the newsroom in London; editing by the international desk. This story has been "
    "updated to add comments from officials and background on previous meetings between the two sides.",
    "Earlier this year the two governments agreed to set up a working group on trade, and officials have met "
    "several times since then, according to diplomats familiar with the preparations for the visit.",
]
HEADLINES = ["UPDATE 2-{t}", "{t} - officials", "Analysis: {t}", "{t} (corrected)"]


def dateline(body: str, new: str) -> str:
    m = re.match(r"^[A-Z][A-Z ]+, [A-Z][a-z]+ \d+ - ", body)
    return new + body[m.end():] if m else new + body


def variants(a: dict) -> list[tuple[str, str, str]]:
    title, body = a["title"], a["text"]
    paras = body.split("\n\n")
    out = [("headline", HEADLINES[len(title) % 4].format(t=title), body),
           ("dateline", title, dateline(body, "(Wire Service) - ")),
           ("paragraph-added", title, body + "\n\n" + EXTRA[len(body) % 2])]
    if len(paras) > 2:
        out.append(("paragraph-dropped", title, "\n\n".join(paras[:-1])))
    lead = re.sub(r"\bsaid\b", "told reporters", body, count=2).replace(" on Thursday", "")
    out.append(("rewritten-lead", title, lead))
    out.append(("combined", "Exclusive: " + title.lower(), dateline(lead, "LONDON - ") + "\n\n" + EXTRA[0]))
    return out


def main() -> None:
    articles = [json.loads(x) for x in (DATA / "articles.jsonl").read_text().splitlines() if x.strip()]
    rows = []
    for a in articles:
        rows.append({"id": a["id"], "group": a["id"], "kind": "original", "topic": a["event"],
                     "text": a["title"] + "\n\n" + a["text"]})
        for kind, title, body in variants(a):
            rows.append({"id": f'{a["id"]}~{kind}', "group": a["id"], "kind": kind, "topic": a["event"],
                         "text": title + "\n\n" + body})
    # interleave so copies do not simply follow their original
    rows.sort(key=lambda r: (r["kind"] != "original", r["kind"], r["id"]))
    with (DATA / "duplicates.jsonl").open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), "records")


if __name__ == "__main__":
    main()
