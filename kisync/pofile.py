"""Read and write gettext PO files exactly the way GNU gettext formats them.

kisync keeps polib's data model (:class:`polib.POFile`, :class:`polib.POEntry`) but not its
writer: polib wraps long strings differently from GNU ``msgcat`` and ``msgmerge``, so every
round trip through a translator's tools (Poedit, Lokalize, Weblate, ``msgmerge``) would
cause diff noise. :func:`dumps` writes what GNU gettext 0.21 writes (``msgcat`` with its
default width of 79 columns), byte for byte; :func:`read` refuses files that polib would
silently misread, so that no translation is lost or garbled.

gettext leaves line breaking to libunistring 1.0, which implements the pair-table
algorithm of Unicode UAX #14 with Unicode 14.0 line-break classes. This module does the
same: it counts display columns (East Asian wide characters take two), breaks after
spaces, after hyphens before letters, after ``/``, around ideographs and so on, never
inside an escape sequence such as ``\\"``, starts a new string after each ``\\n``, and
keeps a word longer than a line whole.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import polib

from .errors import CatalogError

__all__ = ["PAGE_WIDTH", "dumps", "loads", "read"]

PAGE_WIDTH = 79
"""GNU gettext's default page width (``msgcat --width``)."""

# -- characters: line-break classes and display widths ---------------------------------

# The line-break classes libunistring 1.0 tells apart. OPW and CPW are East Asian (wide)
# OP and CP, which UAX #14 rule LB30 treats differently. The first 31 classes are looked
# up in the pair table; ZW, BK, CM, ZWJ and SP are handled by code in _pieces().
_CLASS_NAMES = (  # noqa: SIM905 (a list of 36 quoted names would be harder to read)
    "OP CL CP QU GL NS EX SY IS PR PO NU AL HL ID IN HY BA BB B2 WJ H2 H3 JL JV JT RI EB EM "
    "OPW CPW ZW BK CM ZWJ SP"
).split()
(OP, CL, CP, QU, GL, NS, EX, SY, IS, PR, PO, NU, AL, HL, ID, IN, HY, BA, BB, B2, WJ, H2, H3,
 JL, JV, JT, RI, EB, EM, OPW, CPW, ZW, BK, CM, ZWJ, SP) = range(len(_CLASS_NAMES))  # fmt: skip

# May a line break between a character of the row's class and one of the column's class
# (columns in the order of _CLASS_NAMES)? D: yes; I: only if spaces come between them;
# P: no. This is UAX #14's pair table as libunistring 1.0 has it (measured with its
# u8_possible_linebreaks). RI-RI says D: regional indicators pair up by code.
_PAIRS = (
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP",  # OP
    "DPPIIPPPPIIDDDDIIIDDPDDDDDDDDDP",  # CL
    "DPPIIIPPPIIIIIDIIIDDPDDDDDDDDDP",  # CP
    "PPPIIIPPPIIIIIIIIIIIPIIIIIIIIPP",  # QU
    "IPPIIIPPPIIIIIIIIIIIPIIIIIIIIIP",  # GL
    "DPPIIIPPPDDDDDDIIIDDPDDDDDDDDDP",  # NS
    "DPPIIIPPPDDDDDDIIIDDPDDDDDDDDDP",  # EX
    "DPPIIIPPPDDIDIDIIIDDPDDDDDDDDDP",  # SY
    "DPPIIIPPPDDIDDDIIIDDPDDDDDDDDDP",  # IS
    "IPPIIIPPPDDIIIIIIIDDPIIIIIDIIIP",  # PR
    "IPPIIIPPPDDIIIDIIIDDPDDDDDDDDIP",  # PO
    "IPPIIIPPPIIIIIDIIIDDPDDDDDDDDDP",  # NU
    "IPPIIIPPPIIIIIDIIIDDPDDDDDDDDDP",  # AL
    "IPPIIIPPPIIIIIDIIIDDPDDDDDDDDDP",  # HL
    "DPPIIIPPPDIDDDDIIIDDPDDDDDDDDDP",  # ID
    "DPPIIIPPPDDDDDDIIIDDPDDDDDDDDDP",  # IN
    "DPPIDIPPPDDIDDDIIIDDPDDDDDDDDDP",  # HY
    "DPPIDIPPPDDDDDDIIIDDPDDDDDDDDDP",  # BA
    "IPPIIIPPPIIIIIIIIIIIPIIIIIIIIIP",  # BB
    "DPPIIIPPPDDDDDDIIIDPPDDDDDDDDDP",  # B2
    "IPPIIIPPPIIIIIIIIIIIPIIIIIIIIIP",  # WJ
    "DPPIIIPPPDIDDDDIIIDDPDDDIIDDDDP",  # H2
    "DPPIIIPPPDIDDDDIIIDDPDDDDIDDDDP",  # H3
    "DPPIIIPPPDIDDDDIIIDDPIIIIDDDDDP",  # JL
    "DPPIIIPPPDIDDDDIIIDDPDDDIIDDDDP",  # JV
    "DPPIIIPPPDIDDDDIIIDDPDDDDIDDDDP",  # JT
    "DPPIIIPPPDDDDDDIIIDDPDDDDDDDDDP",  # RI
    "DPPIIIPPPDIDDDDIIIDDPDDDDDDDIDP",  # EB
    "DPPIIIPPPDIDDDDIIIDDPDDDDDDDDDP",  # EM
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP",  # OPW
    "DPPIIPPPPIIDDDDIIIDDPDDDDDDDDDP",  # CPW
    "DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD",  # ZW: a break may always follow it
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP",  # BK: the start of the text, never a break
)
_AFTER_SPACES = tuple(tuple(int(rule != "P") for rule in row) for row in _PAIRS)
_ADJACENT = tuple(tuple(int(rule == "D") for rule in row) for row in _PAIRS)

