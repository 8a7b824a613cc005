"""A visitor cannot leave kiosk mode or reach a file: by key, window manager, dialog, menu, drop or link."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QContextMenuEvent, QDesktopServices, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QMenuBar, QMessageBox, QToolBar

from tests.ui.helpers import click_link
from viewer.core.article import parse_article
from viewer.core.render import ArticleRenderer
from viewer.ui.kiosk.links import kiosk_allows

Key, Mod = Qt.Key, Qt.KeyboardModifier
LEAVING_KEYS = [
    ("Alt+F4", Key.Key_F4, Mod.AltModifier),
    ("Ctrl+Q", Key.Key_Q, Mod.ControlModifier),
    ("Ctrl+W", Key.Key_W, Mod.ControlModifier),
    ("Escape", Key.Key_Escape, Mod.NoModifier),
    ("F11", Key.Key_F11, Mod.NoModifier),
    ("Ctrl+O", Key.Key_O, Mod.ControlModifier),
    ("Ctrl+P", Key.Key_P, Mod.ControlModifier),
    ("Alt+Left", Key.Key_Left, Mod.AltModifier),
    ("Meta+D", Key.Key_D, Mod.MetaModifier),
    ("Ctrl+Shift+Q", Key.Key_Q, Mod.ControlModifier | Mod.ShiftModifier),
]


def visible_windows(kiosk) -> list:
    return [
        w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not kiosk and w.windowType() != Qt.WindowType.ToolTip
    ]


def still_a_kiosk(kiosk) -> bool:
    return kiosk.isVisible() and kiosk.isFullScreen() and kiosk.main.isVisible() and kiosk.main.parent() is kiosk


@pytest.fixture
def escapes(kiosk):
    """What a feature added later could bind these keys to: quit, close, leave full screen, open a file dialog."""
    happened: list[str] = []
    main = kiosk.main
    for name, key, modifiers in LEAVING_KEYS:
        action = QAction(name, main, shortcut=QKeySequence(modifiers | key))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(lambda _=False, name=name: happened.append(name))
        main.addAction(action)
    QShortcut(QKeySequence("B"), main, activated=lambda: happened.append("B"))  # a plain-key shortcut too
    return happened


@pytest.mark.parametrize(("name", "key", "modifiers"), LEAVING_KEYS, ids=[k[0] for k in LEAVING_KEYS])
def test_each_leaving_key_is_refused_and_the_kiosk_stays_full_screen(qtbot, kiosk, escapes, monkeypatch, name, key, modifiers):
    asked_for_files = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: asked_for_files.append(a) or ("", ""))
    for target in (kiosk.main.article_view, kiosk.main.filter_edit, kiosk.main.section_tree, kiosk):
        target.setFocus()
        qtbot.keyClick(target, key, modifiers)
    assert escapes == [], f"{name} reached a shortcut"
    assert still_a_kiosk(kiosk)
    assert asked_for_files == [] and visible_windows(kiosk) == []


def test_the_same_keys_do_reach_shortcuts_outside_kiosk_mode(qtbot, kiosk, escapes):
    """The check above can fail: with the kiosk's filter off, the bound keys fire."""
    kiosk.policy.uninstall()
    qtbot.keyClick(kiosk.main.article_view, Key.Key_W, Mod.ControlModifier)
    qtbot.keyClick(kiosk.main.article_view, Key.Key_B)
    assert escapes == ["Ctrl+W", "B"]
    kiosk.policy.install()


