"""Attachment pages: DHS detainer/warrant forms and court-record (BOP/CORI) printouts."""
from .markup import K, P
from .layout import PAGE_W, PAGE_H, wrap
from .offenses import bop_line

FORMS = {
    "I-247A": dict(title="IMMIGRATION DETAINER – NOTICE OF ACTION", code="DHS Form I-247A (3/17)", pages="Page 1 of 3",
                   determ=True, requests=[
                       "Notify DHS as early as practicable (at least 48 hours, if possible) before the alien is released from your custody.",
                       "Maintain custody of the alien for a period NOT TO EXCEED 48 HOURS beyond the time when he/she would otherwise have been released from your custody to allow DHS to assume custody.",
                       "Relay this detainer to any other law enforcement agency to which you transfer custody of the alien."]),
    "I-247D": dict(title="IMMIGRATION DETAINER – REQUEST FOR VOLUNTARY ACTION", code="DHS Form I-247D (12/16)", pages="Page 1 of 3",
                   determ=True, requests=[
                       "Maintain custody of the alien for a period NOT TO EXCEED 48 HOURS beyond the time when he/she would otherwise have been released.",
                       "Notify DHS as early as practicable before the alien is released from your custody."]),
    "I-247N": dict(title="REQUEST FOR VOLUNTARY NOTIFICATION OF RELEASE OF SUSPECTED PRIORITY ALIEN",
                   code="DHS Form I-247N (12/16)", pages="Page 1 of 2", determ=False, requests=[
                       "Notify DHS as early as practicable (at least 48 hours, if possible) before the individual is released from your custody."]),
    "I-203": dict(title="ORDER TO DETAIN OR RELEASE ALIEN", code="Form I-203 (Rev. 08/01/07)", pages="", determ=False, requests=[
        "Please accept the above-named alien for detention pending removal proceedings.",
        "Detain until further notice from this office."]),
    "I-200": dict(title="WARRANT FOR ARREST OF ALIEN", code="Form I-200 (Rev. 09/16)", pages="", determ=True, requests=[
        "YOU ARE COMMANDED to arrest and take into custody for removal proceedings under the Immigration and Nationality Act, the above-named alien."]),
    "I-205": dict(title="WARRANT OF REMOVAL/DEPORTATION", code="Form I-205 (Rev. 08/07)", pages="", determ=True, requests=[
        "By virtue of the power and authority vested in the Secretary of Homeland Security, you are commanded to take into custody and remove from the United States the above-named alien, pursuant to law."]),
}


def _t(fl, x, y, m, font="Helvetica", size=8.5, color=0.0):
    fl.page.ops.append(dict(t="text", x=x, y=y, m=m, f=font, s=size, c=color, comm=fl.comm))


def _r(fl, x, y, w, h, lw=0.7, fill=False):
    fl.page.ops.append(dict(t="rect", x=x, y=y, w=w, h=h, lw=lw, fill=fill, stroke=True))


def _para(fl, x, y, text, font, size, width, lead=None):
    lead = lead or size * 1.2
    for ln in wrap(text, font, size, width):
        _t(fl, x, y, ln, font, size)
        y -= lead
    return y


