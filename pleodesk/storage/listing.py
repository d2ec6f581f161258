"""The columns of an expense the Expenses list shows, taken from Pleo's ``ExportItemV3`` once, when
the item is stored, so that a list of 50,000 expenses is read from a few small columns instead of
decoding 50,000 JSON documents.

The 0003 migration fills the same columns for items stored before it, with its own copy of these
rules (a migration must not import code that changes later): change both together.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Mapping

def _name(obj: Any) -> str:
    if isinstance(obj, dict) or (obj is not None and isinstance(obj, Mapping)):
        value = obj.get("name")
        if type(value) is str:
            return value
    return ""


def list_columns(item: Mapping[str, Any]) -> dict[str, Any]:
    """``day`` (YYYY-MM-DD as the item's date says, or None), ``supplier`` (the vendor, else the
    supplier), ``employee``, ``category`` (the distinct account names of its lines, comma separated),
    ``receipt_count`` and ``note``."""
    day = None
    raw_date = item.get("date")
    if isinstance(raw_date, str) and len(raw_date) >= 10:
        try:
            day = date.fromisoformat(raw_date[:10]).isoformat()
        except ValueError:
            day = None
    supplier = _name(item.get("vendor")) or _name(item.get("supplier"))
    names: list[str] = []
    for line in item.get("accountingEntryLines") or ():
        name = _name(line.get("account")) if isinstance(line, (dict, Mapping)) else ""
        if name and name not in names:
            names.append(name)
    files = item.get("files")
    note = item.get("note")
    return {
        "day": day,
        "supplier": supplier or None,
        "employee": _name(item.get("user")) or None,
        "category": ", ".join(names) or None,
        "receipt_count": len(files) if isinstance(files, (list, tuple)) else 0,
        "note": note if isinstance(note, str) and note else None,
    }
