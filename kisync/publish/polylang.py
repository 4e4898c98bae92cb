"""The WordPress target on a site that runs Polylang (through the bridge plugin).

Each translation is a page in its Polylang language, in the translation group of its
German page, so Polylang's own parts work for it: the ``/ar/…`` address, ``<html
lang="ar" dir="rtl">`` with the theme's right-to-left stylesheet, ``hreflang``
alternates, its language switcher and menus per language. Polylang's free REST API
cannot set a page's language or group; the bridge plugin's
``POST /wp-json/kisync/v1/translations`` does (``pll_set_post_language`` for every
member first, then ``pll_save_post_translations``), and also places the page: its
parent is the translation of the German parent, fixed up when that parent is
published later (without touching the pages' modification times, which kisync compares
to notice edits made in WordPress).

**Slugs.** Polylang (free) does not let two languages share a slug, so a translation's
slug is the German slug with the language's Polylang slug appended:
``integrationskurse`` → ``integrationskurse-ar``, at ``/ar/bildung-ar/integrationskurse-ar/``.
Readable, stable (it does not follow the translated title) and distinct from the German
page and every other language; should WordPress still have to change one (a German page
already called ``integrationskurse-ar`` below the same parent), the page keeps the slug
WordPress gave it and reports show its real address.

**Adopting, never duplicating.** A page is looked up in the German page's translation
group first, then by the bridge's meta (a page whose linking was interrupted, or one
published below ``/ar/`` before Polylang was installed: it is moved into the group).
A translation someone made in Polylang is found there; push reports it as a conflict
instead of overwriting it (``kisync harvest`` reads it into the catalog, ``--force``
replaces it). A page's hash includes where it is (its language and group), so a page
outside its group is never taken as up to date.

WPML would be a small addition of the same shape (its ``trid`` groups set with the
``wpml_set_element_language_details`` action): see the README; it is detected, not
published to.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any
from urllib.parse import quote, unquote

from ..errors import KisyncError, PortalError
from ..languages import Language
from ..portal.base import PageRef
from ..portal.multilingual import Multilingual, SiteLanguage, detect, locale_of
from ..portal.wordpress import BRIDGE_NAMESPACE, WordPressError, WordPressPortal, language_slug
from .target import Published, RenderedPage
from .wordpress import WordPressTarget, _published

log = logging.getLogger(__name__)

CREATE_LANGUAGES = "push with create_languages=True"
"""How the library says the way to add the languages Polylang lacks."""


def target_for(portal: WordPressPortal) -> WordPressTarget:
    """The target for the site's multilingual mode, as the bridge plugin reports it."""
    portal.client.check_login()
    site = detect(portal.client)
    if site.mode == "polylang":
        return PolylangTarget(portal, site)
    if site.mode == "wpml":
        raise KisyncError(
            f"{portal.client.site} runs WPML, which kisync detects but cannot publish to yet;"
            " see README, section Multilingual WordPress"
        )
    return WordPressTarget(portal, bridge=site.mode != "unknown", site=site)


