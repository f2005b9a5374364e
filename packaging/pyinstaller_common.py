"""Shared by build.spec and benchmarks/bare.spec, so the size comparison is fair."""

from __future__ import annotations

# Qt modules the app does not use. PySide6-Essentials ships them; the hooks
# would otherwise pull some in through shiboken's signature module.
QT_EXCLUDES = [
    f"PySide6.{name}"
    for name in (
        "QtNetwork", "QtQml", "QtQuick", "QtQuickWidgets", "QtQuickControls2", "QtOpenGL",
        "QtOpenGLWidgets", "QtSql", "QtTest", "QtXml", "QtDBus", "QtConcurrent", "QtDesigner",
        "QtHelp", "QtUiTools", "QtSvgWidgets", "QtNetworkAuth", "QtMultimedia", "QtPdf",
        "QtPdfWidgets", "QtWebSockets", "QtSerialPort", "QtBluetooth", "QtPositioning",
        "QtStateMachine", "QtCharts", "QtDataVisualization", "Qt3DCore",
    )
]  # fmt: skip
# readline (and the terminal libraries it links) is for interactive prompts, which a bundle has none of.
# pkg_resources is imported only on Pythons before 3.9 (by textstat), but once bundled its runtime
# hook ran at every start: about 110 ms of the frozen app's start-up.
PY_EXCLUDES = [
    "tkinter", "unittest", "pydoc", "doctest", "test", "lib2to3", "pytest", "hypothesis", "readline",
    "pkg_resources", "setuptools",
]  # fmt: skip

# Plugins the app needs: platforms (every OS), image formats it may show, print support.
KEEP_PLUGIN_DIRS = {
    "platforms", "platformthemes", "imageformats", "printsupport", "styles", "xcbglintegrations",
    "wayland-shell-integration", "wayland-decoration-client", "wayland-graphics-integration-client",
}  # fmt: skip


def keep(dest: str, languages: tuple[str, ...] = ()) -> bool:
    """Drop Qt's translations but those of ``languages``, and plugin folders the app never loads."""
    path = dest.replace("\\", "/")
    if "/Qt/translations/" in path or (path.endswith(".qm") and "serotonin_app/translations/" not in path):
        name = path.rsplit("/", 1)[-1]
        return any(name == f"qtbase_{code}.qm" for code in languages)
    if "/plugins/" in path:
        folder = path.split("/plugins/", 1)[1].split("/", 1)[0]
        return folder in KEEP_PLUGIN_DIRS
    return True


def prune(toc: list[tuple[str, str, str]], languages: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    return [entry for entry in toc if keep(entry[0], languages)]
