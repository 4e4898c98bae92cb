"""A real, threaded HTTP server on 127.0.0.1 for tests.

It serves a folder (with ETag/Last-Modified and 304s, like a static web server)
and/or routes whose handlers return a :class:`Response` with any status, headers,
body and delay. It records every request (arrival time, headers, status sent) and
the largest number of requests it handled at once, so tests can check retries,
conditional GETs, politeness delays and concurrency bounds against real traffic::

    with TestServer(root=tmp_path) as server:
        server.route("/kaputt/", Response(500))
        server.route("/langsam/", Response(200, "<p>ok</p>", delay=0.5))
        server.route("/launisch/", in_turn(Response(503), Response(200, "ok")))
        ...
        assert server.count("/kaputt/") == 4
"""

from __future__ import annotations

import dataclasses
import email.utils
import hashlib
import mimetypes
import socket
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

__all__ = ["Request", "Response", "TestServer", "in_turn", "serve", "unused_port"]

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
    ".css": "text/css",
    ".js": "text/javascript",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".svg": "image/svg+xml",
}


@dataclass(frozen=True)
class Request:
    """One request as the server received it."""

    method: str
    path: str
    """Percent-decoded path, without the query string."""
    raw_path: str
    """The request target exactly as sent, query string included."""
    query: str
    headers: Message
    body: bytes
    started: float
    """``time.monotonic()`` when the request line arrived."""
    status: int = 0
    """The status the server answered with (0 if the client went away first)."""


@dataclass(frozen=True)
class Response:
    """What a route answers. ``body`` may be ``str`` (sent as UTF-8) or ``bytes``."""

    status: int = 200
    body: str | bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds to wait before sending anything (for timeout tests)."""
    content_type: str | None = "text/html; charset=utf-8"
    """Sent unless ``headers`` has its own Content-Type; ``None`` sends none."""
    trickle: float = 0.0
    """Seconds between single bytes of the body (a slow-loris server); 0: all at once."""
    trickle_headers: bool = False
    """With ``trickle``: the status line and headers trickle too, not only the body."""

    def encoded(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


Handler = Callable[[Request], Response]


def in_turn(*responses: Response) -> Handler:
    """A handler answering with each response in turn, then repeating the last one."""
    queue = iter(responses)
    last = responses[-1]
    lock = threading.Lock()

    def handler(_request: Request) -> Response:
        nonlocal last
        with lock:
            last = next(queue, last)
            return last

    return handler


def unused_port() -> int:
    """A port on 127.0.0.1 nobody listens on (for "connection refused" tests)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TestServer:
    """Serve ``root`` (optional) and routes on ``http://127.0.0.1:<port>``.

    Routes win over files. A route path ending in ``*`` matches every path with that
    prefix. Folder paths ending in ``/`` serve ``index.html``; a folder requested
    without the slash is redirected (301) like Apache and nginx do. ``validators``
    controls whether files carry ETag and Last-Modified (and so can answer 304).
    """

    __test__ = False  # not a pytest test class despite the name

    def __init__(
        self,
        root: Path | None = None,
        *,
        routes: Mapping[str, Response | Handler] | None = None,
        validators: bool = True,
    ) -> None:
        self.root = Path(root).resolve() if root is not None else None
        self.validators = validators
        self._lock = threading.Lock()
        self._routes: dict[str, Handler] = {}
        for path, answer in (routes or {}).items():
            self.route(path, answer)
        self._requests: list[Request] = []
        self._active = 0
        self.max_concurrent = 0
        self._stopping = threading.Event()
        self._httpd = _Server(("127.0.0.1", 0), _RequestHandler)
        self._httpd.owner = self
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------

    def start(self) -> TestServer:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes handlers sleeping in a delay
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> TestServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- configuration ---------------------------------------------------------------

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        """Base URL without a trailing slash: ``http://127.0.0.1:PORT``."""
        return f"http://127.0.0.1:{self.port}"

    def url_for(self, path: str) -> str:
        return self.url + "/" + path.lstrip("/")

    def route(self, path: str, answer: Response | Handler) -> None:
        """Answer requests for ``path`` with a fixed response or a handler."""
        handler = answer if callable(answer) else _constant(answer)
        with self._lock:
            self._routes[path] = handler

    # -- what happened ---------------------------------------------------------------

    @property
    def requests(self) -> list[Request]:
        with self._lock:
            return list(self._requests)

    def count(
        self, path: str | None = None, *, status: int | None = None, method: str | None = None
    ) -> int:
        """Requests for ``path`` (all paths if None), optionally by status and method."""
        return len(self.matching(path, status=status, method=method))

    def matching(
        self, path: str | None = None, *, status: int | None = None, method: str | None = None
    ) -> list[Request]:
        return [
            request
            for request in self.requests
            if (path is None or request.path == path)
            and (status is None or request.status == status)
            and (method is None or request.method == method)
        ]

    def reset(self) -> None:
        """Forget recorded requests and the concurrency peak (routes stay)."""
        with self._lock:
            self._requests.clear()
            self.max_concurrent = 0

    # -- internals -------------------------------------------------------------------

    def _arrive(self, request: Request) -> None:
        """Record a request as it arrives (before any delay)."""
        with self._lock:
            self._active += 1
            self.max_concurrent = max(self.max_concurrent, self._active)
            self._requests.append(request)

    def _answered(self, request: Request, status: int) -> None:
        """Called just before the answer is written, so a client never sees a stale log."""
        with self._lock:
            self._active -= 1
            for index, logged in enumerate(self._requests):
                if logged is request:
                    self._requests[index] = dataclasses.replace(request, status=status)
                    break

    def _answer(self, request: Request) -> Response:
        handler = self._find_route(request.path)
        if handler is not None:
            return handler(request)
        if self.root is not None and request.method in ("GET", "HEAD"):
            return self._serve_file(request)
        return Response(404, "<h1>Not found</h1>")

    def _find_route(self, path: str) -> Handler | None:
        with self._lock:
            routes = dict(self._routes)
        if path in routes:
            return routes[path]
        prefixes = [p for p in routes if p.endswith("*") and path.startswith(p[:-1])]
        return routes[max(prefixes, key=len)] if prefixes else None

    def _serve_file(self, request: Request) -> Response:
        assert self.root is not None
        target = (self.root / request.path.lstrip("/")).resolve()
        if target != self.root and self.root not in target.parents:
            return Response(404, "<h1>Not found</h1>")
        if target.is_dir():
            if not request.path.endswith("/"):
                return Response(301, headers={"Location": quote(request.path) + "/"})
            target = target / "index.html"
        if not target.is_file():
            return Response(404, "<h1>Not found</h1>")
        return self._file_response(target, request)

    def _file_response(self, target: Path, request: Request) -> Response:
        data = target.read_bytes()
        content_type = _TYPES.get(target.suffix.lower()) or (
            mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        )
        if not self.validators:
            return Response(200, data, content_type=content_type)
        etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
        modified = email.utils.formatdate(int(target.stat().st_mtime), usegmt=True)
        headers = {"ETag": etag, "Last-Modified": modified}
        if _not_modified(request, etag, target.stat().st_mtime):
            return Response(304, headers=headers, content_type=None)
        return Response(200, data, headers=headers, content_type=content_type)


