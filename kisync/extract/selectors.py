"""CSS selectors (``content = "main"``, ``ignore = [".cookie-banner"]``) on our HTML tree.

cssselect parses the selector; this module evaluates the parsed form against
:class:`~kisync.extract.htmltree.Element`. Supported: type, ``#id``, ``.class``,
attribute selectors, ``:not()``, ``*`` and the four combinators — what a project
file needs to point at a content region.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import cssselect
from cssselect import parser as css

from ..errors import ConfigError
from .htmltree import Element

Matcher = Callable[[Element], bool]


@cache
def compile_selector(selector: str) -> Matcher:
    """Return a predicate for a selector group; raise ConfigError if it is not supported."""
    try:
        parsed = cssselect.parse(selector)
    except cssselect.SelectorError as error:
        raise ConfigError(f"invalid CSS selector {selector!r}: {error}") from None
    if any(item.pseudo_element for item in parsed):
        raise ConfigError(f"CSS selector {selector!r}: pseudo-elements select no element")
    matchers = [_compile(item.parsed_tree, selector) for item in parsed]
    return lambda element: any(match(element) for match in matchers)


def select(root: Element, selector: str) -> list[Element]:
    """The outermost elements under ``root`` that match ``selector``, in document order."""
    matches = compile_selector(selector)
    found: list[Element] = []
    stack = [root]
    while stack:
        element = stack.pop()
        if element is not root and matches(element):
            found.append(element)
            continue  # nested matches are already inside this region
        stack.extend(c for c in reversed(element.children) if isinstance(c, Element))
    return found


def _compile(node: object, selector: str) -> Matcher:
    if isinstance(node, css.Element):
        tag = (node.element or "*").lower()
        return (lambda el: True) if tag == "*" else (lambda el: el.tag == tag)
    if isinstance(node, css.Class):
        inner = _compile(node.selector, selector)
        return lambda el: node.class_name in el.classes and inner(el)
    if isinstance(node, css.Hash):
        inner = _compile(node.selector, selector)
        return lambda el: el.get("id") == node.id and inner(el)
    if isinstance(node, css.Attrib):
        return _attribute(node, _compile(node.selector, selector))
    if isinstance(node, css.Negation):
        inner, negated = _compile(node.selector, selector), _compile(node.subselector, selector)
        return lambda el: inner(el) and not negated(el)
    if isinstance(node, css.CombinedSelector):
        return _combined(node, selector)
    raise ConfigError(
        f"CSS selector {selector!r}: {type(node).__name__.lower()} selectors are not supported; "
        "use tags, #id, .class, [attribute] and combinators"
    )


def _attribute(node: css.Attrib, inner: Matcher) -> Matcher:
    name, operator = node.attrib.lower(), node.operator
    expected = node.value.value if node.value is not None else None
    tests: dict[str, Callable[[str], bool]] = {
        "exists": lambda v: True,
        "=": lambda v: v == expected,
        "!=": lambda v: v != expected,
        "~=": lambda v: expected in v.split(),
        "|=": lambda v: v == expected or v.startswith(f"{expected}-"),
        "^=": lambda v: bool(expected) and v.startswith(expected),
        "$=": lambda v: bool(expected) and v.endswith(expected),
        "*=": lambda v: bool(expected) and expected in v,
    }
    test = tests[operator]
    return lambda el: (value := el.get(name)) is not None and test(value) and inner(el)


def _combined(node: css.CombinedSelector, selector: str) -> Matcher:
    left, right = _compile(node.selector, selector), _compile(node.subselector, selector)
    if node.combinator == " ":
        return lambda el: right(el) and any(left(a) for a in el.ancestors())
    if node.combinator == ">":
        return lambda el: right(el) and el.parent is not None and left(el.parent)
    if node.combinator in "+~":
        adjacent = node.combinator == "+"

        def matches(el: Element) -> bool:
            if not right(el) or el.parent is None:
                return False
            siblings = [c for c in el.parent.children if isinstance(c, Element)]
            before = siblings[: siblings.index(el)]
            return bool(before) and (left(before[-1]) if adjacent else any(left(s) for s in before))

        return matches
    raise ConfigError(f"CSS selector {selector!r}: combinator {node.combinator!r} not supported")
