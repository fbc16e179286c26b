"""Inline markup used between the composer and the layout engine.

A piece of text may carry tagged spans and existing-redaction boxes:

    TAG:  \x01 CLASS \x1f TEXT \x02     CLASS is "P:<pii type>" (private, must go)
                                        or "K:<keep kind>" (official, must stay)
    BOX:  \x03 LABEL \x1f N \x1f WHERE \x04
                                        a solid black box as wide as N characters of the
                                        current font; the covered text is never printed.
                                        LABEL is the exemption code(s) printed ON the box
                                        (white) or BESIDE it (black); WHERE is on|beside|none.

Tagged spans and boxes never wrap across lines.
"""
import re

TAG_OPEN, SEP, TAG_CLOSE, BOX_OPEN, BOX_CLOSE = "\x01", "\x1f", "\x02", "\x03", "\x04"

_TOKEN = re.compile(r"\x01([^\x1f]*)\x1f([^\x02]*)\x02|\x03([^\x1f]*)\x1f(\d+)\x1f(\w+)\x04")


def P(ptype, text):
    """A private-person string (pii-types.tsv type)."""
    if not text:
        return ""
    return f"{TAG_OPEN}P:{ptype}{SEP}{text}{TAG_CLOSE}"


def K(kind, text):
    """An official string that must stay (official_name, work_address, agency, office_phone, work_email)."""
    if not text:
        return ""
    return f"{TAG_OPEN}K:{kind}{SEP}{text}{TAG_CLOSE}"


def T(text):
    """A law-enforcement technique term that an agency may black out under (b)(7)(E)."""
    return f"{TAG_OPEN}T:technique{SEP}{text}{TAG_CLOSE}"


def BOX(label, nchars, where="on"):
    return f"{BOX_OPEN}{label}{SEP}{int(nchars)}{SEP}{where}{BOX_CLOSE}"


def pieces(markup):
    """Yield ('text', s) | ('tag', cls, s) | ('box', label, n, where) in order."""
    pos = 0
    for m in _TOKEN.finditer(markup):
        if m.start() > pos:
            yield ("text", markup[pos:m.start()])
        if m.group(1) is not None:
            yield ("tag", m.group(1), m.group(2))
        else:
            yield ("box", m.group(3), int(m.group(4)), m.group(5))
        pos = m.end()
    if pos < len(markup):
        yield ("text", markup[pos:])


def plain(markup, boxes="label"):
    """Printed text of markup. boxes='label' keeps the printed box labels, 'drop' removes boxes."""
    out = []
    for p in pieces(markup):
        if p[0] == "text":
            out.append(p[1])
        elif p[0] == "tag":
            out.append(p[2])
        elif boxes == "label" and p[3] != "none":
            out.append(p[1])
    return "".join(out)


def norm_ws(s):
    return re.sub(r"\s+", " ", s).strip()


def has_box(markup):
    return BOX_OPEN in markup


def atoms(markup):
    """Split markup into wrap atoms (words). Tags and boxes stay inside one atom; spaces
    separate atoms. Returns a list of markup strings without the separating spaces."""
    out, cur = [], []
    for p in pieces(markup):
        if p[0] == "text":
            parts = p[1].split(" ")
            for i, part in enumerate(parts):
                if i > 0:
                    out.append("".join(cur))
                    cur = []
                cur.append(part)
        elif p[0] == "tag":
            cur.append(f"{TAG_OPEN}{p[1]}{SEP}{p[2]}{TAG_CLOSE}")
        else:
            cur.append(f"{BOX_OPEN}{p[1]}{SEP}{p[2]}{SEP}{p[3]}{BOX_CLOSE}")
    out.append("".join(cur))
    return [a for a in out if a != ""]
