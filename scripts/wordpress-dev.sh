#!/usr/bin/env bash
# A throwaway WordPress on 127.0.0.1, from Debian's packages, for trying kisync out and
# for the tests marked `wordpress`.
#
#   scripts/wordpress-dev.sh start      install (first time) and start; prints the URL
#   scripts/wordpress-dev.sh stop       stop the web server and the database
#   scripts/wordpress-dev.sh reset      back to the freshly installed site (fast)
#   scripts/wordpress-dev.sh status     running or not, and where
#   scripts/wordpress-dev.sh snapshot [NAME] / restore [NAME]
#                                       save / restore the database (tests use these)
#   scripts/wordpress-dev.sh destroy    stop and delete everything
#
# Needs: apt-get install wordpress php-cli php-mysql mariadb-server
#
# Settings (environment):
#   KISYNC_WP_DIR     where everything lives (default: .wordpress-dev in the repository)
#   KISYNC_WP_PORT    the web server's port on 127.0.0.1 (default: 8881)
#   KISYNC_WP_WORKERS PHP_CLI_SERVER_WORKERS, requests served at once (default: 4)
#   KISYNC_WP_BRIDGE  1: install contrib/wordpress/kisync-bridge.php as a must-use plugin,
#                     0: remove it (unset: leave it as it is)
#   KISYNC_WP_POLYLANG  a Polylang plugin folder (or 1: ../shared/vendor/wordpress-plugins/
#                     polylang next to the repository, or in $KISYNC_SHARED_DIR): install and activate it, with the
#                     languages of KISYNC_WP_LANGUAGES (default: de (the site's) en ar)
#   KISYNC_WP_THEME   the theme to use: kisync-dev (default), twentytwentyone,
#                     twentytwentythree (Debian's wordpress-theme-* packages)
#
# The credentials (the `kisync` editor's Application Password, the `admin` login) are
# written to $KISYNC_WP_DIR/credentials.env (mode 0600), never printed; load them with
#   set -a; . .wordpress-dev/credentials.env; set +a
#
# How it works, and the pitfalls it avoids:
# - MariaDB runs with its own data directory and socket and --skip-networking, so it
#   never touches a system database or opens a port.
# - Debian's /usr/share/wordpress/wp-config.php only reads /etc/wordpress/config-<host>.php,
#   so the web root is a folder of symlinks into /usr/share/wordpress plus our own
#   wp-config.php (WP_ENVIRONMENT_TYPE "local": Application Passwords work over http).
# - PHP's built-in server runs router.php, which defines ABSPATH itself because
#   `php -S` ignores auto_prepend_file for the router script.
# - The server runs in its own session/process group (setsid), so `stop` can end the
#   PHP_CLI_SERVER_WORKERS worker processes too, and with stdin/stdout/stderr redirected,
#   so a caller that captures this script's output is not kept waiting by it.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$HERE")"
FILES="$HERE/wordpress"
DIR="${KISYNC_WP_DIR:-$REPO/.wordpress-dev}"
WORKERS="${KISYNC_WP_WORKERS:-4}"
WORDPRESS=/usr/share/wordpress
DB="wordpress"

die() { echo "wordpress-dev: $*" >&2; exit 1; }
say() { echo "wordpress-dev: $*" >&2; }

case "${1:-}" in
  start | stop | reset | status | snapshot | restore | destroy) ;;
  *)
    sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
if [[ ! -d "$DIR" && "$1" != start && "$1" != reset ]]; then
  say "no WordPress in $DIR (start one with: $0 start)"
  [[ "$1" == stop || "$1" == destroy ]] && exit 0
  exit 3
fi

mkdir -p "$DIR"
chmod 700 "$DIR"  # the database's root has no password: only its socket guards it
DIR="$(cd "$DIR" && pwd)"
# The port is part of the installed site's address: remember it, refuse another one.
INSTALLED_PORT="$(cat "$DIR/port" 2>/dev/null || true)"
PORT="${KISYNC_WP_PORT:-${INSTALLED_PORT:-8881}}"
if [[ -n "$INSTALLED_PORT" && "$PORT" != "$INSTALLED_PORT" ]]; then
  die "$DIR was installed for port $INSTALLED_PORT; use KISYNC_WP_PORT=$INSTALLED_PORT, or run '$0 destroy' first"
fi
URL="http://127.0.0.1:$PORT/"
SOCKET="$DIR/mysqld.sock"
WWW="$DIR/www"