# The Unicode 14.0 Line_Break property (libunistring 1.0's version), resolved the way
# libunistring resolves it: AI, SA, XX -> AL; CB -> ID; CJ -> NS; LF, CR, NL -> BK; HG is
# a Hangul syllable (H2 or H3, by arithmetic). Each "start:class" (start in hex) holds up
# to the next start. The table covers the scripts kisync meets: Latin, Greek, Cyrillic,
# Armenian, Hebrew, Arabic, Syriac, Thaana, Ethiopic, general punctuation and symbols, CJK
# punctuation and kana, presentation and full-width forms, emoji. In the "--" ranges the
# class is guessed from the general category, which is right for most characters there.
_LINE_BREAK_TABLE = (
    "0:CM 9:BA A:BK E:CM 20:SP 21:EX 22:QU 23:AL 24:PR 25:PO 26:AL 27:QU 28:OP 29:CP 2A:AL "
    "2B:PR 2C:IS 2D:HY 2E:IS 2F:SY 30:NU 3A:IS 3C:AL 3F:EX 40:AL 5B:OP 5C:PR 5D:CP 5E:AL 7B:OP "
    "7C:BA 7D:CL 7E:AL 7F:CM 85:BK 86:CM A0:GL A1:OP A2:PO A3:PR A6:AL AB:QU AC:AL AD:BA AE:AL "
    "B0:PO B1:PR B2:AL B4:BB B5:AL BB:QU BC:AL BF:OP C0:AL 2C8:BB 2C9:AL 2CC:BB 2CD:AL 2DF:BB "
    "2E0:AL 300:CM 34F:GL 350:CM 35C:GL 363:CM 370:AL 37E:IS 37F:AL 483:CM 48A:AL 589:IS "
    "58A:BA 58B:AL 58F:PR 590:AL 591:CM 5BE:BA 5BF:CM 5C0:AL 5C1:CM 5C3:AL 5C4:CM 5C6:EX "
    "5C7:CM 5C8:AL 5D0:HL 5EB:AL 5EF:HL 5F3:AL 609:PO 60C:IS 60E:AL 610:CM 61B:EX 61C:CM "
    "61D:EX 620:AL 64B:CM 660:NU 66A:PO 66B:NU 66D:AL 670:CM 671:AL 6D4:EX 6D5:AL 6D6:CM "
    "6DD:AL 6DF:CM 6E5:AL 6E7:CM 6E9:AL 6EA:CM 6EE:AL 6F0:NU 6FA:AL 711:CM 712:AL 730:CM "
    "74B:AL 7A6:CM 7B1:AL 7C0:NU 7CA:AL 7EB:CM 7F4:AL 7F8:IS 7F9:EX 7FA:AL 7FD:CM 7FE:PR "
    "800:AL 816:CM 81A:AL 81B:CM 824:AL 825:CM 828:AL 829:CM 82E:AL 859:CM 85C:AL 898:CM "
    "8A0:AL 8CA:CM 8E2:AL 8E3:CM 900:-- 1200:AL 135D:CM 1360:AL 1361:BA 1362:AL 13A0:-- "
    "1E00:AL 1FFD:BB 1FFE:AL 2000:BA 2007:GL 2008:BA 200B:ZW 200C:CM 200D:ZWJ 200E:CM 2010:BA "
    "2011:GL 2012:BA 2014:B2 2015:AL 2018:QU 201A:OP 201B:QU 201E:OP 201F:QU 2020:AL 2024:IN "
    "2027:BA 2028:BK 202A:CM 202F:GL 2030:PO 2038:AL 2039:QU 203B:AL 203C:NS 203E:AL 2044:IS "
    "2045:OP 2046:CL 2047:NS 204A:AL 2056:BA 2057:AL 2058:BA 205C:AL 205D:BA 2060:WJ 2061:AL "
    "2066:CM 2070:AL 207D:OP 207E:CL 207F:AL 208D:OP 208E:CL 208F:AL 20A0:PR 20A7:PO 20A8:PR "
    "20B6:PO 20B7:PR 20BB:PO 20BC:PR 20BE:PO 20BF:PR 20C0:PO 20C1:PR 20D0:CM 20F1:AL 2103:PO "
    "2104:AL 2109:PO 210A:AL 2116:PR 2117:AL 2212:PR 2214:AL 22EF:IN 22F0:AL 2308:OP 2309:CL "
    "230A:OP 230B:CL 230C:AL 231A:ID 231C:AL 2329:OP 232A:CL 232B:AL 23F0:ID 23F4:AL 2600:ID "
    "2604:AL 2614:ID 2616:AL 2618:ID 2619:AL 261A:ID 261D:EB 261E:ID 2620:AL 2639:ID 263C:AL "
    "2668:ID 2669:AL 267F:ID 2680:AL 26BD:ID 26C9:AL 26CD:ID 26CE:AL 26CF:ID 26D2:AL 26D3:ID "
    "26D5:AL 26D8:ID 26DA:AL 26DC:ID 26DD:AL 26DF:ID 26E2:AL 26EA:ID 26EB:AL 26F1:ID 26F6:AL "
    "26F7:ID 26F9:EB 26FA:ID 26FB:AL 26FD:ID 2705:AL 2708:ID 270A:EB 270E:AL 275B:QU 2761:AL "
    "2762:EX 2764:ID 2765:AL 2768:OP 2769:CL 276A:OP 276B:CL 276C:OP 276D:CL 276E:OP 276F:CL "
    "2770:OP 2771:CL 2772:OP 2773:CL 2774:OP 2775:CL 2776:AL 27C5:OP 27C6:CL 27C7:AL 27E6:OP "
    "27E7:CL 27E8:OP 27E9:CL 27EA:OP 27EB:CL 27EC:OP 27ED:CL 27EE:OP 27EF:CL 27F0:AL 2983:OP "
    "2984:CL 2985:OP 2986:CL 2987:OP 2988:CL 2989:OP 298A:CL 298B:OP 298C:CL 298D:OP 298E:CL "
    "298F:OP 2990:CL 2991:OP 2992:CL 2993:OP 2994:CL 2995:OP 2996:CL 2997:OP 2998:CL 2999:AL "
    "29D8:OP 29D9:CL 29DA:OP 29DB:CL 29DC:AL 29FC:OP 29FD:CL 29FE:AL 2CEF:CM 2CF2:AL 2CF9:EX "
    "2CFA:BA 2CFD:AL 2CFE:EX 2CFF:BA 2D00:AL 2D70:BA 2D71:AL 2D7F:CM 2D80:AL 2DE0:CM 2E00:QU "
    "2E0E:BA 2E16:AL 2E17:BA 2E18:OP 2E19:BA 2E1A:AL 2E1C:QU 2E1E:AL 2E20:QU 2E22:OP 2E23:CL "
    "2E24:OP 2E25:CL 2E26:OP 2E27:CL 2E28:OP 2E29:CL 2E2A:BA 2E2E:EX 2E2F:AL 2E30:BA 2E32:AL "
    "2E33:BA 2E35:AL 2E3A:B2 2E3C:BA 2E3F:AL 2E40:BA 2E42:OP 2E43:BA 2E4B:AL 2E4C:BA 2E4D:AL "
    "2E4E:BA 2E50:AL 2E53:EX 2E55:OP 2E56:CL 2E57:OP 2E58:CL 2E59:OP 2E5A:CL 2E5B:OP 2E5C:CL "
    "2E5D:BA 2E5E:AL 2E80:ID 2E9A:AL 2E9B:ID 2EF4:AL 2F00:ID 2FD6:AL 2FF0:ID 2FFC:AL 3000:BA "
    "3001:CL 3003:ID 3005:NS 3006:ID 3008:OP 3009:CL 300A:OP 300B:CL 300C:OP 300D:CL 300E:OP "
    "300F:CL 3010:OP 3011:CL 3012:ID 3014:OP 3015:CL 3016:OP 3017:CL 3018:OP 3019:CL 301A:OP "
    "301B:CL 301C:NS 301D:OP 301E:CL 3020:ID 302A:CM 3030:ID 3035:CM 3036:ID 303B:NS 303D:ID "
    "3040:AL 3041:NS 3042:ID 3043:NS 3044:ID 3045:NS 3046:ID 3047:NS 3048:ID 3049:NS 304A:ID "
    "3063:NS 3064:ID 3083:NS 3084:ID 3085:NS 3086:ID 3087:NS 3088:ID 308E:NS 308F:ID 3095:NS "
    "3097:AL 3099:CM 309B:NS 309F:ID 30A0:NS 30A2:ID 30A3:NS 30A4:ID 30A5:NS 30A6:ID 30A7:NS "
    "30A8:ID 30A9:NS 30AA:ID 30C3:NS 30C4:ID 30E3:NS 30E4:ID 30E5:NS 30E6:ID 30E7:NS 30E8:ID "
    "30EE:NS 30EF:ID 30F5:NS 30F7:ID 30FB:NS 30FF:ID 3100:AL 3105:ID 3130:AL 3131:ID 318F:AL "
    "3190:ID 31E4:AL 31F0:NS 3200:ID 321F:AL 3220:ID 3248:AL 3250:ID 3400:-- FB00:AL FB1D:HL "
    "FB1E:CM FB1F:HL FB29:AL FB2A:HL FB37:AL FB38:HL FB3D:AL FB3E:HL FB3F:AL FB40:HL FB42:AL "
    "FB43:HL FB45:AL FB46:HL FB50:AL FD3E:CL FD3F:OP FD40:AL FDFC:PO FDFD:AL FE00:CM FE10:IS "
    "FE11:CL FE13:IS FE15:EX FE17:OP FE18:CL FE19:IN FE1A:AL FE20:CM FE30:ID FE35:OP FE36:CL "
    "FE37:OP FE38:CL FE39:OP FE3A:CL FE3B:OP FE3C:CL FE3D:OP FE3E:CL FE3F:OP FE40:CL FE41:OP "
    "FE42:CL FE43:OP FE44:CL FE45:ID FE47:OP FE48:CL FE49:ID FE50:CL FE51:ID FE52:CL FE53:AL "
    "FE54:NS FE56:EX FE58:ID FE59:OP FE5A:CL FE5B:OP FE5C:CL FE5D:OP FE5E:CL FE5F:ID FE67:AL "
    "FE68:ID FE69:PR FE6A:PO FE6B:ID FE6C:AL FEFF:WJ FF00:AL FF01:EX FF02:ID FF04:PR FF05:PO "
    "FF06:ID FF08:OP FF09:CL FF0A:ID FF0C:CL FF0D:ID FF0E:CL FF0F:ID FF1A:NS FF1C:ID FF1F:EX "
    "FF20:ID FF3B:OP FF3C:ID FF3D:CL FF3E:ID FF5B:OP FF5C:ID FF5D:CL FF5E:ID FF5F:OP FF60:CL "
    "FF62:OP FF63:CL FF65:NS FF66:ID FF67:NS FF71:ID FF9E:NS FFA0:ID FFBF:AL FFC2:ID FFC8:AL "
    "FFCA:ID FFD0:AL FFD2:ID FFD8:AL FFDA:ID FFDD:AL FFE0:PO FFE1:PR FFE2:ID FFE5:PR FFE7:AL "
    "FFF9:CM FFFC:ID FFFD:AL 10000:-- 1F000:ID 1F100:AL 1F10D:ID 1F110:AL 1F16D:ID 1F170:AL "
    "1F1AD:ID 1F1E6:RI 1F200:ID 1F385:EB 1F386:ID 1F39C:AL 1F39E:ID 1F3B5:AL 1F3B7:ID 1F3BC:AL "
    "1F3BD:ID 1F3C2:EB 1F3C5:ID 1F3C7:EB 1F3C8:ID 1F3CA:EB 1F3CD:ID 1F3FB:EM 1F400:ID 1F442:EB "
    "1F444:ID 1F446:EB 1F451:ID 1F466:EB 1F479:ID 1F47C:EB 1F47D:ID 1F481:EB 1F484:ID 1F485:EB "
    "1F488:ID 1F48F:EB 1F490:ID 1F491:EB 1F492:ID 1F4A0:AL 1F4A1:ID 1F4A2:AL 1F4A3:ID 1F4A4:AL "
    "1F4A5:ID 1F4AA:EB 1F4AB:ID 1F4AF:AL 1F4B0:ID 1F4B1:AL 1F4B3:ID 1F500:AL 1F507:ID 1F517:AL "
    "1F525:ID 1F532:AL 1F54A:ID 1F574:EB 1F576:ID 1F57A:EB 1F57B:ID 1F590:EB 1F591:ID 1F595:EB "
    "1F597:ID 1F5D4:AL 1F5DC:ID 1F5F4:AL 1F5FA:ID 1F645:EB 1F648:ID 1F64B:EB 1F650:AL 1F676:QU "
    "1F679:NS 1F67C:AL 1F680:ID 1F6A3:EB 1F6A4:ID 1F6B4:EB 1F6B7:ID 1F6C0:EB 1F6C1:ID 1F6CC:EB "
    "1F6CD:ID 1F700:AL 1F774:ID 1F780:AL 1F7D5:ID 1F800:AL 1F80C:ID 1F810:AL 1F848:ID 1F850:AL "
    "1F85A:ID 1F860:AL 1F888:ID 1F890:AL 1F8AE:ID 1F900:AL 1F90C:EB 1F90D:ID 1F90F:EB 1F910:ID "
    "1F918:EB 1F920:ID 1F926:EB 1F927:ID 1F930:EB 1F93A:ID 1F93C:EB 1F93F:ID 1F977:EB 1F978:ID "
    "1F9B5:EB 1F9B7:ID 1F9B8:EB 1F9BA:ID 1F9BB:EB 1F9BC:ID 1F9CD:EB 1F9D0:ID 1F9D1:EB 1F9DE:ID "
    "1FA00:AL 1FA54:ID 1FAC3:EB 1FAC6:ID 1FAF0:EB 1FAF7:ID 1FB00:--"
)
_GUESSED_CLASS = {"Mn": CM, "Mc": CM, "Me": CM, "Cc": CM, "Cf": CM, "Nd": NU, "Ps": OP}
_GUESSED_CLASS |= {"Pe": CL, "Zs": BA}


