"""Hostile or mistaken setup files: wrong types, absurd nesting and names that are not one line of visible
text are refused with one line, before anything is checked or saved."""

from __future__ import annotations

import pytest

from pleodesk.cli import EXIT_USAGE, main
from pleodesk.core.names import MAX_NAME_LENGTH, ConnectionNameError, check_connection_name
from pleodesk.setup_file import SetupError, load_setup_file
from pleodesk.storage import open_store

HEAD = """
[connection]
name = {name}
system = "journal_file"

[pleo]
base_url = "https://external.pleo.io"
company_id = "c1"
api_key_env = "K"

[journal_file]
folder = "{folder}"
"""


def write(tmp_path, extra: str = "", name: str = '"Books"') -> str:
    path = tmp_path / "setup.toml"
    path.write_text(HEAD.format(name=name, folder=tmp_path / "journal") + extra, encoding="utf-8")
    return str(path)


def load(path):
    return load_setup_file(path, env={"K": "key"}, interactive=False)


def test_a_plain_file_loads(tmp_path):
    plan = load(write(tmp_path, '[accounts]\nwallet = 1190\n[categories]\n"Travel" = { account = 4000 }\n'))
    assert plan.name == "Books" and plan.mappings.categories["Travel"].account == "4000"


@pytest.mark.parametrize("extra,words", [
    ('[ledger]\naccounts = "x"\n', "[ledger] accounts must be a list of tables"),
    ('[ledger]\ntaxes = 5\n', "[ledger] taxes must be a list of tables"),
    ('[ledger]\naccounts = ["4000", "4100"]\n', "[ledger] accounts must be a list of tables"),
    ('[[ledger.accounts]]\ncode = ["4000"]\n', "[ledger] accounts 1: code must be text in quotes, not a list"),
    ('[[ledger.taxes]]\ncode = "V21"\nrate = [0.21]\n', "[ledger] taxes 1: rate must be a number"),
    ('[[ledger.dimensions]]\nname = "Project"\nvalues = "A"\n', "values must be a list of values"),
    ('[accounts]\nwallet = ["1190"]\n', "[accounts] wallet must be text in quotes, not a list"),
    ('[accounts]\nwallet = { code = "1190" }\n', "[accounts] wallet must be text in quotes, not a table"),
    ('[categories]\n"Travel" = { account = true }\n', "account must be text in quotes, not true/false"),
    ('[taxes]\n"25%" = 1979-05-27\n', "[taxes] 25% must be text in quotes, not a date"),
    ('[tags.PROJECT]\nATLAS = ["x"]\n', "[tags.PROJECT] ATLAS must be text in quotes"),
    ('options = "x"\n', "[options] must be a section"),
])
def test_wrong_types_are_refused_with_one_line(tmp_path, extra, words):
    if extra.startswith("options"):
        path = tmp_path / "setup.toml"
        path.write_text(extra + HEAD.format(name='"Books"', folder=tmp_path / "j"), encoding="utf-8")
        path = str(path)
    else:
        path = write(tmp_path, extra)
    with pytest.raises(SetupError) as info:
        load(path)
    assert words in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("field,value", [("company_id", "[1]"), ("base_url", "42"), ("api_key_env", "{ a = 1 }")])
def test_pleo_keys_must_be_text(tmp_path, field, value):
    text = HEAD.format(name='"Books"', folder=tmp_path / "j").replace(f"\n{field} = ", f"\n{field} = {value}\n#", 1)
    path = tmp_path / "setup.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SetupError, match=f"\\[pleo\\] {field} must be text in quotes"):
        load(str(path))


@pytest.mark.parametrize("depth", [9, 500, 5000])
def test_absurd_nesting_is_refused(tmp_path, depth):
    path = write(tmp_path)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("[tags]\nx = " + "[" * depth + "]" * depth + "\n")
    with pytest.raises(SetupError, match="nested (far )?too deeply"):
        load(path)


BAD_NAMES = {
    "a megabyte": '"' + "A" * 1_000_000 + '"',
    "a newline": '"Books\\nRm -rf"',
    "a bell": '"Books\\u0007"',
    "an escape sequence": '"\\u001b[31mBooks"',
    "a right-to-left override": '"Books \\u202efdp.exe"',
    "a bidi isolate": '"\\u2066Books\\u2069"',
    "a line separator": '"Books\\u2028Two"',
    "a list": '["Books"]',
    "a number": "42",
    "nothing": '"   "',
}


@pytest.mark.parametrize("label", list(BAD_NAMES))
def test_names_that_are_not_one_line_of_visible_text_are_refused_and_nothing_is_saved(tmp_path, label, capsys,
                                                                                        pleodesk_home, monkeypatch):
    monkeypatch.setenv("K", "key")
    path = write(tmp_path, name=BAD_NAMES[label])
    assert main(["setup", "--file", path]) == EXIT_USAGE
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1 and len(lines[0]) < 400, err[:500]
    assert "name" in lines[0]
    for bad in ("\x07", "\x1b", "\u202e", "\u2066", "\u2028"):
        assert bad not in err
    with open_store() as store:
        assert store.list_connections() == []


@pytest.mark.parametrize("name", ["Acme B.V. – Books (EUR)", "Müller & Söhne GmbH", "شرکت\u200cمن", "👩\u200d💻 Studio",
                                  "A" * MAX_NAME_LENGTH, "  Books  "])
def test_ordinary_names_in_any_script_pass(name):
    assert check_connection_name(name) == name.strip()


def test_the_store_keeps_the_same_rule(pleodesk_home):
    with open_store() as store:
        with pytest.raises(ConnectionNameError):
            store.add_connection("Bo\noks", "journal_file")
        conn = store.add_connection("Books", "journal_file")
        with pytest.raises(ConnectionNameError):
            store.update_connection(conn.id, name="Books \u202e")
        assert [c.name for c in store.list_connections()] == ["Books"]
