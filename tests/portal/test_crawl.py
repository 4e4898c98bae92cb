"""CrawlPortal and the HTTP layer against a real HTTP server on 127.0.0.1 (no mocks)."""

from __future__ import annotations

import gzip
import itertools
import json
import logging
import os
import time
from collections import Counter
from collections.abc import Iterator
from email.utils import formatdate
from pathlib import Path
from urllib.parse import unquote

import pytest
import requests
from support.httpserver import Request, Response, TestServer, in_turn, unused_port

from kisync.catalog.keys import page_key
from kisync.errors import PortalError
from kisync.portal import crawl as crawl_module
from kisync.portal import crawl_cache, discovery
from kisync.portal.base import PageRef, Portal
from kisync.portal.crawl import CrawlPortal
from kisync.portal.decoding import decode_html
from kisync.portal.discovery import parse_sitemap
from kisync.portal.http import HTTPStatusError, Reply, make_session, redact_url, request
from kisync.portal.urls import normalize_url

DEMO = Path(__file__).resolve().parents[2] / "examples" / "heinsberg" / "portal"


def html(title: str, *links: str, lang: str | None = "de", body: str = "") -> str:
    lang_attribute = f' lang="{lang}"' if lang is not None else ""
    anchors = "".join(f'<a href="{link}">{link}</a>' for link in links)
    return (
        f"<!DOCTYPE html><html{lang_attribute}><head><meta charset='utf-8'>"
        f"<title>{title}</title></head><body><main><h1>{title}</h1>{body}"
        f"<nav>{anchors}</nav></main></body></html>"
    )


def write(root: Path, path: str, text: str | bytes) -> Path:
    target = root / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")
    return target


def urlset(server: TestServer, *paths: str) -> str:
    entries = "".join(f"<url><loc>{server.url_for(path)}</loc></url>" for path in paths)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    )


def sitemap_index(server: TestServer, *paths: str) -> str:
    entries = "".join(f"<sitemap><loc>{server.url_for(path)}</loc></sitemap>" for path in paths)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}'
        "</sitemapindex>"
    )


def xml(text: str | bytes) -> Response:
    return Response(200, text, content_type="application/xml")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    return root


@pytest.fixture
def server(site: Path) -> Iterator[TestServer]:
    with TestServer(site) as running:
        yield running


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def crawl(server: TestServer, cache: Path, path: str = "/", **options: object) -> CrawlPortal:
    """A portal with test-friendly defaults: no politeness delay, tiny backoff."""
    settings: dict[str, object] = {"delay": 0, "backoff": 0.01, "timeout": 5, "retries": 2}
    settings.update(options)
    return CrawlPortal(server.url_for(path), cache_dir=cache, **settings)  # type: ignore[arg-type]


def keys(portal: CrawlPortal) -> list[str]:
    return [ref.key for ref in portal.pages()]


def page_requests(server: TestServer) -> list[Request]:
    """Requests for pages, leaving out robots.txt and sitemap probes."""
    return [r for r in server.requests if not r.path.endswith((".txt", ".xml", ".gz"))]


# -- discovery -------------------------------------------------------------------------


def test_portal_protocol_and_link_discovery(site: Path, server: TestServer, cache: Path) -> None:
    start = html("Start", "/a/", "b.html?utm_source=x#oben", "https://example.org/", "mailto:x@y")
    write(site, "/", start)
    write(site, "/a/", html("Seite A", "../b.html", "c/"))
    write(site, "/b.html", html("Seite B", "/"))
    write(site, "/a/c/", html("Seite C"))
    with crawl(server, cache) as portal:
        assert isinstance(portal, Portal)
        refs = list(portal.pages())
        assert [ref.key for ref in refs] == ["a", "a/c", "b", "index"]
        by_key = {ref.key: ref for ref in refs}
        assert by_key["a"] == PageRef(
            key="a",
            url=server.url_for("/a/"),
            title="Seite A",
            marker=by_key["a"].marker,
            location=server.url_for("/a/"),
        )
        assert by_key["b"].url == server.url_for("/b.html")  # tracking and fragment dropped
        assert "<h1>Seite C</h1>" in portal.read(by_key["a/c"])
        assert portal.complete and not portal.failures and not portal.stats.sitemap
    assert server.count("/b.html") == 1
    assert {r.query for r in server.requests} == {""}


def test_query_strings_that_select_a_page_are_kept(server: TestServer, cache: Path) -> None:
    """WordPress without pretty permalinks: every page is /?page_id=N or /?p=N."""
    titles = {"": "Start", "page_id=12": "Beratung", "page_id=14": "Kurse", "p=5": "Neu"}
    titles["datei=../../etc/passwd"] = "Kein Geheimnis"
    links = ("/?page_id=12", "/?utm_source=nl&page_id=14", "/?p=5", "/?page_id=12&replytocom=3")

    def wordpress(request: Request) -> Response:
        title = titles.get(unquote(request.query))
        return (
            Response(200, html(title, *links, "/?datei=../../etc/passwd"))
            if title
            else Response(404)
        )

    server.route("/", wordpress)
    for _run in range(2):
        with crawl(server, cache) as portal:
            refs = {ref.key: ref for ref in portal.pages()}
            assert sorted(refs) == [
                "datei-..-..-etc-passwd",
                "index",
                "p-5",
                "page_id-12",
                "page_id-14",
            ]
            assert "<h1>Beratung</h1>" in portal.read(refs["page_id-12"])
            assert "<h1>Kurse</h1>" in portal.read(refs["page_id-14"])
            assert refs["page_id-14"].url == server.url_for("/?page_id=14")
            assert all(page_key(key) == key for key in refs)  # safe file names as they are
    asked = Counter(unquote(r.query) for r in server.matching("/"))
    assert asked == {query: 2 for query in titles}  # each page once per run