def _parse_table(table: str) -> tuple[list[int], list[str]]:
    starts, names = [], []
    for item in table.split():
        start, name = item.split(":")
        starts.append(int(start, 16))
        names.append(name)
    return starts, names


_TABLE_STARTS, _TABLE_NAMES = _parse_table(_LINE_BREAK_TABLE)


class _ClassTable(dict[str, int]):
    """Character -> resolved line-break class, looked up on first use."""

    def __missing__(self, char: str) -> int:
        code = ord(char)
        name = _TABLE_NAMES[bisect.bisect_right(_TABLE_STARTS, code) - 1]
        if name == "HG":
            cls = H2 if (code - 0xAC00) % 28 == 0 else H3
        elif name == "--":
            cls = _GUESSED_CLASS.get(unicodedata.category(char), AL)
            if cls == AL and unicodedata.east_asian_width(char) in "WF":
                cls = ID
        else:
            cls = _CLASS_NAMES.index(name)
        if cls in (OP, CP) and unicodedata.east_asian_width(char) in "FWH":
            cls = OPW if cls == OP else CPW
        self[char] = cls
        return cls


class _WidthTable(dict[str, int]):
    """Character -> display columns, as libunistring's ``uc_width`` counts them in UTF-8.

    Control characters count 0: ``uc_width`` says -1, which the line breaker ignores.
    """

    def __missing__(self, char: str) -> int:
        code = ord(char)
        control = code < 0x20 or 0x7F <= code < 0xA0
        hangul_jamo = 0x1160 <= code < 0x1200 or 0xD7B0 <= code < 0xD800  # vowels, finals
        if control or hangul_jamo or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            width = 0
        else:
            width = 2 if unicodedata.east_asian_width(char) in "WF" else 1
        self[char] = width
        return width


