"""The TBX-Basic DCA Schematron rules, checked with lxml.

``tests/data/tbx/TBX-Basic_DCA.sch`` (LTAC, public) uses XSLT 2 (``matches()``), which
lxml's ISO Schematron cannot run. Its rules are of a few simple shapes, so this module
reads them from the .sch file itself and checks them: the permitted ``type`` values per
element, the closed picklists, and the levels (conceptEntry / langSec / termSec) each
data category may appear at. Nothing is hard-coded that the .sch file states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

SCH = Path(__file__).resolve().parents[1] / "data" / "tbx" / "TBX-Basic_DCA.sch"
TBX = "urn:iso:std:iso:30042:ed-2"
SCH_NS = {"s": "http://purl.oclc.org/dsdl/schematron"}
LEVELS = ("conceptEntry", "langSec", "termSec")

_TYPE_RULE = re.compile(r"^tbx:(\w+)/@type$")
_CATEGORY_RULE = re.compile(r"^tbx:(\w+)\[@type='([^']+)'\]$")
_VALUE = re.compile(r"\.='([^']+)'")
_LEVEL = re.compile(r"parent::tbx:(conceptEntry|langSec|termSec)")


@dataclass
class Rules:
    types: dict[str, set[str]] = field(default_factory=dict)
    """element → permitted type values"""
    values: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    """(element, type) → closed picklist"""
    levels: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    """(element, type) → levels it may appear at"""


def load_rules(path: Path = SCH) -> Rules:
    rules = Rules()
    tree = etree.parse(str(path))
    for rule in tree.iterfind(".//s:rule", SCH_NS):
        context = rule.get("context", "")
        tests = [a.get("test", "") for a in rule.iterfind("s:assert", SCH_NS)]
        if match := _TYPE_RULE.match(context):
            rules.types[match.group(1)] = {v for t in tests for v in _VALUE.findall(t)}
        elif match := _CATEGORY_RULE.match(context):
            key = (match.group(1), match.group(2))
            for test in tests:
                if "parent::" in test:
                    rules.levels.setdefault(key, set()).update(_LEVEL.findall(test))
                elif _VALUE.search(test):
                    rules.values.setdefault(key, set()).update(_VALUE.findall(test))
    return rules


def problems(document: bytes | Path, rules: Rules | None = None) -> list[str]:
    """Every violation of the TBX-Basic DCA rules, as ``line: message``."""
    rules = rules or load_rules()
    data = document.read_bytes() if isinstance(document, Path) else document
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    found: list[str] = []
    if root.get("type") != "TBX-Basic" or root.get("style") != "dca":
        found.append(f"{root.sourceline}: root must have type='TBX-Basic' style='dca'")
    ids = {element.get("id") for element in root.iter() if element.get("id")}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        qname = etree.QName(element)
        where = element.sourceline
        if qname.namespace != TBX:
            found.append(f"{where}: element {element.tag} is not in the TBX namespace (DCT in DCA)")
            continue
        target = element.get("target")
        if target is not None and not re.match(r"https?://.+", target) and target not in ids:
            found.append(f"{where}: target {target!r} is neither an id nor an http(s) URI")
        kind = element.get("type")
        name = qname.localname
        if kind is None or name not in rules.types:
            continue
        if kind == "":
            found.append(f"{where}: empty data category on <{name}>")
        if kind not in rules.types[name]:
            found.append(f"{where}: <{name} type={kind!r}> is not permitted in TBX-Basic")
            continue
        allowed = rules.values.get((name, kind))
        value = "".join(element.itertext())
        if allowed is not None and value not in allowed:
            found.append(f"{where}: {kind} value {value!r} is not in the picklist")
        levels = rules.levels.get((name, kind))
        if name == "termNote":
            levels = {"termSec"}
        if levels is not None and _level(element) not in levels:
            found.append(f"{where}: {kind} at {_level(element)} level (allowed: {sorted(levels)})")
    return found


def _level(element: etree._Element) -> str:
    parent = element.getparent()
    while parent is not None:
        name = etree.QName(parent).localname
        if name in LEVELS:
            return name
        if not name.endswith("Grp"):
            return name
        parent = parent.getparent()
    return "root"
