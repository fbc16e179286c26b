#!/usr/bin/env python3
"""Generate a synthetic FOIA dump of printed (and scanned) BPD–ICE e-mails with exact truth files.

usage: generate.py [--seed N] [--out DIR] [--pages N] [--renditions text,scanned,mixed]

Without --pages it writes the small committed sample (SampleDocs/). The same seed gives
byte-identical PDFs and truth files. See SampleDocs/TRUTH.md for the truth format.
"""
import argparse
import datetime as dt
import hashlib
import json
import os
import random
import re
import sys
import time

if __package__ in (None, ""):
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    __package__ = "sampledocs"

from .markup import pieces, plain, K, norm_ws                       # noqa: E402
from .people import make_officials, Private                                     # noqa: E402
from .compose import thread_for                                        # noqa: E402
from .offenses import CATEGORIES                                       # noqa: E402
from .layout import Flow, Style, PAGE_W, PAGE_H                        # noqa: E402
from .compose import Message
from .printout import Printout, layout_email, layout_attachments, layout_letter  # noqa: E402
from . import render                                                   # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth                   # noqa: E402

REQUESTS = {"BPD": "PR19-0412", "ICE": "2019-ICFO-18233", "CITY": "CoB-19-0077"}
FORM_ORDER = ["I-247A", "I-247D", "I-247N", "I-247X", "I-203", "I-200", "I-205"]
CODE_RE = re.compile(r"\(b\)\(\d\)(?:\([A-F]\))?")


# --------------------------------------------------------------------------- productions

class Production:
    def __init__(self, rng, rel, agency, rendition, target, seed, n, bates=None, cover=True, bitonal=None, request=None):
        self.rel, self.agency, self.rendition, self.target = rel, agency, rendition, target
        self.kinds = []                         # thread kinds to use first (the small sample's plan)
        self.seed = seed
        self.style = Style(rng)
        self.cover = cover
        self.letterhead = {"BPD": "BPD", "ICE": "ICE", "CITY": "CITY"}[agency]
        yr = rng.choice([2018, 2019, 2020])
        num = rng.randint(100, 9999)
        request = request or REQUESTS[agency]
        if agency == "ICE":
            self.request_label = f"ICE FOIA Case Number {request}"
            self.law = "the Freedom of Information Act, 5 U.S.C. § 552"
            self.exemptions_text = "FOIA Exemptions (b)(6), (b)(7)(C) and (b)(7)(E)"
            self.appeal_text = "to the ICE Office of the Principal Legal Advisor within 90 days"
        else:
            self.request_label = f"Public Records Request {request}"
            self.law = "the Massachusetts Public Records Law, G.L. c. 66, § 10"
            self.exemptions_text = "G.L. c. 4, § 7(26)(c) and (f), noted on the records as (b)(6), (b)(7)(C) and (b)(7)(E)"
            self.appeal_text = "to the Supervisor of Records, One Ashburton Place, Boston, MA 02108, within 90 days"
        self.period = rng.choice(["January 1, 2017 through December 31, 2018", "2016 to the present",
                                  "June 1, 2017 through May 31, 2018"])
        self.npages_claim = rng.randint(40, 900)
        self.bates = bates                      # (prefix, start) or None
        self.stamp = rng.choice(["none", "released", "foia_footer", "produced_header"]) if agency != "ICE" else \
            rng.choice(["released", "foia_footer", "none"])
        self.stamp_label = self.request_label.split(" ")[-1]
        # existing agency redactions
        if agency == "ICE":
            self.redact_p, self.redact_7e, self.redact_off = rng.uniform(.5, .9), .9, .5
        elif agency == "BPD":
            self.redact_p, self.redact_7e, self.redact_off = rng.choice([0, 0, .25, .5]), rng.choice([0, .5]), 0
        else:
            self.redact_p, self.redact_7e, self.redact_off = rng.choice([0, .3]), 0, 0
        self.box_where = rng.choice(["on", "on", "on", "beside"])
        # scan look
        self.bitonal = (rng.random() < .45) if bitonal is None else bitonal
        self.look = dict(bitonal=self.bitonal, dpi=300 if self.bitonal else 200,
                         quality=rng.choice([50, 55, 60, 65, 70]), strength=rng.uniform(.6, 1.0))
        self.date0 = dt.datetime(rng.choice([2016, 2017, 2018]), rng.randint(1, 11), rng.randint(1, 28), 9, 0, 0)

    def redactor(self, rng):
        def red(m, kind):
            out = []
            for p in pieces(m):
                if p[0] == "text":
                    out.append(p[1])
                elif p[0] == "box":
                    out.append(f"\x03{p[1]}\x1f{p[2]}\x1f{p[3]}\x04")
                else:
                    cls, text = p[1], p[2]
                    code = None
                    if cls.startswith("P:") and rng.random() < self.redact_p:
                        code = rng.choice(["(b)(6)", "(b)(6), (b)(7)(C)", "(b)(6), (b)(7)(C)", "(b)(7)(C)"]) \
                            if self.agency == "ICE" else rng.choice(["(b)(6)", "(b)(6)", "(b)(7)(C)"])
                    elif cls == "T:technique" and rng.random() < self.redact_7e:
                        code = "(b)(7)(E)"
                    elif cls == "K:official_name" and kind in ("sig", "form") and rng.random() < self.redact_off:
                        code = "(b)(6), (b)(7)(C)"
                    if code:
                        where = self.box_where if rng.random() < .9 else "none"
                        out.append(f"\x03{code}\x1f{max(3, len(text))}\x1f{where}\x04")
                    else:
                        out.append(f"\x01{cls}\x1f{text}\x02")
            return "".join(out)
        return red


