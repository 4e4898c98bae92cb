"""A reverse proxy on 127.0.0.1 that breaks chosen requests on their way to a real server.

Point the client at ``proxy.url`` instead of the server, then inject faults::

    with FaultProxy(wordpress.url) as proxy:
        proxy.inject("POST", "/wp-json/wp/v2/pages", "drop")         # applied, then hang up
        proxy.inject("GET", "/wp-json/wp/v2/pages*", "error", times=2)  # two 500s
        ...
        assert proxy.count("POST", "/wp-json/wp/v2/pages", action="drop") == 1

Faults (each affects the next ``times`` matching requests, then requests pass):

- ``error``: answer ``status`` (500) without forwarding: the server never saw it.
- ``error_after``: forward, then answer ``status`` instead of the server's answer:
  the write was applied, the client is told it failed.
- ``timeout``: forward, then hold the answer for ``delay`` seconds: the write was
  applied, the client gives up waiting.
- ``drop``: forward, then close the connection without answering: the write was
  applied, the client sees a dropped connection.
- ``drop_before``: close the connection without forwarding.
- ``slow``: wait ``delay`` seconds, then forward and answer normally (not a fault:
  it makes concurrent requests overlap, see ``max_concurrent``).

Every request is recorded (method, path, query, the fault applied, whether it reached
the server), so tests can check what the client did and what the server saw.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
from dataclasses import dataclass
from fnmatch import fnmatchcase
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Literal
from urllib.parse import urlsplit

Action = Literal["error", "error_after", "timeout", "drop", "drop_before", "slow"]
_HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailers",
        "transfer-encoding",
        "upgrade",
        "host",
        "content-length",
    }
)


@dataclass
class Fault:
    method: str
    path: str
    """fnmatch pattern for the request path (without the query string)."""
    action: Action
    times: int = 1
    status: int = 500
    delay: float = 5.0

    def matches(self, method: str, path: str) -> bool:
        return self.times > 0 and self.method in ("*", method) and fnmatchcase(path, self.path)


@dataclass(frozen=True)
class ProxiedRequest:
    method: str
    path: str
    query: str
    action: str
    """The fault applied, or ``""`` when the request passed unharmed."""
    forwarded: bool
    """Whether the request reached the server."""
    status: int
    """The status the server answered (0 if it was not forwarded)."""


class FaultProxy:
    """Forward every request to ``upstream`` (``http://127.0.0.1:PORT``), breaking some."""

    def __init__(self, upstream: str) -> None:
        parts = urlsplit(upstream)
        self.upstream_host = parts.hostname or "127.0.0.1"
        self.upstream_port = parts.port or 80
        self._faults: list[Fault] = []
        self._log: list[ProxiedRequest] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._active = 0
        self.max_concurrent = 0
        """The most requests the proxy was handling at the same time."""
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT/`` (with the trailing slash, like a site address)."""
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/"

    def start(self) -> FaultProxy:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def inject(
        self,
        method: str,
        path: str,
        action: Action,
        *,
        times: int = 1,
        status: int = 500,
        delay: float = 5.0,
    ) -> None:
        with self._lock:
            self._faults.append(Fault(method, path, action, times, status, delay))

    def clear(self) -> None:
        """Remove the faults not used up yet (the log stays)."""
        with self._lock:
            self._faults.clear()

    @property
    def requests(self) -> list[ProxiedRequest]:
        with self._lock:
            return list(self._log)

    def count(
        self,
        method: str = "*",
        path: str = "*",
        *,
        action: str | None = None,
        forwarded: bool | None = None,
    ) -> int:
        return sum(
            1
            for r in self.requests
            if method in ("*", r.method)
            and fnmatchcase(r.path, path)
            and (action is None or r.action == action)
            and (forwarded is None or r.forwarded == forwarded)
        )

    # -- internals -------------------------------------------------------------------

    def _take_fault(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.matches(method, path):
                    fault.times -= 1
                    return Fault(**{**fault.__dict__})
        return None

    def _enter(self, delta: int) -> None:
        with self._lock:
            self._active += delta
            self.max_concurrent = max(self.max_concurrent, self._active)

    def _record(self, entry: ProxiedRequest) -> None:
        with self._lock:
            self._log.append(entry)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    owner: FaultProxy

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hanging up on purpose (timeouts) are expected; stay quiet."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: _Server

    def do_GET(self) -> None:
        self._handle()

    do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_GET

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _handle(self) -> None:
        owner = self.server.owner
        owner._enter(+1)
        try:
            self._proxy(owner)
        finally:
            owner._enter(-1)

    def _proxy(self, owner: FaultProxy) -> None:
        path, _, query = self.path.partition("?")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        fault = owner._take_fault(self.command, path)
        action = fault.action if fault else ""
        if fault is not None and fault.action in ("error", "drop_before"):
            owner._record(ProxiedRequest(self.command, path, query, action, False, 0))
            if fault.action == "error":
                self._send(fault.status, [("Content-Type", "text/html")], b"<h1>Error</h1>")
            else:
                self._hang_up()
            return
        if fault is not None and fault.action == "slow":
            owner._stopping.wait(fault.delay)
        status, headers, data = self._forward(body)
        owner._record(ProxiedRequest(self.command, path, query, action, True, status))
        if fault is None or fault.action == "slow":
            self._send(status, headers, data)
        elif fault.action == "error_after":
            self._send(fault.status, [("Content-Type", "text/html")], b"<h1>Error</h1>")
        elif fault.action == "timeout":
            owner._stopping.wait(fault.delay)
            self._hang_up()
        else:  # drop
            self._hang_up()

    def _forward(self, body: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
        owner = self.server.owner
        connection = http.client.HTTPConnection(
            owner.upstream_host, owner.upstream_port, timeout=60
        )
        try:
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
            headers["Host"] = f"{owner.upstream_host}:{owner.upstream_port}"
            headers["Content-Length"] = str(len(body))
            connection.request(self.command, self.path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            kept = [(k, v) for k, v in response.getheaders() if k.lower() not in _HOP_BY_HOP]
            return response.status, kept, data
        finally:
            connection.close()

    def _send(self, status: int, headers: list[tuple[str, str]], data: bytes) -> None:
        self.send_response_only(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
        self.wfile.flush()

    def _hang_up(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)
