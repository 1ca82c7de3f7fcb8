"""The cached attribute ruler gives exactly the annotations of spaCy's own."""

from __future__ import annotations

import pytest

from eventwire.pipeline_speed import CachedAttributeRuler, speed_up

pytestmark = pytest.mark.slow

TEXTS = [
    "There is no deal, and we ain't gonna sign it. Let's go, y'all gotta see. C'mon! He gets it; she got it.",
    "Russia's foreign minister Sergei Lavrov said on Tuesday that Moscow would not attend the talks.",
    "The E.U. imposed sanctions on Iran's Revolutionary Guards; Tehran called the move \"illegal\".",
    "There were 3,500 troops at the border, officials said. I'd rather they'd left, she'd said.",
    "KYIV, Ukraine (AP) — Ukrainian forces shelled positions near Donetsk overnight, killing 12 people.\n\nNo one ",
    "Parliament voted 312-201 to approve the budget. Is there any doubt? There's none.",
]


def _annotations(nlp, texts):
    return [[(t.text, t.tag_, t.dep_, t.head.i, t.pos_, str(t.morph), t.lemma_) for t in doc]
            for doc in nlp.pipe(texts)]


def test_cached_attribute_ruler_output_is_identical(nlp):
    import spacy

    stock = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    assert not isinstance(stock.get_pipe("attribute_ruler"), CachedAttributeRuler)
    fast = speed_up(spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"]))
    ruler = fast.get_pipe("attribute_ruler")
    assert isinstance(ruler, CachedAttributeRuler)
    assert fast.pipe_names == stock.pipe_names and fast.component_names == stock.component_names
    texts = TEXTS * 2  # the second time round every token comes from the cache
    assert _annotations(fast, texts) == _annotations(stock, texts)
    assert ruler.hits > 0 and ruler.fallbacks > 0  # both the cached path and the whole-doc path ran


def test_load_pipeline_uses_the_cached_ruler(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), CachedAttributeRuler)


def test_unsupported_patterns_leave_the_ruler_alone():
    class Ruler:
        patterns = [{"patterns": [[{"_": {"custom": True}}]], "attrs": {"POS": "X"}}]

    assert not CachedAttributeRuler.supports(Ruler())
