"""An Odoo 16 / 17 Community emulator: the external JSON-RPC API (``POST /jsonrpc``) as pleodesk uses it.

Mount it in the sandbox at ``/odoo`` (``sandbox.mount("/odoo", OdooEmulatorApp(state))``); the Odoo
address is then ``{sandbox.url}/odoo``. It is a plain WSGI application and keeps its state in an
:class:`OdooState` that tests inspect and steer directly.

What it holds: a fresh Dutch company as Odoo installs it with the ``l10n_nl`` chart, from Odoo's own
data (``data/odoo_l10n_nl.json``, made by ``scripts/odoo_chart_data.py``): 346 accounts of six digits
plus what installing the chart adds (the Bank and Cash journals' accounts 103001 / 101001, the bank
suspense and outstanding accounts, 106001 Liquidity Transfer, 999999...: 355 in all), the journals
INV, BILL, MISC, EXCH, CABA, BNK1, CSH1, and every tax with its repartition lines and tax report tags
(17: 18 purchase taxes named ``21%``, ``21% INC``, ``21% EX EU S``..., none of 0 %; 16: 28 with Dutch
names, 6 % ones and two 0 % intra-EU import taxes). Beside it a small Danish company, the plans
Projects and Departments, users missing each group pleodesk needs, the vendor KPN B.V. and two
employees (Bram Jansen has no work e-mail). Like a fresh database: 16 has only EUR active, 17 EUR
and USD.

What it answers, like a real server (see the research notes on Odoo 16 and 17 and Odoo's source):

* ``common.version`` (``16.0-20231208`` / ``17.0``) / ``common.authenticate`` (a wrong key gives
  ``false``, not an error) / ``common.login``; ``db.list``; ``object.execute_kw`` for ``search``,
  ``search_read``, ``search_count``, ``read`` (explicit ``fields``: reading ``account.move`` or
  ``account.move.line`` without them fails like the real server's frozendict error), ``fields_get``,
  ``create`` (one dict -> an id, a list -> a list of ids), ``write``, ``unlink``, ``action_post``,
  ``message_post`` and ``account.move.line.reconcile``. A domain naming a field the model lacks fails
  before anything is searched (``Invalid field account.bank.statement.line.unique_import_id in leaf``).
* ``account.bank.statement.line`` has Community's fields only (no ``unique_import_id``); through
  ``_inherits`` it also has its journal entry's (``ref``, ``narration``...); creating one posts that
  entry: the journal's account against its suspense account.
* ``hr.employee``: 17 makes a work contact for every employee, 16 only for one with a work e-mail or
  mobile (``_inverse_work_contact_details``), or a user.
* Reconciling sets a bill's ``payment_state`` as ``_compute_payment_state`` does: ``paid`` when its
  payable lines are matched with journal entries, ``reversed`` for a credit note matched with entries.
  A bill's payable line must stay on a payable account (``_check_payable_receivable``).
* Odoo's error envelope ``{"code": 200, "message": "Odoo Server Error", "data": {"name": ...}}`` for
  ``odoo.exceptions.AccessDenied`` (wrong or revoked key), ``AccessError`` (missing group, company not
  allowed), ``UserError`` (unbalanced move, deprecated account, bill without date, vendor or a positive
  total, lock date), ``ValidationError`` (journal type, currency signs), ``MissingError`` (unknown
  analytic account), ``UserError`` "Object hr.employee doesn't exist" (a model of an app not installed)
  and ``builtins.ValueError`` (unknown field; a combined analytic key ``"1,4"`` posted on 16).
* Vendor bills get tax lines and a payable line computed like Odoo: percent taxes, price-include
  aware, each line's tax rounded to the currency unless the company rounds globally; the tax report
  tags of the repartition lines go on the product and tax lines (``tax_tag_ids``).
* Version switch ``version=16|17`` (and ``15`` for refusal tests): version strings,
  ``res.company.chart_template`` (17) vs ``chart_template_id`` (16), repartition-line fields, the chart's
  names and taxes, combined analytic keys (17 only).

Test knobs on :class:`OdooState`: ``set_lock_date``, ``lock_mode`` ("shift": Odoo moves the date past
the lock date on posting, as 16 and 17 do; "refuse": posting fails), ``deprecate``,
``fail_create_at`` (the Nth ``account.move`` create call fails), ``revoke_key``, ``hr_installed``,
``rounding``, ``add_employee``, ``add_pleo_wallet_journal``. In-process views for assertions:
``moves()``, ``lines()``, ``attachments()``, ``partners()``, ``statement_lines()``.
"""

from __future__ import annotations

import base64
import copy
import json
import math
import re
import threading
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable, Iterable

from pleodesk.core import clock

# ============================================================================ errors ==========


class OdooFault(Exception):
    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name
        self.message = message


def user_error(msg: str) -> OdooFault:
    return OdooFault("odoo.exceptions.UserError", msg)


def validation_error(msg: str) -> OdooFault:
    return OdooFault("odoo.exceptions.ValidationError", msg)


def access_error(msg: str) -> OdooFault:
    return OdooFault("odoo.exceptions.AccessError", msg)


def access_denied() -> OdooFault:
    return OdooFault("odoo.exceptions.AccessDenied", "Access Denied")


def missing_error(msg: str) -> OdooFault:
    return OdooFault("odoo.exceptions.MissingError", msg)


def value_error(msg: str) -> OdooFault:
    return OdooFault("builtins.ValueError", msg)


# ============================================================================ numbers =========


def float_round(value: float, digits: int) -> float:
    factor = 10.0 ** -digits
    if value == 0:
        return 0.0
    normalized = value / factor
    epsilon = 2 ** (math.log(abs(normalized), 2) - 52)
    normalized += math.copysign(epsilon, normalized)
    return round(normalized) * factor


def r2(value: float, digits: int = 2) -> float:
    return round(float_round(value, digits), digits)


# ============================================================================ fields ==========
# type, relation (for m2o / x2m), versions the field exists in (None: all)
F = tuple


def _f(type_: str, relation: str | None = None, versions: tuple[int, ...] | None = None) -> F:
    return (type_, relation, versions)


#: The fields of ``account.bank.statement.line`` itself in Community 16 / 17 (account_bank_statement_line.py);
#: the rest (``ref``, ``narration``, ``date``, ``journal_id``, ``company_id``, ``name``, ``state``...) come
#: from its ``account.move`` through ``_inherits = {"account.move": "move_id"}``. There is no
#: ``unique_import_id``: that field comes from the statement-import module (Enterprise / OCA).
STATEMENT_LINE_FIELDS: dict[str, F] = {
    "move_id": _f("m2o", "account.move"), "statement_id": _f("m2o", "account.bank.statement"),
    "payment_ids": _f("m2m", "account.payment"), "sequence": _f("int"), "partner_id": _f("m2o", "res.partner"),
    "account_number": _f("char"), "partner_name": _f("char"), "transaction_type": _f("char"),
    "payment_ref": _f("char"), "currency_id": _f("m2o", "res.currency"), "amount": _f("float"),
    "running_balance": _f("float"), "foreign_currency_id": _f("m2o", "res.currency"),
    "amount_currency": _f("float"), "amount_residual": _f("float"), "country_code": _f("char"),
    "internal_index": _f("char"), "is_reconciled": _f("bool"), "statement_complete": _f("bool"),
    "statement_valid": _f("bool"),
    "statement_balance_end_real": _f("float", None, (17,)), "statement_name": _f("char", None, (17,)),
    "transaction_details": _f("json", None, (17,)),
}

MODELS: dict[str, dict[str, F]] = {
    "res.company": {
        "name": _f("char"), "currency_id": _f("m2o", "res.currency"), "partner_id": _f("m2o", "res.partner"),
        "chart_template": _f("char", None, (17,)),
        "chart_template_id": _f("m2o", "account.chart.template", (15, 16)),
        "fiscalyear_lock_date": _f("date"), "period_lock_date": _f("date"), "tax_lock_date": _f("date"),
        "tax_calculation_rounding_method": _f("selection"), "country_code": _f("char"),
        "account_purchase_tax_id": _f("m2o", "account.tax"), "account_sale_tax_id": _f("m2o", "account.tax"),
        "account_journal_suspense_account_id": _f("m2o", "account.account"),
        "transfer_account_id": _f("m2o", "account.account"),
        "bank_account_code_prefix": _f("char"), "cash_account_code_prefix": _f("char"),
    },
    "account.chart.template": {"name": _f("char")},
    "res.currency": {"name": _f("char"), "symbol": _f("char"), "active": _f("bool"),
                     "decimal_places": _f("int"), "rounding": _f("float")},
    "res.users": {"name": _f("char"), "login": _f("char"), "company_id": _f("m2o", "res.company"),
                  "company_ids": _f("m2m", "res.company"), "groups_id": _f("m2m", "res.groups"),
                  "partner_id": _f("m2o", "res.partner"), "active": _f("bool"), "share": _f("bool")},
    "res.groups": {"name": _f("char"), "full_name": _f("char")},
    "ir.model.data": {"module": _f("char"), "name": _f("char"), "model": _f("char"), "res_id": _f("int")},
    "ir.module.module": {"name": _f("char"), "state": _f("selection"), "shortdesc": _f("char")},
    "res.partner": {"name": _f("char"), "company_id": _f("m2o", "res.company"), "is_company": _f("bool"),
                    "supplier_rank": _f("int"), "email": _f("char"), "mobile": _f("char"), "active": _f("bool"),
                    "property_account_payable_id": _f("m2o", "account.account"), "vat": _f("char"),
                    "country_code": _f("char"), "parent_id": _f("m2o", "res.partner"), "ref": _f("char")},
    "hr.employee": {"name": _f("char"), "company_id": _f("m2o", "res.company"), "active": _f("bool"),
                    "work_contact_id": _f("m2o", "res.partner"), "work_email": _f("char"),
                    "mobile_phone": _f("char"), "user_id": _f("m2o", "res.users"),
                    "address_home_id": _f("m2o", "res.partner", (15, 16))},
    "account.account": {"code": _f("char"), "name": _f("char"), "account_type": _f("selection"),
                        "deprecated": _f("bool"), "company_id": _f("m2o", "res.company"),
                        "reconcile": _f("bool"), "currency_id": _f("m2o", "res.currency")},
    "account.account.tag": {"name": _f("char"), "applicability": _f("selection"), "active": _f("bool"),
                            "country_id": _f("m2o", "res.country")},
    "account.journal": {"name": _f("char"), "code": _f("char"), "type": _f("selection"),
                        "company_id": _f("m2o", "res.company"), "default_account_id": _f("m2o", "account.account"),
                        "suspense_account_id": _f("m2o", "account.account"),
                        "active": _f("bool"), "currency_id": _f("m2o", "res.currency")},
    "account.tax": {"name": _f("char"), "amount": _f("float"), "amount_type": _f("selection"),
                    "type_tax_use": _f("selection"), "price_include": _f("bool"), "active": _f("bool"),
                    "company_id": _f("m2o", "res.company"), "description": _f("char"), "sequence": _f("int"),
                    "tax_scope": _f("selection"), "tax_group_id": _f("m2o", "account.tax.group"),
                    "invoice_repartition_line_ids": _f("o2m", "account.tax.repartition.line"),
                    "refund_repartition_line_ids": _f("o2m", "account.tax.repartition.line")},
    "account.tax.group": {"name": _f("char"), "company_id": _f("m2o", "res.company")},
    "account.tax.repartition.line": {
        "factor_percent": _f("float"), "repartition_type": _f("selection"),
        "account_id": _f("m2o", "account.account"), "company_id": _f("m2o", "res.company"),
        "tag_ids": _f("m2m", "account.account.tag"),
        "tax_id": _f("m2o", "account.tax", (17,)), "document_type": _f("selection", None, (17,)),
        "invoice_tax_id": _f("m2o", "account.tax", (15, 16)), "refund_tax_id": _f("m2o", "account.tax", (15, 16)),
    },
    "account.analytic.plan": {"name": _f("char"), "parent_id": _f("m2o", "account.analytic.plan"),
                              "default_applicability": _f("selection"),
                              "company_id": _f("m2o", "res.company", (15, 16))},
    "account.analytic.account": {"name": _f("char"), "code": _f("char"), "active": _f("bool"),
                                 "plan_id": _f("m2o", "account.analytic.plan"),
                                 "company_id": _f("m2o", "res.company")},
    "account.move": {
        "name": _f("char"), "ref": _f("char"), "move_type": _f("selection"), "state": _f("selection"),
        "journal_id": _f("m2o", "account.journal"), "company_id": _f("m2o", "res.company"),
        "date": _f("date"), "invoice_date": _f("date"), "partner_id": _f("m2o", "res.partner"),
        "currency_id": _f("m2o", "res.currency"), "narration": _f("html"),
        "line_ids": _f("o2m", "account.move.line"), "invoice_line_ids": _f("o2m", "account.move.line"),
        "amount_untaxed": _f("float"), "amount_tax": _f("float"), "amount_total": _f("float"),
        "amount_total_signed": _f("float"), "amount_residual": _f("float"),
        "message_main_attachment_id": _f("m2o", "ir.attachment"), "attachment_ids": _f("o2m", "ir.attachment"),
        "statement_line_id": _f("m2o", "account.bank.statement.line"),
        "needed_terms": _f("frozendict"), "display_name": _f("char"), "payment_state": _f("selection"),
    },
    "account.move.line": {
        "move_id": _f("m2o", "account.move"), "account_id": _f("m2o", "account.account"), "name": _f("char"),
        "debit": _f("float"), "credit": _f("float"), "balance": _f("float"), "amount_currency": _f("float"),
        "currency_id": _f("m2o", "res.currency"), "partner_id": _f("m2o", "res.partner"),
        "tax_ids": _f("m2m", "account.tax"), "tax_line_id": _f("m2o", "account.tax"),
        "tax_repartition_line_id": _f("m2o", "account.tax.repartition.line"),
        "tax_tag_ids": _f("m2m", "account.account.tag"),
        "analytic_distribution": _f("json"), "display_type": _f("selection"), "price_unit": _f("float"),
        "quantity": _f("float"), "price_subtotal": _f("float"), "price_total": _f("float"),
        "company_id": _f("m2o", "res.company"), "date": _f("date"), "reconciled": _f("bool"),
        "full_reconcile_id": _f("int"), "parent_state": _f("selection"), "compute_all_tax": _f("frozendict"),
        "date_maturity": _f("date"), "amount_residual": _f("float"), "move_type": _f("selection"),
    },
    "ir.attachment": {"name": _f("char"), "res_model": _f("char"), "res_id": _f("int"), "type": _f("selection"),
                      "mimetype": _f("char"), "datas": _f("binary"), "file_size": _f("int"),
                      "company_id": _f("m2o", "res.company")},
    "mail.message": {"model": _f("char"), "res_id": _f("int"), "body": _f("html"),
                     "attachment_ids": _f("m2m", "ir.attachment")},
    "account.bank.statement.line": STATEMENT_LINE_FIELDS,
}

