"""One deadline per HTTP attempt: connecting, sending, the answer's headers and its body.

The timeouts of requests and urllib3 apply to each socket operation, so a server
sending one byte every two seconds holds a request for as long as it likes. Here each
attempt (the first try and every retry) gets ``timeout`` seconds in all: a watchdog
timer shuts the attempt's socket down when they have passed, which ends a read in
progress at once; :func:`kisync.portal.http.request` then reports a timeout.

An attempt runs in one thread from start to end, so the deadline of the current
attempt lives in a thread-local, opened by :func:`attempts` (around one
``request()``), armed by :func:`begin_attempt` (the adapter's ``send`` and the retry's
``sleep``); the connection classes below put their socket under it.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_local = threading.local()


class Deadline:
    """``seconds`` from now, after which the watched connections are cut off."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._owner = threading.get_ident()
        self._watched: list[_WatchedConnection] = []
        self._finished = False
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, connection: _WatchedConnection) -> None:
        with self._lock:
            if self._finished:
                return
            self._watched.append(connection)
            if self.expired:
                self._cut(connection)

    def finish(self) -> None:
        """The attempt ended: forget its connections (they go back to the pool)."""
        with self._lock:
            self._finished = True
            self._watched.clear()
        self._timer.cancel()

    def _expire(self) -> None:
        with self._lock:
            if self._finished:
                return
            self.expired = True
            for connection in self._watched:
                self._cut(connection)

    def _cut(self, connection: _WatchedConnection) -> None:
        sock = connection.sock
        if sock is None or connection.user != self._owner:
            return  # the connection moved on to another request
        # socket.socket's own shutdown, also for TLS sockets: it wakes a blocked read
        with suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


class Attempts:
    """The attempts of one request: the current deadline, and whether any expired."""

    def __init__(self) -> None:
        self.current: Deadline | None = None
        self.expired = False
        self.seconds = 0.0

    def begin(self, seconds: float) -> None:
        self.end()
        self.current = Deadline(seconds)
        self.seconds = seconds

    def end(self) -> None:
        if self.current is not None:
            self.current.finish()
            self.expired = self.expired or self.current.expired
            self.current = None

    @property
    def last_expired(self) -> bool:
        return self.current is not None and self.current.expired


@contextmanager
def attempts() -> Iterator[Attempts]:
    """Put deadlines on the attempts this thread makes inside the ``with`` block."""
    outer = getattr(_local, "attempts", None)
    _local.attempts = scope = Attempts()
    try:
        yield scope
    finally:
        scope.end()
        _local.attempts = outer


def begin_attempt(timeout: Any) -> None:
    """Start the deadline of a new attempt (inside :func:`attempts` only)."""
    scope: Attempts | None = getattr(_local, "attempts", None)
    if scope is None:
        return
    seconds = total_seconds(timeout)
    if seconds is None:
        scope.end()
    else:
        scope.begin(seconds)


def restart_attempt() -> None:
    """A retry: the same length of time again, from now."""
    scope: Attempts | None = getattr(_local, "attempts", None)
    if scope is not None and scope.current is not None:
        scope.begin(scope.seconds)


def total_seconds(timeout: Any) -> float | None:
    """Seconds a requests ``timeout`` (a number or a (connect, read) pair) allows in all."""
    if isinstance(timeout, int | float):
        return float(timeout)
    if isinstance(timeout, tuple) and all(isinstance(part, int | float) for part in timeout):
        return float(sum(timeout))
    return None


def _watch(connection: _WatchedConnection) -> None:
    connection.user = threading.get_ident()
    scope: Attempts | None = getattr(_local, "attempts", None)
    if scope is not None and scope.current is not None:
        scope.current.watch(connection)


class _WatchedConnection(HTTPConnection):
    user: int = 0
    """The thread using the connection for its current request."""

    def connect(self) -> None:
        super().connect()
        _watch(self)

    def request(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        _watch(self)
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(_WatchedConnection, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


POOL_CLASSES = {"http": _HTTPPool, "https": _HTTPSPool}
"""For a urllib3 ``PoolManager.pool_classes_by_scheme``."""
