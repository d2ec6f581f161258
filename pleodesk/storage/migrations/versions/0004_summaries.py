"""The ``summaries`` table: one summary entry per day or month (summary mode of a connection).

Revision ID: 0004_summaries
Revises: 0003_expense_list_retention
Create Date: 2026-12-06

A connection may book one summary entry per period instead of one entry per expense
(``pleodesk.core.summary``). Each summary is recorded here, ``sending`` before it goes to the ledger
and in the same transaction as its expenses' records, so a crash is settled by looking the summary up
in the ledger, and a period is never summarised twice.
"""

from __future__ import annotations

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa



revision: str = '0004_summaries'
down_revision: Union[str, None] = '0003_expense_list_retention'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('summaries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('connection_id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=200), nullable=False),
    sa.Column('grid', sa.String(length=10), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), server_default='sending', nullable=False),
    sa.Column('expense_count', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('amount', sa.String(length=40), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=True),
    sa.Column('ledger_id', sa.String(length=200), nullable=True),
    sa.Column('ledger_url', sa.Text(), nullable=True),
    sa.Column('attempts', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('error_title', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('exported_at', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['connection_id'], ['connections.id'],
                            name=op.f('fk_summaries_connection_id_connections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_summaries')),
    sa.UniqueConstraint('connection_id', 'reference', name=op.f('uq_summaries_connection_id_reference'))
    )
    with op.batch_alter_table('summaries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_summaries_connection_id_period_start'),
                              ['connection_id', 'period_start'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('summaries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_summaries_connection_id_period_start'))
    op.drop_table('summaries')
