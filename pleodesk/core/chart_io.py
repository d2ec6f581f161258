"""A ledger chart to and from plain dicts (setup files, stored settings)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Mapping

from pleodesk.core.ledger import LedgerAccount, LedgerChart, LedgerDimension, LedgerTax


class ChartError(ValueError):
    pass


def chart_from_dict(d: Mapping[str, Any]) -> LedgerChart:
    accounts: dict[str, LedgerAccount] = {}
    for i, a in enumerate(d.get("accounts") or ()):
        try:
            code = str(a["code"]).strip()
            accounts[code] = LedgerAccount(code=code, name=str(a.get("name") or code),
                                           type=str(a.get("type") or "expense"),
                                           active=bool(a.get("active", True)), id=a.get("id"))
        except KeyError:
            raise ChartError(f"ledger account {i + 1} has no code") from None
    taxes: dict[str, LedgerTax] = {}
    for i, t in enumerate(d.get("taxes") or ()):
        try:
            code = str(t["code"]).strip()
            rate = Decimal(str(t["rate"]))
        except KeyError as exc:
            raise ChartError(f"ledger tax {i + 1} has no {exc.args[0]}") from None
        except InvalidOperation:
            raise ChartError(f"ledger tax {t.get('code')}: rate {t.get('rate')!r} is not a number "
                             "(write 0.21 for 21 %)") from None
        if rate > 1:
            raise ChartError(f"ledger tax {code}: rate {rate} looks like a percentage; write 0.21 for 21 %")
        kwargs = {}
        for key in ("input_account", "output_account"):
            if t.get(key) is not None:
                kwargs[key] = str(t[key])
        taxes[code] = LedgerTax(code=code, name=str(t.get("name") or code), rate=rate,
                                type=str(t.get("type") or "inclusive"), active=bool(t.get("active", True)),
                                id=t.get("id"), **kwargs)
    dims: dict[str, LedgerDimension] = {}
    for i, dm in enumerate(d.get("dimensions") or ()):
        if "name" not in dm:
            raise ChartError(f"ledger dimension {i + 1} has no name")
        dims[str(dm["name"])] = LedgerDimension(
            name=str(dm["name"]), values=frozenset(str(v) for v in dm.get("values") or ()),
            archived_values=frozenset(str(v) for v in dm.get("archived_values") or ()), id=dm.get("id"))
    return LedgerChart(accounts=accounts, taxes=taxes, dimensions=dims)


def chart_to_dict(chart: LedgerChart) -> dict[str, Any]:
    out_taxes = []
    for t in chart.taxes.values():
        row = {"code": t.code, "name": t.name, "rate": str(t.rate), "type": t.type, "active": t.active}
        for key in ("input_account", "output_account"):
            if getattr(t, key, None):
                row[key] = getattr(t, key)
        if t.id:
            row["id"] = t.id
        out_taxes.append(row)
    return {
        "accounts": [{"code": a.code, "name": a.name, "type": a.type, "active": a.active,
                      **({"id": a.id} if a.id else {})} for a in chart.accounts.values()],
        "taxes": out_taxes,
        "dimensions": [{"name": dm.name, "values": sorted(dm.values), "archived_values": sorted(dm.archived_values),
                        **({"id": dm.id} if dm.id else {})} for dm in chart.dimensions.values()],
    }
