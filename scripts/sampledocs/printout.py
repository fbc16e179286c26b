"""Printouts: one top-level message with its quoted chain and attachments, laid out on pages.
Also the cover response letter (a `document` communication)."""
import copy

from reportlab.pdfbase.pdfmetrics import stringWidth

from .markup import K, P, plain, norm_ws
from .layout import (PAGE_W, PAGE_H, fmt_time, header_rows_outlook, header_rows_inline, body, wrap)
from . import forms


def addr(person, style):
    if getattr(person, "is_official", False):
        return person.addr(style)
    # private person (a victim writing in): name + personal e-mail, all tagged
    name = P("person_name", f"{person.first} {person.last}")
    em = P("email", person.pemail)
    if style in ("email",):
        return em
    if style in ("outlook", "outlook_agency", "outlook_mi", "short", "name"):
        return name
    if style == "mailto":
        return name + " [mailto:" + em + "]"
    return name + " <" + em + ">"


def is_fw(subject_m):
    s = plain(subject_m).lower()
    return s.startswith("fw:") or s.startswith("fwd:")


class Printout:
    """Formatting choices are made once so that a duplicate prints the same header text."""
    _n = 0

    def __init__(self, rng, msg, quoted, owner):
        Printout._n += 1
        self.id = Printout._n
        self.kind = "email"
        self.msg, self.quoted, self.owner = msg, quoted, owner
        self.hstyle = "outlook" if rng.random() < .72 else "rfc"
        same = getattr(msg.sender, "agency_key", None) == owner.agency_key
        if self.hstyle == "outlook":
            self.from_style = rng.choice(["outlook", "outlook", "short", "outlook_mi"] if same else
                                         ["outlook", "outlook_full", "outlook_agency", "email", "outlook_agency_full"])
            self.to_style = rng.choice(["outlook", "outlook", "outlook_full", "email", "outlook_agency"])
            self.date_fmt = rng.choice(["outlook", "outlook", "outlook", "outlook_nopad", "outlook_short", "numeric_ampm"])
        else:
            self.from_style = rng.choice(["rfc", "rfc_quoted", "email", "rfc"])
            self.to_style = rng.choice(["rfc", "rfc_quoted", "email"])
            self.date_fmt = rng.choice(["rfc2822", "rfc2822", "numeric", "outlook", "apple", "numeric_ampm"])
            self.rfc_subject_top = rng.random() < .6
            self.rfc_tab = rng.random() < .35
            self.rfc_order = rng.choice([["From", "Date", "To", "Cc", "Subject"], ["Subject", "From", "Date", "To", "Cc"],
                                         ["From", "Subject", "Date", "To", "Cc"]])
        self.att_sizes = rng.random() < .4
        self.att_kb = [rng.randint(40, 900) for _ in msg.attachments]
        self.bcc = []
        self.qstyles, self.qfmt = [], []
        self.qaddr = [rng.choice(["outlook", "mailto", "outlook_full", "rfc"]) for _ in quoted]
        prev = msg
        for q in quoted:
            if is_fw(prev.subject):
                s = rng.choice(["fwd_gmail", "fwd_apple", "outlook_rule", "original"])
            else:
                s = rng.choice(["outlook_rule", "outlook_rule", "underscores", "original", "wrote", "iphone"])
            self.qstyles.append(s)
            prev = q
        self.body_fmt_seed = rng.random()

    def duplicate(self, owner):
        d = copy.copy(self)
        Printout._n += 1
        d.id = Printout._n
        d.owner = owner
        d.first = self
        return d

    # ---- header values (markup) and truth
    def _list(self, people, style, sep):
        return sep.join(addr(p, style) for p in people)

    def header(self):
        m = self.msg
        if getattr(m, "from_override", None) is not None:
            frm = m.from_override
        else:
            frm = addr(m.sender, self.from_style)
        sep = "; " if self.hstyle == "outlook" else ", "
        sent_s, sent_iso = fmt_time(m.sent, self.date_fmt)
        rows = dict(From=frm, Sent=sent_s, To=self._list(m.to, self.to_style, sep),
                    Cc=self._list(m.cc, self.to_style, sep), Bcc=self._list(self.bcc, self.to_style, sep),
                    Subject=m.subject)
        atts = []
        for a, kb in zip(m.attachments, self.att_kb):
            atts.append(a.name + (f" ({kb} KB)" if self.att_sizes else ""))
        rows["Attachments"] = "; ".join(atts)
        truth = dict(
            **{"from": norm_ws(plain(frm)),
               "to": [norm_ws(plain(addr(p, self.to_style))) for p in m.to],
               "cc": [norm_ws(plain(addr(p, self.to_style))) for p in m.cc],
               "bcc": [norm_ws(plain(addr(p, self.to_style))) for p in self.bcc],
               "sent": sent_iso, "subject": norm_ws(plain(m.subject)),
               "attachments": [norm_ws(plain(a.name)) for a in m.attachments]})
        return rows, truth


