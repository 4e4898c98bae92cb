"""The HTTP layer every network connector shares (crawl now, WordPress later).

One place decides how kisync behaves on someone else's production server: a
recognisable User-Agent, a deadline on every attempt (:mod:`.deadline`), retries with
exponential backoff on 5xx answers and network hiccups (idempotent methods only, so a
retried POST can never create a page twice), ``Retry-After`` honoured, and an optional
:class:`Throttle` that spaces request starts, retries included.

:func:`request` is the only way connectors talk to a server. It returns a plain
:class:`Reply` and turns every ``requests``/``urllib3`` exception and every
unexpected status into a one-line :class:`~kisync.errors.PortalError`. Messages are
built from the (redacted) URL and the status only, never from headers, so an
Application Password in ``session.auth`` cannot leak into a log or a CI report.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from importlib import metadata
from itertools import takewhile
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from requests.structures import CaseInsensitiveDict
from urllib3.exceptions import (
    ConnectTimeoutError,
    MaxRetryError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    ResponseError,
)
from urllib3.util.retry import Retry

from ..errors import PortalError
from . import deadline

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
"""Answers worth another try: overload (429 honours Retry-After) and server errors."""

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Largest answer body :func:`request` reads; bigger ones are an error, not a page."""

_CHECK_SITE = "check the address and that the site is online"
_SECRET_PARAM = re.compile(r"pass|pwd|token|secret|key|auth|sig|session", re.I)


def _version() -> str:
    try:
        return metadata.version("kisync")
    except metadata.PackageNotFoundError:
        return "0"


USER_AGENT = f"kisync/{_version()} (translation sync; python-requests/{requests.__version__})"
"""Starts with ``kisync`` so robots.txt rules for ``User-agent: kisync`` apply."""


class Throttle:
    """Keep request starts at least ``interval`` seconds apart, across threads.

    Each caller reserves the next free slot under a lock and sleeps outside it, so
    the spacing holds however many worker threads share one session. The session
    calls it once per request and redirect hop, and the retry policy once more
    before each retry, after its backoff.
    """

    def __init__(self, interval: float = 0.0) -> None:
        self.interval = max(0.0, interval)
        self._lock = threading.Lock()
        self._next = 0.0

    def wait(self) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self.interval
        if start > now:
            time.sleep(start - now)


class _PoliteRetry(Retry):
    """urllib3's Retry with three changes for a shared production server.

    urllib3 retries the first failure immediately; here even the first retry waits
    ``backoff_factor`` seconds (then 2x, 4x, … up to ``backoff_max``). A
    ``Retry-After`` longer than ``backoff_max`` is cut down to it, so a server
    answering ``Retry-After: 86400`` cannot hang a run for a day. A retry also waits
    for the :class:`Throttle` (a backoff shorter than the site's Crawl-delay does not
    shorten it) and gets a fresh deadline.
    """

    throttle: Throttle | None = None

    def new(self, **kwargs: Any) -> _PoliteRetry:
        retry = super().new(**kwargs)
        retry.throttle = self.throttle
        return retry

    def sleep(self, response: Any = None) -> None:
        super().sleep(response)
        if self.throttle is not None:
            self.throttle.wait()
        deadline.restart_attempt()

    def get_backoff_time(self) -> float:
        errors = len(list(takewhile(lambda e: e.redirect_location is None, reversed(self.history))))
        if errors == 0:
            return 0.0
        return float(min(self.backoff_max, self.backoff_factor * 2 ** (errors - 1)))

    def get_retry_after(self, response: Any) -> float | None:
        seconds = super().get_retry_after(response)
        return None if seconds is None else min(seconds, self.backoff_max)


class _Adapter(HTTPAdapter):
    """Adds a default timeout, its deadline and the throttle to every request and hop."""

    def __init__(self, *, timeout: float, throttle: Throttle | None, **kwargs: Any) -> None:
        self.timeout = timeout
        self.throttle = throttle
        super().__init__(**kwargs)

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        if self.throttle is not None:
            self.throttle.wait()
        deadline.begin_attempt(kwargs["timeout"])
        return super().send(request, **kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = deadline.POOL_CLASSES

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = deadline.POOL_CLASSES
        return manager


def make_session(
    *,
    timeout: float = DEFAULT_TIMEOUT,
    retries: int = 3,
    backoff: float = 0.5,
    backoff_max: float = 30.0,
    retry_methods: Collection[str] = Retry.DEFAULT_ALLOWED_METHODS,
    throttle: Throttle | None = None,
    pool_size: int = 10,
    user_agent: str = USER_AGENT,
) -> requests.Session:
    """A ``requests.Session`` set up for polite, retrying access to one portal.

    ``timeout`` is the time one attempt may take in all, from connecting to the last
    byte of the answer (inside :func:`request`; a bare ``session.get`` has only
    requests' per-read timeout). ``retries`` counts extra attempts after the first,
    for connection errors, read timeouts and :data:`RETRY_STATUSES` alike; only
    ``retry_methods`` (the idempotent ones by default) are retried after the request
    reached the server.
    """
    retry = _PoliteRetry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        other=0,
        redirect=None,
        backoff_factor=backoff,
        backoff_max=backoff_max,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset(method.upper() for method in retry_methods),
        respect_retry_after_header=True,
        raise_on_status=False,
        raise_on_redirect=False,
    )
    retry.throttle = throttle
    adapter = _Adapter(
        timeout=timeout,
        throttle=throttle,
        max_retries=retry,
        pool_connections=4,
        pool_maxsize=max(pool_size, 1),
    )
    session = requests.Session()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = user_agent
    return session


