<?php
/**
 * Plugin Name: kisync bridge
 * Description: Connects the pages kisync publishes to their German originals: post meta for the REST API, hreflang alternates, the right lang/dir on translated pages, a language switcher, and Polylang translation groups.
 * Version: 1.3.0
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
 * - a translated page declares its language on <html>: lang="ar" dir="rtl";
 * - a language switcher: the shortcode [kisync_languages], inserted at the top of
 *   every page that has translations unless the option kisync_bridge_switcher is
 *   "off" (wp option update kisync_bridge_switcher off);
 * - GET /wp-json/kisync/v1/info tells kisync how the site is multilingual (mode
 *   "polylang", "wpml" or "none"), its languages and the versions of the parts;
 * - with Polylang: POST /wp-json/kisync/v1/translations puts a page into the
 *   translation group of its German page (what Polylang's free REST API cannot do),
 *   GET /wp-json/kisync/v1/translations/ID reads a group, POST /wp-json/kisync/v1/languages
 *   adds a language (administrators only), and Polylang itself does hreflang,
 *   <html lang dir> and the /ar/… addresses;
 * - the site title and tagline per language: POST /wp-json/kisync/v1/site stores
 *   kisync's translations (option kisync_bridge_site), GET reads them with the German
 *   ones, and a page in a language shows that language's title and tagline.
 *
 * The source language defaults to the site's (de_DE → de); the filter
 * kisync_bridge_source_language changes it.
 */

defined('ABSPATH') || exit;

