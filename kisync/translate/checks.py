"""The QA check framework behind ``kisync lint``: a registry any module can add checks to.

A check looks at one translated string and says what is wrong with it::

    from kisync.translate.checks import Subject, check

    @check("exclamation", severity="warning", description="a ! the German text does not have")
    def exclamation(subject: Subject):
        if "!" in subject.translation and "!" not in subject.source:
            yield "the translation adds an exclamation mark"

It receives a :class:`Subject` (the German ``source`` and the ``translation`` of one
plural form, the whole ``entry`` with its notes and flags, the catalog's ``language``,
``path`` and ``line``) and yields messages; each becomes a :class:`Finding` with the
check's name and severity. Yield a :class:`Problem` instead of a string to give one
finding another severity.

Checks that need project data (the glossary, say) are made by a factory, called once per
run with a :class:`CheckContext`; it returns the check function, or ``None`` when the check
has nothing to work with (no glossary configured)::

    @check_factory("glossary-term", severity="warning", description="…")
    def glossary_term(context):
        glossary = context.glossary
        if glossary is None:
            return None
        def run(subject): ...
        return run

``scope="source"`` checks look at the German text itself: they run once per entry of
each template (``po/templates/*.pot``), with ``language=None`` and an empty
``translation`` (deprecated wording in the German pages, for example).

``scope="header"`` checks look at the header of each language catalog, once per file: the
subject's ``entry`` is the header entry and ``translation`` its text (``Plural-Forms: …``).

Checks only see translations that count as done: not obsolete, not fuzzy, not empty.
A translator silences one check for one entry with the flag ``#, ignore-<check name>``.

Modules listed in :data:`CHECK_MODULES` are imported before each run; add yours there.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeAlias

import polib

from ..languages import Language

if TYPE_CHECKING:
    from .easy_settings import EasySettings
    from .glossary import Glossary

Severity = Literal["error", "warning"]
Scope = Literal["translation", "source", "header"]

CHECK_MODULES: tuple[str, ...] = (
    "kisync.translate.standard_checks",
    "kisync.translate.glossary_checks",
    "kisync.translate.easy_checks",
)
"""Modules whose import registers checks (with the decorators below)."""


@dataclass(frozen=True)
class CheckContext:
    """What the checks made by factories use of a project; build it in code or let
    :class:`kisync.Project` build it from ``kisync.toml``."""

    load_glossary: Callable[[], Glossary | None] | None = None
    """Loads the glossary when a check first needs it (None: no glossary)."""
    glossary_files: tuple[Path, ...] = ()
    """The files the glossary is read from (their bytes are part of the publish gate's
    fingerprint)."""
    wordpress: bool = False
    """The portal is a WordPress site (its shortcodes are checked)."""
    easy_language: Mapping[str, EasySettings] = field(default_factory=dict)
    """The rules of each easy-German target language (``de-x-ls``, ``de-x-es``)."""

    @cached_property
    def glossary(self) -> Glossary | None:
        return self.load_glossary() if self.load_glossary is not None else None


@dataclass(frozen=True)
class Subject:
    """One string a check looks at."""

    entry: polib.POEntry
    source: str
    """The German text: ``msgid`` (``msgid_plural`` for the other plural forms)."""
    translation: str
    """This plural form's translation; empty for ``scope="source"`` checks."""
    language: Language | None
    """The catalog's language; None in a template."""
    path: Path
    line: int


@dataclass(frozen=True)
class Problem:
    """A message with its own severity (a check may also just yield a string)."""

    message: str
    severity: Severity


@dataclass(frozen=True)
class Finding:
    """One problem in one entry: what ``kisync lint`` reports."""

    check: str
    severity: Severity
    message: str
    path: Path
    line: int
    msgid: str
    msgctxt: str | None = None
    language: str | None = None
    """Language code of the catalog; None for a template."""

    def to_json(self, root: Path | None = None) -> dict[str, object]:
        """The stable JSON form documented in the README (``kisync lint --format json``)."""
        return {
            "file": display_path(self.path, root),
            "line": self.line,
            "language": self.language,
            "check": self.check,
            "severity": self.severity,
            "message": self.message,
            "msgctxt": self.msgctxt,
            "msgid": self.msgid,
        }


