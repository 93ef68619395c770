"""Make the scanned test data: the LibreOffice PDFs of the .docx samples as scans.

Each page is rasterised at 200 dpi and given a small seeded skew, uneven paper, speckles, grain
and a little blur. The full scans are then thresholded to black and white and stored with CCITT
G4, as office scanners file archives (about 30 KB a page; grey JPEG would be 200 KB); the mixed
PDF keeps the text layer on some pages and has grey JPEG scans on the others, so both kinds of
scan are exercised. Deterministic: the same
inputs give the same files. Run from the repository root: ``python eval/make_scans.py``.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from pypdf import PdfReader, PdfWriter

ROOT = Path(__file__).resolve().parent / "corpus"
DPI = 200
JPEG_QUALITY = 60
THRESHOLD = 160  # grey level below which a pixel of the bilevel scan is ink
MIXED_SOURCE = "004_2f0070b463f791c7"
MIXED_SCANNED = range(8, 13)  # 1-based pages scanned in the mixed PDF (12 has a table)


def scan_page(page: pdfium.PdfPage, rng: np.random.Generator) -> Image.Image:
    """One page as a mildly imperfect grey scan."""
    image = page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    angle = float(rng.uniform(-0.6, 0.6))
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    pixels = np.asarray(image, dtype=np.float32)
    h, w = pixels.shape
    # uneven paper: a smooth brightness ramp of a few grey levels across the page
    ramp = np.linspace(0, float(rng.uniform(4, 12)), w, dtype=np.float32)[None, :]
    pixels = pixels - ramp
    # speckles: a few hundred dark dots, as dust on the glass leaves
    ys, xs = rng.integers(0, h, 400), rng.integers(0, w, 400)
    pixels[ys, xs] = rng.uniform(40, 160, 400)
    # grain: faint noise on the ink only, so the white paper stays cheap to compress
    ink = pixels < 200
    pixels[ink] += rng.normal(0, 12, int(ink.sum()))
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return image.filter(ImageFilter.GaussianBlur(0.6))


def image_pdf(images: list[Image.Image]) -> bytes:
    out = io.BytesIO()
    extra = {"quality": JPEG_QUALITY} if images[0].mode == "L" else {}  # bilevel: CCITT G4
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=DPI, **extra)
    return out.getvalue()


def scanned(source: Path, pages: range | None = None, seed: int = 0, grey: bool = False) -> bytes:
    """``source`` as an image-only PDF; ``pages`` (1-based) limits it to those pages."""
    document = pdfium.PdfDocument(source)
    numbers = pages or range(1, len(document) + 1)
    rng = np.random.default_rng(seed)
    images = [scan_page(document[n - 1], rng) for n in numbers]
    if not grey:
        images = [i.point(lambda v: 255 if v >= THRESHOLD else 0).convert("1") for i in images]
    return image_pdf(images)


def mixed(source: Path, scan: range) -> bytes:
    """``source`` with the pages in ``scan`` replaced by their scans."""
    images = PdfReader(io.BytesIO(scanned(source, scan, seed=1, grey=True)))
    text = PdfReader(source)
    writer = PdfWriter()
    for number, page in enumerate(text.pages, 1):
        writer.add_page(images.pages[number - scan.start] if number in scan else page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def main() -> None:
    out = ROOT / "scans"
    out.mkdir(exist_ok=True)
    for pdf in sorted((ROOT / "pdf").glob("*.pdf")):
        (out / pdf.name).write_bytes(scanned(pdf, seed=int(pdf.name[:3])))
    source = ROOT / "pdf" / f"{MIXED_SOURCE}.pdf"
    (out / f"{MIXED_SOURCE}.mixed.pdf").write_bytes(mixed(source, MIXED_SCANNED))
    for path in sorted(out.glob("*.pdf")):
        print(f"{path.relative_to(ROOT.parent.parent)}: {path.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
