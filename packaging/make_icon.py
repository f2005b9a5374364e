"""Draw the app icon (packaging/serotonin-app.png and .ico). Run once; the files are committed."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

HERE = Path(__file__).resolve().parent


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#1f6f78"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.2, size * 0.2)
    # Two "cells" joined by a gap: a synapse, the app's subject.
    painter.setBrush(QColor("#f4f1de"))
    painter.drawEllipse(QPointF(size * 0.3, size * 0.42), size * 0.17, size * 0.17)
    painter.drawEllipse(QPointF(size * 0.7, size * 0.42), size * 0.17, size * 0.17)
    painter.setPen(QPen(QColor("#f2cc8f"), size * 0.05))
    for dx in (-0.04, 0.0, 0.04):
        painter.drawPoint(QPointF(size * (0.5 + dx), size * 0.42))
    painter.setPen(QColor("#f4f1de"))
    font = QFont()
    font.setPixelSize(int(size * 0.2))
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(0, size * 0.66, size, size * 0.28), Qt.AlignmentFlag.AlignCenter, "5-HT")
    painter.end()
    return image


if __name__ == "__main__":
    app = QGuiApplication([])
    draw(256).save(str(HERE / "serotonin-app.png"))
    draw(256).save(str(HERE / "serotonin-app.ico"))
    print("written", sorted(p.name for p in HERE.glob("serotonin-app.*")))
