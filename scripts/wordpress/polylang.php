<?php
/**
 * Activate Polylang and create its languages, for scripts/wordpress-dev.sh and the tests.
 *
 * Usage: php polylang.php PLUGIN_DIR - autoload
 *        php polylang.php WWW_DIR SITE_URL activate
 *        php polylang.php WWW_DIR SITE_URL languages SLUG:LOCALE:RTL:NAME …
 *
 * `autoload` writes PLUGIN_DIR/vendor/autoload.php when the copy has none: the class
 * map `composer dump-autoload --classmap-authoritative` would write (Polylang has no
 * runtime dependencies, only its own classes), for machines without composer.
 *
 * Two runs, because Polylang initialises on plugins_loaded: the plugin must be active
 * before the run that creates languages starts. Languages that exist are left alone;
 * the first one created becomes Polylang's default language (the site's German).
 */

if (PHP_SAPI !== 'cli' || $argc < 4) {
    fwrite(STDERR, "usage: php polylang.php WWW_DIR SITE_URL activate|languages [SLUG:LOCALE:RTL:NAME …]\n");
    exit(2);
}
[, $www, $url, $command] = $argv;
if ($command === 'autoload') {
    write_autoloader(rtrim($www, '/'));
    exit(0);
}
$parts = parse_url($url);
$_SERVER['HTTP_HOST'] = $parts['host'] . (isset($parts['port']) ? ':' . $parts['port'] : '');
define('ABSPATH', rtrim($www, '/') . '/');
require ABSPATH . 'wp-load.php';

if ($command === 'activate') {
    require_once ABSPATH . 'wp-admin/includes/plugin.php';
    $result = activate_plugin('polylang/polylang.php');
    if (is_wp_error($result)) {
        fwrite(STDERR, 'cannot activate Polylang: ' . $result->get_error_message() . "\n");
        exit(1);
    }
    exit(0);
}
if ($command !== 'languages' || !class_exists('PLL_Admin_Model')) {
    fwrite(STDERR, "Polylang is not active (run: php polylang.php WWW URL activate)\n");
    exit(1);
}
$model = new PLL_Admin_Model(get_option('polylang'));
foreach (array_slice($argv, 4) as $order => $spec) {
    [$slug, $locale, $rtl, $name] = explode(':', $spec, 4);
    if ($model->get_language($slug)) {
        continue;
    }
    $added = $model->add_language([
        'name' => $name, 'slug' => $slug, 'locale' => $locale, 'rtl' => (int) $rtl, 'term_group' => $order,
    ]);
    if (is_wp_error($added)) {
        fwrite(STDERR, "cannot add language $slug: " . $added->get_error_message() . "\n");
        exit(1);
    }
    $model = new PLL_Admin_Model(get_option('polylang'));
}
// Content that has no language yet (pages made before Polylang) is the default language's.
$model->set_language_in_mass();
// Rewrite rules made here lack Polylang's /ar/… rules (its front-end filters are not
// loaded on the command line): WordPress builds them afresh on the next request.
delete_option('rewrite_rules');

function write_autoloader(string $plugin): void
{
    if (is_file("$plugin/vendor/autoload.php")) {
        return;
    }
    $map = [];
    foreach (['admin', 'frontend', 'include', 'integrations', 'install', 'modules', 'settings'] as $folder) {
        $files = new RecursiveIteratorIterator(new RecursiveDirectoryIterator("$plugin/$folder", FilesystemIterator::SKIP_DOTS));
        foreach ($files as $file) {
            if ($file->getExtension() !== 'php') {
                continue;
            }
            $tokens = token_get_all((string) file_get_contents($file->getPathname()));
            foreach ($tokens as $i => $token) {
                if (is_array($token) && in_array($token[0], [T_CLASS, T_INTERFACE, T_TRAIT], true)) {
                    $previous = $tokens[$i - 1] ?? null;
                    if (is_array($previous) && $previous[0] === T_DOUBLE_COLON) {
                        continue;  // Foo::class
                    }
                    for ($j = $i + 1; isset($tokens[$j]); $j++) {
                        if (is_array($tokens[$j]) && $tokens[$j][0] === T_STRING) {
                            $map[$tokens[$j][1]] = substr($file->getPathname(), strlen($plugin) + 1);
                            break;
                        }
                        if (!is_array($tokens[$j]) || $tokens[$j][0] !== T_WHITESPACE) {
                            break;  // an anonymous class
                        }
                    }
                }
            }
        }
    }
    ksort($map);
    @mkdir("$plugin/vendor");
    file_put_contents(
        "$plugin/vendor/autoload.php",
        "<?php\n// Class map of Polylang's own classes, written by kisync's scripts/wordpress/polylang.php.\n"
        . '$kisync_polylang_classes = ' . var_export($map, true) . ";\n"
        . "spl_autoload_register(static function (\$class) use (\$kisync_polylang_classes) {\n"
        . "    if (isset(\$kisync_polylang_classes[\$class])) {\n"
        . "        require __DIR__ . '/../' . \$kisync_polylang_classes[\$class];\n"
        . "    }\n"
        . "});\n"
    );
}