class PolylangTarget(WordPressTarget):
    """Publish translations as Polylang translations; see the module documentation."""

    def __init__(self, portal: WordPressPortal, site: Multilingual, *, backoff: float = 0.5):
        super().__init__(portal, backoff=backoff, bridge=True, site=site)
        self.site: Multilingual = site

    @property
    def setup(self) -> str:
        return "polylang"

    # -- languages -----------------------------------------------------------------

    def prepare(
        self,
        languages: Sequence[Language],
        *,
        create_languages: bool = False,
        dry_run: bool = False,
    ) -> list[str]:
        """Refuse (one line) when Polylang lacks a language, or add it on request."""
        missing = self.site.missing(languages)
        notes = self.site.describe()
        if missing and not create_languages:
            language = missing[0]
            raise KisyncError.naming(
                f"Polylang on {self.client.site} has no language {language.code} "
                f"({language.native_name}); add it in WordPress under Languages → Languages "
                f"(locale {locale_of(language)}"
                f"{', right to left' if language.direction == 'rtl' else ''}), or run "
                "{create_languages}",
                create_languages=CREATE_LANGUAGES,
            )
        for language in missing:
            verb = "would add" if dry_run else "added"
            if not dry_run:
                self._add_language(language)
            notes.append(
                f"{verb} the language {language.code} ({language.native_name}) to Polylang"
            )
        if missing and not dry_run:
            self.site = detect(self.client)
        return notes

    def _add_language(self, language: Language) -> None:
        try:
            self.client.call(
                "POST",
                f"{BRIDGE_NAMESPACE}/languages",
                json={
                    "slug": language_slug(language),
                    "locale": locale_of(language),
                    "name": language.native_name,
                    "rtl": language.direction == "rtl",
                },
            )
        except WordPressError as error:
            if error.status in (401, 403):
                raise KisyncError(
                    f"user {self.client.settings.user!r} may not add languages to Polylang on "
                    f"{self.client.site} (an administrator's right); ask an administrator to add "
                    f"{language.code} under Languages → Languages"
                ) from None
            raise

    def _site_language(self, language: Language) -> SiteLanguage:
        found = self.site.language(language)
        if found is None:
            raise KisyncError.naming(
                f"Polylang on {self.client.site} has no language {language.code}; "
                "run {create_languages}",
                create_languages=CREATE_LANGUAGES,
            )
        return found

    def _language_slug(self, language: Language) -> str:
        found = self.site.language(language)
        return found.slug if found is not None else language_slug(language)

    def _menu_language(self, language: Language) -> str:
        found = self.site.language(language)
        return found.slug if found is not None else ""

    # -- the protocol --------------------------------------------------------------

    def address(self, language: Language, source: PageRef) -> str:
        slug = self._language_slug(language)
        path = self.portal.source(source.key).path
        parts = [quote(translated_slug(part, slug), safe="") for part in path.split("/")]
        return f"{self.client.site}/{slug}/{'/'.join(parts)}/"

    def content_hash(self, page: RenderedPage) -> str:
        return _placed(super().content_hash(page), self._language_slug(page.language))

    def current(
        self, language: Language, source: PageRef, previous: Published | None
    ) -> Published | None:
        found = self._get(previous.remote_id) if previous is not None else None
        if found is None:
            found = self._find(language, source)
        return self._published(found, source) if found is not None else None

    def write(
        self, language: Language, page: RenderedPage, previous: Published | None
    ) -> Published:
        written = super().write(language, page, previous)
        return self._link(language, page.source, written)

    # -- what is sent --------------------------------------------------------------

    def _fields(self, language: Language, page: RenderedPage) -> dict[str, Any]:
        fields = super()._fields(language, page)
        del fields["parent"]  # the bridge places the page (see _link)
        source = self.portal.source(page.key)
        fields["slug"] = translated_slug(unquote(source.slug), self._site_language(language).slug)
        return fields

    def _root(self, language: Language) -> int:  # no language root pages with Polylang
        return 0

    # -- groups --------------------------------------------------------------------

    def _find(self, language: Language, source: PageRef) -> dict[str, Any] | None:
        """The translation in the German page's group, else the one the bridge's meta names."""
        german = self.portal.source(source.key)
        member = self._group(german.id).get(self._language_slug(language))
        if member:
            found = self._get(str(member))
            if found is not None:
                return found
        return self._first(kisync_source=german.id, kisync_language=language.bcp47)

    def _group(self, page_id: int) -> dict[str, int]:
        """Language slug → page id of the page's Polylang translation group."""
        answer = self.client.get(f"{BRIDGE_NAMESPACE}/translations/{int(page_id)}")
        translations = answer.get("translations") if isinstance(answer, dict) else None
        if not isinstance(translations, dict):
            return {}
        return {str(k): int(v) for k, v in translations.items() if str(v).isdigit()}

    def _link(self, language: Language, source: PageRef, written: Published) -> Published:
        """Put the written page into the German page's group; what is there now."""
        german = self.portal.source(source.key)
        slug = self._site_language(language).slug
        try:
            self.client.call(
                "POST",
                f"{BRIDGE_NAMESPACE}/translations",
                json={"source": german.id, "post": int(written.remote_id), "language": slug},
            )
        except WordPressError as error:
            if error.code == "kisync_translation_exists":
                raise PortalError(
                    f"{source.key}: another page already translates it into {slug} in Polylang;"
                    " run kisync push again (it finds that page and reports it)"
                ) from None
            raise
        found = self._get(written.remote_id)
        if found is None:
            raise PortalError(f"{source.key}: page {written.remote_id} vanished after writing it")
        return self._published(found, source)

    def _published(self, page: Mapping[str, Any], source: PageRef) -> Published:
        """The page as push sees it: its hash says whether it is in the right group."""
        published = _published(page)
        german = self.portal.source(source.key)
        group = page.get("kisync_polylang")
        placed = ""
        if isinstance(group, dict) and isinstance(group.get("translations"), dict):
            members = {str(k): v for k, v in group["translations"].items()}
            if (
                german.id in members.values()
                and members.get(str(group.get("language"))) == page["id"]
            ):
                placed = str(group.get("language"))
        return replace(published, content_hash=_placed(published.content_hash, placed))


def translated_slug(german: str, language_slug: str) -> str:
    """The slug of a translation: ``integrationskurse`` → ``integrationskurse-ar``."""
    return f"{german}-{language_slug}"


def _placed(digest: str, language: str) -> str:
    return hashlib.sha256(f"{digest}\x00{language}".encode()).hexdigest()