def test_stays_under_the_start_path(site: Path, server: TestServer, cache: Path) -> None:
    write(site, "/portal/", html("Start", "unterseite/", "/anderswo/", "../geheim/"))
    write(site, "/portal/unterseite/", html("Unterseite"))
    write(site, "/anderswo/", html("Anderswo"))
    with crawl(server, cache, "/portal/") as portal:
        assert keys(portal) == ["portal", "portal/unterseite"]
    assert server.count("/anderswo/") == 0 and server.count("/geheim/") == 0


def test_sitemap_lists_the_pages(site: Path, server: TestServer, cache: Path) -> None:
    write(site, "/", html("Start", "/nur-verlinkt/"))
    write(site, "/nur-verlinkt/", html("Nicht in der Sitemap"))
    for name in ("eins", "zwei"):
        write(site, f"/{name}/", html(name.title()))
    server.route("/sitemap.xml", xml(urlset(server, "/", "/eins/", "/zwei/", "/zwei/")))
    with crawl(server, cache) as portal:
        assert keys(portal) == ["eins", "index", "zwei"]
        assert portal.stats.sitemap
    assert server.count("/nur-verlinkt/") == 0
    assert server.count("/zwei/") == 1


def test_sitemap_from_robots_txt_with_index_and_gzip(
    site: Path, server: TestServer, cache: Path
) -> None:
    write(site, "/", html("Start"))
    for name in ("eins", "zwei", "drei"):
        write(site, f"/{name}/", html(name))
    server.route(
        "/robots.txt",
        Response(
            200, f"Sitemap: {server.url_for('/karten/index.xml')}\n", content_type="text/plain"
        ),
    )
    server.route(
        "/karten/index.xml", xml(sitemap_index(server, "/karten/a.xml", "/karten/b.xml.gz"))
    )
    server.route("/karten/a.xml", xml(urlset(server, "/eins/") + "\n"))
    # a compressed sitemap, and an entry for another host that must be ignored
    other = urlset(server, "/zwei/", "/drei/").replace(
        "</urlset>", "<url><loc>https://example.org/fremd/</loc></url></urlset>"
    )
    server.route(
        "/karten/b.xml.gz",
        Response(200, gzip.compress(other.encode()), content_type="application/gzip"),
    )
    with crawl(server, cache) as portal:
        assert keys(portal) == ["drei", "eins", "index", "zwei"]
    assert server.count("/sitemap.xml") == 0


def test_wordpress_sitemap_when_there_is_no_sitemap_xml(
    site: Path, server: TestServer, cache: Path
) -> None:
    write(site, "/", html("Start"))
    write(site, "/seite/", html("Seite"))
    server.route("/wp-sitemap.xml", xml(sitemap_index(server, "/wp-sitemap-posts-page-1.xml")))
    server.route("/wp-sitemap-posts-page-1.xml", xml(urlset(server, "/seite/")))
    with crawl(server, cache) as portal:
        assert keys(portal) == ["index", "seite"]
        assert portal.stats.sitemap
    assert server.count("/sitemap.xml") == 1


