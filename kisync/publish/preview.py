"""``kisync preview``: translated pages in a browser before they go live.

A small HTTP server on 127.0.0.1 renders every page in every language on request, from
the catalogs as they are on disk right now: a translator saves in Poedit, reloads the
browser and sees the sentence in its page, right-to-left layout included. Unlike
``push`` it shows every page, however incomplete, and outlines the text still in German.
Nothing is written anywhere.

- ``/`` lists the pages with their completeness per language;
- ``/<lang>/<page path>`` is the translated page (``/ar/bildung-sprache/``);
- anything else is served from a files portal's folder (the German pages, stylesheets,
  images), so the pages look as they will, but never a file outside that folder and the
  project, even through a symbolic link.

It listens on 127.0.0.1 only and answers only requests addressed to ``127.0.0.1`` or
``localhost`` (the ``Host`` header), so a web page in the same browser cannot reach it
under a host name of its own (DNS rebinding).
"""

from __future__ import annotations

import html
import logging
import threading
from collections.abc import Callable, Sequence
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from ..catalog.keys import SITE_KEY
from ..errors import CatalogError, KisyncError
from ..languages import Language
from ..progress import catalog_counts
from .files import FilesTarget, language_folder
from .gate import PublishGate
from .render import Alternates, Links, SourcePage, link_key, render

if TYPE_CHECKING:
    from ..catalog.layout import CatalogLayout
    from ..extract.rules import ExtractRules
    from ..portal import Portal

log = logging.getLogger(__name__)

HIGHLIGHT = (
    '<style id="kisync-preview">[lang="{source}"]{{outline:2px dashed #d97706;'
    "outline-offset:2px}}</style>"
)
"""Added to previewed pages: text still in the source language gets a dashed outline."""


class Preview:
    """Renders pages for the preview server (usable without it, e.g. in tests)."""

    def __init__(
        self,
        portal: Portal,
        catalogs: CatalogLayout,
        *,
        rules: ExtractRules,
        source_language: Language,
        languages: Sequence[Language] = (),
        gate: PublishGate | None = None,
    ) -> None:
        """Pages of ``portal`` (closed by :meth:`close`) with the translations of
        ``catalogs`` that ``gate`` lets through, in ``languages`` (default: all)."""
        self.catalogs = catalogs
        self.rules = rules
        self.gate = gate or PublishGate()
        self.languages = tuple(languages) or catalogs.target_languages()
        self.source_language = source_language
        self.target = FilesTarget(Path("/nonexistent"), name="preview")  # for addresses
        self.portal = portal
        self.refs = {link_key(ref.url): ref for ref in self.portal.pages()}
        self._lock = threading.Lock()
        """One request at a time reads from the portal (a connector need not be thread-safe)."""

    def close(self) -> None:
        self.portal.close()

    def language(self, folder: str) -> Language | None:
        return next((lang for lang in self.languages if language_folder(lang) == folder), None)

    def page(self, language: Language, path: str) -> str | None:
        """The rendered page for ``/<lang><path>``, or None when there is no such page."""
        ref = self.refs.get(link_key(path))
        if ref is None:
            return None
        with self._lock:
            text = self.portal.read(ref)
        source = SourcePage(text, self.rules)
        addresses = {key: self.target.address(language, other) for key, other in self.refs.items()}
        versions = [(self.source_language, ref.url)]
        versions += [(lang, self.target.address(lang, ref)) for lang in self.languages]
        rendered = render(
            source,
            language,
            self._translations(language, ref.key),
            self._translations(language, SITE_KEY),
            links=Links(ref.url, addresses[link_key(ref.url)], addresses),
            alternates=Alternates(tuple(versions)),
            source_language=self.source_language.bcp47,
        )
        style = HIGHLIGHT.format(source=html.escape(self.source_language.bcp47))
        head_end = rendered.html.find("</head>")
        if head_end < 0:
            return style + rendered.html
        return rendered.html[:head_end] + style + rendered.html[head_end:]

    def index(self) -> str:
        """The start page: every page, linked in every language, with its completeness."""
        rows = []
        for ref in sorted(self.refs.values(), key=lambda r: r.key):
            cells = [
                f'<td><a href="{html.escape(ref.url)}" lang="de">{html.escape(ref.key)}</a></td>'
            ]
            for language in self.languages:
                href = html.escape(self.target.address(language, ref))
                cells.append(f'<td><a href="{href}">{self._percent(language, ref.key)}</a></td>')
            rows.append(f"<tr>{''.join(cells)}</tr>")
        heads = "".join(
            f'<th lang="{lang.bcp47}" dir="{lang.direction}">{html.escape(lang.native_name)}</th>'
            for lang in self.languages
        )
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            "<title>kisync preview</title></head><body><h1>kisync preview</h1>"
            "<p>Pages as they would look with the translations saved right now; text still in "
            "German has a dashed outline. Reload after saving a PO file.</p>"
            f"<table><thead><tr><th>page</th>{heads}</tr></thead><tbody>{''.join(rows)}"
            "</tbody></table></body></html>\n"
        )

    def _percent(self, language: Language, key: str) -> str:
        try:
            return f"{catalog_counts(self.catalogs.catalog_path(language.code, key)).percent:g} %"
        except CatalogError:
            return "–"

    def _translations(self, language: Language, key: str) -> dict[tuple[str, str], str]:
        path = self.catalogs.catalog_path(language.code, key)
        try:
            return dict(self.gate.read(path, language).translations)
        except KisyncError as error:
            log.warning("%s", error)
            return {}


LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})


class _Handler(SimpleHTTPRequestHandler):
    preview: Preview
    static = False
    """Serve other paths from ``directory`` (a files portal's folder)."""
    roots: tuple[Path, ...] = ()
    """Static files must really be (symbolic links followed) under one of these folders."""

    def do_GET(self) -> None:
        if not self._addressed_to_us():
            return self._send("<p>wrong host name</p>", HTTPStatus.MISDIRECTED_REQUEST)
        path = unquote(urlsplit(self.path).path)
        if path in ("", "/"):
            return self._send(self.preview.index())
        folder, _, rest = path.lstrip("/").partition("/")
        language = self.preview.language(folder)
        if language is not None:
            try:
                page = self.preview.page(language, "/" + rest)
            except KisyncError as error:
                return self._send(f"<p>{html.escape(str(error))}</p>", HTTPStatus.BAD_GATEWAY)
            if page is None:
                return self._send("<p>no such page</p>", HTTPStatus.NOT_FOUND)
            return self._send(page)
        if not self.static:
            return self._send("<p>not found</p>", HTTPStatus.NOT_FOUND)
        return super().do_GET()

    def do_HEAD(self) -> None:
        if not self._addressed_to_us():
            return self._send("", HTTPStatus.MISDIRECTED_REQUEST)
        return super().do_HEAD()

    def send_head(self) -> Any:
        """Like the standard handler, but a 404 for a file (or folder index) outside."""
        path = Path(self.translate_path(self.path))
        served = [path / "index.html", path / "index.htm"] if path.is_dir() else []
        for candidate in (path, *served):
            if candidate.exists() and not self._inside(candidate.resolve()):
                self.send_error(HTTPStatus.NOT_FOUND, "File not found")
                return None
        return super().send_head()

    def _inside(self, path: Path) -> bool:
        return any(path.is_relative_to(root) for root in self.roots)

    def _addressed_to_us(self) -> bool:
        host = (self.headers.get("Host") or "").strip().lower()
        name, _, port = host.rpartition(":") if host.count(":") == 1 else (host, "", "")
        return name in LOCAL_HOSTS and port in ("", str(self.server.server_address[1]))

    def _send(self, text: str, status: HTTPStatus = HTTPStatus.OK) -> None:
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        log.info("preview: " + format, *args)


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int, handler: Callable[..., _Handler], preview: Preview) -> None:
        self.preview = preview  # first: a failed bind calls server_close()
        super().__init__(("127.0.0.1", port), handler)

    def server_close(self) -> None:
        super().server_close()
        self.preview.close()


def make_server(
    preview: Preview, port: int = 8000, *, static: Path | None = None, root: Path | None = None
) -> PreviewServer:
    """A preview server of ``preview`` bound to 127.0.0.1 (``port`` 0: any free port);
    call ``serve_forever()`` on it, ``server_close()`` after (it closes ``preview``).
    Static files come from the folder ``static`` (a files portal's) when given; they may
    be there or, through links, below ``root`` (the project's folder)."""
    folder = str(static) if static is not None else None
    roots = tuple(p.resolve() for p in (root, static) if p is not None) if static else ()
    settings = {"preview": preview, "static": static is not None, "roots": roots}
    handler = type("PreviewHandler", (_Handler,), settings)
    try:
        return PreviewServer(port, partial(handler, directory=folder), preview)
    except OSError as error:
        raise KisyncError.naming(
            f"cannot listen on 127.0.0.1:{port} ({error.strerror}); try another {{port}}",
            port="port",
        ) from None


__all__ = ["Preview", "PreviewServer", "make_server"]