AGENCY_KEYS = {"BPD": ("BPD",), "ICE": ("ERO", "HSI"), "CITY": ("CITY",)}


def ensure_party(msgs, agency, cast, rng):
    """The producing agency must have a mailbox in the thread: if none of its people is a party,
    one of them is copied on every message of the thread (before anything is printed)."""
    keys = AGENCY_KEYS[agency]
    for m in msgs:
        if any(getattr(p, "agency_key", None) in keys for p in [m.sender] + m.to + m.cc):
            continue
        o = rng.choice(cast["city"]) if agency == "CITY" else cast["liaison"] if agency == "BPD" else cast["ero"][0]
        for mm in msgs:
            if o is not mm.sender and o not in mm.to and o not in mm.cc:
                mm.cc = list(mm.cc) + [o]
        return


def owner_for(po_msg, agency, cast, rng):
    parties = [po_msg.sender] + po_msg.to + po_msg.cc
    keys = {"BPD": ("BPD",), "ICE": ("ERO", "HSI"), "CITY": ("CITY",)}[agency]
    cands = [p for p in parties if getattr(p, "agency_key", None) in keys]
    if cands:
        return rng.choice(cands)
    if agency == "CITY":
        o = rng.choice(cast["city"])
        po_msg.cc.append(o)
        return o
    if agency == "BPD":
        o = cast["liaison"]
        if o not in parties:
            po_msg.cc.append(o)
        return o
    o = cast["ero"][0]
    po_msg.cc.append(o)
    return o


THREAD_WEIGHTS = {
    "BPD": {"inquiry": 3, "notify": 3, "detainer": 2, "records": 2, "weekly": 1, "tip": 1, "negated": 1.2,
            "logistics": 1, "policy": .5, "hsi": 1},
    "ICE": {"inquiry": 3, "detainer": 3, "notify": 2, "records": 1, "hsi": 2, "negated": 1, "logistics": 1, "tip": .5},
    "CITY": {"policy": 3, "logistics": 1.5, "notify": 1, "inquiry": 1, "negated": 1, "weekly": .5},
}


def pick_weighted(rng, d):
    keys = sorted(d)
    return rng.choices(keys, weights=[d[k] for k in keys])[0]


# --------------------------------------------------------------------------- one production

