"""Derive the Odoo emulator's Dutch chart (``pleodesk/sandbox/data/odoo_l10n_nl.json``) from Odoo's own
``l10n_nl`` data, so the emulator's accounts and purchase taxes are those of a fresh Odoo 16 / 17
Community company with the Dutch chart, not typed by hand.

Odoo's source is not part of pleodesk; point the script at an Odoo 16.0 and a 17.0 source tree,
either a directory (a checkout) or a git directory with a revision (``GITDIR@REV``, read with
``git show``)::

    python scripts/odoo_chart_data.py --v16 ~/src/odoo-16.0 --v17 /path/odoo.git@17.0 \
        -o pleodesk/sandbox/data/odoo_l10n_nl.json

Read per version:

* 17.0: ``addons/l10n_nl/data/template/account.account-nl.csv`` and ``account.tax-nl.csv`` (code
  templates), ``addons/l10n_nl/models/template_nl.py`` (default payable/receivable accounts, code
  prefixes, default purchase tax);
* 16.0: ``addons/l10n_nl/data/account.account.template.csv``, ``account_tax_template.xml`` (repartition
  lines as ``eval`` expressions, tags through ``account_tax_report_data.xml``),
  ``account_chart_template.xml`` and ``account_chart_template_post_data.xml``.

What is kept: each account's code (padded to the chart's 6 digits, as Odoo does), name (the
untranslated one Odoo stores), type and reconcile flag; each tax's name, description, amount, amount
type, use, price_include, tax_scope, sequence and its invoice / refund repartition lines (type,
factor, account code, tag names). The output is written sorted, so running it again on the same
sources gives the same file.
"""

from __future__ import annotations

import argparse
import ast
import csv
import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


class Source:
    """Files of one Odoo tree: a directory, or ``GITDIR@REV``."""

    def __init__(self, spec: str) -> None:
        if "@" in spec and not Path(spec).exists():
            self.gitdir, self.rev = spec.rsplit("@", 1)
        elif (Path(spec) / "HEAD").exists() and (Path(spec) / "objects").exists():
            self.gitdir, self.rev = spec, "HEAD"
        else:
            self.gitdir, self.rev = None, None
            self.root = Path(spec)

    def read(self, path: str) -> str:
        if self.gitdir:
            out = subprocess.run(["git", "--git-dir", self.gitdir, "show", f"{self.rev}:{path}"],
                                 capture_output=True, check=True)
            return out.stdout.decode("utf-8")
        return (self.root / path).read_text(encoding="utf-8")


NL = "addons/l10n_nl/"


def pad(code: str, digits: int) -> str:
    """Odoo pads a template's code with zeros on the right to the chart's number of digits."""
    return code.ljust(digits, "0") if len(code) < digits else code


def _bool(text: str | None) -> bool:
    return str(text or "").strip().lower() in ("true", "1")


# ------------------------------------------------------------------------------------ 17.0 ---------
def read_17(src: Source) -> dict:
    tmpl = src.read(NL + "models/template_nl.py")
    digits = int(re.search(r"'code_digits':\s*'(\d+)'", tmpl).group(1))

    def value(key: str) -> str:
        return re.search(rf"'{key}':\s*'([^']*)'", tmpl).group(1)

    accounts, by_xmlid = [], {}
    for row in csv.DictReader(io.StringIO(src.read(NL + "data/template/account.account-nl.csv"))):
        code = pad(row["code"], digits)
        by_xmlid[row["id"]] = code
        accounts.append({"code": code, "name": row["name"], "account_type": row["account_type"],
                         "reconcile": _bool(row.get("reconcile"))})
    taxes = []
    current = None
    for row in csv.DictReader(io.StringIO(src.read(NL + "data/template/account.tax-nl.csv"))):
        if row["id"]:
            current = {"xmlid": row["id"], "sequence": int(row["sequence"] or 1), "name": row["name"],
                       "description": row.get("description") or "", "amount": float(row["amount"] or 0),
                       "amount_type": row["amount_type"] or "percent", "type_tax_use": row["type_tax_use"],
                       "price_include": _bool(row.get("price_include")), "tax_scope": row.get("tax_scope") or None,
                       "tax_group": row.get("tax_group_id") or None, "invoice": [], "refund": []}
            taxes.append(current)
        rep_type = row.get("repartition_line_ids/repartition_type")
        if not rep_type or current is None:
            continue
        tags = [t.strip() for t in (row.get("repartition_line_ids/tag_ids") or "").split("||") if t.strip()]
        account = row.get("repartition_line_ids/account_id") or ""
        current[row["repartition_line_ids/document_type"]].append({
            "type": rep_type, "factor": float(row.get("repartition_line_ids/factor_percent") or 100),
            "account": by_xmlid.get(account) if account else None, "tags": tags})
    return {"code_digits": digits, "accounts": accounts, "taxes": taxes,
            "payable": by_xmlid[value("property_account_payable_id")],
            "receivable": by_xmlid[value("property_account_receivable_id")],
            "expense": by_xmlid[value("property_account_expense_categ_id")],
            "income": by_xmlid[value("property_account_income_categ_id")],
            "bank_prefix": value("bank_account_code_prefix"), "cash_prefix": value("cash_account_code_prefix"),
            "transfer_prefix": value("transfer_account_code_prefix"),
            "purchase_tax": value("account_purchase_tax_id"), "sale_tax": value("account_sale_tax_id")}


# ------------------------------------------------------------------------------------ 16.0 ---------
def _records(xml: str) -> list[ET.Element]:
    # The files' root element is <odoo> (or an older name): whatever it is, take its records.
    root = ET.fromstring(xml.encode("utf-8"))
    return [r for r in root.iter("record")]


