"""Coreference metrics on textbook examples (Pradhan et al. 2014, fig. 1; Luo 2005; Vilain et al. 1995)."""

from __future__ import annotations

import pytest

from eventwire.stories.metrics import b3, ceafe, conll, drop_singletons, link_prf, muc

# Pradhan, Luo, Recasens, Hovy, Ng, Strube (2014), the running example: key {a,b,c},{d,e,f,g};
# response {a,b},{c,d},{f,g,h,i} (h, i are twinless response mentions).
KEY = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
RESPONSE = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]


def test_muc_pradhan_example():
    s = muc(KEY, RESPONSE)
    assert s.recall == pytest.approx(2 / 5) and s.precision == pytest.approx(2 / 5) and s.f1 == pytest.approx(0.4)


def test_b3_pradhan_example():
    s = b3(KEY, RESPONSE)
    # recall: (4/3 + 1/3 + 1/4 + 4/4) / 7 = 35/84; precision over the 8 response mentions: (2 + 1/2 + 1/2 + 1) / 8
    assert s.recall == pytest.approx(35 / 84)
    assert s.precision == pytest.approx(4 / 8)


def test_ceafe_pradhan_example():
    s = ceafe(KEY, RESPONSE)
    # optimal alignment {a,b,c}↔{a,b} (φ4 = 4/5) and {d,e,f,g}↔{f,g,h,i} (φ4 = 4/8)
    assert s.recall == pytest.approx(1.3 / 2)
    assert s.precision == pytest.approx(1.3 / 3)


def test_muc_vilain_example():
    # Vilain et al.: key {A,B,C,D}, response {A,B},{C,D}: recall 2/3, precision 1
    s = muc([{"A", "B", "C", "D"}], [{"A", "B"}, {"C", "D"}])
    assert s.recall == pytest.approx(2 / 3) and s.precision == pytest.approx(1.0)


def test_perfect_response_scores_one_everywhere():
    out = conll(KEY, KEY)
    assert out["conll_f1"] == 1.0
    assert all(out[k]["f1"] == 1.0 for k in ("muc", "b3", "ceafe"))


def test_all_singletons_against_one_cluster():
    key = [{"a", "b", "c", "d"}]
    response = [{"a"}, {"b"}, {"c"}, {"d"}]
    assert muc(key, response).f1 == 0.0  # no links predicted
    assert b3(key, response).recall == pytest.approx(1 / 4) and b3(key, response).precision == 1.0
    assert ceafe(key, response).recall == pytest.approx(2 / 5)  # φ4({abcd},{a}) = 2/5
    assert ceafe(key, response).precision == pytest.approx(2 / 5 / 4)


def test_conll_is_the_mean_of_the_three_f1():
    out = conll(KEY, RESPONSE)
    mean = (muc(KEY, RESPONSE).f1 + b3(KEY, RESPONSE).f1 + ceafe(KEY, RESPONSE).f1) / 3
    assert out["conll_f1"] == pytest.approx(mean, abs=1e-4)


def test_drop_singletons_and_cross_document_links():
    assert drop_singletons([{"a"}, {"b", "c"}]) == [frozenset({"b", "c"})]
    doc = lambda m: m.split(":")[0]  # noqa: E731
    key = [{"d1:x", "d2:x", "d1:y"}]
    response = [{"d1:x", "d2:x"}, {"d1:y"}]
    s = link_prf(key, response, doc)
    # gold cross-doc links: d1:x-d2:x, d1:y-d2:x; predicted: d1:x-d2:x
    assert s.precision == 1.0 and s.recall == pytest.approx(0.5)