def build_production(prod, rng, cast, used_surnames, dup_pool):
    st = prod.style
    fl = Flow(st)
    comms = []                  # dicts with kind, printout, header truth, facts
    red = prod.redactor(rng)
    date = prod.date0
    if prod.cover:
        signer = cast["records"] if prod.agency == "CITY" else cast["legal"] if prod.agency == "BPD" else cast["dhs"]
        info = layout_letter(fl, prod, st, 0, rng, signer, dt.date(2019, rng.randint(1, 12), rng.randint(1, 28)))
        comms.append(dict(kind="document", po=None, truth={}, facts=info["detainer_facts"]))
    while len(fl.pages) < prod.target:
        # duplicate of an earlier printout, printed from the other party's mailbox
        force_dup = bool(prod.kinds) and prod.kinds[0] == "dup"
        if force_dup:
            prod.kinds.pop(0)
        if dup_pool and (force_dup or rng.random() < .1):
            src = rng.choice(dup_pool)
            parties = [p for p in [src.msg.sender] + src.msg.to + src.msg.cc
                       if getattr(p, "is_official", False) and p is not src.owner]
            if parties:
                items = [src.duplicate(rng.choice(parties))]
            else:
                items = []
        else:
            date = date + dt.timedelta(days=rng.randint(0, 9), hours=rng.randint(0, 3))
            kind = prod.kinds.pop(0) if prod.kinds else pick_weighted(rng, THREAD_WEIGHTS[prod.agency])
            msgs, cases = thread_for(rng, cast, used_surnames, date, kind)
            ensure_party(msgs, prod.agency, cast, rng)
            ks = [len(msgs) - 1]
            if len(msgs) > 2 and rng.random() < .35:
                ks.append(len(msgs) - 2)
            if len(msgs) > 3 and rng.random() < .15:
                ks.append(rng.randint(0, len(msgs) - 3))
            if kind in ("detainer", "records") and (cast.get("greedy") or rng.random() < .45):
                # the message that carries the attachment, printed with its attached pages
                k_att = next((i for i, m in enumerate(msgs) if m.attachments), None)
                if k_att is not None and k_att not in ks:
                    ks = [k_att] + ks if rng.random() < .5 else ks + [k_att]
            if rng.random() < .25:
                ks.sort()
            items = []
            for k in ks:
                quoted = list(reversed(msgs[max(0, k - 4):k]))
                owner = owner_for(msgs[k], prod.agency, cast, rng)
                po = Printout(rng, msgs[k], quoted, owner)
                if owner is msgs[k].sender and rng.random() < .15:
                    po.bcc = [rng.choice(cast["bpd"] + cast["ero"])]
                    if po.bcc[0] in msgs[k].to + msgs[k].cc + [msgs[k].sender]:
                        po.bcc = []
                items.append(po)
        for po in items:
            ci = len(comms)
            compact = (comms and comms[-1]["kind"] == "email" and not comms[-1]["po"].msg.attachments
                       and not po.msg.attachments and rng.random() < .3 and fl.y > PAGE_H * .45)
            snap = None
            if compact:
                snap = (len(fl.pages), len(fl.page.ops), fl.y, list(fl.page.comms), fl.comm)
                truth = layout_email(fl, po, st, ci, red, rng, compact=True)
                if len(fl.pages) > snap[0]:
                    del fl.pages[snap[0]:]
                    fl.page = fl.pages[-1]
                    del fl.page.ops[snap[1]:]
                    fl.y, fl.page.comms, fl.comm = snap[2], snap[3], snap[4]
                    compact = False
            if not compact:
                truth = layout_email(fl, po, st, ci, red, rng)
            facts = [f for p in po.msg.paras for f in p.facts]
            for q in po.quoted:
                facts += [f for p in q.paras for f in p.facts]
            facts += layout_attachments(fl, po, st, ci, red, rng)
            comms.append(dict(kind="email", po=po, truth=truth, facts=facts))
            usage = cast.setdefault("usage", {})    # what is printed so far steers later picks
            for pg in fl.pages:
                for o in pg.ops:
                    if o["t"] == "text" and o.get("comm") == ci and "\x01P:" in o["m"]:
                        for p in pieces(o["m"]):
                            if p[0] == "tag" and p[1].startswith("P:"):
                                usage["pii:" + p[1][2:]] = usage.get("pii:" + p[1][2:], 0) + 1
            lvls = {f[2] for f in facts if f[0] == "offense"}
            sev = next((lv for lv in ("felony", "misdemeanor", "civil", "unknown") if lv in lvls), "none")
            usage["sev:" + sev] = usage.get("sev:" + sev, 0) + 1
            for f in facts:
                if f[0] == "offense":
                    usage[f[3]] = usage.get(f[3], 0) + 1
                    usage[f[1]] = usage.get(f[1], 0) + 1
                    usage[(f[1], f[2])] = usage.get((f[1], f[2]), 0) + 1
                elif f[1] == "pos":
                    for x in f[2] or ("noform",):
                        usage[x] = usage.get(x, 0) + 1
            if not hasattr(po, "first"):
                dup_pool.append(po)
    decorate(fl, prod, comms, rng)
    return fl.pages, comms


