"""Alembic environment for pleodesk's database.

``pleodesk.storage.db.migrate`` runs this with an open connection in ``config.attributes``
(inside a ``BEGIN IMMEDIATE`` transaction, so two processes never migrate at once). Run from the
command line (``alembic -c pleodesk/storage/alembic.ini ...``, for writing new revisions), it opens
the database named by ``-x db=PATH``, else ``sqlalchemy.url``, else the user's database.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from pleodesk.storage.models import Base, UTCDateTime

config = context.config
target_metadata = Base.metadata


def _render_item(type_: str, obj, autogen_context):
    """Revisions must not import app code that changes later: write UTCDateTime as sa.DateTime()."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,       # SQLite: ALTER via table copy
        compare_type=True,
        render_item=_render_item,
    )


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url") or "sqlite://",
                      target_metadata=target_metadata, render_as_batch=True, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return

    url = context.get_x_argument(as_dictionary=True).get("db")
    if url:
        url = f"sqlite:///{url}"
    else:
        url = config.get_main_option("sqlalchemy.url")
    if not url:
        from pleodesk.paths import database_path
        url = f"sqlite:///{database_path()}"
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            _configure(conn)
            with context.begin_transaction():
                context.run_migrations()
            conn.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
