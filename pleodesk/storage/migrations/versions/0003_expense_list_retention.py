"""The Expenses list read from columns, retention, and which connections an expense belongs to.

Revision ID: 0003_expense_list_retention
Revises: 0002_installation_id
Create Date: 2026-12-05

* ``pleo_items`` gets the columns the Expenses list shows (day, supplier, employee, category,
  receipt_count, note), filled here from the raw JSON of the items already stored, and
  ``pruned_at`` (retention emptied ``raw``).
* ``export_records`` gets an index on ``expense_id``: an expense's Pleo data belongs to the
  connections that have a record of it, and is deleted with the last of them.
* ``ix_pleo_items_list`` holds the list columns, so the Expenses list is read from it (the columns
  come after ``raw``, which would otherwise be walked through for every row).

Adding columns is cheap in SQLite (no table copy); the fill reads every stored item once (about
3 s for 50,000 items).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0003_expense_list_retention'
down_revision: Union[str, None] = '0002_installation_id'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_COLUMNS = ("day", "supplier", "employee", "category", "receipt_count", "note")


def _name(obj: Any) -> str:
    if isinstance(obj, dict):
        value = obj.get("name")
        if isinstance(value, str):
            return value
    return ""


def _list_columns(item: dict) -> dict:
    """As ``pleodesk.storage.listing.list_columns`` was when this revision was written."""
    day = None
    raw_date = item.get("date")
    if isinstance(raw_date, str) and len(raw_date) >= 10:
        try:
            day = date.fromisoformat(raw_date[:10]).isoformat()
        except ValueError:
            day = None
    supplier = _name(item.get("vendor")) or _name(item.get("supplier"))
    names: list = []
    for line in item.get("accountingEntryLines") or ():
        name = _name(line.get("account")) if isinstance(line, dict) else ""
        if name and name not in names:
            names.append(name)
    files = item.get("files")
    note = item.get("note")
    return {"day": day, "supplier": supplier or None, "employee": _name(item.get("user")) or None,
            "category": ", ".join(names) or None,
            "receipt_count": len(files) if isinstance(files, list) else 0,
            "note": note if isinstance(note, str) and note else None}


def upgrade() -> None:
    with op.batch_alter_table('pleo_items', recreate='never') as batch_op:
        batch_op.add_column(sa.Column('day', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('supplier', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('employee', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('category', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('receipt_count', sa.Integer(), server_default=sa.text('0'), nullable=False))
        batch_op.add_column(sa.Column('note', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('pruned_at', sa.DateTime(), nullable=True))
    op.create_index(op.f('ix_export_records_expense_id'), 'export_records', ['expense_id'], unique=False)

    # Fill the new columns of the items stored before this revision, a thousand at a time.
    conn = op.get_bind()
    update = sa.text("UPDATE pleo_items SET day = :day, supplier = :supplier, employee = :employee, "
                     "category = :category, receipt_count = :receipt_count, note = :note WHERE rowid = :rid")
    last = 0
    while True:
        rows = conn.execute(sa.text("SELECT rowid, raw FROM pleo_items WHERE rowid > :last ORDER BY rowid LIMIT 1000"),
                            {"last": last}).fetchall()
        if not rows:
            break
        values = []
        for rid, raw in rows:
            try:
                item = json.loads(raw) if raw else None
            except ValueError:
                item = None
            if isinstance(item, dict):
                values.append({"rid": rid, **_list_columns(item)})
        if values:
            conn.execute(update, values)
        last = rows[-1][0]
    op.create_index('ix_pleo_items_list', 'pleo_items',
                    ['id', 'day', 'supplier', 'employee', 'currency', 'amount_minor', 'category', 'receipt_count',
                     'note', 'pruned_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_pleo_items_list', table_name='pleo_items')
    op.drop_index(op.f('ix_export_records_expense_id'), table_name='export_records')
    with op.batch_alter_table('pleo_items') as batch_op:
        for name in ('pruned_at',) + _COLUMNS[::-1]:
            batch_op.drop_column(name)
