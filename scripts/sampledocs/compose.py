"""Cases, threads and messages. Every paragraph carries the facts it states, so the truth of a
printout is the union of the facts of what it prints (top message, quoted messages, attachments)."""
import datetime as dt

from .markup import P, K, T
from .offenses import CATEGORIES, CIVIL_IMMIGRATION, TSV_LEVEL, phrase, pick_level
from .people import Private, COURTS, FACILITIES, MONTHS

FORM_WORDS = {
    "I-247A": ["an I-247A", "the I-247A detainer", "an I-247A (Immigration Detainer – Notice of Action)", "a detainer (I-247A)"],
    "I-247D": ["an I-247D", "the I-247D detainer", "an I-247D detainer request"],
    "I-247N": ["an I-247N request for notification", "the I-247N", "an I-247N (request for voluntary notification of release)"],
    "I-247X": ["an I-247X request for transfer", "the I-247X"],
    "I-203": ["an I-203 Order to Detain", "the I-203"],
    "I-200": ["an I-200 administrative warrant", "the I-200 warrant", "a warrant for arrest of alien (I-200)"],
    "I-205": ["an I-205 warrant of removal", "the I-205", "a warrant of removal/deportation (I-205)"],
}


class Para:
    """kind: p (wrapped paragraph), line (one unwrapped line), sig (signature line),
    small (disclaimer), pre (monospace line), blank."""
    __slots__ = ("m", "facts", "kind")

    def __init__(self, m, facts=None, kind="p"):
        self.m, self.facts, self.kind = m, list(facts or []), kind


class Attachment:
    def __init__(self, name, kind=None, form=None, case=None, official=None, date=None):
        self.name, self.kind, self.form, self.case, self.official, self.date = name, kind, form, case, official, date


class Message:
    _n = 0

    def __init__(self, sender, to, cc, sent, subject, paras, attachments=(), bcc=(), importance=None):
        Message._n += 1
        self.id = Message._n
        self.sender, self.to, self.cc, self.bcc = sender, list(to), list(cc), list(bcc)
        self.sent, self.subject, self.paras = sent, subject, paras
        self.attachments = list(attachments)
        self.importance = importance


class Fact:
    """('offense', category, level, status) or ('detainer', 'pos'|'neg'|'hyp', forms)"""


def off_fact(cat, level, status):
    return ("offense", cat, level, status)


def det_fact(kind, forms=()):
    return ("detainer", kind, tuple(forms))


# --------------------------------------------------------------------------- cases

def LEVELS_OF(c):
    return {"oui": ["felony", "misdemeanor"], "domestic_assault_battery": ["felony", "misdemeanor"],
            "larceny": ["felony", "misdemeanor", "unknown"],
            "malicious_destruction": ["felony", "misdemeanor", "unknown"]}.get(c, [TSV_LEVEL[c]])


def technique_para(rng):
    """A sentence naming a law-enforcement technique or system ((b)(7)(E) material)."""
    return Para(rng.choice([
        f"Identity was confirmed through {T('IDENT/IAFIS')} biometric match after booking.",
        f"We ran the plate through {T('the LPR network')} and it hit twice this week.",
        f"Subject was located using {T('Accurint')} and a records check in {T('EAGLE')}.",
        f"{T('TECS')} shows an encounter at Logan in 2015.",
    ]))