def decorate(fl, prod, comms, rng):
    st = prod.style
    pages = fl.pages
    totals = {}
    for pg in pages:
        if pg.role == "email":
            totals[pg.printout] = totals.get(pg.printout, 0) + 1
    seen = {}
    for i, pg in enumerate(pages, 1):
        c0 = pg.comms[0]

        def T(x, y, m, f="Helvetica", s=8, g=0.0):
            pg.ops.append(dict(t="text", x=x, y=y, m=m, f=f, s=s, c=g, comm=c0))
        if pg.role == "email":
            seen[pg.printout] = seen.get(pg.printout, 0) + 1
            k, n = seen[pg.printout], totals[pg.printout]
            if st.pageno == "center":
                T((PAGE_W - stringWidth(str(k), "Helvetica", 8)) / 2, 40, str(k))
            elif st.pageno == "dash":
                T((PAGE_W - stringWidth(f"- {k} -", "Helvetica", 8)) / 2, 40, f"- {k} -")
            elif st.pageno == "pageof":
                T(PAGE_W - st.mr - 60, 40, f"Page {k} of {n}")
            if pg.cont and st.cont_header:
                po = comms[c0]["po"]
                if po is not None:
                    T(st.ml, PAGE_H - st.top + 2, po.msg.subject, "Helvetica", 8, .25)
                    T(PAGE_W - st.mr - 90, PAGE_H - st.top + 2, K("official_name", f"{po.owner.last}, {po.owner.first}"),
                      "Helvetica", 8, .25)
        elif pg.role == "document" and len([p for p in pages if p.role == "document"]) > 1:
            T((PAGE_W - 30) / 2, 40, f"Page {sum(1 for p in pages[:i] if p.role == 'document')}")
        if prod.bates:
            pre, start = prod.bates
            lab = f"{pre}{start + i - 1:06d}"
            pg.bates = lab
            T(PAGE_W - st.mr - stringWidth(lab, "Helvetica-Bold", 9) + 10, 24, lab, "Helvetica-Bold", 9)
        else:
            pg.bates = None
        if prod.stamp == "released":
            w = stringWidth("RELEASED UNDER FOIA", "Helvetica-Bold", 9)
            x0, y0 = PAGE_W - 36 - w - 8, PAGE_H - 30
            pg.ops.append(dict(t="rect", x=x0, y=y0 - 4, w=w + 8, h=15, lw=1, fill=False, stroke=True))
            T(x0 + 4, y0, "RELEASED UNDER FOIA", "Helvetica-Bold", 9)
        elif prod.stamp == "foia_footer":
            T(st.ml - 10, 24, f"FOIA {prod.stamp_label} — Page {i}", "Helvetica", 8)
        elif prod.stamp == "produced_header":
            T(st.ml, PAGE_H - 24, f"Produced pursuant to G.L. c. 66, § 10 – {prod.stamp_label}", "Helvetica-Oblique", 7.5, .3)


