"""``kisync.toml`` → frozen dataclasses.

Each section is a dataclass; its fields (with their type hints and defaults) are the
schema. Loading checks every key against it, so a typo or a wrong type gets one line
naming the file, the key and what is allowed, instead of being ignored.
To add a setting, add a field to the right dataclass and document it in the README.
"""

from __future__ import annotations

import dataclasses
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .errors import ConfigError
from .languages import UnknownLanguage, get_language, normalize_code

CONFIG_FILE = "kisync.toml"


@dataclass(frozen=True)
class PortalConfig:
    kind: Literal["files", "crawl", "wordpress"] = "files"
    path: str = "portal"
    """files: the folder of German pages, relative to the project."""
    url: str = ""
    """crawl/wordpress: the portal's address."""
    content: str = "main"
    """CSS selector of the translatable region; the rest of <body> goes to ``_site``."""
    ignore: tuple[str, ...] = ()
    """CSS selectors of elements never extracted (cookie banners, widgets)."""
    exclude: tuple[str, ...] = ()
    """crawl: URL path patterns (fnmatch) not to crawl, e.g. ``/en/*``."""
    concurrency: int = field(default=2, metadata={"range": (1, 16)})
    delay: float = field(default=0.5, metadata={"range": (0, 60)})
    """crawl: seconds between two requests (robots.txt Crawl-delay wins if longer)."""
    timeout: float = field(default=30.0, metadata={"range": (0.1, 600)})
    retries: int = field(default=3, metadata={"range": (0, 10)})
    max_pages: int = field(default=5000, metadata={"range": (1, 1_000_000)})
    user: str = ""
    password_env: str = ""
    """Name of the environment variable that holds the password; never the password."""


@dataclass(frozen=True)
class ExtractConfig:
    skip: tuple[str, ...] = ("pre", "code")
    """Elements whose text is never extracted (besides script, style, template…)."""


@dataclass(frozen=True)
class CatalogsConfig:
    path: str = "po"


@dataclass(frozen=True)
class GlossaryConfig:
    files: tuple[str, ...] = ()
    """Glossary files (TBX or CSV), relative to the project; their hints go into every catalog."""
    memory_similarity: float = field(default=85.0, metadata={"range": (50, 100)})
    """``pretranslate``: how similar (percent) an earlier German text must be to propose its
    translation."""


@dataclass(frozen=True)
class PublishConfig:
    min_completeness: float = field(default=100.0, metadata={"range": (0, 100)})
    """Percent of a page's own strings that must be translated before it is published."""
    min_completeness_by_language: dict[str, float] = field(
        default_factory=dict, metadata={"range": (0, 100)}
    )
    """Per-language values that override ``min_completeness``: ``{ ar = 80 }``."""
    withdraw_incomplete: bool = False
    """Take down a published translation whose page fell below the minimum (default: keep
    the last published version online)."""
    target: str = "site"
    require_review: tuple[str, ...] = ()
    """Languages whose strings are published only once marked reviewed (``kisync review``),
    e.g. ``["de-x-ls"]``: an unreviewed string counts as untranslated."""

    def minimum(self, language: str) -> float:
        """The minimum completeness for a language (a gettext code such as ``fa_AF``)."""
        return self.min_completeness_by_language.get(language, self.min_completeness)


@dataclass(frozen=True)
class CheckConfig:
    min_completeness: float | None = field(default=None, metadata={"range": (0, 100)})
    """``kisync check``: percent of every page that must be translated; unset: the
    ``[publish]`` minimum of each language."""


@dataclass(frozen=True)
class EasyLanguageConfig:
    """``[easy_language.<tag>]``: the ``easy-…`` lint rules for one easy-German target."""

    max_sentence_words: int | None = field(default=None, metadata={"range": (5, 60)})
    """Words a sentence may have; unset: 15 for Leichte Sprache, 20 for Einfache Sprache."""
    disable: tuple[str, ...] = ()
    """Rules not to check for this language, e.g. ``["easy-negation"]``."""
    enable: tuple[str, ...] = ()
    """Rules to check although the target does not by default (Einfache Sprache leaves
    out ``easy-one-statement``, ``easy-compound`` and ``easy-negation``)."""


