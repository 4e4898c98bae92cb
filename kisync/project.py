"""Project: the configuration plus the paths derived from it; what the CLI and users call."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, closing, contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .catalog.keys import SITE_KEY
from .catalog.layout import TEMPLATES, CatalogLayout, CatalogScan
from .config import CONFIG_FILE, Config, find_config, load_config
from .errors import ConfigError, KisyncError
from .languages import Language, get_language
from .util.fsutil import remove_stale_temporaries

if TYPE_CHECKING:
    from .catalog.files import CatalogProcessor
    from .exchange import ExportReport, ImportReport
    from .extract.pull import PageWork, PullReport
    from .extract.rules import ExtractRules
    from .harvest import HarvestReport
    from .harvest.edits import EditsReport
    from .harvest.locate import Locator
    from .portal import Portal
    from .portal.multilingual import SiteReport
    from .portal.wordpress import Settings as WordPressSettings
    from .progress import ProjectStats
    from .progress.dashboard import Dashboard
    from .progress.gate import GateResult
    from .publish.gate import PublishGate
    from .publish.preview import PreviewServer
    from .publish.push import PublishPolicy, PushReport
    from .publish.target import PublishTarget
    from .sync import SyncReport
    from .translate.checks import CheckContext
    from .translate.easy_settings import EasySettings
    from .translate.export import (
        GlossaryExport,
        GlossaryImport,
        GlossaryMatches,
        GlossaryRemoval,
    )
    from .translate.glossary import Glossary
    from .translate.glossarylint import GlossaryLintReport
    from .translate.lint import LintReport
    from .translate.mt import MachineTranslator
    from .translate.pretranslate import PretranslateReport
    from .translate.review import ReviewReport

log = logging.getLogger(__name__)

STATE_FOLDER = ".kisync"
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class Project:
    """A kisync project: ``kisync.toml`` and the folders it names."""

    def __init__(self, config: Config, *, insecure: bool = False) -> None:
        self.config = config
        self.insecure = insecure
        """Allow sending portal credentials over plain http to another machine."""

    @classmethod
    def load(cls, path: Path | str | None = None, *, insecure: bool = False) -> Project:
        """Load the project whose ``kisync.toml`` is at ``path`` (a file or folder).

        Without ``path``, look in the current directory and its parents.
        """
        if path is None:
            return cls(load_config(find_config()), insecure=insecure)
        path = Path(path)
        return cls(load_config(path / CONFIG_FILE if path.is_dir() else path), insecure=insecure)

    # -- paths ---------------------------------------------------------------------

    @property
    def root(self) -> Path:
        return self.config.root

    @property
    def catalogs_dir(self) -> Path:
        return self.catalogs.folder

    @cached_property
    def catalogs(self) -> CatalogLayout:
        """The catalog folder (``[catalogs] path``) for the project's languages."""
        return CatalogLayout(self.root / self.config.catalogs.path, self.config.languages)

    @property
    def state_dir(self) -> Path:
        """Caches and sync state (``.kisync/``): safe to delete, then the next run is slower."""
        return self.root / STATE_FOLDER

    def template_path(self, key: str) -> Path:
        return self.catalogs.template_path(key)

    def catalog_path(self, language: str, key: str) -> Path:
        return self.catalogs.catalog_path(language, key)

    @property
    def site_key(self) -> str:
        return SITE_KEY

    def page_keys(self) -> list[str]:
        """Keys of all pages with a template in the catalog folder (``_site`` included), sorted."""
        return self.catalogs.page_keys()

    def scan_catalogs(self) -> CatalogScan:
        """See :meth:`CatalogLayout.scan <kisync.catalog.layout.CatalogLayout.scan>`."""
        return self.catalogs.scan()

    @contextmanager
    def lock(self, command: str = "kisync") -> Iterator[None]:
        """Hold the project's lock while the block runs (see :mod:`kisync.util.runlock`);
        on taking it, remove the temporary files that killed runs left behind."""
        from .util.runlock import project_lock

        with project_lock(self.state_dir, command) as taken:
            if taken:
                folders = [TEMPLATES, *self.config.languages]
                remove_stale_temporaries(
                    [*(self.catalogs_dir / f for f in folders), self.state_dir]
                )
            yield

    # -- settings ------------------------------------------------------------------

    @cached_property
    def languages(self) -> tuple[Language, ...]:
        return tuple(get_language(code) for code in self.config.languages)

    @cached_property
    def source_language(self) -> Language:
        return get_language(self.config.source_language)

    @cached_property
    def extract_rules(self) -> ExtractRules:
        from .extract.rules import ExtractRules

        portal = self.config.portal
        return ExtractRules(
            # A WordPress page is its content (plus its title), never a whole
            # document: all of it is the page's own text.
            content="" if portal.kind == "wordpress" else portal.content,
            ignore=portal.ignore,
            skip=self.config.extract.skip,
        )

    def catalog_processors(self) -> list[CatalogProcessor]:
        """Steps applied to every catalog ``pull`` merges: glossary hints, when configured.

        The glossary is loaded when the first catalog is processed, not before.
        """
        if not self.glossary_paths:
            return []
        from .translate.notes import GlossaryFileNotes

        return [GlossaryFileNotes(self.glossary_paths, lambda: self.glossary)]

    def page_work(self) -> PageWork:
        """What ``pull`` needs to process a page: catalogs, rules, catalog processors."""
        from .extract.pull import PageWork

        return PageWork(
            self.catalogs,
            self.extract_rules,
            tuple(self.catalog_processors()),
            self.config.portal.content,
        )

    @cached_property
    def check_context(self) -> CheckContext:
        """What the lint checks use of the project: glossary, portal kind, easy German."""
        from .translate.checks import CheckContext

        return CheckContext(
            load_glossary=lambda: self.glossary,
            glossary_files=self.glossary_paths,
            wordpress=self.config.portal.kind == "wordpress",
            easy_language=self._easy_settings(),
        )

    def _easy_settings(self) -> dict[str, EasySettings]:
        """The rules of each easy-German target (``[easy_language.<tag>]`` checked here)."""
        from .translate.easy_checks import easy_settings, rule_names
        from .translate.easy_settings import EASY_LANGUAGES

        found = {}
        for code in self.config.languages:
            if code not in EASY_LANGUAGES:
                continue
            configured = self.config.easy_language.get(code)
            if configured is None:
                found[code] = easy_settings(code)
                continue
            for key in ("disable", "enable"):
                unknown = set(getattr(configured, key)) - rule_names()
                if unknown:
                    known = ", ".join(sorted(rule_names()))
                    raise ConfigError(
                        f"{self.config.file}: easy_language.{code}.{key}: unknown "
                        f"rule {', '.join(sorted(unknown))}; rules: {known}"
                    )
            found[code] = easy_settings(
                code,
                enable=configured.enable,
                disable=configured.disable,
                max_sentence_words=configured.max_sentence_words or 0,
            )
        return found

    @cached_property
    def publish_policy(self) -> PublishPolicy:
        """``[publish]``: when a translated page goes live."""
        from .publish.push import PublishPolicy

        settings = self.config.publish
        return PublishPolicy(
            settings.min_completeness,
            dict(settings.min_completeness_by_language),
            settings.withdraw_incomplete,
            tuple(settings.require_review),
        )

    def publish_gate(self) -> PublishGate:
        """Which translations may go live (the lint checks, ``require_review``)."""
        from .publish.gate import PublishGate

        return PublishGate(self.check_context, self.config.publish.require_review)

    @property
    def glossary_paths(self) -> tuple[Path, ...]:
        return tuple(self.root / name for name in self.config.glossary.files)

    @cached_property
    def glossary(self) -> Glossary | None:
        """The files of ``[glossary] files`` as one glossary; None when there are none."""
        if not self.glossary_paths:
            return None
        from .translate import load_glossaries

        return load_glossaries(self.glossary_paths)

    def open_portal(self, *, insecure: bool = False) -> Portal:
        """The connector ``[portal]`` asks for (``insecure``: see :attr:`insecure`)."""
        settings = self.config.portal
        if settings.kind == "files":
            from .portal.files import FilesPortal

            return FilesPortal(
                self.root / settings.path,
                project_root=self.root,
                exclude=settings.exclude,
                language_folders=self.config.languages,
            )
        if settings.kind == "crawl":
            from .portal.crawl import CrawlPortal

            return CrawlPortal(
                settings.url,
                cache_dir=self.state_dir / "crawl",
                source_language=self.config.source_language,
                concurrency=settings.concurrency,
                delay=settings.delay,
                timeout=settings.timeout,
                retries=settings.retries,
                max_pages=settings.max_pages,
                exclude=settings.exclude,
            )
        if settings.kind == "wordpress":
            from .portal.wordpress import open_wordpress

            return open_wordpress(self._wordpress(insecure), self.languages, self.state_dir)
        raise ConfigError(f"{self.config.file}: portal kind {settings.kind!r} is not available yet")

    def open_target(self, *, insecure: bool = False) -> PublishTarget:
        """The target the project publishes to.

        A files portal publishes to the folder ``[publish] target``; a WordPress portal
        publishes to itself, in the site's multilingual mode (:mod:`kisync.publish.polylang`
        with Polylang), with the password from the environment (``insecure``: see
        :attr:`insecure`).
        """
        if self.config.portal.kind == "wordpress":
            from .portal.wordpress import open_wordpress
            from .publish.polylang import target_for

            return target_for(
                open_wordpress(self._wordpress(insecure), self.languages, self.state_dir)
            )
        from .publish.files import FilesTarget

        folder = self.config.publish.target
        return FilesTarget(self.root / folder, name=f"files:{folder}")

    def _wordpress(self, insecure: bool) -> WordPressSettings:
        return self.wordpress_settings(insecure=insecure or self.insecure)

    def wordpress_settings(self, *, insecure: bool = False) -> WordPressSettings:
        """The ``[portal]`` settings of a WordPress project, with the password from the
        environment (``insecure``: allow plain http to another machine)."""
        from .portal.wordpress import APP_PASSWORD_HELP, Settings, is_loopback

        portal = self.config.portal
        where = self.config.file
        url = portal.url.strip().rstrip("/")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(
                f"{where}: [portal] url must be the WordPress site's address, "
                'e.g. "https://example.org"'
            )
        if not portal.user:
            raise ConfigError(
                f'{where}: [portal] user is missing: the WordPress user, e.g. "kisync"'
            )
        if not _ENV_NAME.match(portal.password_env):
            raise ConfigError(
                f"{where}: [portal] password_env must name an environment variable, "
                f'e.g. "KISYNC_WP_PASSWORD" (the password itself never goes into {where.name})'
            )
        password = os.environ.get(portal.password_env, "")
        if not password.strip():
            raise KisyncError(
                f"the environment variable {portal.password_env} (named by password_env in "
                f"{where.name}) is not set; put the WordPress Application Password of user "
                f"{portal.user!r} in it; {APP_PASSWORD_HELP}"
            )
        if not password.strip().isascii():
            raise KisyncError(
                f"the environment variable {portal.password_env} holds characters that no"
                " Application Password has (they are letters and digits); check what it holds"
            )
        if parts.scheme == "http" and not insecure and not is_loopback(parts.hostname):
            raise KisyncError.naming(
                f"refusing to send the WordPress password over plain http to {parts.hostname}; "
                "use https:// in [portal] url (or pass {insecure} if you really must)",
                insecure="insecure=True",
            )
        return Settings(
            url=url,
            user=portal.user,
            password=password.strip(),
            timeout=portal.timeout,
            retries=portal.retries,
            concurrency=portal.concurrency,
            exclude=portal.exclude,
        )

    def open_locator(self, portal: Portal) -> Locator:
        """Where ``harvest`` finds a page's existing translations: the locator for the
        portal kind and ``[harvest] pattern``."""
        from .harvest.locate import CrawlLocator, FilesLocator

        settings = self.config.portal
        pattern = self.config.harvest.pattern
        if settings.kind == "files":
            return FilesLocator(self.root / settings.path, pattern)
        if settings.kind == "crawl":
            return CrawlLocator(
                settings.url,
                pattern,
                timeout=settings.timeout,
                retries=settings.retries,
                delay=settings.delay,
            )
        from .harvest.wordpress import WordPressLocator  # only for WordPress

        return WordPressLocator(portal, pattern)  # type: ignore[arg-type]

    @contextmanager
    def _portal_and_target(
        self, insecure: bool, target: PublishTarget | None = None
    ) -> Iterator[tuple[Portal, PublishTarget]]:
        """The portal and the target, closed afterwards (a ``target`` passed in stays open:
        it is the caller's)."""
        with ExitStack() as stack:
            if target is None:
                target = stack.enter_context(closing(self.open_target(insecure=insecure)))
            portal = stack.enter_context(closing(self.open_portal(insecure=insecure)))
            yield portal, target

    # -- pipeline ------------------------------------------------------------------

    def pull(
        self,
        pages: Sequence[str] = (),
        *,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> PullReport:
        """Extract the portal's German pages into catalogs; see :func:`kisync.extract.pull.pull`."""
        from .extract.pull import pull

        with closing(self.open_portal()) as portal:
            return pull(
                portal, self.page_work(), self.state_dir, pages, dry_run=dry_run, progress=progress
            )

    def push(
        self,
        languages: Sequence[str] = (),
        pages: Sequence[str] = (),
        *,
        dry_run: bool = False,
        force: bool = False,
        insecure: bool = False,
        target: PublishTarget | None = None,
        progress: Callable[[int, int], None] | None = None,
        create_languages: bool = False,
    ) -> PushReport:
        """Publish the translated pages; see :func:`kisync.publish.push.push`."""
        from .publish.push import push

        with self._portal_and_target(insecure, target) as (portal, target):
            return push(
                portal,
                target,
                self.catalogs,
                self.state_dir,
                languages,
                pages,
                rules=self.extract_rules,
                source_language=self.source_language,
                policy=self.publish_policy,
                checks=self.check_context,
                portal_url=self.config.portal.url,
                root=self.root,
                dry_run=dry_run,
                force=force,
                progress=progress,
                create_languages=create_languages,
            )

    def pretranslate(
        self,
        languages: Sequence[str] = (),
        pages: Sequence[str] = (),
        *,
        dry_run: bool = False,
        machine: bool = True,
    ) -> PretranslateReport:
        """Propose translations (fuzzy); see :func:`kisync.translate.pretranslate.pretranslate`.

        ``machine``: also ask the machine-translation engines, where routes are configured.
        """
        from .translate.pretranslate import pretranslate

        translator = self.machine_translator() if machine else None
        return pretranslate(
            self.catalogs,
            languages,
            pages,
            glossary=self.glossary,
            memory_similarity=self.config.glossary.memory_similarity,
            machine=translator,
            root=self.root,
            dry_run=dry_run,
        )

    def machine_translator(self) -> MachineTranslator | None:
        """The configured machine translation; None when no language is routed to an engine."""
        if not any(self.config.machine_translation.routes.values()):
            return None
        from .translate.mt import open_machine_translator

        return open_machine_translator(
            self.config.machine_translation,
            self.state_dir,
            self.config.file,
            glossary=self.glossary,
        )

    def export(
        self,
        language: str,
        pages: Sequence[str] = (),
        output: Path | str = "",
        *,
        fmt: str = "po",
        only_untranslated: bool = False,
    ) -> ExportReport:
        """Hand out one language's work as a package; see :mod:`kisync.exchange`."""
        from .exchange import export_memory, export_package
        from .util.selection import select_languages, select_pages

        (chosen,) = select_languages(self.languages, [language])
        keys = select_pages(self.catalogs, pages)
        if fmt == "tmx":
            return export_memory(self.catalogs, chosen, keys, Path(output))
        return export_package(
            self.catalogs,
            self.state_dir,
            chosen,
            keys,
            Path(output),
            fmt=fmt,
            only_untranslated=only_untranslated,
            glossary=self.glossary,
        )

    def doctor(self) -> SiteReport:
        """How the portal is multilingual (WordPress: Polylang, WPML or none, through the
        bridge plugin), its languages and versions; see :mod:`kisync.portal.multilingual`."""
        from .portal.multilingual import site_report

        settings = self.config.portal
        address = settings.url or settings.path
        return site_report(self.open_portal(), settings.kind, address, self.languages)

    def import_returned(self, path: Path | str, *, dry_run: bool = False) -> ImportReport:
        """Merge a translator's returned file; see :mod:`kisync.exchange.returns`."""
        from .exchange import import_returned

        return import_returned(self.catalogs, self.state_dir, Path(path), dry_run=dry_run)

    def harvest(
        self,
        languages: Sequence[str] = (),
        pages: Sequence[str] = (),
        *,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> HarvestReport:
        """Fill the catalogs from the portal's existing translations; see :mod:`kisync.harvest`."""
        from .harvest import harvest

        with ExitStack() as stack:
            portal = stack.enter_context(closing(self.open_portal()))
            locator = self.open_locator(portal)
            stack.callback(getattr(locator, "close", lambda: None))
            return harvest(
                portal,
                locator,
                self.catalogs,
                languages,
                pages,
                rules=self.extract_rules,
                glossary=self.glossary,
                min_confidence=self.config.harvest.min_confidence,
                dry_run=dry_run,
                progress=progress,
            )

    def stats(self, languages: Sequence[str] = (), pages: Sequence[str] = ()) -> ProjectStats:
        """Completeness (``kisync stats``); see :func:`kisync.progress.collect_stats`."""
        from .progress import collect_stats

        return collect_stats(
            self.catalogs,
            languages,
            pages,
            source_language=self.source_language,
            require_review=self.config.publish.require_review,
            cache_file=self.state_dir / "stats-cache.json",
            root=self.root,
        )

    def lint(
        self,
        languages: Sequence[str] = (),
        pages: Sequence[str] = (),
        *,
        checks: Sequence[str] | None = None,
    ) -> LintReport:
        """The QA checks (``kisync lint``); see :func:`kisync.translate.lint.lint_project`."""
        from .translate.lint import lint_project

        return lint_project(
            self.catalogs, languages, pages, context=self.check_context, checks=checks
        )

    def lint_files(
        self, paths: Sequence[Path], *, checks: Sequence[str] | None = None
    ) -> LintReport:
        """The QA checks on the given PO/POT files (``kisync lint FILE…``), with this
        project's glossary and settings; see :func:`kisync.translate.lint.lint_files`."""
        from .translate.lint import lint_files

        return lint_files(paths, self.check_context, catalogs=self.catalogs, checks=checks)

    def check(
        self,
        languages: Sequence[str] = (),
        pages: Sequence[str] = (),
        *,
        min_completeness: float | None = None,
        lint: bool = True,
    ) -> GateResult:
        """The CI gate (``kisync check``); see :func:`kisync.progress.gate.run_check`."""
        from .progress.gate import run_check

        stats = self.stats(languages, pages)
        report = self.lint(languages, pages) if lint else None
        given = self.config.check.min_completeness if min_completeness is None else min_completeness
        publish = self.config.publish

        def minimum(language: str) -> float:
            return given if given is not None else publish.minimum(language)

        return run_check(stats, report, minimum, publish.require_review)

    def report(
        self, output: Path | str, languages: Sequence[str] = (), pages: Sequence[str] = ()
    ) -> Dashboard:
        """Write the progress dashboard and badges (``kisync report``) into ``output``."""
        from .progress.dashboard import build_report, last_pull

        stats = self.stats(languages, pages)
        return build_report(stats, Path(output), last_pull(self.catalogs, self.state_dir))

    def sync(
        self,
        languages: Sequence[str] = (),
        pages: Sequence[str] = (),
        *,
        dry_run: bool = False,
        force: bool = False,
        machine: bool = True,
        progress: Callable[[str], Callable[[int, int], None] | None] | None = None,
    ) -> SyncReport:
        """Pull, pretranslate (where available) and push; see :func:`kisync.sync.sync`."""
        from .sync import sync

        return sync(
            self,
            languages,
            pages,
            dry_run=dry_run,
            force=force,
            machine=machine,
            progress=progress,
        )

    # -- the other commands: review, harvest --from-edits, preview, glossary ----------

    def review(
        self, language: str, pages: Sequence[str] = (), *, by: str, dry_run: bool = False
    ) -> ReviewReport:
        """Mark a language's finished strings reviewed by ``by`` (``kisync review``); see
        :func:`kisync.translate.review.review`."""
        from .translate.review import review

        return review(self.catalogs, language, pages, by=by, dry_run=dry_run)

    def harvest_edits(
        self,
        languages: Sequence[str] = (),
        pages: Sequence[str] = (),
        *,
        dry_run: bool = False,
        insecure: bool = False,
    ) -> EditsReport:
        """Take edits made on the target into the catalogs (``kisync harvest --from-edits``);
        see :mod:`kisync.harvest.edits`."""
        from .harvest.edits import take_back_edits

        with self._portal_and_target(insecure) as (portal, target):
            return take_back_edits(
                portal,
                target,
                self.catalogs,
                self.state_dir,
                languages,
                pages,
                rules=self.extract_rules,
                glossary=self.glossary,
                root=self.root,
                dry_run=dry_run,
            )

    def preview(self, languages: Sequence[str] = (), *, port: int = 8000) -> PreviewServer:
        """The server of ``kisync preview`` on 127.0.0.1:``port`` (0: any free port); call
        ``serve_forever()``, then ``server_close()``. See :mod:`kisync.publish.preview`."""
        from .publish.preview import Preview, make_server
        from .util.selection import select_languages

        chosen = select_languages(self.languages, languages)
        preview = Preview(
            self.open_portal(),
            self.catalogs,
            rules=self.extract_rules,
            source_language=self.source_language,
            languages=chosen,
            gate=self.publish_gate(),
        )
        files = self.config.portal.kind == "files"
        static = self.root / self.config.portal.path if files else None
        return make_server(preview, port, static=static, root=self.root)

    def glossary_or_shipped(self) -> Glossary:
        """The glossary of ``[glossary] files``, or the one shipped with kisync without any
        (what the glossary commands use)."""
        from .translate import glossary_or_shipped

        return glossary_or_shipped(self.glossary)

    def match_glossary(self, text: str, languages: Sequence[str] = ()) -> GlossaryMatches:
        """The glossary terms in a German ``text`` (``kisync glossary match``)."""
        from .translate.export import match_glossary

        return match_glossary(self.glossary_or_shipped(), text, languages, self.config.languages)

    def lint_glossary(self) -> GlossaryLintReport:
        """Check the glossary against the project's languages (``kisync glossary lint``)."""
        from .translate.glossarylint import check_glossary

        return check_glossary(self.glossary_or_shipped(), self.config.languages)

    def export_glossary(
        self, fmt: str, output: Path | str, languages: Sequence[str] = ()
    ) -> GlossaryExport:
        """Write the glossary as ``csv``, ``tbx``, ``tbx2`` or ``weblate`` (a folder) into
        ``output`` (``kisync glossary export``); see :mod:`kisync.translate.export`."""
        from .translate.export import write_glossary

        return write_glossary(self.glossary_or_shipped(), fmt, Path(output), languages)

    def import_glossary(
        self, source: Path | str, into: Path | str | None = None, *, dry_run: bool = False
    ) -> GlossaryImport:
        """Merge the concepts of ``source`` into ``into`` (default: the first file of
        ``[glossary] files``), only when the result passes glossary lint (``kisync
        glossary import``); see :func:`kisync.translate.export.import_glossary_file`."""
        from .translate.export import default_glossary_file, import_glossary_file

        target = Path(into) if into is not None else default_glossary_file(self.glossary_paths)
        return import_glossary_file(Path(source), target, dry_run=dry_run)

    def remove_concepts(
        self,
        ids: Sequence[str],
        glossary_file: Path | str | None = None,
        *,
        dry_run: bool = False,
    ) -> GlossaryRemoval:
        """Take the concepts ``ids`` out of ``glossary_file`` (default: the first file of
        ``[glossary] files``; ``kisync glossary remove``)."""
        from .translate.export import default_glossary_file, remove_concepts

        target = (
            Path(glossary_file)
            if glossary_file is not None
            else default_glossary_file(self.glossary_paths, "glossary_file")
        )
        return remove_concepts(target, ids, dry_run=dry_run)


def project_for(path: Path | str) -> Project | None:
    """The project whose ``kisync.toml`` is in the folder of ``path`` or above; None if none."""
    try:
        return Project.load(find_config(Path(path).resolve().parent))
    except ConfigError as error:
        log.info("no project for %s (%s); checks that need one are skipped", path, error)
        return None