# --------------------------------------------------------------------------- truth

def page_texts(pages):
    out = []
    for pg in pages:
        ops = sorted((o for o in pg.ops if o["t"] == "text"), key=lambda o: (-round(o["y"], 1), o["x"]))
        out.append(norm_ws(" ".join(plain(o["m"], boxes="label") for o in ops)))
    return out


def bounded(text):
    return re.compile(r"(?<![A-Za-z0-9])" + re.escape(text) + r"(?![A-Za-z0-9])")


def build_truth(prod, pages, comms, sources, dup_groups):
    texts = page_texts(pages)
    # comm page ranges
    ranges = {}
    for i, pg in enumerate(pages, 1):
        for c in pg.comms:
            a, b = ranges.get(c, (i, i))
            ranges[c] = (min(a, i), max(b, i))
    # boxes per comm
    boxes = {}
    for pg in pages:
        for o in pg.ops:
            if o["t"] != "text":
                continue
            for p in pieces(o["m"]):
                if p[0] == "box":
                    b = boxes.setdefault(o["comm"], [0, set()])
                    b[0] += 1
                    if p[3] != "none":
                        b[1].update(CODE_RE.findall(p[1]))
    out_comms = []
    for ci, c in enumerate(comms):
        ps, pe = ranges[ci]
        facts = c["facts"]
        offs = {}
        for f in facts:
            if f[0] == "offense":
                _, cat, lvl, status = f
                if cat in offs and offs[cat] != (lvl, status):
                    raise AssertionError(f"{prod.rel}: conflicting facts for {cat} in communication {ci}: {offs[cat]} vs {(lvl, status)}")
                offs[cat] = (lvl, status)
        pos = [f for f in facts if f[0] == "detainer" and f[1] == "pos"]
        forms = sorted({x for f in pos for x in f[2]}, key=FORM_ORDER.index)
        offenses = [{"category": cat, "level": offs[cat][0], "status": offs[cat][1]} for cat in CATEGORIES if cat in offs]
        levels = {o["level"] for o in offenses}
        severity = next((lv for lv in ("felony", "misdemeanor", "civil", "unknown") if lv in levels), "none")
        b = boxes.get(ci, [0, set()])
        h = c["truth"]
        rec = {"kind": c["kind"], "page_start": ps, "page_end": pe,
               "from": h.get("from"), "to": h.get("to", []), "cc": h.get("cc", []), "bcc": h.get("bcc", []),
               "sent": h.get("sent"), "subject": h.get("subject"), "attachments": h.get("attachments", []),
               "quoted": h.get("quoted", []),
               "bates_start": pages[ps - 1].bates, "bates_end": pages[pe - 1].bates,
               "detainer": {"present": bool(pos), "forms": forms},
               "offenses": offenses, "severity": severity,
               "existing_redactions": {"boxes": b[0], "codes": sorted(b[1])},
               "duplicate_of": None}
        po = c["po"]
        if po is not None:
            key = po.first.id if hasattr(po, "first") else po.id
            dup_groups.setdefault(key, []).append(rec)
        out_comms.append(rec)
    # pii and keep
    found = {}
    for i, pg in enumerate(pages, 1):
        for o in pg.ops:
            if o["t"] != "text":
                continue
            for p in pieces(o["m"]):
                if p[0] == "tag" and p[1][0] in "PK":
                    key = (p[1][0], p[1][2:], p[2])
                    found.setdefault(key, set()).add(i)
    pii, keep = [], []
    for (cls, typ, text), pgs in found.items():
        rx = bounded(text)
        for i, t in enumerate(texts, 1):
            if rx.search(t):
                pgs.add(i)
        if cls == "P":
            pii.append({"text": text, "type": typ, "pages": sorted(pgs)})
        else:
            keep.append({"text": text, "kind": typ, "pages": sorted(pgs)})
    pii.sort(key=lambda e: (e["pages"][0], e["type"], e["text"]))
    keep.sort(key=lambda e: (e["pages"][0], e["kind"], e["text"]))
    return {"path": prod.rel, "pages": len(pages), "rendition": prod.rendition, "page_sources": sources,
            "communications": out_comms, "pii": pii, "keep": keep,
            "method": f"generated by scripts/make-sample-docs (seed {prod.seed}); exact by construction"}


