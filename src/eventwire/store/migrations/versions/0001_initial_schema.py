"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('runs',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('eventwire_version', sa.String(), nullable=False),
    sa.Column('model_version', sa.String(), nullable=False),
    sa.Column('dictionary_version', sa.String(), nullable=False),
    sa.Column('lexicon_version', sa.String(), nullable=False),
    sa.Column('command', sa.Text(), nullable=True),
    sa.Column('articles_coded', sa.Integer(), nullable=False),
    sa.Column('articles_unchanged', sa.Integer(), nullable=False),
    sa.Column('articles_failed', sa.Integer(), nullable=False),
    sa.Column('events_stored', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('articles',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('text_hash', sa.String(), nullable=False),
    sa.Column('date', sa.String(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('coded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('failures',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.String(), nullable=True),
    sa.Column('input', sa.Text(), nullable=True),
    sa.Column('line', sa.Integer(), nullable=True),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('failed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('failures', schema=None) as batch_op:
        batch_op.create_index('ix_failures_run', ['run_id'], unique=False)

    op.create_table('actors',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('code', sa.String(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('country', sa.String(), nullable=True),
    sa.Column('sector', sa.String(), nullable=True),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('start_char', sa.Integer(), nullable=True),
    sa.Column('end_char', sa.Integer(), nullable=True),
    sa.Column('how', sa.String(), nullable=False),
    sa.Column('entity_id', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.create_index('ix_actors_article', ['article_id'], unique=False)
        batch_op.create_index('ix_actors_code', ['code'], unique=False)

    op.create_table('sentences',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('idx', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'idx')
    )
    op.create_table('events',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('sentence_index', sa.Integer(), nullable=False),
    sa.Column('sentence', sa.Text(), nullable=False),
    sa.Column('source_actor_id', sa.String(), nullable=True),
    sa.Column('source_code', sa.String(), nullable=True),
    sa.Column('source_country', sa.String(), nullable=True),
    sa.Column('source_sector', sa.String(), nullable=True),
    sa.Column('source_text', sa.Text(), nullable=True),
    sa.Column('source_name', sa.Text(), nullable=True),
    sa.Column('target_actor_id', sa.String(), nullable=True),
    sa.Column('target_code', sa.String(), nullable=True),
    sa.Column('target_country', sa.String(), nullable=True),
    sa.Column('target_sector', sa.String(), nullable=True),
    sa.Column('target_text', sa.Text(), nullable=True),
    sa.Column('target_name', sa.Text(), nullable=True),
    sa.Column('attributed_actor_id', sa.String(), nullable=True),
    sa.Column('attributed_code', sa.String(), nullable=True),
    sa.Column('cameo', sa.String(), nullable=False),
    sa.Column('cameo_root', sa.String(), nullable=False),
    sa.Column('plover', sa.String(), nullable=True),
    sa.Column('quad_class', sa.Integer(), nullable=True),
    sa.Column('goldstein', sa.Float(), nullable=True),
    sa.Column('modality', sa.String(), nullable=False),
    sa.Column('negated', sa.Boolean(), nullable=False),
    sa.Column('date', sa.String(), nullable=True),
    sa.Column('date_end', sa.String(), nullable=True),
    sa.Column('date_precision', sa.String(), nullable=True),
    sa.Column('date_basis', sa.String(), nullable=True),
    sa.Column('place_name', sa.Text(), nullable=True),
    sa.Column('place_country', sa.String(), nullable=True),
    sa.Column('trigger', sa.Text(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('record', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['attributed_actor_id'], ['actors.id'], ),
    sa.ForeignKeyConstraint(['source_actor_id'], ['actors.id'], ),
    sa.ForeignKeyConstraint(['target_actor_id'], ['actors.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_article', ['article_id'], unique=False)
        batch_op.create_index('ix_events_cameo', ['cameo'], unique=False)
        batch_op.create_index('ix_events_date', ['date'], unique=False)
        batch_op.create_index('ix_events_source_code', ['source_code'], unique=False)
        batch_op.create_index('ix_events_source_country', ['source_country'], unique=False)
        batch_op.create_index('ix_events_target_code', ['target_code'], unique=False)
        batch_op.create_index('ix_events_target_country', ['target_country'], unique=False)

    op.create_table('quotes',
    sa.Column('article_id', sa.String(), nullable=False),
    sa.Column('idx', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('speaker_actor_id', sa.String(), nullable=True),
    sa.Column('speaker_code', sa.String(), nullable=True),
    sa.Column('direct', sa.Boolean(), nullable=False),
    sa.Column('channel', sa.String(), nullable=True),
    sa.Column('verb', sa.String(), nullable=True),
    sa.Column('sentence_indices', sa.Text(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=True),
    sa.Column('end_char', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['speaker_actor_id'], ['actors.id'], ),
    sa.PrimaryKeyConstraint('article_id', 'idx')
    )


def downgrade() -> None:
    op.drop_table('quotes')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_target_country')
        batch_op.drop_index('ix_events_target_code')
        batch_op.drop_index('ix_events_source_country')
        batch_op.drop_index('ix_events_source_code')
        batch_op.drop_index('ix_events_date')
        batch_op.drop_index('ix_events_cameo')
        batch_op.drop_index('ix_events_article')

    op.drop_table('events')
    op.drop_table('sentences')
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.drop_index('ix_actors_code')
        batch_op.drop_index('ix_actors_article')

    op.drop_table('actors')
    with op.batch_alter_table('failures', schema=None) as batch_op:
        batch_op.drop_index('ix_failures_run')

    op.drop_table('failures')
    op.drop_table('articles')
    op.drop_table('runs')