def test_typing_and_moving_still_work(qtbot, kiosk):
    qtbot.mouseClick(kiosk.main.filter_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(kiosk.main.filter_edit, "Nasal spray")
    qtbot.keyClick(kiosk.main.filter_edit, Key.Key_Backspace)
    assert kiosk.main.filter_edit.text() == "Nasal spra"
    before = kiosk.main.article_view.verticalScrollBar().value()
    qtbot.keyClick(kiosk.main.article_view, Key.Key_PageDown)
    assert kiosk.main.article_view.verticalScrollBar().value() > before


def test_escape_hides_the_keyboard_then_clears_the_search(qtbot, kiosk):
    qtbot.mouseClick(kiosk.main.filter_edit, Qt.MouseButton.LeftButton)
    assert kiosk.keyboard.isVisible()
    qtbot.keyClicks(kiosk.main.filter_edit, "nasal")
    qtbot.keyClick(kiosk.main.filter_edit, Key.Key_Escape)
    assert not kiosk.keyboard.isVisible() and kiosk.main.filter_edit.text() == "nasal"
    qtbot.keyClick(kiosk.main.filter_edit, Key.Key_Escape)
    assert kiosk.main.filter_edit.text() == "" and still_a_kiosk(kiosk)


def test_closing_the_window_is_refused(qtbot, kiosk):
    assert kiosk.close() is False
    assert still_a_kiosk(kiosk)


@pytest.mark.parametrize("shrink", ["showNormal", "showMinimized", "showMaximized"])
def test_leaving_full_screen_is_undone(qtbot, kiosk, shrink):
    getattr(kiosk, shrink)()
    qtbot.waitUntil(lambda: kiosk.isFullScreen() and kiosk.isVisible())


def test_no_menu_bar_tool_bar_or_status_bar_shows(qtbot, kiosk):
    assert [bar for bar in kiosk.findChildren(QMenuBar) if bar.isVisible()] == []
    assert not kiosk.main.statusBar().isVisible()
    tool_bar = kiosk.main.addToolBar("Added later")  # a feature that adds a tool bar is hidden as it shows
    tool_bar.addAction("Open…")
    assert not tool_bar.isVisible()
    assert [bar for bar in kiosk.findChildren(QToolBar) if bar.isVisible()] == []


def test_only_the_listed_buttons_of_the_viewer_show(qtbot, kiosk):
    from PySide6.QtWidgets import QCheckBox, QPushButton

    added = [QPushButton("Bookmark this section", kiosk.main.navigation), QCheckBox("Remember", kiosk.main.navigation)]
    for button in added:
        kiosk.main.navigation.layout().addWidget(button)
        button.show()
    assert [button.isVisible() for button in added] == [False, False]
    assert all(chip.isVisible() for chip in kiosk.main.keyword_bar.chips.values())
    qtbot.keyClicks(kiosk.main.filter_edit, "zzzzqq")
    qtbot.keyClick(kiosk.main.filter_edit, Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.main.navigation.showing_empty_state)
    assert kiosk.main.navigation.clear_button.isVisible()
    suggested = [chip for chip in kiosk.main.findChildren(QPushButton, "suggestionChip") if chip.parentWidget().isVisible()]
    assert suggested and all(chip.isVisible() and chip.height() >= 44 for chip in suggested)


def test_a_dialog_or_message_from_anywhere_is_closed_at_once(qtbot, kiosk):
    answer = QMessageBox.question(kiosk.main, "Open it in your browser?", "https://example.org")
    assert answer != QMessageBox.StandardButton.Yes  # a modal question returns refused, without anyone answering
    assert QFileDialog.getOpenFileName(kiosk.main, "Open an article")[0] == ""
    dialog = QFileDialog(kiosk.main)
    dialog.open()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    box = QMessageBox(QMessageBox.Icon.Information, "About", "<a href='https://example.org'>site</a>", parent=kiosk.main)
    box.show()
    qtbot.waitUntil(lambda: not box.isVisible())
    assert visible_windows(kiosk) == [] and still_a_kiosk(kiosk)
    qtbot.waitUntil(kiosk.notice.isVisible)
    assert kiosk.notice.text() == "That does not open on this screen."


def test_the_viewers_own_warnings_close_without_a_notice_for_the_visitor(qtbot, kiosk, write_article):
    path = write_article("# Leaflet\n\n## Part\n\nText.\n", "leaflet.md")
    kiosk.main.watcher.vanished.emit(path)  # the file watcher: the article was deleted
    qtbot.waitUntil(lambda: visible_windows(kiosk) == [])
    assert not kiosk.notice.isVisible() and still_a_kiosk(kiosk)


def test_the_dialog_check_can_fail(qtbot, kiosk):
    kiosk.policy.uninstall()
    dialog = QDialog(kiosk.main)
    dialog.show()
    assert visible_windows(kiosk) == [dialog]
    dialog.close()
    kiosk.policy.install()


def test_context_menus_do_not_open(qtbot, kiosk):
    opened = []
    for widget in (kiosk.main.article_view.viewport(), kiosk.main.filter_edit, kiosk.main.section_tree.viewport(), kiosk.main):
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 10), widget.mapToGlobal(QPoint(10, 10)))
        QApplication.sendEvent(widget, event)
        opened += [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    assert opened == []


def test_a_dropped_file_is_not_opened(qtbot, kiosk, write_article):
    other = write_article("# Another article\n\nText.\n", "other.md")
    title = kiosk.main.article.title
    for widget in (kiosk.main, kiosk.main.article_view.viewport(), kiosk.main.filter_edit):
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(other))])
        drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Mod.NoModifier)
        QApplication.sendEvent(widget, drop)
        assert not drop.isAccepted()
    assert kiosk.main.article.title == title and kiosk.main.filter_edit.text() == ""


