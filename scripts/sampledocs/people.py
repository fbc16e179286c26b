"""Officials (kept) and private persons (redacted), with every printed surface form tagged."""
import datetime as dt
import unicodedata

from .markup import P, K

# --------------------------------------------------------------------------- agencies

AGENCIES = {
    "BPD": dict(
        name="Boston Police Department", short="BPD", domain="pd.boston.gov",
        addresses=[["1 Schroeder Plaza", "Boston, MA 02120"]],
        main="617-343-4500", desk="617-343-{}", fax="617-343-{}",
        units=["Boston Regional Intelligence Center", "Bureau of Investigative Services",
               "District B-2 Detectives", "District C-11 Detectives", "Youth Violence Strike Force",
               "Drug Control Unit", "Domestic Violence Unit", "Office of the Legal Advisor",
               "District A-7 (East Boston)", "Fugitive Unit"],
        titles=[("Sergeant Detective", "Sgt. Det."), ("Detective", "Det."),
                ("Lieutenant Detective", "Lt. Det."), ("Police Officer", "P.O."),
                ("Sergeant", "Sgt."), ("Captain", "Capt."), ("ICE liaison", "Sgt. Det."),
                ("Crime Analyst", ""), ("Staff Attorney", "")],
    ),
    "ERO": dict(
        name="U.S. Immigration and Customs Enforcement", short="ICE", domain="ice.dhs.gov",
        sub="Enforcement and Removal Operations",
        addresses=[["1000 District Avenue", "Burlington, MA 01803"],
                   ["JFK Federal Building", "15 New Sudbury Street", "Boston, MA 02203"]],
        main="(781) 359-7500", desk="(781) 359-{}", fax="(781) 359-{}",
        units=["ERO Boston Field Office", "ERO Boston – Fugitive Operations",
               "ERO Boston – Criminal Alien Program", "ERO Burlington Sub-Office"],
        titles=[("Deportation Officer", "DO"), ("Supervisory Detention and Deportation Officer", "SDDO"),
                ("Immigration Enforcement Agent", "IEA"), ("Assistant Field Office Director", "AFOD"),
                ("Deportation Officer", "DO")],
    ),
    "HSI": dict(
        name="U.S. Immigration and Customs Enforcement", short="HSI", domain="ice.dhs.gov",
        sub="Homeland Security Investigations",
        addresses=[["10 Causeway Street, Room 722", "Boston, MA 02222"]],
        main="(617) 565-7400", desk="(617) 565-{}", fax="(617) 565-{}",
        units=["HSI Boston", "HSI Boston – Gang Unit", "HSI Boston – Document and Benefit Fraud Task Force"],
        titles=[("Special Agent", "SA"), ("Group Supervisor", "GS"), ("Special Agent", "SA")],
    ),
    "CITY": dict(
        name="City of Boston", short="City", domain="boston.gov",
        addresses=[["1 City Hall Square", "Boston, MA 02201"]],
        main="617-635-4000", desk="617-635-{}", fax="617-635-{}",
        units=["Mayor's Office for Immigrant Advancement", "Law Department", "Office of Public Safety",
               "Public Records Office"],
        titles=[("Assistant Corporation Counsel", ""), ("Director of Public Safety", ""),
                ("Records Access Officer", ""), ("Policy Advisor", "")],
    ),
    "SCSD": dict(
        name="Suffolk County Sheriff's Department", short="SCSD", domain="scsdma.org",
        addresses=[["20 Bradston Street", "Boston, MA 02118"]],
        main="617-635-1000", desk="617-704-{}", fax="617-704-{}",
        units=["Classification Unit", "Records and Booking"],
        titles=[("Classification Officer", ""), ("Records Supervisor", "")],
    ),
    "DHS": dict(
        name="U.S. Department of Homeland Security", short="DHS", domain="dhs.gov",
        addresses=[["Office for State and Local Law Enforcement", "Washington, DC 20528"]],
        main="(202) 282-8000", desk="(202) 282-{}", fax="(202) 282-{}",
        units=["Office for State and Local Law Enforcement"],
        titles=[("Senior Advisor", ""), ("Law Enforcement Liaison", "")],
    ),
}

