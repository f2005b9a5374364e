"""Hostile content packs: each broken file is one problem at its path and line, and the rest still loads.

One test per class of attack found by the adversarial run (A: one file stopped
the app; B: files and folders that are not what they seem; C: small inputs that
froze it; D: ids and headings that broke export and links), then every broken
file at once: loaded, checked, and through the real command line and window.
Each builder writes its files into a pack and returns the problems it expects.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from serotonin_app.content import library as library_module
from serotonin_app.content.check import check_library
from serotonin_app.content.front_matter import SourceFile, parse_front_matter
from serotonin_app.content.lesson import Lesson, parse_lesson
from serotonin_app.content.library import ContentLibrary, load_library
from serotonin_app.content.limits import MAX_NESTING
from serotonin_app.content.problems import RAISE_ENV, Problem, printable
from tests.conftest import BUNDLED, ROOT, lesson_text

#: Seconds. Far more than the milliseconds these files take now, far less than the
#: minutes some took before: the budget only turns a hang into a failure.
BUDGET = 30
GOOD = lesson_text("good", "Good", 1, {"Part": "Text."})
#: Where each builder expects an error: path -> (line, part of the message).
Expected = dict[Path, tuple[int, str]]


@contextmanager
def budget(seconds: float = BUDGET) -> Iterator[None]:
    """Fail instead of hanging (SIGALRM also interrupts a regular expression)."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


