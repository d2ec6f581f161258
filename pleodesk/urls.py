"""Which web addresses pleodesk may talk to, checked in one place.

Keys, tokens and bookkeeping data travel only over https, except to this computer itself: plain http
is allowed for a *literal* loopback address (``127.0.0.0/8``, ``::1``) or the name ``localhost``, the
local sandbox and the OAuth redirect listener. A name that merely starts like one
(``127.attacker.example``, ``localhost.example``) is a host on the internet.

The host is read the way the HTTP client will read it: an address that urllib and httpx parse to
different hosts (backslashes, stray ``@``, whitespace) is refused instead of guessed at.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

import httpx


class AddressError(ValueError):
    """A web address pleodesk will not use; the message says why and what to write instead."""


def is_loopback_host(host: str | None) -> bool:
    """``localhost`` or a literal loopback IP address (IPv4 ``127.0.0.0/8``, IPv6 ``::1``, also
    bracketed or IPv4-mapped). Names that resolve somewhere are not looked up: never loopback."""
    if not host:
        return False
    host = host.strip().lower()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if host == "localhost":
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


def host_of(url: str) -> str | None:
    """The host ``url`` names, when urllib and httpx agree on it; None otherwise (not an address)."""
    if not isinstance(url, str) or not url or any(ord(c) < 0x21 or c in "\\\x7f" for c in url):
        return None
    try:
        parts = urlsplit(url)
        ours = parts.hostname
        theirs = httpx.URL(url).host
    except (ValueError, httpx.InvalidURL):
        return None
    if not ours or (ours.lower() != theirs.lower().strip("[]")):
        return None
    return ours


def is_loopback_url(url: str) -> bool:
    """Whether ``url`` points at this computer (see :func:`is_loopback_host`)."""
    return is_loopback_host(host_of(url))


def check_web_address(url: str, what: str, *, allow_http: bool = False) -> str:
    """``url`` without a trailing slash, if pleodesk may send secrets there; :class:`AddressError` naming
    ``what`` otherwise. https anywhere; http only to a loopback address, or anywhere when
    ``allow_http`` (a server on the user's own network that has no https, chosen on purpose)."""
    if not isinstance(url, str):
        raise AddressError(f"{what} must be a web address in quotes, like \"https://...\".")
    url = url.strip()
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    host = host_of(url)
    if scheme not in ("http", "https") or host is None:
        shown = url if len(url) <= 200 else url[:200] + "…"
        if not shown.isprintable():
            shown = shown.encode("unicode_escape").decode("ascii")
        raise AddressError(f"{what} '{shown}' is not a web address; write it like https://example.com.")
    if scheme == "http" and not allow_http and not is_loopback_host(host):
        raise AddressError(f"{what} must use https: over plain http to {host} keys and data would travel "
                           "unencrypted (only this computer itself, 127.0.0.1 or localhost, may use http).")
    return url.rstrip("/")


__all__ = ["AddressError", "check_web_address", "host_of", "is_loopback_host", "is_loopback_url"]