COURTS = [
    ("Dorchester District Court", "510 Washington Street, Dorchester, MA 02124"),
    ("Boston Municipal Court", "24 New Chardon Street, Boston, MA 02114"),
    ("East Boston District Court", "37 Meridian Street, East Boston, MA 02128"),
    ("Roxbury District Court", "85 Warren Street, Roxbury, MA 02119"),
    ("West Roxbury District Court", "445 Arborway, Jamaica Plain, MA 02130"),
    ("Suffolk Superior Court", "3 Pemberton Square, Boston, MA 02108"),
    ("Chelsea District Court", "120 Broadway, Chelsea, MA 02150"),
]
FACILITIES = ["Nashua Street Jail", "Suffolk County House of Correction", "Plymouth County Correctional Facility",
              "Bristol County House of Correction", "District B-2 booking", "District C-11 booking",
              "District A-7 booking"]

# --------------------------------------------------------------------------- names

OFFICIAL_FIRST = ["Sean", "Michael", "Brian", "Kevin", "Thomas", "Patrick", "John", "Daniel", "James",
                  "Mark", "Paul", "Robert", "Christopher", "Stephen", "Kathleen", "Maureen", "Jennifer",
                  "Karen", "Lisa", "Erin", "Nicole", "Angela", "Rachel", "Denise", "Gregory", "Andrew",
                  "Raymond", "Carmen", "Anthony", "Derek", "Tamika", "Marcus", "Helen", "Victor"]
OFFICIAL_LAST = ["Kelly", "Murphy", "Doherty", "McCarthy", "Flaherty", "Walsh", "Callahan", "Donovan",
                 "Brennan", "Harrington", "Lombardi", "Fitzgerald", "Keane", "Coughlin", "McDonough",
                 "Ortega", "Santiago", "Washington", "Greene", "Whitaker", "Kowalski", "Hanlon",
                 "Driscoll", "Morrissey", "Cunningham", "Tully", "Garrity", "Boyle", "Conroy", "Finnegan",
                 "Delgado", "Okonkwo", "Prescott", "Abernathy", "Lindqvist", "Marchetti"]

# private persons: (given names, surnames, nationality, passport style)
ORIGINS = [
    (["Jose", "Luis", "Carlos", "Juan", "Miguel", "Wilmer", "Byron", "Edwin", "Maria", "Yesenia",
      "Rosa", "Marleny", "Ingrid", "Oscar", "Elmer"],
     ["Alvarez", "Ramirez", "Portillo", "Hernandez", "Escobar", "Zelaya", "Argueta", "Menjivar",
      "Ayala", "Cruz", "Bonilla", "Aguilar", "Quintanilla"], "El Salvador", "A"),
    (["Byron", "Walter", "Mynor", "Ervin", "Glendy", "Sonia", "Marvin"],
     ["Xol", "Caal", "Tzoc", "Cux", "Choc", "Ixcoy", "Tiul"], "Guatemala", "9"),
    (["Yeison", "Franklin", "Wander", "Ramon", "Yokasta", "Massiel", "Junior", "Starlin"],
     ["Rosario", "Pena", "Almonte", "Taveras", "Mejia", "Batista", "Familia", "Polanco"],
     "Dominican Republic", "SC"),
    (["Wilner", "Frantz", "Stevenson", "Guerline", "Jean-Claude", "Marie-Carmelle", "Ricardo", "Nadege"],
     ["Jean-Baptiste", "Pierre-Louis", "Dorvil", "Celestin", "Exantus", "Desir", "Augustin", "Fleurimond"],
     "Haiti", "RD"),
    (["Thiago", "Rodrigo", "Leandro", "Fabiana", "Gleice", "Wellington", "Joao", "Rafaela"],
     ["Ferreira", "Souza", "Oliveira", "Rocha", "Carvalho", "Moraes", "Teixeira", "Pereira"], "Brazil", "F"),
    (["Adilson", "Elisio", "Nilton", "Edmilsa", "Dionisio", "Jailson", "Sandra"],
     ["Tavares", "Monteiro", "Fortes", "Semedo", "Varela", "Barbosa", "Andrade", "Gomes"], "Cabo Verde", "P"),
    (["Minh", "Thanh", "Tuan", "Huong", "Linh", "Quang", "Hoa"],
     ["Nguyen", "Tran", "Pham", "Huynh", "Truong", "Dang"], "Vietnam", "C"),
    (["Declan", "Padraig", "Siobhan", "Ciaran", "Eoin", "Aoife"],
     ["O'Sullivan", "Mulcahy", "Geraghty", "Ni Bhriain", "Mac Giolla", "Breathnach"], "Ireland", "PE"),
    (["Abdirahman", "Hodan", "Mohamed", "Faduma", "Abdi"],
     ["Warsame", "Farah", "Hirsi", "Jama", "Ugas"], "Somalia", "P"),
    (["Wei", "Jian", "Mei", "Xiaoming"], ["Zhang", "Liu", "Huang", "Zhou"], "China", "E"),
    (["Chinedu", "Ngozi", "Emeka"], ["Okafor", "Eze", "Nwosu"], "Nigeria", "A"),
    (["Arben", "Besnik", "Elira"], ["Hoxha", "Krasniqi", "Berisha"], "Albania", "B"),
    (["Kemar", "Shanice", "Delroy"], ["Bailey-Grant", "Ffrench", "McFarlane"], "Jamaica", "A"),
    (["Yasmin", "Walid", "Rania"], ["El Amrani", "Bouzid", "Haddad"], "Morocco", "G"),
]
FEMALE = {"Maria", "Yesenia", "Rosa", "Marleny", "Ingrid", "Glendy", "Sonia", "Yokasta", "Massiel",
          "Guerline", "Marie-Carmelle", "Nadege", "Fabiana", "Gleice", "Rafaela", "Edmilsa", "Sandra",
          "Huong", "Linh", "Hoa", "Siobhan", "Aoife", "Hodan", "Faduma", "Mei", "Ngozi", "Elira",
          "Shanice", "Yasmin", "Rania"}

