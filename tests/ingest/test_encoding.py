"""Encodings: UTF-8 first when valid, a BOM's encoding, a declared charset, else the legacy code page the
bytes read best in (charset-normalizer); a few stray bytes never reject an article."""

from __future__ import annotations

import pytest

from sitrep.ingest import extract, read_file
from sitrep.ingest.encoding import charset_of
from sitrep.records import InputFailure, RawDocument

RUSSIAN = ("Российские военные заявили в понедельник, что взяли под контроль мост через реку, однако "
           "повстанцы опровергли это заявление и сообщили, что их отряды по-прежнему удерживают оба берега.\n")
FRENCH = ("L’armée a déclaré lundi qu’elle avait pris le contrôle du pont, mais les rebelles ont démenti cette "
          "affirmation. « Élève, garçon, où ça ? » a demandé le porte-parole.\n")


def _read(tmp_path, name: str, data: bytes):
    (tmp_path / name).write_bytes(data)
    items = list(read_file(str(tmp_path / name)))
    assert len(items) == 1, items
    return items[0]


def test_windows_1251_russian_page_is_russian_not_mojibake(tmp_path):
    raw = _read(tmp_path, "mост.txt", (RUSSIAN * 3).encode("cp1251"))
    assert isinstance(raw, RawDocument) and raw.content == RUSSIAN * 3
    assert extract(raw).language == "ru"


@pytest.mark.parametrize("text, codec", [
    pytest.param(FRENCH, "cp1252", id="french-windows-1252"),
    pytest.param("El ejército afirmó el lunes que había tomado el puente; «Año», señaló el portavoz. ", "cp1252",
                 id="spanish-windows-1252-not-1250"),
    pytest.param("Die Armee erklärte am Montag, sie habe die Brücke eingenommen. Größe, Übung. ", "latin-1",
                 id="german-latin-1"),
    pytest.param("Armia poinformowała w poniedziałek, że zajęła most. Żółć, źdźbło, łódź. ", "cp1250",
                 id="polish-windows-1250-not-1252"),
    pytest.param("Ordu pazartesi günü köprüyü ele geçirdiğini söyledi, ancak isyancılar bunu yalanladı. ", "cp1254",
                 id="turkish-windows-1254"),
    pytest.param("Ο στρατός δήλωσε τη Δευτέρα ότι κατέλαβε τη γέφυρα, αλλά οι αντάρτες το διέψευσαν. ", "cp1253",
                 id="greek-windows-1253"),
    pytest.param("הצבא הודיע ביום שני כי השתלט על הגשר, אך המורדים הכחישו זאת. ", "cp1255",
                 id="hebrew-windows-1255-not-koi8"),
    pytest.param("أعلن الجيش يوم الاثنين أنه سيطر على الجسر لكن المتمردين نفوا ذلك. ", "cp1256",
                 id="arabic-windows-1256"),
    pytest.param(RUSSIAN, "koi8_r", id="russian-koi8-r"),
    pytest.param("Мост через реку взят", "cp1251", id="a-short-russian-title"),
])
def test_legacy_code_pages_are_read_in_their_own_letters(tmp_path, text, codec):
    raw = _read(tmp_path, "page.txt", (text * 3).encode(codec))
    assert isinstance(raw, RawDocument) and raw.content == text * 3


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_with_a_bom_is_text_not_binary(tmp_path, codec):
    data = (FRENCH * 3).encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    raw = _read(tmp_path, "page.txt", data)
    assert isinstance(raw, RawDocument) and raw.content == FRENCH * 3


@pytest.mark.parametrize("data, kept", [
    pytest.param((FRENCH * 3).encode("cp1252")[:200] + b"\x81" + (FRENCH * 3).encode("cp1252")[200:],
                 "affirmation", id="windows-1252-with-one-unassigned-byte"),
    pytest.param((FRENCH * 3).encode("utf-8")[:200] + b"\x9d" + (FRENCH * 3).encode("utf-8")[200:],
                 "L’armée a déclaré", id="utf-8-with-one-stray-byte"),
])
def test_one_stray_c1_byte_does_not_reject_the_article(tmp_path, data, kept):
    raw = _read(tmp_path, "page.txt", data)
    assert isinstance(raw, RawDocument), raw
    assert kept in raw.content and raw.content.count("\ufffd") == 1


def test_many_stray_bytes_are_still_undecodable(tmp_path):
    failure = _read(tmp_path, "noise.txt", bytes(range(0x80, 0x100)) * 3)
    assert isinstance(failure, InputFailure) and failure.code == "W005"


def test_valid_utf8_is_read_as_utf8_first(tmp_path):
    raw = _read(tmp_path, "page.txt", (RUSSIAN * 3).encode("utf-8"))
    assert raw.content == RUSSIAN * 3


def test_the_charset_a_page_declares_is_honoured(tmp_path):
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            f"<title>Мост</title></head><body><p>{RUSSIAN}</p></body></html>")
    raw = _read(tmp_path, "page.html", html.encode("cp1251"))
    assert RUSSIAN.strip() in raw.content


def test_charset_of_a_content_type():
    assert charset_of('text/html; charset="windows-1251"') == "windows-1251"
    assert charset_of("text/html") is None