class Packs:
    """Makes content packs, each with one good lesson, and remembers them in order."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.made: list[Path] = []

    def __call__(self) -> Path:
        root = self.folder / f"pack{len(self.made)}"
        write(root / "lessons" / "good.md", GOOD)
        self.made.append(root)
        return root


NewPack = Callable[[], Path]


@pytest.fixture
def packs(tmp_path: Path) -> Iterator[Packs]:
    made = Packs(tmp_path)
    yield made
    for root in made.made:  # a locked pack must not stop pytest from cleaning up
        root.chmod(0o755)


# -- the broken files, class by class -------------------------------------------------


def broken_a(pack: Path, new_pack: NewPack) -> Expected:
    """Files that gave a traceback and stopped the window (or ``check``) from starting."""
    lessons = pack / "lessons"
    expected = {
        write(lessons / "bad-date.md", "---\ntitle: Date\nreviewed: 2024-13-45\n---\n## A\n"): (
            3,
            "invalid front matter: '2024-13-45' is not a real date",
        ),
        write(lessons / "big-order.md", f"---\ntitle: Order\norder: {'9' * 5000}\n---\n## A\n"): (
            3,
            "invalid front matter: the number 99999999999999999999… is too large",
        ),
        write(lessons / "far-order.md", "---\ntitle: Far\norder: 1e400\n---\n## A\n"): (
            3,
            "'order' must be a whole number from -10000 to 10000",
        ),
    }
    huge = lessons / "huge.md"
    try:
        with huge.open("wb") as handle:
            handle.truncate(64 * 10**9)  # sparse: no disk space is used
        expected[huge] = (1, "file is 64 GB; the limit is 1 MB")
    except OSError:  # a file system without sparse files
        huge.unlink(missing_ok=True)
    deep = new_pack()
    expected[write(deep / "clinic.toml", "crisis_lines = " + "[" * 5000 + "\n" + "]" * 5000 + "\n")] = (
        1,
        "values are nested 5000 levels deep; the limit is 50",
    )
    digits = new_pack()  # found by the fuzz tests: tomllib lets Python's 4,300-digit limit through
    expected[write(digits / "clinic.toml", f'name = "Digits"\nx = {"9" * 4301}\n')] = (
        2,
        "invalid TOML: a number has more than 4,300 digits",
    )
    tiny = new_pack()
    expected[write(tiny / "clinic.toml", 'name = "Tiny"\nidle_reset_minutes = 1e-9\n')] = (
        2,
        "'idle_reset_minutes' must be 0 (off) or a number of minutes from 1 to 1440",
    )
    return expected


def broken_b(pack: Path, new_pack: NewPack) -> Expected:
    """Links, pipes, devices and folders where a content file should be."""
    outside = pack.parent / f"{pack.name}-outside"
    secret = write(outside / "secret.md", lesson_text("secret", "Secret", 1, {"Part": "Not yours."}))
    write(outside / "quizzes" / "q.md", "# Q\n\n1. [x] a\n1. [ ] b\n")
    lessons = pack / "lessons"
    lessons.mkdir(parents=True, exist_ok=True)
    links = {
        "secret.md": (secret, "refused: this file is a link to "),
        "passwd.md": (Path("/etc/passwd"), "refused: this file is a link to "),
        "environ.md": (Path("/proc/self/environ"), "refused: this file is a link to "),
        "dangling.md": (lessons / "nowhere.md", "cannot read file: it is a link to "),
        "loop.md": (lessons / "loop.md", "cannot read file: it is a link that loops back on itself"),
    }
    expected: Expected = {}
    if os.name != "nt":  # symbolic links need extra rights on Windows
        for name, (target, message) in links.items():
            if name in ("passwd.md", "environ.md") and not target.exists():
                continue  # not Linux
            (lessons / name).symlink_to(target)
            expected[lessons / name] = (1, message)
        # A link that stays inside the pack is fine.
        write(pack / "shared" / "inside.md", lesson_text("inside", "Inside", 2, {"Part": "Ours."}))
        (lessons / "inside.md").symlink_to(pack / "shared" / "inside.md")
        (pack / "quizzes").symlink_to(outside / "quizzes", target_is_directory=True)
        expected[pack / "quizzes"] = (1, "refused: this folder is a link to ")
    (lessons / "folder.md").mkdir()
    expected[lessons / "folder.md"] = (1, "cannot read file: it is a folder, not a regular file")
    if hasattr(os, "mkfifo"):
        os.mkfifo(lessons / "fifo.md")
        expected[lessons / "fifo.md"] = (1, "cannot read file: it is a named pipe (FIFO), not a regular file")
    try:
        os.mknod(lessons / "null.md", 0o600 | stat.S_IFCHR, os.makedev(1, 3))
        expected[lessons / "null.md"] = (1, "cannot read file: it is a character device, not a regular file")
    except (AttributeError, OSError):  # needs root, and a system with devices
        pass
    locked = new_pack()
    expected[locked] = (1, "cannot read folder: ")
    return expected


def broken_c(pack: Path, new_pack: NewPack) -> Expected:
    """Small files that took minutes or gigabytes, and files over a limit."""
    lessons, quizzes, checklists = pack / "lessons", pack / "quizzes", pack / "checklists"
    spaces = " " * 6000  # the old heading patterns took about 27 s for 3,000 spaces, 8 times that here
    # These are fine and must load, quickly.
    write(lessons / "spaces.md", f"# a{spaces}x\n\n## Part {spaces}#\n\n## Sources\n\n- A source.\n")
    write(quizzes / "spaces.md", f"# a{spaces}x\n\n1. [x] a{spaces}\n1. [ ] b\n")
    half = spaces[:4000]
    write(checklists / "spaces.md", f"## a{half}x {{: .urgent {half}\n- [ ] a{half}b [S1{half}\n")
    aliases = "\n".join(
        f"{name}: &{name} [" + ", ".join([f"*{chr(ord(name) - 1)}"] * 9) + "]" for name in "bcdefghi"
    )
    bomb = f'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n{aliases}\n'
    assert len(bomb) < 1300  # 9 ** 9 strings once expanded: about 5 GB
    glossary_lines = "".join(f"Term {n}\n:   Definition {n}.\n\n" for n in range(2001))
    placeholders = ("{disclaimer} " * 500 + "\n") * 120  # 780 kB, and 12 MB filled in
    expected: Expected = {
        write(lessons / "bomb-sources.md", f"---\ntitle: Bomb\n{bomb}sources: *i\n---\n## A\n"): (
            3,
            "front matter must not use YAML anchors or aliases",
        ),
        write(lessons / "bomb-reviewed.md", f"---\ntitle: Bomb\n{bomb}reviewed: *i\n---\n## A\n"): (
            3,
            "front matter must not use YAML anchors or aliases",
        ),
        write(lessons / "big.md", "## A\n\n" + ("A line of words. " * 5 + "\n") * 14_000): (
            1,
            "file is 1.2 MB; the limit is 1 MB",
        ),
        write(lessons / "long-line.md", "## A\n\n" + "x" * 20_000 + "\n"): (
            3,
            "line is 20,000 characters long; the limit is 10,000",
        ),
        write(lessons / "deep-list.md", "## A\n\n" + "\n".join(" " * 4 * i + "- x" for i in range(60))): (
            53,
            "lists and quotes are nested 51 levels deep here; the limit is 50",
        ),
        write(lessons / "deep-quote.md", "## A\n\n" + ">" * 60 + " x\n"): (
            3,
            "lists and quotes are nested 60 levels deep here; the limit is 50",
        ),
        write(lessons / "deep-yaml.md", "---\ntitle: Y\nsources: " + "[" * 60 + "]" * 60 + "\n---\n## A\n"): (
            3,
            "front matter is nested more than 50 levels deep",
        ),
        write(lessons / "headings.md", "".join(f"### H{n}\n" for n in range(201))): (
            201,
            "lesson has 201 headings",
        ),
        write(lessons / "filled.md", "## A\n\n" + placeholders): (
            1,
            "with the clinic's details filled in, the file is ",
        ),
        write(quizzes / "many.md", "".join(f"# Q{n}\n\n1. [x] a\n1. [ ] b\n\n" for n in range(201))): (
            1001,
            "quiz has 201 questions; the limit is 200",
        ),
        write(quizzes / "answers.md", "# Q\n\n" + "".join(f"- [x] a{n}\n" for n in range(21))): (
            23,
            "question 'Q' has 21 answers; the limit is 20",
        ),
        write(checklists / "items.md", "## G\n" + "".join(f"- [ ] item {n}\n" for n in range(301))): (
            302,
            "checklist has 301 items; the limit is 300",
        ),
        write(pack / "glossary.md", glossary_lines): (
            6001,
            "the glossary has 2,001 terms; the limit is 2,000",
        ),
    }
    for pack_number in range(2):  # 1,000 terms each is fine, but not added to each other and the bundled ones
        terms = "".join(f"Extra {pack_number}-{n}\n:   Definition.\n\n" for n in range(1000))
        glossary = write(new_pack() / "glossary.md", terms)
    expected[glossary] = (1, "terms together; the limit is 2,000; file skipped")
    nested_toml = new_pack()
    toml = 'name = "Deep"\n# [[[[ not counted in a comment\nx = "[[[["\ncrisis_lines = ' + "[" * 60 + "]" * 60
    expected[write(nested_toml / "clinic.toml", toml)] = (
        4,
        "values are nested 60 levels deep; the limit is 50",
    )
    return expected


def broken_d(pack: Path, new_pack: NewPack) -> Expected:
    """Ids that broke export and links, headings with no text, terms with no anchor."""
    lessons, quizzes = pack / "lessons", pack / "quizzes"
    ids = {
        "slash": ("a/../b", "'id' must not contain '/'"),
        "backslash": ("a\\\\b", "'id' must not contain '\\'"),
        "dots": ("..", "'id' must not contain '..'"),
        "nul": ("a\\0b", "'id' must not contain a control character (U+0000)"),
        "bell": ("a\\ab", "'id' must not contain a control character (U+0007)"),
        "zero-width": ("bal\\u200bancing", "'id' must not contain an invisible character (U+200B)"),
        "right-to-left": ("fdp.\\u202eexe", "'id' must not contain an invisible character (U+202E)"),
        "bom": ("\\ufeffx", "'id' must not contain an invisible character (U+FEFF)"),
        "long": ("x" * 65, "'id' is 65 characters long; the limit is 64"),
    }
    expected: Expected = {
        write(lessons / f"{name}.md", f'---\nid: "{value}"\n---\n## A\n\n## Sources\n'): (2, message)
        for name, (value, message) in ids.items()
    }
    expected[write(lessons / "joiner\u200d.md", "## A\n")] = (
        1,
        "file name contains an invisible character (U+200D); rename the file",
    )
    # Differs from the bundled "balancing" only by case, and from "file" only by a ligature.
    expected[write(lessons / "Balancing.md", "## A\n\n## Sources\n")] = (
        1,
        "id 'Balancing' clashes with 'balancing'",
    )
    write(lessons / "file.md", "## A\n\n## Sources\n")
    expected[write(lessons / "\ufb01le.md", "## A\n\n## Sources\n")] = (
        1,
        "id '\ufb01le' clashes with 'file'",
    )
    for name, heading in (("blank", "# "), ("bare", "#"), ("marks", "## **")):
        expected[
            write(quizzes / f"{name}.md", f"---\ntitle: T\n---\n\n{heading}\n\n1. [x] a\n1. [ ] b\n")
        ] = (
            5,
            "question heading has no text",
        )
    glossary = "Synapse\n:   A gap.\n\n???\n:   Nothing a link can use.\n"
    expected[write(pack / "glossary.md", glossary)] = (
        4,
        "term '???' has no letters or digits a link can use",
    )
    return expected


BUILDERS = {"A": broken_a, "B": broken_b, "C": broken_c, "D": broken_d}


# -- checking what came back ---------------------------------------------------------------


def load(roots: list[Path]) -> tuple[ContentLibrary, list[Problem]]:
    with budget():
        return load_library(roots)


def assert_reported(problems: list[Problem], expected: Expected) -> None:
    """Each broken file has an error at its line; every error in the packs belongs to a broken file."""
    errors = {p.path: p for p in reversed(problems) if p.is_error and not p.path.is_relative_to(BUNDLED)}
    for path, (line, message) in expected.items():
        problem = next((p for p in problems if p.path == path and p.is_error and message in p.message), None)
        assert problem is not None, f"{path}: no error containing {message!r}; got {errors.get(path)}"
        assert problem.line == line, str(problem)
    assert set(errors) <= set(expected), [str(errors[p]) for p in set(errors) - set(expected)]


def assert_the_rest_loads(library: ContentLibrary) -> None:
    assert library.lesson("good") is not None
    assert {"neurotransmitters", "addiction", "balancing"} <= {lesson.id for lesson in library.lessons}
    assert all(not str(lesson.path).endswith(("huge.md", "passwd.md")) for lesson in library.lessons)


def lock(root: Path, monkeypatch: pytest.MonkeyPatch | None) -> bool:
    """Make the pack ``root`` unreadable; False if that cannot be done for a child process (root)."""
    root.chmod(0)
    if monkeypatch is None:
        return not os.access(root, os.R_OK)
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str] = ".") -> Iterator[os.DirEntry[str]]:
        if Path(path) == root:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_scandir(path)

    # Root may read any folder whatever its mode.
    monkeypatch.setattr(os, "scandir", scandir)
    return True


def build(
    classes: str, packs: Packs, monkeypatch: pytest.MonkeyPatch | None = None
) -> tuple[list[Path], Expected]:
    """Packs with the broken files of ``classes``, after the bundled content, and what they must report."""
    expected: Expected = {}
    for cls in classes:
        expected |= BUILDERS[cls](packs(), packs)
    for root in [path for path in expected if path in packs.made]:
        if not lock(root, monkeypatch):
            del expected[root]
    return [BUNDLED, *packs.made], expected


@pytest.mark.parametrize("classes", ["A", "B", "C", "D"])
def test_each_class_of_broken_file_is_one_problem_at_its_line(
    classes: str, packs: Packs, monkeypatch: pytest.MonkeyPatch
) -> None:
    roots, expected = build(classes, packs, monkeypatch)
    library, problems = load(roots)
    assert_reported(problems, expected)
    assert_the_rest_loads(library)
    with budget():
        report = check_library(library)
    assert_reported(report.problems, {})


def test_any_unexpected_exception_is_a_problem_for_its_file(
    packs: Packs, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = packs()
    boom = write(pack / "lessons" / "boom.md", GOOD.replace("id: good", "id: boom"))
    real_parse = parse_lesson

    def parse(source: SourceFile) -> tuple[Lesson | None, list[Problem]]:
        if source.path == boom:
            raise ValueError("a bug\nin the parser")
        return real_parse(source)

    monkeypatch.setattr(library_module, "parse_lesson", parse)
    library, problems = load([pack])
    assert [str(p) for p in problems] == [
        f"{boom}:1: error: could not load this file: ValueError: a bug in the parser"
    ]
    assert library.lesson("good") is not None
    # Developers and the fuzz tests see the traceback instead.
    monkeypatch.setenv(RAISE_ENV, "1")
    with pytest.raises(ValueError, match="a bug"):
        load_library([pack])


def test_every_broken_file_at_once(packs: Packs, monkeypatch: pytest.MonkeyPatch) -> None:
    roots, expected = build("ABCD", packs, monkeypatch)
    library, problems = load(roots)
    assert_reported(problems, expected)
    assert_the_rest_loads(library)
    with budget():
        report = check_library(library)
    assert_reported(report.problems, {})


def run_app(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"SEROTONIN_APP_RESOURCES", RAISE_ENV}}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-m", "serotonin_app", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=timeout,
    )


def resources(roots: list[Path]) -> list[str]:
    return [arg for root in roots if root != BUNDLED for arg in ("--resources", str(root))]


def test_check_command_reports_every_broken_file_without_a_traceback(packs: Packs) -> None:
    roots, expected = build("ABCD", packs)
    result = run_app("check", *resources(roots))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    for path, (line, _) in expected.items():
        assert f"{printable(str(path))}:{line}: error: " in result.stdout, path


@pytest.mark.ui  # starts Qt, in a child process
def test_window_starts_with_every_broken_file_present(packs: Packs) -> None:
    roots, expected = build("ABCD", packs)
    result = run_app("--self-test", *resources(roots))
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert "ok lesson good" in result.stdout
    for path, (line, _) in expected.items():
        assert f"{printable(str(path))}:{line}: error: " in result.stderr, path


_YAML_PIECES = ["b: ", ": ", "- ", "? ", "  ", "    ", "\t", "\n", "x", "&", "*", "[", "]", "{", "}", "'"]


@given(st.lists(st.sampled_from(_YAML_PIECES), max_size=80).map("".join))
def test_front_matter_counted_as_shallow_never_hides_what_the_yaml_check_finds(block: str) -> None:
    """The shortcut that skips reading YAML events twice must not let an alias or deep nesting through."""
    import yaml

    from serotonin_app.content.front_matter import _loader, _plainly_shallow

    if not _plainly_shallow(block):
        return
    try:
        events = list(yaml.parse(block, Loader=_loader()))
    except yaml.YAMLError:
        return  # invalid YAML is reported by the load that follows
    assert not any(isinstance(e, yaml.AliasEvent) or getattr(e, "anchor", None) for e in events)
    depth = deepest = 0
    for event in events:
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    assert deepest <= MAX_NESTING


def test_deep_block_nesting_in_front_matter_is_still_refused(tmp_path: Path) -> None:
    block = "".join(" " * level + f"k{level}:\n" for level in range(60)) + " " * 60 + "v\n"
    source, problems = parse_front_matter(tmp_path / "deep.md", f"---\n{block}---\nbody\n")
    assert source is None
    assert "front matter is nested more than 50 levels deep" in problems[0].message


def test_front_matter_problems_point_at_file_lines_even_with_unicode_line_separators(tmp_path: Path) -> None:
    """YAML breaks lines at U+2028 too; the file does not (found by the fuzz tests)."""
    text = "---\n\u2028\u2028\u2028\n&a x\n---\n"
    source, problems = parse_front_matter(tmp_path / "q.md", text)
    assert source is None
    assert problems[0].line == 3 and "anchors or aliases" in problems[0].message
