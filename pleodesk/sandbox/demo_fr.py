"""The French demo company: **Société Démo SAS** (FR, wallet currency EUR), for the French ledgers.

It is the Dutch demo dataset (``demo_data``) with the same seed-for-seed expenses made French: the Pleo
categories carry accounts of the plan comptable général (``625100 Voyages et déplacements``...), the
tax codes are France's ``20%``, ``10%`` and ``5.5%`` (inclusive) and ``AI20`` (autoliquidation, reverse
charge 20 %), the merchants, employees and company are French. Each line's net and VAT are computed
again from its gross with the French rate (``demo_data.split_tax``), so amounts stay exact in minor
units and every expense still adds up.

Also here: the French ledger the demo books into (a PCG chart with the VAT accounts 4456x and 4452,
the Pleo bank account 512100) and the mappings from the Pleo side to it, used by the FEC and
Pennylane demos, tests and benchmarks.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from decimal import Decimal
from typing import Any

from pleodesk.sandbox.demo_data import Account, DemoData, Employee, Merchant, TaxCode, split_tax

COMPANY_NAME = "Société Démo SAS"
COMPANY_COUNTRY = "FR"
SIREN = "732829320"
COMPANY_ADDRESS = {"addressLine1": "12 rue de la Paix", "locality": "Paris", "postalCode": "75002",
                   "region": "Île-de-France", "country": COMPANY_COUNTRY}

#: Dutch category code -> (French Pleo category code = PCG account, name, default tax code).
CATEGORIES: dict[str, tuple[str, str, str | None]] = {
    "4000": ("625100", "Voyages et déplacements", "10%"),
    "4010": ("625110", "Taxis et VTC", "10%"),
    "4100": ("625700", "Réceptions", "10%"),
    "4200": ("651100", "Abonnements logiciels", "20%"),
    "4300": ("606400", "Fournitures administratives", "20%"),
    "4400": ("623000", "Publicité, publications", "20%"),
    "4500": ("626000", "Frais postaux et de télécommunications", "20%"),
    "4600": ("618500", "Frais de colloques, séminaires, conférences", "20%"),
    "4700": ("625120", "Indemnités kilométriques", "0%"),
    "4710": ("625600", "Missions", "0%"),
    "4800": ("627000", "Services bancaires", "0%"),
    "1150": ("580000", "Virements internes", None),
    "1000": ("530000", "Caisse", None),
    "8900": ("758000", "Produits divers de gestion courante", None),
}
CONTRA: dict[str, tuple[str, str]] = {
    "wallet": ("512100", "Banque Pleo"),
    "out_of_pocket": ("421000", "Personnel - rémunérations dues"),
    "external_reimbursement": ("467000", "Autres comptes débiteurs ou créditeurs"),
}
#: Dutch tax code -> French (code, name, rate, type, ingoing account, outgoing account).
TAXES: dict[str, tuple[str, str, str, str, str | None, str | None]] = {
    "21%": ("20%", "TVA 20 %", "0.20", "inclusive", "445660", None),
    "9%": ("10%", "TVA 10 %", "0.10", "inclusive", "445660", None),
    "0%": ("0%", "Exonéré / hors champ", "0", "inclusive", None, None),
    "RC21": ("AI20", "Autoliquidation TVA 20 %", "0.20", "reverse", "445662", "445200"),
}
#: French rates the Dutch set lacks: 5.5 % (food, books) and 2.1 % (press, some medicines; offered by the
#: French ledgers, used by no demo expense).
REDUCED = ("5.5%", "TVA 5,5 %", "0.055", "inclusive", "445660", None)
SUPER_REDUCED = ("2.1%", "TVA 2,1 %", "0.021", "inclusive", "445660", None)
#: Dutch merchant -> (French name, French tax code for its first line, or None to keep the mapped one).
MERCHANTS: dict[str, tuple[str, str | None]] = {
    "NS Reizigers": ("SNCF Voyageurs", None), "KLM Royal Dutch Airlines": ("Air France", None),
    "Shell Nederland": ("TotalEnergies", "20%"), "TCA Taxi Amsterdam": ("G7 Taxi", None),
    "Albert Heijn": ("Monoprix", "5.5%"), "Restaurant De Kas": ("Le Train Bleu", None),
    "Café Loetje": ("Café de Flore", None), "Starbucks Amsterdam": ("Starbucks Paris", None),
    "Coolblue": ("Fnac Darty", None), "bol.com": ("Librairie Gibert", "5.5%"), "HEMA": ("Bureau Vallée", None),
    "KPN": ("Orange", None), "Vodafone Libertel": ("SFR", None), "GoodHabitz": ("OpenClassrooms", None),
    "Booking.com": ("Booking.com", None), "Uber B.V.": ("Uber France", None),
}
EMPLOYEES = (("Camille", "Martin"), ("Lucas", "Bernard"), ("Léa", "Dubois"), ("Hugo", "Thomas"),
             ("Chloé", "Robert"), ("Louis", "Richard"), ("Manon", "Petit"), ("Jules", "Durand"),
             ("Inès", "Leroy"), ("Gabriel", "Moreau"), ("Sarah", "Simon"), ("Arthur", "Laurent"))
TEAMS = {"Sales": "Ventes", "Engineering": "Ingénierie", "Operations": "Opérations", "Marketing": "Marketing"}


def frenchify(data: DemoData) -> DemoData:
    """The same dataset as a French company's (see the module docstring). Ids and dates are kept."""
    accounts: dict[str, Account] = {}
    for a in data.accounts:
        if a.role == "category":
            code, name, tax = CATEGORIES[a.code]
            accounts[a.id] = replace(a, code=code, name=name, external_id=f"GL-{code}", default_tax=tax)
        else:
            code, name = CONTRA[a.role]
            accounts[a.id] = replace(a, code=code, name=name, external_id=f"GL-{code}")
    taxes: dict[str, TaxCode] = {}
    for t in data.tax_codes:
        code, name, rate, typ, ing, out = TAXES[t.code]
        taxes[t.code] = TaxCode(t.id, code, name, Decimal(rate), typ, ing, out)
    added = [TaxCode(str(uuid.uuid5(uuid.NAMESPACE_URL, f"pleodesk-demo/{data.company_id}/tax/{spec[0]}")), spec[0],
                     spec[1], Decimal(spec[2]), spec[3], spec[4], spec[5]) for spec in (REDUCED, SUPER_REDUCED)]
    by_code = {t.code: t for t in taxes.values()} | {t.code: t for t in added}
    teams = {t.id: replace(t, name=TEAMS.get(t.name, t.name)) for t in data.teams}
    employees: dict[str, Employee] = {}
    for e, (first, last) in zip(data.employees, EMPLOYEES):
        email = f"{first}.{last}".lower().translate(str.maketrans("éèêëàâîïôöûüç", "eeeeaaiioouuc")) + \
            "@societe-demo.fr"
        employees[e.id] = replace(e, first_name=first, last_name=last, email=email, team=teams[e.team.id],
                                  phone="+336" + e.phone[-8:])
    merchants: dict[str, Merchant] = {}
    for e in data.entries:
        m = e.merchant
        if m is not None and m.name not in merchants:
            name = MERCHANTS.get(m.name, (m.name, None))[0]
            merchants[m.name] = replace(m, name=name, country="FR" if m.country == "NL" else m.country)
        for ln in e.lines:
            if ln.account is not None:
                ln.account = accounts[ln.account.id]
            if ln.tax is not None:
                tax = taxes[ln.tax.code]
                if m is not None and ln is e.lines[0] and MERCHANTS.get(m.name, (None, None))[1]:
                    tax = by_code[MERCHANTS[m.name][1]]
                ln.tax = tax
                ln.net, ln.tax_amount = split_tax(ln.amount, tax)
                ln.net_sup, ln.tax_amount_sup = split_tax(ln.amount_sup, tax)
        e.contra = accounts[e.contra.id]
        if m is not None:
            e.merchant = merchants[m.name]
        if e.employee is not None:
            e.employee = employees[e.employee.id]
        if e.team is not None:
            e.team = teams[e.team.id]
    admin = employees[data.admin.id]
    new_accounts = [accounts[a.id] for a in data.accounts]
    return replace(
        data, registration_number=SIREN, accounts=new_accounts, company_name=COMPANY_NAME, country=COMPANY_COUNTRY,
        merchants=tuple(merchants.get(m.name, m) for m in data.merchants),
        categories={a.code: a for a in new_accounts if a.role == "category"},
        contra={a.role: a for a in new_accounts if a.role != "category"},
        tax_codes=[*taxes.values(), *added], taxes=by_code, teams=list(teams.values()),
        employees=[employees[e.id] for e in data.employees], admin=admin)


