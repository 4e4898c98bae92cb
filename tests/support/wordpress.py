"""The throwaway WordPress of ``scripts/wordpress-dev.sh``, driven from tests.

:func:`start_wordpress` starts a private instance (own folder, own port) and returns a
:class:`WordPress` handle: its address and credentials, the database snapshot
commands, the bridge plugin switch, and a few REST helpers for arranging test data
and checking results. The connector under test talks to the same server through its
own code; these helpers only use ``requests`` directly.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "wordpress-dev.sh"
BRIDGE = REPO / "contrib" / "wordpress" / "kisync-bridge.php"
PACKAGES = "wordpress php-cli php-mysql mariadb-server"
REQUIRE_ENV = "KISYNC_REQUIRE_WORDPRESS"


class WordPressUnavailable(Exception):
    """The Debian packages are not installed (a skip, unless WordPress is required)."""


def missing_packages() -> list[str]:
    """Which of the packages the dev script needs are absent on this machine."""
    missing = []
    if not Path("/usr/share/wordpress/wp-settings.php").is_file():
        missing.append("wordpress")
    if shutil.which("php") is None:
        missing.append("php-cli")
    if shutil.which("mariadbd") is None and not Path("/usr/sbin/mariadbd").exists():
        missing.append("mariadb-server")
    return missing


@dataclass
class WordPress:
    """A running throwaway WordPress."""

    folder: Path
    port: int
    url: str
    user: str
    password: str
    admin_user: str
    admin_password: str
    start_output: str = ""
    """What ``start`` printed (stdout and stderr), to check that no secret is in it."""

    # -- the dev script ----------------------------------------------------------

    def script(self, *args: str, env: dict[str, str] | None = None) -> str:
        env = {
            **os.environ,
            "KISYNC_WP_DIR": str(self.folder),
            "KISYNC_WP_PORT": str(self.port),
            **(env or {}),
        }
        result = subprocess.run(
            [str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=120
        )
        if result.returncode != 0:
            raise RuntimeError(f"wordpress-dev.sh {' '.join(args)} failed:\n{result.stderr}")
        return result.stdout

    def restore(self, name: str = "fresh") -> None:
        self.script("restore", name)

    def snapshot(self, name: str) -> None:
        self.script("snapshot", name)

    def stop(self) -> None:
        self.script("stop")

    # -- the bridge plugin ---------------------------------------------------------

    @property
    def bridge_path(self) -> Path:
        return self.folder / "www" / "wp-content" / "mu-plugins" / "kisync-bridge.php"

    def set_bridge(self, enabled: bool) -> None:
        """Install or remove contrib/wordpress/kisync-bridge.php as a must-use plugin."""
        if enabled:
            if not self.bridge_path.exists():
                self.bridge_path.symlink_to(BRIDGE)
        else:
            self.bridge_path.unlink(missing_ok=True)

    def install_polylang(self, folder: Path) -> None:
        """Copy Polylang into this WordPress, activate it, create de (default), en, ar."""
        self.script("start", env={"KISYNC_WP_POLYLANG": str(folder)})

    def use_theme(self, theme: str) -> None:
        """Switch to ``theme``; a Debian theme package that is missing fails the test
        with the package to install (WordPress would render an empty page)."""
        if not (self.folder / "www" / "wp-content" / "themes" / theme).is_dir():
            pytest.fail(f"theme {theme} is not installed: apt-get install wordpress-theme-{theme}")
        self.php(f"switch_theme({theme!r});")

    def php(self, code: str) -> str:
        """Run PHP ``code`` inside this WordPress (as on its command line); its output."""
        script = self.folder / "tmp" / "test-eval.php"
        script.write_text(
            "<?php\n"
            f"define('ABSPATH', {str(self.folder / 'www') + '/'!r});\n"
            f"$_SERVER['HTTP_HOST'] = '127.0.0.1:{self.port}';\n"
            "require ABSPATH . 'wp-load.php';\n" + code,
            encoding="utf-8",
        )
        result = subprocess.run(["php", str(script)], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, f"php failed:\n{result.stdout}\n{result.stderr}"
        return result.stdout

    def set_modified(self, page_id: int | None, sql_time: str) -> None:
        """Set ``modified_gmt`` of one page (or of all, with None) to a SQL expression.

        Pages created a moment ago are "fresh" (see ``WordPressPortal._marker``);
        tests move them into the past, or the future, to control that.
        """
        where = "post_type = 'page'" + (f" AND ID = {int(page_id)}" if page_id else "")
        self.php(
            "global $wpdb;\n"
            f'$wpdb->query("UPDATE $wpdb->posts SET post_modified_gmt = {sql_time},'
            f' post_modified = post_modified_gmt WHERE {where}");\n'
            "wp_cache_flush();\n"
        )

    def backdate(self, page_id: int | None = None, minutes: int = 60) -> None:
        self.set_modified(page_id, f"UTC_TIMESTAMP() - INTERVAL {int(minutes)} MINUTE")

    # -- REST helpers for arranging and checking ----------------------------------

    def api(self, method: str, route: str, **kwargs: Any) -> requests.Response:
        """A REST request as the ``kisync`` editor (``auth=`` overrides)."""
        kwargs.setdefault("auth", (self.user, self.password))
        kwargs.setdefault("timeout", 30)
        return requests.request(method, f"{self.url}wp-json/{route.lstrip('/')}", **kwargs)

    def call(self, method: str, route: str, **kwargs: Any) -> Any:
        response = self.api(method, route, **kwargs)
        assert response.ok, f"{method} {route}: {response.status_code} {response.text[:500]}"
        return response.json()

    def create_page(
        self,
        title: str,
        content: str,
        *,
        slug: str | None = None,
        parent: int = 0,
        status: str = "publish",
        **fields: Any,
    ) -> dict[str, Any]:
        data = {"title": title, "content": content, "parent": parent, "status": status, **fields}
        if slug is not None:
            data["slug"] = slug
        return self.call("POST", "wp/v2/pages", json=data)

    def update_page(self, page_id: int, **fields: Any) -> dict[str, Any]:
        return self.call("POST", f"wp/v2/pages/{page_id}", json=fields)

    def page(self, page_id: int) -> dict[str, Any]:
        return self.call("GET", f"wp/v2/pages/{page_id}", params={"context": "edit"})

    def all_pages(self, **params: Any) -> list[dict[str, Any]]:
        """Every page in any status (drafts and trash included), oldest first."""
        pages: list[dict[str, Any]] = []
        page = 1
        while True:
            response = self.api(
                "GET",
                "wp/v2/pages",
                params={
                    "context": "edit",
                    "status": "publish,future,draft,pending,private,trash",
                    "per_page": 100,
                    "page": page,
                    "orderby": "id",
                    "order": "asc",
                    **params,
                },
            )
            assert response.ok, response.text[:500]
            pages += response.json()
            if page >= int(response.headers.get("X-WP-TotalPages", "1")):
                return pages
            page += 1

    def html(self, path: str) -> str:
        response = requests.get(f"{self.url}{path.lstrip('/')}", timeout=30)
        assert response.status_code == 200, f"GET {path}: {response.status_code}"
        return response.text


def polylang_folder() -> Path | None:
    """Polylang, ready to install, in ``$KISYNC_SHARED_DIR/vendor/wordpress-plugins/polylang``
    or ``../shared/…`` of the repository or of a folder above it (a git worktree); None
    when it is not there."""
    shared = os.environ.get("KISYNC_SHARED_DIR")
    candidates = [Path(shared)] if shared else [parent / "shared" for parent in REPO.parents]
    for candidate in candidates:
        folder = candidate / "vendor" / "wordpress-plugins" / "polylang"
        if (folder / "polylang.php").is_file():
            return folder
    return None


def start_wordpress(folder: Path, port: int) -> WordPress:
    """Start a private WordPress in ``folder`` on ``port`` (install it the first time)."""
    missing = missing_packages()
    if missing:
        raise WordPressUnavailable(
            f"Debian packages missing: {' '.join(missing)} (apt-get install {PACKAGES})"
        )
    env = {**os.environ, "KISYNC_WP_DIR": str(folder), "KISYNC_WP_PORT": str(port)}
    result = subprocess.run(
        [str(SCRIPT), "start"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    if result.returncode != 0:
        raise RuntimeError(f"scripts/wordpress-dev.sh start failed:\n{result.stderr}")
    values = read_credentials(folder / "credentials.env")
    return WordPress(
        folder=folder,
        port=port,
        url=values["KISYNC_WP_URL"],
        user=values["KISYNC_WP_USER"],
        password=values["KISYNC_WP_PASSWORD"],
        admin_user=values["KISYNC_WP_ADMIN_USER"],
        admin_password=values["KISYNC_WP_ADMIN_PASSWORD"],
        start_output=result.stdout + result.stderr,
    )


def read_credentials(path: Path) -> dict[str, str]:
    """``NAME='value'`` lines of the credentials file the install script writes."""
    values: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "=" not in line:
            continue
        name, _, value = line.partition("=")
        if len(value) >= 2 and value[0] == value[-1] == "'":
            value = value[1:-1].replace("'\\''", "'")
        values[name] = value
    return values


# -- kisync projects against it ----------------------------------------------------

PASSWORD_ENV = "KISYNC_TEST_WP_PASSWORD"


def write_project(
    root: Path,
    url: str,
    *,
    languages: tuple[str, ...] = ("en", "ar"),
    user: str = "kisync",
    portal: dict[str, Any] | None = None,
    publish: dict[str, Any] | None = None,
) -> Path:
    """Write a kisync.toml for a WordPress portal at ``url`` (password in PASSWORD_ENV)."""
    root.mkdir(parents=True, exist_ok=True)
    lines = [
        f"languages = {json.dumps(list(languages))}",
        "",
        "[portal]",
        'kind = "wordpress"',
        f"url = {json.dumps(url)}",
        f"user = {json.dumps(user)}",
        f"password_env = {json.dumps(PASSWORD_ENV)}",
    ]
    lines += [f"{key} = {json.dumps(value)}" for key, value in (portal or {}).items()]
    if publish:
        lines += ["", "[publish]"]
        lines += [f"{key} = {json.dumps(value)}" for key, value in publish.items()]
    (root / "kisync.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root
