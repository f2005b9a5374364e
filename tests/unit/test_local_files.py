"""Which file a picture reference means: only regular files inside the content folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from serotonin_app.content.local_files import (
    image_alt_text,
    local_file,
    place_pictures,
    svg_is_self_contained,
)


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """``tmp_path/pack`` with a lesson folder and pictures, and a secret picture beside the pack."""
    root = tmp_path / "pack"
    (root / "lessons" / "images").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "lessons" / "images" / "brain.png").write_bytes(b"png")
    (root / "lessons" / "images" / "my pic.png").write_bytes(b"png")
    (root / "images" / "shared.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "secret.png").write_bytes(b"secret")
    return root


def test_a_relative_picture_inside_the_pack_resolves(pack: Path) -> None:
    base = pack / "lessons"
    assert local_file([pack], base, "images/brain.png") == (base / "images" / "brain.png").resolve()
    assert local_file([pack], base, "../images/shared.svg") == (pack / "images" / "shared.svg").resolve()
    assert local_file([pack], base, "images/my%20pic.png") == (base / "images" / "my pic.png").resolve()
    assert local_file([pack], base, "./images/brain.png#part") == (base / "images" / "brain.png").resolve()


@pytest.mark.parametrize(
    "reference",
    [
        "../../secret.png",  # out of the pack
        "images/../../../secret.png",
        "%2e%2e/%2e%2e/secret.png",  # the same, percent-escaped
        "images",  # a folder
        "images/missing.png",
        "",
        "  ",
        "https://example.org/brain.png",
        "http://localhost/x.png",
        "data:image/png;base64,iVBORw0KGgo=",
        "qrc:/images/x.png",
        "//server/share/x.png",
        "\\\\server\\share\\x.png",
        "C:/Windows/x.png",
    ],
)
def test_references_outside_or_not_to_a_file_are_refused(pack: Path, reference: str) -> None:
    assert local_file([pack], pack / "lessons", reference) is None


def test_absolute_paths_and_file_urls_are_refused_even_inside_the_pack(pack: Path) -> None:
    inside = pack / "lessons" / "images" / "brain.png"
    assert local_file([pack], pack / "lessons", str(inside)) is None
    assert local_file([pack], pack / "lessons", inside.as_uri()) is None
    assert local_file([pack], pack / "lessons", "%2F" + str(inside).lstrip("/")) is None


def test_without_a_base_nothing_is_looked_up_in_the_working_folder(
    pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(pack / "lessons")
    assert local_file([pack], None, "images/brain.png") is None
    assert local_file([], pack / "lessons", "images/brain.png") is None


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlinks_are_followed_before_the_check(pack: Path, tmp_path: Path) -> None:
    images = pack / "lessons" / "images"
    (images / "escape.png").symlink_to(tmp_path / "secret.png")
    (images / "inside.png").symlink_to(images / "brain.png")
    (images / "loop.png").symlink_to(images / "loop.png")
    (pack / "lessons" / "outside-folder").symlink_to(tmp_path, target_is_directory=True)
    base = pack / "lessons"
    assert local_file([pack], base, "images/escape.png") is None
    assert local_file([pack], base, "outside-folder/secret.png") is None
    assert local_file([pack], base, "images/loop.png") is None
    # A link that stays inside the content folders is fine, and the real file is returned.
    assert local_file([pack], base, "images/inside.png") == (images / "brain.png").resolve()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_root_reached_through_a_symlink_still_contains_its_files(pack: Path, tmp_path: Path) -> None:
    link = tmp_path / "linked-pack"
    link.symlink_to(pack, target_is_directory=True)
    assert (
        local_file([link], link / "lessons", "images/brain.png")
        == (pack / "lessons" / "images" / "brain.png").resolve()
    )


def test_any_of_several_roots_may_hold_the_picture(pack: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    (other / "lessons").mkdir(parents=True)
    assert local_file([other, pack], other / "lessons", "../../pack/images/shared.svg") is not None
    assert local_file([other], other / "lessons", "../../pack/images/shared.svg") is None


@given(st.text(max_size=40))
def test_any_reference_gives_a_path_inside_the_root_or_none(reference: str) -> None:
    root = Path(__file__).resolve().parent
    found = local_file([root], root, reference)
    assert found is None or (found.is_file() and found.is_relative_to(root))


# -- pictures in HTML ----------------------------------------------------------------------


def test_refused_pictures_become_their_alt_text_and_usable_ones_stay() -> None:
    document = '<p><img alt="A brain" src="images/brain.png"> and <img alt="x &gt; y" src="/etc/x.png"></p>'
    shown = place_pictures(document, lambda src: src == "images/brain.png")
    assert '<img alt="A brain" src="images/brain.png">' in shown
    assert '<span class="image-alt">[Image: x &gt; y]</span>' in shown
    assert "/etc/x.png" not in shown


def test_an_alt_with_a_greater_than_sign_does_not_end_the_tag_early() -> None:
    shown = place_pictures('<p><img alt="a > b" src="/x.png"> after</p>', lambda _src: False)
    assert shown == '<p><span class="image-alt">[Image: a &gt; b]</span> after</p>'


def test_a_title_becomes_a_caption_line_under_the_picture() -> None:
    document = '<p><img alt="Brain" src="b.svg" title="The brain &amp; its parts"></p>'
    shown = place_pictures(document, lambda _src: True)
    assert shown == (
        '<p class="picture" style="line-height: 100%">'
        '<img alt="Brain" src="b.svg" title="The brain &amp; its parts">'
        '<br><span class="caption"><i>The brain &amp; its parts</i></span></p>'
    )


def test_a_caption_in_running_text_ends_its_line() -> None:
    shown = place_pictures('<p>See <img src="b.svg" title="Cap"> here.</p>', lambda _src: True)
    caption = '<br><span class="caption"><i>Cap</i></span><br>'
    assert shown == f'<p>See <img src="b.svg" title="Cap">{caption} here.</p>'


def test_a_refused_picture_keeps_its_caption() -> None:
    shown = place_pictures('<p><img alt="" src="x.png" title="Cap"></p>', lambda _src: False)
    assert f'<span class="image-alt">{image_alt_text("")}</span>' in shown
    assert '<span class="caption"><i>Cap</i></span>' in shown


def test_pictures_without_src_or_in_odd_spelling_are_refused() -> None:
    asked: list[str] = []

    def usable(src: str) -> bool:
        asked.append(src)
        return True

    shown = place_pictures("<IMG alt=bare><img/src='q.png' alt='q'><imgx>", usable)
    assert shown == "<span class=\"image-alt\">[Image: bare]</span><img/src='q.png' alt='q'><imgx>"
    assert asked == ["q.png"]


# -- SVG -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "svg",
    [
        '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4" fill="red"/></svg>',
        '<svg xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="#a"/></svg>',
        '<svg><image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/></svg>',
        '<svg><rect style="fill: url(#grad)"/></svg>',
    ],
)
def test_self_contained_svgs_are_accepted(svg: str) -> None:
    assert svg_is_self_contained(svg.encode())


@pytest.mark.parametrize(
    "svg",
    [
        '<svg><image href="/home/someone/photo.png" width="9" height="9"/></svg>',
        "<svg><image xlink:href='secret.png' width='9' height='9'/></svg>",
        '<svg><image href = "file:///etc/x.png"/></svg>',
        '<svg><rect fill="url(other.svg#grad)"/></svg>',
        '<!DOCTYPE svg [<!ENTITY e "/etc/x.png">]><svg><image href="&e;"/></svg>',
    ],
)
def test_svgs_that_reach_outside_themselves_are_refused(svg: str) -> None:
    assert not svg_is_self_contained(svg.encode())


def test_an_svg_that_is_not_utf8_is_refused() -> None:
    assert not svg_is_self_contained("<svg/>".encode("utf-16"))