def test_sitemap_without_pages_in_scope_falls_back_to_links(
    site: Path, server: TestServer, cache: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(site, "/portal/", html("Start", "seite/"))
    write(site, "/portal/seite/", html("Seite"))
    write(site, "/robots.txt", "Sitemap: https://cdn.example/sitemap.xml\n")
    # the site's sitemap only lists pages of another part of the host
    server.route("/sitemap.xml", xml(urlset(server, "/anderes/", "/portal-alt/")))
    with caplog.at_level(logging.WARNING), crawl(server, cache, "/portal/") as portal:
        assert keys(portal) == ["portal", "portal/seite"]
        assert not portal.stats.sitemap
    assert "the sitemap lists no page under" in caplog.text
    assert server.count("/anderes/") == 0


def test_redirects_are_followed_once_like_links(
    site: Path, server: TestServer, cache: Path
) -> None:
    write(site, "/", html("Start", "/ordner", "/ordner/", "/weg/"))
    write(site, "/ordner/", html("Ordner"))
    server.route("/weg/", Response(301, headers={"Location": "https://example.org/"}))
    with crawl(server, cache) as portal:
        assert keys(portal) == ["index", "ordner"]
        assert portal.skipped[server.url_for("/ordner")].startswith("redirects to")
    assert server.count("/ordner/") == 1  # the folder server answers /ordner with 301


def test_start_url_redirect_moves_the_crawl(site: Path, server: TestServer, cache: Path) -> None:
    server.route("/", Response(302, headers={"Location": "/de/"}))
    write(site, "/de/", html("Start", "seite/"))
    write(site, "/de/seite/", html("Seite"))
    with crawl(server, cache) as portal:
        assert keys(portal) == ["de", "de/seite"]


def test_start_url_redirect_to_another_host_moves_the_crawl(
    site: Path, server: TestServer, cache: Path
) -> None:
    """Like http://… → https://…: the crawl continues on the new origin, with its robots.txt."""
    write(site, "/", html("Start", "/seite/", "/privat/"))
    write(site, "/seite/", html("Seite"))
    write(site, "/privat/", html("Privat"))
    write(site, "/robots.txt", "User-agent: *\nDisallow: /privat/\n")
    with TestServer(routes={"/": Response(301, headers={"Location": server.url_for("/")})}) as old:
        with crawl(old, cache) as portal:
            assert [ref.url for ref in portal.pages()] == [
                server.url_for("/"),
                server.url_for("/seite/"),
            ]
        assert old.count() == 2  # its robots.txt and the redirect
    assert server.count("/robots.txt") == 1 and server.count("/privat/") == 0


# -- politeness: robots.txt, delay, concurrency ----------------------------------------


def test_robots_txt_disallow_and_crawl_delay(site: Path, server: TestServer, cache: Path) -> None:
    write(site, "/", html("Start", "/privat/", "/offen/", "/nur-fuer-andere/"))
    for path in ("/privat/", "/offen/", "/nur-fuer-andere/"):
        write(site, path, html(path))
    robots = (
        "User-agent: *\nDisallow: /privat/\nCrawl-delay: 0.1\n\n"
        "User-agent: googlebot\nDisallow: /nur-fuer-andere/\n"
    )
    write(site, "/robots.txt", robots)
    with crawl(server, cache, delay=0) as portal:
        assert keys(portal) == ["index", "nur-fuer-andere", "offen"]
        assert portal.skipped[server.url_for("/privat/")] == "robots.txt disallows it"
    assert server.count("/privat/") == 0
    starts = [r.started for r in server.requests]
    gaps = [later - earlier for earlier, later in itertools.pairwise(starts[1:])]
    # every request after robots.txt waited (server-side timestamps jitter a little)
    assert gaps and min(gaps) >= 0.08 and sum(gaps) / len(gaps) >= 0.095, gaps


def test_crawl_delay_is_kept_after_a_retry(site: Path, server: TestServer, cache: Path) -> None:
    write(site, "/", html("Start", "/launisch/"))
    write(site, "/robots.txt", "User-agent: *\nCrawl-delay: 0.5\n")
    server.route("/launisch/", in_turn(Response(503), Response(200, html("Da"))))
    with crawl(server, cache, backoff=0.01, retries=2) as portal:
        assert keys(portal) == ["index", "launisch"]
    assert server.count("/launisch/") == 2
    starts = [r.started for r in server.requests[1:]]  # after robots.txt
    gaps = [later - earlier for earlier, later in itertools.pairwise(starts)]
    # The server notes each start when a thread takes the request: on a loaded machine that
    # is late by up to a few hundred milliseconds, which shortens the next gap; the mean is
    # robust to that. Without the delay the gaps are about 0.01 s.
    assert len(gaps) >= 4 and min(gaps) >= 0.1 and sum(gaps) / len(gaps) >= 0.4, gaps


def test_robots_txt_forbidding_the_start_page_stops_the_crawl(
    site: Path, server: TestServer, cache: Path
) -> None:
    write(site, "/robots.txt", "User-agent: kisync\nDisallow: /\n")
    write(site, "/", html("Start"))
    with crawl(server, cache) as portal, pytest.raises(PortalError, match=r"robots\.txt forbids"):
        portal.pages()
    assert server.count("/") == 0


def test_delay_spaces_request_starts(site: Path, server: TestServer, cache: Path) -> None:
    write(site, "/", html("Start", "/a/", "/b/", "/c/"))
    for path in ("/a/", "/b/", "/c/"):
        write(site, path, html(path))
    with crawl(server, cache, delay=0.1, concurrency=3) as portal:
        assert len(keys(portal)) == 4
    starts = sorted(r.started for r in server.requests)
    gaps = [later - earlier for earlier, later in itertools.pairwise(starts)]
    # Starts are noted late on a loaded machine (see above); the mean is robust to that.
    assert len(gaps) >= 6 and min(gaps) >= 0.05 and sum(gaps) / len(gaps) >= 0.09, gaps


def test_concurrency_is_bounded(site: Path, server: TestServer, cache: Path) -> None:
    paths = [f"/seite-{number}/" for number in range(9)]
    write(site, "/", html("Start", *paths))
    for path in paths:
        server.route(path, Response(200, html(path), delay=0.1))
    with crawl(server, cache, concurrency=3) as portal:
        assert len(keys(portal)) == 10
    assert 2 <= server.max_concurrent <= 3


# -- what is skipped -------------------------------------------------------------------


def test_exclude_patterns(site: Path, server: TestServer, cache: Path) -> None:
    write(site, "/", html("Start", "/en/", "/intern/a/", "/news/intern/b/", "/ok/"))
    for path in ("/en/", "/intern/a/", "/news/intern/b/", "/ok/"):
        write(site, path, html(path))
    with crawl(server, cache, exclude=("/en/*", "*/intern/*")) as portal:
        assert keys(portal) == ["index", "ok"]
    assert [r.path for r in page_requests(server)] == ["/", "/ok/"]


def test_pages_in_other_languages_are_skipped(site: Path, server: TestServer, cache: Path) -> None:
    links = ("/en/", "/tr/", "/at/", "/ohne/", "/xhtml/")
    write(site, "/", html("Start", *links, lang="de-DE"))
    write(site, "/en/", html("English", lang="en-GB"))
    write(site, "/tr/", html("Türkçe", lang="tr"))
    write(site, "/at/", html("Österreich", lang="de_AT"))
    write(site, "/ohne/", html("Ohne Sprache", lang=None))
    write(
        site, "/xhtml/", '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ar"><p>x</p></html>'
    )
    with crawl(server, cache) as portal:
        assert keys(portal) == ["at", "index", "ohne"]
        assert portal.skipped[server.url_for("/en/")] == "in another language (lang='en-GB')"


def test_non_html_resources_are_skipped(site: Path, server: TestServer, cache: Path) -> None:
    write(site, "/", html("Start", "/flyer.pdf", "/Bild.JPG", "/download", "/seite/"))
    write(site, "/seite/", html("Seite"))
    server.route(
        "/download", Response(200, b"%PDF-" + b"0" * 100_000, content_type="application/pdf")
    )
    with crawl(server, cache) as portal:
        assert keys(portal) == ["index", "seite"]
        assert portal.skipped[server.url_for("/download")] == "not an HTML page (application/pdf)"
    assert server.count("/flyer.pdf") == 0 and server.count("/Bild.JPG") == 0


def test_max_pages_stops_the_crawl_the_same_way_each_time(
    site: Path, server: TestServer, tmp_path: Path
) -> None:
    paths = [f"/seite-{number}/" for number in range(12)]
    write(site, "/", html("Start", "/en/", *paths))
    write(site, "/en/", html("English", lang="en"))
    for path in paths:
        write(site, path, html(path, *paths))
    results = []
    for run in range(2):
        server.reset()
        with crawl(server, tmp_path / f"cache{run}", max_pages=5, concurrency=3) as portal:
            results.append(keys(portal))
            assert portal.stats.truncated and not portal.complete
        assert len(page_requests(server)) == 5  # the English page counts too
    assert results[0] == results[1] == ["index", *[page_key(p) for p in paths[:3]]]


def test_max_pages_bounds_requests_to_dead_links(
    site: Path, server: TestServer, cache: Path
) -> None:
    """A sitemap of dead links (404s are skipped, not listed) must not keep the crawl going."""
    write(site, "/", html("Start"))
    dead = [f"/tot-{number}/" for number in range(1000)]
    server.route("/sitemap.xml", xml(urlset(server, *dead)))
    with crawl(server, cache, max_pages=20, concurrency=3) as portal:
        assert keys(portal) == ["index"]
        assert portal.stats.truncated and not portal.complete
    assert len(page_requests(server)) == 20  # the start page and 19 dead links
    assert server.count("/sitemap.xml") == 1


# -- failures --------------------------------------------------------------------------


def test_server_error_is_retried_then_reported(site: Path, server: TestServer, cache: Path) -> None:
    write(site, "/", html("Start", "/kaputt/", "/gut/"))
    write(site, "/gut/", html("Gut"))
    server.route("/kaputt/", Response(500, "<h1>Fehler</h1>"))
    with crawl(server, cache, retries=2) as portal:
        refs = {ref.key: ref for ref in portal.pages()}
        assert sorted(refs) == ["gut", "index", "kaputt"]
        assert "<h1>Gut</h1>" in portal.read(refs["gut"])
        with pytest.raises(PortalError, match=r"HTTP 500.*after 3 attempts") as caught:
            portal.read(refs["kaputt"])
        assert caught.value.page == "kaputt"
        assert caught.value.url == server.url_for("/kaputt/")
        assert portal.failures == [caught.value]
        assert not portal.complete
    assert server.count("/kaputt/") == 3


def test_slow_page_beyond_the_timeout_is_reported(
    site: Path, server: TestServer, cache: Path
) -> None:
    write(site, "/", html("Start", "/langsam/", "/schnell/"))
    write(site, "/schnell/", html("Schnell"))
    server.route("/langsam/", Response(200, html("Langsam"), delay=2))
    began = time.monotonic()
    with crawl(server, cache, timeout=0.2, retries=1) as portal:
        refs = {ref.key: ref for ref in portal.pages()}
        with pytest.raises(PortalError, match=r"did not answer within 0\.2 seconds"):
            portal.read(refs["langsam"])
        assert "Schnell" in portal.read(refs["schnell"])
    assert time.monotonic() - began < 1.5
    assert server.count("/langsam/") == 2


def test_a_trickling_page_is_cut_off_at_the_deadline(
    site: Path, server: TestServer, cache: Path
) -> None:
    """One byte every 0.2 s never trips a per-read timeout; the deadline of the request does."""
    write(site, "/", html("Start", "/tropf/", "/gut/"))
    write(site, "/gut/", html("Gut"))
    server.route("/tropf/", Response(200, html("Tropf"), trickle=0.2))
    began = time.monotonic()
    with crawl(server, cache, timeout=2, retries=1) as portal:
        refs = {ref.key: ref for ref in portal.pages()}
        with pytest.raises(PortalError, match=r"tropf/: the server did not answer within 2 sec"):
            portal.read(refs["tropf"])
        assert "Gut" in portal.read(refs["gut"])
    assert time.monotonic() - began < 10  # the whole page would take 40 s


def test_trickling_headers_are_cut_off_and_each_retry_has_its_own_deadline(
    server: TestServer,
) -> None:
    server.route("/tropf", Response(200, "x" * 10, trickle=0.2, trickle_headers=True))
    began = time.monotonic()
    with pytest.raises(PortalError, match=r"did not answer within 1\.5 seconds \(tried 2 times\)"):
        request(make_session(timeout=1.5, retries=1, backoff=0.01), "GET", server.url_for("/tropf"))
    assert time.monotonic() - began < 10  # the headers alone would take 30 s per attempt
    assert server.count("/tropf") == 2


def test_page_failing_twice_then_succeeding_is_fetched(
    site: Path, server: TestServer, cache: Path
) -> None:
    write(site, "/", html("Start", "/launisch/"))
    server.route("/launisch/", in_turn(Response(500), Response(503), Response(200, html("Da"))))
    with crawl(server, cache, retries=3) as portal:
        refs = {ref.key: ref for ref in portal.pages()}
        assert "<h1>Da</h1>" in portal.read(refs["launisch"])
        assert portal.complete
    assert server.count("/launisch/") == 3


def test_broken_links_are_skipped_not_failures(site: Path, server: TestServer, cache: Path) -> None:
    write(site, "/", html("Start", "/gibt-es-nicht/"))
    with crawl(server, cache) as portal:
        assert keys(portal) == ["index"]
        assert portal.skipped[server.url_for("/gibt-es-nicht/")] == "HTTP 404"
        assert portal.complete


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (Response(500), "HTTP 500"),
        (Response(404), "page not found"),
        (Response(200, html("English", lang="en")), "another language"),
        (Response(200, b"%PDF-1.4", content_type="application/pdf"), "not an HTML page"),
    ],
)
def test_a_failing_start_page_stops_the_crawl(
    server: TestServer, cache: Path, answer: Response, message: str
) -> None:
    server.route("/", answer)
    with crawl(server, cache, retries=1) as portal, pytest.raises(PortalError) as caught:
        portal.pages()
    assert message in str(caught.value) and server.url_for("/") in str(caught.value)
    assert "\n" not in str(caught.value)


