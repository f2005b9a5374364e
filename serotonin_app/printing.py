"""The one place that prints: print, preview, PDF and ``export`` all call it.

It sets up the page (paper size, no device margins), paints a handout on a
printer or PDF writer, and writes PDFs atomically. What is printed is built in
:mod:`serotonin_app.handouts`, laid out and painted in
:mod:`serotonin_app.page_layout`, and kept together across page breaks in
:mod:`serotonin_app.keep_together`.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QLocale, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from serotonin_app import APP_NAME
from serotonin_app.content.settings import ClinicSettings
from serotonin_app.handouts import (
    Handout,
    checklist_handout,
    lesson_handout,
    results_handout,
    worksheet_handout,
)
from serotonin_app.page_layout import PageLayout

# Kept importable from here for the window, export and tests; new code imports them where they live.
__all__ = [
    "LETTER_TERRITORIES",
    "PAGE_SIZES",
    "PDF_DPI",
    "Handout",
    "PageLayout",
    "checklist_handout",
    "configure_page",
    "default_page_size",
    "lesson_handout",
    "paint_handout",
    "results_handout",
    "worksheet_handout",
    "write_atomically",
    "write_pdf",
]

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
#: Territories that use US Letter paper; everyone else gets A4.
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "PR"})
#: Every handout is laid out at this resolution: on paper, in PDFs and in the preview.
PDF_DPI = 300

translate = QCoreApplication.translate


def default_page_size() -> str:
    """Letter where the paper locale uses it, A4 everywhere else."""
    # POSIX precedence. QLocale.system() follows LC_NUMERIC and friends, never
    # LC_PAPER, so someone who set only their paper would get the wrong size.
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        value = os.environ.get(variable)
        if value:
            # "en_US.UTF-8", "sr_RS@latin"; "C" and "POSIX" have no territory.
            territory = value.partition(".")[0].partition("@")[0].partition("_")[2]
            break
    else:
        # Windows usually sets none of them.
        territory = QLocale.system().name().partition("_")[2]
    return "Letter" if territory.upper() in LETTER_TERRITORIES else "A4"


def paint_handout(handout: Handout, settings: ClinicSettings, device: QPagedPaintDevice) -> int:
    """Lay out and paint a handout on a printer or PDF writer; returns the page count."""
    layout = PageLayout(handout, settings, device)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(translate("printing", "could not start printing"))
    try:
        return layout.paint(painter)
    finally:
        painter.end()


def configure_page(device: QPagedPaintDevice, page_size: str) -> None:
    """The one page set-up for printers, PDFs and the preview: paper size, no device margins."""
    device.setPageSize(QPageSize(PAGE_SIZES[page_size]))
    device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def write_pdf(handout: Handout, settings: ClinicSettings, path: Path, page_size: str | None = None) -> int:
    """Write a PDF atomically: a failure leaves any existing file untouched."""
    if path.exists() and not path.is_file():
        # A device such as /dev/full, a folder or a pipe: never write a handout into one.
        raise OSError(f"cannot write {path}: not a regular file")
    # Laid out in memory, then written by Python: QSaveFile said "Unknown error" for a full disk,
    # where the system's own words ("No space left on device") tell the person what to do.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(handout.title)
    writer.setCreator(APP_NAME)
    writer.setResolution(PDF_DPI)
    configure_page(writer, page_size or default_page_size())
    pages = paint_handout(handout, settings, writer)
    del writer  # finishes the PDF
    write_atomically(path, bytes(buffer.data().data()))
    return pages


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file beside ``path`` and rename it over ``path``."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise OSError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        # mkstemp makes the file private; a handout gets the mode any new file would get.
        Path(temporary).chmod(path.stat().st_mode & 0o777 if path.exists() else _new_file_mode())
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        Path(temporary).replace(path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OSError(f"cannot write {path}: {exc.strerror or exc}") from exc
        raise
