"""Front matter and file decoding: each bad file gives a Problem with the right line."""

from __future__ import annotations

from pathlib import Path

import pytest

from serotonin_app.content.front_matter import content_header, parse_front_matter
from serotonin_app.content.library import load_library
from serotonin_app.content.problems import Severity
from serotonin_app.content.source import read_source
from tests.conftest import WritePack


def test_front_matter_and_body_line() -> None:
    source, problems = parse_front_matter(Path("x.md"), "---\nid: a\ntitle: A\n---\n\nBody\n")
    assert problems == []
    assert source is not None
    assert source.meta == {"id": "a", "title": "A"}
    assert source.body_line == 5
    assert source.body.split("\n")[1] == "Body"
    assert source.line_of_key("title") == 3


def test_content_header_checks_keys_id_and_title_in_that_order() -> None:
    text = "---\nid: a/b\ncolour: red\ntitle: [x]\n---\nBody\n"
    source, _ = parse_front_matter(Path("balancing-serotonin.md"), text)
    assert source is not None
    value, title, problems = content_header(source, frozenset({"id", "title"}))
    assert (value, title) == ("a/b", "Balancing serotonin")
    assert [(p.line, p.is_error) for p in problems] == [(3, False), (2, True), (4, True)]


def test_no_front_matter_is_allowed_unless_required() -> None:
    source, problems = parse_front_matter(Path("q.md"), "# Question\n")
    assert source is not None and source.meta == {} and problems == []
    source, problems = parse_front_matter(Path("q.md"), "# Question\n", require_front_matter=True)
    assert source is None and problems[0].line == 1


def test_invalid_yaml_reports_the_file_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\nid: a\ntitle: [unclosed\norder: 1\n---\nText\n", encoding="utf-8")
    source, problems = read_source(path)
    assert source is None
    assert len(problems) == 1
    # The YAML parser notices the unclosed list when it reaches the next key, line 4.
    assert problems[0].line in {3, 4}
    assert str(problems[0]).startswith(f"{path}:{problems[0].line}: error: invalid front matter")


def test_yaml_error_line_is_in_the_file_not_the_block(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text('---\nid: a\ntitle: A\nsummary: "open\n---\n', encoding="utf-8")
    _, problems = read_source(path)
    assert problems[0].line >= 4


def test_unclosed_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "open.md"
    path.write_text("---\nid: a\ntitle: A\n\n## Section\n", encoding="utf-8")
    source, problems = read_source(path)
    assert source is None
    assert (problems[0].path, problems[0].line) == (path, 1)
    assert "not closed" in problems[0].message


def test_invalid_utf8_reports_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes(b"---\ntitle: A\n---\n\nCaf" + b"\xe9 au lait\n")
    source, problems = read_source(path)
    assert source is None
    assert problems[0].line == 5
    assert "UTF-8" in problems[0].message


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_text("  \n\n", encoding="utf-8")
    source, problems = read_source(path)
    assert source is None
    assert (problems[0].line, problems[0].message) == (1, "file is empty")


def test_front_matter_that_is_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text("---\n- a\n- b\n---\nText\n", encoding="utf-8")
    source, problems = read_source(path)
    assert source is None and problems[0].line == 2


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "win.md"
    path.write_bytes(b"\xef\xbb\xbf---\r\ntitle: Windows\r\n---\r\n\r\n## Part\r\n")
    source, problems = read_source(path)
    assert problems == []
    assert source is not None and source.meta["title"] == "Windows"


def test_each_bad_file_is_skipped_and_reported(write_pack: WritePack) -> None:
    root = write_pack(
        {
            "lessons/good.md": "---\ntitle: Good\n---\n\n## Part\n\nText.\n\n## Sources\n\n- S1\n",
            "lessons/yaml.md": "---\ntitle: [\n---\n",
            "lessons/open.md": "---\ntitle: Open\n",
            "lessons/utf.md": b"---\ntitle: x\n---\n\xff\n",
            "lessons/empty.md": "",
        }
    )
    library, problems = load_library([root])
    assert [lesson.id for lesson in library.lessons] == ["good"]
    bad = {(p.path.name, p.line) for p in problems if p.severity is Severity.ERROR}
    assert {name for name, _ in bad} == {"yaml.md", "open.md", "utf.md", "empty.md"}
    assert ("utf.md", 4) in bad
    assert ("open.md", 1) in bad
    assert ("empty.md", 1) in bad


def test_a_file_longer_than_stat_says_is_read_whole_and_still_limited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some file systems report no size; a file can also grow between stat and read."""
    import os

    from serotonin_app.content import source as source_module

    real_fstat = os.fstat

    def zero_size(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        return os.stat_result((info.st_mode, *tuple(info)[1:6], 0, *tuple(info)[7:]))

    monkeypatch.setattr(os, "fstat", zero_size)
    text = "---\ntitle: A\n---\n\n## Part\n\n" + "Words. " * 1000
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    data, problems = source_module.read_content(tmp_path / "a.md", tmp_path)
    assert problems == [] and data == text.encode()
    data, problems = source_module.read_content(tmp_path / "a.md", tmp_path, limit=100)
    assert data is None and "limit" in problems[0].message
