"""Every text handed to Qt's translation tools is a literal, so ``pyside6-lupdate`` can find it.

lupdate reads the source, it does not run it: it records ``tr("…")``,
``translate("Context", "…")`` and ``QT_TRANSLATE_NOOP("Context", "…")`` only
when the context and the text are string literals and the call has no keyword
arguments. A variable, an f-string or a concatenation is silently skipped (or,
for an f-string, recorded with the wrong text), and that string is never
translated. Text from a table is marked with ``QT_TRANSLATE_NOOP`` where the
table is written and translated with a differently named function where it is
shown (``content.messages.translate_marked`` or ``translate_in``), which lupdate
does not read: a literal handed to those is never extracted.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "serotonin_app"
#: Call name -> index of the text argument; the context, when there is one, comes just before it.
TEXT_ARGUMENT = {"tr": 0, "QT_TR_NOOP": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}
#: What a ``….translate(context, text)`` call is made on when it translates (other ``translate`` methods move
#: painters or map characters).
TRANSLATORS = frozenset({"QCoreApplication", "QGuiApplication", "QApplication", "messages"})
#: Call name -> index of the text argument, for functions that translate text marked elsewhere.
MARKED_TEXT_ARGUMENT = {"translate_marked": 1, "translate_in": 2}

#: Calls lupdate cannot read today, as (file, the call as ``ast.unparse`` writes it).
#: To be fixed in issue 13: each one fixed is removed here (the test fails while a stale entry is left).
KNOWN_OFFENDERS: Counter[tuple[str, str]] = Counter({})


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return node.id if isinstance(node, ast.Name) else ""


def _name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return ""


def _is_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _is_text(node: ast.expr) -> bool:
    """A literal, an f-string or text built from one: what only a QT_TRANSLATE_NOOP can hand over."""
    if isinstance(node, ast.BinOp):
        return _is_text(node.left) or _is_text(node.right)
    return _is_literal(node) or isinstance(node, ast.JoinedStr)


def unreadable_calls(tree: ast.AST) -> Iterator[tuple[ast.Call, str]]:
    """Translation calls in ``tree`` that lupdate would miss or record wrongly, and why."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node)
        if name in MARKED_TEXT_ARGUMENT:
            index = MARKED_TEXT_ARGUMENT[name]
            if len(node.args) > index and _is_text(node.args[index]):
                yield (
                    node,
                    "a literal given to translate_marked() or translate_in(): mark it with QT_TRANSLATE_NOOP",
                )
            continue
        if name not in TEXT_ARGUMENT:
            continue
        receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
        if name == "translate" and receiver is not None and _dotted(receiver) not in TRANSLATORS:
            continue  # str.translate(table), QPainter.translate(dx, dy): not translations
        index = TEXT_ARGUMENT[name]
        if name == "tr" and receiver is None:
            # lupdate files a bare tr("…") under an empty context, whatever the wrapper passes to Qt.
            yield node, "a bare tr() call: lupdate gives it no context"
        elif name == "tr" and receiver is not None and _dotted(receiver) != "self":
            # lupdate files parent.tr("…") under the context "parent"; Qt looks it up under parent's class.
            yield node, "tr() on something other than self: lupdate files it under that name"
        elif node.keywords:
            yield node, "keyword arguments"
        elif len(node.args) <= index:
            yield node, "no text argument"
        elif index and not _is_literal(node.args[index - 1]):
            yield node, "the context is not a string literal"
        elif not _is_literal(node.args[index]):
            yield node, "the text is not a string literal"


def offenders() -> Counter[tuple[str, str]]:
    found: Counter[tuple[str, str]] = Counter()
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for call, _ in unreadable_calls(tree):
            found[(path.relative_to(PACKAGE).as_posix(), ast.unparse(call))] += 1
    return found


def test_every_translated_text_is_a_literal() -> None:
    found = offenders()
    new = found - KNOWN_OFFENDERS
    fixed = KNOWN_OFFENDERS - found
    assert not new, "lupdate cannot read these calls; use literals (see content/messages.py)"
    assert not fixed, "these calls are fixed or gone: remove them from KNOWN_OFFENDERS"


def _reasons(source: str) -> list[str]:
    return [reason for _, reason in unreadable_calls(ast.parse(source))]


def test_the_walker_flags_what_lupdate_misses() -> None:
    assert _reasons('translate("c", "x {n}").format(n=1)') == []
    assert _reasons('QT_TRANSLATE_NOOP("c", "a " "b")') == []
    assert _reasons('self.tr("Quit")') == []
    assert _reasons("text.translate(TABLE)") == []
    assert _reasons('translate_marked("c", name)') == []
    assert _reasons("translate_in(language, CONTEXT, DEFAULT_EMERGENCY)") == []
    assert _reasons('messages.translate_in("es", "c", NAMES[kind])') == []
    marked = "a literal given to translate_marked() or translate_in(): mark it with QT_TRANSLATE_NOOP"
    assert _reasons('translate_in(language, "c", "your clinic")') == [marked]
    assert _reasons('translate_marked("c", f"{n} items")') == [marked]
    assert _reasons('translate_marked("c", "a " + b)') == [marked]
    assert _reasons('translate("c", "x {n}", n=3)') == ["keyword arguments"]
    assert _reasons('translate(CONTEXT, "x")') == ["the context is not a string literal"]
    assert _reasons('self.tr(f"{n} items")') == ["the text is not a string literal"]
    assert _reasons('self.tr("a" + b)') == ["the text is not a string literal"]
    assert _reasons("QCoreApplication.translate('c', NAMES[kind])") == ["the text is not a string literal"]
    assert _reasons("translate(label)") == ["no text argument"]
    assert _reasons("painter.translate(x, y)") == []
    assert _reasons('messages.translate("c", text)') == ["the text is not a string literal"]
    assert _reasons('tr("Page %1")') == ["a bare tr() call: lupdate gives it no context"]


def test_the_walker_flags_tr_on_another_object() -> None:
    other = "tr() on something other than self: lupdate files it under that name"
    assert _reasons('parent.tr("Keyboard shortcuts")') == [other]
    assert _reasons('self.window.tr("Quit")') == [other]
    assert _reasons('QCoreApplication.translate("HelpDialogs", "Keyboard shortcuts")') == []
    assert _reasons('self.tr("Quit")') == []


def _literal_messages(paths: list[Path]) -> set[tuple[str, str]]:
    """(context, text) of every readable ``translate`` and ``QT_TRANSLATE_NOOP`` call in ``paths``."""
    found = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or _name(node) not in {"translate", "QT_TRANSLATE_NOOP"}:
                continue
            texts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if not node.keywords and len(texts) == len(node.args) == 2:
                found.add((texts[0], texts[1]))
    return found


def _lupdate() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    return str(beside) if beside.exists() else shutil.which("pyside6-lupdate")


def test_lupdate_finds_the_content_messages(tmp_path: Path) -> None:
    """What lupdate extracts from content/ is exactly what the code translates (a tenth of a second)."""
    tool = _lupdate()
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed")
    sources = sorted((PACKAGE / "content").glob("*.py"))
    ts = tmp_path / "content.ts"
    # lupdate reads .py files only when they are named; given the folder it finds none.
    subprocess.run([tool, *map(str, sources), "-ts", str(ts)], check=True, capture_output=True)
    extracted = {
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in ElementTree.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    }
    expected = _literal_messages(sources)
    assert ("content.problems", "{count:,} more problems in this file are not shown") in expected
    assert ("content.settings", "your local emergency number") in expected
    assert expected <= extracted, "lupdate misses these"
    assert extracted <= expected, "lupdate finds text the code never translates"