STREETS = ["Bowdoin St", "Quincy St", "Meridian St", "Bennington St", "Blue Hill Ave", "Norfolk St",
           "Centre St", "Hyde Park Ave", "Geneva Ave", "Columbia Rd", "Dudley St", "Harvard St",
           "Morton St", "Talbot Ave", "Saratoga St", "Shirley Ave", "Everett Ave", "Chelsea St",
           "Hancock St", "Magnolia St", "Woodrow Ave", "Adams St", "Brookside Ave", "Hillside St",
           "Walk Hill St", "Lexington St", "Ferry St", "Union Ave", "Boylston St", "Beach St"]
TOWNS = [("Dorchester", "02121"), ("Dorchester", "02124"), ("Dorchester", "02125"), ("East Boston", "02128"),
         ("Roxbury", "02119"), ("Mattapan", "02126"), ("Hyde Park", "02136"), ("Chelsea", "02150"),
         ("Revere", "02151"), ("Jamaica Plain", "02130"), ("Brighton", "02135"), ("Lynn", "01902"),
         ("Everett", "02149"), ("Brockton", "02301"), ("Framingham", "01702"), ("Malden", "02148")]
AREA = ["617", "857", "508", "774", "781", "339", "978"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def ascii_fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


class Official:
    def __init__(self, rng, agency_key, used):
        a = AGENCIES[agency_key]
        while True:
            first, last = rng.choice(OFFICIAL_FIRST), rng.choice(OFFICIAL_LAST)
            if (first, last) not in used and last not in {u[1] for u in used}:
                break
        used.add((first, last))
        self.agency_key, self.agency = agency_key, a
        self.first, self.last = first, last
        self.mi = rng.choice("ABCDEFGHJKLMPRSTW")
        self.title, self.rank = rng.choice(a["titles"])
        self.unit = rng.choice(a["units"])
        self.address = rng.choice(a["addresses"])
        dom = a["domain"]
        if agency_key in ("ERO", "HSI"):
            self.email = f"{first}.{self.mi}.{last}@{dom}" if rng.random() < .6 else f"{first}.{last}@{dom}"
        elif agency_key == "SCSD":
            self.email = f"{first[0].lower()}{last.lower()}@{dom}"
        elif agency_key == "BPD" and rng.random() < .3:
            self.email = f"{first}.{last}@{dom}"
        else:
            self.email = f"{first.lower()}.{last.lower()}@{dom}"
        self.desk = a["desk"].format(f"{rng.randint(2, 9)}{rng.randint(0, 999):03d}")
        self.fax = a["fax"].format(f"{rng.randint(2, 9)}{rng.randint(0, 999):03d}")
        self.cell = f"{rng.choice(['617', '857', '781'])}-{rng.randint(201, 989)}-{rng.randint(0, 9999):04d}"

    is_official = True

    # display forms used in headers; all tagged as kept
    def display(self, style):
        f, l = self.first, self.last
        if style == "last_first":
            return K("official_name", f"{l}, {f}")
        if style == "last_first_mi":
            return K("official_name", f"{l}, {f} {self.mi}.")
        if style == "last_first_agency":
            return K("official_name", f"{l}, {f}") + f" ({self.agency['short']})"
        if style == "first_last":
            return K("official_name", f"{f} {l}")
        if style == "last":
            return K("official_name", l)
        if style == "email":
            return K("work_email", self.email)
        raise ValueError(style)

    def addr(self, style, rng=None):
        """An address-list entry: name and/or email."""
        if style == "outlook":          # Kelly, Sean
            return self.display("last_first")
        if style == "outlook_agency":
            return self.display("last_first_agency")
        if style == "outlook_mi":
            return self.display("last_first_mi")
        if style == "outlook_full":     # Kelly, Sean <sean.kelly@pd.boston.gov>
            return self.display("last_first") + " <" + self.display("email") + ">"
        if style == "outlook_agency_full":
            return self.display("last_first_agency") + " <" + self.display("email") + ">"
        if style == "rfc":              # Sean Kelly <sean.kelly@...>
            return self.display("first_last") + " <" + self.display("email") + ">"
        if style == "rfc_quoted":       # "Kelly, Sean" <...>
            return '"' + self.display("last_first") + '" <' + self.display("email") + ">"
        if style == "mailto":           # Kelly, Sean [mailto:...]
            return self.display("last_first") + " [mailto:" + self.display("email") + "]"
        if style == "email":
            return self.display("email")
        if style == "name":
            return self.display("first_last")
        if style == "short":
            return self.display("last")
        raise ValueError(style)

    def ref(self, rng):
        """How a colleague refers to the official in a body: 'Det. Kelly', 'Sean', 'DO Kelly'."""
        if self.rank and rng.random() < .6:
            return K("official_name", f"{self.rank} {self.last}")
        if rng.random() < .5:
            return K("official_name", f"{self.first} {self.last}")
        return K("official_name", self.first)

    def first_ref(self):
        return K("official_name", self.first)

    def signature(self, rng, compact=False):
        """List of markup lines."""
        a = self.agency
        name = f"{self.rank} {self.first} {self.last}" if self.rank and rng.random() < .55 else \
            f"{self.first} {self.mi}. {self.last}" if rng.random() < .3 else f"{self.first} {self.last}"
        lines = [K("official_name", name)]
        if not (self.rank and name.startswith(self.rank) and rng.random() < .3):
            lines.append(self.title)
        if rng.random() < .8:
            lines.append(self.unit)
        if "sub" in a and rng.random() < .6:
            lines.append(K("agency", a["sub"]))
        lines.append(K("agency", a["name"]))
        if not compact:
            if rng.random() < .5:
                lines.append(", ".join(K("work_address", x) for x in self.address))
            else:
                lines.extend(K("work_address", x) for x in self.address)
        ph = rng.choice(["Office: {}", "Tel: {}", "Desk: {}", "O: {}", "Phone {}", "{} (office)"])
        lines.append(ph.format(K("office_phone", self.desk)))
        r = rng.random()
        if r < .35:
            lines.append(rng.choice(["Cell: {}", "Mobile: {}", "C: {}"]).format(K("office_phone", self.cell)))
        elif r < .6:
            lines.append(rng.choice(["Fax: {}", "F: {}", "Fax {}"]).format(K("office_phone", self.fax)))
        if rng.random() < .45:
            lines.append(K("work_email", self.email))
        return lines


class Private:
    """A private person: immigrant/arrestee, victim, witness. Every printed form goes through P()."""
    is_official = False
    registry = []

    def __init__(self, rng, used_surnames, origin=None):
        Private.registry.append(self)
        o = origin or rng.choice(ORIGINS)
        for _ in range(100):
            first = rng.choice(o[0])
            last = rng.choice(o[1])
            if o[2] in ("El Salvador", "Dominican Republic") and rng.random() < .35:
                last2 = rng.choice(o[1])
                if last2 != last:
                    last = f"{last} {last2}" if rng.random() < .5 else f"{last}-{last2}"
            if last not in used_surnames and not any(last in u or u in last for u in used_surnames):
                break
        used_surnames.add(last)
        self.first, self.last, self.nationality = first, last, o[2]
        self.middle = rng.choice(o[0]) if rng.random() < .3 else None
        if self.middle == first:
            self.middle = None
        self.female = first in FEMALE
        self.dob = dt.date(rng.randint(1962, 2000), rng.randint(1, 12), rng.randint(1, 28))
        if rng.random() < .8:
            self.anum = f"{rng.choice('02')}{rng.randint(0, 99999999):08d}"   # 9 digits
        else:
            self.anum = f"{rng.randint(10000000, 99999999)}"                   # 8 digits (older)
        ssn_area = rng.randint(1, 665)
        self.ssn = f"{ssn_area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
        self.phone_digits = (rng.choice(AREA), rng.randint(201, 989) if rng.random() < .8 else 555,
                             rng.randint(0, 9999) if rng.random() < .8 else rng.randint(100, 199))
        town, zipc = rng.choice(TOWNS)
        apt = rng.choice(["", "", f", Apt {rng.randint(1, 9)}", f" #{rng.randint(1, 3)}", f", Unit {rng.choice('ABC123')}",
                          f", {rng.choice(['1st', '2nd', '3rd'])} Fl"])
        self.street = f"{rng.randint(2, 480)} {rng.choice(STREETS)}{apt}"
        self.town, self.zip = town, zipc
        L = "ABCDEFGHJKLMNPRSTVWXY"
        self.plate = rng.choice([
            f"{rng.randint(1, 9)}{rng.choice(L)}{rng.choice(L)}{rng.randint(100, 999)}",
            f"{rng.randint(1, 9)}{rng.choice(L)}{rng.choice(L)} {rng.randint(100, 999)}",
            f"{rng.randint(1, 9)}{rng.choice(L)}{rng.choice(L)}{rng.choice(L)}{rng.randint(10, 99)}",
            f"{rng.randint(100, 999)}-{rng.choice(L)}{rng.choice(L)}{rng.choice(L)}"])
        self.dl = f"S{rng.randint(10000000, 99999999)}"
        self.sid = rng.choice([f"MA{rng.randint(10000000, 99999999)}", f"{rng.randint(1000000, 9999999)}"])
        self.pcf = f"{rng.randint(1000000, 9999999)}"
        self.fbi = rng.choice([f"{rng.randint(100000, 999999)}{rng.choice(L)}{rng.choice(L)}{rng.randint(0, 9)}",
                               f"{rng.randint(10, 99)}{rng.choice(L)}{rng.randint(1000, 9999)}{rng.choice(L)}{rng.randint(10, 99)}"])
        pp = o[3]
        self.passport = (f"{rng.randint(100000000, 999999999)}" if pp == "9" else
                         f"{pp}{rng.randint(10 ** (8 - len(pp)), 10 ** (9 - len(pp)) - 1)}")
        base = ascii_fold(first.lower().replace("-", "") + rng.choice(["", ".", "_"]) +
                          last.lower().replace(" ", "").replace("'", "").replace("-", ""))
        self.pemail = f"{base}{rng.choice(['', str(rng.randint(1, 99)), str(self.dob.year % 100)])}@" + \
            rng.choice(["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com"])

    # ---- names
    def name(self, rng, form=None):
        f, l = self.first, self.last
        forms = ["full", "full", "LAST_first", "LAST_FIRST", "FULL", "last_first", "mr"]
        form = form or rng.choice(forms)
        if form == "full":
            s = f"{f} {self.middle} {l}" if self.middle and rng.random() < .3 else f"{f} {l}"
        elif form == "FULL":
            s = f"{f} {l}".upper()
        elif form == "LAST_first":
            s = f"{l.upper()}, {f}" + (f" {self.middle}" if self.middle and rng.random() < .5 else "")
        elif form == "LAST_FIRST":
            s = f"{l}, {f}".upper()
        elif form == "last_first":
            s = f"{l}, {f}"
        elif form == "mr":
            return ("Ms. " if self.female else "Mr. ") + P("person_name", l)
        elif form == "last":
            s = l
        elif form == "poss":
            return P("person_name", l) + "'s"
        elif form == "LAST":
            s = l.upper()
        else:
            raise ValueError(form)
        return P("person_name", s)

    def pron(self):
        return ("she", "her", "her") if self.female else ("he", "him", "his")

    # ---- identifiers
    def dob_s(self, rng):
        d = self.dob
        fmt = rng.choice(["us", "us", "us0", "iso", "long", "short"])
        s = {"us": f"{d.month}/{d.day}/{d.year}", "us0": f"{d.month:02d}/{d.day:02d}/{d.year}",
             "iso": d.isoformat(), "long": f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
             "short": f"{d.month:02d}-{d.day:02d}-{d.year % 100:02d}"}[fmt]
        return P("date_of_birth", s)

    def anum_s(self, rng):
        a = self.anum
        if len(a) == 9:
            fmt = rng.choice(["A{}-{}-{}", "A{}{}{}", "A# {}{}{}", "A {}-{}-{}", "A#{}-{}-{}", "A-number {}{}{}"])
            parts = (a[:3], a[3:6], a[6:])
        else:
            fmt = rng.choice(["A{}{}{}", "A# {}{}{}", "A{}-{}-{}", "A# 0{}-{}-{}"])
            parts = (a[:2], a[2:5], a[5:])
            if fmt == "A# 0{}-{}-{}":
                parts = (a[:2], a[2:5], a[5:])
        s = fmt.format(*parts)
        # the A is part of the number when attached; a separate "A#"/"A-number" label is not
        for lab in ("A-number ", "A# ", "A#"):
            if s.startswith(lab):
                return lab + P("a_number", s[len(lab):])
        return P("a_number", s)

    def phone_s(self, rng):
        a, b, c = self.phone_digits
        fmt = rng.choice(["({}) {}-{:04d}", "{}-{}-{:04d}", "{}.{}.{:04d}", "{}-{}-{:04d}"])
        return P("phone", fmt.format(a, b, c))

    def address_s(self, rng):
        town = self.town if rng.random() < .7 else self.town.upper()
        s = f"{self.street}, {town}, MA {self.zip}" if rng.random() < .6 else f"{self.street}, {town} MA"
        return P("address", s)

    def plate_s(self):
        return P("license_plate", self.plate)

    def dl_s(self):
        return P("drivers_license", self.dl)

    def ssn_s(self):
        return P("ssn", self.ssn)

    def sid_s(self):
        return P("state_id", self.sid)

    def pcf_s(self):
        return P("state_id", self.pcf)

    def fbi_s(self):
        return P("fbi_number", self.fbi)

    def passport_s(self):
        return P("passport", self.passport)

    def email_s(self):
        return P("email", self.pemail)

    def surnames(self):
        """Name tokens whose stray appearance in print must be tagged (used by self-checks)."""
        return [self.last] + ([] if " " in self.last or "-" in self.last else [])


def make_officials(rng, used):
    """The cast of one dump."""
    o = {}
    o["liaison"] = Official(rng, "BPD", used)
    o["liaison"].title, o["liaison"].rank = rng.choice([("ICE liaison", "Sgt. Det."), ("Sergeant Detective", "Sgt. Det.")])
    o["liaison"].unit = "Boston Regional Intelligence Center"
    o["bpd"] = [Official(rng, "BPD", used) for _ in range(4)]
    for p in o["bpd"]:
        if p.title in ("ICE liaison", "Staff Attorney"):
            p.title, p.rank = "Detective", "Det."
    o["legal"] = Official(rng, "BPD", used)
    o["legal"].title, o["legal"].rank, o["legal"].unit = "Staff Attorney", "", "Office of the Legal Advisor"
    o["ero"] = [Official(rng, "ERO", used) for _ in range(4)]
    o["ero"][0].title, o["ero"][0].rank = "Supervisory Detention and Deportation Officer", "SDDO"
    o["ero"][1].title, o["ero"][1].rank = "Deportation Officer", "DO"
    o["hsi"] = [Official(rng, "HSI", used) for _ in range(2)]
    o["city"] = [Official(rng, "CITY", used) for _ in range(3)]
    o["records"] = Official(rng, "CITY", used)
    o["records"].title, o["records"].unit = "Records Access Officer", "Public Records Office"
    o["scsd"] = Official(rng, "SCSD", used)
    o["dhs"] = Official(rng, "DHS", used)
    return o


def _check_pools():
    """Private and official name pools never overlap, so truth strings are unambiguous."""
    priv = {x for o in ORIGINS for x in o[0] + o[1]}
    for a in OFFICIAL_FIRST + OFFICIAL_LAST:
        for b in priv:
            assert a not in b and b not in a, (a, b)


_check_pools()
