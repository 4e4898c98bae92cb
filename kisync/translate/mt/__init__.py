"""Machine-translation proposals (``[machine_translation]`` in ``kisync.toml``).

* :mod:`.base` — the protocol an engine implements (:class:`~.base.Engine`);
* :mod:`.deepl`, :mod:`.libretranslate` — the engines kisync ships;
* :mod:`.protect` — placeholders and kept names in, replies back out;
* :mod:`.cache` — replies kept under ``.kisync/`` so nothing is sent twice;
* :mod:`.run` — :class:`~.run.MachineTranslator`: routes, batches, checks.

To add an engine (a local model, another service): write a module with a class that
has ``name``, ``capabilities(language)`` and ``translate(texts, language, tags=…,
glossary=…)`` (see :mod:`.base`), and add a line to :data:`ENGINE_KINDS` that builds it
from its ``[machine_translation.engines.NAME]`` table.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import ConfigError
from .base import Capabilities, Engine, EngineError, QuotaExhausted
from .cache import ReplyCache
from .run import MachineOutcome, MachineProposal, MachineTranslator, Wanted

if TYPE_CHECKING:
    from ...config import EngineConfig, MachineTranslationConfig
    from ..glossary import Glossary

CACHE_FILE = "machine-translation.sqlite3"


def _deepl(name: str, settings: EngineConfig, key: str) -> Engine:
    from .deepl import DeepL

    return DeepL(
        name,
        key,
        url=settings.url,
        formality=settings.formality,
        timeout=settings.timeout,
        retries=settings.retries,
    )


def _libretranslate(name: str, settings: EngineConfig, key: str) -> Engine:
    from .libretranslate import LibreTranslate

    return LibreTranslate(
        name, settings.url, key, timeout=settings.timeout, retries=settings.retries
    )


ENGINE_KINDS: dict[str, Callable[[str, EngineConfig, str], Engine]] = {
    "deepl": _deepl,
    "libretranslate": _libretranslate,
}
"""``kind`` in kisync.toml → a function making the engine from its settings and key."""

KEY_REQUIRED = frozenset({"deepl"})


def open_machine_translator(
    settings: MachineTranslationConfig,
    state_dir: Path,
    config_file: Path,
    *,
    glossary: Glossary | None = None,
    environ: os._Environ[str] | dict[str, str] = os.environ,
) -> MachineTranslator | None:
    """The translator for the configured engines; None when no route sends anything.

    Besides :mod:`kisync.project`, this is the one reader of configuration (its
    ``[machine_translation]`` section): the engine tables are open-ended, so each engine's
    builder (:data:`ENGINE_KINDS`) stays beside the engine it builds.
    """
    if not any(settings.routes.values()):
        return None
    used = {name for route in settings.routes.values() for name in route}
    engines = {
        name: _open(name, settings.engines[name], config_file, environ) for name in sorted(used)
    }
    cache = ReplyCache(state_dir / CACHE_FILE)
    return MachineTranslator(engines, settings.routes, cache, glossary=glossary)


def _open(name: str, settings: EngineConfig, config_file: Path, environ) -> Engine:
    key = ""
    where = f"{config_file}: machine_translation.engines.{name}"
    if settings.api_key_env:
        key = environ.get(settings.api_key_env, "")
        if not key:
            raise ConfigError(
                f"{where}.api_key_env: the environment variable {settings.api_key_env} is not "
                "set; set it to the engine's API key (never write the key into kisync.toml)"
            )
    elif settings.kind in KEY_REQUIRED:
        raise ConfigError(
            f"{where}: set api_key_env to the name of the environment variable that holds "
            "the API key"
        )
    return ENGINE_KINDS[settings.kind](name, settings, key)


__all__ = [
    "ENGINE_KINDS",
    "Capabilities",
    "Engine",
    "EngineError",
    "MachineOutcome",
    "MachineProposal",
    "MachineTranslator",
    "QuotaExhausted",
    "ReplyCache",
    "Wanted",
    "open_machine_translator",
]