# ------------------------------------------------------------------------ the French ledger -----
#: The demo's French ledger: a PCG chart, the VAT codes of the FEC demo, analytic axes.
LEDGER: dict[str, Any] = {
    "accounts": [
        {"code": "421000", "name": "Personnel - rémunérations dues", "type": "liability"},
        {"code": "401000", "name": "Fournisseurs", "type": "payable"},
        {"code": "445200", "name": "TVA due intracommunautaire", "type": "tax"},
        {"code": "445660", "name": "TVA déductible sur autres biens et services", "type": "tax"},
        {"code": "445662", "name": "TVA déductible intracommunautaire", "type": "tax"},
        {"code": "467000", "name": "Autres comptes débiteurs ou créditeurs", "type": "liability"},
        {"code": "512100", "name": "Banque Pleo", "type": "bank"},
        {"code": "530000", "name": "Caisse", "type": "asset"},
        {"code": "580000", "name": "Virements internes", "type": "asset"},
        *({"code": code, "name": name} for code, name, _ in sorted(
            (v for k, v in CATEGORIES.items() if v[0].startswith("6")), key=lambda v: v[0])),
        {"code": "758000", "name": "Produits divers de gestion courante", "type": "income"},
    ],
    "taxes": [
        {"code": "TVA20", "name": "TVA déductible 20 %", "rate": "0.20", "type": "inclusive", "input_account": "445660"},
        {"code": "TVA10", "name": "TVA déductible 10 %", "rate": "0.10", "type": "inclusive", "input_account": "445660"},
        {"code": "TVA55", "name": "TVA déductible 5,5 %", "rate": "0.055", "type": "inclusive",
         "input_account": "445660"},
        {"code": "TVA0", "name": "Sans TVA", "rate": "0", "type": "inclusive"},
        {"code": "AI20", "name": "Autoliquidation 20 %", "rate": "0.20", "type": "reverse", "input_account": "445662",
         "output_account": "445200"},
    ],
    "dimensions": [
        {"name": "Projet", "values": ["Atlas", "Borée", "Cérès", "Delta", "Éos", "Fénix"]},
        {"name": "Service", "values": ["Ventes", "Ingénierie", "Opérations", "Marketing"]},
    ],
}
CATEGORY_MAPPINGS: dict[str, tuple[str, str | None]] = {
    code: (code, {"10%": "TVA10", "20%": "TVA20", "0%": "TVA0", None: None}[tax])
    for code, _name, tax in CATEGORIES.values()}