def display_path(path: Path, root: Path | None = None) -> str:
    """``path`` relative to ``root`` (default: the current folder) when it is inside it."""
    base = root if root is not None else Path.cwd()
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return str(path)


CheckFunction: TypeAlias = Callable[[Subject], Iterable["Problem | str"]]
CheckFactory: TypeAlias = Callable[[CheckContext], CheckFunction | None]


@dataclass(frozen=True)
class CheckSpec:
    name: str
    severity: Severity
    description: str
    scope: Scope
    factory: CheckFactory
    needs_context: bool
    aliases: tuple[str, ...] = ()
    """Other names translators may use in ``#, ignore-…`` (Weblate's ``ignore-same``)."""


@dataclass(frozen=True)
class BoundCheck:
    """A check ready to run: its spec and the function its factory made."""

    spec: CheckSpec
    function: CheckFunction
    ignore_flags: frozenset[str] = field(default_factory=frozenset)

    def run(self, subject: Subject) -> Iterator[Finding]:
        if self.ignore_flags & set(subject.entry.flags):
            return
        for result in self.function(subject):
            problem = result if isinstance(result, Problem) else None
            yield Finding(
                check=self.spec.name,
                severity=problem.severity if problem else self.spec.severity,
                message=problem.message if problem else str(result),
                path=subject.path,
                line=subject.line,
                msgid=subject.entry.msgid,
                msgctxt=subject.entry.msgctxt,
                language=subject.language.code if subject.language else None,
            )


class Registry:
    """The known checks, by name."""

    def __init__(self) -> None:
        self._specs: dict[str, CheckSpec] = {}

    def add(self, spec: CheckSpec) -> None:
        if spec.name in self._specs:
            raise ValueError(f"a check named {spec.name!r} is already registered")
        self._specs[spec.name] = spec

    def remove(self, name: str) -> None:
        self._specs.pop(name, None)

    def specs(self) -> list[CheckSpec]:
        load_check_modules()
        return sorted(
            self._specs.values(), key=lambda spec: (spec.scope != "translation", spec.name)
        )

    def bind(
        self, context: CheckContext | None, names: Iterable[str] | None = None
    ) -> list[BoundCheck]:
        """The checks to run: all (or those named), each made by its factory.

        Checks made by a factory are left out when there is no ``context`` (no project).
        """
        specs = self.specs()
        if names is not None:
            wanted = set(names)
            unknown = wanted - {spec.name for spec in specs}
            if unknown:
                from ..errors import KisyncError

                known = ", ".join(spec.name for spec in specs)
                raise KisyncError(f"unknown check {', '.join(sorted(unknown))}; checks: {known}")
            specs = [spec for spec in specs if spec.name in wanted]
        bound = []
        for spec in specs:
            if spec.needs_context and context is None:
                continue
            function = spec.factory(context)  # type: ignore[arg-type]
            if function is not None:
                flags = frozenset(f"ignore-{name}" for name in (spec.name, *spec.aliases))
                bound.append(BoundCheck(spec, function, flags))
        return bound


REGISTRY = Registry()


def load_check_modules() -> None:
    for module in CHECK_MODULES:
        importlib.import_module(module)


def check(
    name: str,
    *,
    severity: Severity,
    description: str,
    scope: Scope = "translation",
    aliases: tuple[str, ...] = (),
    registry: Registry = REGISTRY,
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function (decorator)."""

    def register(function: CheckFunction) -> CheckFunction:
        def factory(context: CheckContext | None) -> CheckFunction:
            return function

        registry.add(CheckSpec(name, severity, description, scope, factory, False, tuple(aliases)))
        return function

    return register


def check_factory(
    name: str,
    *,
    severity: Severity,
    description: str,
    scope: Scope = "translation",
    aliases: tuple[str, ...] = (),
    registry: Registry = REGISTRY,
) -> Callable[[CheckFactory], CheckFactory]:
    """Register a factory that makes a check from a :class:`CheckContext` (decorator)."""

    def register(factory: CheckFactory) -> CheckFactory:
        registry.add(CheckSpec(name, severity, description, scope, factory, True, tuple(aliases)))
        return factory

    return register