class HTTPStatusError(PortalError):
    """The server answered with a status the caller did not expect."""

    def __init__(
        self, message: str, *, status: int, url: str | None = None, page: str | None = None
    ) -> None:
        super().__init__(message, url=url, page=page)
        self.status = status


@dataclass(frozen=True)
class Reply:
    """A finished HTTP exchange: final URL (after redirects), status, headers, body."""

    url: str
    status: int
    headers: Mapping[str, str] = field(default_factory=CaseInsensitiveDict)
    content: bytes = b""
    body_read: bool = True
    """False when :func:`request` skipped the body because of its Content-Type."""

    @property
    def media_type(self) -> str:
        """``text/html`` for ``Text/HTML; charset=UTF-8``; ``""`` when absent."""
        return self.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", self.headers.get("Content-Type", ""))
        return match.group(1).lower() if match else None

    def json(self) -> Any:
        """The body as JSON; a :class:`PortalError` if it is not JSON."""
        try:
            return json.loads(self.content.decode(self.charset or "utf-8"))
        except (UnicodeDecodeError, LookupError, ValueError):
            raise PortalError(
                f"{redact_url(self.url)}: the answer is not JSON"
                f" (got {self.media_type or 'no content type'});"
                " check that the address points to the site's REST API",
                url=redact_url(self.url),
            ) from None


