"""Machine-translation proposals against DeepL- and LibreTranslate-compatible servers.

The servers (tests/support/mtservers.py) follow the engines' published API documents;
the official ``deepl`` client talks to the DeepL one through its ``server_url`` option.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from support.demo import copy_pulled
from support.httpserver import TestServer
from support.mtservers import FakeDeepL, FakeLibreTranslate, tagged_upper

from kisync import pofile
from kisync.cli import cli
from kisync.model import PLACEHOLDER
from kisync.translate.mt.protect import Unusable, prepare, restore

KEY_ENV = "KISYNC_TEST_DEEPL_KEY"
NOTE = re.compile(r"^machine translation: (deepl|libre), \d{4}-\d\d-\d\d$", re.M)


@pytest.fixture
def deepl_server():
    fake = FakeDeepL()
    with TestServer() as server:
        fake.install(server)
        yield fake, server


@pytest.fixture
def libre_server():
    fake = FakeLibreTranslate(key="libre-key")
    with TestServer() as server:
        fake.install(server)
        yield fake, server


@pytest.fixture
def project(pulled_demo, tmp_path, deepl_server, libre_server, monkeypatch) -> Path:
    root = copy_pulled(pulled_demo, tmp_path)
    monkeypatch.setenv(KEY_ENV, deepl_server[0].key)
    monkeypatch.setenv("KISYNC_TEST_LIBRE_KEY", "libre-key")
    configure(root, deepl_server[1].url, libre_server[1].url)
    return root


def configure(root: Path, deepl_url: str, libre_url: str, routes: str = "") -> None:
    text = (root / "kisync.toml").read_text(encoding="utf-8")
    text = text.split("[machine_translation")[0]
    routes = routes or 'ar = ["deepl"]\nfa = ["deepl"]\ntr = ["libre"]\n'
    text += f"""
[machine_translation.engines.deepl]
kind = "deepl"
url = "{deepl_url}"
api_key_env = "{KEY_ENV}"
retries = 2

[machine_translation.engines.libre]
kind = "libretranslate"
url = "{libre_url}"
api_key_env = "KISYNC_TEST_LIBRE_KEY"