def _owner_line(po):
    o = po.owner
    return K("official_name", f"{o.last}, {o.first}" + (f" {o.mi}." if po.id % 3 == 0 else ""))


def layout_email(fl, po, st, comm, redact, rng, compact=False):
    """Lay out one printout starting on a new page (or mid-page when compact). Returns truth dict."""
    rows, truth = po.header()
    if compact:
        fl.set_comm(comm)
        fl.space(st.body_size * 2.5)
    else:
        fl.new_page("email", po.id, comm)
    if po.hstyle == "outlook":
        fl.text(st.ml, _owner_line(po), st.hdr_bold, st.owner_size, st.owner_size * 1.1)
        fl.rule(st.owner_rule, gap_before=5, gap_after=9)
        order = ["From", "Sent", "To", "Cc", "Bcc", "Subject", "Attachments"]
        hr = [(k + ":", rows[k]) for k in order if rows[k] or k in ("From", "Sent", "To", "Subject")]
        if po.msg.importance:
            hr.append(("Importance:", po.msg.importance))
        header_rows_outlook(fl, hr, st)
    else:
        if po.rfc_subject_top:
            fl.text(st.ml, rows["Subject"], st.hdr_bold, 13, 16)
            fl.rule(0.8, gap_before=4, gap_after=8)
        else:
            fl.text(st.ml, _owner_line(po), st.hdr_bold, st.owner_size - 1, st.owner_size * 1.1)
            fl.rule(0.8, gap_before=4, gap_after=8)
        lab = {"From": "From:", "Date": "Date:", "To": "To:", "Cc": "Cc:", "Subject": "Subject:"}
        val = {"From": rows["From"], "Date": rows["Sent"], "To": rows["To"], "Cc": rows["Cc"], "Subject": rows["Subject"]}
        hr = [(lab[k], val[k]) for k in po.rfc_order if val[k] or k != "Cc"]
        if rows["Attachments"]:
            hr.append(("Attachments:", rows["Attachments"]))
        if po.rfc_tab:
            header_rows_outlook(fl, hr, st)
        else:
            header_rows_inline(fl, hr, st, st.ml, st.hdr_font, st.hdr_bold, st.hdr_size)
    fl.space(st.body_size * st.lead * (1.5 if po.hstyle == "outlook" else 1))
    body(fl, po.msg.paras, st, st.ml, redact=redact)
    truth["quoted"] = layout_quoted(fl, po, st, redact)
    return truth


