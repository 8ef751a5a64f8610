"""Fetch web pages and feeds safely: http(s) only, public addresses only, bounded in every way.

Every request has a total time limit, a size cap (the body is streamed and reading stops past
the cap, so an endless body costs at most the cap), a redirect limit with loop detection, and an
allowed set of content types. Each hop's host is resolved here and refused when any of its
addresses is private, loopback, link-local, multicast, reserved or unspecified (the bot runs
inside someone's network), unless ALLOW_PRIVATE_URLS is set. Sessions from `open_session` also
check the addresses they connect to, so a name that re-resolves differently is still refused.

Errors are `FetchError` (an `IngestError`) whose message says what went wrong; `transient`
marks the ones worth retrying later (time-outs, server errors, broken connections).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass, field
from http import HTTPStatus

import aiohttp
from aiohttp.abc import ResolveResult
from yarl import URL

from index.errors import IngestError
from index.settings import Settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/x-rss+xml",
        "text/plain",
    }
)
REDIRECTS = frozenset({301, 302, 303, 307, 308})
USER_AGENT = "newsdesk/0.1 (article intake)"
CHUNK_BYTES = 64 * 1024


class FetchError(IngestError):
    """A URL could not be fetched; `transient` when trying again later may work."""

    def __init__(self, message: str, transient: bool = False) -> None:
        """Args: message: what went wrong, for people; transient: worth retrying later."""
        super().__init__(message)
        self.transient = transient


@dataclass(frozen=True)
class FetchLimits:
    """How long, how big and how many redirects one fetch may take (defaults: `Settings`')."""

    timeout_s: float = Settings.fetch_timeout_s
    max_bytes: int = Settings.fetch_max_bytes
    max_redirects: int = Settings.fetch_max_redirects

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchLimits:
        """Return the limits FETCH_TIMEOUT_S, FETCH_MAX_BYTES and FETCH_MAX_REDIRECTS set."""
        return cls(
            timeout_s=settings.fetch_timeout_s,
            max_bytes=settings.fetch_max_bytes,
            max_redirects=settings.fetch_max_redirects,
        )


@dataclass(frozen=True)
class AddressPolicy:
    """Which addresses may be fetched: public ones, plus private ones when allowed."""

    allow_private: bool = False
    exempt: tuple[IPNetwork, ...] = ()  # networks allowed even though not public

    @classmethod
    def from_settings(cls, settings: Settings) -> AddressPolicy:
        """Return the policy ALLOW_PRIVATE_URLS asks for."""
        return cls(allow_private=settings.allow_private_urls)

    def allows(self, address: IPAddress) -> bool:
        """Return whether `address` may be connected to."""
        return self.allow_private or is_public(address) or any(address in n for n in self.exempt)


def is_public(address: IPAddress) -> bool:
    """Return True for a globally routable unicast address (IPv4-mapped IPv6 as IPv4)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    special = (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )
    return address.is_global and not special


@dataclass(frozen=True)
class Page:
    """A fetched response body and where it finally came from."""

    requested: str
    url: str  # after redirects
    content_type: str
    charset: str | None
    body: bytes = field(repr=False)


class GuardedResolver(aiohttp.ThreadedResolver):
    """Resolve names for a connector, refusing names with addresses the policy forbids."""

    def __init__(self, policy: AddressPolicy) -> None:
        """Args: policy: which addresses may be connected to."""
        super().__init__()
        self.policy = policy

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        """Resolve `host`; raise OSError when any address is not allowed."""
        results = await super().resolve(host, port, family)
        for result in results:
            address = ipaddress.ip_address(result["host"].split("%")[0])
            if not self.policy.allows(address):
                raise OSError(f"{host} resolves to a non-public address ({address})")
        return results


def open_session(policy: AddressPolicy) -> aiohttp.ClientSession:
    """Return a client session whose connections are checked against `policy`."""
    connector = aiohttp.TCPConnector(resolver=GuardedResolver(policy), limit_per_host=4)
    return aiohttp.ClientSession(
        connector=connector,
        headers={"User-Agent": USER_AGENT},
        trust_env=False,  # a proxy would connect on our behalf, past the address checks
    )


class Fetcher:
    """Fetch URLs through one session, within `limits`, for addresses `policy` allows."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        policy: AddressPolicy,
        limits: FetchLimits | None = None,
    ) -> None:
        """Args: session (see `open_session`), policy, and limits (default `FetchLimits()`)."""
        self.session = session
        self.policy = policy
        self.limits = limits or FetchLimits()

    async def fetch(self, url: str, accept: frozenset[str] = HTML_TYPES) -> Page:
        """Fetch `url`, following redirects; the content type must be one of `accept`.

        Raises:
            FetchError: the URL is refused or the fetch fails; the message says why.

        """
        try:
            async with asyncio.timeout(self.limits.timeout_s):
                return await self._follow(url, accept)
        except TimeoutError:
            raise FetchError(
                f"timed out after {self.limits.timeout_s:g} s", transient=True
            ) from None
        except aiohttp.ClientConnectorError as error:
            raise FetchError(
                f"cannot connect to {error.host}:{error.port} ({_reason(error)})", transient=True
            ) from None
        except (aiohttp.ClientPayloadError, aiohttp.ServerDisconnectedError) as error:
            raise FetchError(
                f"the connection broke while reading ({_reason(error)})", transient=True
            ) from None
        except aiohttp.InvalidURL:
            raise FetchError(f"not a valid URL: {url}") from None
        except aiohttp.ClientError as error:
            raise FetchError(f"the server's answer is invalid ({_reason(error)})") from None

    async def _follow(self, url: str, accept: frozenset[str]) -> Page:
        """Request `url` and each redirect target in turn, checking every hop."""
        current = parse_url(url)
        visited = [current]
        for _ in range(self.limits.max_redirects + 1):
            await self.check_host(current)
            async with self.session.get(
                current, allow_redirects=False, headers={"Accept": _accept_header(accept)}
            ) as response:
                location = response.headers.get("Location")
                if response.status not in REDIRECTS or not location:
                    return await self._read(url, response, accept)
            target = parse_url(str(current.join(URL(location))))
            if target in visited:
                raise FetchError(f"redirect loop: {current} redirects back to {target}")
            visited.append(target)
            current = target
        raise FetchError(f"too many redirects (more than {self.limits.max_redirects})")

    async def check_host(self, url: URL) -> None:
        """Raise FetchError unless every address of `url`'s host is allowed."""
        host = url.raw_host or ""
        try:
            addresses = [ipaddress.ip_address(host)]
        except ValueError:
            addresses = await _resolve(host, url.port or 0)
        refused = [address for address in addresses if not self.policy.allows(address)]
        if refused:
            raise FetchError(
                f"refused: {host} is a private or local address ({refused[0]}); "
                "set ALLOW_PRIVATE_URLS=1 to allow such URLs"
            )

    async def _read(
        self, requested: str, response: aiohttp.ClientResponse, accept: frozenset[str]
    ) -> Page:
        """Check status, type and size, then read the body up to the size cap."""
        if response.status >= 400:
            phrase = _phrase(response.status)
            raise FetchError(f"HTTP {response.status} {phrase}", transient=response.status >= 500)
        if response.content_type not in accept:
            wanted = "an HTML page" if accept == HTML_TYPES else "a feed"
            raise FetchError(f"not {wanted}: the server sent {response.content_type}")
        cap = self.limits.max_bytes
        if response.content_length is not None and response.content_length > cap:
            raise FetchError(
                f"too large: {response.content_length:,} bytes, over the {_size(cap)} limit"
            )
        body = bytearray()
        async for chunk in response.content.iter_chunked(CHUNK_BYTES):
            body += chunk
            if len(body) > cap:
                raise FetchError(f"too large: more than the {_size(cap)} limit (reading stopped)")
        return Page(
            requested, str(response.url), response.content_type, response.charset, bytes(body)
        )


