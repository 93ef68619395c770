"""Read a report in any supported format into the document model.

``read_document`` checks the file before any parser sees it, so that a missing, empty,
oversized, encrypted or mislabelled file fails with one clear sentence, not a traceback.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

from budgetlens.document import Document
from budgetlens.errors import InputError
from budgetlens.ingest.structure import assemble

MAX_BYTES = 50 * 1024 * 1024  # the largest real reports seen are a few MB; 50 MB is a scan
_DOCX_MAX_UNZIPPED = 200 * 1024 * 1024  # guards against zip bombs
_IMAGES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
SUFFIXES = {".docx", ".pdf", ".txt", ".md", ".html", ".htm", *_IMAGES}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc, or an encrypted .docx
_CJK = re.compile(r"[\u4e00-\u9fff]")


def read_document(path: Path | str) -> Document:
    path = Path(path)
    data = _read_checked(path)
    sha = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    warnings: list[str] = []
    pages: int | None = None
    if suffix == ".docx":
        from budgetlens.ingest.docx import read_docx

        _check_docx(path, data)
        items, pages = read_docx(path)
        fmt = "docx"
    elif suffix == ".pdf":
        from budgetlens.ingest.pdf import read_pdf

        if not data.startswith(b"%PDF"):
            raise InputError(f"{path}: not a PDF (it does not start with %PDF)")
        content = read_pdf(path)
        items, pages, warnings = content.items, content.pages, content.warnings
        fmt = "pdf"
    elif suffix in _IMAGES:
        from budgetlens.ingest.pdf import read_images

        heights = _image_heights(path)
        items, pages, fmt = read_images(path, heights), len(heights), "image"
    elif suffix in (".html", ".htm"):
        from budgetlens.ingest.html import read_html

        items = read_html(data)
        fmt = "html"
    else:
        from budgetlens.ingest.text_export import read_text_export, sniff

        text = _decode(path, data)
        fmt = sniff(text.splitlines())
        items = read_text_export(text, fmt)
    document = assemble(
        items, source=str(path), fmt=fmt, sha256=sha, pages=pages, warnings=warnings
    )
    if not document.blocks:
        raise InputError(f"{path}: no text or tables found in it")
    if not any(_CJK.search(b.text) for b in document.blocks) and not document.tables:
        raise InputError(f"{path}: does not look like a Chinese budget report (no Chinese text)")
    return document


def _read_checked(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a file")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        kinds = ", ".join(sorted(SUFFIXES))
        raise InputError(
            f"{path}: unsupported file type {suffix or '(none)'}; budgetlens reads {kinds}"
        )
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path}: the file is empty")
    if size > MAX_BYTES:
        raise InputError(
            f"{path}: {size / 1e6:.1f} MB is over the {MAX_BYTES // (1024 * 1024)} MB limit"
        )
    return path.read_bytes()


def _check_docx(path: Path, data: bytes) -> None:
    if data.startswith(_OLE_MAGIC):
        raise InputError(
            f"{path}: an encrypted Word file or a legacy .doc; save it as an unprotected .docx"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            if "word/document.xml" not in archive.namelist():
                raise InputError(f"{path}: not a Word document (no word/document.xml inside)")
            if sum(i.file_size for i in archive.infolist()) > _DOCX_MAX_UNZIPPED:
                raise InputError(f"{path}: unpacks to more than 200 MB; refusing to read it")
    except zipfile.BadZipFile as exc:
        raise InputError(f"{path}: corrupt .docx (not a valid zip archive)") from exc


def _image_heights(path: Path) -> list[float]:
    """Each frame's height in points: checks the file is an image before OCR sees it."""
    from PIL import Image, UnidentifiedImageError

    from budgetlens.ingest.ocr import DEFAULT_IMAGE_DPI

    try:
        with Image.open(path) as image:
            heights = []
            for frame in range(getattr(image, "n_frames", 1)):
                image.seek(frame)
                image.load()  # decodes it: a truncated or damaged image fails here
                dpi = float(image.info.get("dpi", (0, 0))[1] or DEFAULT_IMAGE_DPI)
                heights.append(image.height * 72 / dpi)
            return heights
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError) as exc:
        detail = str(exc).replace("\n", " ") or type(exc).__name__
        raise InputError(f"{path}: not a readable image ({detail})") from exc


def _decode(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030, the encoding older Chinese exports use."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}: not a text file (neither UTF-8 nor GB18030)")
