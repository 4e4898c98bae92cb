<?php
/**
 * Router for PHP's built-in web server (`php -S … router.php`), used by
 * scripts/wordpress-dev.sh.
 *
 * The document root is a folder of symlinks into Debian's /usr/share/wordpress plus
 * our own wp-config.php. WordPress' PHP files resolve __DIR__ through the symlinks
 * (to /usr/share/wordpress), where wp-load.php would pick up Debian's own
 * wp-config.php, so ABSPATH must be defined before any WordPress file runs. `php -S`
 * ignores auto_prepend_file for the router script, so the router defines it itself
 * and runs the PHP file in place of the server. Requests for paths that are not files
 * go to index.php: that is what makes pretty permalinks (/<slug>/) work.
 */

define('ABSPATH', rtrim($_SERVER['DOCUMENT_ROOT'], '/') . '/');

$kisync_script = (static function (): ?string {
    $root = rtrim($_SERVER['DOCUMENT_ROOT'], '/');
    $path = rawurldecode((string) parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
    if (strpos($path, "\0") !== false || preg_match('#(^|/)\.\.(/|$)#', $path)) {
        return $root . '/index.php';
    }
    $target = $root . $path;
    if (is_dir($target)) {
        $target = rtrim($target, '/') . '/index.php';
    }
    if (is_file($target)) {
        return substr($target, -4) === '.php' ? $target : null;  // null: a static file
    }
    return $root . '/index.php';
})();

if ($kisync_script === null) {
    return false;  // let the built-in server send the static file
}
$_SERVER['SCRIPT_FILENAME'] = $kisync_script;
$_SERVER['SCRIPT_NAME'] = substr($kisync_script, strlen(rtrim($_SERVER['DOCUMENT_ROOT'], '/')));
$_SERVER['PHP_SELF'] = $_SERVER['SCRIPT_NAME'];
chdir(dirname($kisync_script));
unset($kisync_script);
require $_SERVER['SCRIPT_FILENAME'];
