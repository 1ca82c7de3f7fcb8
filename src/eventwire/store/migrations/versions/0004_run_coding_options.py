"""runs.coding_options: the coding conventions a run coded by (JSON of the options that differ from the defaults)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

Runs recorded before this revision keep NULL (they were coded with the defaults: the options did not exist).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('runs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('coding_options', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('runs', schema=None) as batch_op:
        batch_op.drop_column('coding_options')
