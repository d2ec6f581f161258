"""The Expenses list: read in its order, and reloaded by what changed.

Revision ID: 0005_expense_list
Revises: 0004_summaries
Create Date: 2026-12-06

* ``ix_pleo_items_by_day``: the list columns ordered by day and id. The list shows a connection's
  expenses newest first; read through ``ix_pleo_items_list`` (by id) every reload sorted all of them
  again. It replaces ``ix_pleo_items_list``: the list of some expenses (a run's, the Problems tab's)
  looks them up by primary key, about as fast for a thousand of them, and each item stored keeps one
  index fewer up to date.
* ``expense_list_changes``: a log of which expenses' list rows may have changed, written by triggers
  on every insert and delete of an export record or a stored item and on every update that changes
  a value the list shows, by any process (an export from the command line too). After a run the
  Expenses tab reads only those rows instead of all 50,000. ``seq`` only grows (AUTOINCREMENT: never reused, not even after a delete),
  so a reader that last read the list at ``seq`` S needs the entries after S; when the log no longer
  holds them all (it keeps the newest 200,000 entries, trimmed every 10,000), it reads the whole
  list. ``connection_id`` is NULL for an item's change: it may show in every connection's list.
"""

from __future__ import annotations

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0005_expense_list'
down_revision: Union[str, None] = '0004_summaries'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

#: The log keeps this many newest entries (a reader further behind reads the whole list again) ...
KEEP = 200_000
#: ... trimmed each time this many more were written.
TRIM_EVERY = 10_000

_RECORD_COLUMNS = ("status", "ledger_id", "reference", "ledger_url", "error_title", "error_fix")
_ITEM_COLUMNS = ("day", "supplier", "employee", "currency", "amount_minor", "category", "receipt_count", "note",
                 "pruned_at")


def _changed(columns: tuple[str, ...]) -> str:
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)


_LOG = "INSERT INTO expense_list_changes (connection_id, expense_id)"

#: The triggers, by name. An update is logged only when a listed value really changed (an export
#: stores its items again, mostly unchanged); the old key too when the key itself changed.
TRIGGERS = {
    "trg_export_records_list_insert":
        f"AFTER INSERT ON export_records BEGIN {_LOG} VALUES (NEW.connection_id, NEW.expense_id); END",
    "trg_export_records_list_update":
        f"AFTER UPDATE ON export_records WHEN {_changed(_RECORD_COLUMNS + ('expense_id', 'connection_id'))} BEGIN "
        f"{_LOG} SELECT OLD.connection_id, OLD.expense_id "
        "WHERE OLD.expense_id IS NOT NEW.expense_id OR OLD.connection_id IS NOT NEW.connection_id; "
        f"{_LOG} VALUES (NEW.connection_id, NEW.expense_id); END",
    "trg_export_records_list_delete":
        f"AFTER DELETE ON export_records BEGIN {_LOG} VALUES (OLD.connection_id, OLD.expense_id); END",
    "trg_pleo_items_list_insert":
        f"AFTER INSERT ON pleo_items BEGIN {_LOG} VALUES (NULL, NEW.id); END",
    "trg_pleo_items_list_update":
        f"AFTER UPDATE ON pleo_items WHEN {_changed(_ITEM_COLUMNS + ('id',))} BEGIN "
        f"{_LOG} SELECT NULL, OLD.id WHERE OLD.id IS NOT NEW.id; "
        f"{_LOG} VALUES (NULL, NEW.id); END",
    "trg_pleo_items_list_delete":
        f"AFTER DELETE ON pleo_items BEGIN {_LOG} VALUES (NULL, OLD.id); END",
    "trg_expense_list_changes_trim":
        f"AFTER INSERT ON expense_list_changes WHEN NEW.seq % {TRIM_EVERY} = 0 BEGIN "
        f"DELETE FROM expense_list_changes WHERE seq <= NEW.seq - {KEEP}; END",
}


def upgrade() -> None:
    op.drop_index('ix_pleo_items_list', table_name='pleo_items')
    op.create_index('ix_pleo_items_by_day', 'pleo_items',
                    ['day', 'id', 'supplier', 'employee', 'currency', 'amount_minor', 'category', 'receipt_count',
                     'note', 'pruned_at'], unique=False)
    op.create_table('expense_list_changes',
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('connection_id', sa.Integer(), nullable=True),
    sa.Column('expense_id', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_expense_list_changes')),
    sqlite_autoincrement=True
    )
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table('expense_list_changes')
    op.drop_index('ix_pleo_items_by_day', table_name='pleo_items')
    op.create_index('ix_pleo_items_list', 'pleo_items',
                    ['id', 'day', 'supplier', 'employee', 'currency', 'amount_minor', 'category', 'receipt_count',
                     'note', 'pruned_at'], unique=False)