ACCOUNT_TYPES = {
    "asset_receivable", "asset_cash", "asset_current", "asset_non_current", "asset_prepayments", "asset_fixed",
    "liability_payable", "liability_credit_card", "liability_current", "liability_non_current", "equity",
    "equity_unaffected", "income", "income_other", "expense", "expense_depreciation", "expense_direct_cost",
    "off_balance",
}
#: Models of modules that may be missing (``hr_installed``): Odoo answers "Object hr.employee doesn't exist".
MODULE_OF = {"hr.employee": "hr", **{m: "account" for m in MODELS if m.startswith("account.")}}
JOURNAL_TYPES = {"sale", "purchase", "cash", "bank", "general"}
MOVE_TYPES = {"entry", "out_invoice", "out_refund", "in_invoice", "in_refund", "out_receipt", "in_receipt"}
#: Creates that make records of other models too (moves and their lines, a journal's account, an
#: employee's work contact): rolled back by restoring a copy of the database, not record by record.
WHOLE_TRANSACTION = {"account.move", "account.bank.statement.line", "account.journal", "hr.employee", "account.tax"}
ACCOUNTING_MODELS = {"account.account", "account.journal", "account.move", "account.move.line",
                     "account.tax", "account.bank.statement.line", "account.analytic.account",
                     "account.analytic.plan"}
DESCRIPTIONS = {"account.move": "Journal Entry", "account.account": "Account", "account.journal": "Journal",
                "account.bank.statement.line": "Bank Statement Line", "account.move.line": "Journal Item",
                "account.tax": "Tax", "account.analytic.account": "Analytic Account",
                "account.analytic.plan": "Analytic Plans"}
#: Odoo's Dutch chart (l10n_nl) per version, derived from Odoo's own data by scripts/odoo_chart_data.py.
L10N_NL: dict[str, dict] = json.loads((Path(__file__).resolve().parent / "data" / "odoo_l10n_nl.json")
                                      .read_text(encoding="utf-8"))

#: How the sandbox's demo company (Pleo) books into this Odoo, as its bookkeeper mapped it: Pleo's
#: categories to accounts of the Dutch chart, Pleo's tax codes to Odoo's taxes by their names. The chart
#: has no 0 % purchase tax: setups create it (``create_taxes = ["0% excl"]``), named ``0%``.
DEMO_CATEGORY_ACCOUNTS = {
    "1000": "101001",   # cash withdrawals: the Cash journal's account
    "1150": "106001",   # wallet top-ups and unloads: Liquidity Transfer
    "4000": "451000", "4010": "404200", "4100": "451500", "4200": "436000", "4300": "431000",
    "4400": "452000", "4500": "434000", "4600": "404500", "4700": "401800", "4710": "401900",
    "4800": "463000", "8900": "495000",
}
DEMO_TAXES = {
    16: {"21%": "BTW te vorderen hoog (inkopen incl. BTW)", "9%": "BTW te vorderen laag (inkopen incl. BTW) 9%",
         "0%": "0%", "RC21": "BTW af te dragen verlegd (inkopen)"},
    17: {"21%": "21% INC", "9%": "9% INC", "0%": "0%", "RC21": "21% R"},
}

VERSIONS = {
    15: {"server_version": "15.0-20230901", "server_version_info": [15, 0, 0, "final", 0, ""],
         "server_serie": "15.0", "protocol_version": 1},
    16: {"server_version": "16.0-20231208", "server_version_info": [16, 0, 0, "final", 0, ""],
         "server_serie": "16.0", "protocol_version": 1},
    17: {"server_version": "17.0", "server_version_info": [17, 0, 0, "final", 0, ""],
         "server_serie": "17.0", "protocol_version": 1},
}