def self_check(prod, pages, truth, privates):
    """Every printed private surname must be inside a tagged PII span; PII and keep never overlap."""
    problems = []
    for i, pg in enumerate(pages, 1):
        untagged = []
        for o in pg.ops:
            if o["t"] != "text":
                continue
            for p in pieces(o["m"]):
                if p[0] == "text":
                    untagged.append(p[1])
                elif p[0] == "tag" and p[1][0] != "P":
                    untagged.append(p[2])
        txt = "\n".join(untagged)
        for s in privates:
            for tok in {s.last, s.last.upper()}:
                if bounded(tok).search(txt):
                    problems.append(f"page {i}: private name {tok!r} printed outside a PII tag")
    keeps = {k["text"] for k in truth["keep"]}
    for e in truth["pii"]:
        for k in keeps:
            if e["text"] in k or k in e["text"]:
                if len(k) > 3 and len(e["text"]) > 3:
                    problems.append(f"pii {e['text']!r} overlaps keep {k!r}")
    return problems


# --------------------------------------------------------------------------- plan

def plan(rng, seed, total, renditions, small):
    prods = []
    if small:
        spec = [("bpd-pr-19-0412/BPD-ICE-emails-part-1.pdf", "BPD", "text", 8, ("BPD-ICE ", 1), True, None),
                ("bpd-pr-19-0412/BPD-ICE-emails-part-2.pdf", "BPD", "scanned", 7, ("BPD-ICE ", None), False, True),
                ("ice-foia-2019-ICFO-18233.pdf", "ICE", "mixed", 7, ("2019-ICFO-18233 ", 34), True, False),
                ("city-of-boston-trust-act-records.pdf", "CITY", "scanned", 4, None, False, False)]
        kinds = {"BPD-ICE-emails-part-1": ["weekly", "detainer", "inquiry", "records"],
                 "BPD-ICE-emails-part-2": ["weekly", "tip", "detainer"],
                 "ice-foia-2019-ICFO-18233": ["detainer", "hsi", "dup", "notify"],
                 "city-of-boston-trust-act-records": ["weekly", "policy", "negated"]}
        for k, (rel, ag, rend, tgt, bates, cover, bit) in enumerate(spec):
            if rend not in renditions:
                rend = renditions[k % len(renditions)]
            p = Production(rng, rel, ag, rend, tgt, seed, len(prods), bates, cover, bit)
            p.kinds = list(kinds[os.path.splitext(os.path.basename(rel))[0]])
            prods.append(p)
        return prods
    agencies = ["BPD", "ICE", "BPD", "CITY", "ICE", "BPD"]
    n, acc = 0, 0
    parts = {}
    cycle = []
    while acc < total:
        ag = agencies[n % len(agencies)]
        if not cycle:
            cycle = list(renditions)
            rng.shuffle(cycle)
        rend = cycle.pop()
        tgt = min(max(6, total - acc), rng.randint(8, 30))
        parts[ag] = parts.get(ag, 0) + 1
        folder = {"BPD": "bpd-pr-19-0412", "ICE": "ice-2019-ICFO-18233", "CITY": "city-cob-19-0077"}[ag]
        rel = f"{folder}/{'Part' if ag != 'CITY' else 'Release'} {parts[ag]:02d}.pdf" if rng.random() < .3 else \
            f"{folder}/{folder}-part-{parts[ag]}.pdf"
        bates = None
        if ag != "CITY" or rng.random() < .5:
            pre = {"BPD": "BPD-ICE ", "ICE": "2019-ICFO-18233 ", "CITY": "CITY"}[ag]
            bates = (pre, None)
        p = Production(rng, rel, ag, rend, tgt, seed, n, bates, cover=(parts[ag] == 1 or rng.random() < .2))
        prods.append(p)
        acc += tgt
        n += 1
    return prods