class Case:
    def __init__(self, rng, cast, used_surnames, date, kind):
        self.rng, self.cast, self.kind, self.used_surnames = rng, cast, kind, used_surnames
        self.subject = Private(rng, used_surnames)
        self.victim = Private(rng, used_surnames) if rng.random() < .45 else None
        self.date = date
        self.court, self.court_addr = rng.choice(COURTS)
        self.facility = rng.choice(FACILITIES)
        self.district = rng.choice(["B-2", "B-3", "C-11", "A-7", "E-18", "D-4", "E-13", "C-6"])
        self.bpd = rng.choice([cast["liaison"]] * 3 + cast["bpd"])
        self.det = rng.choice(cast["bpd"])
        self.ice = rng.choice(cast["ero"])
        self.sddo = cast["ero"][0]
        self.hsi = rng.choice(cast["hsi"])
        # offenses: category -> (level, status); unique categories within a case. Picks favour what
        # the dump has used least, so even a small dump covers every category, level and form.
        usage = cast.setdefault("usage", {})
        cats = [c for c in CATEGORIES if c not in CIVIL_IMMIGRATION]
        greedy = cast.get("greedy", False)     # small dumps: always take what is least covered
        if greedy or rng.random() < .75:
            picks = cast.setdefault("picks", {})
            cats.sort(key=lambda c: (min(usage.get((c, lv), 0) for lv in LEVELS_OF(c)), picks.get(c, 0),
                                     usage.get(c, 0), rng.random()))
        else:
            rng.shuffle(cats)
        flavor = rng.random()
        if usage.get("sev:civil", 0) == 0 and (greedy or rng.random() < .3):
            flavor = .05
        elif usage.get("sev:unknown", 0) == 0 and (greedy or rng.random() < .3):
            flavor = .15
        n_cur = rng.choice([1, 1, 2, 2, 3]) if not greedy else 3 if kind == "weekly" else rng.choice([2, 3])
        if flavor < .1:          # only a civil immigration matter, no criminal charge
            n_cur = 0
        self.current = {}
        cur_status = min(["arrested", "charged", "suspected"], key=lambda x: (usage.get(x, 0), rng.random())) \
            if greedy or rng.random() < .6 else rng.choice(["arrested", "arrested", "charged", "charged", "suspected"])
        if .1 <= flavor < .18:   # a single offense whose level the text does not decide
            cats.remove("larceny") if "larceny" in cats else None
            cats.remove("malicious_destruction") if "malicious_destruction" in cats else None
            c = rng.choice(["larceny", "malicious_destruction"])
            self.current[c] = ("unknown", cur_status)
            n_cur = 0
        for c in cats[:n_cur]:
            self.current[c] = (self._level(rng, c, usage, greedy), cur_status)
        self.priors = {}
        if flavor >= .18:
            for c in cats[n_cur:n_cur + (rng.choice([0, 1, 1, 2, 3]) if not greedy else 2)]:
                self.priors[c] = (self._level(rng, c, usage, greedy),
                                  min(["convicted", "dismissed"], key=lambda x: (usage.get(x, 0), rng.random()))
                                  if greedy or rng.random() < .5 else rng.choice(["convicted", "convicted", "dismissed"]))
        for c in list(self.current) + list(self.priors):
            picks = cast.setdefault("picks", {})
            picks[c] = picks.get(c, 0) + 1
        self.civil = {}
        r = rng.random() if not .1 <= flavor < .18 else 1.0
        if greedy and not flavor < .18:
            r = {"immigration_civil": .1, "improper_entry": .4, "illegal_reentry": .55}[
                min(["immigration_civil", "improper_entry", "illegal_reentry"], key=lambda x: (usage.get(x, 0), rng.random()))]
        if flavor < .1 or r < .35:
            self.civil["immigration_civil"] = ("civil", "unknown")
        elif r < .5:
            self.civil["improper_entry"] = ("misdemeanor", rng.choice(["convicted", "arrested"]))
        elif r < .6:
            self.civil["illegal_reentry"] = ("felony", rng.choice(["convicted", "suspected"]))
        # detainer situation for the whole case
        r = rng.random() if not greedy else 0.0
        if r < .55:
            self.detainer = "pos"
            opts = [["I-247A"], ["I-247A", "I-200"], ["I-247D"], ["I-247N"], ["I-247A", "I-205"], ["I-203"],
                    ["I-247X"], [], ["I-247A"]]
            picks = cast.setdefault("picks", {})
            if greedy or rng.random() < .6:
                def cover(o):
                    o = o or ["noform"]
                    return (min(usage.get(f, 0) for f in o), min(picks.get(f, 0) for f in o),
                            -sum(1 for f in o if not usage.get(f, 0)), rng.random())
                opts.sort(key=cover)
                self.forms = opts[0]
            else:
                self.forms = rng.choice(opts)
            for f in self.forms or ["noform"]:
                picks[f] = picks.get(f, 0) + 1
        elif r < .8:
            self.detainer = "neg"
            self.forms = []
        else:
            self.detainer = "hyp"
            self.forms = []
        self.mentions = 0

    @staticmethod
    def _level(rng, c, usage, greedy=False):
        if c in ("oui", "domestic_assault_battery", "larceny", "malicious_destruction") and (greedy or rng.random() < .7):
            lv = {"oui": ["felony", "misdemeanor"], "domestic_assault_battery": ["felony", "misdemeanor"],
                  "larceny": ["felony", "misdemeanor", "unknown"],
                  "malicious_destruction": ["felony", "misdemeanor", "unknown"]}[c]
            return min(lv, key=lambda x: (usage.get((c, x), 0), rng.random()))
        return pick_level(rng, c)

    def all_facts(self):
        d = dict(self.priors)
        d.update(self.civil)
        d.update(self.current)
        return d

    # ---- names
    def N(self, first=False):
        rng, s = self.rng, self.subject
        self.mentions += 1
        if first or self.mentions == 1:
            return s.name(rng, rng.choice(["full", "full", "LAST_first", "LAST_FIRST", "FULL", "last_first"]))
        return s.name(rng, rng.choice(["mr", "mr", "last", "full", "LAST_first"]))

    def he(self):
        return self.subject.pron()[0]

    def his(self):
        return self.subject.pron()[2]


def when_phrase(rng, d):
    return rng.choice(["last night", "this morning", "yesterday", f"on {d.month}/{d.day}",
                       f"on {MONTHS[d.month - 1]} {d.day}", "over the weekend", "earlier today", "on Saturday"])


def join_and(items):
    items = list(items)
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def offense_sentence(rng, case, cats, name=None):
    """One sentence stating offenses of one status group. Returns Para."""
    facts_all = case.all_facts()
    status = facts_all[cats[0]][1]
    N = name or case.N()
    offs = [phrase(rng, c, facts_all[c][0]) for c in cats]
    facts = [off_fact(c, facts_all[c][0], facts_all[c][1]) for c in cats]
    O = join_and(offs)
    he, his = case.he(), case.his()
    year = case.date.year - rng.randint(1, 9)
    court = case.court
    if status == "arrested":
        t = rng.choice([
            f"{N} was arrested {when_phrase(rng, case.date)} by District {case.district} officers for {O}.",
            f"{N} was placed under arrest {when_phrase(rng, case.date)} for {O}.",
            f"We arrested {N} {when_phrase(rng, case.date)} on {O}.",
            f"{N} was booked at {case.district} {when_phrase(rng, case.date)} for {O}.",
            f"Officers arrested {N} after a traffic stop for {O}." if any(c in ("unlicensed_operation", "operating_after_suspension", "oui", "leaving_scene") for c in cats)
            else f"{N} was taken into custody for {O}.",
        ])
    elif status == "charged":
        t = rng.choice([
            f"{N} was arraigned this morning in {court} on {O}.",
            f"{N} is charged with {O}; next court date in {court} is {case.date.month}/{min(28, case.date.day + 7)}.",
            f"{N} has an open case in {court} for {O}.",
            f"Charges pending against {N}: {O}.",
            f"{N} was charged with {O} and held on bail at arraignment.",
        ])
    elif status == "convicted":
        t = rng.choice([
            f"{N} was convicted of {O} in {year}.",
            f"{N} has a prior conviction for {O} ({year}, {court}).",
            f"{N} was found guilty of {O} in {year}.",
            f"{N} pled guilty to {O} in {year} and served {rng.randint(3, 30)} months.",
        ])
    elif status == "dismissed":
        t = rng.choice([
            f"The {O} charge against {N} was dismissed in {year}.",
            f"{N}'s {O} case was nolle prossed in {year}.",
            f"A {year} case against {N} for {O} was dismissed.",
        ])
    elif status == "suspected":
        t = rng.choice([
            f"{N} is a suspect in an ongoing {O} investigation.",
            f"{N} is currently under investigation for {O}.",
            f"We believe {N} is involved in {O} in the {case.district} area.",
            f"{N} is suspected of {O} but has not been charged yet.",
            f"{N} was identified as a suspect in {O} by a witness.",
        ])
    else:
        t = f"{N} is known for {O}."
    return Para(t, facts)


