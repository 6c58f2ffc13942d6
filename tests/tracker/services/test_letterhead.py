"""The letterhead's logo as ``load_logo`` reads it (for ``tracker brief --logo`` and the
briefing dialog alike): a PNG or JPEG told by its content, at most 2 MB, sensible
dimensions; every refusal one line naming the file; a URL never fetched."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from tracker.domain.errors import ValidationError
from tracker.domain.letterhead import JPEG, PNG
from tracker.services.letterhead import load_logo


def image_file(path: Path, size: tuple[int, int], kind: str) -> Path:
    """An image of ``size`` pixels written as ``kind`` (PIL's format name) to ``path``."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 80, 160)).save(buffer, format=kind)
    path.write_bytes(buffer.getvalue())
    return path


def refusal(path: Path | str) -> str:
    """The one-line message ``load_logo`` refuses ``path`` with."""
    with pytest.raises(ValidationError) as caught:
        load_logo(str(path))
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: "), message
    return message


def test_a_png_is_accepted_with_its_dimensions(tmp_path: Path) -> None:
    logo = load_logo(str(image_file(tmp_path / "logo.png", (400, 120), "PNG")))
    assert (logo.kind, logo.width, logo.height) == (PNG, 400, 120)


def test_a_jpeg_is_accepted_with_its_dimensions(tmp_path: Path) -> None:
    logo = load_logo(str(image_file(tmp_path / "logo.jpeg", (300, 200), "JPEG")))
    assert (logo.kind, logo.width, logo.height) == (JPEG, 300, 200)


def test_a_png_named_jpg_is_accepted_by_its_content(tmp_path: Path) -> None:
    logo = load_logo(str(image_file(tmp_path / "logo.jpg", (64, 64), "PNG")))
    assert logo.kind == PNG


def test_a_gif_is_refused(tmp_path: Path) -> None:
    message = refusal(image_file(tmp_path / "logo.gif", (64, 64), "GIF"))
    assert "not a PNG or JPEG" in message


def test_a_text_file_named_png_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "logo.png"
    path.write_text("<svg>not an image</svg>\n")
    assert "not a PNG or JPEG" in refusal(path)


def test_three_megabytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    real = image_file(tmp_path / "real.png", (64, 64), "PNG").read_bytes()
    path.write_bytes(real + b"\0" * (3 * 1024 * 1024))
    assert "at most 2 MB" in refusal(path)


@pytest.mark.parametrize("size", [(1, 1), (20000, 10), (4001, 400), (2000, 150)])
def test_senseless_dimensions_are_refused(tmp_path: Path, size: tuple[int, int]) -> None:
    message = refusal(image_file(tmp_path / "odd.png", size, "PNG"))
    assert f"{size[0]}×{size[1]} pixels" in message


def test_a_damaged_png_is_refused_before_any_rendering(tmp_path: Path) -> None:
    whole = image_file(tmp_path / "whole.png", (64, 64), "PNG").read_bytes()
    path = tmp_path / "cut.png"
    path.write_bytes(whole[:40])  # the header is right, the pixels are gone
    assert "damaged" in refusal(path)


@pytest.mark.parametrize("url", ["https://example.org/logo.png", "file:///etc/logo.png"])
def test_a_url_is_refused_and_never_fetched(url: str) -> None:
    assert "a URL is not accepted" in refusal(url)


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    assert "cannot be read" in refusal(tmp_path / "gone.png")
