"""The French ledgers an FEC export is made for, and what each one needs.

What is known about each ledger's import comes from the research notes kept with the project
(vendors' help pages and the help centres of tools that export into them). The import steps are
shown, translated, by the wizard page (``pleodesk/ui/systems/fec.py``) and listed in docs/fec.md; a
step no source confirmed is marked unconfirmed there, never presented as fact.

Every choice writes the legal FEC (the file pleodesk checks and finds its references in). Where a
ledger documents another import layout, the run also writes that file beside the FEC
(``companion``): Sage 100's text import and MyUnisoft's CSV.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Ledger:
    id: str
    label: str
    #: Another documented import layout written beside the FEC: "sage_text", "myunisoft_csv" or None.
    companion: str | None = None
    #: Journal codes the ledger reserves for itself.
    reserved_journals: tuple[str, ...] = ()
    #: Whether the ledger's FEC import is confirmed by a source.
    fec_confirmed: bool = False
    #: Whether an import of receipts with the file is confirmed.
    receipts_confirmed: bool = False


LEDGERS: dict[str, Ledger] = {
    "cegid_loop": Ledger("cegid_loop", "Cegid Loop", reserved_journals=("AN",), fec_confirmed=True),
    "inqom": Ledger("inqom", "Inqom", fec_confirmed=True, receipts_confirmed=True),
    "sage100": Ledger("sage100", "Sage 100 Comptabilité (FR)", companion="sage_text"),
    "acd": Ledger("acd", "ACD (Comptabilité Expert / i-Suite Expert)"),
    "myunisoft": Ledger("myunisoft", "MyUnisoft", companion="myunisoft_csv"),
    "tiime": Ledger("tiime", "Tiime"),
    "other": Ledger("other", "Another ledger (FEC)", fec_confirmed=True),
}

DEFAULT_LEDGER = "other"


def ledger(ledger_id: str | None) -> Ledger:
    return LEDGERS.get(ledger_id or DEFAULT_LEDGER, LEDGERS[DEFAULT_LEDGER])