const KISYNC_BRIDGE_VERSION = '1.3.0';
const KISYNC_BRIDGE_META = [
    'kisync_source_id' => 'integer',
    'kisync_language' => 'string',
    'kisync_direction' => 'string',
    'kisync_source_hash' => 'string',
    'kisync_language_name' => 'string',
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
            'mode' => kisync_bridge_mode(),
            'languages' => kisync_bridge_languages(),
            'switcher' => kisync_bridge_switcher_mode(),
            'versions' => [
                'wordpress' => get_bloginfo('version'),
                'bridge' => KISYNC_BRIDGE_VERSION,
                'polylang' => defined('POLYLANG_VERSION') ? POLYLANG_VERSION : null,
                'wpml' => defined('ICL_SITEPRESS_VERSION') ? ICL_SITEPRESS_VERSION : null,
            ],
        ],
    ]);
    if (kisync_bridge_mode() !== 'polylang') {
        return;
    }
    register_rest_route('kisync/v1', '/translations', [
        'methods' => 'POST',
        'permission_callback' => 'kisync_bridge_can_edit',
        'callback' => 'kisync_bridge_pll_link',
        'args' => [
            'source' => ['type' => 'integer', 'required' => true],
            'post' => ['type' => 'integer', 'required' => true],
            'language' => ['type' => 'string', 'required' => true],
        ],
    ]);
    register_rest_route('kisync/v1', '/translations/(?P<id>\\d+)', [
        'methods' => 'GET',
        'permission_callback' => 'kisync_bridge_can_edit',
        'callback' => static fn(WP_REST_Request $request) => kisync_bridge_pll_group((int) $request['id']),
    ]);
    register_rest_route('kisync/v1', '/languages', [
        'methods' => 'POST',
        'permission_callback' => static fn() => current_user_can(
            (string) apply_filters('kisync_bridge_language_capability', 'manage_options')
        ),
        'callback' => 'kisync_bridge_pll_add_language',
        'args' => [
            'slug' => ['type' => 'string', 'required' => true],
            'locale' => ['type' => 'string', 'required' => true],
            'name' => ['type' => 'string', 'required' => true],
            'rtl' => ['type' => 'boolean', 'default' => false],
        ],
    ]);
    register_rest_field('page', 'kisync_polylang', [
        'get_callback' => static fn(array $page) => kisync_bridge_pll_group((int) $page['id']),
        'schema' => ['type' => 'object', 'context' => ['edit'], 'readonly' => true],
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
    if (kisync_bridge_mode() === 'polylang' && pll_default_language()) {
        return (string) pll_default_language();
    }
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
    $found = [];
    foreach ($translations as $translation) {
        $language = get_post_meta($translation->ID, 'kisync_language', true);
        if ($language !== '' && !isset($versions[$language]) && !isset($found[$language])) {
            $found[$language] = get_permalink($translation);
        }
    }
    ksort($found, SORT_STRING);  // a stable order, whatever order the pages were created in
    return $versions + $found;
}

add_action('wp_head', static function (): void {
    if (!is_page() || kisync_bridge_mode() !== 'none') {  // the plugin does it
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
    if (!is_page() || kisync_bridge_mode() !== 'none') {
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

// Without a multilingual plugin WordPress keeps the site's left-to-right locale; a
// right-to-left translation switches it, so the theme loads its style-rtl.css.
add_action('wp', static function (): void {
    global $wp_locale;
    if (is_page() && kisync_bridge_mode() === 'none'
        && get_post_meta((int) get_queried_object_id(), 'kisync_direction', true) === 'rtl') {
        $wp_locale->text_direction = 'rtl';
        wp_styles()->text_direction = 'rtl';  // made before the page was known
    }
});

// -- how the site is multilingual -------------------------------------------------

/** "polylang", "wpml" or "none": which plugin keeps the site's languages. */
function kisync_bridge_mode(): string
{
    if (function_exists('pll_default_language') && function_exists('PLL')) {
        return 'polylang';
    }
    if (defined('ICL_SITEPRESS_VERSION')) {
        return 'wpml';
    }
    return 'none';
}

/** The languages the plugin knows: slug, locale, rtl, name, default. */
function kisync_bridge_languages(): array
{
    $languages = [];
    if (kisync_bridge_mode() === 'polylang') {
        foreach (PLL()->model->get_languages_list() as $language) {
            $languages[] = [
                'slug' => $language->slug,
                'locale' => $language->locale,
                'rtl' => (bool) $language->is_rtl,
                'name' => $language->name,
                'default' => $language->slug === pll_default_language(),
            ];
        }
    } elseif (kisync_bridge_mode() === 'wpml') {
        $default = apply_filters('wpml_default_language', null);
        foreach ((array) apply_filters('wpml_active_languages', null, ['skip_missing' => 0]) as $code => $language) {
            $languages[] = [
                'slug' => (string) $code,
                'locale' => (string) ($language['default_locale'] ?? ''),
                'rtl' => null,  // not in this list: kisync does not claim WPML support yet
                'name' => (string) ($language['native_name'] ?? $code),
                'default' => $code === $default,
            ];
        }
    }
    return $languages;
}

// -- Polylang: translation groups, placement, languages ---------------------------

/** The page's Polylang language and its translation group (language slug → id). */
function kisync_bridge_pll_group(int $post_id): array
{
    $language = pll_get_post_language($post_id);
    return [
        'language' => $language ?: null,
        'translation' => $language && $language !== pll_default_language(),
        'translations' => (object) ($language ? pll_get_post_translations($post_id) : []),
    ];
}

/**
 * POST kisync/v1/translations {source, post, language}: make `post` the translation of
 * the German page `source` in `language`. Sets the language of every member first
 * (Polylang drops members without one), then saves the group; places the page below
 * the translation of the German parent and fixes the place of translations of the
 * German page's children. A group that already has another page in that language is
 * left alone (409, kisync_translation_exists, with that page's id): never two.
 */
function kisync_bridge_pll_link(WP_REST_Request $request)
{
    $source = (int) $request['source'];
    $post = (int) $request['post'];
    $language = sanitize_key((string) $request['language']);
    if (!PLL()->model->get_language($language)) {
        return new WP_Error('kisync_unknown_language', "Polylang has no language $language", ['status' => 400]);
    }
    foreach ([$source, $post] as $id) {
        if (get_post_type($id) !== 'page' || !current_user_can('edit_post', $id)) {
            return new WP_Error('rest_post_invalid_id', "no page $id that you may edit", ['status' => 404]);
        }
    }
    $source_language = pll_get_post_language($source) ?: pll_default_language();
    if ($source_language === $language || $source === $post) {
        return new WP_Error('kisync_same_language', 'a page cannot translate itself', ['status' => 400]);
    }
    // One change of a group at a time (kisync writes the languages of a page in parallel:
    // read, add, save by two requests at once would lose one member).
    global $wpdb;
    $lock = "kisync_pll_$source";
    if (!$wpdb->get_var($wpdb->prepare('SELECT GET_LOCK(%s, 30)', $lock))) {
        return new WP_Error('kisync_busy', 'the translation group is busy; try again', ['status' => 503]);
    }
    try {
        return kisync_bridge_pll_join($source, $source_language, $post, $language);
    } finally {
        $wpdb->query($wpdb->prepare('SELECT RELEASE_LOCK(%s)', $lock));
    }
}

function kisync_bridge_pll_join(int $source, string $source_language, int $post, string $language)
{
    wp_cache_delete($source, 'post_translations_relationships');
    clean_object_term_cache([$source], 'page');
    $group = pll_get_post_translations($source);
    $other = (int) ($group[$language] ?? 0);
    if ($other && $other !== $post && !in_array(get_post_status($other), [false, 'trash'], true)) {
        return new WP_Error(
            'kisync_translation_exists',
            "page $other already translates page $source into $language",
            ['status' => 409, 'post' => $other]
        );
    }
    $group[$source_language] = $source;
    $group[$language] = $post;
    foreach ($group as $member_language => $member) {
        pll_set_post_language((int) $member, (string) $member_language);
    }
    pll_save_post_translations($group);
    kisync_bridge_pll_place($post, $source, $language);
    foreach (get_children(['post_parent' => $source, 'post_type' => 'page', 'fields' => 'ids']) as $child) {
        $translation = (int) pll_get_post((int) $child, $language);
        if ($translation) {
            kisync_bridge_pll_place($translation, (int) $child, $language);
        }
    }
    return kisync_bridge_pll_group($post);
}

/**
 * Parent of a translation = the translation of the German parent (none yet: top level).
 * Written straight to the database so that the page's modification time, which
 * kisync compares to notice edits made in WordPress, stays as it is.
 */
function kisync_bridge_pll_place(int $post, int $source, string $language): void
{
    $german_parent = (int) wp_get_post_parent_id($source);
    $parent = $german_parent ? (int) pll_get_post($german_parent, $language) : 0;
    if ((int) wp_get_post_parent_id($post) !== $parent) {
        global $wpdb;
        $wpdb->update($wpdb->posts, ['post_parent' => $parent], ['ID' => $post]);
        clean_post_cache($post);
    }
}

/** POST kisync/v1/languages {slug, locale, name, rtl}: add a language to Polylang. */
function kisync_bridge_pll_add_language(WP_REST_Request $request)
{
    $slug = sanitize_key((string) $request['slug']);
    if (!PLL()->model->get_language($slug)) {
        $model = new PLL_Admin_Model(get_option('polylang'));
        $added = $model->add_language([
            'name' => sanitize_text_field((string) $request['name']),
            'slug' => $slug,
            'locale' => sanitize_text_field((string) $request['locale']),
            'rtl' => $request['rtl'] ? 1 : 0,
            'term_group' => count(PLL()->model->get_languages_list()),
        ]);
        if (is_wp_error($added)) {
            $added->add_data(['status' => 400]);
            return $added;
        }
        PLL()->model->clean_languages_cache();
        delete_option('rewrite_rules');  // rebuilt with the new /xx/ rules on the next request
    }
    return kisync_bridge_languages();
}

// -- the language switcher -----------------------------------------------------------

function kisync_bridge_switcher_mode(): string
{
    return get_option('kisync_bridge_switcher', 'auto') === 'off' ? 'off' : 'auto';
}

/** The page's language versions as a list of links, each named in its own language. */
function kisync_bridge_switcher(int $page_id): string
{
    $items = [];
    if (kisync_bridge_mode() === 'polylang') {
        foreach ((array) pll_the_languages(['raw' => 1, 'hide_if_no_translation' => 1, 'post_id' => $page_id]) as $language) {
            $items[] = [$language['slug'], $language['url'], $language['name'], (bool) $language['current_lang'], ''];
        }
    } else {
        $current = get_post_meta($page_id, 'kisync_language', true) ?: kisync_bridge_source_language();
        foreach (kisync_bridge_versions($page_id) as $language => $url) {
            [$name, $direction] = kisync_bridge_language_info($language);
            $items[] = [$language, $url, $name, $language === $current, $direction];
        }
    }
    if (count($items) < 2) {
        return '';
    }
    $links = '';
    foreach ($items as [$language, $url, $name, $current, $direction]) {
        $links .= sprintf(
            '<li><a href="%s" hreflang="%s" lang="%s"%s%s>%s</a></li>',
            esc_url($url),
            esc_attr($language),
            esc_attr($language),
            $direction ? ' dir="' . $direction . '"' : '',
            $current ? ' aria-current="page"' : '',
            esc_html($name)
        );
    }
    return '<nav class="kisync-languages" aria-label="Languages / Sprachen"><ul style="list-style:none;display:flex;flex-wrap:wrap;gap:1em;margin:0 0 1em;padding:0">'
        . $links . '</ul></nav>';
}

/** A language's own name and direction, as kisync stored them on its translations. */
function kisync_bridge_language_info(string $language): array
{
    if ($language === kisync_bridge_source_language()) {
        return [(string) apply_filters('kisync_bridge_source_language_name', 'Deutsch'), 'ltr'];
    }
    $found = get_posts([
        'post_type' => 'page',
        'numberposts' => 1,
        'meta_query' => [['key' => 'kisync_language', 'value' => $language]],
        'fields' => 'ids',
        'no_found_rows' => true,
    ]);
    $name = $found ? get_post_meta($found[0], 'kisync_language_name', true) : '';
    $direction = $found ? get_post_meta($found[0], 'kisync_direction', true) : '';
    return [$name !== '' ? $name : $language, $direction === 'rtl' ? 'rtl' : 'ltr'];
}

add_shortcode('kisync_languages', static fn() => is_singular() ? kisync_bridge_switcher((int) get_queried_object_id()) : '');

add_filter('the_content', static function (string $content): string {
    if (!is_page() || !in_the_loop() || !is_main_query() || kisync_bridge_switcher_mode() === 'off'
        || has_shortcode($content, 'kisync_languages')) {
        return $content;
    }
    return kisync_bridge_switcher((int) get_queried_object_id()) . $content;
}, 5);

// -- menus per language ---------------------------------------------------------------
//
// POST /wp-json/kisync/v1/menus {language, apply}: mirror the German menus into a
// language. A classic menu (one assigned to a theme location) gets a copy, "Menü (ar)",
// whose page items point to the translations where they exist (labels taken from
// the page: the translated title); a navigation block's menu (wp_navigation) gets a
// copy with the links and labels of the translations. Polylang: the copy goes into
// Polylang's per-language menu location; without it the bridge shows the copy on the
// language's pages. A copy is rewritten only when it differs from what it should be
// (a second push changes nothing). Menu links to pages not translated yet lead to the
// German page and say so (lang="de"). `language` is the Polylang slug with Polylang,
// else the language code kisync stores on its pages (kisync_language).

/** The published page translating German page $page into $language (0: none yet). */
function kisync_bridge_translation(int $page, string $language): int
{
    if (kisync_bridge_mode() === 'polylang') {
        $found = (int) pll_get_post($page, $language);
        return $found && $found !== $page && get_post_status($found) === 'publish' ? $found : 0;
    }
    $found = get_posts([
        'post_type' => 'page',
        'post_status' => 'publish',
        'numberposts' => 1,
        'fields' => 'ids',
        'orderby' => 'ID',
        'order' => 'ASC',
        'meta_query' => [
            ['key' => 'kisync_source_id', 'value' => $page, 'type' => 'NUMERIC'],
            ['key' => 'kisync_language', 'value' => $language],
        ],
        'no_found_rows' => true,
    ]);
    return $found ? (int) $found[0] : 0;
}

/** Is this a page in the site's own (German) language? */
function kisync_bridge_is_source_page(int $page): bool
{
    if (kisync_bridge_mode() === 'polylang') {
        return pll_get_post_language($page) === pll_default_language();
    }
    return get_post_type($page) === 'page' && get_post_meta($page, 'kisync_language', true) === '';
}

/** The language of the page being shown ('' for the site's own language). */
function kisync_bridge_current_language(): string
{
    if (kisync_bridge_mode() === 'polylang') {
        $current = (string) pll_current_language();
        return $current !== '' && $current !== pll_default_language() ? $current : '';
    }
    return is_singular('page') ? (string) get_post_meta((int) get_queried_object_id(), 'kisync_language', true) : '';
}

function kisync_bridge_menus(WP_REST_Request $request): array
{
    $language = sanitize_text_field((string) $request['language']);
    $apply = (bool) $request['apply'];
    $menus = [];
    foreach (kisync_bridge_source_menus() as $location => $menu) {
        $menus[] = kisync_bridge_mirror_menu($menu, $location, $language, $apply);
    }
    foreach (kisync_bridge_source_navigations() as $navigation) {
        $menus[] = kisync_bridge_mirror_navigation($navigation, $language, $apply);
    }
    return ['menus' => $menus, 'unreachable' => kisync_bridge_unreachable()];
}

/** Theme location → German classic menu. */
function kisync_bridge_source_menus(): array
{
    $locations = (array) get_theme_mod('nav_menu_locations', []);
    if (kisync_bridge_mode() === 'polylang') {
        $default = pll_default_language();
        foreach ((array) (PLL()->options['nav_menus'][get_option('stylesheet')] ?? []) as $location => $languages) {
            if (!empty($languages[$default])) {
                $locations[$location] = $languages[$default];
            }
        }
    }
    $menus = [];
    foreach ($locations as $location => $id) {
        $menu = wp_get_nav_menu_object((int) $id);
        if ($menu && get_term_meta($menu->term_id, 'kisync_language', true) === '') {
            $menus[$location] = $menu;
        }
    }
    return $menus;
}

/** The navigation blocks' German menus (wp_navigation posts kisync did not make). */
function kisync_bridge_source_navigations(): array
{
    return get_posts([
        'post_type' => 'wp_navigation',
        'post_status' => 'publish',
        'numberposts' => -1,
        'orderby' => 'ID',
        'order' => 'ASC',
        'meta_query' => [['key' => 'kisync_language', 'compare' => 'NOT EXISTS']],
    ]);
}

/** The copy of a German menu (term id) or navigation (post id) in a language, 0: none. */
function kisync_bridge_mirror_id(string $kind, int $source, string $language): int
{
    $meta = [
        ['key' => 'kisync_source_id', 'value' => $source, 'type' => 'NUMERIC'],
        ['key' => 'kisync_language', 'value' => $language],
    ];
    if ($kind === 'menu') {
        $found = get_terms(['taxonomy' => 'nav_menu', 'hide_empty' => false, 'fields' => 'ids', 'meta_query' => $meta]);
    } else {
        $found = get_posts(['post_type' => 'wp_navigation', 'post_status' => 'publish', 'numberposts' => 1, 'fields' => 'ids', 'meta_query' => $meta]);
    }
    return is_array($found) && $found ? (int) $found[0] : 0;
}

function kisync_bridge_mirror_menu(WP_Term $menu, string $location, string $language, bool $apply): array
{
    $report = ['kind' => 'menu', 'name' => $menu->name, 'location' => $location, 'items' => 0, 'untranslated' => [], 'custom_labels' => []];
    $wanted = [];
    foreach ((array) wp_get_nav_menu_items($menu->term_id) as $item) {
        $object = (int) $item->object_id;
        if ($item->type === 'post_type' && $item->object === 'page') {
            $translation = kisync_bridge_translation($object, $language);
            if ($translation) {
                $object = $translation;
            } else {
                $report['untranslated'][] = $item->title;
            }
        }
        if ($item->post_title !== '') {
            $report['custom_labels'][] = $item->post_title;
        }
        $wanted[] = [
            'id' => (int) $item->ID,
            'parent' => (int) $item->menu_item_parent,
            'menu-item-title' => $item->post_title,
            'menu-item-type' => $item->type,
            'menu-item-object' => $item->object,
            'menu-item-object-id' => $object,
            'menu-item-url' => $item->type === 'custom' ? $item->url : '',
            'menu-item-status' => 'publish',
        ];
    }
    $report['items'] = count($wanted);
    $mirror = kisync_bridge_mirror_id('menu', $menu->term_id, $language);
    $report['changed'] = !$mirror || kisync_bridge_menu_signature($mirror) !== kisync_bridge_wanted_signature($wanted);
    if ($apply && $report['changed']) {
        $mirror = kisync_bridge_write_menu($menu, $mirror, $language, $wanted);
    }
    if ($apply && $mirror && kisync_bridge_mode() === 'polylang') {
        kisync_bridge_pll_assign($location, (int) $menu->term_id, $mirror, $language);
    }
    $report['id'] = $mirror;
    return $report;
}

function kisync_bridge_wanted_signature(array $wanted): string
{
    $index = array_flip(array_column($wanted, 'id'));
    return wp_json_encode(array_map(static fn(array $item) => [
        $item['parent'] ? $index[$item['parent']] ?? -1 : -1,
        $item['menu-item-title'], $item['menu-item-type'], $item['menu-item-object'],
        $item['menu-item-object-id'], $item['menu-item-url'],
    ], $wanted));
}

function kisync_bridge_menu_signature(int $menu): string
{
    $items = (array) wp_get_nav_menu_items($menu);
    $index = array_flip(array_map(static fn($item) => (int) $item->ID, $items));
    return wp_json_encode(array_map(static fn($item) => [
        $item->menu_item_parent ? $index[(int) $item->menu_item_parent] ?? -1 : -1,
        $item->post_title, $item->type, $item->object,
        (int) $item->object_id, $item->type === 'custom' ? $item->url : '',
    ], $items));
}

function kisync_bridge_write_menu(WP_Term $menu, int $mirror, string $language, array $wanted): int
{
    if (!$mirror) {
        $mirror = wp_update_nav_menu_object(0, ['menu-name' => "$menu->name ($language)"]);
        if (is_wp_error($mirror)) {
            return 0;
        }
        update_term_meta($mirror, 'kisync_source_id', (int) $menu->term_id);
        update_term_meta($mirror, 'kisync_language', $language);
    }
    foreach ((array) wp_get_nav_menu_items($mirror, ['post_status' => 'any']) as $old) {
        wp_delete_post((int) $old->ID, true);
    }
    $made = [];
    foreach ($wanted as $position => $item) {
        $fields = $item;
        unset($fields['id'], $fields['parent']);
        $fields['menu-item-position'] = $position + 1;
        $fields['menu-item-parent-id'] = $made[$item['parent']] ?? 0;
        $made[$item['id']] = (int) wp_update_nav_menu_item($mirror, 0, $fields);
    }
    return (int) $mirror;
}

/** Polylang's per-language menu location: the German menu for de, the copy for the language. */
function kisync_bridge_pll_assign(string $location, int $source, int $mirror, string $language): void
{
    $options = get_option('polylang');
    $theme = get_option('stylesheet');
    $before = $options['nav_menus'][$theme][$location] ?? [];
    $options['nav_menus'][$theme][$location][pll_default_language()] = $source;
    $options['nav_menus'][$theme][$location][$language] = $mirror;
    if ($before !== $options['nav_menus'][$theme][$location]) {
        update_option('polylang', $options);
        PLL()->options['nav_menus'] = $options['nav_menus'];
    }
}

function kisync_bridge_mirror_navigation(WP_Post $navigation, string $language, bool $apply): array
{
    $report = ['kind' => 'navigation', 'name' => $navigation->post_title, 'location' => 'navigation block', 'items' => 0, 'untranslated' => [], 'custom_labels' => []];
    $blocks = kisync_bridge_translate_links(parse_blocks($navigation->post_content), $language, $report);
    $content = serialize_blocks($blocks);
    $mirror = kisync_bridge_mirror_id('navigation', $navigation->ID, $language);
    $report['changed'] = !$mirror || get_post_field('post_content', $mirror, 'raw') !== $content;
    if ($apply && $report['changed']) {
        $saved = wp_insert_post(wp_slash([
            'ID' => $mirror,
            'post_type' => 'wp_navigation',
            'post_status' => 'publish',
            'post_title' => "$navigation->post_title ($language)",
            'post_content' => $content,
            'meta_input' => ['kisync_source_id' => $navigation->ID, 'kisync_language' => $language],
        ]), true);
        $mirror = is_wp_error($saved) ? 0 : (int) $saved;
    }
    $report['id'] = $mirror;
    return $report;
}

/** Navigation link blocks pointing at German pages → at their translations. */
function kisync_bridge_translate_links(array $blocks, string $language, array &$report): array
{
    foreach ($blocks as &$block) {
        if (in_array($block['blockName'], ['core/navigation-link', 'core/navigation-submenu'], true)) {
            $report['items']++;
            $attrs = &$block['attrs'];
            $page = (int) ($attrs['id'] ?? 0);
            $label = wp_strip_all_tags((string) ($attrs['label'] ?? ''));
            $is_page = ($attrs['kind'] ?? '') === 'post-type' && $page && get_post_type($page) === 'page';
            $translation = $is_page ? kisync_bridge_translation($page, $language) : 0;
            if ($translation) {
                if ($label === '' || $label === wp_strip_all_tags(get_the_title($page))) {
                    $attrs['label'] = get_the_title($translation);
                } else {
                    $report['custom_labels'][] = $label;
                }
                $attrs['id'] = $translation;
                $attrs['url'] = get_permalink($translation);
            } else {
                $report['untranslated'][] = $label;
            }
            unset($attrs);
        }
        $block['innerBlocks'] = kisync_bridge_translate_links($block['innerBlocks'], $language, $report);
    }
    return $blocks;
}

/** Site-wide text only the theme (or a language pack) can translate, for people to see. */
function kisync_bridge_unreachable(): array
{
    $found = [];
    foreach (wp_get_sidebars_widgets() as $sidebar => $widgets) {
        if ($sidebar !== 'wp_inactive_widgets' && is_array($widgets) && $widgets) {
            $found[] = sprintf('widget area %s: %d widget%s', $sidebar, count($widgets), count($widgets) > 1 ? 's' : '');
        }
    }
    if (function_exists('wp_is_block_theme') && wp_is_block_theme()) {
        foreach (get_block_templates([], 'wp_template_part') as $part) {
            if (($part->area ?? '') === 'footer') {
                $found[] = "footer template part $part->slug of the theme " . get_stylesheet();
            }
        }
    }
    return $found;
}

add_action('rest_api_init', static function (): void {
    register_rest_route('kisync/v1', '/menus', [
        'methods' => 'POST',
        'permission_callback' => static fn() => current_user_can(
            (string) apply_filters('kisync_bridge_menu_capability', 'edit_pages')
        ),
        'callback' => 'kisync_bridge_menus',
        'args' => [
            'language' => ['type' => 'string', 'required' => true],
            'apply' => ['type' => 'boolean', 'default' => false],
        ],
    ]);
});

// Classic menus without Polylang: the language's copy in every location.
add_filter('theme_mod_nav_menu_locations', static function ($locations) {
    if (!is_array($locations) || is_admin() || kisync_bridge_mode() !== 'none') {
        return $locations;
    }
    $language = kisync_bridge_current_language();
    if ($language === '') {
        return $locations;
    }
    foreach ($locations as $location => $menu) {
        $locations[$location] = kisync_bridge_mirror_id('menu', (int) $menu, $language) ?: $menu;
    }
    return $locations;
});

// Navigation blocks: the German menu on German pages, the language's copy on translations
// (without a `ref`, WordPress would show the newest menu, which may be a copy).
add_filter('render_block_data', static function (array $block): array {
    if ($block['blockName'] !== 'core/navigation' || is_admin()) {
        return $block;
    }
    $source = (int) ($block['attrs']['ref'] ?? 0);
    if (!$source) {
        $newest = array_reverse(kisync_bridge_source_navigations());
        $source = $newest ? (int) $newest[0]->ID : 0;
    }
    $language = kisync_bridge_current_language();
    if ($source && get_post_meta($source, 'kisync_language', true) === '') {
        $block['attrs']['ref'] = ($language !== '' ? kisync_bridge_mirror_id('navigation', $source, $language) : 0) ?: $source;
    }
    return $block;
});

// On a translated page, a menu link to a German page (not translated yet) says so.
add_filter('nav_menu_link_attributes', static function (array $attributes, $item): array {
    if (kisync_bridge_current_language() !== '' && $item->object === 'page'
        && kisync_bridge_is_source_page((int) $item->object_id)) {
        $attributes['lang'] = $attributes['hreflang'] = kisync_bridge_source_language();
    }
    return $attributes;
}, 10, 2);

add_filter('render_block_core/navigation-link', static function (string $html, array $block): string {
    $page = (int) ($block['attrs']['id'] ?? 0);
    if ($page && kisync_bridge_current_language() !== '' && kisync_bridge_is_source_page($page)) {
        $language = esc_attr(kisync_bridge_source_language());
        $html = preg_replace('/<a\b/', "<a lang=\"$language\" hreflang=\"$language\"", $html, 1);
    }
    return $html;
}, 10, 2);

// -- the site title and tagline per language ---------------------------------------

const KISYNC_BRIDGE_SITE_FIELDS = ['blogname' => 'name', 'blogdescription' => 'description'];

/** Language → ['name' => …, 'description' => …]: kisync's translations, as plain text. */
function kisync_bridge_site_translations(): array
{
    $stored = get_option('kisync_bridge_site', []);
    return is_array($stored) ? $stored : [];
}

function kisync_bridge_site(): array
{
    return [
        'name' => (string) get_option('blogname'),
        'description' => (string) get_option('blogdescription'),
        'translations' => (object) kisync_bridge_site_translations(),
    ];
}

/** Replaces the translations of the languages sent; an empty one falls back to German. */
function kisync_bridge_save_site(WP_REST_Request $request)
{
    $stored = kisync_bridge_site_translations();
    foreach ((array) $request['translations'] as $language => $fields) {
        if (!preg_match('/^[A-Za-z0-9-]{1,35}$/', (string) $language) || !is_array($fields)) {
            return new WP_Error('kisync_bad_site', 'translations: language => {name, description}', ['status' => 400]);
        }
        $clean = [];
        foreach (KISYNC_BRIDGE_SITE_FIELDS as $field) {
            if (isset($fields[$field]) && is_string($fields[$field]) && trim($fields[$field]) !== '') {
                $clean[$field] = trim(wp_check_invalid_utf8($fields[$field]));
            }
        }
        if ($clean) {
            $stored[$language] = $clean;
        } else {
            unset($stored[$language]);
        }
    }
    update_option('kisync_bridge_site', $stored);
    return kisync_bridge_site();
}

add_action('rest_api_init', static function (): void {
    register_rest_route('kisync/v1', '/site', [
        [
            'methods' => 'GET',
            'permission_callback' => 'kisync_bridge_can_edit',
            'callback' => 'kisync_bridge_site',
        ],
        [
            'methods' => 'POST',
            'permission_callback' => static fn() => current_user_can(
                (string) apply_filters('kisync_bridge_menu_capability', 'edit_pages')
            ),
            'callback' => 'kisync_bridge_save_site',
            'args' => ['translations' => ['type' => 'object', 'required' => true]],
        ],
    ]);
});

// Shown pages only (not the dashboard, not the REST API, where kisync reads the German
// ones), once the page and so its language are known. Stored as plain text, returned
// escaped like WordPress' own option; after Polylang's string translations (priority 20).
foreach (KISYNC_BRIDGE_SITE_FIELDS as $option => $field) {
    add_filter("option_$option", static function ($value) use ($field) {
        if (!did_action('wp') || is_admin() || (defined('REST_REQUEST') && REST_REQUEST)) {
            return $value;
        }
        $language = kisync_bridge_current_language();
        $text = $language !== '' ? (kisync_bridge_site_translations()[$language][$field] ?? '') : '';
        return is_string($text) && $text !== '' ? esc_html($text) : $value;
    }, 20);
}
