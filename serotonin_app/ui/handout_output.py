"""Sending a handout to the printer, the print preview or a PDF file, from the window.

Printing never writes a file. With no printer, Qt's printer falls back to
"Print to File (PDF)" and a release once silently wrote a patient's ticked
checklist into the home folder. So: the print dialog never offers
print-to-file, a printer that would write a file is refused, and with no
printer installed Print says so in plain words (and, outside kiosk mode,
offers Save as PDF, which is an explicit choice of file). The preview is our
own dialog around ``QPrintPreviewWidget``, because Qt's stock preview has its
own print button that reaches print-to-file and a file chooser.

Every failure becomes a message for the person, never only a log line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtPrintSupport import (
    QAbstractPrintDialog,
    QPrintDialog,
    QPrinter,
    QPrinterInfo,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from serotonin_app.content.settings import ClinicSettings
from serotonin_app.printing import (
    PDF_DPI,
    Handout,
    configure_page,
    default_page_size,
    paint_handout,
    write_pdf,
)
from serotonin_app.ui.flow_layout import flow_row
from serotonin_app.ui.output_kind import Output
from serotonin_app.ui.style import palette, scale_indicator

#: Makes a handout again with or without citation marks (lessons only).
Remake = Callable[[bool], Handout]


def available_printers() -> list[str]:
    """Names of the printers the system knows; an empty list when none is installed."""
    return [info.printerName() for info in QPrinterInfo.availablePrinters()]


def new_printer(title: str) -> QPrinter:
    """A printer for the system's default printer and paper, never writing to a file."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setOutputFileName("")
    configure_page(printer, default_page_size())
    # The same resolution as the PDFs: text laid out at another one can break pages elsewhere,
    # and the preview then showed a different page count from the saved handout.
    printer.setResolution(PDF_DPI)
    printer.setDocName(title)
    return printer


@contextmanager
def file_dialog_leaves_no_history() -> Iterator[None]:
    """Put Qt's own settings back as they were after a file dialog.

    Every QFileDialog saves its folder history and last folder in Qt's settings
    (~/.config/QtProject.conf on Linux, the registry on Windows) when it closes,
    and Qt has no switch for it: the next person could see where the last one
    saved their answers. The app may write only its own preferences.
    """
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    store = Path(settings.fileName())
    existed = store.is_file()
    before = {key: settings.value(key) for key in settings.allKeys()}
    try:
        yield
    finally:
        settings.sync()  # read what the dialog wrote
        settings.clear()
        for key, value in before.items():
            settings.setValue(key, value)
        settings.sync()
        if not existed and not before:
            store.unlink(missing_ok=True)


def writes_a_file(printer: QPrinter) -> bool:
    return printer.outputFormat() != QPrinter.OutputFormat.NativeFormat or bool(printer.outputFileName())


