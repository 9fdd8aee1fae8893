"""Every encoding a saved article arrives in reads to the same paragraphs as its UTF-8 original."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newsdiff.core.loader import article_from_bytes, parse_article
from newsdiff.core.text import decode, looks_binary, utf16_without_bom

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
FRENCH = (
    "Le Kremlin a qualifié la rencontre de « très fructueuse », a déclaré M. Peskov à Vladivostok, "
    "où il était déjà. Größere Übungen folgen, sagte Herr Müller."
)
"""Added to each seed so the single-byte encodings carry letters beyond ASCII, not just quotes."""
# Latin-1 has no curly quotes or dashes: the seed is written with the straight ones it does have.
_LATIN1_FORMS = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-", "…": "...", "•": "*"}
)

ENCODINGS: dict[str, tuple[str, bytes]] = {
    # name: (Python codec, prefix written before the encoded text)
    "utf-8": ("utf-8", b""),
    "utf-8 with BOM": ("utf-8", codecs.BOM_UTF8),
    "utf-16 LE with BOM": ("utf-16-le", codecs.BOM_UTF16_LE),
    "utf-16 BE with BOM": ("utf-16-be", codecs.BOM_UTF16_BE),
    "utf-16 LE without BOM": ("utf-16-le", b""),
    "utf-16 BE without BOM": ("utf-16-be", b""),
    "windows-1252": ("cp1252", b""),
    "latin-1": ("latin-1", b""),
}


def _text_for(seed: Path, encoding: str) -> str:
    text = seed.read_text(encoding="utf-8") + "\n\n" + FRENCH + "\n"
    return text.translate(_LATIN1_FORMS) if encoding == "latin-1" else text


def _paragraphs(text: str) -> list[str]:
    return [p.text for p in parse_article(text, "x.txt").paragraphs]


@pytest.mark.parametrize("seed", SEED_FILES, ids=[p.name[:3] for p in SEED_FILES])
@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_each_encoding_of_each_seed_reads_as_the_original(seed: Path, encoding: str) -> None:
    codec, prefix = ENCODINGS[encoding]
    text = _text_for(seed, encoding)
    data = prefix + text.encode(codec)
    assert not looks_binary(data)
    article = article_from_bytes(data, f"{seed.stem}.txt")
    assert [p.text for p in article.paragraphs] == _paragraphs(text)
    assert FRENCH.translate(_LATIN1_FORMS) in [p.text for p in article.paragraphs]


@pytest.mark.parametrize("seed", SEED_FILES, ids=[p.name[:3] for p in SEED_FILES])
@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["CRLF", "CR"])
@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le", "cp1252"])
def test_line_ends_and_stray_controls_change_no_paragraph(seed: Path, newline: str, codec: str) -> None:
    text = seed.read_text(encoding="utf-8")
    hostile = text.replace("\n", newline).replace("Putin", "Pu\x00tin\x07").replace("Kim", "\x1bKim")
    article = article_from_bytes(hostile.encode(codec), f"{seed.stem}.txt")
    paragraphs = [p.text for p in article.paragraphs]
    assert paragraphs == _paragraphs(text)
    assert not any(ch in "".join(paragraphs) for ch in "\r\x00\x07\x1b")


def test_utf16_without_bom_is_recognised_by_its_zero_bytes() -> None:
    assert utf16_without_bom("Kim met Putin.\n".encode("utf-16-le")) == "utf-16-le"
    assert utf16_without_bom("Kim met Putin.\n".encode("utf-16-be")) == "utf-16-be"
    assert utf16_without_bom(b"Kim met Putin.\n") is None
    assert utf16_without_bom(b"\x00\x01\x02\x03binary\x00\x00\x00\x00" * 100) is None


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Президент России Владимир Путин встретился с Ким Чен Ыном на космодроме Восточный.", "cp1251"),
        ("Президент России Владимир Путин встретился с Ким Чен Ыном на космодроме Восточный.", "koi8-r"),
        ("北朝鮮の金正恩総書記はロシアのプーチン大統領と会談した。宇宙基地を視察した。", "shift_jis"),
        ("Ο Κιμ Γιονγκ Ουν συναντήθηκε με τον Βλαντιμίρ Πούτιν στο κοσμοδρόμιο.", "cp1253"),
        ("朝鲜领导人金正恩周三在俄罗斯远东地区的东方航天发射场会见了俄罗斯总统普京。", "gbk"),
        ("北韓領導人金正恩週三在俄羅斯遠東地區的東方航天發射場會見了俄羅斯總統普京。", "big5"),
        ("김정은 국무위원장은 수요일 러시아 극동 보스토치니 우주기지에서 푸틴 대통령과 만났다.", "euc-kr"),
    ],
)
def test_non_latin_legacy_encodings_are_detected(text: str, codec: str) -> None:
    """charset-normalizer's guess is used when it reads as a non-Latin script."""
    assert decode((text + " " + text).encode(codec)) == text + " " + text


@pytest.mark.parametrize(
    "text",
    ["café", "“quoted”", "Größere Übungen, sagte Herr Müller.", "Kim’s “sacred fight” — in Russia’s east…"],
)
def test_western_legacy_text_stays_windows_1252(text: str) -> None:
    """charset-normalizer calls such text cp1250, cp852 or even UTF-16; Windows-1252 is what it is."""
    assert decode(text.encode("cp1252")) == text


@pytest.mark.parametrize("encoding", sorted(set(ENCODINGS) - {"latin-1"}))
def test_markdown_files_are_decoded_the_same_way(encoding: str) -> None:
    from newsdiff.core.markdown_article import dump_markdown_article

    seed = parse_article(_text_for(SEED_FILES[1], encoding), "x.txt")
    codec, prefix = ENCODINGS[encoding]
    article = article_from_bytes(prefix + dump_markdown_article(seed).encode(codec), "x.md")
    assert [p.text for p in article.paragraphs] == [p.text for p in seed.paragraphs]
    assert article.title == seed.title
