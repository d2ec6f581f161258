"""The FEC (fichier des écritures comptables) in its strict legal form, and the other flat files that
French ledgers document for importing entries. Pure functions, no I/O.

The legal form (LPF art. A47 A-1; BOI-CF-IOR-60-40-20): a flat text file with a header line naming the
18 fields below, in this order, separated by a tab; one line per entry line; dates ``AAAAMMJJ``;
amounts without a thousands separator and with a comma before the two decimals; ``EcritureNum`` a
gapless sequence per journal; the file named ``<SIREN>FEC<AAAAMMJJ>.txt`` where the date is the close of
the fiscal year. The text is ISO 8859-15 (one of the encodings the article allows), lines end with
CR LF, and no value holds a tab or a line break. Each entry (same ``JournalCode`` and ``EcritureNum``)
balances; ``Debit`` and ``Credit`` are both written, one of them ``0,00``; ``Montantdevise`` and
``Idevise`` carry the amount in its original currency when it differs from the books' currency.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Sequence

FEC_FIELDS = ("JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib",
              "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit",
              "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise")
SEPARATOR = "\t"
NEWLINE = "\r\n"
ENCODING = "iso-8859-15"
#: The books' currency an FEC is kept in.
FEC_CURRENCY = "EUR"
#: A PCG account: its first digit is a class of the plan comptable général (1 to 7, 8 for the special
#: accounts), its first three characters a PCG account; sub-accounts may follow (digits or letters).
PCG_ACCOUNT = re.compile(r"^[1-8][0-9]{2}[0-9A-Z]*$")
#: Journal codes: letters and digits (importers take short codes; Cegid reserves AN for opening balances).
JOURNAL_CODE = re.compile(r"^[A-Z0-9]{1,8}$")


class FecFormatError(ValueError):
    """A value that the legal form cannot hold; the message says which and what to do."""


# ------------------------------------------------------------------------------------ values ---
#: Letters and signs without an accent to drop (NFKD leaves them whole) that ISO 8859-15 lacks.
_PLAIN = {"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h", "ı": "i", "ŀ": "l", "Ŀ": "L",
          "‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "−": "-",
          "•": "-", "→": "->", "←": "<-"}
def clean_text(value: str | None, limit: int | None = None) -> str:
    """One line of text that ISO 8859-15 can hold: tabs, line breaks and control characters become
    spaces, runs of spaces one; a letter the encoding lacks is written without its accent (``ł`` ->
    ``l``), anything else as ``?``."""
    if not value:
        return ""
    out = []
    for ch in value:
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") or ch == "\t":
            out.append(" ")
            continue
        try:
            ch.encode(ENCODING)
            out.append(ch)
        except UnicodeEncodeError:
            plain = _PLAIN.get(ch) or unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
            out.append(plain or "?")
    text = " ".join("".join(out).split())
    if limit is not None and len(text) > limit:
        text = text[:limit].rstrip()
    return text


def fec_date(d: date | None) -> str:
    return "" if d is None else f"{d.year:04d}{d.month:02d}{d.day:02d}"


def parse_fec_date(text: str) -> date:
    if not re.fullmatch(r"[0-9]{8}", text or ""):
        raise FecFormatError(f"{text!r} is not a date written AAAAMMJJ")
    return date(int(text[:4]), int(text[4:6]), int(text[6:]))


def fec_amount(value: Decimal, places: int = 2) -> str:
    """``1234.5`` -> ``1234,50``: no sign, no thousands separator, a comma before the decimals."""
    q = Decimal(1).scaleb(-places)
    v = abs(Decimal(value))
    if v != v.quantize(q):
        raise FecFormatError(f"{value} has more than {places} decimals")
    text = f"{v.quantize(q):f}"
    return text.replace(".", ",") if places else text


def parse_fec_amount(text: str) -> Decimal:
    if not re.fullmatch(r"[0-9]+(,[0-9]+)?", text or ""):
        raise FecFormatError(f"{text!r} is not an amount written like 1234,56")
    return Decimal(text.replace(",", "."))


# ------------------------------------------------------------------------------------ SIREN ---
def check_siren(value: object) -> str:
    """The SIREN (9 digits, spaces allowed between groups) or :class:`FecFormatError` saying what is
    wrong. The last digit is a Luhn check digit (La Poste's 356000000 is the documented exception)."""
    text = str(value if value is not None else "").replace(" ", "").replace("\u00a0", "")
    if not re.fullmatch(r"[0-9]{9}", text):
        raise FecFormatError(
            f"the SIREN {str(value)!r} is not 9 digits: it is the company's 9-digit number on its Kbis extract "
            "and INSEE notice (the first 9 digits of its SIRET)")
    if text != "356000000" and not _luhn_ok(text):
        raise FecFormatError(f"the SIREN {text} has a wrong check digit: check it on the Kbis extract")
    return text


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def check_account(code: str) -> str | None:
    """Why ``code`` cannot be an FEC ``CompteNum`` (None: it can)."""
    if not code or not PCG_ACCOUNT.match(code):
        return (f"account {code!r} does not start with a class of the plan comptable général (1 to 7, or 8): "
                "use the account number of the French chart, such as 606400 or 512000")
    return None


def pcg_type(number: str, default: str = "expense") -> str:
    """The kind of account (``LedgerAccount.type``) a number of the plan comptable général is: 512 and 53
    bank and cash, 445 VAT, 401 suppliers, other 4 third parties (liabilities), 6 expenses, 7 income,
    1 equity, 2 to 5 assets; ``default`` for anything else."""
    if not PCG_ACCOUNT.match(number or ""):
        return default
    if number.startswith(("512", "53")):
        return "bank"
    if number.startswith("445"):
        return "tax"
    if number.startswith("401"):
        return "payable"
    if number.startswith("4"):
        return "liability"
    return {"1": "equity", "6": "expense", "7": "income"}.get(number[0], "asset")


def check_journal_code(code: str) -> str | None:
    if not JOURNAL_CODE.match(code or ""):
        return f"journal code {code!r}: use 1 to 8 capital letters or digits, such as PLEO"
    return None


# ------------------------------------------------------------------------------ fiscal years ---
def fiscal_year_close(day: date, end_month: int = 12, end_day: int = 31) -> date:
    """The close of the fiscal year that ``day`` falls in, for a year ending on ``end_day``/``end_month``
    (the last day of that month when ``end_day`` is past it, e.g. 31 for February)."""
    def close_in(year: int) -> date:
        last = calendar.monthrange(year, end_month)[1]
        return date(year, end_month, min(end_day, last))

    this = close_in(day.year)
    return this if day <= this else close_in(day.year + 1)


def fec_file_name(siren: str, close: date) -> str:
    return f"{siren}FEC{fec_date(close)}.txt"


# -------------------------------------------------------------------------------- FEC lines ---
@dataclass(frozen=True)
class FecLine:
    """One line of an FEC, values as they are written (already cleaned and formatted)."""

    journal_code: str
    journal_lib: str
    ecriture_num: str
    ecriture_date: str
    compte_num: str
    compte_lib: str
    comp_aux_num: str
    comp_aux_lib: str
    piece_ref: str
    piece_date: str
    ecriture_lib: str
    debit: str
    credit: str
    ecriture_let: str
    date_let: str
    valid_date: str
    montant_devise: str
    idevise: str

    def cells(self) -> tuple[str, ...]:
        return (self.journal_code, self.journal_lib, self.ecriture_num, self.ecriture_date, self.compte_num,
                self.compte_lib, self.comp_aux_num, self.comp_aux_lib, self.piece_ref, self.piece_date,
                self.ecriture_lib, self.debit, self.credit, self.ecriture_let, self.date_let, self.valid_date,
                self.montant_devise, self.idevise)

    @classmethod
    def from_cells(cls, cells: Sequence[str]) -> "FecLine":
        if len(cells) != len(FEC_FIELDS):
            raise FecFormatError(f"a line has {len(cells)} fields, not {len(FEC_FIELDS)}")
        return cls(*cells)


def render_fec(lines: Sequence[FecLine]) -> bytes:
    """The whole file: header and lines, tab separated, CR LF, ISO 8859-15."""
    out = [SEPARATOR.join(FEC_FIELDS)]
    for ln in lines:
        cells = ln.cells()
        for c in cells:
            if SEPARATOR in c or "\n" in c or "\r" in c:
                raise FecFormatError(f"a value holds a tab or a line break: {c!r}")
        out.append(SEPARATOR.join(cells))
    return (NEWLINE.join(out) + NEWLINE).encode(ENCODING)


# ------------------------------------------------------------------- other documented layouts ---
#: Sage 100's documented text import of entries (developer.sage.com, "Exemples mappage import texte"):
#: tab separated, dates JJMMAA, amounts with a comma; lines with the same journal, date and number
#: form one piece. Whether the on-premise client's import screen reads this layout is not confirmed.
SAGE_FIELDS = ("Jou", "Date", "N°", "Général", "Tiers", "Libellé", "Règlement", "Echéance", "Débit", "Crédit")
SAGE_ENCODING = "cp1252"


def render_sage(lines: Sequence[FecLine]) -> bytes:
    out = [SEPARATOR.join(SAGE_FIELDS)]
    for ln in lines:
        d = parse_fec_date(ln.ecriture_date)
        debit, credit = parse_fec_amount(ln.debit), parse_fec_amount(ln.credit)
        out.append(SEPARATOR.join((
            ln.journal_code, f"{d.day:02d}{d.month:02d}{d.year % 100:02d}", ln.ecriture_num, ln.compte_num,
            ln.comp_aux_num, clean_text(ln.ecriture_lib, 35), "", "",
            fec_amount(debit) if debit else "", fec_amount(credit) if credit else "")))
    return (NEWLINE.join(out) + NEWLINE).encode(SAGE_ENCODING, errors="replace")


#: MyUnisoft's flat CSV as Lucca documents it (support.lucca.fr, "MyUnisoft"): separate debit and
#: credit columns, dates yyyyMMdd, two decimals with a comma, a zero written as an empty field. The
#: column list itself is only in screenshots: the header names the columns for the import's mapping.
MYUNISOFT_FIELDS = ("Journal", "Date", "Piece", "Compte", "Libelle", "Debit", "Credit")


def render_myunisoft(lines: Sequence[FecLine]) -> bytes:
    out = [";".join(MYUNISOFT_FIELDS)]
    for ln in lines:
        debit, credit = parse_fec_amount(ln.debit), parse_fec_amount(ln.credit)
        label = clean_text(ln.ecriture_lib).replace(";", ",")
        out.append(";".join((ln.journal_code, ln.ecriture_date, ln.piece_ref.replace(";", ","), ln.compte_num,
                             label, fec_amount(debit) if debit else "", fec_amount(credit) if credit else "")))
    return (NEWLINE.join(out) + NEWLINE).encode("utf-8")
