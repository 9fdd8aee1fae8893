"""Files whose bytes are not plain UTF-8 prose: binary, empty, other encodings, CRLF, NULs."""

from __future__ import annotations

import codecs
import random
import zlib
from pathlib import Path

import pytest
from cli_support import SEEDS
from input_support import align_json, refused_by_every_command, succeeds

from newsdiff.core.errors import InputError
from newsdiff.core.loader import article_from_bytes

FIRST = "Kim met Putin at the cosmodrome on Wednesday, officials said."
SECOND = "The two leaders talked for hours about rockets and ammunition."


def _binaries() -> dict[str, bytes]:
    noise = random.Random(3)
    return {
        "random": bytes(noise.randrange(256) for _ in range(4096)),
        "compressed": zlib.compress((SEEDS / "001_ee081a7865b12ef2.txt").read_bytes()),
        "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(noise.randrange(256) for _ in range(600)),
        "nuls": b"\x00\x01\x02\x03binary\x00\x00\x00\x00" * 100,
    }


@pytest.mark.parametrize("kind", sorted(_binaries()))
def test_binary_file(tmp_path: Path, other: Path, kind: str) -> None:
    """Random or compressed data has only a few NUL bytes, but many other control bytes."""
    data = _binaries()[kind]
    with pytest.raises(InputError, match="looks like a binary file"):
        article_from_bytes(data, "x.bin")
    binary = tmp_path / f"{kind}.bin"
    binary.write_bytes(data)
    line = refused_by_every_command(binary, other, "looks like a binary file, not article text")
    assert line == f"newsdiff: {binary}: looks like a binary file, not article text"


@pytest.mark.parametrize(
    ("name", "data"), [("empty.txt", b""), ("blank.txt", b"  \n\t\n\r\n \xc2\xa0 \n\n   ")]
)
def test_empty_or_white_space_only(tmp_path: Path, other: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert refused_by_every_command(path, other, "") == f"newsdiff: {path}: the file is empty"
    refused_by_every_command(path, other, "the file is empty", first=False)


def _read_back(tmp_path: Path, other: Path, name: str, data: bytes) -> list[str]:
    """Write ``data``, run all three commands on it, return the paragraphs as the JSON has them."""
    path = tmp_path / name
    path.write_bytes(data)
    paragraphs: list[str] = align_json(path, other)["a"]["paragraphs"]
    diff = succeeds("diff", path, other, "--width", 120).stdout
    export = succeeds("export", path, other).stdout
    for paragraph in paragraphs:
        for word in paragraph.split():
            assert word in diff, word
    assert "\r" not in diff and "\x00" not in diff and "\r" not in export and "\x00" not in export
    return paragraphs


def test_invalid_utf8_is_read_as_windows_1252(tmp_path: Path, other: Path) -> None:
    """Bytes that are not UTF-8 mean a legacy encoding: shown as its letters, never an error."""
    data = f"{FIRST}\n\n{SECOND}\n".encode().replace(b"officials", b"offici\xe9ls \xff\xfe \xc3(")
    paragraphs = _read_back(tmp_path, other, "bad_utf8.txt", data)
    assert paragraphs == [FIRST.replace("officials", "officiéls ÿþ Ã("), SECOND]


def test_latin1(tmp_path: Path, other: Path) -> None:
    text = "Le président a rencontré Kim à Vladivostok, a déclaré le porte-parole «officiel»."
    assert _read_back(tmp_path, other, "latin1.txt", text.encode("latin-1")) == [text]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, other: Path, codec: str) -> None:
    text = f"{FIRST} Ürümqi, 東京, مرحبا.\n\n{SECOND}\n"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert _read_back(tmp_path, other, f"{codec}.txt", data) == [f"{FIRST} Ürümqi, 東京, مرحبا.", SECOND]


def test_utf8_with_bom(tmp_path: Path, other: Path) -> None:
    data = codecs.BOM_UTF8 + f"{FIRST}\n\n{SECOND}\n".encode()
    assert _read_back(tmp_path, other, "bom.txt", data) == [FIRST, SECOND]


def test_crlf_line_ends(tmp_path: Path, other: Path) -> None:
    data = f"{FIRST}\r\n\r\n{SECOND}\r\nstill the second paragraph.\r\n".encode()
    paragraphs = _read_back(tmp_path, other, "crlf.txt", data)
    assert paragraphs == [FIRST, f"{SECOND}\nstill the second paragraph."]


def test_nul_bytes_inside_text(tmp_path: Path, other: Path) -> None:
    """A few stray NULs (a bad scrape) are removed; the words around them stay whole."""
    data = f"{FIRST}\n\n{SECOND}\n".encode().replace(b"Putin", b"Pu\x00tin").replace(b"hours", b"hours\x00")
    assert _read_back(tmp_path, other, "nul.txt", data) == [FIRST, SECOND]
