<?php
/**
 * Plugin Name: kisync bridge
 * Description: Connects the pages kisync publishes to their German originals: post meta for the REST API, hreflang alternates, and the right lang/dir on translated pages.
 * Version: 1.0.0
 * Requires at least: 5.6
 * License: MIT
 *
 * Optional. kisync works without it; with it (copy this file to wp-content/mu-plugins/):
 *
 * - every page kisync publishes carries post meta, readable and writable through the
 *   REST API by users who may edit pages: kisync_source_id (the German page's id),
 *   kisync_language (BCP 47: en, ar, fa-AF), kisync_direction (ltr/rtl) and
 *   kisync_source_hash (which version of the German text it translates);
 * - GET /wp-json/wp/v2/pages?kisync_source=ID&kisync_language=LANG finds the
 *   translation of a page even after someone moved or renamed it;
 * - the German page and each translation name each other in the page head with
 *   <link rel="alternate" hreflang="…"> (and x-default: the German page), so search
 *   engines send people to the page in their language;
 * - a translated page declares its language on <html>: lang="ar" dir="rtl".
 *
 * The source language defaults to the site's (de_DE → de); the filter
 * kisync_bridge_source_language changes it.
 */

defined('ABSPATH') || exit;

const KISYNC_BRIDGE_VERSION = '1.0.0';
const KISYNC_BRIDGE_META = [
    'kisync_source_id' => 'integer',
    'kisync_language' => 'string',
    'kisync_direction' => 'string',
    'kisync_source_hash' => 'string',
];

function kisync_bridge_can_edit(): bool
{
    return current_user_can('edit_pages');
}

add_action('init', static function (): void {
    foreach (KISYNC_BRIDGE_META as $key => $type) {
        register_post_meta('page', $key, [
            'type' => $type,
            'single' => true,
            'default' => $type === 'integer' ? 0 : '',
            'show_in_rest' => true,
            'auth_callback' => 'kisync_bridge_can_edit',
            'sanitize_callback' => $type === 'integer' ? 'absint' : 'sanitize_text_field',
        ]);
    }
});

add_action('rest_api_init', static function (): void {
    register_rest_route('kisync/v1', '/info', [
        'methods' => 'GET',
        'permission_callback' => 'kisync_bridge_can_edit',
        'callback' => static fn() => [
            'version' => KISYNC_BRIDGE_VERSION,
            'meta' => array_keys(KISYNC_BRIDGE_META),
            'source_language' => kisync_bridge_source_language(),
        ],
    ]);
});

// ?kisync_source=ID&kisync_language=LANG on /wp/v2/pages (for users who may edit pages).
add_filter('rest_page_query', static function (array $args, WP_REST_Request $request): array {
    if (!kisync_bridge_can_edit()) {
        return $args;
    }
    $conditions = [];
    if ($request->get_param('kisync_source') !== null) {
        $conditions[] = [
            'key' => 'kisync_source_id',
            'value' => absint($request->get_param('kisync_source')),
            'type' => 'NUMERIC',
        ];
    }
    if ($request->get_param('kisync_language') !== null) {
        $conditions[] = [
            'key' => 'kisync_language',
            'value' => sanitize_text_field((string) $request->get_param('kisync_language')),
        ];
    }
    if ($conditions) {
        $args['meta_query'] = array_merge(['relation' => 'AND'], $conditions);
    }
    return $args;
}, 10, 2);

function kisync_bridge_source_language(): string
{
    $language = strtolower(strtok(get_locale(), '_'));
    return (string) apply_filters('kisync_bridge_source_language', $language);
}

/** Language code → permalink of the German page and its published translations. */
function kisync_bridge_versions(int $page_id): array
{
    $source = (int) get_post_meta($page_id, 'kisync_source_id', true) ?: $page_id;
    if ($source !== $page_id && get_post_status($source) !== 'publish') {
        return [];
    }
    if (get_post_meta($source, 'kisync_language', true) !== '') {
        return [];  // a language root page: it translates nothing
    }
    $versions = [kisync_bridge_source_language() => get_permalink($source)];
    $translations = get_posts([
        'post_type' => 'page',
        'post_status' => 'publish',
        'numberposts' => -1,
        'orderby' => 'ID',
        'order' => 'ASC',
        'meta_key' => 'kisync_source_id',
        'meta_value' => $source,
        'no_found_rows' => true,
    ]);
    foreach ($translations as $translation) {
        $language = get_post_meta($translation->ID, 'kisync_language', true);
        if ($language !== '' && !isset($versions[$language])) {
            $versions[$language] = get_permalink($translation);
        }
    }
    return $versions;
}

add_action('wp_head', static function (): void {
    if (!is_page()) {
        return;
    }
    $versions = kisync_bridge_versions((int) get_queried_object_id());
    if (count($versions) < 2) {
        return;
    }
    foreach ($versions as $language => $url) {
        printf(
            '<link rel="alternate" hreflang="%s" href="%s" />' . "\n",
            esc_attr($language),
            esc_url($url)
        );
    }
    printf('<link rel="alternate" hreflang="x-default" href="%s" />' . "\n", esc_url(reset($versions)));
});

add_filter('language_attributes', static function (string $output): string {
    if (!is_page()) {
        return $output;
    }
    $page_id = (int) get_queried_object_id();
    $language = get_post_meta($page_id, 'kisync_language', true);
    if ($language === '') {
        return $output;
    }
    $direction = get_post_meta($page_id, 'kisync_direction', true) === 'rtl' ? 'rtl' : 'ltr';
    return sprintf('lang="%s" dir="%s"', esc_attr($language), $direction);
});
