"""A cheap check of the source: every widget string that could be taken for rich text goes through viewer.ui.plain_text.

The whole-window walk (test_window_walk.py) proves the rule at run time for the widgets that exist;
this finds a new widget that forgets it before anyone opens a hostile article. Written with a
literal string, a tooltip or label cannot carry article text, so literals are allowed.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "viewer" / "ui"
RULE_HOME = UI / "plain_text.py"
# Calls that show their text as rich text when it looks like HTML; plain_text has the safe ones.
FORBIDDEN_CALLS = {
    "QLabel": "plain_text.label(...)",
    "QMessageBox": "plain_text.message(...)",
    "QMessageBox.warning": "plain_text.tell(...)",
    "QMessageBox.information": "plain_text.tell(...)",
    "QMessageBox.critical": "plain_text.tell(...)",
    "QMessageBox.question": "plain_text.ask(...)",
    "QMessageBox.about": "plain_text.tell(...)",
    "QToolTip.showText": "plain_text.show_tooltip(...)",
    "QWhatsThis.showText": "plain_text.show_tooltip(...)",
}
# Setters whose argument must be a literal or come from the named plain_text function.
GUARDED_SETTERS = {"setToolTip": "plain_text.tooltip", "setWhatsThis": "plain_text.tooltip"}
RICH_FORMATS = {"RichText", "AutoText", "MarkdownText"}


def ui_modules() -> list[Path]:
    return sorted(path for path in UI.rglob("*.py") if path != RULE_HOME)


def breaches(source: str) -> list[str]:
    """Where *source* shows a string in a way Qt could take for rich text, bypassing plain_text."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = ast.unparse(node.func)
        short = name.removeprefix("QtWidgets.")
        if short in FORBIDDEN_CALLS:
            found.append(f"line {node.lineno}: {name}(...) — use {FORBIDDEN_CALLS[short]}")
        method = name.rpartition(".")[2]
        if method in GUARDED_SETTERS and node.args and not _safe(node.args[0], GUARDED_SETTERS[method]):
            found.append(f"line {node.lineno}: {method}({ast.unparse(node.args[0])}) — use {GUARDED_SETTERS[method]}(...)")
        if method == "setTextFormat" and node.args and ast.unparse(node.args[0]).rpartition(".")[2] in RICH_FORMATS:
            found.append(f"line {node.lineno}: {ast.unparse(node)} — article text must stay plain")
        tooltip_data = method == "setData" and len(node.args) >= 2 and ast.unparse(node.args[1]).endswith("ToolTipRole")
        if tooltip_data and not _safe(node.args[0], "plain_text.tooltip"):
            found.append(f"line {node.lineno}: a ToolTipRole value not from plain_text.tooltip(...)")
    return found


def _safe(argument: ast.expr, function: str) -> bool:
    """A literal, a module constant (NAMED_LIKE_THIS), a choice between such, or a call of *function*."""
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return True
    if isinstance(argument, ast.Name) and argument.id.isupper():
        return True
    if isinstance(argument, ast.IfExp):
        return _safe(argument.body, function) and _safe(argument.orelse, function)
    return isinstance(argument, ast.Call) and ast.unparse(argument.func) == function


@pytest.mark.parametrize("module", ui_modules(), ids=lambda path: str(path.relative_to(UI)))
def test_every_ui_module_shows_text_through_plain_text(module):
    assert breaches(module.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "source",
    [
        "label = QLabel(keyword)",
        "box = QMessageBox(icon, title, text)",
        "QMessageBox.warning(self, 'Cannot open', str(error))",
        "chip.setToolTip(f'Show {keyword}')",
        "item.setToolTip(section.title)",
        "label.setTextFormat(Qt.TextFormat.RichText)",
        "item.setData(title, Qt.ItemDataRole.ToolTipRole)",
        "QToolTip.showText(position, title, self)",
    ],
)
def test_the_check_finds_each_way_around_the_rule(source):
    assert len(breaches(source)) == 1


def test_the_check_lets_the_rule_through():
    source = """
chip.setToolTip(plain_text.tooltip(f"Show {keyword}"))
button.setToolTip("Type words to find")
star.setToolTip("Remove the bookmark" if marked else BOOKMARK_NOTE)
label = plain_text.label(objectName="status")
item.setData(plain_text.tooltip(title), Qt.ItemDataRole.ToolTipRole)
label.setTextFormat(Qt.TextFormat.PlainText)
"""
    assert breaches(source) == []