def form_page(fl, att, st, redact, rng):
    spec = FORMS[att.form]
    case, off, date = att.case, att.official, att.date
    s = case.subject
    red = (lambda m: redact(m, "form")) if redact else (lambda m: m)
    L, R = 40, PAGE_W - 40
    W = R - L
    y = PAGE_H - 48
    _t(fl, L, y, K("agency", "DEPARTMENT OF HOMELAND SECURITY"), "Helvetica-Bold", 10)
    y -= 22
    title = spec["title"]
    from reportlab.pdfbase.pdfmetrics import stringWidth
    tsize = 13 if stringWidth(title, "Helvetica-Bold", 13) < W else 10.5
    _t(fl, (PAGE_W - stringWidth(title, "Helvetica-Bold", tsize)) / 2, y, title, "Helvetica-Bold", tsize)
    y -= 22
    _t(fl, L, y, f"Event #: {rng.choice('BOSNEW')}{rng.choice('BOSNEW')}{rng.randint(1000000000, 9999999999)}", "Helvetica", 8.5)
    _t(fl, L + 230, y, "File No: " + red(P("a_number", f"A{s.anum}" if len(s.anum) == 9 else f"A0{s.anum}")), "Helvetica", 8.5)
    _t(fl, R - 90, y, f"Date: {date.month:02d}/{date.day:02d}/{date.year}", "Helvetica", 8.5)
    y -= 10
    # TO / FROM box
    h = 46
    _r(fl, L, y - h, W / 2, h)
    _r(fl, L + W / 2, y - h, W / 2, h)
    _t(fl, L + 3, y - 9, "TO: (Name and Title of Institution – OR Any Subsequent Law Enforcement Agency)", "Helvetica", 6.3)
    _t(fl, L + W / 2 + 3, y - 9, "FROM: (Department of Homeland Security Office Address)", "Helvetica", 6.3)
    to_agency = "Suffolk County Sheriff's Department" if "Jail" in case.facility or "House" in case.facility else "Boston Police Department"
    to_addr = "20 Bradston Street, Boston, MA 02118" if to_agency.startswith("Suffolk") else "1 Schroeder Plaza, Boston, MA 02120"
    _t(fl, L + 8, y - 23, K("agency", to_agency), "Courier", 9)
    _t(fl, L + 8, y - 35, K("work_address", to_addr), "Courier", 9)
    a = off.agency
    _t(fl, L + W / 2 + 8, y - 23, K("agency", "ICE " + a.get("sub", "ERO")), "Courier", 8.5)
    _t(fl, L + W / 2 + 8, y - 35, K("work_address", ", ".join(off.address)), "Courier", 8 if len(", ".join(off.address)) < 44 else 6.8)
    y -= h
    # subject box
    h = 30
    cols = [("Name of Alien:", red(s.name(rng, rng.choice(["LAST_FIRST", "LAST_first"]))), .42),
            ("Date of Birth:", red(P("date_of_birth", f"{s.dob.month:02d}/{s.dob.day:02d}/{s.dob.year}")), .2),
            ("Citizenship:", s.nationality.upper(), .24), ("Sex:", "F" if s.female else "M", .14)]
    x = L
    for lab, val, frac in cols:
        _r(fl, x, y - h, W * frac, h)
        _t(fl, x + 3, y - 9, lab, "Helvetica", 6.3)
        _t(fl, x + 6, y - 23, val, "Courier", 9.5)
        x += W * frac
    y -= h + 16
    if spec["determ"]:
        y = _para(fl, L, y, "1. DHS HAS DETERMINED THAT PROBABLE CAUSE EXISTS THAT THE SUBJECT IS A REMOVABLE ALIEN. "
                             "THIS DETERMINATION IS BASED ON (complete box 1 or 2):", "Helvetica-Bold", 8.2, W)
        y -= 4
        checks = [("A final order of removal against the alien;", rng.random() < .5),
                  ("The pendency of ongoing removal proceedings against the alien;", rng.random() < .3),
                  ("Biometric confirmation of the alien's identity and a records check of federal databases that "
                   "affirmatively indicate, by themselves or in addition to other reliable information, that the alien "
                   "either lacks immigration status or notwithstanding such status is removable;", True),
                  ("Statements made by the alien to an immigration officer and/or other reliable evidence.", rng.random() < .4)]
        for text, on in checks:
            _r(fl, L + 6, y - 1, 7, 7, lw=.6)
            if on:
                _t(fl, L + 6.8, y, "X", "Helvetica-Bold", 8)
            y = _para(fl, L + 20, y, text, "Helvetica", 8, W - 24) - 3
        y -= 8
    y = _para(fl, L, y, ("2. " if spec["determ"] else "1. ") + "IT IS THEREFORE REQUESTED THAT YOU:", "Helvetica-Bold", 8.2, W)
    y -= 4
    for text in spec["requests"]:
        _r(fl, L + 6, y - 1, 7, 7, lw=.6)
        _t(fl, L + 6.8, y, "X", "Helvetica-Bold", 8)
        y = _para(fl, L + 20, y, text, "Helvetica", 8, W - 24) - 3
    y -= 22
    # signature
    name = red(K("official_name", f"{off.first} {off.last}")) if redact else K("official_name", f"{off.first} {off.last}")
    _t(fl, L, y, name + " – " + off.title, "Courier", 9.5)
    fl.page.ops.append(dict(t="line", x1=L, x2=L + 300, y1=y - 3, y2=y - 3, lw=.6, dash=None, g=0))
    _t(fl, L, y - 12, "(Name and title of Immigration Officer)", "Helvetica", 6.5)
    fl.page.ops.append(dict(t="line", x1=L + 330, x2=R, y1=y - 3, y2=y - 3, lw=.6, dash=None, g=0))
    _t(fl, L + 330, y - 12, "(Signature of Immigration Officer) (Sign in ink)", "Helvetica", 6.5)
    y -= 40
    _r(fl, L, y - 92, W, 92, lw=1)
    _t(fl, L + 6, y - 12, "NOTICE TO THE DETAINEE", "Helvetica-Bold", 8.5)
    _para(fl, L + 6, y - 26, "The Department of Homeland Security (DHS) has placed an immigration detainer on you. "
                             "An immigration detainer is a notice from DHS informing law enforcement agencies that DHS "
                             "intends to assume custody of you after you otherwise would be released from custody. "
                             "If you have a complaint regarding this detainer, please contact the ICE Enforcement and "
                             "Removal Operations Detention Reporting and Information Line at (888) 351-4024.",
          "Helvetica", 7.6, W - 12)
    _t(fl, L, 40, spec["code"], "Helvetica", 7.5)
    if spec["pages"]:
        _t(fl, R - 45, 40, spec["pages"], "Helvetica", 7.5)