# ============================================================================ state ===========
class OdooState:
    """One emulated Odoo server with one database."""

    ADMIN_KEY = "odoo-sandbox-admin-key"
    USER_KEYS = {
        "admin": ADMIN_KEY,                                 # every group, both companies
        "billing@demo.example": "odoo-sandbox-billing-key",      # no Accountant / Adviser
        "nosettings@demo.example": "odoo-sandbox-nosettings-key",  # no Settings
        "other@demo.example": "odoo-sandbox-other-key",          # only the second company
    }

    def __init__(self, version: int = 17, *, database: str = "pleodesk", hr_installed: bool = True,
                 rounding: str = "round_per_line") -> None:
        if version not in VERSIONS:
            raise ValueError("version must be 15, 16 or 17")
        self.lock = threading.RLock()
        self.version = version
        self.database = database
        self.lock_mode = "shift"
        self.fail_create_at: int | None = None
        self.fail_create_message = "Simulated failure of this create call"
        self.move_create_calls = 0
        #: the statement-import module (Enterprise, or OCA's) is installed: statement lines have unique_import_id
        self.statement_import = False
        self.calls: list[tuple[str, str]] = []       # (model, method) of every execute_kw
        self.records: dict[str, dict[int, dict]] = {m: {} for m in MODELS}
        self.lines_by_move: dict[int, list[dict]] = {}   # account.move id -> its lines, oldest first
        self._next: dict[str, int] = {m: 1 for m in MODELS}
        self.keys: dict[str, int] = {}               # api key -> uid
        self.revoked: set[str] = set()
        self._seq: dict[tuple[int, str], int] = {}
        self._reconcile_seq = 0
        self._seed()
        self.hr_installed = hr_installed
        self.rounding = rounding

    # ------------------------------------------------------------------ knobs --------------
    @property
    def hr_installed(self) -> bool:
        return self._module("hr")["state"] == "installed"

    @hr_installed.setter
    def hr_installed(self, value: bool) -> None:
        with self.lock:
            self._module("hr")["state"] = "installed" if value else "uninstalled"

    @property
    def rounding(self) -> str:
        return self.records["res.company"][1]["tax_calculation_rounding_method"]

    @rounding.setter
    def rounding(self, value: str) -> None:
        with self.lock:
            for c in self.records["res.company"].values():
                c["tax_calculation_rounding_method"] = value

    def set_lock_date(self, value: str | date | None, company_id: int = 1, kind: str = "fiscalyear") -> None:
        with self.lock:
            self.records["res.company"][company_id][f"{kind}_lock_date"] = str(value) if value else None

    def deprecate(self, code: str, company_id: int = 1, deprecated: bool = True) -> None:
        with self.lock:
            self.account(code, company_id)["deprecated"] = deprecated

    def revoke_key(self, key: str | None = None) -> None:
        with self.lock:
            self.revoked.add(key or self.ADMIN_KEY)

    # ------------------------------------------------------------------ views --------------
    def account(self, code: str, company_id: int = 1) -> dict:
        for a in self.records["account.account"].values():
            if a["code"] == code and a["company_id"] == company_id:
                return a
        raise KeyError(code)

    def account_code(self, account_id: int | None) -> str | None:
        a = self.records["account.account"].get(account_id) if account_id else None
        return a["code"] if a else None

    def moves(self, company_id: int | None = None) -> list[dict]:
        """Moves with their lines (``lines``; each line's account as ``account_code``), oldest first."""
        with self.lock:
            out = []
            for m in sorted(self.records["account.move"].values(), key=lambda r: r["id"]):
                if company_id is not None and m["company_id"] != company_id:
                    continue
                mv = copy.deepcopy(m)
                mv["lines"] = self.lines(m["id"])
                mv["journal_code"] = self.records["account.journal"][m["journal_id"]]["code"]
                out.append(mv)
            return out

    def lines(self, move_id: int | None = None) -> list[dict]:
        with self.lock:
            out = []
            for ln in sorted(self.records["account.move.line"].values(), key=lambda r: r["id"]):
                if move_id is None or ln["move_id"] == move_id:
                    d = copy.deepcopy(ln)
                    d["account_code"] = self.account_code(ln["account_id"])
                    out.append(d)
            return out

    def attachments(self, move_id: int | None = None) -> list[dict]:
        with self.lock:
            return [copy.deepcopy(a) for a in sorted(self.records["ir.attachment"].values(), key=lambda r: r["id"])
                    if move_id is None or (a["res_model"] == "account.move" and a["res_id"] == move_id)]

    def partners(self) -> list[dict]:
        with self.lock:
            return [copy.deepcopy(p) for p in self.records["res.partner"].values()]

    def statement_lines(self) -> list[dict]:
        """Statement lines with what they have through their journal entry (``journal_id``, ``ref``, ``date``)."""
        with self.lock:
            out = []
            for s in self.records["account.bank.statement.line"].values():
                line = copy.deepcopy(s)
                move = self.records["account.move"][s["move_id"]]
                line.update(journal_id=move["journal_id"], ref=move["ref"], date=move["date"])
                out.append(line)
            return out

    def messages(self, move_id: int | None = None) -> list[dict]:
        with self.lock:
            return [copy.deepcopy(m) for m in self.records["mail.message"].values()
                    if move_id is None or (m["model"] == "account.move" and m["res_id"] == move_id)]

    # ------------------------------------------------------------------ seed ---------------
    def _new(self, model: str, vals: dict) -> dict:
        rid = self._next[model]
        self._next[model] = rid + 1
        rec = {"id": rid}
        rec.update(vals)
        self.records[model][rid] = rec
        return rec

    def _module(self, name: str) -> dict:
        for m in self.records["ir.module.module"].values():
            if m["name"] == name:
                return m
        raise KeyError(name)

    def _xmlid(self, module: str, name: str, model: str, res_id: int) -> None:
        self._new("ir.model.data", {"module": module, "name": name, "model": model, "res_id": res_id})

    def _seed(self) -> None:
        """A fresh Odoo 16 / 17 Community database: the Dutch company with the ``l10n_nl`` chart as Odoo
        installs it (accounts, taxes with their repartition lines and tags, journals, the accounts the
        chart template adds), a small Danish second company, analytic plans, users with and without the
        groups pleodesk needs, a vendor and two employees."""
        v = self.version
        new = self._new
        for name, state in (("base", "installed"), ("account", "installed"), ("analytic", "installed"),
                            ("hr", "installed"), ("mail", "installed")):
            new("ir.module.module", {"name": name, "state": state, "shortdesc": name.title()})
        # A fresh 16 has only the company's currency active; 17 also keeps USD active.
        eur = new("res.currency", {"name": "EUR", "symbol": "€", "active": True, "decimal_places": 2, "rounding": 0.01})
        new("res.currency", {"name": "USD", "symbol": "$", "active": v >= 17, "decimal_places": 2, "rounding": 0.01})
        new("res.currency", {"name": "GBP", "symbol": "£", "active": False, "decimal_places": 2, "rounding": 0.01})
        new("res.currency", {"name": "SEK", "symbol": "kr", "active": False, "decimal_places": 2, "rounding": 0.01})
        dkk = new("res.currency", {"name": "DKK", "symbol": "kr", "active": True, "decimal_places": 2,
                                   "rounding": 0.01})
        tmpl = new("account.chart.template", {"name": "Netherlands - Accounting"})
        companies = []
        for name, cur, country in (("Demo Company B.V.", eur, "NL"), ("Other Company ApS", dkk, "DK")):
            partner = new("res.partner", {"name": name, "company_id": None, "is_company": True, "supplier_rank": 0,
                                          "active": True, "email": None, "vat": None, "country_code": country,
                                          "_payable": {}})
            c = new("res.company", {"name": name, "currency_id": cur["id"], "partner_id": partner["id"],
                                    "fiscalyear_lock_date": None, "period_lock_date": None, "tax_lock_date": None,
                                    "tax_calculation_rounding_method": "round_per_line", "country_code": country})
            if v >= 17:
                c["chart_template"] = "nl" if country == "NL" else "dk"
            else:
                c["chart_template_id"] = tmpl["id"]
            companies.append(c)
        c1, c2 = companies[0]["id"], companies[1]["id"]

        groups = {}
        for module, name, label in (("base", "group_user", "Internal User"), ("base", "group_system", "Settings"),
                                    ("account", "group_account_invoice", "Billing"),
                                    ("account", "group_account_user", "Accountant"),
                                    ("account", "group_account_manager", "Adviser")):
            g = new("res.groups", {"name": label, "full_name": label})
            self._xmlid(module, name, "res.groups", g["id"])
            groups[name] = g["id"]

        self._seed_chart(companies[0], L10N_NL[str(v if v >= 16 else 16)])
        # the second company: a small chart of its own (pleodesk only needs it to refuse crossing companies)
        for code, name, typ in (("1100", "Bank", "asset_cash"), ("1600", "Creditors", "liability_payable"),
                                ("1510", "Input VAT", "asset_current"), ("4000", "Travel", "expense")):
            new("account.account", {"code": code, "name": name, "account_type": typ, "deprecated": False,
                                    "company_id": c2, "currency_id": None, "reconcile": typ == "liability_payable"})
        companies[1]["_default_payable"] = self.account("1600", c2)["id"]
        for code, name, typ, acc in (("BILL", "Vendor Bills", "purchase", None), ("MISC", "Miscellaneous Operations",
                                                                                    "general", None),
                                     ("BNK1", "Bank", "bank", self.account("1100", c2)["id"])):
            new("account.journal", {"name": name, "code": code, "type": typ, "company_id": c2,
                                    "default_account_id": acc, "suspense_account_id": None, "active": True,
                                    "currency_id": None})
        self._seed_tax(c2, "25% purchase", 25, False, "purchase", self.account("1510", c2)["id"], None)

        # analytic plans and accounts
        projects = new("account.analytic.plan", {"name": "Projects", "parent_id": None,
                                                 "default_applicability": "optional", "company_id": None})
        departments = new("account.analytic.plan", {"name": "Departments", "parent_id": None,
                                                    "default_applicability": "optional", "company_id": None})
        for name, plan, active in (("Project Alpha", projects, True), ("Project Beta", projects, True),
                                   ("Old project", projects, False), ("Sales", departments, True),
                                   ("R&D", departments, True), ("Operations", departments, True)):
            new("account.analytic.account", {"name": name, "code": None, "plan_id": plan["id"], "active": active,
                                             "company_id": c1})

        # users
        def user(login: str, name: str, group_names: list[str], company_ids: list[int]) -> dict:
            partner = new("res.partner", {"name": name, "company_id": None, "is_company": False, "supplier_rank": 0,
                                          "active": True, "email": login, "vat": None, "country_code": None,
                                          "_payable": {}})
            gids = [groups[g] for g in group_names]
            return new("res.users", {"name": name, "login": login, "company_id": company_ids[0],
                                     "company_ids": list(company_ids), "groups_id": gids,
                                     "partner_id": partner["id"], "active": True, "share": False})

        new("res.users", {"name": "OdooBot", "login": "__system__", "company_id": c1, "company_ids": [c1],
                          "groups_id": [], "partner_id": None, "active": False, "share": False})
        full = ["group_user", "group_system", "group_account_invoice", "group_account_user", "group_account_manager"]
        admin = user("admin", "Mitchell Admin", full, [c1, c2])
        billing = user("billing@demo.example", "Bea Billing", ["group_user", "group_system", "group_account_invoice"],
                       [c1])
        nosettings = user("nosettings@demo.example", "Noor Accountant",
                          ["group_user", "group_account_invoice", "group_account_user"], [c1])
        other = user("other@demo.example", "Olaf Other", full, [c2])
        for login, u in (("admin", admin), ("billing@demo.example", billing),
                         ("nosettings@demo.example", nosettings), ("other@demo.example", other)):
            self.keys[self.USER_KEYS[login]] = u["id"]
        self.admin_uid = admin["id"]

        # an existing vendor (on the company's default payable account, as every partner is until
        # someone sets another), and employees: Anna has a work e-mail, Bram has none (on 16 he then has
        # no work contact; 17 makes one for every employee)
        new("res.partner", {"name": "KPN B.V.", "company_id": None, "is_company": True, "supplier_rank": 3,
                            "active": True, "email": None, "vat": "NL009292056B01", "country_code": "NL",
                            "_payable": {}})
        self.add_employee("Anna de Vries", work_email="anna.devries@demo.example")
        self.add_employee("Bram Jansen")

    def _seed_chart(self, company: dict, data: dict) -> None:
        """What installing the chart template does for ``company``, from Odoo's own l10n_nl data."""
        new = self._new
        cid = company["id"]
        for a in data["accounts"]:
            new("account.account", {"code": a["code"], "name": a["name"], "account_type": a["account_type"],
                                    "deprecated": False, "company_id": cid, "currency_id": None,
                                    "reconcile": bool(a["reconcile"]) or a["account_type"] in (
                                        "asset_receivable", "liability_payable")})
        company["bank_account_code_prefix"] = data["bank_prefix"]
        company["cash_account_code_prefix"] = data["cash_prefix"]
        company["_default_payable"] = self.account(data["payable"], cid)["id"]
        # taxes, with their repartition lines and the tax report's tags
        tags: dict[str, int] = {}
        xmlids: dict[str, int] = {}
        for t in data["taxes"]:
            tax = new("account.tax", {"name": t["name"], "amount": float(t["amount"]), "amount_type": t["amount_type"],
                                      "type_tax_use": t["type_tax_use"], "price_include": bool(t["price_include"]),
                                      "active": True, "company_id": cid, "description": t["description"] or None,
                                      "sequence": t["sequence"], "tax_scope": t["tax_scope"], "tax_group_id": None,
                                      "invoice_repartition_line_ids": [], "refund_repartition_line_ids": []})
            xmlids[t["xmlid"]] = tax["id"]
            for doc in ("invoice", "refund"):
                for rl in t[doc]:
                    tag_ids = []
                    for name in rl["tags"]:
                        if name not in tags:
                            tags[name] = new("account.account.tag", {"name": name, "applicability": "taxes",
                                                                     "active": True, "country_id": None})["id"]
                        tag_ids.append(tags[name])
                    self._new_repartition(tax, doc, rl["type"], float(rl["factor"]),
                                          self.account(rl["account"], cid)["id"] if rl["account"] else None, tag_ids)
        company["account_purchase_tax_id"] = xmlids.get(data["purchase_tax"])
        company["account_sale_tax_id"] = xmlids.get(data["sale_tax"])
        # journals (account.chart.template._get_account_journal), then the accounts the template adds
        # (_setup_utility_bank_accounts, get_unaffected_earnings_account)
        for code, name, typ, default in (("INV", "Customer Invoices", "sale", data.get("income")),
                                         ("BILL", "Vendor Bills", "purchase", data["expense"]),
                                         ("MISC", "Miscellaneous Operations", "general", None),
                                         ("EXCH", "Exchange Difference", "general", None),
                                         ("CABA", "Cash Basis Taxes", "general", None)):
            new("account.journal", {"name": name, "code": code, "type": typ, "company_id": cid,
                                    "default_account_id": self.account(default, cid)["id"] if default else None,
                                    "suspense_account_id": None, "active": True, "currency_id": None})
        bank = self._liquidity_journal(company, "Bank", "BNK1", "bank")
        cash = self._liquidity_journal(company, "Cash", "CSH1", "cash")
        suspense = self._new_account(cid, self._free_code(cid, data["bank_prefix"]), "Bank Suspense Account",
                                     "asset_current")
        self._new_account(cid, self._free_code(cid, data["bank_prefix"]), "Outstanding Receipts", "asset_current",
                          reconcile=True)
        self._new_account(cid, self._free_code(cid, data["bank_prefix"]), "Outstanding Payments", "asset_current",
                          reconcile=True)
        self._new_account(cid, self._free_code(cid, "999"), "Cash Difference Gain", "income_other")
        self._new_account(cid, self._free_code(cid, "999"), "Cash Difference Loss", "expense")
        transfer = self._new_account(cid, self._free_code(cid, data["transfer_prefix"]), "Liquidity Transfer",
                                     "asset_current", reconcile=True)
        self._new_account(cid, "999999", "Undistributed Profits/Losses", "equity_unaffected")
        company["account_journal_suspense_account_id"] = suspense["id"]
        company["transfer_account_id"] = transfer["id"]
        for j in (bank, cash):
            j["suspense_account_id"] = suspense["id"]

    def _new_account(self, company_id: int, code: str, name: str, typ: str, reconcile: bool = False) -> dict:
        return self._new("account.account", {"code": code, "name": name, "account_type": typ, "deprecated": False,
                                             "company_id": company_id, "currency_id": None,
                                             "reconcile": reconcile or typ in ("asset_receivable",
                                                                               "liability_payable")})

    def _free_code(self, company_id: int, prefix: str, digits: int = 6) -> str:
        """``account.account._search_new_account_code``: the prefix padded to one digit short, then 1, 2..."""
        taken = {a["code"] for a in self.records["account.account"].values() if a["company_id"] == company_id}
        for num in range(1, 10000):
            code = prefix.ljust(digits - 1, "0") + str(num)
            if code not in taken:
                return code
        raise user_error("Cannot generate an unused account code.")

    def _liquidity_journal(self, company: dict, name: str, code: str, typ: str,
                           account_name: str | None = None) -> dict:
        """A bank or cash journal with the account Odoo makes for it (``_fill_missing_values``)."""
        prefix = company.get("bank_account_code_prefix") if typ == "bank" else \
            company.get("cash_account_code_prefix") or company.get("bank_account_code_prefix")
        account = self._new_account(company["id"], self._free_code(company["id"], prefix or ""), account_name or name,
                                    "asset_cash")
        return self._new("account.journal", {"name": name, "code": code, "type": typ, "company_id": company["id"],
                                             "default_account_id": account["id"],
                                             "suspense_account_id": company.get("account_journal_suspense_account_id"),
                                             "active": True, "currency_id": None})

    def add_employee(self, name: str, *, work_email: str | None = None, mobile_phone: str | None = None,
                     company_id: int = 1) -> dict:
        """An employee as the Employees app makes one: on 17 always with a work contact; on 16 only
        when a work e-mail or mobile is given (``_inverse_work_contact_details``)."""
        with self.lock:
            vals = {"name": name, "company_id": company_id, "active": True, "work_contact_id": None,
                    "work_email": work_email, "mobile_phone": mobile_phone, "user_id": None}
            if self.version < 17:
                vals["address_home_id"] = None
            emp = self._new("hr.employee", vals)
            self._work_contact(emp)
            return emp

    def _work_contact(self, emp: dict, force: bool = False) -> None:
        if emp.get("work_contact_id"):
            return
        if self.version < 17 and not force and not (emp.get("work_email") or emp.get("mobile_phone")):
            return
        partner = self._new("res.partner", {"name": emp["name"], "company_id": emp["company_id"], "is_company": False,
                                            "supplier_rank": 0, "active": True, "email": emp.get("work_email"),
                                            "mobile": emp.get("mobile_phone"), "vat": None, "country_code": None,
                                            "parent_id": None, "ref": None, "_payable": {}})
        emp["work_contact_id"] = partner["id"]

    def seed_demo_company(self, employees: Iterable[tuple[str, str | None]]) -> None:
        """The sandbox's Odoo as the demo company's bookkeeper set it up: its employees (those given no
        work e-mail have no work contact on 16) and a bank journal for the Pleo wallet, so the bank feed
        can be tried."""
        for name, email in employees:
            self.add_employee(name, work_email=email)
        self.add_pleo_wallet_journal()

    def add_pleo_wallet_journal(self, company_id: int = 1) -> dict:
        """The bank journal a bookkeeper makes for the Pleo wallet (type Bank; Odoo makes its account)."""
        with self.lock:
            return self._liquidity_journal(self.records["res.company"][company_id], "Pleo Wallet", "PLEO1", "bank",
                                           account_name="Pleo Wallet")

    def _new_repartition(self, tax: dict, doc: str, rtype: str, factor: float, account: int | None,
                         tag_ids: list[int]) -> dict:
        vals = {"factor_percent": factor, "repartition_type": rtype, "account_id": account,
                "company_id": tax["company_id"], "tag_ids": list(tag_ids)}
        if self.version >= 17:
            vals.update(tax_id=tax["id"], document_type=doc)
        else:
            vals.update(invoice_tax_id=tax["id"] if doc == "invoice" else None,
                        refund_tax_id=tax["id"] if doc == "refund" else None)
        rl = self._new("account.tax.repartition.line", vals)
        tax[f"{doc}_repartition_line_ids"].append(rl["id"])
        return rl

    def _seed_tax(self, company: int, name: str, amount: float, incl: bool, use: str, account: int,
                  reverse_account: int | None) -> dict:
        tax = self._new("account.tax", {"name": name, "amount": float(amount), "amount_type": "percent",
                                        "type_tax_use": use, "price_include": incl, "active": True,
                                        "company_id": company, "description": name, "sequence": 1,
                                        "tax_scope": None, "tax_group_id": None,
                                        "invoice_repartition_line_ids": [], "refund_repartition_line_ids": []})
        for doc in ("invoice", "refund"):
            specs = [("base", 100.0, None), ("tax", 100.0, account)]
            if reverse_account:
                specs.append(("tax", -100.0, reverse_account))
            for rtype, factor, acc in specs:
                self._new_repartition(tax, doc, rtype, factor, acc, [])
        return tax

    # ------------------------------------------------------------------ rpc entry ----------
    def dispatch(self, service: str, method: str, args: list) -> Any:
        with self.lock:
            if service == "common":
                if method == "version":
                    return dict(VERSIONS[self.version])
                if method in ("authenticate", "login"):
                    db, login, password = args[0], args[1], args[2]
                    self._check_db(db)
                    return self._auth(login, password) or False
                if method == "about":
                    return "See http://openerp.com"
                raise value_error(f"Method not available {method}")
            if service == "db":
                if method == "list":
                    return [self.database]
                if method == "server_version":
                    return VERSIONS[self.version]["server_version"]
                raise access_denied()
            if service == "object":
                if method == "execute_kw":
                    db, uid, password, model, meth = args[:5]
                    margs = args[5] if len(args) > 5 else []
                    kwargs = args[6] if len(args) > 6 else {}
                elif method == "execute":
                    db, uid, password, model, meth = args[:5]
                    margs, kwargs = list(args[5:]), {}
                else:
                    raise value_error(f"Method not available {method}")
                self._check_db(db)
                if self._key_uid(password) != uid:
                    raise access_denied()
                env = Env(self, uid, (kwargs or {}).pop("context", None) or {})
                self.calls.append((model, meth))
                return env.call(model, meth, list(margs or []), dict(kwargs or {}))
            raise value_error(f"No such service {service}")

    def _check_db(self, db: str) -> None:
        if db != self.database:
            raise OdooFault("psycopg2.OperationalError",
                            f'connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: '
                            f'FATAL:  database "{db}" does not exist\n')

    def _key_uid(self, key: str) -> int | None:
        if key in self.revoked:
            return None
        return self.keys.get(key)

    def _auth(self, login: str, key: str) -> int | None:
        uid = self._key_uid(key)
        if uid is None:
            return None
        u = self.records["res.users"][uid]
        return uid if u["login"] == login and u["active"] else None