TAX_MAPPINGS = {"20%": "TVA20", "10%": "TVA10", "5.5%": "TVA55", "0%": "TVA0", "AI20": "AI20"}
TAG_MAPPINGS = {
    "PROJECT": {"P-ATLAS": "Atlas", "P-BOREAS": "Borée", "P-CERES": "Cérès", "P-DELTA": "Delta", "P-EOS": "Éos",
                "P-FENIX": "Fénix"},
    "DEPT": {"SALES": "Ventes", "ENG": "Ingénierie", "OPS": "Opérations", "MKT": "Marketing"},
}
#: Pennylane has no tax codes: Pleo's VAT codes map to its VAT accounts at their rate (see the provider).
PENNYLANE_TAXES = {"TVA20": "445660@20", "TVA10": "445660@10", "TVA55": "445660@5.5", "TVA0": "0",
                   "AI20": "445662@AI20"}
CONTRA_MAPPINGS = {"wallet": "512100", "out_of_pocket": "421000", "external_reimbursement": "467000",
                   "payable": "401000"}


def setup_dict(system: str, pleo_url: str, company_id: str, section: dict[str, Any], *, name: str,
               api_key_env: str, summary: str = "none") -> dict[str, Any]:
    """A setup-file dict (docs/setup-file.md) for the French demo company booking into ``system``."""
    def tax(code: str | None) -> str | None:
        return PENNYLANE_TAXES.get(code, code) if system == "pennylane" and code else code

    data: dict[str, Any] = {
        "connection": {"name": name, "system": system},
        "pleo": {"base_url": pleo_url, "company_id": company_id, "api_key_env": api_key_env},
        system: {**section, "summary": summary},
        "accounts": dict(CONTRA_MAPPINGS),
        "categories": {k: ({"account": a, "tax": tax(t)} if t else {"account": a})
                       for k, (a, t) in CATEGORY_MAPPINGS.items()},
        "taxes": {k: tax(v) for k, v in TAX_MAPPINGS.items()},
        "tag_groups": {"PROJECT": "Projet", "DEPT": "Service"},
        "tags": {g: dict(v) for g, v in TAG_MAPPINGS.items()},
        "options": {"queue_interval_minutes": 5, "ignore_wallet_topups": False, "post": True,
                    "export_receipts": True, "bank_feed": False},
    }
    if system == "fec":
        data["ledger"] = LEDGER
    return data


PENNYLANE_TOKEN_ENV = "PLEODESK_DEMO_PENNYLANE_TOKEN"


def pennylane_section(sandbox, **extra: Any) -> dict[str, Any]:
    """The ``[pennylane]`` section that points at the sandbox's Pennylane emulator."""
    return {"sandbox_url": sandbox.url, "token_env": PENNYLANE_TOKEN_ENV, **extra}


def plan(sandbox, system: str, section: dict[str, Any], *, name: str = "Société Démo SAS", summary: str = "none",
         api_key_env: str = "PLEODESK_DEMO_PLEO_API_KEY", token: str | None = None):
    """The SetupPlan of the French demo company (a running sandbox with ``country="FR"``) into ``system``
    (``fec``, or ``pennylane`` with the emulator's token unless ``token`` is given)."""
    from pleodesk.setup_file import plan_from_dict

    data = setup_dict(system, sandbox.pleo_url, sandbox.company_id, section, name=name, api_key_env=api_key_env,
                      summary=summary)
    env = {api_key_env: sandbox.api_key}
    if system == "pennylane":
        env[PENNYLANE_TOKEN_ENV] = token or sandbox.pennylane.token
    return plan_from_dict(data, env=env, interactive=False, where="demo")