_CLASSES = _ClassTable()
_WIDTHS = _WidthTable()


def _character_set(blocks: Iterable[tuple[int, int]], test: Callable[[str], bool]) -> str:
    """The inside of a regex ``[...]`` matching the characters of ``blocks`` that pass ``test``."""
    codes = (code for first, last in blocks for code in range(first, last + 1))
    return _ranges(code for code in codes if test(chr(code)))


def _ranges(codes: Iterable[int]) -> str:
    """The inside of a regex ``[...]`` matching these code points (given in ascending order)."""
    ranges = []
    for _, run in itertools.groupby(enumerate(codes), lambda pair: pair[1] - pair[0]):
        run_codes = [code for _, code in run]
        first, last = re.escape(chr(run_codes[0])), re.escape(chr(run_codes[-1]))
        ranges.append(first if len(run_codes) == 1 else f"{first}-{last}")
    return "".join(ranges)


# Where most characters are one column wide: ASCII, Latin, Greek, Cyrillic, Armenian,
# Hebrew, Arabic and common punctuation.
_ONE_COLUMN_BLOCKS = (
    (0x20, 0x7E),
    (0xA0, 0x6FF),
    (0x2010, 0x2027),
    (0x2030, 0x205E),
    (0x20A0, 0x20C0),
)


@functools.cache
def _odd_width_pattern() -> re.Pattern[str]:
    """Matches characters that may not be one column wide.

    Everything outside printable ASCII, Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic
    and common punctuation counts as odd; inside, the exceptions (combining marks, format
    characters) are looked up, so a string without a match is exactly one column a char.
    """
    one_column = _character_set(_ONE_COLUMN_BLOCKS, lambda char: _WIDTHS[char] == 1)
    return re.compile(f"[^{one_column}]")


def _text_width(text: str) -> int:
    odd = _odd_width_pattern().findall(text)
    return len(text) + sum(map(_WIDTHS.__getitem__, odd)) - len(odd) if odd else len(text)


# -- line breaking ---------------------------------------------------------------------

_WORD = re.compile(r"[^ ]+ *")
_MANDATORY_BREAK = re.compile("[\x85\u2028\u2029]")  # class BK or NL, and not escaped


@functools.cache
def _token_pattern() -> re.Pattern[str]:
    """Tokens for _pieces(): words with the spaces after them, a word, spaces, one character.

    A word is a run of one-column characters of class AL or NU (Latin, Greek, Cyrillic and
    Arabic letters, digits, ASCII symbols such as ``<``, ``>``, ``=``, ``@``), maybe ending
    in ``,.:;!?``. Nothing may break inside a word, and after spaces a word may always
    start a line; so _pieces() can take plain prose a sentence at a time instead of a
    character at a time, which makes it several times faster.
    """
    blocks = ((0x21, 0x7E), (0xC0, 0x24F), (0x370, 0x52F), (0x620, 0x6FF))
    letters = _character_set(blocks, lambda char: _CLASSES[char] in (AL, NU) and _WIDTHS[char] == 1)
    word = f"[{letters}]++[,.:;!?]*+"
    return re.compile(f"(?:{word} ++)++|{word}| ++|.", re.DOTALL)


def _pieces(text: str) -> list[list[int]]:
    """Split escaped text at its break opportunities: ``[start, columns, kind]`` per piece.

    ``kind`` tells how a piece is joined to the one before: 0 no break (the first piece
    only), 1 a line may break there, 2 a line must break there (U+2028 and the like; gettext
    resets its column count but prints no break). The rules are UAX #14 as libunistring 1.0
    applies them: the pair table, plus code for spaces, zero-width space, combining marks,
    zero-width joiner, regional-indicator pairs and a hyphen after a Hebrew letter. Like
    gettext, no break inside an escape sequence, nor before the ``\\n`` that ends a string.
    """
    no_break = _escape_positions(text) if "\\" in text else ()
    classes, widths, after_spaces, adjacent = _CLASSES, _WIDTHS, _AFTER_SPACES, _ADJACENT
    pieces = [[0, 0, 0]]
    last = BK  # class of the last character that is neither a space nor an attached mark
    spaces = False  # whether spaces follow it
    hold = False  # no break before the next character (after ZWJ, or Hebrew letter + hyphen)
    hebrew = False  # the previous character is a Hebrew letter
    ri_open = False  # the previous character is the first of a regional-indicator pair
    position = 0
    for token in _token_pattern().findall(text):
        char = token[0]
        cls = classes[char]
        size = len(token)
        kind = 0
        if cls < ZW:  # a class of the pair table
            if spaces:
                kind = after_spaces[last][cls]
            elif not hold and not (ri_open and cls == RI):
                kind = adjacent[last][cls]
            ri_open = cls == RI and not (ri_open and not spaces)
            hold = hebrew and cls in (HY, BA)
            hebrew = cls == HL
            last, spaces = cls, False
            if size > 1:  # words, maybe with spaces after them
                words = token.rstrip(" ")
                last, spaces = classes[words[-1]], len(words) < size
                if " " in words:
                    _add_words(pieces, token, position, kind and position not in no_break)
                    position += size
                    continue
        elif cls == SP:
            spaces, hold, hebrew = True, False, False
        elif cls in (CM, ZWJ):
            if last == ZW or (spaces and last != BK):  # a mark after spaces starts a word
                kind = 1
            if last in (ZW, BK) or spaces:  # and counts as a letter
                last, spaces = AL, False
            hold, hebrew, ri_open = cls == ZWJ, False, False
        elif cls == BK:
            kind, last, spaces, hold, hebrew, ri_open = 2, BK, False, False, False, False
        else:  # ZW
            last, spaces, hold, hebrew, ri_open = ZW, False, False, False, False
        if kind and position in no_break:
            kind = 0
        columns = size if size > 1 else widths[char]
        if kind:
            pieces.append([position, 0 if kind == 2 else columns, kind])
        else:
            pieces[-1][1] += columns
        position += size
    return pieces


def _add_words(pieces: list[list[int]], words: str, position: int, first_breaks: int) -> None:
    """Add a token of several words: a line may break before each word but the first."""
    lengths = list(map(len, _WORD.findall(words)))
    if first_breaks:
        pieces.append([position, lengths[0], 1])
    else:
        pieces[-1][1] += lengths[0]
    starts = itertools.accumulate(lengths[1:-1], initial=position + lengths[0])
    pieces.extend(map(list, zip(starts, lengths[1:], itertools.repeat(1))))


def _escape_positions(text: str) -> set[int]:
    """Where gettext forbids a break: inside escape sequences, before a final ``\\n``."""
    positions = set()
    escape = text.find("\\")
    while escape != -1:
        positions.add(escape + 1)
        if escape == len(text) - 2 and text[-1] == "n":
            positions.add(escape)
        escape = text.find("\\", escape + 2)
    return positions


