"""The safe fetcher's rules, without a server: which addresses are public, policies, limits."""

import ipaddress
import socket

import pytest

from index.corpus.fetching import AddressPolicy, FetchLimits, GuardedResolver, is_public
from tests.fetch_policies import STRICT_BUT_TEST_SERVER, limits_from


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:4700:4700::1111", True),
        ("127.0.0.1", False),
        ("::1", False),
        ("10.0.0.1", False),
        ("172.16.5.4", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # link-local: cloud metadata
        ("fe80::1", False),
        ("fc00::1", False),  # unique local
        ("100.64.0.1", False),  # shared address space (carrier NAT)
        ("224.0.0.251", False),  # multicast
        ("ff02::1", False),
        ("240.0.0.1", False),  # reserved
        ("0.0.0.0", False),
        ("::", False),
        ("::ffff:127.0.0.1", False),  # IPv4-mapped loopback
        ("::ffff:10.0.0.1", False),
        ("::ffff:93.184.215.14", True),
    ],
)
def test_which_addresses_are_public(address, public):
    assert is_public(ipaddress.ip_address(address)) is public


def test_private_urls_setting_and_exemptions():
    loopback = ipaddress.ip_address("127.0.0.1")
    assert not AddressPolicy().allows(loopback)
    assert AddressPolicy(allow_private=True).allows(loopback)
    assert STRICT_BUT_TEST_SERVER.allows(loopback)
    assert not STRICT_BUT_TEST_SERVER.allows(ipaddress.ip_address("127.0.0.2"))


async def test_sessions_refuse_to_connect_to_names_that_resolve_privately():
    """The connector's own resolver repeats the check (a name may re-resolve differently)."""
    with pytest.raises(OSError, match="non-public address"):
        await GuardedResolver(AddressPolicy()).resolve("localhost", 80, socket.AF_UNSPEC)
    allowed = await GuardedResolver(AddressPolicy(allow_private=True)).resolve(
        "localhost", 80, socket.AF_INET
    )
    assert [result["host"] for result in allowed] == ["127.0.0.1"]


def test_fetch_limits_default_to_the_settings_defaults():
    assert limits_from() == FetchLimits() == FetchLimits(20.0, 5 * 1024 * 1024, 5)
    assert limits_from(
        FETCH_TIMEOUT_S="2.5", FETCH_MAX_BYTES="4096", FETCH_MAX_REDIRECTS="0"
    ) == FetchLimits(2.5, 4096, 0)
