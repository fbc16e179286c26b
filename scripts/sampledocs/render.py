"""Drawing pages with reportlab, and turning pages into noisy scans with no text layer."""
import io
import zlib

import numpy as np
from PIL import Image, ImageFilter
from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfgen import canvas

from .markup import pieces
from .layout import PAGE_W, PAGE_H, box_geom, BOX_LABEL_FONT
from reportlab.pdfbase.pdfmetrics import stringWidth

rl_config.useA85 = 0          # binary streams: smaller files
rl_config.invariant = 1       # fixed dates and document ID: same input, same bytes

_orig_load = PDFImageXObject.loadImageFromSRC


def _load_1bit(self, im):
    """Embed 1-bit PIL images as 1 bit per pixel (reportlab would expand them to 8-bit RGB)."""
    pil = getattr(im, "_image", None)
    if pil is not None and pil.mode == "1":
        self.width, self.height = pil.size
        self.streamContent = zlib.compress(pil.tobytes(), 9)
        self._filters = ("FlateDecode",)
        self.colorSpace = "DeviceGray"
        self.bitsPerComponent = 1
        return
    return _orig_load(self, im)


PDFImageXObject.loadImageFromSRC = _load_1bit


def _enc(s):
    # standard fonts use WinAnsi; anything outside it is replaced rather than crashing
    return s.encode("cp1252", "replace").decode("cp1252")


def draw_text_op(c, op):
    x, y, f, s = op["x"], op["y"], op["f"], op["s"]
    gray = op.get("c", 0.0)
    for p in pieces(op["m"]):
        if p[0] in ("text", "tag"):
            t = _enc(p[1] if p[0] == "text" else p[2])
            c.setFillGray(gray)
            c.setFont(f, s)
            c.drawString(x, y, t)
            x += stringWidth(t, f, s)
        else:
            label, n, where = p[1], p[2], p[3]
            bw, lw = box_geom(label, n, where, f, s)
            c.setFillGray(0)
            c.rect(x, y - s * .28, bw, s * 1.13, stroke=0, fill=1)
            if where == "on":
                c.setFillGray(1)
                c.setFont(BOX_LABEL_FONT, s * .78)
                c.drawString(x + (bw - lw) / 2, y + s * .05, label)
            x += bw
            if where == "beside":
                c.setFillGray(0)
                c.setFont(BOX_LABEL_FONT, s * .78)
                c.drawString(x + 3, y + s * .05, label)
                x += lw + 3
    c.setFillGray(0)


def draw_page(c, page):
    for op in page.ops:
        t = op["t"]
        if t == "text":
            draw_text_op(c, op)
        elif t == "line":
            c.setStrokeGray(op.get("g", 0))
            c.setLineWidth(op["lw"])
            if op.get("dash"):
                c.setDash(*op["dash"])
            c.line(op["x1"], op["y1"], op["x2"], op["y2"])
            c.setDash()
            c.setStrokeGray(0)
        elif t == "rect":
            c.setLineWidth(op["lw"])
            c.rect(op["x"], op["y"], op["w"], op["h"], stroke=1 if op.get("stroke", True) else 0,
                   fill=1 if op.get("fill") else 0)


def vector_pdf(pages, title):
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setCreator("")
    c.setProducer("")
    for pg in pages:
        draw_page(c, pg)
        c.showPage()
    c.save()
    return buf.getvalue()


def degrade(img, rng, look):
    """A printed-and-scanned look. img: 'L' PIL image. look: dict(bitonal, dpi, quality, strength)."""
    w, h = img.size
    strength = look["strength"]
    a = np.asarray(img, dtype=np.float32)
    ink = rng.uniform(15, 55)
    paper = rng.uniform(238, 252)
    a = ink + (paper - ink) * (a / 255.0)
    img = Image.fromarray(a.clip(0, 255).astype(np.uint8))
    angle = float(rng.uniform(-1.5, 1.5)) * strength
    dx, dy = int(rng.integers(-12, 13)), int(rng.integers(-10, 14))
    img = img.rotate(angle, resample=Image.BICUBIC, translate=(dx, dy), fillcolor=int(paper))
    img = img.filter(ImageFilter.GaussianBlur(float(rng.uniform(0.35, 0.85))))
    a = np.asarray(img, dtype=np.float32)
    a += rng.normal(0, 2.5 + 2.5 * strength, size=a.shape).astype(np.float32)
    # speckles: small dark dots, a few larger specks
    n = int(rng.integers(60, 400) * strength)
    ys, xs = rng.integers(2, h - 3, n), rng.integers(2, w - 3, n)
    for yy, xx in zip(ys, xs):
        r = int(rng.integers(0, 2))
        a[yy - r:yy + r + 1, xx - r:xx + r + 1] = rng.uniform(20, 140)
    # occasional faint vertical streak and an edge shadow from the scanner lid
    if rng.random() < .25:
        x0 = int(rng.integers(0, w - 3))
        a[:, x0:x0 + int(rng.integers(1, 3))] -= rng.uniform(15, 45)
    if rng.random() < .3:
        band = int(rng.integers(8, 30))
        ramp = np.linspace(rng.uniform(60, 140), 0, band, dtype=np.float32)
        side = int(rng.integers(0, 3))
        if side == 0:
            a[:, :band] -= ramp[None, :]
        elif side == 1:
            a[:, -band:] -= ramp[::-1][None, :]
        else:
            a[:band, :] -= ramp[:, None]
    if look["bitonal"]:
        thr = rng.uniform(140, 175)
        out = Image.fromarray(((a > thr) * 255).astype(np.uint8)).convert("1", dither=Image.NONE)
        return out, None
    a[a > paper - rng.uniform(12, 18)] = 255      # scanner white point: clean background
    out = Image.fromarray(a.clip(0, 255).astype(np.uint8))
    jb = io.BytesIO()
    out.save(jb, "JPEG", quality=int(look["quality"]), optimize=False, progressive=False)
    return out, jb.getvalue()


def scan_images(vector_bytes, indices, seed, looks):
    """Render the given page indices to degraded images. Returns {index: (PIL image, jpeg bytes or None)}."""
    import pypdfium2 as pdfium
    out = {}
    if not indices:
        return out
    doc = pdfium.PdfDocument(vector_bytes)
    try:
        for i in indices:
            look = looks[i]
            page = doc[i]
            bm = page.render(scale=look["dpi"] / 72.0, grayscale=True)
            img = bm.to_pil().convert("L")
            bm.close()
            page.close()
            rng = np.random.default_rng([seed, i])
            out[i] = degrade(img, rng, look)
    finally:
        doc.close()
    return out


def final_pdf(pages, sources, scans, title):
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setCreator("")
    c.setProducer("")
    for i, pg in enumerate(pages):
        if sources[i] == "text":
            draw_page(c, pg)
        else:
            img, jpeg = scans[i]
            src = ImageReader(io.BytesIO(jpeg)) if jpeg is not None else ImageReader(img)
            c.drawImage(src, 0, 0, PAGE_W, PAGE_H)
        c.showPage()
    c.save()
    return buf.getvalue()