def _field(rec: ET.Element, name: str) -> ET.Element | None:
    for f in rec.findall("field"):
        if f.get("name") == name:
            return f
    return None


def _text(rec: ET.Element, name: str) -> str | None:
    f = _field(rec, name)
    if f is None:
        return None
    if f.get("eval") is not None:
        return f.get("eval")
    if f.get("ref") is not None:
        return f.get("ref")
    return (f.text or "").strip()


def _commands(expr: str) -> list[dict]:
    """``[(5,0,0), (0,0,{...ref('x')...}), ...]`` -> the dicts of the (0, 0, vals) commands, refs as names."""
    literal = re.sub(r"ref\('([^']+)'\)", r"'\1'", expr)
    return [cmd[2] for cmd in ast.literal_eval(literal) if cmd[0] == 0]


def read_16(src: Source) -> dict:
    chart = {}
    for name in ("data/account_chart_template.xml", "data/account_chart_template_post_data.xml"):
        for rec in _records(src.read(NL + name)):
            if rec.get("model") == "account.chart.template":
                for f in rec.findall("field"):
                    chart[f.get("name")] = f.get("ref") or (f.text or "").strip()
    digits = int(chart["code_digits"])
    accounts, by_xmlid = [], {}
    for row in csv.DictReader(io.StringIO(src.read(NL + "data/account.account.template.csv"))):
        code = pad(row["code"], digits)
        by_xmlid[row["id"]] = code
        accounts.append({"code": code, "name": row["name"], "account_type": row["account_type"],
                         "reconcile": _bool(row.get("reconcile"))})
    formulas = {}
    for rec in _records(src.read(NL + "data/account_tax_report_data.xml")):
        if rec.get("model") == "account.report.expression" and _text(rec, "engine") == "tax_tags":
            formulas[rec.get("id")] = _text(rec, "formula")
    taxes = []
    for rec in _records(src.read(NL + "data/account_tax_template.xml")):
        if rec.get("model") != "account.tax.template":
            continue
        tax = {"xmlid": rec.get("id"), "sequence": int(_text(rec, "sequence") or 1), "name": _text(rec, "name"),
               "description": _text(rec, "description") or "", "amount": float(_text(rec, "amount") or 0),
               "amount_type": _text(rec, "amount_type") or "percent", "type_tax_use": _text(rec, "type_tax_use"),
               "price_include": _bool(_text(rec, "price_include")), "tax_scope": _text(rec, "tax_scope") or None,
               "tax_group": _text(rec, "tax_group_id"), "invoice": [], "refund": []}
        for doc in ("invoice", "refund"):
            expr = _text(rec, f"{doc}_repartition_line_ids")
            for vals in _commands(expr or "[]"):
                tags = [f"+{formulas[x]}" for x in vals.get("plus_report_expression_ids", [])]
                tags += [f"-{formulas[x]}" for x in vals.get("minus_report_expression_ids", [])]
                account = vals.get("account_id")
                tax[doc].append({"type": vals["repartition_type"], "factor": float(vals.get("factor_percent", 100)),
                                 "account": by_xmlid.get(account) if account else None, "tags": tags})
        taxes.append(tax)
    return {"code_digits": digits, "accounts": accounts, "taxes": taxes,
            "payable": by_xmlid[chart["property_account_payable_id"]],
            "receivable": by_xmlid[chart["property_account_receivable_id"]],
            "expense": by_xmlid[chart["property_account_expense_categ_id"]],
            "income": by_xmlid[chart["property_account_income_categ_id"]],
            "bank_prefix": chart["bank_account_code_prefix"], "cash_prefix": chart["cash_account_code_prefix"],
            "transfer_prefix": chart["transfer_account_code_prefix"],
            # 16 sets the company's default taxes to the first of each use in sequence order
            "purchase_tax": min((t for t in taxes if t["type_tax_use"] == "purchase"),
                                key=lambda t: t["sequence"])["xmlid"],
            "sale_tax": min((t for t in taxes if t["type_tax_use"] == "sale"), key=lambda t: t["sequence"])["xmlid"]}


def _dump(data: dict) -> str:
    """JSON with one account or tax per line (readable diffs when Odoo's data changes)."""
    def item(x) -> str:
        return json.dumps(x, ensure_ascii=False, sort_keys=True)

    parts = []
    for key in sorted(data):
        value = data[key]
        if not isinstance(value, dict):
            parts.append(f" {item(key)}: {item(value)}")
            continue
        inner = []
        for k in sorted(value):
            v = value[k]
            if isinstance(v, list):
                inner.append(f"  {item(k)}: [\n" + ",\n".join(f"   {item(x)}" for x in v) + "\n  ]")
            else:
                inner.append(f"  {item(k)}: {item(v)}")
        parts.append(f" {item(key)}: {{\n" + ",\n".join(inner) + "\n }")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--v16", required=True, help="an Odoo 16.0 tree: a directory, or GITDIR@REV")
    ap.add_argument("--v17", required=True, help="an Odoo 17.0 tree: a directory, or GITDIR@REV")
    ap.add_argument("-o", "--output", default=str(Path(__file__).resolve().parents[1] / "pleodesk" / "sandbox"
                                                  / "data" / "odoo_l10n_nl.json"))
    args = ap.parse_args(argv)
    data = {"comment": "Derived from Odoo's l10n_nl chart data (16.0 and 17.0) by scripts/odoo_chart_data.py; "
                       "do not edit by hand.",
            "16": read_16(Source(args.v16)), "17": read_17(Source(args.v17))}
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(_dump(data), encoding="utf-8")
    for v in ("16", "17"):
        d = data[v]
        purchase = [t for t in d["taxes"] if t["type_tax_use"] == "purchase"]
        print(f"{v}: {len(d['accounts'])} accounts, {len(d['taxes'])} taxes ({len(purchase)} purchase)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
