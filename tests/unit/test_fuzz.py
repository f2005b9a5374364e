"""Fuzzing the content loaders: a clean load, or problems with a line; quickly; never an exception.

Hostile Markdown, front matter, quizzes, checklists, glossaries, ``clinic.toml``
and file-system trees are generated and loaded through the real loaders
(``load_library`` on a pack in a temporary folder, and each parser on its own).
Unexpected exceptions are not turned into problems here (``SEROTONIN_APP_RAISE``),
so a bug shows with its traceback.

Rendering (python-markdown) is not fuzzed here: keeping it fast is the renderer's job.

``HYPOTHESIS_PROFILE=fuzz`` tries many more inputs; ``make fuzz`` runs this file
with that profile again and again for ``FUZZ_MINUTES`` (default 10).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from serotonin_app.content.checklist import parse_checklist
from serotonin_app.content.front_matter import parse_front_matter
from serotonin_app.content.glossary import parse_glossary
from serotonin_app.content.lesson import parse_lesson
from serotonin_app.content.library import load_library
from serotonin_app.content.markdown_text import match_heading, plain_heading, plain_inline
from serotonin_app.content.problems import RAISE_ENV, Problem
from serotonin_app.content.quiz_parse import parse_quiz
from serotonin_app.content.settings import ClinicSettings, load_settings
from tests.unit.test_hostile_content import budget

#: Seconds for one input. Loading takes milliseconds; this only turns a hang into a failure.
BUDGET = 10
PATH = Path("fuzz.md")
#: The "ci" profile's 100 examples are few for these generators; "fuzz" sets many more.
fuzz_settings = settings(
    max_examples=max(settings().max_examples, 500),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(autouse=True)
def raise_unexpected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(RAISE_ENV, "1")


# -- hostile pieces ---------------------------------------------------------------------------

CHARACTERS = " \t#>-*+_`[](){}!:<>&|~\\/.=\"'0123456789xX\u200b\u202e\ufeff\x00\x07\x1b\r\u2028é"
INVISIBLE = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202e",
    "\u2066",
]
runs = st.builds(lambda char, count: char * count, st.sampled_from(CHARACTERS), st.integers(0, 12_000))
nesting = st.builds(
    lambda opener, count: opener * count,
    st.sampled_from([">", "> ", "- ", "* ", "1. ", "    ", "\t", "[", "{a: ", "- [ ] "]),
    st.integers(0, 120),
)
numbers = st.one_of(
    st.integers().map(str),
    st.integers(1, 6000).map(lambda n: "9" * n),
    st.sampled_from(
        ["1e-9", "1e400", "-1e400", ".inf", "nan", "0x" + "f" * 40, "1:2:3:4:5:6:7:8:9:10:11:12"]
    ),
    st.floats(allow_nan=True).map(repr),
)
dates = st.sampled_from(
    [
        "2024-13-45",
        "0000-00-00",
        "9999-12-31",
        "2024-02-30",
        "2024-1-1",
        "2024-01-01 25:61:61",
        "2001-12-14t21:59:43.10-99:99",
    ]
)
yaml_specials = st.sampled_from(
    [
        "&a x",
        "*a",
        "<<: *a",
        "!!python/object:os.system",
        "!!binary AAAA",
        "!!set {a}",
        "? [a, b]",
        "|",
        ">-",
        "%TAG",
    ]
)
scalar = st.one_of(
    numbers, dates, yaml_specials, runs, nesting, st.text(max_size=50), st.sampled_from(INVISIBLE)
)
line = st.one_of(
    st.sampled_from(
        ["---", "...", "```", "~~~", "## Sources", "# Q", ":   definition", "- [x] a", "1. [ ] b", "> quote"]
    ),
    st.builds(
        lambda marks, text: marks + " " + text,
        st.sampled_from(["#", "##", "###", "#######"]),
        st.text(max_size=40),
    ),
    st.builds(lambda a, b: f"[{a}]({b})", st.text(max_size=20), st.text(max_size=20)),
    st.builds(
        "{{{}}}".format, st.sampled_from(["clinic_name", "crisis_lines", "disclaimer", "nope", "x" * 30])
    ),
    runs,
    nesting,
    scalar,
)
markdown = st.lists(line, max_size=30).map("\n".join)
keys = st.sampled_from(
    ["id", "title", "order", "summary", "reviewed", "sources", "lesson", "intro", "passingGrade",
     "nQuestions", "shuffleAnswers", "enable_retry", "x"]
)  # fmt: skip
front_matter = st.lists(
    st.one_of(
        st.builds("{}: {}".format, keys, scalar), st.builds("{}:\n  - {}".format, keys, scalar), scalar
    ),
    max_size=12,
).map(lambda lines: "---\n" + "\n".join(lines) + "\n---\n")
content_file = st.builds(lambda front, body: front + body, st.one_of(st.just(""), front_matter), markdown)


def encoded(text: str, how: str) -> bytes:
    if how == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    return text.encode(how, "replace" if how != "utf-8" else "surrogatepass")


any_bytes = st.one_of(
    st.builds(encoded, content_file, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"])),
    st.binary(max_size=2000),
)

quiz_question = st.builds(
    lambda heading, hint, items, after: f"{heading}\n\n{hint}\n{items}\n\n{after}\n",
    st.one_of(
        st.sampled_from(["#", "# ", "## **", "# Q"]),
        st.builds("# {}".format, st.one_of(runs, st.text(max_size=40))),
    ),
    st.one_of(st.just(""), st.builds("> {}".format, st.text(max_size=30))),
    st.lists(
        st.builds(
            "{}{} {}{}".format,
            st.sampled_from(["", "   ", "    ", "\t"]),
            st.sampled_from(["1.", "1)", "-", "*", "+", "123456789.", "1234567890."]),
            st.sampled_from(["[x] ", "[ ] ", "[X] ", ""]),
            st.one_of(st.text(max_size=30), runs),
        ),
        max_size=25,
    ).map("\n".join),
    st.one_of(
        st.just(""), st.builds("> {}".format, st.text(max_size=30)), st.just("    > comment"), markdown
    ),
)
quiz_file = st.builds(
    lambda front, questions: front + "".join(questions),
    st.one_of(st.just(""), front_matter),
    st.lists(quiz_question, max_size=8),
)
checklist_file = st.builds(
    lambda front, groups: front + "".join(groups),
    st.one_of(st.just(""), front_matter),
    st.lists(
        st.builds(
            lambda heading, attributes, items: f"## {heading}{attributes}\n" + "\n".join(items) + "\n",
            st.one_of(st.text(max_size=30), runs),
            st.sampled_from(["", " {: .urgent }", " {: .urgent", " {.urgent}", "{", "}"]),
            st.lists(
                st.builds(
                    "- [{}] {}".format,
                    st.sampled_from([" ", "x", "X"]),
                    st.one_of(st.text(max_size=30), runs),
                ),
                max_size=10,
            ),
        ),
        max_size=8,
    ),
)
glossary_file = st.builds(
    lambda front, entries: front + "\n\n".join(entries),
    st.one_of(st.just(""), front_matter),
    st.lists(
        st.builds(
            "{}\n:   {}{}".format,
            st.one_of(
                st.text(max_size=20), st.sampled_from(["???", "**", "", "# x", "[a](b)", *INVISIBLE]), runs
            ),
            st.text(max_size=30),
            st.sampled_from(["", "\n    more", "\n\tmore"]),
        ),
        max_size=20,
    ),
)


def toml_value(depth: int) -> st.SearchStrategy[str]:
    leaves = st.one_of(
        numbers,
        st.sampled_from(
            ["true", "1979-05-27", "2024-13-45", "inf", "-nan", "1e-9", "0", "1440", "1441", "70", "250"]
        ),
        st.text(max_size=30).map(lambda text: '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'),
        st.text(max_size=30).map(lambda text: "'" + text + "'"),
        st.sampled_from(
            ['"""a\nb"""', "'''a\n'''", '"\\u0000"', '"bad \\q escape"', '"[[[["', "# [[[[ comment"]
        ),
        nesting,
    )
    if depth == 0:
        return leaves
    inner = toml_value(depth - 1)
    closing = {"[": "]", "{a = ": "}"}
    return st.one_of(
        leaves,
        st.lists(inner, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
        st.lists(
            st.builds("{} = {}".format, st.sampled_from(["name", "number", "x"]), inner), max_size=3
        ).map(lambda items: "{ " + ", ".join(items) + " }"),
        st.builds(
            lambda opener, count, value: opener * count + value + closing[opener] * count,
            st.sampled_from(list(closing)),
            st.integers(0, 200),
            leaves,
        ),
    )


toml_keys = st.sampled_from(
    [
        "name",
        "phone",
        "emergency_number",
        "disclaimer",
        "crisis_lines",
        "idle_reset_minutes",
        "default_zoom",
        "x",
    ]
)
clinic_toml = st.lists(
    st.one_of(
        st.builds("{} = {}".format, toml_keys, toml_value(2)),
        st.builds("[[{}]]\nname = {}\nnumber = {}".format, toml_keys, toml_value(0), toml_value(0)),
        st.builds("[{}]".format, toml_keys),
        line,
    ),
    max_size=12,
).map("\n".join)


# -- checking the result ---------------------------------------------------------------------


def lines_in(data: bytes) -> int:
    return data.count(b"\n") + data.count(b"\r") + 1


def assert_well_formed(problems: list[Problem], paths: dict[Path, bytes]) -> None:
    """Every problem names a file (or folder) of the pack and a line that exists in it."""
    for problem in problems:
        # Shown by --hypothesis-show-statistics: which problems the generators reach.
        event(re.sub(r"'[^']*'|\d[\d,.]*", "…", problem.message)[:50])
        assert problem.line >= 1, problem
        assert "\n" not in str(problem), problem
        data = paths.get(problem.path)
        if data is not None:
            assert problem.line <= lines_in(data), problem


def load_pack(files: dict[str, bytes]) -> list[Problem]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, data in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        with budget(BUDGET):
            library, problems = load_library([root])
        assert_well_formed(problems, {root / name: data for name, data in files.items()})
        assert library.roots == (root,)
        return problems


def as_every_kind(data: bytes) -> dict[str, bytes]:
    return {
        "lessons/fuzz.md": data,
        "quizzes/fuzz.md": data,
        "checklists/fuzz.md": data,
        "glossary.md": data,
    }


# -- the properties ----------------------------------------------------------------------------


@fuzz_settings
@given(any_bytes)
def test_any_bytes_as_every_kind_of_file(data: bytes) -> None:
    load_pack(as_every_kind(data))


@fuzz_settings
@given(content_file)
def test_any_text_through_each_parser(text: str) -> None:
    with budget(BUDGET):
        source, problems = parse_front_matter(PATH, text)
        if source is None:
            assert problems and any(p.is_error for p in problems)
            return
        for parse in (parse_lesson, parse_quiz, parse_checklist, parse_glossary):
            item, more = parse(source)
            assert item is not None or any(p.is_error for p in problems + more)
            assert all(p.line >= 1 for p in more)


@fuzz_settings
@given(quiz_file, checklist_file, glossary_file)
def test_quizzes_checklists_and_glossaries(quiz: str, checklist: str, glossary: str) -> None:
    load_pack(
        {
            "quizzes/fuzz.md": quiz.encode("utf-8", "surrogatepass"),
            "checklists/fuzz.md": checklist.encode("utf-8", "surrogatepass"),
            "glossary.md": glossary.encode("utf-8", "surrogatepass"),
        }
    )


@fuzz_settings
@given(clinic_toml)
def test_any_clinic_toml(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    load_pack({"clinic.toml": data, "lessons/a.md": b"## A\n\n{clinic_name} {crisis_lines}\n"})
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "clinic.toml"
        path.write_bytes(data)
        with budget(BUDGET):
            result, problems = load_settings(path, ClinicSettings())
    assert_well_formed(problems, {path: data})
    minutes = result.idle_reset_minutes
    assert minutes == 0 or 1 <= minutes <= 24 * 60
    assert len(result.crisis_lines) <= 20


entries = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "lessons/a.md",
                "lessons/b.md",
                "quizzes/q.md",
                "checklists/c.md",
                "glossary.md",
                "clinic.toml",
                "lessons",
                "quizzes",
            ]
        ),
        st.sampled_from(
            [
                "file",
                "folder",
                "fifo",
                "link-inside",
                "link-outside",
                "link-dangling",
                "link-self",
                "link-folder-outside",
            ]
        ),
    ),
    max_size=8,
    unique_by=lambda entry: entry[0],
)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes and symbolic links")
@fuzz_settings
@given(entries)
def test_any_tree_of_links_pipes_and_folders(tree: list[tuple[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root, outside = Path(folder) / "pack", Path(folder) / "outside"
        (outside / "lessons").mkdir(parents=True)
        (outside / "secret.md").write_text("## Secret\n", encoding="utf-8")
        (root / "lessons").mkdir(parents=True)
        (root / "lessons" / "real.md").write_text("## Real\n", encoding="utf-8")
        for name, kind in tree:
            path = root / name
            if path.exists() or path.is_symlink():
                continue
            make = {
                "file": lambda p: p.write_text("## A\n", encoding="utf-8"),
                "folder": lambda p: p.mkdir(),
                "fifo": os.mkfifo,
                "link-inside": lambda p: p.symlink_to(root / "lessons" / "real.md"),
                "link-outside": lambda p: p.symlink_to(outside / "secret.md"),
                "link-dangling": lambda p: p.symlink_to(root / "gone.md"),
                "link-self": lambda p: p.symlink_to(p),
                "link-folder-outside": lambda p: p.symlink_to(outside / "lessons", target_is_directory=True),
            }[kind]
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                make(path)
            except OSError:  # "lessons" was made a file or a link before
                continue
        with budget(BUDGET):  # a pipe opened for reading would wait here for ever
            library, problems = load_library([root])
        assert_well_formed(problems, {})
        assert all(p.path.is_relative_to(root) for p in problems)
        for lesson in library.lessons:
            assert lesson.path.resolve().is_relative_to(root.resolve())


# The patterns that replaced backtracking ones must find exactly what the old ones found.
# Headings follow CommonMark: closing hashes go only after a space (``# foo#`` is "foo#").
ATX_OPENING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t](.*))?$")
ATX_CONTENT = re.compile(r"(.*?)(?:(?:^|[ \t]+)#+)?", re.DOTALL)
OLD_ATTRIBUTES = re.compile(r"\s*\{:?[^}]*\}\s*$")
OLD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
OLD_PLAIN = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`]")


def old_plain_heading(raw: str) -> tuple[str, str]:
    attributes = ""
    match = OLD_ATTRIBUTES.search(raw)
    if match:
        attributes, raw = match.group(0).strip(), raw[: match.start()]
    text = re.sub(r"[*_`]", "", re.sub(r"<[^>]+>", "", OLD_LINK.sub(r"\1", raw)))
    return text.strip(), attributes


@fuzz_settings
@given(st.text(alphabet="[]()!<>{}:#*_` \tab\u00a0", max_size=40))
def test_linear_patterns_find_what_the_old_ones_found(text: str) -> None:
    assert plain_heading(text) == old_plain_heading(text)
    assert plain_inline(text) == " ".join(OLD_PLAIN.sub(lambda m: m.group(1) or "", text).split())
    opening, found = ATX_OPENING.match(text), match_heading(text)
    assert bool(opening) == bool(found)
    if opening and found:
        content = ATX_CONTENT.fullmatch((opening.group(2) or "").strip(" \t"))
        assert content is not None
        assert found == (len(opening.group(1)), content.group(1))