LINKS = """# Links

[the dosing part](#dosing), [a guideline](https://example.org/guideline), [plain web](http://example.org/),
[write to us](mailto:team@example.org).

## Dosing

Start low.
"""
# Links to files that today's sanitizer drops: put in the pane directly, as a later Markdown feature may let them through.
FILE_LINKS = ["leaflet.md", "../secret.md", "/etc/x.md", "file:///etc/passwd"]


@pytest.fixture
def link_kiosk(open_kiosk, write_article, tmp_path):
    write_article("# Leaflet\n\nShort.\n", "leaflet.md")
    (tmp_path.parent / "secret.md").write_text("# Secret\n", encoding="utf-8")
    article = parse_article(LINKS)
    article.path = write_article(LINKS, "links.md")
    kiosk = open_kiosk(article)
    rendered = ArticleRenderer().render(article)
    extra = "".join(f'<p><a href="{href}">file link {n}</a></p>' for n, href in enumerate(FILE_LINKS))
    html = rendered.html.replace("</body>", extra + "</body>")
    view = kiosk.main.article_view
    view.set_document(html, rendered.anchors, tmp_path)
    return kiosk


@pytest.mark.parametrize("href", ["https://example.org/guideline", "http://example.org/", "mailto:team@example.org"])
def test_a_link_out_does_not_open_and_says_so(qtbot, link_kiosk, opened_urls, href):
    click_link(qtbot, link_kiosk.main.article_view, href)
    qtbot.waitUntil(link_kiosk.notice.isVisible)
    assert link_kiosk.notice.text() == "Links to other sites do not open on this screen."
    assert opened_urls == [] and visible_windows(link_kiosk) == []


def test_a_link_out_of_the_folder_does_not_open(qtbot, link_kiosk, opened_urls):
    for href in ("../secret.md", "/etc/x.md", "file:///etc/passwd"):
        link_kiosk.notice.hide()
        click_link(qtbot, link_kiosk.main.article_view, href)
        assert link_kiosk.notice.isVisible() and link_kiosk.notice.text() == "This link does not open on this screen."
    assert link_kiosk.main.article.title == "Links" and opened_urls == [] and visible_windows(link_kiosk) == []


def test_a_link_to_a_section_still_works(qtbot, link_kiosk, opened_urls):
    click_link(qtbot, link_kiosk.main.article_view, "#dosing")
    qtbot.waitUntil(lambda: link_kiosk.main.article_view.reading.current_anchor == "dosing")
    assert not link_kiosk.notice.isVisible() and opened_urls == []


def test_asking_the_system_to_open_an_address_is_refused(qtbot, kiosk):
    for url in ("https://example.org", "file:///etc/passwd", "mailto:a@b.org"):
        QDesktopServices.openUrl(QUrl(url))
    assert kiosk.notice.isVisible() and kiosk.notice.text() == "Links to other sites do not open on this screen."


def test_which_article_links_the_kiosk_allows(tmp_path):
    folder = tmp_path / "kiosk"
    (folder / "more").mkdir(parents=True)
    for name in ("a.md", "more/b.md", "c.txt"):
        (folder / name).write_text("# x\n", encoding="utf-8")
    (tmp_path / "outside.md").write_text("# x\n", encoding="utf-8")
    (folder / "sneaky.md").symlink_to(tmp_path / "outside.md")
    allowed = {
        "#dosing": True,
        "a.md": True,
        "a.md#part": True,
        "more/b.md": False,  # the viewer follows links to articles beside this one only
        "c.txt": False,
        "../outside.md": False,
        "sneaky.md": False,
        "missing.md": False,
        f"file://{folder}/a.md": False,
        str(folder / "a.md"): False,
        "https://example.org/a.md": False,
        "//example.org/a.md": False,
    }
    assert {href: kiosk_allows(href, folder, folder) for href in allowed} == allowed
    assert not kiosk_allows("a.md", folder, tmp_path / "elsewhere"), "an article outside the kiosk's folder"


def test_the_kiosk_limits_linked_articles_to_its_folder(kiosk, bundled_article):
    assert kiosk.main.article_links.allowed_folder == bundled_article.path.parent