def parse_url(url: str) -> URL:
    """Return `url` as a URL if it is an absolute http(s) URL with a host."""
    try:
        parsed = URL(url.strip())
    except (ValueError, TypeError):
        raise FetchError(f"not a valid URL: {url}") from None
    if parsed.scheme not in ("http", "https"):
        shown = f"'{parsed.scheme}'" if parsed.scheme else "none"
        raise FetchError(f"only http and https URLs can be fetched (scheme: {shown})")
    if not parsed.raw_host:
        raise FetchError(f"not a valid URL (no host): {url}")
    return parsed.with_fragment(None)


async def _resolve(host: str, port: int) -> list[IPAddress]:
    """Return every address `host` resolves to."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise FetchError(f"cannot resolve host {host} ({error.strerror})", transient=True) from None
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


def _accept_header(accept: frozenset[str]) -> str:
    return ", ".join([*sorted(accept), "*/*;q=0.1"])


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "error"


def _size(size: int) -> str:
    """Say a size in MiB when it is a round number of them (5 MiB, 0.5 MiB), else in bytes."""
    mib = size / (1024 * 1024)
    return f"{mib:g} MiB" if round(mib, 3) * 1024 * 1024 == size else f"{size:,} bytes"


def _reason(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text.splitlines()[0][:200]