def civil_sentence(rng, case, name=None):
    (cat, (lvl, st)), = case.civil.items()
    N = name or case.N()
    year = case.date.year - rng.randint(2, 12)
    if cat == "immigration_civil":
        t = rng.choice([
            f"{N} has a final order of removal issued by an immigration judge in {year}.",
            f"{N} is a visa overstay (B-2, admitted {year}).",
            f"ERO records show {N} is a removable alien with a final order from {year}.",
            f"{N} was ordered removed in absentia in {year}; the final order of removal is still outstanding.",
            f"{N} overstayed a B-1/B-2 visa that expired in {year} and is removable.",
        ])
    elif cat == "improper_entry":
        p = phrase(rng, cat, lvl)
        if st == "convicted":
            t = rng.choice([f"{N} was convicted of {p} in {year} in the Southern District of Texas.",
                            f"{N} has a {year} conviction for {p}."])
        else:
            t = rng.choice([f"{N} was arrested by Border Patrol near {rng.choice(['Hidalgo, TX', 'Nogales, AZ', 'Calexico, CA', 'Laredo, TX'])} in {year} for {p}.",
                            f"Border Patrol arrested {N} in {year} for {p}."])
    else:
        p = phrase(rng, cat, lvl)
        if st == "convicted":
            t = rng.choice([f"{N} was convicted of {p} in {year} after a prior removal.",
                            f"{N} has a federal conviction for {p} ({year})."])
        else:
            t = rng.choice([f"HSI intends to present {N} to the USAO for {p}; {case.he()} was removed in {year}.",
                            f"{N} is suspected of {p} since {case.he()} was previously removed in {year}."])
    return Para(t, [off_fact(cat, lvl, st)])


def no_charge(rng, case):
    N = case.N()
    return Para(rng.choice([
        f"{N} was identified during a field interview in {case.district} and released. No charges.",
        f"{N} came in to the {case.district} front desk to report a lost wallet; no criminal matter.",
        f"{N} was a passenger in a car stopped in {case.district}. The operator was cited; {case.he()} was not charged.",
    ]))


def detainer_pos(rng, case, with_attachment=False):
    forms = case.forms
    N = case.N()
    if not forms:
        t = rng.choice([f"ICE lodged a detainer on {N} this morning.",
                        f"We have an active ICE detainer on file for {N}.",
                        f"ERO issued a detainer for {N}; please make sure booking has it."])
        return Para(t, [det_fact("pos", [])])
    fw = join_and(rng.choice(FORM_WORDS[f]) for f in forms)
    if with_attachment:
        t = rng.choice([f"Attached please find {fw} for {N}.",
                        f"Please see attached {fw} for {N}. Please honor and call when {case.he()} is ready for pickup.",
                        f"Attached is {fw} for {N}. A copy was also faxed to {case.facility}.",
                        f"I have attached {fw} for {N}."])
    else:
        was, has = ("were", "have") if len(forms) > 1 else ("was", "has")
        t = rng.choice([f"ICE lodged {fw} on {N} this morning.",
                        f"{fw[0].upper() + fw[1:]} {was} faxed to {case.facility} at {rng.randint(7, 11)}:{rng.randint(0, 59):02d} this morning for {N}.",
                        f"We have {fw} on file for {N}.",
                        f"ERO issued {fw} for {N} today.",
                        f"Just a heads up, {fw} {has} been lodged with {case.facility} for {N}."])
    return Para(t, [det_fact("pos", forms)])


def detainer_neg(rng, case):
    N = case.N()
    allow_forms = case.detainer != "pos"
    opts = [f"No detainer was lodged on {N}.",
            f"ICE declined to lodge a detainer on {N}.",
            f"ERO will not be lodging a detainer on {N}; {case.he()} does not appear to be removable.",
            f"There is no detainer on file for {N}.",
            f"{N} was released at arraignment. No ICE detainer."]
    if allow_forms:
        opts += [f"We did not issue an I-247A for {N}.", f"There is no I-247A or I-200 on file for {N}."]
    return Para(rng.choice(opts), [det_fact("neg")])


def detainer_hyp(rng, case=None):
    allow_forms = case is None or case.detainer != "pos"
    opts = ["If ICE lodges a detainer we will notify you per policy.",
            "Under the Boston Trust Act, BPD will not hold anyone on a civil immigration detainer alone.",
            "BPD policy on detainers under the Trust Act has not changed.",
            "Should ICE decide to issue a detainer, please send it directly to the booking desk.",
            "Please let me know if a detainer is issued in the future."]
    if allow_forms:
        opts += ["Can you tell me how BPD handles an I-247A request now?",
                 "If an I-247D comes in we would need a judicial warrant before holding anyone on it.",
                 "We would only act on an I-200 if it is accompanied by a criminal warrant."]
    return Para(rng.choice(opts), [det_fact("hyp")])


ID_TYPE = {"A#": "a_number", "Address": "address", "Phone": "phone", "MA DL": "drivers_license", "SSN": "ssn",
           "SID": "state_id", "FBI#": "fbi_number", "Passport": "passport", "Email": "email", "Vehicle": "license_plate"}