def build_dump(seed, pages_wanted, rends):
    """Lay out every production and compute its truth (no rendering). Returns (prods, built, problems)
    where built is a list of (prod, pages, sources, truth)."""
    Printout._n = 0                    # ids feed formatting choices: start each dump from scratch
    Message._n = 0
    Private.registry.clear()
    rng = random.Random(seed)
    small = pages_wanted is None
    prods = plan(rng, seed, pages_wanted or 0, rends, small)
    cast = make_officials(rng, set())
    cast["greedy"] = small
    used_surnames = set()
    dup_pool, dup_groups, built, bates_next, problems = [], {}, [], {}, []
    for prod in prods:
        prng = random.Random(f"{seed}/{prod.rel}")
        if prod.bates:                 # Bates numbers run on across the parts of one production
            pre, start = prod.bates
            prod.bates = (pre, start if start is not None else bates_next.get(pre, 1))
        pages, comms = build_production(prod, prng, cast, used_surnames, dup_pool)
        n = len(pages)
        if prod.rendition == "text":
            sources = ["text"] * n
        elif prod.rendition == "scanned":
            sources = ["scanned"] * n
        else:
            sources = []
            mode = prng.choice(["attach", "random", "tail"])
            for i, pg in enumerate(pages):
                if mode == "attach":
                    s = "scanned" if pg.role in ("attach", "document") or prng.random() < .25 else "text"
                elif mode == "tail":
                    s = "scanned" if i >= n // 2 else "text"
                else:
                    s = "scanned" if prng.random() < .5 else "text"
                sources.append(s)
            if "scanned" not in sources:
                sources[-1] = "scanned"
            if "text" not in sources:
                sources[0] = "text"
        truth = build_truth(prod, pages, comms, sources, dup_groups)
        for rec in truth["communications"]:
            rec["_path"] = prod.rel
        problems += [f"{prod.rel}: {p}" for p in self_check(prod, pages, truth, Private.registry)]
        built.append((prod, pages, sources, truth))
        if prod.bates:
            bates_next[prod.bates[0]] = prod.bates[1] + n + (prng.choice([0, 0, 0, 3, 12, 40]) if not small else 0)
    # duplicate_of: every later copy points to the first occurrence in dump order
    # (path in byte order of its UTF-8 spelling, then page_start)
    for recs in dup_groups.values():
        recs.sort(key=lambda r: (r["_path"].encode("utf-8"), r["page_start"]))
        for r in recs[1:]:
            r["duplicate_of"] = {"path": recs[0]["_path"], "page_start": recs[0]["page_start"]}
    for _, _, _, truth in built:
        for rec in truth["communications"]:
            del rec["_path"]
    return prods, built, problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=None,
                    help="default 7; for the small sample the first seed from 7 up whose dump covers the whole "
                         "truth vocabulary is used")
    ap.add_argument("--out", default=None)
    ap.add_argument("--pages", type=int, default=None)
    ap.add_argument("--renditions", default="text,scanned,mixed")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args(argv)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = a.out or os.path.join(root, "SampleDocs")
    rends = [r.strip() for r in a.renditions.split(",") if r.strip()]
    bad = [r for r in rends if r not in ("text", "scanned", "mixed")]
    if bad or not rends:
        ap.error(f"unknown rendition(s): {bad or a.renditions}")
    t0 = time.time()
    seed = 7 if a.seed is None else a.seed
    while True:
        prods, built, problems = build_dump(seed, a.pages, rends)
        missing = coverage_gaps([b[3] for b in built])
        if (not missing or a.seed is not None or a.pages is not None or seed >= 7 + 40
                or set(rends) != {"text", "scanned", "mixed"}):
            break
        seed += 1
    os.makedirs(out, exist_ok=True)
    # remove what an earlier run wrote (only generated files)
    for dp, dn, fn in os.walk(out):
        for f in fn:
            if f.endswith(".pdf") or f.endswith(".truth.json"):
                os.remove(os.path.join(dp, f))
    total_pages, total_bytes = 0, 0
    for prod, pages, sources, truth in built:
        truth["method"] = f"generated by scripts/make-sample-docs (seed {seed}); exact by construction"
        title = os.path.splitext(os.path.basename(prod.rel))[0]
        vec = render.vector_pdf(pages, title)
        scan_idx = [i for i, s in enumerate(sources) if s == "scanned"]
        scans = render.scan_images(vec, scan_idx, [seed, int(hashlib.sha256(prod.rel.encode()).hexdigest()[:8], 16)],
                                   {i: prod.look for i in scan_idx})
        data = vec if not scan_idx else render.final_pdf(pages, sources, scans, title)
        path = os.path.join(out, prod.rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        with open(path[:-4] + ".truth.json", "w", encoding="utf-8") as f:
            json.dump(truth, f, indent=1, ensure_ascii=False)
            f.write("\n")
        total_pages += len(pages)
        total_bytes += len(data)
        if not a.quiet:
            print(f"{prod.rel}: {len(pages)} pages, {prod.rendition}, {len(truth['communications'])} communications, "
                  f"{len(data) // 1024} KiB", file=sys.stderr)
    if not a.quiet:
        print("coverage: " + ("complete" if not missing else "missing " + ", ".join(missing)), file=sys.stderr)
    if problems:
        for p in problems:
            print("self-check: " + p, file=sys.stderr)
        return 1
    if not a.quiet:
        print(f"wrote {len(prods)} PDFs, {total_pages} pages, {total_bytes / 1e6:.1f} MB to {out} "
              f"in {time.time() - t0:.1f}s (seed {seed})", file=sys.stderr)
    return 0


def coverage_gaps(truths):
    """What a dump lacks among the things the truth vocabulary can say."""
    seen = set()
    for t in truths:
        seen.add("rendition:" + t["rendition"])
        for e in t["pii"]:
            seen.add("pii:" + e["type"])
        for c in t["communications"]:
            seen.add("kind:" + c["kind"])
            seen.add("severity:" + c["severity"])
            seen.add("detainer:" + str(c["detainer"]["present"]).lower())
            for f in c["detainer"]["forms"]:
                seen.add("form:" + f)
            for o in c["offenses"]:
                seen.add("category:" + o["category"])
                seen.add("status:" + o["status"])
                seen.add(f"level:{o['category']}:{o['level']}")
            if c["duplicate_of"]:
                seen.add("duplicate")
            if c["existing_redactions"]["boxes"]:
                seen.add("boxes")
            for code in c["existing_redactions"]["codes"]:
                seen.add("code:" + code)
    want = {"rendition:text", "rendition:scanned", "rendition:mixed", "kind:email", "kind:document", "duplicate", "boxes",
            "detainer:true", "detainer:false", "code:(b)(6)", "code:(b)(7)(C)", "code:(b)(7)(E)"}
    want |= {"severity:" + s for s in ("felony", "misdemeanor", "civil", "unknown", "none")}
    want |= {"form:" + f for f in FORM_ORDER}
    want |= {"status:" + s for s in ("arrested", "charged", "convicted", "dismissed", "suspected", "unknown")}
    want |= {"category:" + c for c in CATEGORIES}
    want |= {"level:oui:felony", "level:oui:misdemeanor", "level:domestic_assault_battery:felony",
             "level:domestic_assault_battery:misdemeanor"}
    want |= {f"level:{c}:{lv}" for c in ("larceny", "malicious_destruction") for lv in ("felony", "misdemeanor", "unknown")}
    want |= {"pii:" + p for p in ("person_name", "date_of_birth", "a_number", "ssn", "phone", "email", "address",
                                  "license_plate", "drivers_license", "fbi_number", "state_id", "passport")}
    return sorted(want - seen)


if __name__ == "__main__":
    sys.exit(main())
