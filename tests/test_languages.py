"""Language table: gettext/Weblate plural forms, names, and text direction."""

from __future__ import annotations

import pytest

from kisync.languages import UnknownLanguage, get_language, language_key, normalize_code


@pytest.mark.parametrize(
    ("code", "plural_forms"),
    [
        # Babel's table differs for these four; translators' tools use these.
        (
            "ar",
            "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;",
        ),
        ("fa", "nplurals=2; plural=n > 1;"),
        ("tr", "nplurals=2; plural=n != 1;"),
        ("ti", "nplurals=2; plural=n > 1;"),
        (
            "uk",
            "nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2;",
        ),
        ("fa_AF", "nplurals=2; plural=n != 1;"),
    ],
)
def test_plural_forms_follow_gettext_convention(code, plural_forms):
    assert get_language(code).plural_forms == plural_forms


@pytest.mark.parametrize(
    ("code", "direction"),
    [
        ("ar", "rtl"),
        ("fa", "rtl"),
        ("fa-AF", "rtl"),
        ("prs", "rtl"),
        ("ps", "rtl"),
        ("ckb", "rtl"),
        ("ur", "rtl"),
        ("ku", "ltr"),
        ("kmr", "ltr"),
        ("ku_Arab", "rtl"),
        ("ti", "ltr"),
        ("tr", "ltr"),
        ("uk", "ltr"),
        ("en", "ltr"),
    ],
)
def test_direction(code, direction):
    assert get_language(code).direction == direction


def test_names_and_codes():
    dari = get_language("prs")
    assert (dari.english_name, dari.native_name) == ("Dari", "دری")
    assert get_language("ar").native_name == "العربية"
    assert get_language("fa-af").bcp47 == "fa-AF"
    assert normalize_code("SR-latn") == "sr_Latn"


def test_unknown_code():
    with pytest.raises(UnknownLanguage, match="unknown language code 'xx'"):
        get_language("xx")


@pytest.mark.parametrize(
    ("codes", "same"),
    [
        (("ku", "kmr", "KMR", "ku-IQ", "ku_Latn", "kmr_Latn"), True),
        (("prs", "fa_AF", "fa-af"), True),
        (("tr", "tur"), True),
        (("fa", "prs"), False),
        (("ckb", "kmr"), False),
        (("ku_Arab", "kmr"), False),
        (("de", "de-x-ls"), False),
    ],
)
def test_language_key_joins_spellings_of_one_language(codes, same):
    assert (len({language_key(code) for code in codes}) == 1) is same