# ============================================================================ environment =====
class Env:
    """One execute_kw call: the user, the context and the company it acts for."""

    def __init__(self, state: OdooState, uid: int, context: dict):
        self.s = state
        self.uid = uid
        self.user = state.records["res.users"][uid]
        self.context = context
        allowed = context.get("allowed_company_ids")
        if allowed:
            bad = [c for c in allowed if c not in self.user["company_ids"]]
            if bad:
                raise access_error("Access to unauthorized or invalid companies.")
            self.companies = list(allowed)
        else:
            self.companies = [self.user["company_id"]]
        self.company = self.companies[0]

    # --------------------------------------------------------------- helpers --------------
    def has_group(self, module: str, name: str) -> bool:
        for d in self.s.records["ir.model.data"].values():
            if d["module"] == module and d["name"] == name:
                return d["res_id"] in self.user["groups_id"]
        return False

    @property
    def is_accountant(self) -> bool:
        return self.has_group("account", "group_account_user") or self.has_group("account", "group_account_manager")

    def fields(self, model: str) -> dict[str, F]:
        v = self.s.version
        own = {k: spec for k, spec in MODELS[model].items() if spec[2] is None or v in spec[2]}
        if model == "account.bank.statement.line" and self.s.statement_import:
            own["unique_import_id"] = _f("char")      # the statement-import module (Enterprise / OCA)
        if model == "account.bank.statement.line":
            # _inherits = {"account.move": "move_id"}: the move's fields, unless the line has its own
            inherited = {k: spec for k, spec in self.fields("account.move").items() if k not in own}
            return {**inherited, **own}
        return own

    def inherited(self, model: str, field: str) -> bool:
        """A field a statement line reads and writes on its move (``_inherits``)."""
        return model == "account.bank.statement.line" and field not in MODELS[model] and field != "id" \
            and not (field == "unique_import_id" and self.s.statement_import)

    def check_fields(self, model: str, names: Iterable[str]) -> None:
        known = self.fields(model)
        for n in names:
            if n not in known and n != "id":
                raise value_error(f"Invalid field '{n}' on model '{model}'")

    def check_model(self, model: str) -> None:
        module = MODULE_OF.get(model)
        if model not in MODELS or (module and self.s._module(module)["state"] != "installed"):
            raise user_error(f"Object {model} doesn't exist")     # odoo.service.model.execute_cr

    def check_write_access(self, model: str, op: str) -> None:
        if model in ACCOUNTING_MODELS and not self.is_accountant:
            desc = DESCRIPTIONS.get(model, model)
            raise access_error(
                f"You are not allowed to {op} '{desc}' ({model}) records.\n\n"
                "This operation is allowed for the following groups:\n\t- Accounting/Accountant\n\t"
                "- Accounting/Adviser\n\nContact your administrator to request access if necessary.")

    def visible(self, model: str, rec: dict) -> bool:
        if model == "res.company":
            return rec["id"] in self.user["company_ids"]
        if "company_id" in MODELS[model] and "company_id" in rec:
            return rec["company_id"] in (None, *self.companies)
        return True

    def display_name(self, model: str, rec: dict) -> str:
        if model == "account.account":
            return f"{rec['code']} {rec['name']}"
        if model == "account.move":
            if rec.get("name") and rec["name"] != "/":
                return rec["name"]
            return {"in_invoice": "Draft Bill", "in_refund": "Draft Credit Note"}.get(rec["move_type"], "Draft Entry") \
                + f" ({rec['id']})"
        if model == "account.journal":
            return rec["name"]
        return str(rec.get("name") or rec.get("login") or f"{model},{rec['id']}")

    def m2o(self, model: str, rid: int | None) -> Any:
        if not rid:
            return False
        rec = self.s.records[model].get(rid)
        if rec is None:
            return False
        return [rid, self.display_name(model, rec)]

    def get(self, model: str, rid: int) -> dict:
        rec = self.s.records[model].get(rid)
        if rec is None or not self.visible(model, rec):
            raise missing_error("Record does not exist or has been deleted.\n"
                                f"(Record: {model}({rid},), User: {self.uid})")
        return rec

    # --------------------------------------------------------------- values ----------------
    def value(self, model: str, rec: dict, field: str) -> Any:
        if field == "id":
            return rec["id"]
        if self.inherited(model, field):
            return self.value("account.move", self.s.records["account.move"][rec["move_id"]], field)
        if model == "account.move.line" and field == "move_type":
            return self.s.records["account.move"][rec["move_id"]]["move_type"]
        if model == "account.move.line" and field == "amount_residual":
            acc = self.s.records["account.account"].get(rec["account_id"]) or {}
            return 0.0 if rec.get("reconciled") or not acc.get("reconcile") else float(rec["balance"])
        if field == "display_name":
            return self.display_name(model, rec)
        spec = self.fields(model)[field]
        typ, rel = spec[0], spec[1]
        if model == "account.move":
            if field == "attachment_ids":
                return [a["id"] for a in sorted(self.s.records["ir.attachment"].values(), key=lambda r: r["id"])
                        if a.get("res_model") == "account.move" and a.get("res_id") == rec["id"]]
            if field in ("line_ids", "invoice_line_ids"):
                return [ln["id"] for ln in self.s.lines_by_move.get(rec["id"], [])
                        if field == "line_ids" or ln["display_type"] == "product"]
        if model == "account.move.line" and field == "parent_state":
            return self.s.records["account.move"][rec["move_id"]]["state"]
        if model == "res.partner" and field == "property_account_payable_id":
            acc = rec.get("_payable", {}).get(self.company) or \
                self.s.records["res.company"][self.company].get("_default_payable")
            return self.m2o("account.account", acc)
        raw = rec.get(field)
        if typ == "frozendict":
            raise OdooFault("builtins.TypeError", "keys must be str, int, float, bool or None, not frozendict")
        if typ == "m2o":
            return self.m2o(rel, raw)
        if typ in ("m2m", "o2m"):
            return list(raw or [])
        if typ == "json":
            return copy.deepcopy(raw) if raw else False
        if typ == "float":
            return float(raw or 0.0)
        if typ == "int":
            return int(raw or 0)
        if typ == "bool":
            return bool(raw)
        if typ == "binary":
            return raw or False
        return raw if raw not in (None, "") else False

    def read_rec(self, model: str, rec: dict, fields: list[str]) -> dict:
        out = {"id": rec["id"]}
        for f in fields:
            out[f] = self.value(model, rec, f)
        return out

    # --------------------------------------------------------------- domains ---------------
    def match(self, model: str, rec: dict, domain: list) -> bool:
        stack: list[bool] = []
        items = list(domain or [])
        for item in reversed(items):
            if item == "&":
                a, b = stack.pop(), stack.pop()
                stack.append(a and b)
            elif item == "|":
                a, b = stack.pop(), stack.pop()
                stack.append(a or b)
            elif item == "!":
                stack.append(not stack.pop())
            else:
                stack.append(self.leaf(model, rec, item))
        # implicit '&' between remaining terms
        return all(stack)

    def leaf(self, model: str, rec: dict, leaf: Any) -> bool:
        if not isinstance(leaf, (list, tuple)) or len(leaf) != 3:
            raise value_error(f"Invalid leaf {leaf!r}")
        field, op, value = leaf
        if field in (1, 0) and op == "=":
            return field == value
        path = str(field).split(".")
        if path[0] not in self.fields(model) and path[0] != "id":
            raise value_error(f"Invalid field {model}.{path[0]} in leaf {tuple(leaf)!r}")
        if self.inherited(model, path[0]):
            return self.leaf("account.move", self.s.records["account.move"][rec["move_id"]], leaf)
        if len(path) > 1:
            spec = self.fields(model)[path[0]]
            target = rec.get(path[0])
            if not target:
                return self._compare(None, op, value)
            sub = self.s.records[spec[1]].get(target)
            return sub is not None and self.leaf(spec[1], sub, [".".join(path[1:]), op, value])
        spec = self.fields(model).get(field, ("int", None, None))
        if field == "id":
            actual: Any = rec["id"]
        elif spec[0] == "m2o":
            actual = self.value(model, rec, field)
            actual = actual[0] if actual else None
        elif spec[0] in ("m2m", "o2m"):
            ids = self.value(model, rec, field)
            if op in ("in", "=") and value is not False:
                vals = value if isinstance(value, list) else [value]
                return bool(set(ids) & set(vals))
            if op == "=" and value is False:
                return not ids
            return not bool(set(ids) & set(value if isinstance(value, list) else [value]))
        elif spec[0] in ("frozendict", "binary"):
            actual = rec.get(field)
        else:
            actual = self.value(model, rec, field)
        return self._compare(actual, op, value)

    @staticmethod
    def _compare(actual: Any, op: str, value: Any) -> bool:
        if actual is False:
            actual = None
        if value is False and op in ("=", "!="):
            value = None
        if op == "=":
            return actual == value
        if op == "!=":
            return actual != value
        if op == "in":
            return actual in [None if v is False else v for v in value]
        if op == "not in":
            return actual not in [None if v is False else v for v in value]
        if op in ("ilike", "like", "not ilike", "not like"):
            hit = actual is not None and (str(value).lower() in str(actual).lower() if "ilike" in op
                                          else str(value) in str(actual))
            return not hit if op.startswith("not") else hit
        if op in ("=ilike", "=like"):
            if actual is None:
                return False
            pattern = "".join(".*" if ch == "%" else "." if ch == "_" else re.escape(ch) for ch in str(value))
            flags = re.IGNORECASE if op == "=ilike" else 0
            return re.fullmatch(pattern, str(actual), flags | re.DOTALL) is not None
        if actual is None:
            return False
        if op == "<":
            return actual < value
        if op == ">":
            return actual > value
        if op == "<=":
            return actual <= value
        if op == ">=":
            return actual >= value
        raise value_error(f"Invalid operator {op!r}")

    def search_ids(self, model: str, domain: list, offset: int = 0, limit: int | None = None,
                   order: str | None = None) -> list[int]:
        self.check_model(model)
        for leaf in domain or []:        # Odoo checks the domain before it searches (an empty table too)
            if isinstance(leaf, (list, tuple)) and len(leaf) == 3 and isinstance(leaf[0], str):
                name = leaf[0].split(".")[0]
                if name not in self.fields(model) and name != "id":
                    raise value_error(f"Invalid field {model}.{name} in leaf {tuple(leaf)!r}")
        recs = self.s.records[model].values()
        first = (domain or [None])[0]
        if isinstance(first, (list, tuple)) and len(first) == 3 and first[1] in ("in", "=") \
                and first[0] in ("move_id", "ref") and first[0] in MODELS[model] and first[2] is not False:
            # the first leaf is ANDed with the rest: narrow down on it before matching (a month of moves)
            wanted = set(first[2]) if first[1] == "in" else {first[2]}
            recs = [r for r in recs if r.get(first[0]) in wanted]
        recs = [r for r in recs if self.visible(model, r)]
        active_in_domain = any(isinstance(d, (list, tuple)) and d and str(d[0]) == "active" for d in domain or [])
        if "active" in self.fields(model) and self.context.get("active_test", True) and not active_in_domain:
            recs = [r for r in recs if r.get("active", True)]
        recs = [r for r in recs if self.match(model, r, domain)]
        recs.sort(key=lambda r: r["id"])
        for part in reversed([p.strip() for p in (order or "").split(",") if p.strip()]):
            name, _, direction = part.partition(" ")
            recs.sort(key=lambda r: (r.get(name) is None, r.get(name) if r.get(name) is not None else 0),
                      reverse=direction.strip().lower() == "desc")
        ids = [r["id"] for r in recs]
        ids = ids[offset:]
        return ids[:limit] if limit else ids

    # --------------------------------------------------------------- dispatch --------------
    def call(self, model: str, method: str, args: list, kwargs: dict) -> Any:
        self.check_model(model)
        if method == "search":
            return self.search_ids(model, args[0] if args else kwargs.get("domain", []),
                                   kwargs.get("offset", 0), kwargs.get("limit"), kwargs.get("order"))
        if method == "search_count":
            return len(self.search_ids(model, args[0] if args else kwargs.get("domain", [])))
        if method == "search_read":
            domain = args[0] if args else kwargs.get("domain", [])
            fields = (args[1] if len(args) > 1 else kwargs.get("fields")) or None
            ids = self.search_ids(model, domain, kwargs.get("offset", 0), kwargs.get("limit"), kwargs.get("order"))
            return self.read(model, ids, fields)
        if method == "read":
            ids = args[0] if args else kwargs.get("ids", [])
            fields = (args[1] if len(args) > 1 else kwargs.get("fields")) or None
            return self.read(model, ids if isinstance(ids, list) else [ids], fields)
        if method == "create":
            vals = args[0] if args else kwargs.get("vals_list", kwargs.get("vals"))
            return self.create(model, vals)
        if method == "write":
            return self.write(model, args[0], args[1] if len(args) > 1 else kwargs.get("vals", {}))
        if method == "unlink":
            return self.unlink(model, args[0])
        if method == "action_post" and model == "account.move":
            self.post(args[0])
            return False
        if method == "message_post" and model == "account.move":
            return self.message_post(args[0], **kwargs)
        if method == "reconcile" and model == "account.move.line":
            return self.reconcile(args[0])
        if method == "fields_get":
            return self.fields_get(model, args[0] if args else kwargs.get("allfields"),
                                   args[1] if len(args) > 1 else kwargs.get("attributes"))
        if method.startswith("_"):
            raise access_error(f"Private methods (such as {model}.{method}) cannot be called remotely.")
        raise AttributeError_(model, method)

    # --------------------------------------------------------------- read ------------------
    _TYPES = {"char": "char", "selection": "selection", "date": "date", "float": "float", "int": "integer",
              "bool": "boolean", "m2o": "many2one", "m2m": "many2many", "o2m": "one2many", "json": "json",
              "html": "html", "binary": "binary", "frozendict": "binary"}

    def fields_get(self, model: str, allfields: list[str] | None, attributes: list[str] | None) -> dict:
        """``fields_get``: the model's fields (only those asked for that exist), with their attributes."""
        out = {}
        for name, (typ, rel, _) in self.fields(model).items():
            if allfields and name not in allfields:
                continue
            desc = {"type": self._TYPES.get(typ, typ), "string": name.replace("_", " ").title(),
                    "store": True, "searchable": True, "readonly": False, "required": False}
            if rel:
                desc["relation"] = rel
            out[name] = {k: v for k, v in desc.items() if not attributes or k in attributes}
        return out

    def read(self, model: str, ids: list[int], fields: list[str] | None) -> list[dict]:
        if fields is None:
            if model in ("account.move", "account.move.line"):
                raise OdooFault("builtins.TypeError",
                                "keys must be str, int, float, bool or None, not frozendict")
            fields = [f for f, spec in self.fields(model).items() if spec[0] != "binary"]
        self.check_fields(model, fields)
        out = []
        for rid in ids:
            out.append(self.read_rec(model, self.get(model, rid), fields))
        return out

    # --------------------------------------------------------------- create / write --------
    def create(self, model: str, vals: Any) -> Any:
        single = isinstance(vals, dict)
        vals_list = [vals] if single else list(vals or [])
        self.check_write_access(model, "create")
        if model == "account.move":
            self.s.move_create_calls += 1
            if self.s.fail_create_at is not None and self.s.move_create_calls == self.s.fail_create_at:
                raise user_error(self.s.fail_create_message)
        # one transaction: roll back everything on error. Other models' creates check everything before
        # they add their record, so forgetting the records added is enough (no copy of the whole database
        # per call: a month of receipts made that quadratic).
        if model not in WHOLE_TRANSACTION:
            created: list[int] = []
            next_id = self.s._next[model]
            try:
                for v in vals_list:
                    created.append(self._create_one(model, dict(v)))
            except Exception:
                for rid in created:
                    self.s.records[model].pop(rid, None)
                self.s._next[model] = next_id
                raise
            return created[0] if single else created
        # These creates add records to several models and change existing ones only in a few known
        # places (an attachment's res_id when a move links it, the posting sequence): the snapshot is the
        # tables' id maps (not their rows, which hold the receipts' data) and those few values.
        snapshot = ({m: dict(recs) for m, recs in self.s.records.items()}, dict(self.s._next), dict(self.s._seq),
                    {aid: a.get("res_id") for aid, a in self.s.records["ir.attachment"].items()},
                    {mid: list(lines) for mid, lines in self.s.lines_by_move.items()})
        try:
            ids = [self._create_one(model, dict(v)) for v in vals_list]
        except Exception:
            self.s.records, self.s._next, self.s._seq, res_ids, self.s.lines_by_move = snapshot
            for aid, res_id in res_ids.items():
                self.s.records["ir.attachment"][aid]["res_id"] = res_id
            raise
        return ids[0] if single else ids

    def _create_one(self, model: str, vals: dict) -> int:
        if model == "account.move":
            return self._create_move(vals)
        if model == "account.bank.statement.line":
            return self._create_statement_line(vals)
        known = self.fields(model)
        self.check_fields(model, vals)
        rec = {f: None for f in known if f not in ("display_name",)}
        for f, spec in known.items():
            if spec[0] in ("m2m", "o2m"):
                rec[f] = []
        if "active" in known:
            rec["active"] = True
        if "company_id" in known and model not in ("res.partner", "account.analytic.account"):
            rec["company_id"] = self.company
        if model == "res.partner":
            rec["_payable"] = {}
            payable = vals.pop("property_account_payable_id", None)
            if payable:
                rec["_payable"][self.company] = payable
            rec["supplier_rank"] = 0
        repartition = {k: vals.pop(k) for k in ("invoice_repartition_line_ids", "refund_repartition_line_ids")
                       if model == "account.tax" and k in vals}
        for f, v in vals.items():
            spec = known[f]
            if spec[0] in ("m2m",):
                rec[f] = self._x2m(v, [])
            else:
                rec[f] = v if v is not False else None
        if model == "account.tax":
            self._check_tax_vals(rec)
        if model == "account.account":
            self._check_account_vals(rec)
        elif model == "account.journal":
            self._check_journal_vals(rec)
        elif model == "ir.attachment":
            try:
                raw = base64.b64decode(rec.get("datas") or b"", validate=True)
            except ValueError:
                raise value_error("Incorrect padding") from None
            rec["file_size"] = len(raw)
            rec["type"] = rec.get("type") or "binary"
            if rec.get("res_model") == "account.move" and rec.get("res_id"):
                self.get("account.move", rec["res_id"])
        elif model == "account.analytic.account" and not rec.get("company_id"):
            rec["company_id"] = None
        rid = self.s._next[model]
        self.s._next[model] = rid + 1
        rec["id"] = rid
        self.s.records[model][rid] = rec
        if model == "hr.employee":
            if rec.get("user_id"):
                rec["work_contact_id"] = self.s.records["res.users"][rec["user_id"]]["partner_id"]
            self.s._work_contact(rec)
        elif model == "account.journal" and rec["type"] in ("bank", "cash") and not rec.get("default_account_id"):
            company = self.s.records["res.company"][rec["company_id"]]
            prefix = company.get("bank_account_code_prefix") if rec["type"] == "bank" else \
                company.get("cash_account_code_prefix") or company.get("bank_account_code_prefix")
            account = self.s._new_account(rec["company_id"], self.s._free_code(rec["company_id"], prefix or ""),
                                          rec["name"], "asset_cash")
            rec["default_account_id"] = account["id"]
            rec["suspense_account_id"] = company.get("account_journal_suspense_account_id")
        elif model == "account.tax":
            self._tax_repartition(rec, repartition)
        return rid

    def _check_tax_vals(self, rec: dict) -> None:
        if not rec.get("name"):
            raise validation_error("A tax needs a name.")
        if rec.get("amount_type") is None:
            rec["amount_type"] = "percent"
        if rec["amount_type"] not in ("percent", "fixed", "group", "division"):
            raise value_error(f"Wrong value for account.tax.amount_type: {rec['amount_type']!r}")
        if rec.get("type_tax_use") not in ("sale", "purchase", "none"):
            raise value_error(f"Wrong value for account.tax.type_tax_use: {rec.get('type_tax_use')!r}")
        rec["amount"] = float(rec.get("amount") or 0.0)
        rec["price_include"] = bool(rec.get("price_include"))
        rec["sequence"] = rec.get("sequence") or 1
        for other in self.s.records["account.tax"].values():
            if (other["name"], other["company_id"], other["type_tax_use"], other.get("tax_scope")) == \
                    (rec["name"], rec["company_id"], rec["type_tax_use"], rec.get("tax_scope")):
                raise OdooFault("psycopg2.errors.UniqueViolation",
                                'duplicate key value violates unique constraint "account_tax_name_company_uniq"\n'
                                "Tax names must be unique!")

    def _tax_repartition(self, tax: dict, commands: dict) -> None:
        """A new tax's repartition lines: those given (``(0, 0, vals)``), else Odoo's default (base 100 %,
        tax 100 % without an account) for invoices and refunds."""
        for doc in ("invoice", "refund"):
            cmds = commands.get(f"{doc}_repartition_line_ids")
            specs = [dict(c[2]) for c in cmds if c[0] == 0] if cmds else [{"repartition_type": "base"},
                                                                            {"repartition_type": "tax"}]
            for vals in specs:
                rtype = vals.get("repartition_type") or "tax"
                if vals.get("account_id"):
                    self.get("account.account", vals["account_id"])
                self.s._new_repartition(tax, doc, rtype, float(vals.get("factor_percent", 100.0)),
                                        vals.get("account_id") or None, self._x2m(vals.get("tag_ids") or [], []))
            if not any(self.s.records["account.tax.repartition.line"][i]["repartition_type"] == "base"
                       for i in tax[f"{doc}_repartition_line_ids"]):
                raise validation_error("Invoice and credit note distribution should each contain exactly one line "
                                       "for the base.")

    def _create_statement_line(self, vals: dict) -> int:
        """``account.bank.statement.line.create`` (16 / 17): the line and, through ``_inherits``, its
        journal entry, posted at once: the journal's account against its suspense account."""
        model = "account.bank.statement.line"
        self.check_fields(model, vals)
        journal = self.get("account.journal", vals.get("journal_id") or 0)
        if journal["type"] not in ("bank", "cash"):
            raise validation_error("A statement line must be in a bank or cash journal.")
        if not vals.get("date"):
            raise validation_error("A statement line needs a date.")
        comp = self.s.records["res.company"][journal["company_id"]]
        own = {k: v for k, v in vals.items() if not self.inherited(model, k)}
        inherited = {k: v for k, v in vals.items() if self.inherited(model, k)}
        if own.get("unique_import_id") and any(o.get("unique_import_id") == own["unique_import_id"] for o in
                                               self.s.records[model].values()):
            raise OdooFault("psycopg2.errors.UniqueViolation", 'duplicate key value violates unique constraint '
                                                               '"account_bank_statement_line_unique_import_id"')
        amount = float(own.get("amount") or 0.0)
        currency = own.get("currency_id") or journal.get("currency_id") or comp["currency_id"]
        liquidity = journal.get("default_account_id")
        suspense = journal.get("suspense_account_id") or comp.get("account_journal_suspense_account_id")
        if not liquidity or not suspense:
            raise user_error(f"You can't create a new statement line without a suspense account set on the "
                             f"{journal['name']} journal.")
        partner = own.get("partner_id") or None
        label = own.get("payment_ref") or ""
        mid = self._create_move({"move_type": "entry", "journal_id": journal["id"], "date": vals["date"],
                                 "ref": inherited.get("ref") or False, "narration": inherited.get("narration") or False,
                                 "line_ids": [
                                     [0, 0, {"account_id": liquidity, "name": label, "partner_id": partner,
                                             "debit": max(amount, 0.0), "credit": max(-amount, 0.0)}],
                                     [0, 0, {"account_id": suspense, "name": label, "partner_id": partner,
                                             "debit": max(-amount, 0.0), "credit": max(amount, 0.0)}]]})
        rec = {f: None for f in MODELS[model]}
        for f, spec in MODELS[model].items():
            if spec[0] in ("m2m", "o2m"):
                rec[f] = []
        rec.update({k: (v if v is not False else None) for k, v in own.items()})
        rec.update(move_id=mid, currency_id=currency, amount=amount, amount_residual=-amount, is_reconciled=False,
                   sequence=own.get("sequence") or 1)
        rid = self.s._next[model]
        self.s._next[model] = rid + 1
        rec["id"] = rid
        self.s.records[model][rid] = rec
        move = self.s.records["account.move"][mid]
        move["statement_line_id"] = rid
        self.post([mid])
        return rid

    @staticmethod
    def _x2m(cmds: Any, current: list[int]) -> list[int]:
        ids = list(current)
        if isinstance(cmds, list) and cmds and not isinstance(cmds[0], (list, tuple)):
            return [int(x) for x in cmds]       # a plain list of ids
        for cmd in cmds or []:
            op = cmd[0]
            if op == 6:
                ids = list(cmd[2])
            elif op == 4:
                if cmd[1] not in ids:
                    ids.append(cmd[1])
            elif op in (3, 2):
                ids = [i for i in ids if i != cmd[1]]
            elif op == 5:
                ids = []
            else:
                raise value_error(f"Unsupported command {cmd!r}")
        return ids

    def _check_account_vals(self, rec: dict) -> None:
        if not rec.get("code") or not rec.get("name"):
            raise validation_error("An account needs a code and a name.")
        if not re.fullmatch(r"[A-Za-z0-9.]+", rec["code"]):
            raise validation_error("The account code can only contain alphanumeric characters and dots.")
        if rec.get("account_type") not in ACCOUNT_TYPES:
            raise value_error(f"Wrong value for account.account.account_type: {rec.get('account_type')!r}")
        for other in self.s.records["account.account"].values():
            if other["code"] == rec["code"] and other["company_id"] == rec["company_id"] and other is not rec:
                raise user_error(f"The account code must be unique per company! ({rec['code']})")
        rec["deprecated"] = bool(rec.get("deprecated"))
        rec["reconcile"] = bool(rec.get("reconcile")) or rec["account_type"] in ("asset_receivable",
                                                                                   "liability_payable")

    def _check_journal_vals(self, rec: dict) -> None:
        if rec.get("type") not in JOURNAL_TYPES:
            raise value_error(f"Wrong value for account.journal.type: {rec.get('type')!r}")
        code = rec.get("code") or ""
        if not code or len(code) > 5:
            raise validation_error("Journal codes are 1 to 5 characters long.")
        for other in self.s.records["account.journal"].values():
            if other["code"] == code and other["company_id"] == rec["company_id"] and other is not rec:
                raise user_error("Journal codes must be unique per company.")

    def write(self, model: str, ids: list[int], vals: dict) -> bool:
        self.check_write_access(model, "write")
        self.check_fields(model, vals)
        for rid in ids:
            rec = self.get(model, rid)
            if model == "account.move":
                if rec["state"] == "posted" and set(vals) - {"narration", "ref", "message_main_attachment_id"}:
                    raise user_error("You cannot modify a posted entry of this journal because it is in "
                                     "strict mode.")
            if model == "account.move.line":
                move = self.s.records["account.move"][rec["move_id"]]
                if move["state"] == "posted" and set(vals) - {"name"}:
                    raise user_error("You cannot modify a posted journal item.")
                if "account_id" in vals:
                    acc = self.get("account.account", vals["account_id"])
                    if acc["deprecated"]:
                        raise user_error(f"The account {acc['name']} ({acc['code']}) is deprecated.")
                    # account.move.line._check_payable_receivable (16 / 17)
                    if move["move_type"] in ("in_invoice", "in_refund", "in_receipt") and \
                            (rec["display_type"] == "payment_term") != (acc["account_type"] == "liability_payable"):
                        raise user_error("Any journal item on a payable account must have a due date and vice "
                                         "versa.")
            if model == "res.partner" and "property_account_payable_id" in vals:
                rec.setdefault("_payable", {})[self.company] = vals["property_account_payable_id"]
            for f, v in vals.items():
                if model == "res.partner" and f == "property_account_payable_id":
                    continue
                spec = self.fields(model)[f]
                rec[f] = self._x2m(v, rec.get(f) or []) if spec[0] == "m2m" else (None if v is False else v)
            if model == "hr.employee":
                if vals.get("user_id"):
                    rec["work_contact_id"] = self.s.records["res.users"][vals["user_id"]]["partner_id"]
                if {"work_email", "mobile_phone"} & set(vals):
                    # _inverse_work_contact_details: make the work contact, or keep it up to date
                    if rec.get("work_contact_id"):
                        contact = self.s.records["res.partner"][rec["work_contact_id"]]
                        contact["email"], contact["mobile"] = rec.get("work_email"), rec.get("mobile_phone")
                    else:
                        self.s._work_contact(rec, force=True)
        return True

    def unlink(self, model: str, ids: list[int]) -> bool:
        self.check_write_access(model, "delete")
        for rid in ids:
            rec = self.get(model, rid)
            if model == "account.move" and rec["state"] == "posted":
                raise user_error("You cannot delete an entry which has been posted once.")
        for rid in ids:
            self.s.records[model].pop(rid, None)
            if model == "account.move":
                for ln in self.s.lines_by_move.pop(rid, []):
                    self.s.records["account.move.line"].pop(ln["id"])
            # BaseModel.unlink removes the records' attachments too
            for aid in [a["id"] for a in self.s.records["ir.attachment"].values()
                        if a.get("res_model") == model and a.get("res_id") == rid]:
                self.s.records["ir.attachment"].pop(aid)
        return True

    # --------------------------------------------------------------- moves -----------------
    def _create_move(self, vals: dict) -> int:
        known = self.fields("account.move")
        self.check_fields("account.move", vals)
        move_type = vals.get("move_type") or "entry"
        if move_type not in MOVE_TYPES:
            raise value_error(f"Wrong value for account.move.move_type: {move_type!r}")
        is_bill = move_type in ("in_invoice", "in_refund", "in_receipt")
        if vals.get("journal_id"):
            journal = self.get("account.journal", vals["journal_id"])
        else:
            wanted = "purchase" if is_bill else "general"
            cands = [j for j in self.s.records["account.journal"].values()
                     if j["company_id"] == self.company and j["type"] == wanted and j["active"]]
            if not cands:
                raise user_error(f"No journal could be found in company {self.company} for any of those types: "
                                 f"{wanted}")
            journal = cands[0]
        if journal["company_id"] not in self.companies:
            raise user_error("Incompatible companies on records:\n- the journal belongs to another company.")
        company = journal["company_id"]
        if is_bill and journal["type"] != "purchase":
            raise validation_error("Cannot create a purchase document in a non purchase journal")
        if move_type in ("out_invoice", "out_refund", "out_receipt") and journal["type"] != "sale":
            raise validation_error("Cannot create a sale document in a non sale journal")
        comp = self.s.records["res.company"][company]
        company_currency = comp["currency_id"]
        currency = vals.get("currency_id") or journal.get("currency_id") or company_currency
        invoice_date = vals.get("invoice_date") or None
        move_date = vals.get("date") or invoice_date or clock.local_today().isoformat()
        partner = vals.get("partner_id") or None
        if partner:
            self.get("res.partner", partner)
        move = {f: None for f in known}
        move.update({
            "name": "/", "ref": vals.get("ref") or None, "move_type": move_type, "state": "draft",
            "journal_id": journal["id"], "company_id": company, "date": move_date, "invoice_date": invoice_date,
            "partner_id": partner, "currency_id": currency, "narration": vals.get("narration") or None,
            "message_main_attachment_id": None, "statement_line_id": None, "payment_state": "not_paid",
        })
        mid = self.s._next["account.move"]
        self.s._next["account.move"] = mid + 1
        move["id"] = mid
        self.s.records["account.move"][mid] = move
        # attachment_ids: One2many('ir.attachment', 'res_id', domain=[('res_model', '=', 'account.move')]);
        # linking one sets its res_id (write_real)
        for cmd in vals.get("attachment_ids") or []:
            if cmd[0] == 4:
                linked = [cmd[1]]
            elif cmd[0] == 6:
                linked = list(cmd[2])
            elif cmd[0] == 0:
                linked = [self._create_one("ir.attachment", {**cmd[2], "res_model": "account.move"})]
            else:
                raise value_error(f"Unsupported command {cmd!r}")
            for aid in linked:
                att = self.get("ir.attachment", aid)
                att["res_id"] = mid
        if vals.get("message_main_attachment_id"):
            move["message_main_attachment_id"] = self.get("ir.attachment", vals["message_main_attachment_id"])["id"]
        if is_bill:
            self._bill_lines(move, vals.get("invoice_line_ids") or vals.get("line_ids") or [], comp)
        else:
            for cmd in vals.get("line_ids") or []:
                if cmd[0] != 0:
                    raise value_error(f"Unsupported command {cmd!r}")
                self._entry_line(move, dict(cmd[2]), comp)
            self._check_balanced(move, comp)
        self._amounts(move)
        return mid

    def _line_common(self, move: dict, lv: dict, comp: dict) -> dict:
        self.check_fields("account.move.line", lv)
        acc_id = lv.get("account_id")
        if not acc_id:
            raise validation_error("Journal items need an account.")
        acc = self.get("account.account", acc_id)
        if acc["company_id"] != move["company_id"]:
            raise user_error("Incompatible companies on records:\n- "
                             f"'{self.display_name('account.move', move)}' belongs to company "
                             f"'{comp['name']}' and 'Account' ({acc['code']} {acc['name']}) belongs to another company.")
        if acc["deprecated"]:
            raise user_error(f"The account {acc['name']} ({acc['code']}) is deprecated.")
        if lv.get("partner_id"):
            self.get("res.partner", lv["partner_id"])
        dist = lv.get("analytic_distribution") or None
        if dist is not None:
            if not isinstance(dist, dict):
                raise value_error("analytic_distribution must be a dictionary")
            dist = {str(k): float(v) for k, v in dist.items()}
        return {"move_id": move["id"], "account_id": acc_id, "name": lv.get("name") or None,
                "partner_id": lv.get("partner_id") or move.get("partner_id"), "analytic_distribution": dist,
                "company_id": move["company_id"], "date": move["date"], "reconciled": False,
                "full_reconcile_id": None, "tax_ids": [], "tax_line_id": None, "tax_repartition_line_id": None,
                "date_maturity": None, "price_unit": 0.0, "quantity": 1.0, "price_subtotal": 0.0,
                "price_total": 0.0}

    def _store_line(self, ln: dict) -> dict:
        rid = self.s._next["account.move.line"]
        self.s._next["account.move.line"] = rid + 1
        ln["id"] = rid
        self.s.records["account.move.line"][rid] = ln
        self.s.lines_by_move.setdefault(ln["move_id"], []).append(ln)
        return ln

    def _entry_line(self, move: dict, lv: dict, comp: dict) -> None:
        ln = self._line_common(move, lv, comp)
        for f in ("tax_ids",):
            if lv.get(f):
                ln[f] = self._x2m(lv[f], [])
        debit, credit = float(lv.get("debit") or 0.0), float(lv.get("credit") or 0.0)
        if "balance" in lv and not (debit or credit):
            bal = float(lv["balance"])
            debit, credit = max(bal, 0.0), max(-bal, 0.0)
        if debit < 0 or credit < 0:
            raise validation_error("Wrong credit or debit value in accounting entry!")
        balance = r2(debit - credit)
        currency = lv.get("currency_id") or comp["currency_id"]
        cur = self.get("res.currency", currency)
        if currency == comp["currency_id"]:
            amount_currency = balance
        else:
            amount_currency = float(lv["amount_currency"]) if "amount_currency" in lv else balance
            if (amount_currency > 0 > balance) or (amount_currency < 0 < balance) or \
                    (amount_currency == 0) != (balance == 0):
                raise validation_error(
                    "The amount expressed in the secondary currency must be positive when account is debited and "
                    "negative when account is credited. If the currency is the same as the one from the company, "
                    "this amount must strictly be equal to the balance.")
        ln.update({"debit": r2(debit), "credit": r2(credit), "balance": balance,
                   "amount_currency": r2(amount_currency, cur["decimal_places"]), "currency_id": currency,
                   "display_type": "product", "price_unit": balance, "price_subtotal": balance,
                   "price_total": balance})
        self._store_line(ln)

    def _check_balanced(self, move: dict, comp: dict) -> None:
        lines = self.s.lines_by_move.get(move["id"], [])
        debit = r2(sum(ln["debit"] for ln in lines))
        credit = r2(sum(ln["credit"] for ln in lines))
        if r2(debit - credit) != 0:
            journal = self.s.records["account.journal"][move["journal_id"]]
            raise user_error(
                "An error has occurred.\n\n"
                f"The move ({self.display_name('account.move', move)}) is not balanced.\n"
                f"The total of debits equals € {debit:,.2f} and the total of credits equals € {credit:,.2f}.\n"
                f"You might want to specify a default account on journal \"{journal['name']}\" to automatically "
                "balance each move.")

    def _tax_factors(self, tax: dict, refund: bool) -> list[dict]:
        return self._repartition(tax, refund, "tax")

    def _repartition(self, tax: dict, refund: bool, rtype: str) -> list[dict]:
        key = "refund_repartition_line_ids" if refund else "invoice_repartition_line_ids"
        return [self.s.records["account.tax.repartition.line"][i] for i in tax[key]
                if self.s.records["account.tax.repartition.line"][i]["repartition_type"] == rtype]

    def _bill_lines(self, move: dict, cmds: list, comp: dict) -> None:
        refund = move["move_type"] == "in_refund"
        sign = -1.0 if refund else 1.0          # balance sign of product lines
        digits = self.s.records["res.currency"][comp["currency_id"]]["decimal_places"]
        per_line = comp["tax_calculation_rounding_method"] != "round_globally"
        prec = digits if per_line else digits + 5
        if move["currency_id"] != comp["currency_id"]:
            raise user_error("This emulator books bills in the company currency only.")
        tax_groups: dict[tuple[int, int | None], dict] = {}
        total = 0.0
        for cmd in cmds:
            if cmd[0] != 0:
                raise value_error(f"Unsupported command {cmd!r}")
            lv = dict(cmd[2])
            if not lv.get("account_id"):
                journal = self.s.records["account.journal"][move["journal_id"]]
                lv["account_id"] = journal.get("default_account_id")
            ln = self._line_common(move, lv, comp)
            qty = float(lv.get("quantity", 1.0))
            price = float(lv.get("price_unit") or 0.0)
            tax_ids = self._x2m(lv.get("tax_ids") or [], [])
            base = float_round(price * qty, digits)
            taxes = [self.get("account.tax", t) for t in tax_ids]
            incl_total = 0.0
            for tax in taxes:
                if tax["company_id"] != move["company_id"]:
                    raise user_error("Incompatible companies on records: the tax belongs to another company.")
                if tax["type_tax_use"] != "purchase":
                    raise user_error(f"The tax {tax['name']} is not a purchase tax.")
                if tax["price_include"]:
                    incl_total += tax["amount"]
            # price-included taxes are taken out of the base first (single-level, like compute_all)
            excluded_base = base / (1 + incl_total / 100) if incl_total else base
            tax_sum = 0.0
            for tax in taxes:
                if tax["price_include"]:
                    raw = base - base / (1 + tax["amount"] / 100) if len(taxes) == 1 else excluded_base * tax["amount"] / 100
                else:
                    raw = excluded_base * tax["amount"] / 100 if incl_total else base * tax["amount"] / 100
                amount = float_round(raw, prec)
                if tax["price_include"]:
                    tax_sum += amount
                for rl in self._tax_factors(tax, refund):
                    part = float_round(amount * rl["factor_percent"] / 100, prec)
                    acc = rl["account_id"] or lv["account_id"]
                    g = tax_groups.setdefault((rl["id"], acc), {"tax": tax, "amount": 0.0, "base": 0.0, "rl": rl})
                    g["amount"] += part
                    g["base"] += 0.0
            subtotal = float_round(base - tax_sum if incl_total else base, digits)
            balance = r2(sign * subtotal)
            base_tags: list[int] = []
            for tax in taxes:
                for rl in self._repartition(tax, refund, "base"):
                    base_tags += [t for t in rl.get("tag_ids") or [] if t not in base_tags]
            ln.update({"debit": max(balance, 0.0), "credit": max(-balance, 0.0), "balance": balance,
                       "amount_currency": balance, "currency_id": comp["currency_id"], "display_type": "product",
                       "price_unit": price, "quantity": qty, "price_subtotal": r2(subtotal),
                       "tax_ids": tax_ids, "tax_tag_ids": base_tags})
            ln["price_total"] = 0.0
            self._store_line(ln)
            total += balance
        for (rl_id, acc), g in tax_groups.items():
            amount = r2(sign * float_round(g["amount"], digits))
            if amount == 0:
                continue
            ln = {"move_id": move["id"], "account_id": acc, "name": g["tax"]["name"], "partner_id": move["partner_id"],
                  "analytic_distribution": None, "company_id": move["company_id"], "date": move["date"],
                  "reconciled": False, "full_reconcile_id": None, "tax_ids": [], "tax_line_id": g["tax"]["id"],
                  "tax_repartition_line_id": rl_id, "tax_tag_ids": list(g["rl"].get("tag_ids") or []),
                  "debit": max(amount, 0.0), "credit": max(-amount, 0.0),
                  "balance": amount, "amount_currency": amount, "currency_id": comp["currency_id"],
                  "display_type": "tax", "price_unit": 0.0, "quantity": 1.0, "price_subtotal": 0.0,
                  "price_total": 0.0, "date_maturity": None}
            self._store_line(ln)
            total += amount
        total = r2(total)
        payable = None
        if move["partner_id"]:
            partner = self.s.records["res.partner"][move["partner_id"]]
            payable = partner.get("_payable", {}).get(move["company_id"])
        payable = payable or comp["_default_payable"]
        ln = {"move_id": move["id"], "account_id": payable, "name": move.get("ref") or "", "partner_id": move["partner_id"],
              "analytic_distribution": None, "company_id": move["company_id"], "date": move["date"],
              "reconciled": False, "full_reconcile_id": None, "tax_ids": [], "tax_line_id": None,
              "tax_repartition_line_id": None, "debit": max(-total, 0.0), "credit": max(total, 0.0),
              "balance": -total, "amount_currency": -total, "currency_id": comp["currency_id"],
              "display_type": "payment_term", "price_unit": 0.0, "quantity": 1.0, "price_subtotal": 0.0,
              "price_total": 0.0, "date_maturity": move["invoice_date"] or move["date"]}
        if total:
            self._store_line(ln)

    def _amounts(self, move: dict) -> None:
        lines = self.s.lines_by_move.get(move["id"], [])
        if move["move_type"] == "entry":
            # Odoo 16 / 17 (_compute_amount): an entry's amount_total adds up the debit lines' amount_currency,
            # each in its own line's currency; only amount_total_signed is in the company currency
            debits = [ln for ln in lines if ln["debit"]]
            total = r2(sum(ln["balance"] for ln in debits))
            move.update(amount_untaxed=0.0, amount_tax=0.0,
                        amount_total=r2(sum(ln["amount_currency"] for ln in debits)), amount_total_signed=abs(total))
            return
        sign = -1.0 if move["move_type"] == "in_refund" else 1.0
        untaxed = r2(sign * sum(ln["balance"] for ln in lines if ln["display_type"] == "product"))
        tax = r2(sign * sum(ln["balance"] for ln in lines if ln["display_type"] == "tax"))
        total = r2(untaxed + tax)
        move.update(amount_untaxed=untaxed, amount_tax=tax, amount_total=total,
                    amount_total_signed=-total if sign > 0 else total, amount_residual=total)

    # --------------------------------------------------------------- posting ---------------
    def post(self, ids: list[int]) -> None:
        self.check_write_access("account.move", "write")
        moves = [self.get("account.move", i) for i in ids]
        changes: list[tuple[dict, str]] = []
        for move in moves:
            if move["state"] != "draft":
                raise user_error(f"The entry {self.display_name('account.move', move)} (id {move['id']}) "
                                 "is already posted.")
            lines = self.s.lines_by_move.get(move["id"], [])
            if not lines:
                raise user_error("You need to add a line before posting.")
            if move["move_type"] in ("in_invoice", "in_refund") and not move["partner_id"]:
                raise user_error("The field 'Vendor' is required, please complete it to validate the Vendor Bill.")
            if move["move_type"] in ("in_invoice", "in_refund") and not move["invoice_date"]:
                raise user_error("The Bill/Refund date is required to validate this document.")
            if move["move_type"] in ("in_invoice", "in_refund") and move["amount_total"] < 0:
                raise user_error("You cannot validate an invoice with a negative total amount. You should create a "
                                 "credit note instead. Use the action menu to transform it into a credit note or "
                                 "refund.")
            for ln in lines:
                acc = self.s.records["account.account"].get(ln["account_id"])
                if acc is None:
                    raise missing_error("Record does not exist or has been deleted.")
                if acc["deprecated"]:
                    raise user_error(f"The account {acc['name']} ({acc['code']}) is deprecated.")
                for key in (ln.get("analytic_distribution") or {}):
                    parts = key.split(",")
                    if len(parts) > 1 and self.s.version < 17:
                        raise value_error(f"invalid literal for int() with base 10: '{key}'")
                    for part in parts:
                        try:
                            aid = int(part)
                        except ValueError:
                            raise value_error(f"invalid literal for int() with base 10: '{part}'") from None
                        if aid not in self.s.records["account.analytic.account"]:
                            raise missing_error("Record does not exist or has been deleted.\n"
                                                f"(Record: account.analytic.account({aid},), User: {self.uid})")
            comp = self.s.records["res.company"][move["company_id"]]
            has_tax = any(ln["tax_ids"] or ln["tax_line_id"] for ln in lines)
            locks = [d for d in (comp.get("fiscalyear_lock_date"),
                                 comp.get("period_lock_date") if not self.has_group("account", "group_account_manager")
                                 else None,
                                 comp.get("tax_lock_date") if has_tax else None) if d]
            new_date = move["date"]
            violated = [d for d in locks if move["date"] <= d]
            if violated:
                lock = max(violated)
                if self.s.lock_mode == "refuse":
                    raise user_error("You cannot add/modify entries prior to and inclusive of the lock date "
                                     f"{date.fromisoformat(lock).strftime('%m/%d/%Y')}.")
                new_date = (date.fromisoformat(lock) + timedelta(days=1)).isoformat()
            changes.append((move, new_date))
        for move, new_date in changes:
            move["date"] = new_date
            journal = self.s.records["account.journal"][move["journal_id"]]
            d = date.fromisoformat(new_date)
            key = (journal["id"], f"{d.year}-{d.month:02d}")
            self.s._seq[key] = self.s._seq.get(key, 0) + 1
            prefix = "RBILL" if move["move_type"] == "in_refund" else journal["code"]
            move["name"] = f"{prefix}/{d.year}/{d.month:02d}/{self.s._seq[key]:04d}"
            move["state"] = "posted"
            for ln in self.s.lines_by_move.get(move["id"], []):
                ln["date"] = new_date

    def message_post(self, ids: Any, body: str = "", attachment_ids: list[int] | None = None, **_: Any) -> int:
        ids = ids if isinstance(ids, list) else [ids]
        if len(ids) != 1:
            raise value_error(f"Expected singleton: account.move({', '.join(map(str, ids))},)")
        move = self.get("account.move", ids[0])
        att_ids = list(attachment_ids or [])
        for aid in att_ids:
            att = self.get("ir.attachment", aid)
            if att.get("res_model") in (None, "mail.compose.message") or not att.get("res_id"):
                att["res_model"], att["res_id"] = "account.move", move["id"]
        if att_ids and not move.get("message_main_attachment_id"):
            move["message_main_attachment_id"] = att_ids[0]
        mid = self.s._next["mail.message"]
        self.s._next["mail.message"] = mid + 1
        self.s.records["mail.message"][mid] = {"id": mid, "model": "account.move", "res_id": move["id"],
                                               "body": body, "attachment_ids": att_ids}
        return mid

    def reconcile(self, ids: list[int]) -> bool:
        self.check_write_access("account.move.line", "write")
        lines = [self.get("account.move.line", i) for i in ids]
        if len({ln["account_id"] for ln in lines}) != 1:
            raise user_error("Entries are not from the same account.")
        acc = self.s.records["account.account"][lines[0]["account_id"]]
        if not acc["reconcile"]:
            raise user_error(f"Account {acc['code']} {acc['name']} does not allow reconciliation. "
                             "First change the configuration of this account to allow it.")
        for ln in lines:
            if self.s.records["account.move"][ln["move_id"]]["state"] != "posted":
                raise user_error("You can only reconcile posted entries.")
            if ln["reconciled"]:
                raise user_error("You are trying to reconcile some entries that are already reconciled.")
        if r2(sum(ln["balance"] for ln in lines)) == 0:
            self.s._reconcile_seq += 1
            for ln in lines:
                ln["reconciled"] = True
                ln["full_reconcile_id"] = self.s._reconcile_seq
                ln["_matched"] = sorted({o["move_id"] for o in lines if o["move_id"] != ln["move_id"]})
            self._payment_states({ln["move_id"] for ln in lines})
        return True

    def _payment_states(self, move_ids: set[int]) -> None:
        """``account.move._compute_payment_state`` (16 / 17) for bills whose payable lines were matched
        with journal entries (no payments, no statement lines): a bill fully matched is ``paid``; a
        credit note matched only with journal entries is ``reversed``."""
        for mid in move_ids:
            move = self.s.records["account.move"][mid]
            if move["move_type"] not in ("in_invoice", "in_refund", "in_receipt"):
                continue
            terms = [ln for ln in self.s.lines_by_move.get(mid, []) if ln["display_type"] == "payment_term"]
            if not terms:
                continue
            if all(ln["reconciled"] for ln in terms):
                move["amount_residual"] = 0.0
                counterpart_types = {self.s.records["account.move"][m]["move_type"]
                                     for ln in terms for m in ln.get("_matched") or ()}
                state = "paid"
                if move["move_type"] in ("in_invoice", "in_receipt") and counterpart_types in (
                        {"in_refund"}, {"in_refund", "entry"}):
                    state = "reversed"
                if move["move_type"] == "in_refund" and counterpart_types == {"entry"}:
                    state = "reversed"
                move["payment_state"] = state
            elif any(ln["reconciled"] for ln in terms):
                move["payment_state"] = "partial"


