"""How a WordPress site is multilingual, as its bridge plugin reports it.

``GET /wp-json/kisync/v1/info`` (``contrib/wordpress/kisync-bridge.php``) answers with
the mode — ``polylang`` (each translation a page in a Polylang language and translation
group), ``wpml`` (the same in WPML's tables; detected and reported, not published to
yet) or ``none`` (kisync's own layout: pages below ``/en/``, ``/ar/`` …) — the languages
the plugin knows (slug, locale, right-to-left) and the versions of WordPress, the bridge
and the plugins. Without the bridge the mode is ``unknown``: kisync then publishes the
way it always has, and says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ..errors import PortalError
from ..languages import Language
from .wordpress import BRIDGE_NAMESPACE, WordPressClient, WordPressError

Mode = Literal["polylang", "wpml", "none", "unknown"]
_MODES = ("polylang", "wpml", "none")


@dataclass(frozen=True)
class SiteLanguage:
    """A language the site's multilingual plugin knows."""

    slug: str
    """Its slug in addresses (``/ar/…``) and in the plugin's API: ``ar``, ``fa-af``."""
    locale: str
    """WordPress locale: ``ar``, ``de_DE``, ``fa_AF``."""
    rtl: bool | None
    name: str
    default: bool = False

    @property
    def bcp47(self) -> str:
        return self.locale.replace("_", "-")


@dataclass(frozen=True)
class Multilingual:
    """What the bridge reported (``mode="unknown"``: no bridge plugin)."""

    mode: Mode
    bridge: str = ""
    """The bridge plugin's version, ``""`` without it."""
    source_language: str = ""
    languages: tuple[SiteLanguage, ...] = ()
    versions: Mapping[str, str] = field(default_factory=dict)
    """Part → version, for the parts that are there (wordpress, bridge, polylang, wpml)."""
    switcher: str = ""
    """The bridge's language switcher: ``auto`` (at the top of every translated page) or ``off``."""

    def language(self, language: Language) -> SiteLanguage | None:
        """The plugin's language for a kisync language: same locale, else same slug."""
        wanted = language.bcp47.lower()
        for site in self.languages:
            if site.bcp47.lower() == wanted:
                return site
        for site in self.languages:
            if site.slug.lower() in (wanted, language.code.lower()):
                return site
        return None

    def missing(self, languages: Iterable[Language]) -> list[Language]:
        """The languages a plugin mode cannot publish to because the plugin lacks them."""
        if self.mode not in ("polylang", "wpml"):
            return []
        return [language for language in languages if self.language(language) is None]

    def describe(self) -> list[str]:
        """A few lines for people: mode, versions, languages."""
        if self.mode == "unknown":
            return [
                "multilingual mode: unknown (the kisync bridge plugin is not installed; "
                "translations are published below /<language>/ pages; copy "
                "contrib/wordpress/kisync-bridge.php to wp-content/mu-plugins/ to detect "
                "Polylang or WPML)"
            ]
        parts = ", ".join(f"{name} {version}" for name, version in self.versions.items())
        lines = [f"multilingual mode: {self.mode} ({parts})"]
        if self.languages:
            names = ", ".join(
                f"{site.slug} ({site.locale}{', right to left' if site.rtl else ''}"
                f"{', default' if site.default else ''})"
                for site in self.languages
            )
            lines.append(f"site languages: {names}")
        lines.append(f"language switcher of the bridge: {self.switcher or 'auto'}")
        return lines


def detect(client: WordPressClient) -> Multilingual:
    """Ask the bridge how the site is multilingual (``unknown`` when it is not installed)."""
    try:
        info = client.get(f"{BRIDGE_NAMESPACE}/info")
    except WordPressError as error:
        if error.status == 404:
            return Multilingual("unknown")
        raise
    if not isinstance(info, dict):
        raise PortalError(f"{client.site}: the kisync bridge plugin sent an unexpected answer")
    return from_info(info)


def from_info(info: Mapping[str, Any]) -> Multilingual:
    """The bridge's ``/info`` answer; a bridge older than 1.1 reports no mode: ``none``."""
    mode = info.get("mode") if info.get("mode") in _MODES else "none"
    versions = info.get("versions") if isinstance(info.get("versions"), dict) else {}
    return Multilingual(
        mode=mode,  # type: ignore[arg-type]
        bridge=str(info.get("version") or ""),
        source_language=str(info.get("source_language") or ""),
        languages=tuple(_language(item) for item in info.get("languages") or () if _valid(item)),
        versions={str(k): str(v) for k, v in versions.items() if v},
        switcher=str(info.get("switcher") or ""),
    )


def _valid(item: Any) -> bool:
    return isinstance(item, dict) and isinstance(item.get("slug"), str) and bool(item["slug"])


def _language(item: Mapping[str, Any]) -> SiteLanguage:
    rtl = item.get("rtl")
    return SiteLanguage(
        slug=item["slug"],
        locale=str(item.get("locale") or item["slug"]),
        rtl=rtl if isinstance(rtl, bool) else None,
        name=str(item.get("name") or item["slug"]),
        default=bool(item.get("default")),
    )


def locale_of(language: Language) -> str:
    """The WordPress locale for a new plugin language: ``ar``, ``fa_AF``."""
    return language.code.split("@")[0]


@dataclass(frozen=True)
class SiteReport:
    """``kisync doctor``: how the portal is multilingual, and what kisync will do with it."""

    portal: str
    """The portal's kind and address."""
    site: Multilingual | None = None
    """What the bridge reported (WordPress portals only)."""
    missing: tuple[str, ...] = ()
    """Project languages the site's plugin lacks (Polylang/WPML)."""

    @property
    def exit_code(self) -> int:
        """1 when a push could not publish every language as configured."""
        return 1 if self.missing or (self.site and self.site.mode == "wpml") else 0

    def lines(self) -> list[str]:
        lines = [f"portal: {self.portal}"]
        if self.site is None:
            return [
                *lines,
                "multilingual mode: none (not a WordPress portal; kisync publishes "
                "the translated pages itself)",
            ]
        lines += self.site.describe()
        if self.site.mode == "wpml":
            lines.append("WPML is detected but not supported yet: kisync will not push here")
        if self.missing:
            lines.append(
                f"missing in the site's plugin: {', '.join(self.missing)}; add them in the "
                "plugin's language settings, or push with --create-languages (Polylang)"
            )
        return lines

    def summary(self) -> str:
        return "\n".join(self.lines())

    def to_json(self) -> dict[str, object]:
        site = self.site
        return {
            "portal": self.portal,
            "mode": site.mode if site else "none",
            "bridge": site.bridge if site else "",
            "versions": dict(site.versions) if site else {},
            "languages": [
                {"slug": s.slug, "locale": s.locale, "rtl": s.rtl, "default": s.default}
                for s in (site.languages if site else ())
            ],
            "missing": list(self.missing),
        }


def site_report(
    portal: object, kind: str, address: str, languages: Iterable[Language]
) -> SiteReport:
    """What :func:`detect` finds for the portal (WordPress only; other kinds have no plugin)."""
    where = f"{kind} {address}".strip()
    client = getattr(portal, "client", None)
    if kind != "wordpress" or client is None:
        return SiteReport(where)
    site = detect(client)
    missing = tuple(language.code for language in site.missing(languages))
    return SiteReport(where, site, missing)
