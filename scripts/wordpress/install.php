<?php
/**
 * Install WordPress from the command line for scripts/wordpress-dev.sh.
 *
 * Usage: php install.php WWW_DIR SITE_URL CREDENTIALS_FILE
 *
 * Creates the site (no sample content), an administrator with a random password for
 * the browser, and an editor `kisync` with an Application Password for the REST API;
 * sets pretty permalinks (pages at /<slug>/) and the minimal dev theme. The
 * passwords go to CREDENTIALS_FILE (mode 0600, shell syntax), never to stdout.
 */

if (PHP_SAPI !== 'cli' || $argc !== 4) {
    fwrite(STDERR, "usage: php install.php WWW_DIR SITE_URL CREDENTIALS_FILE\n");
    exit(2);
}
[, $www, $url, $credentials_file] = $argv;
$parts = parse_url($url);
$_SERVER['HTTP_HOST'] = $parts['host'] . (isset($parts['port']) ? ':' . $parts['port'] : '');
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

define('ABSPATH', rtrim($www, '/') . '/');
define('WP_INSTALLING', true);

// Pluggable: no "your new site" e-mail (there is no mail server).
function wp_new_blog_notification($blog_title, $blog_url, $user_id, $password) {}

require ABSPATH . 'wp-load.php';
require ABSPATH . 'wp-admin/includes/upgrade.php';

if (is_blog_installed()) {
    fwrite(STDERR, "WordPress is already installed in this database\n");
    exit(1);
}

$admin_password = wp_generate_password(20, false);
$result = wp_install('kisync dev portal', 'admin', 'admin@example.invalid', false, '', $admin_password);
if (is_wp_error($result)) {
    fwrite(STDERR, 'installation failed: ' . $result->get_error_message() . "\n");
    exit(1);
}

update_option('siteurl', rtrim($url, '/'));
update_option('home', rtrim($url, '/'));
update_option('timezone_string', 'Europe/Berlin');
update_option('template', 'kisync-dev');
update_option('stylesheet', 'kisync-dev');
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%postname%/');
$wp_rewrite->flush_rules(false);  // false: never write .htaccess (Debian's is a symlink to /etc)

// A fresh site has no content: drop the sample post, page and privacy-policy draft.
foreach (get_posts(['post_type' => ['post', 'page'], 'post_status' => 'any', 'numberposts' => -1]) as $post) {
    wp_delete_post($post->ID, true);
}
update_option('wp_page_for_privacy_policy', 0);

$editor_id = wp_insert_user([
    'user_login' => 'kisync',
    'user_pass' => wp_generate_password(32, true, true),
    'user_email' => 'kisync@example.invalid',
    'display_name' => 'kisync',
    'role' => 'editor',
]);
if (is_wp_error($editor_id)) {
    fwrite(STDERR, 'cannot create the kisync user: ' . $editor_id->get_error_message() . "\n");
    exit(1);
}
$created = WP_Application_Passwords::create_new_application_password($editor_id, ['name' => 'kisync dev']);
if (is_wp_error($created)) {
    fwrite(STDERR, 'cannot create an Application Password: ' . $created->get_error_message() . "\n");
    exit(1);
}
[$app_password] = $created;

$quote = static fn(string $value): string => "'" . str_replace("'", "'\\''", $value) . "'";
$lines = [
    '# Throwaway WordPress from scripts/wordpress-dev.sh; load with: set -a; . ' . $credentials_file,
    'KISYNC_WP_URL=' . $quote(rtrim($url, '/') . '/'),
    'KISYNC_WP_USER=kisync',
    'KISYNC_WP_PASSWORD=' . $quote($app_password),
    'KISYNC_WP_ADMIN_USER=admin',
    'KISYNC_WP_ADMIN_PASSWORD=' . $quote($admin_password),
];
umask(077);
if (file_put_contents($credentials_file, implode("\n", $lines) . "\n") === false) {
    fwrite(STDERR, "cannot write $credentials_file\n");
    exit(1);
}
chmod($credentials_file, 0600);