def _line_starts(pieces: list[list[int]], width: int, start_column: int) -> list[int]:
    """Where new lines start, chosen greedily as libunistring's ``u8_width_linebreaks`` does.

    A line ends at the last opportunity before the text overflows ``width`` columns (the
    spaces at its end count); a piece wider than a line overflows, whole.
    """
    starts: list[int] = []
    column = start_column
    last_start = -1
    before = pieces[0][1]  # columns of the piece before the current one
    for start, columns, kind in pieces[1:]:
        if last_start >= 0 and column + before > width:
            starts.append(last_start)
            column = 0
        if kind == 2:
            last_start, column = -1, 0
        else:
            last_start = start
            column += before
        before = columns
    if last_start >= 0 and column + before > width:
        starts.append(last_start)
    return starts


def _breaks(text: str, pieces: list[list[int]], width: int, start_column: int) -> bool:
    """Whether a string too wide for the rest of the keyword's line gets broken at all.

    It does if it has a break opportunity, unless mandatory breaks reset the column count.
    """
    if len(pieces) == 1:
        return False
    if _MANDATORY_BREAK.search(text) is None:
        return True
    return bool(_line_starts(pieces, width, start_column))


# -- simple text: line breaking with regular expressions ---------------------------------

# Most text kisync writes is "simple": every character is one column wide, none needs an
# escape sequence (but a final ``\\n``), none has one of the classes that _pieces()
# handles with state (spaces other than U+0020, marks, joiners, Hebrew letters, regional
# indicators, mandatory breaks) and, as UAX #14 says of many pairs, the text does not start
# with spaces. There, a break opportunity depends only on the two characters around it, or
# on the character after spaces (and, in the few pairs listed as exceptions, the one
# before them): regular expressions find them and cut the lines, without a Python loop.
_SIMPLE_CLASSES = (AL, NU, IS, EX, SY, HY, GL, BA, PR, PO, IN, CL, CP, QU, OP)


@dataclasses.dataclass(frozen=True)
class _Simple:
    """Regular expressions for simple text, derived from the pair table."""

    # fullmatch: one column a character and nothing to escape; if group 1 ends where the
    # text ends, the text also matches ``text``
    plain: re.Pattern[str]
    text: re.Pattern[str]  # fullmatch: escaped simple text, unless an exception is in it
    exception: re.Pattern[str]  # search: spaces between a pair that the usual rule gets wrong
    after_space: re.Pattern[str]  # search: the commonest break opportunity
    opportunity: re.Pattern[str]  # search: any break opportunity

    def matches(self, text: str, *, known: bool = False) -> bool:
        """Whether escaped ``text`` is simple (``known``: it matches ``text``)."""
        if not known and self.text.fullmatch(text) is None:
            return False
        return self.exception.search(text) is None

    def breakable(self, text: str) -> bool:
        """Whether simple ``text`` has a break opportunity."""
        return bool(self.after_space.search(text) or self.opportunity.search(text))


@functools.cache
def _simple() -> _Simple:
    """The patterns, built on first use (about 10 ms)."""
    plain: list[int] = []
    by_class: dict[int, list[int]] = {cls: [] for cls in _SIMPLE_CLASSES}
    for first, last in _ONE_COLUMN_BLOCKS:
        for code in range(first, last + 1):
            char = chr(code)
            if _WIDTHS[char] == 1 and char not in '\\"':
                plain.append(code)
                if _CLASSES[char] in by_class:
                    by_class[_CLASSES[char]].append(code)

    def chars(classes: Iterable[int]) -> str:
        return "[" + _ranges(sorted(code for cls in classes for code in by_class[cls])) + "]"

    usual = _AFTER_SPACES[AL]  # the row that all classes but a few share
    exceptions, firsts = [], []
    for before in _SIMPLE_CLASSES:
        differ = [cls for cls in _SIMPLE_CLASSES if _AFTER_SPACES[before][cls] != usual[cls]]
        if differ:
            exceptions.append(f"(?<={chars([before])}) +{chars(differ)}")
            firsts.append(before)
    after_space = chars(cls for cls in _SIMPLE_CLASSES if usual[cls])
    opportunities = [f"(?<= )(?={after_space})"]
    afters: dict[tuple[int, ...], list[int]] = {}  # classes before -> classes after a break
    for after in _SIMPLE_CLASSES:
        befores = tuple(cls for cls in _SIMPLE_CLASSES if _ADJACENT[cls][after])
        if befores:
            afters.setdefault(befores, []).append(after)
    opportunities += [f"(?={chars(after)})(?<={chars(before)})" for before, after in afters.items()]
    any_before = chars({cls for befores in afters for cls in befores})
    simple = _ranges(sorted(code for codes in by_class.values() for code in codes))
    return _Simple(
        plain=re.compile(f"([{simple}][ {simple}]*+)?[{_ranges(plain)}]*+"),
        text=re.compile(f"[{simple}][ {simple}]*+(?:\\\\n)?"),
        # one class first: the regex engine then skips ahead to the next such character
        exception=re.compile(f"{chars(firsts)}(?:{'|'.join(exceptions)})"),
        after_space=re.compile(f" {after_space}"),  # the text does not start with a space
        # inside a word, the first test fails: letters and digits are never before a break
        opportunity=re.compile(f"(?<=[ {any_before[1:-1]}])(?:{'|'.join(opportunities)})"),
    )


@functools.lru_cache(maxsize=8)
def _simple_lines_pattern(width: int) -> re.Pattern[str]:
    """Matches one line of simple text: as many pieces as fit ``width`` columns, else one.

    The same greedy choice as _line_starts(): the longest run of whole pieces up to
    ``width`` columns, spaces at its end included; a piece wider than that alone.
    """
    end = f"(?:{_simple().opportunity.pattern}|\\Z)"
    return re.compile(f".{{1,{width}}}{end}|.+?{end}")


# -- writing ---------------------------------------------------------------------------

_NEEDS_ESCAPE = re.compile(r'[\\"\a\b\f\n\r\t\v]')
_CONTROL = re.compile("[\a\b\f\r\v]")
_CONTROL_ESCAPES = str.maketrans({"\a": "\\a", "\b": "\\b", "\f": "\\f", "\r": "\\r", "\v": "\\v"})
_PORTION = re.compile(r"[^\n]*\n|[^\n]+")

# gettext writes the flags it knows in this order and drops "wrap", "possible-…" and
# "impossible-…", which are its defaults.
_FORMATS = (  # noqa: SIM905
    "c objc python python-brace java java-printf csharp javascript scheme lisp elisp "
    "librep ruby sh awk lua object-pascal smalltalk qt qt-plural kde kde-kuit boost tcl "
    "perl perl-brace php gcc-internal gfc-internal ycp"
).split()
_FORMAT_RANK = {name: rank for rank, name in enumerate(_FORMATS, start=1)}
_DROPPED_FLAGS = {"", "wrap"} | {
    f"{kind}-{name}-format" for kind in ("possible", "impossible") for name in _FORMATS
}


