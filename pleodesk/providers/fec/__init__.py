"""FEC files for French ledgers (Cegid Loop, Inqom, Sage 100, ACD, MyUnisoft, Tiime). See docs/fec.md.

Module contract (``pleodesk.connections``): ``SYSTEM``, ``LABEL``, ``create_provider(conn)`` and
``settings_from_setup(section, read_secret)``.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

SYSTEM = "fec"
LABEL = "FEC file (France)"

#: Keys of the [fec] section of a setup file (see docs/fec.md).
SETUP_KEYS = ("folder", "siren", "ledger", "journal_code", "journal_label", "fiscal_year_end", "company_name",
              "summary")
SUMMARY_CHOICES = ("none", "daily", "monthly")


def create_provider(conn, **kwargs: Any):
    from pleodesk.core.chart_io import chart_from_dict
    from pleodesk.providers.fec.provider import FecProvider

    settings = dict(conn.settings or {})
    # A setup file's chart is under "chart"; the wizard keeps the FEC's chart under "fec_chart" (the chart
    # of other systems is read from the ledger, never stored).
    return FecProvider(settings, chart_from_dict(settings.get("fec_chart") or settings.get("chart") or {}), **kwargs)


def settings_from_setup(section: Mapping[str, Any], read_secret: Callable[[str, str], str]
                        ) -> tuple[dict[str, Any], dict[str, str]]:
    """``[fec]`` of a setup file to (settings, secrets): the FEC needs no secret."""
    from pathlib import Path

    from pleodesk.providers.fec import format as fmt
    from pleodesk.providers.fec.ledgers import LEDGERS
    from pleodesk.providers.fec.provider import parse_fiscal_year_end

    unknown = set(section) - set(SETUP_KEYS)
    if unknown:
        raise ValueError(f"unknown key {sorted(unknown)[0]}; known: {', '.join(SETUP_KEYS)}")
    for key in SETUP_KEYS:
        if key in section and not isinstance(section[key], str):
            raise ValueError(f"{key} must be text in quotes")
    if not section.get("folder"):
        raise ValueError("folder is missing: the folder the FEC files are written to")
    settings: dict[str, Any] = {"folder": str(Path(section["folder"]).expanduser())}
    settings["siren"] = fmt.check_siren(section.get("siren", ""))
    ledger = section.get("ledger", "other")
    if ledger not in LEDGERS:
        raise ValueError(f"ledger = '{ledger}' is not one of {', '.join(LEDGERS)}")
    settings["ledger"] = ledger
    code = str(section.get("journal_code", "PLEO")).upper()
    why = fmt.check_journal_code(code)
    if why:
        raise ValueError(why)
    if code in LEDGERS[ledger].reserved_journals:
        raise ValueError(f"journal_code {code} is kept by {LEDGERS[ledger].label} for itself; choose another")
    settings["journal_code"] = code
    settings["journal_label"] = section.get("journal_label", "Pleo")
    parse_fiscal_year_end(section.get("fiscal_year_end", "12-31"))
    settings["fiscal_year_end"] = section.get("fiscal_year_end", "12-31")
    if section.get("company_name"):
        settings["company_name"] = section["company_name"]
    summary = section.get("summary", "none")
    if summary not in SUMMARY_CHOICES:
        raise ValueError(f"summary = '{summary}' is not one of {', '.join(SUMMARY_CHOICES)}")
    settings["summary"] = summary
    return settings, {}
