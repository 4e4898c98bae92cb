"""What a site says about itself: robots.txt rules and sitemaps, read safely."""

from __future__ import annotations

import re
import zlib
from urllib.robotparser import RobotFileParser

from lxml import etree

from ..errors import PortalError

ROBOTS_AGENT = "kisync"
MAX_SITEMAP_BYTES = 50 * 1024 * 1024
"""The sitemap protocol's own limit for one (uncompressed) file."""
_CRAWL_DELAY = re.compile(r"^(\s*crawl-delay\s*:\s*)([0-9]*\.?[0-9]+)", re.I | re.M)
_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.I)


class Robots:
    """robots.txt rules for user agent ``kisync`` (all allowed when there is none)."""

    def __init__(self, text: str = "") -> None:
        # The stdlib parser only accepts whole seconds in Crawl-delay; feed it
        # milliseconds instead so "Crawl-delay: 0.5" is honoured, not ignored.
        text = _CRAWL_DELAY.sub(lambda m: f"{m.group(1)}{round(float(m.group(2)) * 1000)}", text)
        self._parser = RobotFileParser()
        self._parser.parse(text.splitlines())

    def allowed(self, url: str) -> bool:
        return self._parser.can_fetch(ROBOTS_AGENT, url)

    @property
    def delay(self) -> float:
        """Seconds between requests the site asks for (Crawl-delay or Request-rate)."""
        delay = (self._parser.crawl_delay(ROBOTS_AGENT) or 0) / 1000
        rate = self._parser.request_rate(ROBOTS_AGENT)
        if rate is not None and rate.requests > 0:
            delay = max(delay, rate.seconds / rate.requests)
        return float(delay)

    @property
    def sitemaps(self) -> list[str]:
        return list(self._parser.site_maps() or [])


def parse_sitemap(content: bytes, url: str = "sitemap") -> tuple[str, list[str]]:
    """``("urlset" | "sitemapindex", [loc, …])`` of a sitemap; PortalError if unusable.

    Safe against hostile XML: gzip is inflated with a size bound, documents with a
    DTD or entity declarations are refused before parsing (sitemaps never need
    them), and the parser itself resolves no entities and loads nothing.
    """
    if content[:2] == b"\x1f\x8b":
        content = _gunzip(content, url)
    if len(content) > MAX_SITEMAP_BYTES:
        raise PortalError(f"{url}: the sitemap is larger than the 50 MB sitemaps may have")
    if _DTD.search(content):
        raise PortalError(
            f"{url}: the sitemap declares a DTD or entities, which sitemaps never need;"
            " kisync ignores it for safety"
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as error:
        raise PortalError(f"{url}: the sitemap is not valid XML ({error.msg})") from None
    if root.getroottree().docinfo.doctype:
        raise PortalError(f"{url}: the sitemap declares a DTD; kisync ignores it for safety")
    kind = etree.QName(root).localname
    if kind not in ("urlset", "sitemapindex"):
        raise PortalError(f"{url}: not a sitemap (the document is <{kind}>, not <urlset>)")
    child = "url" if kind == "urlset" else "sitemap"
    locs = (loc.text or "" for loc in root.iterfind(f"{{*}}{child}/{{*}}loc"))
    return kind, [loc.strip() for loc in locs if loc.strip()]


def _gunzip(data: bytes, url: str) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        content = inflater.decompress(data, MAX_SITEMAP_BYTES + 1)
    except zlib.error:
        raise PortalError(f"{url}: the compressed sitemap is damaged") from None
    if len(content) > MAX_SITEMAP_BYTES:
        raise PortalError(f"{url}: the sitemap is larger than the 50 MB sitemaps may have")
    return content