def _not_modified(request: Request, etag: str, mtime: float) -> bool:
    match = request.headers.get("If-None-Match")
    if match is not None:
        return etag in [tag.strip() for tag in match.split(",")] or match.strip() == "*"
    since = request.headers.get("If-Modified-Since")
    if since is None:
        return False
    try:
        return int(mtime) <= email.utils.parsedate_to_datetime(since).timestamp()
    except (TypeError, ValueError):
        return False


def _constant(response: Response) -> Handler:
    return lambda _request: response


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    owner: TestServer

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that time out and hang up are expected here; stay quiet."""


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are separate writes: avoid 40 ms stalls
    server: _Server

    def do_GET(self) -> None:
        self._handle()

    do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_GET

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep pytest output clean; tests read server.requests instead

    def _handle(self) -> None:
        owner = self.server.owner
        request = self._request(time.monotonic())
        owner._arrive(request)
        answered = False
        try:
            response = owner._answer(request)
            if response.delay and owner._stopping.wait(response.delay):
                return
            owner._answered(request, response.status)
            answered = True
            self._send(response)
        finally:
            if not answered:
                owner._answered(request, 0)

    def _request(self, started: float) -> Request:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        return Request(
            method=self.command,
            path=unquote(parts.path),
            raw_path=self.path,
            query=parts.query,
            headers=self.headers,
            body=body,
            started=started,
        )

    def _send(self, response: Response) -> None:
        plain = self.wfile
        try:
            self._send_head(response)
            if self.command != "HEAD" and response.status != 304:
                if response.trickle:
                    self.wfile = _Trickle(plain, response.trickle, self.server.owner._stopping)
                self.wfile.write(response.encoded())
        finally:
            self.wfile = plain

    def _send_head(self, response: Response) -> None:
        if response.trickle and response.trickle_headers:
            self.wfile = _Trickle(self.wfile, response.trickle, self.server.owner._stopping)
        self.send_response(response.status)
        headers = {name.lower(): value for name, value in response.headers.items()}
        if response.content_type and "content-type" not in headers:
            self.send_header("Content-Type", response.content_type)
        for name, value in response.headers.items():
            self.send_header(name, value)
        if response.status != 304:
            self.send_header("Content-Length", str(len(response.encoded())))
        self.end_headers()


class _Trickle:
    """A writer sending one byte every ``interval`` seconds until the server stops."""

    def __init__(self, raw: Any, interval: float, stopping: threading.Event) -> None:
        self.raw, self.interval, self.stopping = raw, interval, stopping

    def write(self, data: bytes) -> int:
        for index in range(len(data)):
            if self.stopping.wait(self.interval):
                raise ConnectionAbortedError("the test server stops")
            self.raw.write(data[index : index + 1])
        return len(data)

    def flush(self) -> None:
        self.raw.flush()


def serve(
    root: Path | None = None, routes: Iterable[tuple[str, Response | Handler]] = ()
) -> TestServer:
    """Start a server (stop it with ``.stop()`` or use it as a context manager)."""
    return TestServer(root, routes=dict(routes)).start()
