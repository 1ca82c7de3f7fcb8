"""Stories: one event, many reports.

* :mod:`.metrics` — MUC, B³, CEAF-e, CoNLL F1 (coreference scoring);
* :mod:`.linker` — the incremental cross-document event linker (mentions → event clusters);
* :mod:`.ecbplus` — scoring the linker on the ECB+ gold;
* :mod:`.duplicates` — near-duplicate article detection (MinHash over word shingles);
* :mod:`.positions` — who demanded / offered / rejected what, by issue, over time.

See docs/stories.md.
"""

from .linker import Cluster, Document, EventLinker, Mention

__all__ = ["Cluster", "Document", "EventLinker", "Mention"]
