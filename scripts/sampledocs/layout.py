"""Page layout: printouts -> pages of draw operations. Pure computation; rendering is in render.py.

A draw op is a dict: {"t": "text", "x", "y", "m" (markup), "f" (font), "s" (size), "c" (gray 0..1),
"comm" (communication index)} or {"t": "rect", x, y, w, h, fill, stroke, lw} or
{"t": "line", x1, y1, x2, y2, lw, dash}.
"""
import datetime as dt

from reportlab.pdfbase.pdfmetrics import stringWidth

from .markup import pieces, atoms, BOX, TAG_OPEN, SEP, TAG_CLOSE

PAGE_W, PAGE_H = 612.0, 792.0
DAYNAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


# --------------------------------------------------------------------------- time

def _nth_sunday(year, month, n):
    d = dt.date(year, month, 1)
    d += dt.timedelta(days=(6 - d.weekday()) % 7)
    return d + dt.timedelta(days=7 * (n - 1))


def ny_offset(t):
    """UTC offset of America/New_York for a naive local datetime (US rules since 2007)."""
    start = dt.datetime.combine(_nth_sunday(t.year, 3, 2), dt.time(2))
    end = dt.datetime.combine(_nth_sunday(t.year, 11, 1), dt.time(2))
    return -4 if start <= t < end else -5


def fmt_time(t, fmt):
    """Returns (printed, iso). Seconds appear in the ISO value only when printed."""
    off = ny_offset(t)
    h12 = t.hour % 12 or 12
    ampm = "AM" if t.hour < 12 else "PM"
    day, mon = DAYNAMES[t.weekday()], MONTHS[t.month - 1]
    secs = False
    if fmt == "outlook":
        s = f"{day}, {mon} {t.day:02d}, {t.year} {h12}:{t.minute:02d} {ampm}"
    elif fmt == "outlook_nopad":
        s = f"{day}, {mon} {t.day}, {t.year} {h12}:{t.minute:02d} {ampm}"
    elif fmt == "outlook_short":
        s = f"{day[:3]} {t.month}/{t.day}/{t.year} {h12}:{t.minute:02d} {ampm}"
    elif fmt == "rfc2822":
        s = f"{day[:3]}, {t.day} {mon[:3]} {t.year} {t.hour:02d}:{t.minute:02d}:{t.second:02d} {'-0400' if off == -4 else '-0500'}"
        secs = True
    elif fmt == "numeric":
        s = f"{t.month}/{t.day}/{t.year} {t.hour}:{t.minute:02d}"
    elif fmt == "numeric_ampm":
        s = f"{t.month}/{t.day}/{t.year} {h12}:{t.minute:02d}:{t.second:02d} {ampm}"
        secs = True
    elif fmt == "apple":
        s = f"{mon} {t.day}, {t.year} at {h12}:{t.minute:02d}:{t.second:02d} {ampm} {'EDT' if off == -4 else 'EST'}"
        secs = True
    elif fmt == "gmail":
        s = f"{day[:3]}, {mon[:3]} {t.day}, {t.year} at {h12}:{t.minute:02d} {ampm}"
    elif fmt == "iphone":
        s = f"{mon[:3]} {t.day}, {t.year}, at {h12}:{t.minute:02d} {ampm}"
    else:
        raise ValueError(fmt)
    iso = f"{t.year:04d}-{t.month:02d}-{t.day:02d}T{t.hour:02d}:{t.minute:02d}:{t.second if secs else 0:02d}{off:+03d}:00"
    return s, iso


# --------------------------------------------------------------------------- measuring

BOX_LABEL_FONT = "Helvetica-Bold"


def box_geom(label, n, where, font, size):
    w = stringWidth("n" * n, font, size)
    lw = stringWidth(label, BOX_LABEL_FONT, size * .78) if label and where != "none" else 0
    if where == "on":
        w = max(w, lw + 6)
    return w, lw