def pii_para(rng, case, who=None, n=None):
    """A line of identifiers of the subject (or victim)."""
    s = who or case.subject
    items = [("DOB", s.dob_s(rng))]
    pool = [("A#", None), ("Address", s.address_s(rng)), ("Phone", s.phone_s(rng)),
            ("MA DL", s.dl_s()), ("SSN", s.ssn_s()), ("SID", s.sid_s()), ("FBI#", s.fbi_s()),
            ("Passport", s.passport_s()), ("Email", s.email_s()), ("Vehicle", s.plate_s())]
    rng.shuffle(pool)
    usage = case.cast.setdefault("usage", {})
    picks = case.cast.setdefault("picks", {})
    if case.cast.get("greedy"):        # identifiers least printed so far first
        pool.sort(key=lambda lv: (usage.get("pii:" + ID_TYPE[lv[0]], 0), picks.get("pii:" + ID_TYPE[lv[0]], 0)))
    for lab, val in pool[:n or rng.randint(2, 4)]:
        picks["pii:" + ID_TYPE[lab]] = picks.get("pii:" + ID_TYPE[lab], 0) + 1
        if lab == "A#":
            items.append(("", s.anum_s(rng)))
        elif lab == "Passport":
            items.append((f"{s.nationality} passport", val))
        elif lab == "Vehicle":
            items.append(("MA reg", val))
        else:
            items.append((lab, val))
    style = rng.choice(["line", "lines", "sentence"])
    name = s.name(rng, rng.choice(["LAST_first", "LAST_FIRST", "full"]))
    if style == "sentence":
        return [Para(f"{name}, " + ", ".join(f"{l} {v}".strip() for l, v in items) + ".")]
    if style == "line":
        return [Para(f"{name} – " + " / ".join(f"{l}: {v}" if l else v for l, v in items))]
    out = [Para(f"Name: {name}", kind="line")]
    for l, v in items:
        out.append(Para(f"{l or 'A-Number'}: {v}", kind="line"))
    return out


def greeting(rng, to):
    o = to
    r = rng.random()
    if r < .2 or not getattr(o, "is_official", False):
        return rng.choice(["Hi,", "Good morning,", "Hello,", "All,", ""])
    return rng.choice([f"{o.first_ref()},", f"Hi {o.first_ref()},", f"Good morning {o.first_ref()},",
                       f"{o.ref(rng)},", f"Hey {o.first_ref()},"])


def closing(rng, sender, happy=False):
    out = []
    if happy:
        out.append(Para("Happy hunting.", kind="line"))
    c = rng.choice(["Thanks,", "Thank you,", "Regards,", "V/r,", "Respectfully,", "Best,", "Thanks", "", "Thx,"])
    if c:
        out.append(Para(c, kind="line"))
    compact = rng.random() < .3
    if rng.random() < .15:
        out.append(Para(sender.first_ref(), kind="sig"))
    else:
        out.extend(Para(l, kind="sig") for l in sender.signature(rng, compact=compact))
    if rng.random() < .35:
        out.append(Para(rng.choice(DISCLAIMERS), kind="small"))
    return out


DISCLAIMERS = [
    "CONFIDENTIALITY NOTICE: This e-mail, and any attachments thereto, is intended only for use by the addressee(s) "
    "named herein and may contain legally privileged and/or confidential information. If you are not the intended "
    "recipient of this e-mail, you are hereby notified that any dissemination, distribution or copying of this e-mail "
    "is strictly prohibited. If you have received this e-mail in error, please notify the sender and permanently "
    "delete the original and any copy.",
    "WARNING: This document is UNCLASSIFIED//FOR OFFICIAL USE ONLY (U//FOUO). It contains information that may be "
    "exempt from public release under the Freedom of Information Act (5 U.S.C. 552). It is to be controlled, stored, "
    "handled, transmitted, distributed, and disposed of in accordance with DHS policy relating to FOUO information.",
    "This message is intended for law enforcement purposes only. Do not forward outside your agency without the "
    "sender's permission.",
    "Please consider the environment before printing this e-mail.",
]

