"""The command line: bad input is one line on stderr and exit status 2, never a traceback."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile

import pytest

from .conftest import CORPUS, SAMPLES, SEEDS


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "budgetlens.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def assert_clean_failure(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("budgetlens: error: ")
    assert words in lines[0]
    assert result.stdout == ""


def _scanned_pdf() -> bytes:
    """A one-page PDF whose page is only an image: no text layer."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(image).rectangle((40, 40, 360, 160), outline="black", width=3)
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=72)
    return buffer.getvalue()


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.add_page(PdfReader(CORPUS / "pdf" / "000_8bbc2e346d9430aa.pdf").pages[0])
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# case: (file name, its bytes, words the error must contain)
BAD_INPUTS = {
    "empty": ("empty.txt", lambda: b"", "the file is empty"),
    "unsupported": ("table.xlsx", lambda: b"x", "unsupported file type .xlsx"),
    "corrupt docx": ("bad.docx", lambda: os.urandom(2000), "corrupt .docx"),
    "zip, not docx": ("other.docx", lambda: _zip({"a.txt": b"hi"}), "not a Word document"),
    "encrypted docx": (
        "locked.docx",
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
        "encrypted Word file",
    ),
    "corrupt pdf": ("bad.pdf", lambda: b"%PDF-1.7\n" + os.urandom(3000), "not a readable PDF"),
    "not a pdf": ("fake.pdf", lambda: b"hello", "not a PDF"),
    "encrypted pdf": ("locked.pdf", _encrypted_pdf, "encrypted"),
    "scan without text": ("scan.pdf", _scanned_pdf, "no text found"),
    "corrupt image": (
        "scan.png",
        lambda: b"\x89PNG\r\n\x1a\n" + bytes(300),
        "not a readable image",
    ),
    "not an image": ("scan.tiff", lambda: b"hello", "not a readable image"),
    "not a report": ("notes.txt", lambda: b"shopping list\neggs\n", "not look like a Chinese"),
    "binary as text": ("blob.txt", lambda: bytes(range(256)) * 4, "not a text file"),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_is_one_line_and_status_2(tmp_path, case):
    name, data, words = BAD_INPUTS[case]
    path = tmp_path / name
    path.write_bytes(data())
    assert_clean_failure(run("segment", str(path)), words)


def test_missing_file_and_directory(tmp_path):
    assert_clean_failure(run("segment", str(tmp_path / "nowhere.docx")), "no such file")
    assert_clean_failure(run("segment", str(tmp_path)), "not a file")


def test_file_over_the_size_limit(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(51 * 1024 * 1024)
    assert_clean_failure(run("segment", str(big)), "over the 50 MB limit")


def test_segment_json_is_the_document_model(tmp_path):
    out = tmp_path / "000.json"
    result = run("segment", str(SEEDS["000"]), "--json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "text-word"
    kinds = {b["kind"] for b in data["blocks"]}
    assert kinds == {"heading", "paragraph", "table"}
    table = next(b for b in data["blocks"] if b["kind"] == "table")
    assert table["id"] == "t1" and table["location"]["line_start"] == 61
    assert {"row", "col", "row_span", "col_span", "text", "location"} <= set(table["cells"][0])
    assert not list(tmp_path.glob(".*.tmp"))  # the atomic write left no temporary file


def test_segment_outline_lists_blocks_with_their_lines():
    result = run("segment", str(SEEDS["004"]))
    assert result.returncode == 0
    assert "   t1 L259-395 " in result.stdout
    assert "table 15x8 2023年区级部门整体支出绩效评价自评得分" in result.stdout


def test_docx_is_read_offline_without_telemetry(tmp_path):
    """No socket is opened while a .docx is read: no model download, no telemetry ping."""
    script = tmp_path / "guard.py"
    script.write_text(
        "import socket, sys\n"
        "def refuse(*a, **k):\n"
        "    raise AssertionError(f'network call: {a}')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "from budgetlens.ingest import read_document\n"
        "d = read_document(sys.argv[1])\n"
        "print(len(d.tables))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DO_NOT_TRACK", "SCARF_NO_ANALYTICS")}
    result = subprocess.run(
        [sys.executable, str(script), str(SAMPLES["000"])],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "7"  # its two rows of empty cells are layout, no table