class HandoutOutput(QObject):
    """Print, preview and Save as PDF for one window; knows kiosk mode and the clinic settings."""

    def __init__(
        self,
        window: QWidget,
        settings: ClinicSettings,
        *,
        kiosk: bool,
        status: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.kiosk = kiosk
        self.status = status
        self.preview_dialog: PreviewDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        #: The last message shown, for tests and the tour.
        self.message_box: QMessageBox | None = None

    def output(
        self, handout: Handout, how: Output, *, personal: bool = False, remake: Remake | None = None
    ) -> None:
        """``personal``: the handout holds the person's ticks or answers."""
        if how is Output.PDF:
            self.save_pdf(handout, personal=personal)
        elif how is Output.PREVIEW:
            self.preview(handout, remake=remake)
        else:
            self.print(handout, personal=personal)

    # -- printing ----------------------------------------------------------------

    def print(self, handout: Handout, *, personal: bool = False) -> None:
        printer = self._printer_or_explain(handout, personal=personal)
        if printer is None:
            return
        dialog = QPrintDialog(printer, self.window)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
        dialog.setWindowTitle(self.tr("Print: %1").replace("%1", handout.title))
        dialog.accepted.connect(lambda: self.paint(handout, printer))
        self.print_dialog = dialog
        QDialog.open(dialog)  # QPrintDialog.open() only has the (receiver, slot) overload here

    def _printer_or_explain(self, handout: Handout, *, personal: bool) -> QPrinter | None:
        """A printer, or None after telling the person why there is none."""
        if available_printers():
            return new_printer(handout.title)
        text = self.tr("No printer is set up on this computer, so nothing was printed.")
        if self.kiosk:
            self.warn(self.tr("No printer"), text + " " + self.tr("Please ask a member of staff."))
            return None
        box = self._message(
            QMessageBox.Icon.Information,
            self.tr("No printer"),
            text + " " + self.tr("You can save the handout as a PDF file instead."),
        )
        save = box.addButton(self.tr("Save as PDF…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        save.clicked.connect(lambda: self.save_pdf(handout, personal=personal))
        box.open()
        return None

    def paint(self, handout: Handout, printer: QPrinter) -> bool:
        """Paint on a real printer; refuses a printer that would write a file."""
        if writes_a_file(printer):
            self.warn(self.tr("Not printed"), self.tr("Printing to a file is turned off. Nothing was saved."))
            return False
        try:
            paint_handout(handout, self.settings, printer)
        except (OSError, RuntimeError):
            self.warn(
                self.tr("Could not print"),
                self.tr("The handout could not be printed. Check that the printer is on and try again."),
            )
            return False
        self.status(self.tr("Sent to the printer: %1").replace("%1", handout.title))
        return True

    # -- preview -----------------------------------------------------------------

    def preview(self, handout: Handout, *, remake: Remake | None = None) -> None:
        dialog = PreviewDialog(handout, self, remake=remake)
        self.preview_dialog = dialog
        dialog.open()

    # -- PDF ---------------------------------------------------------------------

    def save_pdf(self, handout: Handout, *, personal: bool = False) -> None:
        """Save as PDF: an explicit choice of file, never in kiosk mode."""
        if self.kiosk:
            return
        if not personal:
            self._choose_pdf_file(handout)
            return
        box = self._message(
            QMessageBox.Icon.Question,
            self.tr("Save your answers in a file?"),
            self.tr(
                "The PDF file will hold your ticks or answers. Anyone who uses this "
                "computer may be able to open it. Save it anyway?"
            ),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        )
        box.button(QMessageBox.StandardButton.Save).clicked.connect(lambda: self._choose_pdf_file(handout))
        box.open()

    def _choose_pdf_file(self, handout: Handout) -> None:
        suggested = str(Path.home() / f"{handout.name}.pdf")
        with file_dialog_leaves_no_history():
            path, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Save as PDF"), suggested, self.tr("PDF files (*.pdf)")
            )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            write_pdf(handout, self.settings, Path(path))
        except (OSError, RuntimeError) as exc:
            self.warn(self.tr("Could not save the PDF"), str(exc))
            return
        self.status(self.tr("Saved %1").replace("%1", path))

    # -- messages ----------------------------------------------------------------

    def _message(
        self,
        icon: QMessageBox.Icon,
        title: str,
        text: str,
        buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
    ) -> QMessageBox:
        box = QMessageBox(icon, title, text, buttons, self.window)
        self.message_box = box
        return box

    def warn(self, title: str, text: str) -> None:
        self._message(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok).open()

    def close_dialogs(self) -> None:
        """New session: nothing the last person opened stays on screen."""
        for dialog in (self.preview_dialog, self.print_dialog, self.message_box):
            if dialog is not None:
                dialog.reject()
        self.preview_dialog = self.print_dialog = self.message_box = None


class PreviewDialog(QDialog):
    """Pages as they will print, with Print, zoom, page count and (for lessons) citation marks."""

    def __init__(self, handout: Handout, output: HandoutOutput, *, remake: Remake | None = None) -> None:
        super().__init__(output.window)
        self.handout = handout
        self.output = output
        self.remake = remake
        self.setWindowTitle(self.tr("Print preview: %1").replace("%1", handout.title))
        # The preview paints on a printer object; it is never asked to print or write.
        self.printer = new_printer(handout.title)
        self.view = QPrintPreviewWidget(self.printer, self)
        self.view.setAccessibleName(self.tr("Pages as they will print"))
        # Paper is white whatever the scheme: with the high-contrast palette the preview drew
        # the pages' text white on white.
        self.view.setPalette(palette("light"))
        self.view.paintRequested.connect(self._on_paint_requested)
        self.failed = False
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setAccessibleName(self.tr("Print this handout"))
        self.print_button.clicked.connect(self._on_print_clicked)
        zoom_in = QPushButton(self.tr("Larger"))
        zoom_in.setAccessibleName(self.tr("Show the pages larger"))
        # clicked(bool) would be taken as the zoom factor.
        zoom_in.clicked.connect(lambda: self.view.zoomIn())  # noqa: PLW0108
        zoom_out = QPushButton(self.tr("Smaller"))
        zoom_out.setAccessibleName(self.tr("Show the pages smaller"))
        zoom_out.clicked.connect(lambda: self.view.zoomOut())  # noqa: PLW0108
        self.pages_label = QLabel()
        self.pages_label.setAccessibleName(self.tr("Number of pages"))
        self.citations = QCheckBox(self.tr("Show citation marks"))
        scale_indicator(self.citations)
        self.citations.setAccessibleName(self.tr("Print the lesson's citation marks"))
        self.citations.setVisible(remake is not None)
        self.citations.toggled.connect(self._on_citations_toggled)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            flow_row(self.print_button, zoom_out, zoom_in, self.citations, self.pages_label, close)
        )
        layout.addWidget(self.view, 1)
        screen = self.screen().availableGeometry()
        self.resize(min(820, int(screen.width() * 0.95)), min(900, int(screen.height() * 0.9)))
        self.view.fitInView()

    def _on_paint_requested(self, printer: QPrinter) -> None:
        try:
            pages = paint_handout(self.handout, self.output.settings, printer)
        except (OSError, RuntimeError):
            self.failed = True
            self.pages_label.setText(self.tr("The preview could not be drawn."))
            return
        self.pages_label.setText(
            self.tr("1 page") if pages == 1 else self.tr("%1 pages").replace("%1", str(pages))
        )

    def _on_citations_toggled(self, on: bool) -> None:
        if self.remake is not None:
            self.handout = self.remake(on)
            self.view.updatePreview()

    def _on_print_clicked(self) -> None:
        self.output.print(self.handout)