def dumps(po: polib.POFile, *, width: int = PAGE_WIDTH) -> str:
    """Serialize ``po`` exactly as GNU ``msgcat`` (gettext 0.21) would write it.

    The header entry comes from ``po.header`` (its comment), ``po.metadata`` (in insertion
    order) and ``po.metadata_is_fuzzy``. Like gettext, this writes obsolete entries after
    all others, leaves out obsolete entries without a translation, drops ``fuzzy`` from
    untranslated entries, puts flags in gettext's order and removes duplicate and ``./``
    prefixed references. Flags gettext does not know are kept, after the known ones.
    """
    blocks = []
    header = _header_entry(po)
    if header is not None:
        blocks.append(_entry_text(header, width))
    blocks.extend(_cached_entry_text(entry, width) for entry in po if not entry.obsolete)
    blocks.extend(
        _cached_entry_text(entry, width) for entry in po if entry.obsolete and _msgstr_head(entry)
    )
    return "\n".join(blocks)


_ENTRY_CACHE_SIZE = 5_000
_ENTRY_FIELDS = operator.attrgetter(  # with occurrences, flags, msgstr_plural: all it reads
    "msgid",
    "msgstr",
    "msgctxt",
    "msgid_plural",
    "obsolete",
    "tcomment",
    "comment",
    "previous_msgctxt",
    "previous_msgid",
    "previous_msgid_plural",
)
_entry_cache: dict[tuple[object, ...], str] = {}


def _cached_entry_text(entry: polib.POEntry, width: int) -> str:
    """:func:`_entry_text`, remembered by content.

    ``pull`` writes each new entry into the template and, unchanged, into every
    language's catalog: with six languages this turns seven renderings into one.
    """
    key = (
        width,
        _ENTRY_FIELDS(entry),
        tuple(entry.occurrences),
        tuple(entry.flags),
        tuple(entry.msgstr_plural.items()) if entry.msgstr_plural else (),
    )
    text = _entry_cache.get(key)
    if text is None:
        if len(_entry_cache) >= _ENTRY_CACHE_SIZE:
            _entry_cache.clear()
        text = _entry_cache[key] = _entry_text(entry, width)
    return text


def _header_entry(po: polib.POFile) -> polib.POEntry | None:
    metadata = "".join(f"{name}: {value}\n" for name, value in po.metadata.items())
    fuzzy = po.metadata_is_fuzzy
    flags = list(fuzzy) if isinstance(fuzzy, list) else (["fuzzy"] if fuzzy else [])
    if not (metadata or po.header or flags):
        return None
    return polib.POEntry(msgid="", msgstr=metadata, tcomment=po.header or "", flags=flags)


def _msgstr_head(entry: polib.POEntry) -> str:
    """The translation gettext looks at to decide "translated": msgstr or msgstr[0]."""
    if entry.msgid_plural:
        plurals = entry.msgstr_plural
        return plurals.get(0, plurals.get("0", "")) if plurals else ""
    return entry.msgstr


def _entry_text(entry: polib.POEntry, width: int) -> str:
    lines: list[str] = []
    if entry.tcomment:
        lines += _comment_lines("#", entry.tcomment)
    if entry.comment:
        lines += _comment_lines("#.", entry.comment)
    if entry.occurrences:
        lines += _reference_lines(entry.occurrences, width)
    wrap = True
    if entry.flags:
        flags = _canonical_flags(entry.flags, translated=bool(_msgstr_head(entry)))
        if flags:
            lines.append("#, " + ", ".join(flags))
            wrap = "no-wrap" not in flags
    prefix = "#~ " if entry.obsolete else ""
    if entry.previous_msgid is not None:  # gettext has no previous context without it
        previous = "#~| " if entry.obsolete else "#| "
        for name, value in (
            ("msgctxt", entry.previous_msgctxt),
            ("msgid", entry.previous_msgid),
            ("msgid_plural", entry.previous_msgid_plural),
        ):
            if value is not None:
                lines += _string_lines(previous, name, value, width, wrap)
    if entry.msgctxt is not None:
        lines += _string_lines(prefix, "msgctxt", entry.msgctxt, width, wrap)
    lines += _string_lines(prefix, "msgid", entry.msgid, width, wrap)
    if entry.msgid_plural:
        for name, value in _plural_translations(entry):
            lines += _string_lines(prefix, name, value, width, wrap)
    else:
        lines += _string_lines(prefix, "msgstr", entry.msgstr, width, wrap)
    lines.append("")
    return "\n".join(lines)


def _plural_translations(entry: polib.POEntry) -> Iterator[tuple[str, str]]:
    yield "msgid_plural", entry.msgid_plural
    plurals = {int(index): value for index, value in entry.msgstr_plural.items()}
    for index in sorted(plurals) if plurals else (0, 1):  # a template has two empty forms
        yield f"msgstr[{index}]", plurals.get(index, "")


def _comment_lines(mark: str, text: str) -> list[str]:
    if "\n" not in text:
        return [f"{mark} {text}"]
    return [f"{mark} {line}" if line else mark for line in text.split("\n")]


def _reference_lines(occurrences: Iterable[tuple[str, object]], width: int) -> list[str]:
    """``#:`` lines: gettext drops ``./``, skips exact repeats and fills lines up to
    ``width`` -- counting bytes, not columns, unlike for strings."""
    references: dict[str, None] = {}  # in order, without repeats
    for file_name, line_number in occurrences:
        while file_name.startswith("./"):
            file_name = file_name[2:]
        references[file_name if line_number in (None, "") else f"{file_name}:{line_number}"] = None
    if len(references) == 1:  # the first reference goes on the first line, however long
        return [f"#: {reference}" for reference in references]
    lines = []
    current, size = "#:", 2
    for reference in references:
        length = 1 + len(reference.encode("utf-8"))
        if size > 2 and size + length > width:
            lines.append(current)
            current, size = "#:", 2
        current += " " + reference
        size += length
    if references:
        lines.append(current)
    return lines


def _canonical_flags(flags: list[str], *, translated: bool) -> list[str]:
    """Flags in gettext's order; ``fuzzy`` only on a translated entry."""
    if not flags:
        return flags
    if flags == ["fuzzy"]:
        return flags if translated else []
    known: dict[int, str] = {}
    unknown: list[str] = []
    for raw in flags:
        flag = raw.strip()
        rank = _flag_rank(flag)
        if rank is not None:
            known[rank] = _normal_range(flag) if rank == 100 else flag
        elif flag not in _DROPPED_FLAGS and flag not in unknown:
            unknown.append(flag)
    if not translated:
        known.pop(0, None)
    return [known[rank] for rank in sorted(known)] + unknown


def _flag_rank(flag: str) -> int | None:
    """Position of a flag gettext knows; a format's yes and no share one (the last wins)."""
    if flag == "fuzzy":
        return 0
    if flag.startswith("range:"):
        return 100
    if flag == "no-wrap":
        return 101
    if flag.endswith("-format"):
        name = flag[: -len("-format")]
        return _FORMAT_RANK.get(name[3:] if name.startswith("no-") else name)
    return None


def _normal_range(flag: str) -> str:
    return "range: " + flag[len("range:") :].strip()