[machine_translation.routes]
{routes}"""
    (root / "kisync.toml").write_text(text, encoding="utf-8")


def run(root: Path, *args: str):
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def catalogs(root: Path, language: str) -> dict[Path, polib.POFile]:
    folder = root / "po" / language
    return {path: pofile.read(path) for path in sorted(folder.rglob("*.po"))}


def live(catalog: polib.POFile) -> list[polib.POEntry]:
    return [entry for entry in catalog if not entry.obsolete and entry.msgid]


def placeholders(text: str) -> list[str]:
    return sorted(match.group(0) for match in PLACEHOLDER.finditer(text))


# -- what leaves the machine, and what comes back --------------------------------------


def test_tags_go_as_xml_and_come_back_reordered_and_nested():
    msgid = "Melden Sie sich beim <a1>Jobcenter</a1> & in <b1>Raum 3</b1> an.<br1/>"
    start = msgid.index("Jobcenter")
    prepared = prepare(msgid, [(start, start + len("Jobcenter"))], tags=True)
    assert prepared.text == (
        "Melden Sie sich beim <a1><k>Jobcenter</k></a1> &amp; in <b1>Raum 3</b1> an.<br1/>"
    )
    reply = "<br1 /><b1>في <i>الغرفة</i> 3</b1>".replace("<i>", "").replace("</i>", "")
    reply += " &amp; <a1><k>Jobcenter</k></a1> سجل"
    assert restore(prepared, reply) == "<br1/><b1>في الغرفة 3</b1> & <a1>Jobcenter</a1> سجل"


@pytest.mark.parametrize(
    ("reply", "why"),
    [
        ("<a1><k>Jobcenter</k></a1> سجل", "lost or repeated </b1>, <b1>"),
        ("<a1><k>Jobcenter</k></a1><b1>x</b1><c1>y</c1>", "added the tag <c1>"),
        ("<a1><k>Jobcenter</k></a1><b1>x</b1><b1>y</b1>", "lost or repeated </b1>, <b1>"),
        ("<a1><k>Jobcentre</k></a1><b1>x</b1>", "changed 'Jobcenter'"),
        ('<a1><k>Jobcenter</k></a1><b1>x</b1><span class="x">', "not well-formed"),
    ],
)
def test_a_reply_that_drops_or_invents_a_tag_is_unusable(reply, why):
    msgid = "Beim <a1>Jobcenter</a1> in <b1>Raum 3</b1>"
    start = msgid.index("Jobcenter")
    prepared = prepare(msgid, [(start, start + 9)], tags=True)
    with pytest.raises(Unusable, match=re.escape(why)):
        restore(prepared, reply)


def test_text_only_engines_get_opaque_tokens():
    prepared = prepare("Beim <a1>Jobcenter</a1> anrufen: <x1/>", [(9, 18)], tags=False)
    assert prepared.text == "Beim [X1X][X2X][X3X] anrufen: [X4X]"
    assert "<" not in prepared.text
    back = restore(prepared, "اتصل [X4X] ب [X1X][X2X][X3X]")
    assert back == "اتصل <x1/> ب <a1>Jobcenter</a1>"
    with pytest.raises(Unusable, match=r"lost \[X4X\]"):
        restore(prepared, "اتصل ب [X1X][X2X][X3X]")


# -- pretranslate with engines ----------------------------------------------------------


def test_proposals_are_fuzzy_noted_and_keep_every_placeholder(project, deepl_server):
    fake, _ = deepl_server
    result = run(project, "pretranslate", "--lang", "ar")
    assert result.exit_code == 0, result.output
    proposed = 0
    for catalog in catalogs(project, "ar").values():
        for entry in live(catalog):
            if NOTE.search(entry.comment or ""):
                proposed += 1
                assert "fuzzy" in entry.flags
                assert placeholders(entry.msgstr) == placeholders(entry.msgid)
                assert entry.msgstr.startswith("AR: ")
    assert proposed > 100
    assert f"{proposed} machine translations" in result.output
    sent = [text for body in fake.received for text in body["text"]]
    assert all(
        body["tag_handling"] == "xml" and body["ignore_tags"] == ["k"] for body in fake.received
    )
    assert any("<k>Jobcenter</k>" in text for text in sent)
    assert not any("@" in text or "://" in text for text in sent), "addresses never leave"


def test_nothing_is_sent_for_a_language_without_route(project, deepl_server, libre_server):
    result = run(project, "pretranslate", "--lang", "en", "--lang", "uk", "--lang", "ru")
    assert result.exit_code == 0, result.output
    assert deepl_server[0].received == [] and libre_server[0].received == []
    assert deepl_server[1].count("/v2/translate") == 0


def test_finished_and_fuzzy_translations_are_never_changed(project, deepl_server):
    path = project / "po" / "ar" / "aufenthalt-asyl.po"
    catalog = pofile.read(path)
    first, second = live(catalog)[:2]
    first.msgstr = "ترجمة منتهية"
    second.msgstr = "اقتراح"
    second.flags.append("fuzzy")
    path.write_text(pofile.dumps(catalog), encoding="utf-8")
    assert run(project, "pretranslate", "--lang", "ar").exit_code == 0
    after = {entry.msgid: entry for entry in live(pofile.read(path))}
    assert after[first.msgid].msgstr == "ترجمة منتهية" and "fuzzy" not in after[first.msgid].flags
    assert after[second.msgid].msgstr == "اقتراح"
    sent = [text for body in deepl_server[0].received for text in body["text"]]
    assert first.msgid not in sent and second.msgid not in sent


def test_a_second_run_sends_nothing(project, deepl_server):
    _fake, server = deepl_server
    assert run(project, "pretranslate", "--lang", "ar").exit_code == 0
    requests = server.count("/v2/translate")
    # the translator undoes every proposal: the same German text needs one again
    for path, catalog in catalogs(project, "ar").items():
        for entry in live(catalog):
            if NOTE.search(entry.comment or ""):
                entry.msgstr = ""
                entry.flags.remove("fuzzy")
        path.write_text(pofile.dumps(catalog), encoding="utf-8")
    result = run(project, "pretranslate", "--lang", "ar")
    assert result.exit_code == 0, result.output
    assert server.count("/v2/translate") == requests
    assert "machine translations" in result.output


def test_dry_run_counts_exactly_what_the_server_then_receives(project, deepl_server, libre_server):
    result = run(project, "pretranslate", "--dry-run", "--format", "json")
    assert result.exit_code == 0, result.output
    sent = json.loads(result.output)["machine_translation"]["sent"]
    assert deepl_server[0].received == [] and libre_server[0].received == []
    by_engine = {(item["engine"], item["language"]): item for item in sent}
    assert set(by_engine) == {("deepl", "ar"), ("deepl", "fa"), ("libre", "tr")}

    assert run(project, "pretranslate").exit_code == 0
    deepl_chars = {"ar": 0, "fa": 0}
    for body in deepl_server[0].received:
        deepl_chars[body["target_lang"].lower()] += sum(len(text) for text in body["text"])
    assert by_engine["deepl", "ar"]["characters"] == deepl_chars["ar"] > 0
    assert by_engine["deepl", "fa"]["characters"] == deepl_chars["fa"] > 0
    libre_chars = sum(len(text) for body in libre_server[0].received for text in body["q"])
    assert by_engine["libre", "tr"]["characters"] == libre_chars > 0
    strings = sum(len(body["text"]) for body in deepl_server[0].received)
    assert by_engine["deepl", "ar"]["strings"] + by_engine["deepl", "fa"]["strings"] == strings


def test_a_text_only_language_gets_tokens_and_no_glossary(project, deepl_server):
    fake, _ = deepl_server
    assert run(project, "pretranslate", "--lang", "fa").exit_code == 0
    assert fake.received
    for body in fake.received:
        assert body["target_lang"] == "FA"
        assert "tag_handling" not in body and "glossary_id" not in body
        assert not any(PLACEHOLDER.search(text) for text in body["text"])
    assert any("[X1X]" in text for body in fake.received for text in body["text"])
    proposals = [
        e for c in catalogs(project, "fa").values() for e in live(c) if NOTE.search(e.comment or "")
    ]
    assert any(PLACEHOLDER.search(entry.msgstr) for entry in proposals)


def test_a_reply_that_loses_a_tag_or_changes_a_number_is_dropped_and_reported(
    project, deepl_server
):
    fake, _ = deepl_server

    def careless(text: str, target: str) -> str:
        text = re.sub(r"</?a1>", "", text)  # drops the link
        return tagged_upper(re.sub(r"\b15\b", "51", text), target)  # and changes a number

    fake.translate = careless
    result = run(project, "pretranslate", "--lang", "ar")
    assert result.exit_code == 0, result.output
    assert "machine translation by deepl dropped" in result.output
    assert re.search(
        r"po/ar/\S+\.po:\d+: machine translation by deepl dropped: .*</a1>", result.output
    )
    for catalog in catalogs(project, "ar").values():
        for entry in live(catalog):
            if "<a1>" in entry.msgid or re.search(r"\b15\b", entry.msgid):
                assert not NOTE.search(entry.comment or ""), entry.msgid
                assert not entry.msgstr
    assert re.search(r"dropped: .*15", result.output), "the number check names the number"


def test_a_quota_error_half_way_keeps_what_was_received(project, deepl_server):
    fake, _server = deepl_server
    fake.character_limit = 6_000
    result = run(project, "pretranslate", "--lang", "ar")
    assert result.exit_code == 2
    assert (
        "quota is used up" in result.output
        and "proposals received so far are kept" in result.output
    )
    kept = sum(
        1 for c in catalogs(project, "ar").values() for e in live(c) if NOTE.search(e.comment or "")
    )
    assert kept > 0

    fake.character_limit = 10_000_000
    result = run(project, "pretranslate", "--lang", "ar")
    assert result.exit_code == 0, result.output
    sent = [text for body in fake.received for text in body["text"]]
    assert len(sent) == len(set(sent)), "no text sent twice"
    more = sum(
        1 for c in catalogs(project, "ar").values() for e in live(c) if NOTE.search(e.comment or "")
    )
    assert more > kept


def test_rate_limits_are_retried(project, deepl_server):
    fake, server = deepl_server
    fake.too_many_first = 1
    result = run(project, "pretranslate", "--lang", "ar", "--page", "aufenthalt-asyl")
    assert result.exit_code == 0, result.output
    assert server.count("/v2/translate", status=429) == 1
    assert fake.received


def test_the_deepl_glossary_is_created_once_and_replaced_when_it_changes(project, deepl_server):
    fake, _server = deepl_server
    assert run(project, "pretranslate", "--lang", "ar", "--page", "aufenthalt-asyl").exit_code == 0
    assert len(fake.glossaries) == 1
    (glossary,) = fake.glossaries.values()
    assert glossary["name"].startswith("kisync DE-AR ")
    assert glossary["entries"]["Jobcenter"] == "Jobcenter"
    assert all(body.get("glossary_id") == glossary["glossary_id"] for body in fake.received)

    run(project, "pretranslate", "--lang", "ar", "--page", "bildung-sprache")
    assert list(fake.glossaries) == [glossary["glossary_id"]], "reused, not duplicated"

    tbx = project.parents[1] / "glossaries" / "integration.tbx"
    tbx.write_text(
        tbx.read_text(encoding="utf-8").replace("دورة الاندماج", "دورة اندماج"), encoding="utf-8"
    )
    run(project, "pretranslate", "--lang", "ar", "--page", "gesundheit")
    assert len(fake.glossaries) == 1 and glossary["glossary_id"] not in fake.glossaries


def test_libretranslate_gets_tokens_and_the_api_key(project, libre_server):
    fake, server = libre_server
    result = run(project, "pretranslate", "--lang", "tr")
    assert result.exit_code == 0, result.output
    assert fake.received and all(body["api_key"] == "libre-key" for body in fake.received)
    assert all(body["format"] == "text" and body["source"] == "de" for body in fake.received)
    assert server.count("/languages") == 1
    proposals = [
        e for c in catalogs(project, "tr").values() for e in live(c) if NOTE.search(e.comment or "")
    ]
    assert proposals and all("libre" in e.comment for e in proposals)


def test_an_unsupported_route_is_one_clear_line(project, deepl_server, libre_server):
    configure(project, deepl_server[1].url, libre_server[1].url, 'uk = ["libre"]\nru = ["deepl"]\n')
    libre_server[0].targets = ("en", "ar")
    result = run(project, "pretranslate", "--lang", "uk")
    assert result.exit_code == 2
    assert "no engine of the route for uk (libre) offers German into it" in result.output
    assert libre_server[0].received == []


def test_a_missing_key_is_one_line_naming_the_variable(project, monkeypatch):
    monkeypatch.delenv(KEY_ENV)
    result = run(project, "pretranslate", "--lang", "ar")
    assert result.exit_code == 2
    assert f"the environment variable {KEY_ENV} is not set" in result.output
    assert "Traceback" not in result.output


def test_no_machine_sends_nothing(project, deepl_server):
    assert run(project, "pretranslate", "--no-machine").exit_code == 0
    assert deepl_server[0].received == []


def test_a_save_during_the_run_is_kept_and_reported(project, deepl_server):
    """The engine takes its time; meanwhile a translator saves a catalog: pretranslate
    leaves that file as saved and says so (the proposals wait in the cache)."""
    fake, _ = deepl_server
    path = project / "po" / "ar" / "aufenthalt-asyl.po"

    def slow_while_a_translator_saves(text: str, target: str) -> str:
        if not path.read_text(encoding="utf-8").count("محفوظ"):
            saved = pofile.read(path)
            live(saved)[0].msgstr = "محفوظ"
            path.write_text(pofile.dumps(saved), encoding="utf-8")
        return tagged_upper(text, target)

    fake.translate = slow_while_a_translator_saves
    result = run(project, "pretranslate", "--lang", "ar")
    assert result.exit_code == 2
    assert "saved by someone else while pretranslate ran" in result.output
    kept = pofile.read(path)
    assert live(kept)[0].msgstr == "محفوظ"
    assert not any(NOTE.search(entry.comment or "") for entry in live(kept))
    requests = len(fake.received)
    assert run(project, "pretranslate", "--lang", "ar").exit_code == 0
    assert len(fake.received) == requests, "the second run takes the proposals from the cache"
    assert any(NOTE.search(entry.comment or "") for entry in live(pofile.read(path)))


def test_a_damaged_cache_is_one_line(project, deepl_server):
    cache = project / ".kisync" / "machine-translation.sqlite3"
    cache.parent.mkdir(exist_ok=True)
    cache.write_bytes(b"this is not a database" * 100)
    result = run(project, "pretranslate", "--lang", "ar")
    assert result.exit_code == 2
    assert "the machine-translation cache cannot be used" in result.output
    assert "Traceback" not in result.output