def mwidth(m, font, size):
    w = 0.0
    for p in pieces(m):
        if p[0] == "text":
            w += stringWidth(p[1], font, size)
        elif p[0] == "tag":
            w += stringWidth(p[2], font, size)
        else:
            bw, lw = box_geom(p[1], p[2], p[3], font, size)
            w += bw + (lw + 3 if p[3] == "beside" else 0)
    return w


def wrap(m, font, size, width, first_width=None):
    """Greedy word wrap of markup; tags and boxes never split."""
    lines, cur, cw = [], [], 0.0
    sp = stringWidth(" ", font, size)
    lim = first_width if first_width is not None else width
    for a in atoms(m):
        aw = mwidth(a, font, size)
        if cur and cw + sp + aw > lim:
            lines.append(" ".join(cur))
            cur, cw = [a], aw
            lim = width
        else:
            cw += (sp if cur else 0) + aw
            cur.append(a)
    if cur:
        lines.append(" ".join(cur))
    return lines or [""]


# --------------------------------------------------------------------------- pages

class Page:
    def __init__(self, role, printout, comm):
        self.ops = []
        self.role = role            # email | attach | document
        self.printout = printout    # printout id that owns the page numbering
        self.comms = [comm]
        self.cont = False           # continuation page of a printout


class Flow:
    def __init__(self, st):
        self.st, self.pages = st, []
        self.page, self.y, self.comm = None, 0, None

    def new_page(self, role, printout, comm, cont=False):
        self.page = Page(role, printout, comm)
        self.page.cont = cont
        self.pages.append(self.page)
        self.y = PAGE_H - self.st.top - (14 if cont and self.st.cont_header else 0)
        self.comm = comm

    def ensure(self, h):
        if self.y - h < self.st.bottom:
            p = self.page
            self.new_page(p.role if p.role != "document" else "document", p.printout, self.comm, cont=True)

    def set_comm(self, comm):
        self.comm = comm
        if comm not in self.page.comms:
            self.page.comms.append(comm)

    def text(self, x, m, font, size, lead=None, color=0.0):
        lead = lead or size * self.st.lead
        self.ensure(lead)
        self.y -= lead
        self.page.ops.append(dict(t="text", x=x, y=self.y, m=m, f=font, s=size, c=color, comm=self.comm))

    def runs(self, runs, lead):
        """Several text runs on one baseline: [(x, markup, font, size)]."""
        self.ensure(lead)
        self.y -= lead
        for x, m, f, s in runs:
            self.page.ops.append(dict(t="text", x=x, y=self.y, m=m, f=f, s=s, c=0.0, comm=self.comm))

    def para(self, m, font, size, x, width, prefix="", lead=None, color=0.0):
        lead = lead or size * self.st.lead
        pw = stringWidth(prefix, font, size)
        for ln in wrap(m, font, size, width - pw):
            self.text(x, prefix + ln, font, size, lead, color)

    def rule(self, lw=1.0, x1=None, x2=None, gap_before=4, gap_after=4, dash=None, gray=0.0):
        self.ensure(gap_before + gap_after + lw)
        self.y -= gap_before
        self.page.ops.append(dict(t="line", x1=x1 if x1 is not None else self.st.ml,
                                  x2=x2 if x2 is not None else PAGE_W - self.st.mr,
                                  y1=self.y, y2=self.y, lw=lw, dash=dash, g=gray))
        self.y -= gap_after + lw

    def space(self, h):
        if self.y - h < self.st.bottom:
            self.y = self.st.bottom
        else:
            self.y -= h


