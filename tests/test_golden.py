"""Golden-file tests: coded events for several constructions (tests/golden/constructions.jsonl).

Each case lists every event expected, projected to (source code, CAMEO root, target code, modality
[, attributed_to]); the coder must produce exactly that set. Detailed 3-digit codes are checked by
the event-typing tests; the root keeps these cases about structure.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CASES = [json.loads(line) for line in (Path(__file__).parent / "golden" / "constructions.jsonl").open()]


def project(event) -> dict:
    return {
        "source": event.source.code if event.source else None,
        "root": event.cameo[:2],
        "target": event.target.code if event.target else None,
        "modality": event.modality,
    }


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_construction(case, code_text):
    events = code_text(case["text"], case["date"])
    got = sorted((project(e) for e in events), key=json.dumps)
    want = sorted(({k: v for k, v in e.items() if k != "attributed_to"} for e in case["events"]), key=json.dumps)
    assert got == want
    for expected in case["events"]:
        if "attributed_to" in expected:
            match = [e for e in events if project(e) == {k: v for k, v in expected.items() if k != "attributed_to"}]
            assert match[0].attributed_to is not None and match[0].attributed_to.code == expected["attributed_to"]