def layout_quoted(fl, po, st, redact):
    out = []
    x, prefix, depth = st.ml, "", 0
    size = st.body_size
    for q, style, astyle in zip(po.quoted, po.qstyles, po.qaddr):
        frm = q.from_override if getattr(q, "from_override", None) is not None else None
        sep = "; "
        tos = lambda s: sep.join(addr(p, s) for p in q.to)  # noqa: E731
        ccs = lambda s: sep.join(addr(p, s) for p in q.cc)  # noqa: E731
        hs, hb = st.hdr_size, st.hdr_bold
        fl.space(size * st.lead)
        if style in ("outlook_rule", "underscores", "original"):
            if style == "outlook_rule":
                fl.rule(0.7, x1=x, gap_before=2, gap_after=3, gray=.25)
                f = frm or addr(q.sender, "outlook" if astyle in ("outlook", "rfc") else astyle)
                fmt = "outlook"
                bold_labels = True
            elif style == "underscores":
                fl.text(x, prefix + "_" * 32, st.hdr_font, hs)
                f = frm or addr(q.sender, "mailto" if astyle != "outlook" else "outlook")
                fmt = "outlook"
                bold_labels = True
            else:
                fl.text(x, prefix + "-----Original Message-----", st.body_font, size)
                f = frm or addr(q.sender, "mailto" if astyle in ("mailto", "rfc") else "outlook_full")
                fmt = "outlook" if astyle != "rfc" else "outlook_short"
                bold_labels = False
            s, iso = fmt_time(q.sent, fmt)
            rows = [("From:", f), ("Sent:", s), ("To:", tos("outlook"))]
            if q.cc:
                rows.append(("Cc:", ccs("outlook")))
            rows.append(("Subject:", q.subject))
            header_rows_inline(fl, rows, st, x, st.hdr_font if bold_labels else st.body_font,
                               hb if bold_labels else st.body_font, hs if bold_labels else size, prefix, bold_labels)
            out.append({"from": norm_ws(plain(f)), "sent": iso, "subject": norm_ws(plain(q.subject))})
            fl.space(size * st.lead * .6)
            body(fl, q.paras, st, x + (st.quote_indent if style == "outlook_rule" and not prefix else 0), prefix, redact)
        elif style in ("fwd_gmail", "fwd_apple"):
            if style == "fwd_gmail":
                fl.text(x, prefix + "---------- Forwarded message ---------", st.body_font, size)
                f = frm or addr(q.sender, "rfc")
                s, iso = fmt_time(q.sent, "gmail")
                rows = [("From:", f), ("Date:", s), ("Subject:", q.subject), ("To:", tos("rfc"))]
                bl = False
            else:
                fl.text(x, prefix + "Begin forwarded message:", st.body_font, size)
                fl.space(size * .6)
                f = frm or addr(q.sender, "rfc_quoted" if astyle == "outlook" else "rfc")
                s, iso = fmt_time(q.sent, "apple")
                rows = [("From:", f), ("Subject:", q.subject), ("Date:", s), ("To:", tos("rfc"))]
                bl = True
            if q.cc:
                rows.append(("Cc:", ccs("rfc")))
            header_rows_inline(fl, rows, st, x, st.body_font, st.body_bold, size, prefix, bl)
            out.append({"from": norm_ws(plain(f)), "sent": iso, "subject": norm_ws(plain(q.subject))})
            fl.space(size * st.lead * .6)
            body(fl, q.paras, st, x, prefix, redact)
        else:  # wrote / iphone
            if style == "wrote":
                f = frm or addr(q.sender, "rfc")
                s, iso = fmt_time(q.sent, "gmail")
                line = f"On {s}, {f} wrote:"
            else:
                f = frm or addr(q.sender, "rfc_quoted" if astyle == "outlook" else "rfc")
                s, iso = fmt_time(q.sent, "iphone")
                line = f"On {s}, {f} wrote:"
            fl.para(line, st.body_font, size, x, PAGE_W - st.mr - x, prefix)
            out.append({"from": norm_ws(plain(f)), "sent": iso, "subject": None})
            fl.space(size * .5)
            if style == "wrote":
                depth += 1
                prefix = ">" * depth + " "
            else:
                x += 24
            body(fl, q.paras, st, x, prefix, redact)
    return out