@dataclass(frozen=True)
class HarvestConfig:
    pattern: str = ""
    """Where the existing translation of a German page is (``kisync harvest``); empty: the
    default of the portal kind (files: ``{lang}/{path}``; WordPress: where ``kisync push``
    publishes, under the language root; crawl: the German page's ``hreflang`` alternates)."""
    min_confidence: float = field(default=60.0, metadata={"range": (0, 100)})
    """Percent of a translated page's text that must pair with the German page; below it the
    page is reported as too different and left alone."""


@dataclass(frozen=True)
class EngineConfig:
    """One machine-translation engine (``[machine_translation.engines.NAME]``)."""

    kind: Literal["deepl", "libretranslate"] = "deepl"
    """Which engine; a new one is a module in kisync/translate/mt/ plus its name here."""
    url: str = ""
    """libretranslate: the server's address; deepl: another server than DeepL's own
    (empty: the free endpoint for keys ending in ``:fx``, else the pro endpoint)."""
    api_key_env: str = ""
    """Name of the environment variable that holds the API key; never the key."""
    formality: Literal["", "more", "less", "prefer_more", "prefer_less"] = ""
    timeout: float = field(default=60.0, metadata={"range": (1, 600)})
    retries: int = field(default=3, metadata={"range": (0, 10)})


@dataclass(frozen=True)
class MachineTranslationConfig:
    engines: dict[str, EngineConfig] = field(default_factory=dict)
    routes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Language → engines to try in order (``ar = ["deepl"]``); a language without a
    route (or with ``[]``) is never sent anywhere."""


@dataclass(frozen=True)
class Config:
    """A whole project file. ``root`` is the folder that holds it."""

    root: Path
    source_language: str = "de"
    languages: tuple[str, ...] = ()
    portal: PortalConfig = field(default_factory=PortalConfig)
    extract: ExtractConfig = field(default_factory=ExtractConfig)
    catalogs: CatalogsConfig = field(default_factory=CatalogsConfig)
    glossary: GlossaryConfig = field(default_factory=GlossaryConfig)
    publish: PublishConfig = field(default_factory=PublishConfig)
    check: CheckConfig = field(default_factory=CheckConfig)
    harvest: HarvestConfig = field(default_factory=HarvestConfig)
    easy_language: dict[str, EasyLanguageConfig] = field(default_factory=dict)
    machine_translation: MachineTranslationConfig = field(default_factory=MachineTranslationConfig)

    @property
    def file(self) -> Path:
        return self.root / CONFIG_FILE


def find_config(start: Path | None = None) -> Path:
    """Walk up from ``start`` (default: the current directory) to the nearest kisync.toml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
    raise ConfigError.naming(
        f"no {CONFIG_FILE} in {here} or any folder above it; "
        "run `kisync init` to create one or pass {project}",
        project="the project's folder",
    )