def test_unreachable_site_is_one_clear_line(cache: Path) -> None:
    url = f"http://127.0.0.1:{unused_port()}/"
    portal = CrawlPortal(url, cache_dir=cache, delay=0, retries=1, backoff=0.01)
    with portal, pytest.raises(PortalError) as caught:
        portal.pages()
    assert str(caught.value) == (
        f"{url}robots.txt: 127.0.0.1 refused the connection (tried 2 times);"
        " check the address and that the site is online"
    )


def test_a_site_that_goes_down_stops_the_crawl_early(
    site: Path, server: TestServer, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(crawl_module, "GIVE_UP_AFTER", 3)
    paths = [f"/seite-{number}/" for number in range(40)]
    write(site, "/", html("Start", *paths))
    server.route("/seite-*", Response(503))
    server.route("/seite-0/", Response(503, delay=0.5))  # the others answer meanwhile
    with crawl(server, cache, retries=0, concurrency=2) as portal:
        with pytest.raises(PortalError, match="stopped answering") as caught:
            portal.pages()
        with pytest.raises(PortalError) as again:  # no second crawl on a second call
            portal.pages()
        assert again.value is caught.value
    # the start page, the slow first page and the few fetched ahead of it: not all 40
    assert len(page_requests(server)) <= 1 + 2 * crawl_module.AHEAD_PER_WORKER + 1


@pytest.mark.parametrize("url", ["", "ftp://example.org/", "kreis-heinsberg.de", "http:///x"])
def test_an_invalid_start_url_is_rejected(url: str, cache: Path) -> None:
    with pytest.raises(PortalError, match="not a web address"):
        CrawlPortal(url, cache_dir=cache)


def test_reading_an_unknown_page_is_a_portal_error(
    site: Path, server: TestServer, cache: Path
) -> None:
    write(site, "/", html("Start"))
    with crawl(server, cache) as portal, pytest.raises(PortalError, match="not among the pages"):
        portal.read(PageRef(key="fehlt", url=server.url_for("/fehlt/")))


# -- the conditional-GET cache ---------------------------------------------------------


def _site_with_three_pages(site: Path) -> None:
    write(site, "/", html("Start", "/a/", "/b/"))
    write(site, "/a/", html("A"))
    write(site, "/b/", html("B"))


def test_second_run_downloads_nothing_unchanged(
    site: Path, server: TestServer, cache: Path
) -> None:
    _site_with_three_pages(site)
    with crawl(server, cache) as first:
        before = {ref.key: (ref, first.read(ref)) for ref in first.pages()}
    assert server.count(status=200) == 3
    server.reset()
    with crawl(server, cache) as second:
        after = {ref.key: (ref, second.read(ref)) for ref in second.pages()}
        assert second.stats.downloaded == 0 and second.stats.unchanged == 3
    assert after == before  # same refs (markers included), same HTML from the cache
    assert server.count(status=200) == 0
    assert server.count(status=304) == 3
    assert all(r.headers["If-None-Match"] for r in page_requests(server))


def test_changed_page_is_downloaded_again_and_its_marker_changes(
    site: Path, server: TestServer, cache: Path
) -> None:
    _site_with_three_pages(site)
    with crawl(server, cache) as first:
        markers = {ref.key: ref.marker for ref in first.pages()}
    write(site, "/a/", html("A, neu"))
    server.reset()
    with crawl(server, cache) as second:
        refs = {ref.key: ref for ref in second.pages()}
        assert "A, neu" in second.read(refs["a"])
    assert refs["a"].marker != markers["a"]
    assert refs["b"].marker == markers["b"]
    assert [(r.path, r.status) for r in page_requests(server) if r.status == 200] == [("/a/", 200)]
    bodies = list((cache / crawl_cache.CACHE_BODIES).iterdir())
    assert len(bodies) == 3  # the old copy of /a/ was cleaned up


def test_marker_is_a_body_hash_without_validators(site: Path, cache: Path) -> None:
    _site_with_three_pages(site)
    markers = []
    with TestServer(site, validators=False) as plain:
        for _run in range(2):
            with crawl(plain, cache) as portal:
                markers.append({ref.key: ref.marker for ref in portal.pages()})
    assert markers[0] == markers[1]
    assert all(marker.startswith("sha256:") for marker in markers[0].values())


def test_unchanged_cache_index_is_not_rewritten(
    site: Path, server: TestServer, cache: Path
) -> None:
    _site_with_three_pages(site)
    an_hour_ago = time.time() - 3600  # else a Last-Modified trusted only on the second run
    for page in site.rglob("*.html"):  # (written less than a second before the first)
        os.utime(page, (an_hour_ago, an_hour_ago))  # changes the index: a flaky test
    with crawl(server, cache) as first:
        list(first.pages())
    index = cache / crawl_cache.CACHE_FILE
    before = (index.read_bytes(), index.stat().st_mtime_ns)
    with crawl(server, cache) as second:
        list(second.pages())
    assert (index.read_bytes(), index.stat().st_mtime_ns) == before


def test_last_modified_is_used_when_there_is_no_etag(server: TestServer, cache: Path) -> None:
    stamp = "Wed, 01 Jan 2025 10:00:00 GMT"

    def page(request: Request) -> Response:
        if request.headers.get("If-Modified-Since") == stamp:
            return Response(304, content_type=None)
        return Response(200, html("Start"), headers={"Last-Modified": stamp})

    server.route("/", page)
    for _run in range(2):
        with crawl(server, cache) as portal:
            assert [ref.marker for ref in portal.pages()] == [stamp]
            assert "Start" in portal.read(next(portal.pages()))
    assert [r.status for r in server.matching("/")] == [200, 304]


def test_a_last_modified_as_recent_as_the_response_is_not_trusted(
    server: TestServer, cache: Path
) -> None:
    """A page sent in the second it was last modified may change again in that second,
    and a server that only knows whole seconds would then answer 304 to the old copy."""
    stamp = formatdate(time.time() + 1, usegmt=True)  # not a second before the Date
    body = {"text": "Alt"}

    def page(request: Request) -> Response:
        if request.headers.get("If-Modified-Since") == stamp:
            return Response(304, content_type=None)
        return Response(200, html(body["text"]), headers={"Last-Modified": stamp})

    server.route("/", page)
    with crawl(server, cache) as portal:
        assert "Alt" in portal.read(next(portal.pages()))
    body["text"] = "Neu"  # edited within the same second
    with crawl(server, cache) as portal:
        assert "Neu" in portal.read(next(portal.pages()))
    assert [r.headers.get("If-Modified-Since") for r in server.matching("/")] == [None, None]


def test_a_run_that_dies_leaves_a_usable_cache(site: Path, server: TestServer, cache: Path) -> None:
    _site_with_three_pages(site)
    with crawl(server, cache) as first:
        list(first.pages())
    write(site, "/a/", html("A, neu"))
    crashed = crawl(server, cache)
    list(crashed.pages())  # downloads the new /a/, then "dies" without close()
    server.reset()
    with crawl(server, cache) as third:
        refs = {ref.key: ref for ref in third.pages()}
        assert "A, neu" in third.read(refs["a"])
        assert third.read(refs["b"])


def test_the_cache_index_is_checkpointed_during_a_long_run(
    site: Path, server: TestServer, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(crawl_cache, "_CHECKPOINT_EVERY", 2)
    _site_with_three_pages(site)
    crashed = crawl(server, cache)
    list(crashed.pages())  # never closed
    saved = json.loads((cache / crawl_cache.CACHE_FILE).read_text(encoding="utf-8"))
    assert len(saved["pages"]) >= 2


def test_an_unreadable_or_tampered_cache_is_ignored(
    site: Path, server: TestServer, cache: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _site_with_three_pages(site)
    cache.mkdir()
    index = cache / crawl_cache.CACHE_FILE
    index.write_text("{kaputt", encoding="utf-8")
    with caplog.at_level(logging.WARNING), crawl(server, cache) as portal:
        assert len(keys(portal)) == 3
    assert "unreadable crawl cache" in caplog.text
    entry = {"body": "../../../../etc/passwd", "etag": '"x"', "content_type": ""}
    tampered = {"version": 1, "pages": {server.url_for("/a/"): entry}}
    index.write_text(json.dumps(tampered), encoding="utf-8")
    server.reset()
    with crawl(server, cache) as portal:
        assert len(keys(portal)) == 3
    assert server.matching("/a/")[0].headers.get("If-None-Match") is None


# -- decoding and keys -----------------------------------------------------------------


def test_charsets(server: TestServer, cache: Path) -> None:
    text = html("Müllabfuhr", body="<p>Grüße aus Hückelhoven – 5 €</p>")
    server.route("/", Response(200, html("Start", "/latin1/", "/meta/", "/utf8/", "/bom/")))
    server.route(
        "/latin1/",
        Response(200, text.encode("cp1252"), content_type="text/html; charset=ISO-8859-1"),
    )
    meta = text.replace("<meta charset='utf-8'>", '<meta charset="windows-1252">').encode("cp1252")
    server.route("/meta/", Response(200, meta, content_type="text/html"))
    plain = text.replace("<meta charset='utf-8'>", "").encode("utf-8")
    server.route("/utf8/", Response(200, plain, content_type="text/html"))
    bom = "\ufeff" + text.replace("utf-8", "iso-8859-1")
    server.route("/bom/", Response(200, bom.encode("utf-8"), content_type="text/html"))
    with crawl(server, cache) as portal:
        refs = {ref.key: ref for ref in portal.pages()}
        for key in ("latin1", "meta", "utf8", "bom"):
            assert refs[key].title == "Müllabfuhr", key
            assert "Grüße aus Hückelhoven – 5 €" in portal.read(refs[key]), key


def test_decode_html_rules() -> None:
    data = "<meta charset='koi8-r'>Привет".encode("koi8-r")
    assert decode_html(data).endswith("Привет")
    assert decode_html("Straße".encode(), "text/html; charset=does-not-exist") == "Straße"
    assert decode_html(b"\xff\xfe" + "Öl".encode("utf-16-le")) == "Öl"
    assert decode_html(b"caf\xe9") == "caf\ufffd"  # undecodable bytes never crash a crawl


def test_keys_from_url_paths(site: Path, server: TestServer, cache: Path) -> None:
    links = ("/a/", "/a/index.html", "/%C3%BCber-uns/", "/über-uns/", "/x/%2e%2e/y/")
    write(site, "/", html("Start", *links, "../../../etc/passwd.html", "/A/"))
    write(site, "/a/", html("A"))
    write(site, "/A/", html("A gross"))
    write(site, "/über-uns/", html("Über uns"))
    write(site, "/y/", html("Y"))
    write(site, "/etc/passwd.html", html("Kein Geheimnis"))
    with crawl(server, cache) as portal:
        found = {ref.url.removeprefix(server.url): ref.key for ref in portal.pages()}
    assert found["/%C3%BCber-uns/"] == "ueber-uns"
    assert found["/etc/passwd.html"] == "etc/passwd"
    assert found["/y/"] == "y"
    clashing = [found["/a/"], found["/a/index.html"], found["/A/"]]
    assert len(set(clashing)) == 3 and all(key.startswith("a-") for key in clashing)
    assert not any(".." in key or key.startswith("/") for key in found.values())
    assert server.count("/über-uns/") == 1


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("b.html#top", "https://portal.example/a/b.html"),
        ("../../../../b?x=1", "https://portal.example/b?x=1"),
        ("/?utm_source=nl&page_id=12&fbclid=x#c", "https://portal.example/?page_id=12"),
        ("/?p=5&lang=de&replytocom=3", "https://portal.example/?lang=de&p=5"),
        ("/s?q=Straße&x=%E4", "https://portal.example/s?q=Stra%C3%9Fe&x=%E4"),
        ("/s?utm_medium=mail", "https://portal.example/s"),
        ("/a/./b/../c/", "https://portal.example/a/c/"),
        ("/a/%2E%2E/%2e%2e/c", "https://portal.example/c"),
        ("/%7ekreis/%c3%bc", "https://portal.example/~kreis/%C3%BC"),
        ("/ä ö", "https://portal.example/%C3%A4%20%C3%B6"),
        ("/100%", "https://portal.example/100%25"),
        ("HTTPS://User:Pw@Portal.Example:443/", "https://portal.example/"),
        ("http://portal.example:8080", "http://portal.example:8080/"),
        ("  /a\n/b\t", "https://portal.example/a/b"),
        ("mailto:amt@kreis-heinsberg.de", None),
        ("javascript:void(0)", None),
        ("tel:+492452", None),
        ("http://[::1", None),
    ],
)
def test_normalize_url(href: str, expected: str | None) -> None:
    assert normalize_url(href, "https://portal.example/a/") == expected


# -- hostile or broken sitemaps --------------------------------------------------------


def test_malformed_sitemap_falls_back_to_links(
    site: Path, server: TestServer, cache: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(site, "/", html("Start", "/seite/"))
    write(site, "/seite/", html("Seite"))
    server.route("/sitemap.xml", xml("<urlset><url><loc>kaputt"))
    with caplog.at_level(logging.WARNING), crawl(server, cache) as portal:
        assert keys(portal) == ["index", "seite"]
        assert not portal.stats.sitemap
    assert "sitemap.xml: the sitemap is not valid XML" in caplog.text


def test_sitemap_served_as_html_page_is_not_a_sitemap(
    site: Path, server: TestServer, cache: Path
) -> None:
    write(site, "/", html("Start", "/seite/"))
    write(site, "/seite/", html("Seite"))
    server.route("/sitemap.xml", Response(200, html("Startseite statt Sitemap")))
    with crawl(server, cache) as portal:
        assert keys(portal) == ["index", "seite"]


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{base}/&lol9;</loc></url></urlset>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE urlset [ <!ENTITY geheim SYSTEM "{base}/geheim"> <!ENTITY datei SYSTEM "file:///etc/passwd"> ]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{base}/&geheim;</loc></url><url><loc>{base}/&datei;</loc></url></urlset>
"""


@pytest.mark.parametrize("template", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["laughs", "xxe"])
def test_hostile_sitemap_is_refused_and_never_expanded(
    site: Path, server: TestServer, cache: Path, template: str, caplog: pytest.LogCaptureFixture
) -> None:
    write(site, "/", html("Start", "/seite/"))
    write(site, "/seite/", html("Seite"))
    hostile = template.replace("{base}", server.url)
    server.route("/sitemap.xml", xml(hostile))
    with pytest.raises(PortalError, match="declares a DTD or entities"):
        parse_sitemap(hostile.encode(), "sitemap.xml")
    with caplog.at_level(logging.WARNING), crawl(server, cache) as portal:
        assert keys(portal) == ["index", "seite"]
    assert "kisync ignores it for safety" in caplog.text
    assert server.count("/geheim") == 0
    assert all("lol" not in r.path and "root:" not in r.path for r in server.requests)


@pytest.mark.parametrize("template", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["laughs", "xxe"])
def test_hostile_utf16_sitemap_is_refused_after_parsing(template: str) -> None:
    """The byte scan cannot see a UTF-16 DOCTYPE; the parser and the parsed tree stop it."""
    hostile = template.replace("{base}", "http://x").replace(
        '<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>'
    )
    with pytest.raises(PortalError, match=r"declares a DTD|amplification"):
        parse_sitemap(hostile.encode("utf-16"), "sitemap.xml")


def test_oversized_and_bomb_sitemaps_are_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(discovery, "MAX_SITEMAP_BYTES", 10_000)
    big = "<urlset>" + "<url><loc>http://x/</loc></url>" * 1000 + "</urlset>"
    with pytest.raises(PortalError, match="larger than"):
        parse_sitemap(big.encode())
    with pytest.raises(PortalError, match="larger than"):
        parse_sitemap(gzip.compress(b" " * 50_000_000))
    with pytest.raises(PortalError, match="damaged"):
        parse_sitemap(b"\x1f\x8b" + b"not gzip")
    with pytest.raises(PortalError, match="not a sitemap"):
        parse_sitemap(b"<html><body/></html>")


# -- the HTTP layer --------------------------------------------------------------------


def test_http_errors_never_show_credentials(server: TestServer) -> None:
    server.route("/geschuetzt", Response(401))
    session = make_session(retries=0)
    session.auth = ("kisync", "geheimes-app-passwort")
    with pytest.raises(HTTPStatusError) as caught:
        request(session, "GET", server.url_for("/geschuetzt?token=abc123&page=2"))
    assert caught.value.status == 401
    assert "geheim" not in str(caught.value) and "abc123" not in str(caught.value)
    assert "page=2" in str(caught.value) and "login" in str(caught.value)
    down = f"http://kisync:geheim@127.0.0.1:{unused_port()}/wp-json/"
    with pytest.raises(PortalError) as caught:
        request(session, "GET", down)
    assert "geheim" not in str(caught.value) and "refused" in str(caught.value)
    assert redact_url("https://u:p@host/x?password=1&q=2") == "https://host/x?password=***&q=2"


def test_http_retry_after_is_honoured_but_capped(server: TestServer) -> None:
    server.route(
        "/voll", in_turn(Response(503, headers={"Retry-After": "3600"}), Response(200, "ok"))
    )
    session = make_session(retries=2, backoff=0.01, backoff_max=0.3)
    began = time.monotonic()
    assert request(session, "GET", server.url_for("/voll")).content == b"ok"
    assert 0.25 <= time.monotonic() - began < 2


def test_http_posts_are_not_retried(server: TestServer) -> None:
    server.route("/anlegen", Response(502))
    with pytest.raises(HTTPStatusError, match="HTTP 502"):
        request(make_session(retries=3, backoff=0.01), "POST", server.url_for("/anlegen"), json={})
    assert server.count("/anlegen") == 1


def test_http_reply_helpers_raise_portal_errors(server: TestServer) -> None:
    server.route("/gross", Response(200, b"x" * 5000))
    server.route("/json", Response(200, "kein json", content_type="text/plain"))
    session = make_session(retries=0)
    with pytest.raises(PortalError, match="larger than 1,000 bytes"):
        request(session, "GET", server.url_for("/gross"), max_bytes=1000)
    reply = request(session, "GET", server.url_for("/json"))
    assert isinstance(reply, Reply) and reply.media_type == "text/plain"
    with pytest.raises(PortalError, match="not JSON"):
        reply.json()
    with pytest.raises(PortalError, match="not a valid web address"):
        request(session, "GET", "portal ohne schema")
    assert not issubclass(PortalError, requests.RequestException)


# -- the demo portal -------------------------------------------------------------------


@pytest.mark.skipif(not (DEMO / "index.html").is_file(), reason="no demo portal yet")
def test_crawl_the_demo_portal(cache: Path) -> None:
    from kisync.portal.files import FilesPortal

    files = FilesPortal(DEMO, project_root=DEMO.parent)
    expected = {ref.key for ref in files.pages()}
    with TestServer(DEMO) as demo, CrawlPortal(demo.url + "/", cache_dir=cache, delay=0) as portal:
        refs = list(portal.pages())
        assert not portal.failures
        assert {ref.key for ref in refs} <= expected
        assert "index" in {ref.key for ref in refs}
        assert all(ref.title for ref in refs)
        for ref in refs:
            assert "<html" in portal.read(ref)


def test_a_cache_file_is_written_under_a_name_the_stale_file_cleanup_knows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crawl killed mid-write leaves a temporary file that the next command removes."""
    from kisync.util.fsutil import TEMPORARY_MARK

    seen: list[str] = []
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:  # the moment a kill would leave the file behind
        seen.extend(os.listdir(tmp_path))
        real_fsync(descriptor)

    monkeypatch.setattr(crawl_cache.os, "fsync", fsync)
    crawl_cache.write_atomic(tmp_path / "index.json", b"{}")
    assert any(name.startswith(".index.json") and TEMPORARY_MARK in name for name in seen), seen
    assert os.listdir(tmp_path) == ["index.json"]
