"""The process-wide pacers of the services with call limits (Xero, QuickBooks, Pennylane, ...).

A service counts calls per account (an organisation, a company, a token), not per pleodesk window or
worker: every client of one account in this process shares one pacer, found here by API host and
account. A client module keeps its own ``Pacer`` class (the limits differ per service) and one
``PacerRegistry`` of them."""

from __future__ import annotations

import threading
from typing import Any, Callable, Generic, TypeVar

import httpx

P = TypeVar("P")

_registries: list["PacerRegistry[Any]"] = []


class PacerRegistry(Generic[P]):
    """One pacer per (API host, account); a new one when the limits change."""

    def __init__(self, make: Callable[[Any], P]) -> None:
        self._make = make
        self._pacers: dict[tuple[str, str], P] = {}
        self._lock = threading.Lock()
        _registries.append(self)

    def get(self, base_url: str, account: str, limits: Any) -> P:
        key = (httpx.URL(base_url).host or base_url, account)
        with self._lock:
            p = self._pacers.get(key)
            if p is None or getattr(p, "limits", None) != limits:
                p = self._pacers[key] = self._make(limits)
            return p

    def reset(self) -> None:
        """Forget every account's pacing state (tests; a new sandbox)."""
        with self._lock:
            self._pacers.clear()


def reset_all() -> None:
    """Forget the pacing state of every service (each test starts with no calls counted)."""
    for registry in list(_registries):
        registry.reset()
