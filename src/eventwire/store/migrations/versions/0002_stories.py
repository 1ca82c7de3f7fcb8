"""stories: duplicate articles (MinHash signatures, LSH bands), event clusters, linker state

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('duplicate_of', sa.String(), nullable=True))
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cluster_id', sa.String(), nullable=True))
        batch_op.create_index('ix_events_cluster', ['cluster_id'], unique=False)
    op.create_table('article_signatures',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('first_id', sa.String(), nullable=False),
    sa.Column('signature', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id')
    )
    op.create_table('article_bands',
    sa.Column('band', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('article_id', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('band', 'key', 'article_id')
    )
    with op.batch_alter_table('article_bands', schema=None) as batch_op:
        batch_op.create_index('ix_article_bands_article', ['article_id'], unique=False)
    op.create_table('event_clusters',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('story', sa.String(), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('first_date', sa.String(), nullable=True),
    sa.Column('last_date', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('linker_state',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('state', sa.Text(), nullable=False),
    sa.Column('articles', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('linker_state')
    op.drop_table('event_clusters')
    with op.batch_alter_table('article_bands', schema=None) as batch_op:
        batch_op.drop_index('ix_article_bands_article')
    op.drop_table('article_bands')
    op.drop_table('article_signatures')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_cluster')
        batch_op.drop_column('cluster_id')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_column('duplicate_of')
