#!/usr/bin/env bash
# Does the package work outside the checkout? Builds kisync's sdist and wheel (the wheel
# from the sdist), installs the wheel into a clean virtualenv in a temporary folder and
# runs it there, far from the repository: --version, `kisync init` and a pull of the demo
# pages with the glossary that came in the wheel, the demo project itself, stats, and
# `glossary match` with the shipped glossary. Stops with "smoke-wheel: FAILED: …" at the
# first thing that does not work.
#
# Usage: scripts/smoke-wheel.sh
#   BUILD_PYTHON  a Python with the `build` package (default: .venv/bin/python, which
#                 `pip install -e '.[test]'` provides)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build_python=${BUILD_PYTHON:-$repo/.venv/bin/python}
work=$(mktemp -d "${TMPDIR:-/tmp}/kisync-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT

fail() {
  echo "smoke-wheel: FAILED: $*" >&2
  exit 1
}

echo "smoke-wheel: building the sdist and the wheel"
"$build_python" -m build --outdir "$work/dist" "$repo" >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; fail "python -m build (log above)"; }
wheels=("$work"/dist/kisync-*.whl)
[[ -f ${wheels[0]} ]] || fail "python -m build wrote no wheel"

echo "smoke-wheel: installing ${wheels[0]##*/} into a clean virtualenv"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q "${wheels[0]}" || fail "pip install ${wheels[0]##*/}"
python=$work/venv/bin/python
kisync=$work/venv/bin/kisync

# From here on, nothing runs inside the checkout.
mkdir "$work/outside"
cd "$work/outside"

installed=$("$python" -c 'import kisync; print(kisync.__file__)')
[[ $installed == "$work/venv/"* ]] || fail "kisync was imported from $installed, not from the wheel"

"$python" - <<'EOF' || fail "the wheel lacks its package data (kisync/data/)"
from kisync.util.shipped import bridge_plugin_path, glossary_path

for path in (glossary_path(), bridge_plugin_path()):
    if not path.is_file():
        raise SystemExit(f"smoke-wheel: {path} is missing from the wheel")
EOF
shipped=$("$python" -c 'from kisync.util.shipped import glossary_path; print(glossary_path())')
cmp -s "$shipped" "$repo/glossaries/integration.tbx" \
  || fail "the wheel's glossary differs from glossaries/integration.tbx"

version=$("$python" -c 'from importlib.metadata import version; print(version("kisync"))')
[[ $("$kisync" --version) == "kisync, version $version" ]] \
  || fail "kisync --version does not say the installed version $version"

# Outside any project, `glossary match` uses the shipped glossary.
matches=$("$kisync" glossary match --format json "Anmeldung zum Integrationskurs beim BAMF") \
  || fail "kisync glossary match: the shipped glossary is missing or unreadable in the wheel"
grep -q '"concept": "integrationskurs"' <<<"$matches" \
  || fail "kisync glossary match found no Integrationskurs: $matches"

# A new project: init copies the shipped glossary, the pull writes its notes.
mkdir "$work/new"
cp -r "$repo/examples/heinsberg/portal" "$work/new/portal"
"$kisync" --project "$work/new" init --language ar --language en >/dev/null || fail "kisync init"
"$kisync" --project "$work/new" pull >/dev/null || fail "kisync pull in a new project"
grep -q "^#\. glossary: Integrationskurs" "$work/new/po/ar/bildung-sprache/integrationskurse.po" \
  || fail "kisync init + pull: no glossary notes in po/ar/bildung-sprache/integrationskurse.po"

# The demo project, its glossaries where its kisync.toml expects them (../../glossaries):
# the shipped one from the wheel, the demo's Leichte-Sprache explanations from the checkout.
mkdir -p "$work/demo/examples" "$work/demo/glossaries"
cp -r "$repo/examples/heinsberg" "$work/demo/examples/heinsberg"
rm -rf "$work/demo/examples/heinsberg/"{po,site,.kisync}
cp "$shipped" "$work/demo/glossaries/integration.tbx"
cp "$repo/glossaries/leichte-sprache.tbx" "$work/demo/glossaries/"
demo=$work/demo/examples/heinsberg
"$kisync" --project "$demo" pull || fail "kisync pull of the demo"
"$kisync" --project "$demo" stats >/dev/null || fail "kisync stats of the demo"
"$kisync" --project "$demo" stats --format json | "$python" -c '
import json, sys
languages = {item["language"] for item in json.load(sys.stdin)["languages"]}
assert languages == {"en", "ar", "fa", "tr", "uk", "ru", "de-x-ls"}, languages
' || fail "kisync stats --format json of the demo"

echo "smoke-wheel: the wheel works outside the checkout ($("$kisync" --version))"