def AttributeError_(model: str, method: str) -> OdooFault:
    return OdooFault("builtins.AttributeError", f"The method '{method}' does not exist on the model '{model}'")


# ============================================================================ WSGI ============
class OdooEmulatorApp:
    """WSGI: ``POST /jsonrpc``; ``POST /web/session/authenticate`` refuses API keys like Odoo."""

    def __init__(self, state: OdooState | None = None):
        self.state = state or OdooState()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO") or "/"
        method = environ.get("REQUEST_METHOD", "GET")
        if path == "/web/webclient/version_info" and method == "POST":
            return self._json(start_response, {"jsonrpc": "2.0", "id": None,
                                               "result": VERSIONS[self.state.version]})
        if path not in ("/jsonrpc", "/web/session/authenticate"):
            return self._plain(start_response, "404 NOT FOUND", b"Not Found")
        if method != "POST":
            return self._plain(start_response, "405 METHOD NOT ALLOWED", b"Method Not Allowed")
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        raw = environ["wsgi.input"].read(length) if length else b""
        try:
            req = json.loads(raw or b"null")
            if not isinstance(req, dict):
                raise ValueError
        except ValueError:
            return self._json(start_response, {"jsonrpc": "2.0", "id": None, "error": {
                "code": 400, "message": "Odoo Session Invalid", "data": {
                    "name": "werkzeug.exceptions.BadRequest", "message": "Invalid JSON data", "arguments": [],
                    "debug": "", "context": {}}}})
        rid = req.get("id")
        params = req.get("params") or {}
        try:
            if path == "/web/session/authenticate":
                raise access_denied()
            result = self.state.dispatch(params.get("service", ""), params.get("method", ""),
                                         list(params.get("args") or []))
            body = {"jsonrpc": "2.0", "id": rid, "result": result}
        except OdooFault as fault:
            body = {"jsonrpc": "2.0", "id": rid, "error": {
                "code": 200, "message": "Odoo Server Error",
                "data": {"name": fault.name, "debug": f"Traceback (most recent call last):\n{fault.name}: "
                                                      f"{fault.message}\n",
                         "message": fault.message, "arguments": [fault.message], "context": {}}}}
        except (KeyError, IndexError, TypeError) as exc:
            body = {"jsonrpc": "2.0", "id": rid, "error": {
                "code": 200, "message": "Odoo Server Error",
                "data": {"name": f"builtins.{type(exc).__name__}", "debug": repr(exc), "message": str(exc),
                         "arguments": [str(exc)], "context": {}}}}
        return self._json(start_response, body)

    @staticmethod
    def _json(start_response: Callable, body: dict) -> list[bytes]:
        data = json.dumps(body).encode()
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
        return [data]

    @staticmethod
    def _plain(start_response: Callable, status: str, data: bytes) -> list[bytes]:
        start_response(status, [("Content-Type", "text/plain"), ("Content-Length", str(len(data)))])
        return [data]


def mount_odoo(sandbox: Any, version: int = 17, prefix: str = "/odoo", **kwargs: Any) -> OdooState:
    """Mount a fresh emulator in a running sandbox; returns its state (the Odoo URL is sandbox.url + prefix)."""
    state = OdooState(version, **kwargs)
    if prefix in sandbox.mounts:        # replace the sandbox's own emulator
        sandbox.unmount(prefix)
    sandbox.mount(prefix, OdooEmulatorApp(state))
    return state


__all__ = ["DEMO_CATEGORY_ACCOUNTS", "DEMO_TAXES", "OdooEmulatorApp", "OdooFault", "OdooState", "mount_odoo"]
