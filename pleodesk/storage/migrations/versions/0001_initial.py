"""Initial schema: connections, mappings, Pleo data, receipts, export records, runs, audit log,
scheduler state and bank feed records.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-23

Timestamps are naive UTC (``pleodesk.storage.models.UTCDateTime``).
"""

from __future__ import annotations

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0001_initial'
down_revision: Union[str, None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('connections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('system', sa.String(length=50), nullable=False),
    sa.Column('ledger_company_id', sa.String(length=200), nullable=True),
    sa.Column('ledger_company_name', sa.String(length=300), nullable=True),
    sa.Column('pleo_company_id', sa.String(length=100), nullable=True),
    sa.Column('pleo_base_url', sa.String(length=500), nullable=True),
    sa.Column('settings', sa.JSON(), server_default=sa.text("'{}'"), nullable=False),
    sa.Column('state', sa.String(length=30), server_default='connected', nullable=False),
    sa.Column('state_message', sa.Text(), nullable=True),
    sa.Column('active', sa.Boolean(), server_default=sa.text('1'), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_connections')),
    sa.UniqueConstraint('name', name=op.f('uq_connections_name')),
    sqlite_autoincrement=True
    )

    op.create_table('pleo_items',
    sa.Column('id', sa.String(length=100), nullable=False),
    sa.Column('company_id', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=50), nullable=False),
    sa.Column('booked_at', sa.DateTime(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('amount_minor', sa.Integer(), nullable=False),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('fetched_at', sa.DateTime(), nullable=False),
    sa.Column('job_id', sa.String(length=100), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pleo_items'))
    )
    op.create_index(op.f('ix_pleo_items_company_id_booked_at'), 'pleo_items', ['company_id', 'booked_at'], unique=False)
    op.create_index(op.f('ix_pleo_items_job_id'), 'pleo_items', ['job_id'], unique=False)

    op.create_table('receipts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('expense_id', sa.String(length=100), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('mime', sa.String(length=100), nullable=True),
    sa.Column('size', sa.Integer(), nullable=True),
    sa.Column('local_path', sa.Text(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('status', sa.String(length=20), server_default='pending', nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_receipts')),
    sa.UniqueConstraint('expense_id', 'position', name=op.f('uq_receipts_expense_id_position'))
    )

    op.create_table('scheduler_state',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('last_run_at', sa.DateTime(), nullable=True),
    sa.Column('next_run_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_scheduler_state'))
    )

    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('connection_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=100), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['connection_id'], ['connections.id'], name=op.f('fk_audit_log_connection_id_connections'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    op.create_index(op.f('ix_audit_log_at'), 'audit_log', ['at'], unique=False)
    op.create_index(op.f('ix_audit_log_connection_id'), 'audit_log', ['connection_id'], unique=False)

    op.create_table('export_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('connection_id', sa.Integer(), nullable=False),
    sa.Column('expense_id', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=20), server_default='pending', nullable=False),
    sa.Column('reference', sa.String(length=200), nullable=True),
    sa.Column('idempotency_key', sa.String(length=200), nullable=True),
    sa.Column('ledger_id', sa.String(length=200), nullable=True),
    sa.Column('ledger_url', sa.Text(), nullable=True),
    sa.Column('attempts', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('error_title', sa.Text(), nullable=True),
    sa.Column('error_detail', sa.Text(), nullable=True),
    sa.Column('error_fix', sa.Text(), nullable=True),
    sa.Column('reason_type', sa.String(length=100), nullable=True),
    sa.Column('job_id', sa.String(length=100), nullable=True),
    sa.Column('receipts_status', sa.String(length=20), server_default='none', nullable=False),
    sa.Column('pleo_reported', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.Column('exported_at', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['connection_id'], ['connections.id'], name=op.f('fk_export_records_connection_id_connections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_export_records')),
    sa.UniqueConstraint('connection_id', 'expense_id', name=op.f('uq_export_records_connection_id_expense_id'))
    )
    op.create_index(op.f('ix_export_records_connection_id_job_id'), 'export_records', ['connection_id', 'job_id'], unique=False)
    op.create_index(op.f('ix_export_records_connection_id_status'), 'export_records', ['connection_id', 'status'], unique=False)

    op.create_table('feed_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('connection_id', sa.Integer(), nullable=False),
    sa.Column('expense_id', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=20), server_default='pending', nullable=False),
    sa.Column('pushed_at', sa.DateTime(), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['connection_id'], ['connections.id'], name=op.f('fk_feed_records_connection_id_connections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_records')),
    sa.UniqueConstraint('connection_id', 'expense_id', name=op.f('uq_feed_records_connection_id_expense_id'))
    )
    op.create_index(op.f('ix_feed_records_connection_id_status'), 'feed_records', ['connection_id', 'status'], unique=False)

    op.create_table('mappings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('connection_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('source_key', sa.String(length=300), nullable=False),
    sa.Column('source_label', sa.String(length=300), nullable=True),
    sa.Column('target', sa.String(length=300), nullable=True),
    sa.Column('target_tax', sa.String(length=100), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['connection_id'], ['connections.id'], name=op.f('fk_mappings_connection_id_connections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mappings')),
    sa.UniqueConstraint('connection_id', 'kind', 'source_key', name=op.f('uq_mappings_connection_id_kind_source_key'))
    )

    op.create_table('runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('connection_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('trigger', sa.String(length=30), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('status', sa.String(length=20), server_default='running', nullable=False),
    sa.Column('counts', sa.JSON(), nullable=True),
    sa.Column('skip_reasons', sa.JSON(), nullable=True),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('job_id', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['connection_id'], ['connections.id'], name=op.f('fk_runs_connection_id_connections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_runs'))
    )
    op.create_index(op.f('ix_runs_connection_id_started_at'), 'runs', ['connection_id', 'started_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_runs_connection_id_started_at'), table_name='runs')
    op.drop_table('runs')
    op.drop_table('mappings')
    op.drop_index(op.f('ix_feed_records_connection_id_status'), table_name='feed_records')
    op.drop_table('feed_records')
    op.drop_index(op.f('ix_export_records_connection_id_status'), table_name='export_records')
    op.drop_index(op.f('ix_export_records_connection_id_job_id'), table_name='export_records')
    op.drop_table('export_records')
    op.drop_index(op.f('ix_audit_log_connection_id'), table_name='audit_log')
    op.drop_index(op.f('ix_audit_log_at'), table_name='audit_log')
    op.drop_table('audit_log')
    op.drop_table('scheduler_state')
    op.drop_table('receipts')
    op.drop_index(op.f('ix_pleo_items_job_id'), table_name='pleo_items')
    op.drop_index(op.f('ix_pleo_items_company_id_booked_at'), table_name='pleo_items')
    op.drop_table('pleo_items')
    op.drop_table('connections')
