"""The database schema (SQLAlchemy Core). The migrations in ``migrations/versions`` build exactly this.

One row per article (with the hash of what was coded), its sentences, the actor
mentions its events refer to, its events and quotes; one row per coding run, and one
per failed record. Child rows are replaced together with their article, in one
transaction, so a database never holds half an article.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("eventwire_version", String, nullable=False),
    Column("model_version", String, nullable=False),
    Column("dictionary_version", String, nullable=False),
    Column("lexicon_version", String, nullable=False),
    Column("command", Text),
    # JSON of the coding options that differ from the defaults ("{}": the defaults; NULL: a run before 0004)
    Column("coding_options", Text),
    Column("articles_coded", Integer, nullable=False, default=0),
    Column("articles_unchanged", Integer, nullable=False, default=0),
    Column("articles_failed", Integer, nullable=False, default=0),
    Column("events_stored", Integer, nullable=False, default=0),
)

articles = Table(
    "articles", metadata,
    Column("id", String, primary_key=True),
    Column("text_hash", String, nullable=False),
    Column("date", String),
    Column("source", Text),
    Column("url", Text),
    Column("title", Text),
    Column("text", Text, nullable=False),  # the cleaned text that every offset refers to
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("coded_at", DateTime(timezone=True), nullable=False),
    # A syndicated / lightly edited copy: the id of the first stored copy (stories.duplicates, MinHash).
    Column("duplicate_of", String),
)

sentences = Table(
    "sentences", metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("text", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
)

actors = Table(
    "actors", metadata,
    Column("id", String, primary_key=True),  # "ac_" + hash of article id, span, text and code
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("code", String),
    Column("text", Text, nullable=False),
    Column("country", String),
    Column("sector", String),
    Column("name", Text),
    Column("start_char", Integer),
    Column("end_char", Integer),
    Column("how", String, nullable=False, default=""),
    Column("entity_id", String),
    Index("ix_actors_article", "article_id"),
    Index("ix_actors_code", "code"),
)

_ACTOR_COLUMNS = []
for _role in ("source", "target"):
    _ACTOR_COLUMNS += [
        Column(f"{_role}_actor_id", String, ForeignKey("actors.id")),
        Column(f"{_role}_code", String),
        Column(f"{_role}_country", String),
        Column(f"{_role}_sector", String),
        Column(f"{_role}_text", Text),
        Column(f"{_role}_name", Text),
    ]

events = Table(
    "events", metadata,
    Column("id", String, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("sentence_index", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    *_ACTOR_COLUMNS,
    Column("attributed_actor_id", String, ForeignKey("actors.id")),
    Column("attributed_code", String),
    Column("cameo", String, nullable=False),
    Column("cameo_root", String, nullable=False),
    Column("plover", String),
    Column("quad_class", Integer),
    Column("goldstein", Float),
    Column("modality", String, nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("date", String),
    Column("date_end", String),
    Column("date_precision", String),
    Column("date_basis", String),
    Column("place_name", Text),
    Column("place_country", String),
    Column("trigger", Text),
    Column("confidence", Float),
    Column("record", Text, nullable=False),  # Event.to_dict() as JSON: the full public record
    Column("cluster_id", String),  # the event cluster (one real event) this report belongs to
    Index("ix_events_article", "article_id"),
    Index("ix_events_date", "date"),
    Index("ix_events_source_code", "source_code"),
    Index("ix_events_target_code", "target_code"),
    Index("ix_events_source_country", "source_country"),
    Index("ix_events_target_country", "target_country"),
    Index("ix_events_cameo", "cameo"),
    Index("ix_events_cluster", "cluster_id"),
)

quotes = Table(
    "quotes", metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("text", Text, nullable=False),
    Column("speaker_actor_id", String, ForeignKey("actors.id")),
    Column("speaker_code", String),
    Column("direct", Boolean, nullable=False),
    Column("channel", String),
    Column("verb", String),
    Column("sentence_indices", Text, nullable=False),  # JSON list
    Column("start_char", Integer),
    Column("end_char", Integer),
)

failures = Table(
    "failures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("article_id", String),
    Column("input", Text),
    Column("line", Integer),
    Column("error", Text, nullable=False),
    Column("failed_at", DateTime(timezone=True), nullable=False),
    Index("ix_failures_run", "run_id"),
)

article_signatures = Table(
    "article_signatures", metadata,
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("first_id", String, nullable=False),  # the first copy (the article itself when original)
    Column("signature", Text, nullable=False),  # MinHash signature: 256 uint64, hex of the little-endian bytes
)

article_bands = Table(
    "article_bands", metadata,  # LSH index: a new article costs BANDS equality lookups
    Column("band", Integer, primary_key=True, autoincrement=False),
    Column("key", String, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_article_bands_article", "article_id"),
)

event_clusters = Table(
    "event_clusters", metadata,
    Column("id", String, primary_key=True),  # "evc_" + hash of its first report's event id (stable)
    Column("story", String, nullable=False),
    Column("key", Text, nullable=False),
    Column("first_date", String),
    Column("last_date", String),
    Column("countries", Text),  # the linker's compatibility data: actor countries, CAMEO roots (comma lists)
    Column("roots", Text),
    Column("seq", BigInteger),  # creation order (the linker tries older clusters first)
    Index("ix_event_clusters_key", "story", "key"),
)

# The event linker's state, one row per term / story / article / event: see store/linker_index.py.
linker_meta = Table(
    "linker_meta", metadata,
    Column("key", String, primary_key=True),  # "ndocs": articles linked so far
    Column("value", BigInteger, nullable=False),
)

linker_terms = Table(
    "linker_terms", metadata,  # document frequency of each story term
    Column("term", String, primary_key=True),
    Column("df", Integer, nullable=False),
)

linker_stories = Table(
    "linker_stories", metadata,
    Column("id", String, primary_key=True),
    Column("norm", Float, nullable=False),
    Column("docs", Integer, nullable=False),
)

linker_story_terms = Table(
    "linker_story_terms", metadata,  # story centroids: sum of its articles' tf-idf vectors
    Column("story", String, primary_key=True),
    Column("term", String, primary_key=True),
    Column("weight", Float, nullable=False),
)

linker_postings = Table(
    "linker_postings", metadata,  # stories by the top terms of their articles: the story lookup
    Column("term", String, primary_key=True),
    Column("story", String, primary_key=True),
)

linker_documents = Table(
    "linker_documents", metadata,  # linked article version (id@text hash) -> story
    Column("id", String, primary_key=True),
    Column("story", String, nullable=False),
)

linker_mentions = Table(
    "linker_mentions", metadata,  # linked event -> cluster
    Column("id", String, primary_key=True),
    Column("doc_id", String, nullable=False),
    Column("cluster_id", String, nullable=False),
)

linker_dyadic = Table(
    "linker_dyadic", metadata,  # two-sided clusters reported in a story, per CAMEO root
    Column("story", String, primary_key=True),
    Column("root", String, primary_key=True),
    Column("cluster_id", String, primary_key=True),
    Column("seq", BigInteger, nullable=False),
)

#: Tables holding an article's coded content, children first (the order to delete in).
ARTICLE_CHILDREN = (quotes, events, actors, sentences, article_bands, article_signatures)