def _escape(text: str) -> str:
    """Escape as gettext does: backslash, quote and the C control escapes."""
    first = _NEEDS_ESCAPE.search(text)
    if first is None:
        return text
    if first.start() == len(text) - 1 and text[-1] == "\n":  # only a final newline (headers)
        return text[:-1] + "\\n"
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    text = text.replace("\t", "\\t")
    return text.translate(_CONTROL_ESCAPES) if _CONTROL.search(text) else text


def _string_lines(prefix: str, name: str, value: str, width: int, wrap: bool) -> Sequence[str]:
    """A keyword and its string, as gettext's ``wrap()`` in write-po.c writes them."""
    if not value:
        return (f'{prefix}{name} ""',)
    plain = _simple().plain.fullmatch(value)
    if plain:  # the common case: nothing to escape, one column a character
        if not wrap or len(prefix) + len(name) + 3 + len(value) <= width:
            return (f'{prefix}{name} "{value}"',)
        if plain.end(1) == len(value):  # simple text: quick enough without the cache
            return _overflowing_lines(prefix, name, value, width, simple=True)
    elif "\n" not in value[:-1]:  # one line, when it fits
        escaped = _escape(value)
        if not wrap or len(prefix) + len(name) + 3 + _text_width(escaped) <= width:
            return (f'{prefix}{name} "{escaped}"',)
    return _wrapped_lines(prefix, name, value, width, wrap)


@functools.lru_cache(maxsize=4096)
def _wrapped_lines(prefix: str, name: str, value: str, width: int, wrap: bool) -> tuple[str, ...]:
    """The lines of a string that overflows its keyword's line or holds newlines.

    Cached: kisync writes each msgid into a template and into every language's catalog.
    """
    if "\n" not in value[:-1]:  # one portion: _string_lines comes here only to wrap it
        return _overflowing_lines(prefix, name, _escape(value), width)
    line_width = width - len(prefix) - 2  # the page minus the prefix and two quotes
    lines = [f'{prefix}{name} ""']
    for portion in _PORTION.findall(value):
        escaped = _escape(portion)
        if not wrap or _text_width(escaped) <= line_width:
            lines.append(f'{prefix}"{escaped}"')
        else:
            simple = line_width > 0 and _simple().matches(escaped)
            lines += [f'{prefix}"{part}"' for part in _cut(escaped, line_width, simple=simple)]
    return tuple(lines)


def _overflowing_lines(
    prefix: str, name: str, escaped: str, width: int, *, simple: bool = False
) -> tuple[str, ...]:
    """A string without newlines (escaped) that overflows its keyword's line.

    It goes on lines of its own, cut to fit, unless it cannot be broken at all: then
    gettext leaves it on the keyword's line. ``simple``: it is known to match
    ``_Simple.text``.
    """
    line_width = width - len(prefix) - 2  # the page minus the prefix and two quotes
    patterns = _simple()
    pieces = None
    is_simple = line_width > 0 and patterns.matches(escaped, known=simple)
    if is_simple:
        breaks = patterns.breakable(escaped)
    else:
        pieces = _pieces(escaped)
        breaks = _breaks(escaped, pieces, line_width, len(name) + 1)
    if not breaks:
        return (f'{prefix}{name} "{escaped}"',)  # too long, but cannot be broken
    fits = (len(escaped) if is_simple else _text_width(escaped)) <= line_width
    parts = [escaped] if fits else _cut(escaped, line_width, simple=is_simple, pieces=pieces)
    return (f'{prefix}{name} ""', *(f'{prefix}"{part}"' for part in parts))


def _cut(
    portion: str, width: int, *, simple: bool, pieces: list[list[int]] | None = None
) -> list[str]:
    """An escaped portion wider than ``width`` columns, cut into lines.

    ``simple``: it is simple text; ``pieces``: its _pieces() if they are known.
    """
    if simple:
        return _simple_lines_pattern(width).findall(portion)
    starts = [0, *_line_starts(pieces or _pieces(portion), width, 0)]
    ends = [*starts[1:], len(portion)]
    return [portion[start:end] for start, end in zip(starts, ends, strict=True)]