SWEEP_KEYS = [getattr(Key, f"Key_F{n}") for n in range(1, 13) if n != 3] + [
    Key.Key_A, Key.Key_C, Key.Key_N, Key.Key_O, Key.Key_P, Key.Key_Q, Key.Key_S, Key.Key_T, Key.Key_V, Key.Key_W, Key.Key_X,
    Key.Key_0, Key.Key_Plus, Key.Key_Minus, Key.Key_Tab, Key.Key_Backspace, Key.Key_Delete, Key.Key_Home, Key.Key_Left,
    Key.Key_Return, Key.Key_Space, Key.Key_Escape, Key.Key_Menu, Key.Key_Print, Key.Key_Back, Key.Key_HomePage,
]  # fmt: skip
SWEEP_MODIFIERS = [
    Mod.NoModifier, Mod.ShiftModifier, Mod.ControlModifier, Mod.AltModifier, Mod.MetaModifier,
    Mod.ControlModifier | Mod.ShiftModifier, Mod.ControlModifier | Mod.AltModifier, Mod.AltModifier | Mod.ShiftModifier,
]  # fmt: skip


def test_a_sweep_of_keys_and_chords_fires_no_shortcut(qtbot, kiosk, monkeypatch):
    """Whatever a later feature binds to these, nothing fires (F3 is the search's own, tried below)."""
    fired: list[str] = []
    for key in SWEEP_KEYS:
        for modifiers in SWEEP_MODIFIERS:
            name = QKeySequence(modifiers | key).toString()
            action = QAction(name, kiosk.main, shortcut=QKeySequence(modifiers | key))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.triggered.connect(lambda _=False, name=name: fired.append(name))
            kiosk.main.addAction(action)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: pytest.fail("a file dialog was asked for"))
    for key in SWEEP_KEYS:
        for modifiers in SWEEP_MODIFIERS:
            qtbot.keyClick(kiosk.main.article_view, key, modifiers)
    assert fired == []
    assert still_a_kiosk(kiosk) and visible_windows(kiosk) == []


def test_f3_still_steps_through_the_hits(qtbot, kiosk):
    qtbot.keyClicks(kiosk.main.filter_edit, "ketamine")
    qtbot.keyClick(kiosk.main.filter_edit, Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.main.search.result is not None)
    view = kiosk.main.article_view
    places = [view.verticalScrollBar().value()]
    for _ in range(6):
        qtbot.keyClick(view, Key.Key_F3)
        places.append(view.verticalScrollBar().value())
    assert len(set(places)) > 1, "F3 moved to other hits"


def test_the_bookmarks_tab_is_hidden_and_a_reset_shows_the_sections(qtbot, kiosk):
    from PySide6.QtWidgets import QTabBar

    assert [bar for bar in kiosk.main.findChildren(QTabBar) if bar.isVisible()] == []
    kiosk.main.desk.show_bookmarks()  # as the Ctrl+B command would, were it not switched off
    assert not kiosk.main.navigation.isVisible()
    kiosk.reset_to_start()
    assert kiosk.main.navigation.isVisible()


def test_the_mouse_back_and_forward_buttons_do_not_walk_the_last_visitors_path(qtbot, kiosk):
    from tests.ui.helpers import click_row

    click_row(qtbot, kiosk.main.section_tree, "B. Intranasal")
    click_row(qtbot, kiosk.main.section_tree, "A. Definition")
    here = kiosk.main.article_view.reading.current_anchor
    for button in (Qt.MouseButton.BackButton, Qt.MouseButton.ForwardButton, Qt.MouseButton.MiddleButton):
        qtbot.mouseClick(kiosk.main.article_view.viewport(), button, pos=QPoint(50, 50))
    assert kiosk.main.article_view.reading.current_anchor == here


def test_a_linked_article_in_the_folder_opens_and_a_reset_comes_back(qtbot, open_kiosk, write_article):
    write_article("# Leaflet\n\n## Part\n\nShort.\n", "leaflet.md")
    text = "# Home\n\nSee [the leaflet](leaflet.md).\n\n## More\n\nText.\n"
    article = parse_article(text)
    article.path = write_article(text, "home.md")
    kiosk = open_kiosk(article)
    click_link(qtbot, kiosk.main.article_view, "leaflet.md")
    qtbot.waitUntil(lambda: kiosk.main.article.title == "Leaflet")
    assert not kiosk.notice.isVisible() and still_a_kiosk(kiosk)
    kiosk.reset_to_start()
    assert kiosk.main.article.title == "Home"
