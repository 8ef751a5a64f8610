"""Fetch policies and limits for the tests: short limits, and the test site's address let in."""

import ipaddress

from index.corpus.fetching import AddressPolicy, FetchLimits
from index.settings import Settings

# Short enough that the slow endpoint is given up on quickly, small enough to keep tests light.
TEST_LIMITS = FetchLimits(timeout_s=1.0, max_bytes=512 * 1024, max_redirects=5)
LOCAL = AddressPolicy(allow_private=True)
# Private addresses refused as in production, except the test server's own address.
STRICT_BUT_TEST_SERVER = AddressPolicy(exempt=(ipaddress.ip_network("127.0.0.1/32"),))


def limits_from(**env: str) -> FetchLimits:
    """Return the fetch limits the FETCH_* settings in `env` ask for."""
    return FetchLimits.from_settings(Settings.from_env(env))