class Style:
    """Visual style of one production (one agency's release)."""

    def __init__(self, rng):
        self.ml = rng.choice([54, 63, 72, 72])
        self.mr = self.ml + rng.choice([-9, 0, 0, 9])
        self.top = rng.choice([50, 58, 66])
        self.bottom = rng.choice([72, 80])
        self.lead = rng.choice([1.18, 1.22, 1.28])
        self.owner_size = rng.choice([12, 13, 14, 14])
        self.owner_rule = rng.choice([1.5, 2.0, 2.5, 3.0])
        self.hdr_size = rng.choice([9.5, 10, 10, 10.5])
        self.value_dx = rng.choice([100, 108, 118, 128])
        self.hdr_font, self.hdr_bold = rng.choice([("Helvetica", "Helvetica-Bold"), ("Helvetica", "Helvetica-Bold"),
                                                   ("Times-Roman", "Times-Bold")])
        self.body_font, self.body_bold = rng.choice([("Times-Roman", "Times-Bold"), ("Helvetica", "Helvetica-Bold"),
                                                     ("Helvetica", "Helvetica-Bold"), ("Courier", "Courier-Bold")])
        self.body_size = {"Courier": rng.choice([9.5, 10]), "Times-Roman": rng.choice([11, 12]),
                          "Helvetica": rng.choice([10, 10.5, 11])}[self.body_font]
        self.para_gap = rng.choice([0.5, 1.0, 1.0])          # blank lines between paragraphs
        self.pageno = rng.choice(["center", "center", "pageof", "none", "dash"])
        self.cont_header = rng.random() < .35                # repeated header line on continuation pages
        self.quote_indent = rng.choice([0, 0, 18, 36])

    @property
    def width(self):
        return PAGE_W - self.ml - self.mr


# --------------------------------------------------------------------------- printouts

def header_rows_outlook(fl, rows, st):
    """Tabulated Outlook header: bold label at margin, value at value_x, values wrap under value_x."""
    vx = st.ml + st.value_dx
    lead = st.hdr_size * 1.25
    for label, val in rows:
        lines = wrap(val, st.hdr_font, st.hdr_size, PAGE_W - st.mr - vx) if val else [""]
        fl.runs([(st.ml, label, st.hdr_bold, st.hdr_size), (vx, lines[0], st.hdr_font, st.hdr_size)], lead)
        for ln in lines[1:]:
            fl.runs([(vx, ln, st.hdr_font, st.hdr_size)], lead)


def header_rows_inline(fl, rows, st, x, font, bold, size, prefix="", bold_labels=True):
    """'From: value' with the value right after the label; continuation lines indented a little."""
    lead = size * 1.22
    for label, val in rows:
        lw = stringWidth(prefix + label + " ", bold if bold_labels else font, size)
        width = PAGE_W - st.mr - x
        lines = wrap(val, font, size, width - 12, first_width=width - lw)
        fl.runs([(x, prefix + label, bold if bold_labels else font, size), (x + lw, lines[0], font, size)], lead)
        for ln in lines[1:]:
            fl.runs([(x, prefix, font, size), (x + 12 + stringWidth(prefix, font, size), ln, font, size)], lead)


def body(fl, paras, st, x, prefix="", redact=None, size=None, font=None):
    font = font or st.body_font
    size = size or st.body_size
    width = PAGE_W - st.mr - x
    lead = size * st.lead
    prev = None
    for p in paras:
        m = redact(p.m, p.kind) if redact else p.m
        if p.kind == "p":
            if prev is not None and st.para_gap:
                fl.space(lead * st.para_gap)
            fl.para(m, font, size, x, width, prefix, lead)
        elif p.kind == "line":
            if prev not in (None, "line", "sig") and st.para_gap:
                fl.space(lead * st.para_gap)
            fl.para(m, font, size, x, width, prefix, lead)
        elif p.kind == "sig":
            if prev not in ("sig",):
                fl.space(lead * 0.8)
            fl.para(m, font, size * (0.92 if font != "Courier" else 1), x, width, prefix, lead * .95)
        elif p.kind == "small":
            fl.space(lead)
            fl.para(m, "Helvetica" if font != "Courier" else font, 7.2, x, width, prefix, 8.6)
        elif p.kind == "pre":
            fl.text(x, prefix + m, "Courier", size * .9, lead)
        prev = p.kind
