"""Reader and shared-PC features: search, find, zoom, schemes, keyboard, names, sessions, kiosk."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QAccessible, QPalette, QWheelEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from serotonin_app.cli import make_renderer, render_cache
from serotonin_app.content.library import load_library
from serotonin_app.content.navigation import Place
from serotonin_app.content.quiz import Mode
from serotonin_app.ui.lesson_rendering import LessonRendering
from serotonin_app.ui.main_window import MainWindow
from serotonin_app.ui.view_settings import DEFAULT_ZOOM
from tests.conftest import BUNDLED, WritePack
from tests.ui.conftest import MakeWindow


def test_search_finds_a_glossary_only_word_in_two_keystrokes(
    qtbot: QtBot, bundled_window: MainWindow
) -> None:
    qtbot.keyClick(bundled_window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    box = bundled_window.search_panel.box
    assert box.hasFocus()
    qtbot.keyClicks(box, "jumpier")
    panel = bundled_window.search_panel
    assert panel.isVisible()
    assert [(hit.entry.kind, hit.entry.title) for hit in panel.hits] == [("glossary", "Hyperreflexia")]
    # The chosen result is drawn in the highlighted-text colour, readable in every scheme.
    label = panel.results.itemWidget(panel.results.item(0))
    assert label is not None
    assert label.palette().color(QPalette.ColorRole.Text) == panel.results.palette().color(
        QPalette.ColorRole.HighlightedText
    )
    qtbot.keyClick(box, Qt.Key.Key_Return)
    glossary = bundled_window.content_tabs.glossary_page
    assert bundled_window.content_tabs.current_content() is glossary
    assert glossary is not None and glossary.highlighted == "hyperreflexia"
    assert not panel.isVisible()


def test_search_result_opens_the_lesson_section_and_selects_the_match(
    qtbot: QtBot, bundled_window: MainWindow
) -> None:
    box = bundled_window.search_panel.box
    qtbot.keyClicks(box, "craving")
    hits = bundled_window.search_panel.hits
    row = next(i for i, hit in enumerate(hits) if hit.entry.kind == "lesson")
    for _ in range(row):
        qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    hit = hits[row]
    page = bundled_window.pages[hit.entry.id]
    assert bundled_window.content_tabs.current_page() is page
    assert page.view.textCursor().selectedText().casefold().startswith("craving")
    assert hit.snippet_html.count("<b>") == 1


def test_find_in_lesson_counts_and_moves(qtbot: QtBot, bundled_window: MainWindow) -> None:
    page = bundled_window.pages["neurotransmitters"]
    bundled_window.navigator.open(Place("lesson", "neurotransmitters"))
    qtbot.keyClick(bundled_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = bundled_window.find_bar
    assert bar.isVisible() and bar.box.hasFocus()
    qtbot.keyClicks(bar.box, "dopamine")
    expected = page.view.toPlainText().casefold().count("dopamine")
    assert expected > 3
    assert bar.count.text() == f"1 of {expected}"
    qtbot.keyClick(bar.box, Qt.Key.Key_Return)
    assert bar.count.text() == f"2 of {expected}"
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    assert bar.count.text() == f"1 of {expected}"
    assert page.view.textCursor().selectedText().casefold() == "dopamine"
    qtbot.keyClick(bar.box, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_zoom_scales_views_and_persists_across_two_instances(
    qtbot: QtBot, tmp_path: Path, preferences: QSettings
) -> None:
    library, _ = load_library([BUNDLED])
    first = MainWindow(
        library, LessonRendering(library, render_cache(), make_renderer), preferences=preferences
    )
    qtbot.addWidget(first)
    first.show()
    first.activateWindow()
    qtbot.waitUntil(first.isActiveWindow)
    view = first.pages["neurotransmitters"].view
    before = view.font().pointSizeF()
    qtbot.keyClick(first, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(first, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert first.view_settings.zoom == DEFAULT_ZOOM + 2
    assert view.font().pointSizeF() > before
    assert first.content_tabs.glossary_page is not None
    assert first.content_tabs.glossary_page.view.font().pointSizeF() == view.font().pointSizeF()
    wheel = QWheelEvent(
        QPointF(5, 5), QPointF(5, 5), QPoint(0, 0), QPoint(0, 120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(view.viewport(), wheel)
    assert first.view_settings.zoom == DEFAULT_ZOOM + 3
    qtbot.keyClick(first, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    first.close()

    second = MainWindow(
        library,
        LessonRendering(library, render_cache(), make_renderer),
        preferences=QSettings(preferences.fileName(), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(second)
    second.show()
    second.activateWindow()
    qtbot.waitUntil(second.isActiveWindow)
    assert second.view_settings.zoom == DEFAULT_ZOOM + 2
    qtbot.keyClick(second, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert second.view_settings.zoom == DEFAULT_ZOOM


@pytest.mark.parametrize("scheme", ["light", "high-contrast"])
def test_schemes_keep_text_readable(bundled_window: MainWindow, scheme: str) -> None:
    bundled_window.contrast_action.setChecked(scheme == "high-contrast")
    bundled_window.view_settings.apply_scheme()
    assert bundled_window.view_settings.name == scheme
    palette = bundled_window.pages["balancing"].view.palette()
    text, base = palette.text().color(), palette.base().color()
    assert abs(text.lightness() - base.lightness()) > 150
    if scheme == "high-contrast":
        assert base.lightness() == 0 and text.lightness() == 255


def test_keyboard_moves_between_tabs_and_lists_shortcuts(qtbot: QtBot, bundled_window: MainWindow) -> None:
    qtbot.keyClick(bundled_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert bundled_window.tabs.currentIndex() == 2
    qtbot.keyClick(bundled_window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert bundled_window.tabs.currentIndex() == 3
    bundled_window.previous_tab_action.trigger()
    assert bundled_window.tabs.currentIndex() == 2
    bundled_window.shortcuts_action.trigger()
    dialog = bundled_window.help_dialog
    assert dialog is not None and dialog.isVisible()
    text = str(dialog.property("text"))
    for words in ("Ctrl+K", "Ctrl+F", "Ctrl+Shift+N", "Alt+Left", "Quiz: choose an answer"):
        assert words in text


def _unnamed(window: QWidget) -> list[str]:
    missing = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisibleTo(window) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            missing.append(
                f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}"
            )
    return missing


def test_every_focusable_widget_has_an_accessible_name(qtbot: QtBot, bundled_window: MainWindow) -> None:
    window = bundled_window
    missing: list[str] = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        missing += _unnamed(window)
    quizzes = window.content_tabs.quizzes_page
    assert quizzes is not None
    window.navigator.open(Place("quiz", "neurotransmitters"))
    quizzes.start(Mode.PRACTICE, seed=0)
    missing += _unnamed(window)
    window.open_find()
    qtbot.keyClicks(window.search_panel.box, "serotonin")
    missing += _unnamed(window)
    assert sorted(set(missing)) == []


def test_new_session_clears_every_kind_of_state(qtbot: QtBot, bundled_window: MainWindow) -> None:
    window = bundled_window
    quizzes, checklists, glossary = (
        window.content_tabs.quizzes_page,
        window.content_tabs.checklists_page,
        window.content_tabs.glossary_page,
    )
    assert quizzes is not None and checklists is not None and glossary is not None
    window.navigator.open(Place("quiz", "addiction"))
    quizzes.start(Mode.PRACTICE, seed=0)
    quizzes.pick(1)
    quizzes.submit()
    window.navigator.open(Place("checklist", "serotonin-syndrome"))
    next(iter(checklists.boxes.values())).setChecked(True)
    qtbot.keyClicks(glossary.search, "synapse")
    qtbot.keyClicks(window.search_panel.box, "dopamine")
    window.navigator.open(Place("lesson", "balancing", "exercise"))
    window.open_find()
    qtbot.keyClicks(window.find_bar.box, "sleep")
    assert window.session.history.can_go_back()

    qtbot.keyClick(
        window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )

    assert quizzes.session is None and quizzes.stack.currentWidget() is quizzes.start_panel
    assert window.session.is_empty  # nothing of the last person is held anywhere
    assert not any(window.session.ticks.values())
    assert not any(box.isChecked() for box in checklists.boxes.values())
    assert glossary.search.text() == "" and window.search_panel.box.text() == ""
    assert not window.search_panel.isVisible() and not window.find_bar.isVisible()
    assert not window.session.history.can_go_back() and not window.session.history.can_go_forward()
    assert window.tabs.currentIndex() == 0
    assert window.pages["balancing"].view.verticalScrollBar().value() == 0


def test_idle_reset_counts_down_then_starts_a_new_session(
    qtbot: QtBot, make_window: MakeWindow, write_pack: WritePack
) -> None:
    window = make_window([BUNDLED])
    idle = window.idle
    assert idle is not None
    idle.idle.setInterval(120)  # the clinic's minimum is a minute; a test cannot wait that long
    idle.restart()
    idle.tick.setInterval(20)
    checklists = window.content_tabs.checklists_page
    assert checklists is not None
    window.navigator.open(Place("checklist", "mood-symptoms"))
    next(iter(checklists.boxes.values())).setChecked(True)
    with qtbot.waitSignal(idle.countdownStarted, timeout=3000):
        pass
    assert idle.notice.isVisible()
    assert "Still there? Touch any key." in idle.notice.title.text()
    qtbot.keyClick(window, Qt.Key.Key_Shift)  # someone is there: the countdown stops
    assert not idle.counting_down and not idle.notice.isVisible()
    assert checklists.ticked()
    with qtbot.waitSignal(idle.timedOut, timeout=5000):
        pass
    assert not checklists.ticked()
    assert window.tabs.currentIndex() == 0


def test_idle_reset_can_be_turned_off(make_window: MakeWindow, write_pack: WritePack) -> None:
    window = make_window([BUNDLED, write_pack({"clinic.toml": "idle_reset_minutes = 0\n"})])
    assert window.idle is None


def test_kiosk_hides_save_as_pdf_and_quit_but_allows_print(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window([BUNDLED], kiosk=True)
    assert not window.pdf_action.isVisible() and not window.pdf_action.isEnabled()
    assert not window.quit_action.isEnabled() and window.quit_action.shortcut().isEmpty()
    assert window.print_action.isEnabled()
    toolbar_buttons = [b.text() for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    assert "Save as PDF…" not in toolbar_buttons
    window.close()
    assert window.isVisible()  # a patient cannot close it
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window,
        Qt.Key.Key_Q,
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not window.isVisible()


def test_about_shows_version_folders_summary_and_sources(bundled_window: MainWindow) -> None:
    from serotonin_app import __version__

    bundled_window.about_action.trigger()
    dialog = bundled_window.help_dialog
    assert dialog is not None
    text = str(dialog.property("text"))
    assert __version__ in text
    assert str(BUNDLED) in text
    assert bundled_window.library.summary() in text
    assert "S11 Moncrieff J" in text


def test_about_lists_each_lessons_own_sources_under_its_title(
    make_window: MakeWindow, write_pack: WritePack
) -> None:
    from PySide6.QtWidgets import QTextBrowser

    from tests.conftest import lesson_text

    # The pack numbers its sources from S1, as the bundled lessons do.
    text = lesson_text("sleep", "Sleep and mood", 5, {"Body": "A fact. [S1] Another. [S2]"})
    pack = write_pack(
        {
            "lessons/sleep.md": text.replace(
                "- **S1** A source.\n",
                "- **S1** Walker M. *Why we sleep.* 2017. (abstract read)\n- **S2** Clinic sleep leaflet.\n",
            )
        }
    )
    window = make_window([BUNDLED, pack])
    window.show_about()
    dialog = window.help_dialog
    assert dialog is not None
    shown = str(dialog.property("text"))
    sources = shown[shown.index("\nSources\n") :]
    titles = [lesson.title for lesson in window.library.lessons]
    assert titles[-1] == "Sleep and mood"
    starts = [sources.index(f"\n{title}\n") for title in titles]
    assert starts == sorted(starts)
    ends = [*starts[1:], len(sources)]
    parts = {title: sources[start:end] for title, start, end in zip(titles, starts, ends, strict=True)}
    assert "\nS1 Bamalan OA, Al Khalili Y. Physiology, Serotonin." in parts["Neurotransmitters"]
    assert "\nS11 Moncrieff J" in parts["What helps low mood"]
    assert parts["Sleep and mood"].split("\n")[2:] == [
        "S1 Walker M. Why we sleep. 2017.",
        "S2 Clinic sleep leaflet.",
    ]
    # A long list scrolls inside a dialog that fits on the screen.
    view = dialog.findChild(QTextBrowser)
    assert view is not None and view.verticalScrollBar().maximum() > 0
    assert dialog.height() <= window.screen().availableGeometry().height()


def test_a_quiz_search_result_shows_the_question_not_its_answer(
    qtbot: QtBot, bundled_window: MainWindow
) -> None:
    from PySide6.QtWidgets import QLabel

    panel = bundled_window.search_panel
    qtbot.keyClicks(panel.box, "reuptake")
    rows = [
        label.text()
        for index in range(panel.results.count())
        if isinstance(label := panel.results.itemWidget(panel.results.item(index)), QLabel)
    ]
    quiz_rows = [row for row in rows if "Quiz:" in row]
    assert len(quiz_rows) == 1 and "reuptake" in quiz_rows[0]
    # The right answer to 'What does "reuptake" mean?' is not given away.
    assert "taking serotonin back in" not in quiz_rows[0]
    panel.clear()
    qtbot.keyClicks(panel.box, "tryptophan")
    assert not any("building block" in hit.entry.title for hit in panel.hits if hit.entry.kind == "quiz")
