"""Where pleodesk keeps its state: one SQLite database, reached only through ``Store``."""

from pleodesk.storage.db import (StoreBusyError, StoreDamaged, StoreDiskFull, StoreError, StoreReadOnly,
                                 StoreTooNew, UnknownConnectionError)
from pleodesk.storage.rows import (CONNECTION_STATES, FEED_STATUSES, MAPPING_KINDS, OUTCOME_STATUSES,
                                   RECEIPT_STATUSES, RECEIPTS_STATUSES, RECORD_STATUSES, RUN_KINDS,
                                   RUN_STATUSES, RUN_TRIGGERS, AuditRow, ConnectionRow, FeedRow, MappingRow,
                                   Problem, ReceiptRow, RecordRow, RunRow)
from pleodesk.storage.store import Store, installation_id, is_secret_key, open_store

__all__ = [
    "open_store", "installation_id", "Store", "StoreError", "StoreBusyError", "StoreDamaged", "StoreDiskFull",
    "StoreReadOnly", "StoreTooNew", "UnknownConnectionError", "is_secret_key",
    "ConnectionRow", "MappingRow", "ReceiptRow", "RecordRow", "RunRow", "AuditRow", "FeedRow", "Problem",
    "CONNECTION_STATES", "MAPPING_KINDS", "RECEIPT_STATUSES", "RECORD_STATUSES", "OUTCOME_STATUSES",
    "RECEIPTS_STATUSES", "RUN_KINDS", "RUN_TRIGGERS", "RUN_STATUSES", "FEED_STATUSES",
]
