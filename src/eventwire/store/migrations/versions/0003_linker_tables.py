"""linker state in tables (one row per term, story, article, event) instead of one JSON row

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

A database filled before this revision keeps its clusters: the JSON state in ``linker_state`` is unpacked into
the new tables, then that table is dropped.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_SEQ_STEP = 1_000_000


def upgrade() -> None:
    with op.batch_alter_table('event_clusters', schema=None) as batch_op:
        batch_op.add_column(sa.Column('countries', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('roots', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('seq', sa.BigInteger(), nullable=True))
        batch_op.create_index('ix_event_clusters_key', ['story', 'key'], unique=False)
    meta = op.create_table('linker_meta',
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    terms = op.create_table('linker_terms',
    sa.Column('term', sa.String(), nullable=False),
    sa.Column('df', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('term')
    )
    stories = op.create_table('linker_stories',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('norm', sa.Float(), nullable=False),
    sa.Column('docs', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    story_terms = op.create_table('linker_story_terms',
    sa.Column('story', sa.String(), nullable=False),
    sa.Column('term', sa.String(), nullable=False),
    sa.Column('weight', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('story', 'term')
    )
    postings = op.create_table('linker_postings',
    sa.Column('term', sa.String(), nullable=False),
    sa.Column('story', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('term', 'story')
    )
    documents = op.create_table('linker_documents',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('story', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    mentions = op.create_table('linker_mentions',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('doc_id', sa.String(), nullable=False),
    sa.Column('cluster_id', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    dyadic = op.create_table('linker_dyadic',
    sa.Column('story', sa.String(), nullable=False),
    sa.Column('root', sa.String(), nullable=False),
    sa.Column('cluster_id', sa.String(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('story', 'root', 'cluster_id')
    )
    _unpack_json_state(meta, terms, stories, story_terms, postings, documents, mentions, dyadic)
    op.drop_table('linker_state')


def _unpack_json_state(meta, terms, stories, story_terms, postings, documents, mentions, dyadic) -> None:
    conn = op.get_bind()
    row = conn.execute(sa.text("SELECT state FROM linker_state WHERE id = 1")).first()
    if row is None:
        return
    st = json.loads(row[0])
    conn.execute(meta.insert(), [{"key": "ndocs", "value": st["ndocs"]}])
    _rows(conn, terms, [{"term": k, "df": v} for k, v in st["df"].items()])
    _rows(conn, stories, [{"id": k, "norm": v["norm"], "docs": len(v["docs"])} for k, v in st["stories"].items()])
    _rows(conn, story_terms, [{"story": k, "term": w, "weight": x} for k, v in st["stories"].items()
                              for w, x in v["centroid"].items()])
    _rows(conn, postings, [{"term": w, "story": k} for w, ids in st["postings"].items() for k in ids])
    _rows(conn, documents, [{"id": k, "story": v} for k, v in st["doc_story"].items()])
    _rows(conn, mentions, [{"id": m["id"], "doc_id": m["doc_id"], "cluster_id": k}
                           for k, c in st["clusters"].items() for m in c["mentions"]])
    seq = {cid: i for i, cid in enumerate(cid for _, _, ids in st["by_key"] for cid in ids)}
    _rows(conn, dyadic, [{"story": a, "root": b, "cluster_id": cid, "seq": i}
                         for i, (a, b, cid) in enumerate((a, b, cid) for a, b, ids in st["dyadic"] for cid in ids)])
    clusters = sa.table('event_clusters', sa.column('id'), sa.column('story'), sa.column('key'),
                        sa.column('first_date'), sa.column('last_date'), sa.column('countries'),
                        sa.column('roots'), sa.column('seq'))
    have = {r[0] for r in conn.execute(sa.select(clusters.c.id))}
    for cid, c in st["clusters"].items():
        values = {"countries": ",".join(sorted(c["countries"])), "roots": ",".join(sorted(c["roots"])),
                  "seq": seq.get(cid, 0), "first_date": c["first_date"], "last_date": c["last_date"]}
        if cid in have:
            conn.execute(clusters.update().where(clusters.c.id == cid).values(values))
        else:
            conn.execute(clusters.insert().values(id=cid, story=c["story"], key=c["lemma"], **values))


def _rows(conn, table, rows) -> None:
    for i in range(0, len(rows), 1000):
        conn.execute(table.insert(), rows[i:i + 1000])


def downgrade() -> None:
    op.create_table('linker_state',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('state', sa.Text(), nullable=False),
    sa.Column('articles', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    for name in ('linker_dyadic', 'linker_mentions', 'linker_documents', 'linker_postings', 'linker_story_terms',
                 'linker_stories', 'linker_terms', 'linker_meta'):
        op.drop_table(name)
    with op.batch_alter_table('event_clusters', schema=None) as batch_op:
        batch_op.drop_index('ix_event_clusters_key')
        batch_op.drop_column('seq')
        batch_op.drop_column('roots')
        batch_op.drop_column('countries')
