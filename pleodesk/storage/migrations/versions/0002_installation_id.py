"""The ``meta`` table, with an installation id made for this database.

Revision ID: 0002_installation_id
Revises: 0001_initial
Create Date: 2026-12-05

Keyring entries used to be named ``connection-<id>/...``, so two data folders (``PLEODESK_HOME``, the
demo and the real one) with a connection 1 overwrote each other's secrets. Each database now has an
installation id, made here (for a new database and for an upgraded one alike) and never changed; the
entries are named by it (``pleodesk.connections``), and the app renames the old entries once.
"""

from __future__ import annotations

import uuid
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0002_installation_id'
down_revision: Union[str, None] = '0001_initial'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    meta = op.create_table('meta',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_meta'))
    )
    op.bulk_insert(meta, [{"key": "installation_id", "value": str(uuid.uuid4())}])


def downgrade() -> None:
    op.drop_table('meta')
