from django.test import RequestFactory, override_settings

from vinhdanh.core.client_address import client_address


def _request(**meta):
    return RequestFactory().get("/", **meta)


def test_without_a_trusted_proxy_only_the_socket_address_counts():
    request = _request(REMOTE_ADDR="192.0.2.7", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert client_address(request) == "192.0.2.7"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_address_it_appended_counts():
    request = _request(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.1")
    assert client_address(request) == "198.51.100.1"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_too_few_or_malformed_entries_fall_back_to_the_socket_address():
    assert client_address(_request(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")) == (
        "127.0.0.1"
    )
    garbage = _request(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="nonsense, 10.0.0.1")
    assert client_address(garbage) == "127.0.0.1"