def load_config(path: Path) -> Config:
    """Read and validate a project file."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found; run `kisync init` to create it") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the project file ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    values = _convert_section(data, Config, path, prefix="", skip={"root"})
    config = Config(root=path.parent.resolve(), **values)
    return _check_languages(config, path)


def _check_languages(config: Config, path: Path) -> Config:
    def check(key: str, code: str) -> str:
        try:
            return get_language(code).code
        except UnknownLanguage as error:
            raise ConfigError(
                f"{path}: {key}: {error}; use an ISO 639 code such as en, ar, fa, fa_AF, tr, uk"
            ) from None

    source = check("source_language", config.source_language)
    targets = tuple(check("languages", code) for code in config.languages)
    if not targets:
        raise ConfigError(f'{path}: languages: list at least one target language, e.g. ["en"]')
    duplicates = {code for code in targets if targets.count(code) > 1}
    if duplicates:
        raise ConfigError(f"{path}: languages: {', '.join(sorted(duplicates))} listed twice")
    if normalize_code(source) in targets:
        raise ConfigError(f"{path}: languages: {source} is the source language, not a target")
    minimums = {}
    for code, value in config.publish.min_completeness_by_language.items():
        key = f"publish.min_completeness_by_language.{code}"
        canonical = check(key, code)
        if canonical not in targets:
            raise ConfigError(f"{path}: {key}: {code} is not in languages ({', '.join(targets)})")
        minimums[canonical] = value

    def targets_of(key: str, codes) -> tuple[str, ...]:
        canonical = tuple(check(f"{key}.{code}", code) for code in codes)
        for code, given in zip(canonical, codes, strict=True):
            if code not in targets:
                listed = ", ".join(targets)
                raise ConfigError(f"{path}: {key}: {given} is not in languages ({listed})")
        return canonical

    review = targets_of("publish.require_review", config.publish.require_review)
    publish = dataclasses.replace(
        config.publish, min_completeness_by_language=minimums, require_review=review
    )
    easy = dict(
        zip(
            targets_of("easy_language", list(config.easy_language)),
            config.easy_language.values(),
            strict=True,
        )
    )
    for code in easy:
        if not get_language(code).private_use:
            raise ConfigError(
                f"{path}: easy_language.{code}: not an easy-German target; use de-x-ls "
                "(Leichte Sprache) or de-x-es (Einfache Sprache)"
            )
    _check_harvest(config, path)
    _check_output_folders(config, path)
    machine = _check_machine_translation(config.machine_translation, targets, check, path)
    return dataclasses.replace(
        config,
        source_language=source,
        languages=targets,
        publish=publish,
        easy_language=easy,
        machine_translation=machine,
    )


def _check_machine_translation(
    settings: MachineTranslationConfig, targets: tuple[str, ...], check, path: Path
) -> MachineTranslationConfig:
    """Routes name configured engines and target languages; codes made canonical."""
    routes = {}
    for code, names in settings.routes.items():
        key = f"machine_translation.routes.{code}"
        canonical = check(key, code)
        if canonical not in targets:
            raise ConfigError(f"{path}: {key}: {code} is not in languages ({', '.join(targets)})")
        for name in names:
            if name not in settings.engines:
                defined = ", ".join(settings.engines) or "none yet"
                raise ConfigError(
                    f"{path}: {key}: no engine named {name!r} (defined: {defined}); add a "
                    f"[machine_translation.engines.{name}] table"
                )
        routes[canonical] = names
    for name, engine in settings.engines.items():
        if engine.kind == "libretranslate" and not engine.url:
            raise ConfigError(
                f"{path}: machine_translation.engines.{name}.url: set the LibreTranslate "
                f'server\'s address, e.g. "http://127.0.0.1:5000"'
            )
    return dataclasses.replace(settings, routes=routes)


def _check_output_folders(config: Config, path: Path) -> None:
    """Folders kisync writes into stay inside the project, unless named by absolute path.

    A relative path (symbolic links followed) that leads out of the project is a
    mistake or an attack; the root of the file system never is what anyone meant.
    """
    for key, value in (
        ("catalogs.path", config.catalogs.path),
        ("publish.target", config.publish.target),
    ):
        folder = Path(value)
        resolved = (config.root / folder).resolve()
        if resolved == Path(resolved.anchor):
            raise ConfigError(
                f"{path}: {key} = {value!r} is the root of the file system;"
                ' name a folder for kisync\'s files, e.g. "site"'
            )
        if not folder.is_absolute() and not resolved.is_relative_to(config.root):
            raise ConfigError(
                f"{path}: {key} = {value!r} leads outside the project folder (to {resolved});"
                " use a folder inside it, or write that absolute path if you mean it"
            )


HARVEST_FIELDS = ("lang", "bcp47", "path", "slug", "key")
"""What ``[harvest] pattern`` may contain, e.g. ``{lang}/{path}``."""


def _check_harvest(config: Config, path: Path) -> None:
    pattern = config.harvest.pattern
    if not pattern:
        return
    import string

    try:
        names = [name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None]
    except ValueError as error:
        raise ConfigError(f"{path}: harvest.pattern = {pattern!r}: {error}") from None
    allowed = ", ".join("{" + name + "}" for name in HARVEST_FIELDS)
    for name in names:
        if name not in HARVEST_FIELDS:
            raise ConfigError(f"{path}: harvest.pattern: unknown field {{{name}}}; use {allowed}")
    if "lang" not in names and "bcp47" not in names:
        raise ConfigError(
            f"{path}: harvest.pattern must contain {{lang}} or {{bcp47}} (each language's "
            f'translation is somewhere else), e.g. "{{lang}}/{{path}}"'
        )
    if config.portal.kind != "crawl" and ("://" in pattern or pattern.startswith("/")):
        raise ConfigError(
            f'{path}: harvest.pattern must be relative to the portal, e.g. "{{lang}}/{{path}}"'
        )


def _convert_section(
    data: dict[str, Any], schema: type, path: Path, prefix: str, skip: set[str] = frozenset()
) -> dict[str, Any]:
    hints = typing.get_type_hints(schema)
    fields = {f.name: f for f in dataclasses.fields(schema) if f.name not in skip}
    allowed = list(fields)
    values: dict[str, Any] = {}
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if key not in allowed:
            import difflib

            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise ConfigError(
                f"{path}: unknown key {dotted!r}; {hint}allowed here: {', '.join(allowed)}"
            )
        values[key] = _convert(value, hints[key], path, dotted)
        if "range" in fields[key].metadata:
            low, high = fields[key].metadata["range"]
            items = value.items() if isinstance(value, dict) else [(None, value)]
            for name, number in items:
                if not low <= number <= high:
                    where = f"{dotted}.{name}" if name is not None else dotted
                    raise ConfigError(f"{path}: {where} = {number!r} is out of range {low}–{high}")
    return values


def _convert(value: Any, hint: Any, path: Path, key: str) -> Any:
    origin = typing.get_origin(hint)
    if dataclasses.is_dataclass(hint):
        if not isinstance(value, dict):
            raise ConfigError(f"{path}: {key} must be a table ([{key}]), not {_kind(value)}")
        return hint(**_convert_section(value, hint, path, prefix=f"{key}."))
    if origin is Literal:
        choices = typing.get_args(hint)
        if value not in choices:
            allowed = " | ".join(map(str, choices))
            raise ConfigError(f"{path}: {key} = {value!r} is not allowed; use one of: {allowed}")
        return value
    if origin is tuple:
        if not isinstance(value, list):
            raise ConfigError(f'{path}: {key} must be a list, e.g. ["…"], not {_kind(value)}')
        item = typing.get_args(hint)[0]
        return tuple(_convert(v, item, path, f"{key}[{i}]") for i, v in enumerate(value))
    if origin is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{path}: {key} must be a table, not {_kind(value)}")
        item = typing.get_args(hint)[1]
        return {k: _convert(v, item, path, f"{key}.{k}") for k, v in value.items()}
    if origin in (typing.Union, types.UnionType):
        options = [option for option in typing.get_args(hint) if option is not type(None)]
        return _convert(value, options[0], path, key)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, hint) or (hint is not bool and isinstance(value, bool)):
        raise ConfigError(f"{path}: {key} must be {_NAMES.get(hint, hint)}, not {_kind(value)}")
    return value


_NAMES = {str: "a string", int: "a whole number", float: "a number", bool: "true or false"}


def _kind(value: Any) -> str:
    return {
        str: "a string",
        int: "a whole number",
        float: "a number",
        bool: "true/false",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__) + f" ({value!r})"[:40]