def request(
    session: requests.Session,
    method: str,
    url: str,
    *,
    ok: Collection[int] = (200,),
    content_types: Collection[str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    **kwargs: Any,
) -> Reply:
    """Perform one request; return a :class:`Reply` or raise :class:`PortalError`.

    ``ok`` lists the statuses the caller handles; any other is an
    :class:`HTTPStatusError`. With ``content_types``, a 2xx answer of another media
    type comes back without its body (``body_read=False``), so a crawler never
    downloads a video that hides behind an extension-less link. ``kwargs`` go to
    ``session.request`` (``headers``, ``json``, ``timeout``, …).
    """
    safe_url = redact_url(url)
    response: requests.Response | None = None
    with deadline.attempts() as deadlines:
        try:
            with session.request(method, url, stream=True, **kwargs) as response:
                reply = _read(response, content_types, max_bytes)
                attempts = _attempts(response)
                if deadlines.last_expired:  # an answer cut off may look complete
                    raise requests.exceptions.ConnectionError("deadline passed")
        except (requests.RequestException, urllib3.exceptions.HTTPError) as error:
            deadlines.end()
            if deadlines.expired:
                # a body read is never retried; a cut-off header phase may have been
                tries = "" if response is not None else _tries_note(session, method, url)
                message = _too_slow(safe_url, deadlines.seconds, tries)
            else:
                message = _explain(error, safe_url, session, method, kwargs)
            raise PortalError(message, url=safe_url) from None
    if reply.status not in ok:
        message = _explain_status(reply, safe_url, attempts)
        raise HTTPStatusError(message, status=reply.status, url=safe_url)
    return reply


def _read(
    response: requests.Response, content_types: Collection[str] | None, max_bytes: int
) -> Reply:
    reply = Reply(url=response.url, status=response.status_code, headers=response.headers)
    unwanted = content_types is not None and reply.media_type not in content_types
    if unwanted and reply.media_type and 200 <= reply.status < 300:
        return Reply(reply.url, reply.status, reply.headers, b"", body_read=False)
    body = bytearray()
    for chunk in response.iter_content(chunk_size=64 * 1024):
        body += chunk
        if len(body) > max_bytes:
            raise PortalError(
                f"{redact_url(reply.url)}: the answer is larger than {_size(max_bytes)};"
                " kisync stopped reading it (is this really a page?)",
                url=redact_url(reply.url),
            )
    return Reply(reply.url, reply.status, reply.headers, bytes(body))


def _attempts(response: requests.Response) -> int:
    retries = getattr(response.raw, "retries", None)
    history = getattr(retries, "history", ())
    return 1 + sum(1 for entry in history if entry.redirect_location is None)


def redact_url(url: str) -> str:
    """The URL without user:password and with secret-looking query values masked."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc.rpartition("@")[2]
        query = urlencode(
            [
                (name, "***" if _SECRET_PARAM.search(name) else value)
                for name, value in parse_qsl(parts.query, keep_blank_values=True)
            ],
            safe="*/:,",
        )
        return urlunsplit((parts.scheme, netloc, parts.path, query, ""))
    except ValueError:
        return "<unreadable address>"


def _explain_status(reply: Reply, url: str, attempts: int) -> str:
    status = reply.status
    tries = f" even after {attempts} attempts" if attempts > 1 else ""
    if status == 401:
        return f"{url}: the server asks for a login (HTTP 401); check the user name and password"
    if status == 403:
        return f"{url}: access forbidden (HTTP 403); check the permissions of the kisync account"
    if status in (404, 410):
        return f"{url}: page not found (HTTP {status}); check the address"
    if status == 429:
        return (
            f"{url}: the server asks kisync to slow down (HTTP 429){tries};"
            " raise `delay` under [portal] in kisync.toml or try again later"
        )
    if status >= 500:
        return (
            f"{url}: the server answered with an error (HTTP {status} {_reason(status)}){tries};"
            " the site may be down or overloaded, try again later"
        )
    return f"{url}: unexpected answer HTTP {status} {_reason(status)}".rstrip()


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _explain(
    error: Exception,
    url: str,
    session: requests.Session,
    method: str,
    kwargs: Mapping[str, Any],
) -> str:
    """One line for a network-level failure, naming the URL, the cause and a next step."""
    cause = _root_cause(error)
    host = urlsplit(url).hostname or url
    tries = _tries_note(session, method, url)
    timeout = kwargs.get("timeout") or getattr(_adapter(session, url), "timeout", None)
    seconds = f" within {timeout:g} seconds" if isinstance(timeout, int | float) else ""
    if isinstance(error, requests.exceptions.TooManyRedirects):
        return f"{url}: the address redirects in a loop; open it in a browser to check"
    if isinstance(error, requests.exceptions.SSLError):
        return (
            f"{url}: the secure (HTTPS) connection failed, probably a certificate problem;"
            " check the address or ask the site's administrators"
        )
    if isinstance(
        error,
        requests.exceptions.MissingSchema
        | requests.exceptions.InvalidSchema
        | requests.exceptions.InvalidURL,
    ):
        return f"{url!r} is not a valid web address; it must start with https:// or http://"
    if isinstance(cause, NameResolutionError):
        return f"{url}: the host name {host} was not found; {_CHECK_SITE}"
    if isinstance(cause, ReadTimeoutError) or isinstance(error, requests.exceptions.ReadTimeout):
        return _too_slow(url, deadline.total_seconds(timeout), tries)
    if isinstance(cause, ConnectTimeoutError) and not isinstance(cause, NewConnectionError):
        return f"{url}: could not connect to {host}{seconds}{tries}; {_CHECK_SITE}"
    if isinstance(cause, NewConnectionError):
        return f"{url}: {host} refused the connection{tries}; {_CHECK_SITE}"
    if isinstance(cause, ProtocolError) or isinstance(
        error, requests.exceptions.ChunkedEncodingError
    ):
        return f"{url}: the connection broke off during the answer{tries}; try again later"
    if isinstance(cause, ResponseError):
        return f"{url}: the server kept answering with errors{tries}; try again later"
    return f"{url}: the request failed ({type(cause).__name__}){tries}; try again later"


def _too_slow(url: str, seconds: float | None, tries: str) -> str:
    within = f" within {seconds:g} seconds" if seconds is not None else ""
    return (
        f"{url}: the server did not answer{within}{tries};"
        " it may be overloaded, try again later or raise `timeout`"
    )


def _root_cause(error: BaseException) -> BaseException:
    """Unwrap requests' wrappers down to urllib3's own reason."""
    seen: set[int] = set()
    current: BaseException = error
    while id(current) not in seen:
        seen.add(id(current))
        inner: Any = current.args[0] if current.args else None
        if isinstance(current, MaxRetryError) and current.reason is not None:
            current = current.reason
        elif isinstance(inner, BaseException):
            current = inner
        else:
            break
    return current


def _tries_note(session: requests.Session, method: str, url: str) -> str:
    retry = getattr(_adapter(session, url), "max_retries", None)
    total = getattr(retry, "total", 0)
    allowed = getattr(retry, "allowed_methods", None) or ()
    if isinstance(total, int) and total > 0 and method.upper() in allowed:
        return f" (tried {total + 1} times)"
    return ""


def _adapter(session: requests.Session, url: str) -> Any:
    try:
        return session.get_adapter(url)
    except requests.RequestException:
        return None


def _size(count: int) -> str:
    return f"{count / 1_000_000:.3g} MB" if count >= 100_000 else f"{count:,} bytes"