DISPO = {"convicted": ["GUILTY", "GUILTY FILED", "PLEA GUILTY", "GUILTY - HOC 6 MOS"],
         "dismissed": ["DISMISSED", "NOLLE PROSEQUI", "DISMISSED-REQ COMM", "DISMISSED W/COSTS"]}


def bop_pages(fl, att, st, redact, rng):
    """Court Activity Record (Board of Probation) printout. Returns offense facts."""
    case = att.case
    s = case.subject
    red = (lambda m: redact(m, "form")) if redact else (lambda m: m)
    f, size, lead = "Courier", 8.3, 10.4
    x = max(40, st.ml - 14)

    def line(m=""):
        fl.text(x, m, f, size, lead)

    d = att.date
    line(f"COMMONWEALTH OF MASSACHUSETTS                                  {d.month:02d}/{d.day:02d}/{d.year} {rng.randint(7, 17):02d}:{rng.randint(0, 59):02d}")
    line("EXECUTIVE OFFICE OF THE TRIAL COURT - OFFICE OF THE COMMISSIONER OF PROBATION")
    line("COURT ACTIVITY RECORD INFORMATION (CARI)                      PAGE 1")
    line(f"REQUESTED BY: {K('agency', 'BOSTON POLICE DEPARTMENT')}  USER: BRIC{rng.randint(100, 999)}")
    line("-" * 86)
    line("NAME: " + red(s.name(rng, "LAST_FIRST")) + "    DOB: " +
         red(P("date_of_birth", f"{s.dob.month:02d}/{s.dob.day:02d}/{s.dob.year}")) + f"    SEX: {'F' if s.female else 'M'}")
    line("SID: " + red(s.sid_s()) + "    PCF: " + red(s.pcf_s()) + "    FBI: " + red(s.fbi_s()))
    line("ADDR: " + red(P("address", f"{s.street}, {s.town}".upper())) + "    POB: " + s.nationality.upper())
    if rng.random() < .6:
        line("MA DL: " + red(s.dl_s()) + "    SSN: " + red(s.ssn_s()))
    line("-" * 86)
    line("ARR/ARGN  COURT           DKT#        OFFENSE")
    line("                                      DISPOSITION")
    line("-" * 86)
    facts = []
    courts = ["DORCHESTER DIST", "BMC CENTRAL", "EAST BOSTON DIST", "ROXBURY DIST", "CHELSEA DIST", "SUFFOLK SUPERIOR"]
    items = sorted(case.priors.items())
    for cat, (lvl, st_) in items:
        yr = case.date.year - rng.randint(1, 10)
        dkt = f"{yr % 100:02d}{rng.randint(1, 9)}{rng.choice(['CR', 'CR', 'AC'])}{rng.randint(100, 9999):06d}"
        line(f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{yr}  {rng.choice(courts):<15} {dkt:<11} {bop_line(cat, lvl)}")
        line(f"                                      {rng.choice(DISPO[st_])} {rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{yr + rng.randint(0, 1)}")
        facts.append(("offense", cat, lvl, st_))
    if not items:
        line("                      *** NO ADULT COURT ARRAIGNMENTS ON FILE ***")
    line("-" * 86)
    line("*** END OF RECORD ***   FOR OFFICIAL USE ONLY - CORI - DISSEMINATION RESTRICTED (G.L. c.6, s.172)")
    return facts