def layout_attachments(fl, po, st, comm, redact, rng):
    facts = []
    for a in po.msg.attachments:
        if a.kind == "form":
            fl.new_page("attach", po.id, comm)
            forms.form_page(fl, a, st, redact, rng)
            facts.append(("detainer", "pos", (a.form,)))
        elif a.kind == "bop":
            fl.new_page("attach", po.id, comm)
            facts += forms.bop_pages(fl, a, st, redact, rng)
    return facts


# --------------------------------------------------------------------------- cover letter

LETTERHEADS = {
    "BPD": (["BOSTON POLICE DEPARTMENT", "Office of the Legal Advisor"], ["1 Schroeder Plaza", "Boston, MA 02120"]),
    "CITY": (["CITY OF BOSTON", "Public Records Office"], ["1 City Hall Square, Room 615", "Boston, MA 02201"]),
    "ICE": (["U.S. Department of Homeland Security", "U.S. Immigration and Customs Enforcement",
             "Freedom of Information Act Office"], ["500 12th Street SW, Stop 5009", "Washington, DC 20536-5009"]),
}


def layout_letter(fl, prod, st, comm, rng, signer, date):
    fl.new_page("document", -comm - 1, comm)
    agency_lines, addr_lines = LETTERHEADS[prod.letterhead]
    for i, t in enumerate(agency_lines):
        w = stringWidth(t, "Times-Bold", 14 if i == 0 else 11)
        fl.text((PAGE_W - w) / 2, K("agency", t) if i < 2 else t, "Times-Bold", 14 if i == 0 else 11, 17 if i == 0 else 14)
    for t in addr_lines:
        w = stringWidth(t, "Times-Roman", 10)
        fl.text((PAGE_W - w) / 2, K("work_address", t), "Times-Roman", 10, 12)
    fl.rule(1.2, gap_before=6, gap_after=18)
    f, s = "Times-Roman", 11.5
    x, wdt = st.ml + 6, PAGE_W - st.mr - st.ml - 12
    fl.text(x, f"{['January','February','March','April','May','June','July','August','September','October','November','December'][date.month-1]} {date.day}, {date.year}", f, s)
    fl.space(14)
    fl.text(x, f"Re: {prod.request_label}", "Times-Bold", s)
    fl.space(10)
    fl.text(x, rng.choice(["Dear Requester:", "Dear Sir or Madam:", "To Whom It May Concern:"]), f, s)
    fl.space(8)
    req_date = f"{date.month}/{max(1, date.day - 20) if date.day > 20 else 3}/{date.year}"
    paras = [
        f"This letter responds to your request received on {req_date} under {prod.law}, seeking copies of "
        "e-mail communications between the Boston Police Department and U.S. Immigration and Customs Enforcement "
        f"concerning individuals arrested in the City of Boston, including records concerning immigration detainers, "
        f"for the period {prod.period}.",
        f"A search was conducted and {prod.npages_claim} pages of responsive records were located. The records are "
        f"enclosed. {rng.choice(['Certain', 'Portions of the'])} records have been redacted to protect personal privacy "
        f"and law enforcement sensitive information pursuant to {prod.exemptions_text}.",
        "Please note that this response does not indicate whether any particular individual was or was not the subject "
        "of an immigration detainer request, and nothing in it should be read as such.",
        f"If you are not satisfied with this response, you may appeal {prod.appeal_text}.",
    ]
    if rng.random() < .5:
        paras.insert(2, "Records that are publicly available or were previously released to you have not been "
                        "duplicated in this production.")
    for p in paras:
        fl.para(p, f, s, x, wdt, lead=s * 1.3)
        fl.space(9)
    fl.space(6)
    fl.text(x, "Sincerely,", f, s)
    fl.space(24)
    fl.text(x, K("official_name", f"{signer.first} {signer.last}"), f, s)
    fl.text(x, signer.title, f, s)
    fl.text(x, K("agency", signer.agency["name"]), f, s)
    fl.text(x, K("office_phone", signer.desk), f, s)
    fl.space(12)
    fl.text(x, "Enclosures", f, 10)
    return {"detainer_facts": [("detainer", "hyp", ())]}