# -- reading ---------------------------------------------------------------------------

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[([0-9]+)\])?(?![\w\[])")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
# A well-formed line: an optional keyword, then a string with only the escapes polib decodes.
_GOOD_LINE = re.compile(
    r"(?:(msgctxt|msgid_plural|msgid|msgstr)(?:\[([0-9]+)\])?[ \t]+)?"
    r'"((?:[^"\\]|\\[ntrvbf\\"])*+)"'
)
_POLIB_LINE = re.compile(r"\(line (\d+)\)")
_MAX_PLURAL_FORMS = 10  # polib reads one digit of msgstr[N]


class _Lines(list[str]):
    """Lines handed to polib's parser, which calls ``splitlines()`` on text it is given.

    ``str.splitlines`` also splits at U+2028, U+0085, form feeds and other characters
    that gettext writes raw inside strings. A list of lines avoids that, and polib's
    guess whether its argument names a file.
    """

    def splitlines(self) -> list[str]:  # type: ignore[override]
        return self


def read(path: Path | str) -> polib.POFile:
    """Read a PO or POT file, never modifying it.

    Raises :class:`CatalogError` (naming the file, the line where known, and the problem)
    when the file cannot be read, is binary, is not UTF-8 or is not valid PO syntax --
    including the mistakes polib lets through but that would garble or lose a translation:
    a string without its closing quote, stray text, ``msgstr`` without ``msgid``, a file
    cut off inside an entry, a message defined twice, ``msgstr[N]`` out of order, an entry
    only partly marked obsolete (``#~``), escape sequences polib does not decode.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CatalogError(path, f"cannot be read: {error.strerror or error}") from error
    return parse(data, path)


def parse(data: bytes, path: Path | str = "<bytes>") -> polib.POFile:
    """Parse the bytes of a PO file exactly like :func:`read` (``path`` names it in errors)."""
    return loads(_decode(data, Path(path)), path)


def loads(text: str, path: Path | str = "<string>") -> polib.POFile:
    """Parse PO text like :func:`read`; ``path`` names it in errors and in ``po.fpath``."""
    lines = text.split("\n")
    if lines[0].startswith("\ufeff"):  # a byte order mark
        lines[0] = lines[0][1:]
    _SyntaxCheck(Path(path)).run(lines)
    try:
        po = polib.pofile(_Lines(lines), encoding="utf-8")
    except Exception as error:  # polib raises OSError, ValueError, IndexError...
        raise _polib_error(path, error) from error
    po.fpath = str(path)
    return po


def _polib_error(path: Path | str, error: Exception) -> CatalogError:
    """polib says "Syntax error in po file (line N)[: detail]"; keep the line and detail."""
    message = str(error)
    match = _POLIB_LINE.search(message)
    if match is None:
        return CatalogError(path, f"cannot be parsed ({message})")
    detail = message[match.end() :].lstrip(": ")
    return CatalogError(path, f"syntax error{': ' + detail if detail else ''}", int(match[1]))


def _decode(data: bytes, path: Path) -> str:
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise CatalogError(path, "is a binary file, not a PO file (it contains NUL bytes)", line)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problem = f"is not UTF-8 (byte 0x{data[error.start]:02x}); save it as UTF-8"
        raise CatalogError(path, problem, line) from None


class _LineError(ValueError):
    """A problem to report at another line than the one being read."""

    def __init__(self, number: int, problem: str) -> None:
        super().__init__(problem)
        self.number = number
        self.problem = problem


class _SyntaxCheck:
    """A line-by-line check of the PO grammar, as strict as GNU msgfmt where it matters.

    ``state`` is the last keyword read: "" between entries, "#| msgctxt", "#| msgid",
    "#| msgid_plural" for the previous source, then "msgctxt", "msgid", "msgid_plural",
    "msgstr" or "msgstr[N]".
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.state = ""
        self.obsolete = False
        self.start = 0  # line of the entry's first keyword
        self.context: str | None = None  # msgctxt and msgid as written (escaped)
        self.msgid = ""
        self.msgid_line = 0
        self.plural = -1  # the last N of msgstr[N]
        self.seen: dict[tuple[str | None, str], int] = {}  # message -> line of its msgid

    def run(self, lines: list[str]) -> None:
        for number, line in enumerate(lines, start=1):
            line = line.strip()
            if line:
                try:
                    self.line(line, number)
                except _LineError as error:
                    raise CatalogError(self.path, error.problem, error.number) from None
                except ValueError as error:
                    raise CatalogError(self.path, str(error), number) from None
        if self.state not in ("", "msgstr") and not self.state.startswith("msgstr["):
            problem = "the file ends inside this entry (is it cut off?)"
            raise CatalogError(self.path, problem, self.start)

    def line(self, line: str, number: int) -> None:
        """Check one stripped, non-blank line."""
        body, obsolete, previous = line, False, False
        if line[0] == "#":
            obsolete = line.startswith("#~")  # "#~ msgid", "#~| msgid", "#~ " a string
            body = line[2:].lstrip() if obsolete else line
            previous = body.startswith("|") if obsolete else body.startswith("#|")
            if previous:
                body = body[1 if obsolete else 2 :].lstrip()
            elif body.startswith("#") or not body:
                self.comment()
                return
        match = _GOOD_LINE.fullmatch(body)
        if match is None:
            raise ValueError(_line_problem(body))
        keyword, index, text = match.groups()
        if keyword is None:
            self.continuation(text, previous, obsolete)
        elif previous:
            self.keyword("#| " + keyword, None, text, obsolete, number)
        else:
            self.keyword(keyword, index, text, obsolete, number)

    def comment(self) -> None:
        if self.state in ("msgctxt", "msgid", "msgid_plural"):
            raise ValueError(f"comment inside the entry of line {self.start} (no msgstr yet)")
        if self.state.startswith("#|"):
            raise ValueError("comment between the previous source (#|) and its msgid")
        self.state = ""

    def continuation(self, text: str, previous: bool, obsolete: bool) -> None:
        if not self.state or previous != self.state.startswith("#|"):
            raise ValueError("a string that continues no msgid, msgstr or msgctxt")
        self.same_obsolete(obsolete)
        if self.state == "msgctxt":
            self.context = (self.context or "") + text
        elif self.state == "msgid":
            self.msgid += text

    def keyword(
        self, keyword: str, index: str | None, text: str, obsolete: bool, number: int
    ) -> None:
        name = keyword if index is None else "msgstr[N]"
        state = "msgstr[N]" if self.state.startswith("msgstr[") else self.state
        if state not in _ALLOWED_AFTER[name]:
            raise ValueError(_misplaced(keyword if index is None else f"msgstr[{index}]", state))
        if state in _ENTRY_ENDS and name != "msgstr[N]":  # a new entry
            self.start, self.obsolete = number, obsolete
            self.context, self.msgid, self.plural = None, "", -1
        else:
            self.same_obsolete(obsolete)
        if keyword == "msgctxt":
            self.context = text
        elif keyword == "msgid":
            self.msgid, self.msgid_line = text, number
        elif state == "msgid":  # msgid_plural or msgstr: the message is complete
            self.remember()
        if index is not None:
            expected = self.plural + 1
            if int(index) != expected or expected >= _MAX_PLURAL_FORMS:
                raise ValueError(f"msgstr[{index}] where msgstr[{expected}] should come")
            self.plural = expected
        self.state = keyword if index is None else f"msgstr[{index}]"

    def same_obsolete(self, obsolete: bool) -> None:
        if obsolete != self.obsolete:
            raise ValueError(f"the entry of line {self.start} is only partly marked obsolete (#~)")

    def remember(self) -> None:
        context = None if self.context is None else polib.unescape(self.context)
        msgid = polib.unescape(self.msgid)
        if context is not None and not msgid:
            raise _LineError(self.msgid_line, "an entry with msgctxt needs a non-empty msgid")
        first = self.seen.setdefault((context, msgid), self.msgid_line)
        if first != self.msgid_line:
            problem = f"this message is already defined on line {first}"
            raise _LineError(self.msgid_line, problem)


def _line_problem(body: str) -> str:
    """Why a line that should hold a keyword and/or a string does not."""
    match = _KEYWORD.match(body)
    keyword = match.group(0) if match else None
    rest = body[match.end() :].lstrip() if match else body
    if not rest.startswith('"'):
        what = f"after {keyword}" if keyword else f"instead of {body[:30]!r}"
        return f"expected a keyword or a quoted string {what}"
    string = _STRING.match(rest)
    if string is None:
        return 'the string is not closed (a " is missing at the end)'
    if rest[string.end() :].strip():
        return f"unexpected text after the string: {rest[string.end() :][:30]!r}"
    if match and not body[match.end() : match.end() + 1].isspace():
        return f"expected a space after {keyword}"
    escape = re.search(r'\\[^ntrvbf\\"]', string.group(1))
    if escape:
        return f"unsupported escape sequence {escape.group(0)} (write the character itself)"
    return "syntax error"


_ENTRY_ENDS = {"", "msgstr", "msgstr[N]"}  # states between two entries
_ALLOWED_AFTER = {  # keyword -> the states it may follow
    "#| msgctxt": _ENTRY_ENDS,
    "#| msgid": {*_ENTRY_ENDS, "#| msgctxt"},
    "#| msgid_plural": {"#| msgid"},
    "msgctxt": {*_ENTRY_ENDS, "#| msgid", "#| msgid_plural"},
    "msgid": {*_ENTRY_ENDS, "#| msgid", "#| msgid_plural", "msgctxt"},
    "msgid_plural": {"msgid"},
    "msgstr": {"msgid"},
    "msgstr[N]": {"msgid_plural", "msgstr[N]"},
}


def _misplaced(keyword: str, state: str) -> str:
    if state in ("msgid", "msgid_plural") and keyword in ("msgctxt", "msgid"):
        return f"{keyword} where a msgstr should come (the entry above has none)"
    if keyword == "msgstr" and state == "msgid_plural":
        return "msgstr after msgid_plural: use msgstr[0], msgstr[1], ..."
    if keyword.startswith("msgstr[") and state in ("msgid", "msgstr"):
        return f"{keyword} without a msgid_plural before it"
    if keyword.startswith("msgstr") and state in _ENTRY_ENDS:
        return f"{keyword} without a msgid before it"
    return f"{keyword} cannot come after {state or 'the start of an entry'}"
