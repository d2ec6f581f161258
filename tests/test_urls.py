"""Which addresses keys and tokens may go to: https anywhere, plain http only to this computer."""

from __future__ import annotations

import pytest

from pleodesk.providers.odoo.rpc import is_loopback_url as odoo_is_loopback_url
from pleodesk.urls import AddressError, check_web_address, is_loopback_host, is_loopback_url

#: Plain-http addresses that are this computer.
LOOPBACK = [
    "http://127.0.0.1",
    "http://127.0.0.1:8765/pleo",
    "http://127.1.2.3:80/",
    "http://localhost:8069",
    "http://LOCALHOST/odoo",
    "http://[::1]:8080/x",
    "http://[::ffff:127.0.0.1]/",
    "http://user@127.0.0.1/",
]

#: Plain-http addresses that look local to a careless check, but are not (or are no address at all).
EVIL = [
    "http://127.attacker.example",
    "http://127.0.0.1.attacker.example/",
    "http://localhost.attacker.example",
    "http://attacker.example/127.0.0.1",
    "http://attacker.example?host=localhost",
    "http://attacker.example#@127.0.0.1",
    "http://127.0.0.1:80@attacker.example/",
    "http://127.0.0.1\\@attacker.example/",
    "http://[::2]/",
    "http://0.0.0.0:8765",
    "http://10.0.0.5",
    "http://192.168.1.10:8069",
    "http://2130706433/",
    "http://0x7f.0.0.1/",
    "http://127.1/",
    "http:// 127.0.0.1/",
    "http://127.0.0.1\n.attacker.example/",
    "http://",
]

NOT_ADDRESSES = ["", "127.0.0.1", "ftp://127.0.0.1/", "file:///etc/passwd", "javascript:alert(1)",
                 "https://", "https://exa mple.com", "https://example.com\\@evil.example", "//example.com"]


@pytest.mark.parametrize("url", LOOPBACK)
def test_loopback_addresses_may_use_plain_http(url):
    assert is_loopback_url(url) and odoo_is_loopback_url(url)
    assert check_web_address(url, "base_url") == url.rstrip("/")


@pytest.mark.parametrize("url", EVIL)
def test_lookalikes_of_loopback_are_not_loopback_and_get_no_plain_http(url):
    assert not is_loopback_url(url)
    assert not odoo_is_loopback_url(url)
    with pytest.raises(AddressError) as info:
        check_web_address(url, "base_url")
    assert "base_url" in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("url", NOT_ADDRESSES)
def test_what_is_no_web_address_is_refused(url):
    with pytest.raises(AddressError, match="not a web address"):
        check_web_address(url, "api_url")


@pytest.mark.parametrize("url", ["https://external.pleo.io", "https://auth.pleo.io/", "https://x.odoo.com:8443/odoo",
                                 "https://127.attacker.example", "https://[2001:db8::1]/"])
def test_https_goes_anywhere(url):
    assert check_web_address(url, "base_url") == url.rstrip("/")


def test_allow_http_is_a_deliberate_choice_for_the_office_network():
    assert check_web_address("http://192.168.1.10:8069", "url", allow_http=True) == "http://192.168.1.10:8069"
    with pytest.raises(AddressError, match="not a web address"):
        check_web_address("http://127.0.0.1\\@evil.example", "url", allow_http=True)


def test_a_huge_address_is_shortened_in_the_message():
    with pytest.raises(AddressError) as info:
        check_web_address("ftp://" + "a" * 100_000, "base_url")
    assert len(str(info.value)) < 400


@pytest.mark.parametrize("host,ok", [("127.0.0.1", True), ("127.255.255.254", True), ("::1", True), ("[::1]", True),
                                     ("localhost", True), ("127.attacker.example", False), ("", False),
                                     (None, False), ("0.0.0.0", False), ("::", False)])
def test_loopback_hosts(host, ok):
    assert is_loopback_host(host) is ok


def test_the_sandbox_binds_only_literal_loopback():
    from pleodesk.sandbox.server import SandboxConfig, start_sandbox

    with pytest.raises(ValueError, match="loopback"):
        start_sandbox(SandboxConfig(host="127.attacker.example", months=["2026-08"], expenses_per_month=1))


def _setup(tmp_path, pleo_extra: str = "", xero: str | None = None) -> str:
    system = "xero" if xero is not None else "journal_file"
    text = f"""
[connection]
name = "Books"
system = "{system}"

[pleo]
base_url = "https://external.pleo.io"
company_id = "c1"
{pleo_extra}
"""
    if xero is None:
        text += f'\n[journal_file]\nfolder = "{tmp_path / "journal"}"\n'
    else:
        text += f"\n[xero]\ntenant_id = \"t1\"\nwallet_currency = \"EUR\"\n{xero}\n"
    path = tmp_path / "setup.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("pleo_extra,words", [
    ('oauth_client_id = "pleodesk"\nauth_url = "http://auth.attacker.example"', "auth_url must use https"),
    ('oauth_client_id = "pleodesk"\nauth_url = "http://127.attacker.example"', "auth_url must use https"),
    ('oauth_client_id = "pleodesk"\nauth_url = "javascript:alert(1)"', "not a web address"),
])
def test_setup_file_refuses_a_pleo_sign_in_over_plain_http(tmp_path, pleo_extra, words):
    from pleodesk.setup_file import SetupError, load_setup_file

    with pytest.raises(SetupError, match=words):
        load_setup_file(_setup(tmp_path, pleo_extra), env={}, interactive=False)


def test_setup_file_takes_a_pleo_sign_in_on_this_computer(tmp_path):
    from pleodesk.setup_file import load_setup_file

    plan = load_setup_file(_setup(tmp_path, 'oauth_client_id = "pleodesk"\nauth_url = "http://127.0.0.1:9/auth/"'),
                           env={}, interactive=False)
    assert plan.pleo_oauth == {"client_id": "pleodesk", "auth_url": "http://127.0.0.1:9/auth"}


@pytest.mark.parametrize("xero", ['sandbox_url = "http://xero.attacker.example"',
                                  'sandbox_url = "http://127.attacker.example:8765"',
                                  'api_url = "http://api.attacker.example/api.xro/2.0"',
                                  'token_url = "http://localhost.attacker.example/token"'])
def test_setup_file_refuses_xero_addresses_over_plain_http(tmp_path, xero):
    from pleodesk.setup_file import SetupError, load_setup_file

    with pytest.raises(SetupError, match="must use https"):
        load_setup_file(_setup(tmp_path, 'api_key_env = "K"', xero=xero), env={"K": "key"}, interactive=False)


def test_setup_file_takes_the_xero_sandbox_on_this_computer(tmp_path):
    from pleodesk.setup_file import load_setup_file

    plan = load_setup_file(_setup(tmp_path, 'api_key_env = "K"', xero='sandbox_url = "http://127.0.0.1:8765/"'),
                           env={"K": "key"}, interactive=False)
    assert plan.settings["token_url"] == "http://127.0.0.1:8765/xero-identity/connect/token"


def test_the_pleo_client_and_the_sign_in_refuse_plain_http_to_other_hosts():
    from pleodesk.providers.oauth import LoopbackAuthorizer, OAuthError, refresh
    from pleodesk.providers.pleo import PleoClient

    with pytest.raises(AddressError):
        PleoClient("http://127.attacker.example/pleo", api_key="k", company_id="c")
    with pytest.raises(AddressError):
        LoopbackAuthorizer("http://auth.attacker.example/authorize", "https://auth.example/token", "id", ["s"])
    with pytest.raises(OAuthError, match="must use https"):
        refresh("http://127.attacker.example/token", "id", "refresh-token")
