"""Nothing answered: the message says what was tried (the address) and what failed, in words."""

from __future__ import annotations

import socket

import httpx
import pytest

from pleodesk.providers.base import connection_failure
from pleodesk.providers.pleo import PleoClient, PleoUnavailable


def _wrapped(exc: BaseException) -> httpx.ConnectError:
    try:
        try:
            raise exc
        except OSError as inner:
            raise httpx.ConnectError(str(inner)) from inner
    except httpx.ConnectError as outer:
        return outer


def test_the_reasons_in_words():
    dns = _wrapped(socket.gaierror(-2, "Name or service not known"))
    assert connection_failure("https://pleo.example.com/v3", dns) == (
        "the name pleo.example.com was not found (a typing error in the address, or no internet connection)")
    refused = _wrapped(ConnectionRefusedError(111, "Connection refused"))
    assert connection_failure("http://127.0.0.1:9/x", refused) == \
        "nothing answers at 127.0.0.1:9 (the connection was refused)"
    assert "did not answer in time" in connection_failure("https://a.example", httpx.ConnectTimeout("timed out"))


def test_pleo_names_the_address_it_tried():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    client = PleoClient(f"http://127.0.0.1:{port}/pleo", api_key="k", company_id="c", max_retries=0)
    with pytest.raises(PleoUnavailable) as info:
        client.get_company()
    text = str(info.value)
    assert f"http://127.0.0.1:{port}" in text and "connection was refused" in text
    assert "Errno" not in text and "could not connect to Pleo;" not in text