find_program() {
  local name
  for name in "$@"; do
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
    if [[ -x "/usr/sbin/$name" ]]; then echo "/usr/sbin/$name"; return; fi
  done
  return 1
}

check_packages() {
  local missing=()
  [[ -f "$WORDPRESS/wp-settings.php" ]] || missing+=(wordpress)
  command -v php >/dev/null || missing+=(php-cli)
  find_program mariadbd mysqld >/dev/null || missing+=(mariadb-server)
  if ((${#missing[@]})); then
    die "missing Debian packages: ${missing[*]}; install them with:
  sudo apt-get install wordpress php-cli php-mysql mariadb-server"
  fi
  php -r 'exit(extension_loaded("mysqli") ? 0 : 1);' || die "PHP has no mysqli; install php-mysql"
  ((${#SOCKET} < 100)) || die "$SOCKET is too long for a Unix socket; set KISYNC_WP_DIR to a shorter path"
}

sql() { mariadb --no-defaults --socket="$SOCKET" --user=root "$@"; }

db_running() { mariadb-admin --no-defaults --socket="$SOCKET" --user=root ping >/dev/null 2>&1; }

# --- the web root: symlinks into Debian's WordPress plus our own config ---------------

make_webroot() {
  mkdir -p "$WWW" "$DIR/tmp" "$DIR/sessions"
  local entry name
  for entry in "$WORDPRESS"/* "$WORDPRESS"/.[!.]*; do
    [[ -e "$entry" ]] || continue
    name="$(basename "$entry")"
    case "$name" in wp-config.php | wp-content | .htaccess) continue ;; esac
    ln -sfn "$entry" "$WWW/$name"
  done
  mkdir -p "$WWW/wp-content/plugins" "$WWW/wp-content/themes" "$WWW/wp-content/mu-plugins" \
    "$WWW/wp-content/uploads"
  ln -sfn "$FILES/theme" "$WWW/wp-content/themes/kisync-dev"
  for entry in "$WORDPRESS"/wp-content/themes/*; do  # Debian's wordpress-theme-* packages
    [[ -d "$entry" ]] && ln -sfn "$entry" "$WWW/wp-content/themes/$(basename "$entry")"
  done
  case "${KISYNC_WP_BRIDGE:-}" in
    1) ln -sfn "$REPO/contrib/wordpress/kisync-bridge.php" "$WWW/wp-content/mu-plugins/kisync-bridge.php" ;;
    0) rm -f "$WWW/wp-content/mu-plugins/kisync-bridge.php" ;;
  esac
  if [[ ! -f "$WWW/wp-config.php" ]]; then write_config; fi
}

write_config() {
  local salts
  salts="$(php -r 'foreach (["AUTH_KEY","SECURE_AUTH_KEY","LOGGED_IN_KEY","NONCE_KEY","AUTH_SALT","SECURE_AUTH_SALT","LOGGED_IN_SALT","NONCE_SALT"] as $k) printf("define(%s, %s);\n", var_export($k, true), var_export(bin2hex(random_bytes(32)), true));')"
  cat >"$WWW/wp-config.php" <<PHP
<?php
// Written by scripts/wordpress-dev.sh for a throwaway WordPress on 127.0.0.1.
define('DB_NAME', '$DB');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'wordpress');
define('DB_HOST', 'localhost:$SOCKET');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
\$table_prefix = 'wp_';
$salts
define('WP_ENVIRONMENT_TYPE', 'local');   // Application Passwords over plain http
define('WPLANG', 'de_DE');                // a German site: slugs turn ä into ae (the
                                          // admin stays English: no language packs)
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('WP_CONTENT_URL', 'http://127.0.0.1:$PORT/wp-content');
define('WP_HOME', 'http://127.0.0.1:$PORT');
define('WP_SITEURL', 'http://127.0.0.1:$PORT');
define('DISABLE_WP_CRON', true);          // no background requests to ourselves
define('WP_HTTP_BLOCK_EXTERNAL', true);   // no update checks to the internet
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('WP_DEBUG', false);
if (!defined('ABSPATH')) {
    define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
PHP
}

# --- MariaDB -------------------------------------------------------------------------

start_db() {
  db_running && return
  local mariadbd
  mariadbd="$(find_program mariadbd mysqld)"
  if [[ ! -d "$DIR/db/mysql" ]]; then
    say "creating the database in $DIR/db"
    rm -rf "$DIR/db"
    mariadb-install-db --no-defaults --datadir="$DIR/db" --user="$(id -un)" \
      --auth-root-authentication-method=normal --skip-test-db --innodb-log-file-size=8M >"$DIR/mariadb-install.log" 2>&1 \
      || die "mariadb-install-db failed; see $DIR/mariadb-install.log"
  fi
  setsid "$mariadbd" --no-defaults --datadir="$DIR/db" --socket="$SOCKET" \
    --pid-file="$DIR/mariadb.pid" --log-error="$DIR/mariadb.log" --tmpdir="$DIR/tmp" \
    --user="$(id -un)" --skip-networking --skip-name-resolve --performance-schema=OFF \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size=64M --innodb-log-file-size=8M --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
    --innodb-buffer-pool-dump-at-shutdown=0 --innodb-buffer-pool-load-at-startup=0 \
    --max-connections=64 </dev/null >>"$DIR/mariadb.log" 2>&1 &
  local i
  for ((i = 0; i < 300; i++)); do
    db_running && break
    kill -0 $! 2>/dev/null || die "MariaDB did not start; see $DIR/mariadb.log"
    sleep 0.1
  done
  db_running || die "MariaDB did not answer within 30 seconds; see $DIR/mariadb.log"
  sql <<SQL
CREATE DATABASE IF NOT EXISTS \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'wordpress'@'localhost' IDENTIFIED BY 'wordpress';
GRANT ALL ON \`$DB\`.* TO 'wordpress'@'localhost';
SQL
  sql <"$FILES/snapshot.sql"
}

stop_db() {
  local pid i
  pid="$(cat "$DIR/mariadb.pid" 2>/dev/null)" || return 0
  kill -0 "$pid" 2>/dev/null || { rm -f "$DIR/mariadb.pid"; return 0; }
  mariadb-admin --no-defaults --socket="$SOCKET" --user=root shutdown 2>/dev/null \
    || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  die "MariaDB (pid $pid) did not stop within 30 seconds; see $DIR/mariadb.log"
}

snapshot() { sql -e "CALL kisync_admin.copy_database('$DB', 'kisync_snap_$1')"; }

restore() {
  sql -N -e "SHOW DATABASES LIKE 'kisync\\_snap\\_$1'" | grep -q . \
    || die "no snapshot named $1; take one with: $0 snapshot $1"
  sql -e "CALL kisync_admin.copy_database('kisync_snap_$1', '$DB')"
}

check_name() { [[ "$1" =~ ^[a-z0-9_]{1,40}$ ]] || die "snapshot names are a-z 0-9 _ (got '$1')"; }

# --- WordPress -----------------------------------------------------------------------

install_wordpress() {
  [[ -f "$DIR/installed" ]] && return
  say "installing WordPress"
  sql -e "DROP DATABASE IF EXISTS \`$DB\`; CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  php -d display_errors=stderr "$FILES/install.php" "$WWW" "$URL" "$DIR/credentials.env" \
    >"$DIR/install.log" 2>&1 || die "installation failed; see $DIR/install.log"
  snapshot fresh
  echo "$PORT" >"$DIR/port"
  touch "$DIR/installed"
}

server_pgid() {
  local pid
  [[ -f "$DIR/php.pid" ]] || return 1
  pid="$(cat "$DIR/php.pid")"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

port_in_use() {
  php -r '$s = @fsockopen("127.0.0.1", (int) $argv[1], $e, $m, 0.5); exit($s ? 0 : 1);' "$PORT"
}

start_server() {
  server_pgid >/dev/null && return
  # setsid: its own process group (so stop can end the workers too); the pid it
  # writes is that group's id. No inherited stdout: a caller capturing our output
  # would otherwise wait for the server to exit.
  PHP_CLI_SERVER_WORKERS="$WORKERS" setsid sh -c 'echo $$ >"$1"; shift; exec "$@"' sh \
    "$DIR/php.pid" php -d display_errors=0 -d log_errors=1 -d error_log="$DIR/php-errors.log" \
    -d memory_limit=256M -d session.save_path="$DIR/sessions" \
    -S "127.0.0.1:$PORT" -t "$WWW" "$FILES/router.php" </dev/null >>"$DIR/php.log" 2>&1 &
  local i
  for ((i = 0; i < 100; i++)); do
    if [[ -s "$DIR/php.pid" ]] && ! kill -0 "$(cat "$DIR/php.pid")" 2>/dev/null; then
      die "the PHP server did not start; see $DIR/php.log"
    fi
    php -r '$r = @file_get_contents($argv[1]); exit($r === false ? 1 : 0);' "${URL}wp-json/" \
      2>/dev/null && return
    sleep 0.1
  done
  die "WordPress did not answer at $URL within 10 seconds; see $DIR/php.log and $DIR/php-errors.log"
}

stop_server() {
  local pgid i
  pgid="$(server_pgid)" || { rm -f "$DIR/php.pid"; return 0; }
  # The server lets its workers finish for a second or two; nothing is lost by not
  # waiting (the data is in MariaDB), so after a short grace period they are killed.
  kill -TERM -- "-$pgid" 2>/dev/null || true
  for ((i = 0; i < 5; i++)); do
    kill -0 -- "-$pgid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$pgid" 2>/dev/null || true
  rm -f "$DIR/php.pid"
}

start() {
  check_packages
  if ! server_pgid >/dev/null && port_in_use; then
    die "port $PORT on 127.0.0.1 is taken; choose another with KISYNC_WP_PORT=…"
  fi
  make_webroot
  start_db
  install_wordpress
  setup_polylang
  set_theme
  start_server
  echo "$URL"
  say "WordPress runs at $URL (admin: ${URL}wp-admin/); credentials in $DIR/credentials.env"
}

polylang_folder() {
  local folder="${KISYNC_WP_POLYLANG:-}" parent
  if [[ "$folder" == 1 ]]; then
    folder=""
    for shared in ${KISYNC_SHARED_DIR:+"$KISYNC_SHARED_DIR"} "$REPO/../shared" "$REPO/../../shared"; do
      [[ -f "$shared/vendor/wordpress-plugins/polylang/polylang.php" ]] \
        && folder="$(cd "$shared/vendor/wordpress-plugins/polylang" && pwd)" && break
    done
    [[ -n "$folder" ]] || die "no Polylang in ../shared/vendor/wordpress-plugins/polylang; set KISYNC_WP_POLYLANG to its folder"
  fi
  echo "$folder"
}

# Polylang: symlink, activate (one PHP run), create the languages (a second run: Polylang
# initialises on plugins_loaded). Languages: SLUG:LOCALE:RTL:NAME.
setup_polylang() {
  local folder
  folder="$(polylang_folder)"
  [[ -n "$folder" ]] || return 0
  [[ -f "$folder/polylang.php" ]] || die "$folder has no polylang.php"
  # A copy (the vendor folder is read-only), with a class map when it comes without one.
  if [[ ! -f "$WWW/wp-content/plugins/polylang/polylang.php" ]]; then
    rm -rf "$WWW/wp-content/plugins/polylang"
    cp -R "$folder" "$WWW/wp-content/plugins/polylang"
    chmod -R u+w "$WWW/wp-content/plugins/polylang"
  fi
  php "$FILES/polylang.php" "$WWW/wp-content/plugins/polylang" - autoload || die "cannot write Polylang's class map"
  php "$FILES/polylang.php" "$WWW" "$URL" activate || die "cannot activate Polylang"
  # shellcheck disable=SC2086
  php "$FILES/polylang.php" "$WWW" "$URL" languages ${KISYNC_WP_LANGUAGES:-de:de_DE:0:Deutsch en:en_GB:0:English ar:ar:1:العربية} \
    || die "cannot create the Polylang languages"
  say "Polylang is active"
}

set_theme() {
  [[ -n "${KISYNC_WP_THEME:-}" ]] || return 0
  [[ -d "$WWW/wp-content/themes/$KISYNC_WP_THEME" ]] \
    || die "no theme $KISYNC_WP_THEME (install wordpress-theme-$KISYNC_WP_THEME)"
  php -r 'define("ABSPATH", $argv[1] . "/"); $_SERVER["HTTP_HOST"] = $argv[2]; require ABSPATH . "wp-load.php"; switch_theme($argv[3]);' \
    "$WWW" "127.0.0.1:$PORT" "$KISYNC_WP_THEME"
}

stop() {
  stop_server
  stop_db
  say "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  reset)
    start >/dev/null
    restore fresh
    echo "$URL"
    say "back to the freshly installed site"
    ;;
  snapshot | restore)
    name="${2:-fresh}"
    check_name "$name"
    db_running || die "WordPress is not running; start it first: $0 start"
    "$1" "$name"
    ;;
  status)
    if server_pgid >/dev/null && db_running; then
      echo "$URL"
      say "running (data in $DIR)"
    else
      say "not running"
      exit 3
    fi
    ;;
  destroy)
    stop
    rm -rf "$DIR"
    say "deleted $DIR"
    ;;
esac