LOGISTICS = [
    "Are you around this afternoon? I'd like to go over the list before the meeting on {day}.",
    "Can we move our monthly meeting to {day} at 10:00? The conference room at {place} is booked.",
    "Thanks for the quick turnaround on this.",
    "Received, thank you.",
    "Please give me a call when you get a chance. My desk line is below.",
    "The training for the new liaison is scheduled for {day} at {place}. Parking is available in the rear lot.",
    "I'll be out of the office until {day}. Please contact the duty officer in the meantime.",
    "Got it. Thanks.",
    "Sounds good, see you then.",
    "Forwarding for your awareness. No action needed.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def fill_logistics(rng, cast):
    place = rng.choice(["Schroeder Plaza", "HQ", "the BRIC", "Burlington", "City Hall", "the JFK building"])
    return rng.choice(LOGISTICS).format(day=rng.choice(DAYS), place=place)


def advance(rng, t, lo=4, hi=600):
    t = t + dt.timedelta(minutes=rng.randint(lo, hi), seconds=rng.randint(0, 59))
    if t.hour < 6:
        t = t.replace(hour=rng.randint(7, 9))
    if t.hour >= 22:
        t = t + dt.timedelta(hours=10)
    return t


def re_(subj, rng, fw=False):
    if fw:
        return rng.choice(["FW: ", "Fwd: ", "FW: "]) + subj
    return rng.choice(["RE: ", "RE: ", "Re: "]) + subj


def subject_line(rng, case, kind):
    s = case.subject
    nm = s.name(rng, rng.choice(["LAST_first", "LAST_FIRST", "full"]))
    opts = {
        "inquiry": [f"{nm}", f"Inquiry – {nm}", "Custody check", "Subject in custody?", f"{nm} DOB {s.dob_s(rng)}",
                    f"Request for information – {case.district} arrest", "Quick question"],
        "notify": [f"Arrest notification – {nm}", f"{case.district} arrest {case.date.month}/{case.date.day}", "FYI",
                   f"{nm}", "Arrest info", "Heads up"],
        "detainer": [f"Detainer – {s.name(rng, 'LAST')}", "I-247A" if "I-247A" in case.forms else "Detainer",
                     f"{nm} – detainer", "Attached detainer", "ICE paperwork"],
        "records": [f"Records request – {nm}", "BOP request", "Request for CORI / incident report", f"{nm} record"],
        "hsi": ["Target info", f"{nm}", "Deconfliction", "Possible target – Operation " + rng.choice(["Mad Hatter", "Greenline", "Cobalt", "Harbor Light"])],
        "tip": ["Complaint from victim", f"{nm}", "Citizen email – please review", "Threats"],
        "negated": [f"{nm}", "Custody check", f"RE: {case.district} arrest"],
    }
    return rng.choice(opts[kind])


# --------------------------------------------------------------------------- threads

def thread_for(rng, cast, used_surnames, date, kind):
    """Returns (messages, cases). Messages are chronological."""
    if kind in ("logistics", "policy"):
        return _thread_admin(rng, cast, date, kind), []
    if kind == "weekly":
        return _thread_weekly(rng, cast, used_surnames, date)
    case = Case(rng, cast, used_surnames, date, kind)
    if kind == "negated":
        case.detainer = "neg"
        case.forms = []
    if kind == "detainer" and case.detainer != "pos":
        case.detainer = "pos"
        case.forms = case.forms or ["I-247A"]
    f = {"inquiry": _thread_inquiry, "notify": _thread_notify, "detainer": _thread_detainer,
         "records": _thread_records, "hsi": _thread_hsi, "tip": _thread_tip, "negated": _thread_inquiry}[kind]
    return f(rng, cast, case), [case]


def _cc(rng, cast, k=None, exclude=()):
    pool = [p for p in cast["bpd"] + cast["ero"][:2] + [cast["legal"]] if p not in exclude]
    k = rng.choice([0, 0, 0, 1, 1, 2, 3, 5]) if k is None else k
    rng.shuffle(pool)
    return pool[:k]


def _offense_paras(rng, case, groups=("current", "priors", "civil")):
    out = []
    if "current" in groups and case.current:
        out.append(offense_sentence(rng, case, list(case.current)))
    if "priors" in groups and case.priors:
        by = {}
        for c, (lvl, st) in case.priors.items():
            by.setdefault(st, []).append(c)
        for st, cats in by.items():
            out.append(offense_sentence(rng, case, cats))
    if "civil" in groups and case.civil:
        out.append(civil_sentence(rng, case))
    return out


def _det_paras(rng, case, with_attachment=False):
    if case.detainer == "pos":
        return [detainer_pos(rng, case, with_attachment)]
    if case.detainer == "neg":
        return [detainer_neg(rng, case)]
    return [detainer_hyp(rng, case)]


def _form_attachments(rng, case, official, date):
    out = []
    for f in case.forms:
        if f == "I-247X":
            continue
        nm = rng.choice([f"{f}.pdf", f"{f}_{case.subject.last.upper().replace(' ', '_')}.pdf",
                         f"{case.subject.last.upper()} {f}.pdf", f"{f} signed.pdf"])
        if case.subject.last.upper() in nm or case.subject.last.upper().replace(" ", "_") in nm:
            up = case.subject.last.upper()
            key = up if up in nm else up.replace(" ", "_")
            a, b = nm.split(key, 1)
            nm_m = a + P("person_name", key) + b
        else:
            nm_m = nm
        out.append(Attachment(nm_m, "form", f, case, official, date))
    return out


def _thread_inquiry(rng, cast, case):
    ice, bpd = case.ice, case.bpd
    t = case.date.replace(hour=rng.randint(7, 17), minute=rng.randint(0, 59), second=rng.randint(0, 59))
    subj = subject_line(rng, case, "negated" if case.kind == "negated" else "inquiry")
    m = []
    # 1 ICE asks
    p = [Para(greeting(rng, bpd), kind="line")] if rng.random() < .8 else []
    ask = rng.choice([
        f"Can you confirm whether {case.N(True)} is in BPD custody? We show an arrest in {case.district}.",
        f"Do you have anything on {case.N(True)}? I believe {case.he()} was picked up {when_phrase(rng, case.date)}.",
        f"Could you check if {case.N(True)} is still at {case.district} or has been transported to court?",
        f"I'm looking for info on {case.N(True)}. Any idea what {case.he()} was arrested for?",
    ])
    p.append(Para(ask))
    p += pii_para(rng, case, n=rng.randint(1, 3))
    if case.detainer == "pos" and rng.random() < .5:
        p.append(Para(rng.choice(["We will have paperwork ready if so.", "Please let me know either way."])))
    p += closing(rng, ice)
    cc = _cc(rng, cast, exclude=(ice, bpd))
    m.append(Message(ice, [bpd], cc, t, subj, p, importance="High" if rng.random() < .15 else None))
    # 2 BPD answers with offenses
    t = advance(rng, t)
    p = [Para(greeting(rng, ice), kind="line")] if rng.random() < .7 else []
    p += _offense_paras(rng, case, ("current",)) or [no_charge(rng, case)]
    if rng.random() < .5:
        p += pii_para(rng, case)
    if case.priors and (case.cast.get("greedy") or rng.random() < .6):
        p += _offense_paras(rng, case, ("priors",))
    if rng.random() < .3:
        p.append(Para(rng.choice([f"{case.he().capitalize()} is being held at {case.facility} pending arraignment in {case.court}.",
                                  f"{case.he().capitalize()} is scheduled for arraignment tomorrow morning at {case.court} ({K('work_address', case.court_addr)}).",
                                  f"Bail was set at ${rng.choice([500, 1000, 2500, 5000, 10000]):,}."])))
    if case.victim and rng.random() < .5:
        p.append(Para(f"The victim is {case.victim.name(rng, 'full')} ({case.victim.dob_s(rng)}) of {case.victim.address_s(rng)}."))
    if case.detainer == "hyp" and rng.random() < .6:
        p.append(detainer_hyp(rng, case))
    p += closing(rng, bpd)
    m.append(Message(bpd, [ice], cc, t, re_(subj, rng), p))
    # 3 ICE: detainer outcome + civil
    t = advance(rng, t, 10, 300)
    p = [Para(greeting(rng, bpd), kind="line")] if rng.random() < .6 else []
    if case.civil:
        p += _offense_paras(rng, case, ("civil",))
    if rng.random() < .3:
        p.append(technique_para(rng))
    p += _det_paras(rng, case)
    happy = rng.random() < .12
    if rng.random() < .5:
        p.append(Para(rng.choice(["Thanks for the info.", "Appreciate the help as always.",
                                  f"Let me know if anything changes with {case.his()} court date.",
                                  f"I'll have {case.sddo.ref(rng)} follow up."])))
    atts = _form_attachments(rng, case, ice, t) if case.detainer == "pos" and rng.random() < .4 else []
    if atts:
        p.append(Para(f"The {'/'.join(a.form for a in atts)} {'is' if len(atts) == 1 else 'are'} attached.",
                      [det_fact("pos", [a.form for a in atts])]))
    p += closing(rng, ice, happy)
    m.append(Message(ice, [bpd], cc, t, re_(subj, rng), p, atts))
    # 4 BPD ack
    if rng.random() < .6:
        t = advance(rng, t, 3, 90)
        p = [Para(rng.choice(["Thanks.", "Received, thank you.", "Got it, I'll let the district know.",
                              "Thanks, will pass along to booking.", f"Copy. {fill_logistics(rng, cast)}"]))]
        p += closing(rng, bpd)
        m.append(Message(bpd, [ice], cc, t, re_(subj, rng), p))
    return m


def _thread_notify(rng, cast, case):
    bpd, ice = cast["liaison"], case.ice
    t = case.date.replace(hour=rng.randint(6, 11), minute=rng.randint(0, 59), second=rng.randint(0, 59))
    subj = subject_line(rng, case, "notify")
    to = [ice] + ([case.sddo] if rng.random() < .5 and case.sddo is not ice else [])
    p = [Para(greeting(rng, ice), kind="line")] if rng.random() < .7 else []
    p.append(Para(rng.choice(["FYI –", "For your awareness:", "See below.", "Per our conversation,"]), kind="line"))
    p += _offense_paras(rng, case, ("current",)) or [no_charge(rng, case)]
    p += pii_para(rng, case, n=rng.randint(2, 5))
    if rng.random() < .5:
        p.append(Para(rng.choice([
            f"{case.he().capitalize()} was operating MA reg {case.subject.plate_s()} at the time of the stop.",
            f"Listed home address is {case.subject.address_s(rng)}.",
            f"{case.his().capitalize()} cell is {case.subject.phone_s(rng)} per the booking sheet.",
            f"{case.he().capitalize()} presented a {case.subject.nationality} passport ({case.subject.passport_s()}) at booking."])))
    if case.victim and rng.random() < .4:
        p.append(Para(f"Victim: {case.victim.name(rng, rng.choice(['full', 'LAST_first']))}, {case.victim.phone_s(rng)}."))
    p += closing(rng, bpd)
    m = [Message(bpd, to, _cc(rng, cast, rng.choice([0, 1, 2]), exclude=[bpd] + to), t, subj, p)]
    t = advance(rng, t, 20, 400)
    p = [Para(greeting(rng, bpd), kind="line")] if rng.random() < .6 else []
    p.append(Para(rng.choice(["Thanks for the heads up.", "Thank you.", "Appreciate it.", "Thanks, will run it."])))
    if rng.random() < .5:
        p.append(Para(rng.choice([f"I ran {case.subject.pron()[1]} in ", "Checked "]) + T("EAGLE") + " and " + T("IDENT") + "."))
    p += _offense_paras(rng, case, ("civil", "priors"))
    p += _det_paras(rng, case)
    p += closing(rng, ice, rng.random() < .15)
    m.append(Message(ice, [bpd], m[0].cc, t, re_(subj, rng), p))
    if rng.random() < .5:
        t = advance(rng, t, 3, 60)
        p = [Para(rng.choice(["Thanks.", "Got it.", "Copy that.", "Will do."])), *closing(rng, bpd)]
        m.append(Message(bpd, [ice], m[0].cc, t, re_(subj, rng), p))
    return m


def _thread_detainer(rng, cast, case):
    ice, bpd = case.ice, rng.choice([cast["liaison"], cast["scsd"]])
    t = case.date.replace(hour=rng.randint(7, 20), minute=rng.randint(0, 59), second=rng.randint(0, 59))
    subj = subject_line(rng, case, "detainer")
    p = [Para(greeting(rng, bpd), kind="line")] if rng.random() < .8 else []
    p.append(detainer_pos(rng, case, with_attachment=True))
    if case.current:
        p += _offense_paras(rng, case, ("current",))
    p += pii_para(rng, case, n=rng.randint(1, 3))
    if case.civil:
        p += _offense_paras(rng, case, ("civil",))
    p += closing(rng, ice, rng.random() < .1)
    atts = _form_attachments(rng, case, ice, t)
    m = [Message(ice, [bpd], _cc(rng, cast, rng.choice([0, 1, 2]), exclude=(ice, bpd)), t, subj, p, atts)]
    t = advance(rng, t, 5, 200)
    p = [Para(rng.choice(["Received. I forwarded it to booking.", "Got it, thanks. Forwarded to the district.",
                          f"Received. {case.he().capitalize()} is still at {case.facility}."])), *closing(rng, bpd)]
    m.append(Message(bpd, [ice], m[0].cc, t, re_(subj, rng), p))
    return m


def _thread_records(rng, cast, case):
    req = rng.choice([case.ice, case.hsi])
    bpd = rng.choice([cast["liaison"], case.det])
    t = case.date.replace(hour=rng.randint(8, 16), minute=rng.randint(0, 59), second=rng.randint(0, 59))
    subj = subject_line(rng, case, "records")
    p = [Para(greeting(rng, bpd), kind="line"),
         Para(rng.choice([f"Could you send me the BOP and incident report for {case.N(True)}?",
                          f"Would you be able to pull the CORI for {case.N(True)}? We are working on a case.",
                          f"Requesting the criminal history for {case.N(True)} if you can."]))]
    p += pii_para(rng, case, n=rng.randint(1, 2))
    p += closing(rng, req)
    m = [Message(req, [bpd], [], t, subj, p)]
    t = advance(rng, t, 30, 900)
    p = [Para(greeting(rng, req), kind="line")] if rng.random() < .6 else []
    p.append(Para(rng.choice(["See attached BOP.", "BOP attached. Incident report to follow.", "Attached is the record.",
                              "Here is the BOP printout you asked for."])))
    bop_case = case
    p += _offense_paras(rng, case, ("current",))
    if case.detainer == "hyp" or rng.random() < .3:
        p.append(detainer_hyp(rng, case))
    p += closing(rng, bpd)
    name = rng.choice(["BOP.pdf", "CORI.pdf", f"BOP_{case.subject.last.upper().replace(' ', '_')}.pdf", "record.pdf"])
    if case.subject.last.upper().replace(" ", "_") in name:
        key = case.subject.last.upper().replace(" ", "_")
        a, b = name.split(key, 1)
        name = a + P("person_name", key) + b
    atts = [Attachment(name, "bop", None, bop_case, bpd, t)]
    m.append(Message(bpd, [req], [], t, re_(subj, rng), p, atts))
    if rng.random() < .5:
        t = advance(rng, t, 5, 120)
        p = [Para(rng.choice(["Thanks!", "Perfect, thank you.", "Thanks, this helps."]))]
        if case.detainer != "hyp":
            p += _det_paras(rng, case)
        p += closing(rng, req, rng.random() < .2)
        m.append(Message(req, [bpd], [], t, re_(subj, rng), p))
    return m


def _thread_hsi(rng, cast, case):
    sa, bric = case.hsi, rng.choice([cast["liaison"], case.det])
    # HSI threads are about suspected distribution / firearms
    for c in list(case.current):
        del case.current[c]
    opts = ["drug_distribution", "firearm_possession", "armed_robbery", "identity_fraud", "false_rmv_document"]
    usage = cast.get("usage", {})
    cat = min(opts, key=lambda c: (usage.get(c, 0), rng.random())) if cast.get("greedy") else rng.choice(opts)
    case.priors.pop(cat, None)
    case.current[cat] = (pick_level(rng, cat), "suspected")
    t = case.date.replace(hour=rng.randint(8, 18), minute=rng.randint(0, 59), second=rng.randint(0, 59))
    subj = subject_line(rng, case, "hsi")
    p = [Para(greeting(rng, bric), kind="line"),
         Para(rng.choice([f"We are looking at {case.N(True)} as part of an ongoing case.",
                          f"Do you have any intel on {case.N(True)}? Name came up on a wire.",
                          f"Can you deconflict {case.N(True)} for us?"]))]
    p += _offense_paras(rng, case, ("current",))
    if cast.get("greedy") or rng.random() < .5:
        p.append(technique_para(rng))
    p += pii_para(rng, case, n=rng.randint(2, 4))
    p += closing(rng, sa)
    m = [Message(sa, [bric], _cc(rng, cast, 1, exclude=(sa, bric)), t, subj, p)]
    t = advance(rng, t, 20, 500)
    p = [Para(greeting(rng, sa), kind="line")] if rng.random() < .5 else []
    he, him = case.he(), case.subject.pron()[1]
    p.append(Para(rng.choice([f"BRIC has {him} listed as an associate of a known group in the area.",
                              f"Nothing active on our end. {he.capitalize()} shows up in a couple of FIOs.",
                              f"{he.capitalize()} is known to the {case.district} drug unit."])))
    p += _offense_paras(rng, case, ("priors", "civil"))
    p += closing(rng, bric, rng.random() < .3)
    m.append(Message(bric, [sa], m[0].cc, t, re_(subj, rng), p))
    if rng.random() < .6:
        t = advance(rng, t, 10, 300)
        p = [Para(rng.choice(["Thanks. We'll keep you posted.", "Great, appreciate it. Happy hunting.",
                              "Thanks, this is helpful."]))]
        p += _det_paras(rng, case)
        p += closing(rng, sa)
        m.append(Message(sa, [bric], m[0].cc, t, re_(subj, rng), p))
    return m


def _thread_tip(rng, cast, case):
    """A victim's own e-mail, forwarded by a detective to the liaison, then to ICE."""
    for c in list(case.current):
        del case.current[c]
    cat = rng.choice(["threats", "stalking", "restraining_order_violation", "domestic_assault_battery"])
    case.priors.pop(cat, None)
    case.current[cat] = (pick_level(rng, cat), rng.choice(["arrested", "charged", "suspected"]))
    victim = case.victim or Private(rng, case.used_surnames)
    case.victim = victim
    t = case.date.replace(hour=rng.randint(6, 23), minute=rng.randint(0, 59), second=rng.randint(0, 59))
    det = case.det
    v_from = victim.name(rng, "full")
    v_addr = P("email", victim.pemail)
    subj = subject_line(rng, case, "tip")
    p = [Para(rng.choice(["Officer,", "Hello,", "To whom it may concern,", "Detective,"]), kind="line"),
         Para(rng.choice([
             f"I am writing again about {case.N(True)}. {case.he().capitalize()} keeps coming to my house at {victim.address_s(rng)} even though I have a restraining order.",
             f"My ex {case.N(True)} sent me messages saying {case.he()} will hurt me. I am scared to go to work.",
             f"{case.N(True)} was outside my job again today. Please help me."])),
         Para(f"My number is {victim.phone_s(rng)}. Thank you."),
         Para(v_from, kind="sig")]
    vmsg = Message(victim, [det], [], t, subj, p)
    vmsg.from_override = v_from + " <" + v_addr + ">"
    t2 = advance(rng, t, 60, 900)
    p = [Para(greeting(rng, cast["liaison"]), kind="line"),
         Para(rng.choice(["See the e-mail below from our victim.", "Forwarding the victim's e-mail for your awareness.",
                          "FYI, see below."]))]
    p += _offense_paras(rng, case, ("current",))
    p += closing(rng, det)
    m2 = Message(det, [cast["liaison"]], [], t2, re_(subj, rng, fw=True), p)
    t3 = advance(rng, t2, 10, 400)
    ice = case.ice
    p = [Para(greeting(rng, ice), kind="line"),
         Para(f"Forwarding from {det.ref(rng)}. Can you check {case.his()} status?")]
    p += pii_para(rng, case, n=2)
    if case.civil:
        p += _offense_paras(rng, case, ("civil",))
    p += closing(rng, cast["liaison"])
    m3 = Message(cast["liaison"], [ice], [], t3, re_(m2.subject, rng, fw=True) if rng.random() < .3 else m2.subject.replace("Fwd: ", "FW: "), p)
    msgs = [vmsg, m2, m3]
    if rng.random() < .7:
        t4 = advance(rng, t3, 10, 400)
        p = [Para(greeting(rng, cast["liaison"]), kind="line")] + _det_paras(rng, case) + closing(rng, ice)
        msgs.append(Message(ice, [cast["liaison"]], [], t4, re_(m3.subject, rng), p))
    return msgs


def _thread_weekly(rng, cast, used_surnames, date):
    bpd = cast["liaison"]
    cases, used_cats = [], set()
    for i in range(rng.randint(2, 4) if not cast.get("greedy") else 4):
        c = Case(rng, cast, used_surnames, date, "weekly")
        if not c.current:
            c.current = {"trespass": ("misdemeanor", "arrested")} if "trespass" not in used_cats else {}
        c.priors, c.civil = {}, {}
        cur = {}
        for cat, v in c.current.items():
            if cat not in used_cats:
                cur[cat] = (v[0], "arrested")
                used_cats.add(cat)
        if not cur:
            continue
        c.current = cur
        c.detainer, c.forms = "none", []
        cases.append(c)
    t = date.replace(hour=rng.randint(6, 9), minute=rng.randint(0, 59), second=rng.randint(0, 59))
    subj = rng.choice(["Weekly arrest list", f"Arrests {date.month}/{date.day - 6 if date.day > 6 else 1} – {date.month}/{date.day}",
                       "Foreign-born arrests this week", "List"])
    p = [Para(rng.choice(["All,", "Good morning,", ""]), kind="line"),
         Para(rng.choice(["Below are this week's arrests of foreign-born subjects.", "Weekly list as requested:",
                          "Here is the list for this week."]))]
    for i, c in enumerate(cases, 1):
        s = c.subject
        line = f"{i}. {s.name(rng, 'LAST_FIRST')} ({s.dob_s(rng)}, {s.nationality}) – " + \
            "; ".join(phrase(rng, cat, lvl) for cat, (lvl, st) in c.current.items()) + f" – arrested {c.date.month}/{c.date.day} ({c.district})"
        p.append(Para(line, [off_fact(cat, lvl, st) for cat, (lvl, st) in c.current.items()]))
    p.append(Para(rng.choice(["Please advise if any of these have detainers.",
                              "Let me know if ERO has interest in any of them.",
                              "Per policy, BPD will not hold anyone on a detainer alone."]),
                  [det_fact("hyp")]))
    p += closing(rng, bpd)
    to_list = cast["ero"][:rng.randint(2, 4)]
    m = [Message(bpd, to_list, _cc(rng, cast, rng.choice([1, 3, 5]), exclude=[bpd] + to_list), t, subj, p)]
    if rng.random() < .5:
        t = advance(rng, t, 30, 300)
        p = [Para(rng.choice(["Thanks.", "Thanks, will run them.", "Received."])), *closing(rng, to_list[0])]
        m.append(Message(to_list[0], [bpd], m[0].cc, t, re_(subj, rng), p))
    return m, cases


def _thread_admin(rng, cast, date, kind):
    t = date.replace(hour=rng.randint(8, 17), minute=rng.randint(0, 59), second=rng.randint(0, 59))
    if kind == "policy":
        a, b = rng.choice(cast["city"]), rng.choice([cast["legal"], cast["liaison"]])
        subj = rng.choice(["Trust Act question", "Detainer policy", "Question re: ICE requests", "Council inquiry",
                           "Draft talking points"])
        p = [Para(greeting(rng, b), kind="line"),
             Para(rng.choice(["A councilor asked whether BPD shares arrest information with ICE. Can you confirm our current practice?",
                              "We are preparing talking points on the Trust Act for the Mayor. Can you review the paragraph below?",
                              "Can you send me the current Rule 408 language before Thursday's hearing?"])),
             detainer_hyp(rng)]
        p += closing(rng, a)
        m = [Message(a, [b], _cc(rng, cast, rng.choice([0, 1]), exclude=(a, b)), t, subj, p)]
        t = advance(rng, t, 30, 600)
        p = [Para(greeting(rng, a), kind="line"), detainer_hyp(rng),
             Para(rng.choice(["Happy to discuss further.", "I've attached the rule for reference.",
                              "Let me know if the Mayor's office needs anything else."]))]
        p += closing(rng, b)
        m.append(Message(b, [a], m[0].cc, t, re_(subj, rng), p))
        return m
    a, b = rng.sample(cast["bpd"] + cast["ero"] + [cast["liaison"]], 2)
    subj = rng.choice(["Meeting", "Monthly meeting", "Training", "Out of office", "Call", "Schedule", "Parking at Burlington"])
    p = [Para(greeting(rng, b), kind="line"), Para(fill_logistics(rng, cast))] + closing(rng, a)
    m = [Message(a, [b], _cc(rng, cast, rng.choice([0, 1, 2]), exclude=(a, b)), t, subj, p)]
    for _ in range(rng.randint(0, 2)):
        t = advance(rng, t, 5, 300)
        a, b = b, a
        p = [Para(fill_logistics(rng, cast))] + closing(rng, a)
        m.append(Message(a, [b], m[0].cc, t, re_(subj, rng), p))
    return m
