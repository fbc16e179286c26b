"""Offense phrasings per category of ../shared/contract/offenses.tsv, with level rules.

PHRASES[category][level] lists phrases whose printed words decide that level (amount, prior
offense count), or the default level where the text carries no such fact.
BOP[category][level] lists court-record (Board of Probation style) offense lines.
"""

TSV_LEVEL = {
    "unlicensed_operation": "misdemeanor", "operating_after_suspension": "misdemeanor", "oui": "misdemeanor",
    "leaving_scene": "misdemeanor", "assault_battery": "misdemeanor", "domestic_assault_battery": "misdemeanor",
    "assault_battery_dangerous_weapon": "felony", "assault_dangerous_weapon": "felony", "robbery": "felony",
    "armed_robbery": "felony", "sexual_assault": "felony", "homicide": "felony", "kidnapping": "felony",
    "stalking": "felony", "threats": "misdemeanor", "firearm_possession": "felony",
    "drug_possession": "misdemeanor", "drug_distribution": "felony", "larceny": "unknown",
    "shoplifting": "misdemeanor", "breaking_entering": "felony", "trespass": "misdemeanor",
    "malicious_destruction": "unknown", "resisting_arrest": "misdemeanor", "disorderly_conduct": "misdemeanor",
    "restraining_order_violation": "misdemeanor", "identity_fraud": "misdemeanor", "false_rmv_document": "felony",
    "prostitution": "misdemeanor", "improper_entry": "misdemeanor", "illegal_reentry": "felony",
    "immigration_civil": "civil",
}
CATEGORIES = list(TSV_LEVEL)
CIVIL_IMMIGRATION = {"improper_entry", "illegal_reentry", "immigration_civil"}


def _amt(rng, over):
    if over:
        v = rng.choice([1250, 1500, 1800, 2100, 2400, 3150, 4000, 5200, 7800, 12000])
    else:
        v = rng.choice([60, 140, 250, 300, 400, 480, 650, 900, 1100])
    return f"${v:,}"


def phrase(rng, cat, level):
    """Plain-language or shorthand phrase for an offense of this category and level."""
    r = rng.random
    if cat == "unlicensed_operation":
        return rng.choice(["unlicensed operation of a motor vehicle", "unlicensed operation of MV", "UOMV",
                           "operating without a license", "unlicensed operation (c. 90 § 10)",
                           "unlicensed op of MV", "unlicensed operation of a MV, G.L. c.90, s.10"])
    if cat == "operating_after_suspension":
        return rng.choice(["operating after suspension", "OAS", "operating after suspension of license",
                           "operating after revocation", "OAS (c. 90 § 23)", "op after susp lic"])
    if cat == "oui":
        if level == "felony":
            return rng.choice(["OUI 3rd offense", "OUI liquor 3rd offense", "OUI, third offense",
                               "operating under the influence, 4th offense", "OUI-liquor 4th off.",
                               "OUI 3rd (c. 90 § 24)"])
        return rng.choice(["OUI", "OUI liquor 2nd", "OUI liquor", "operating under the influence of liquor",
                           "OUI-drugs", "OUI 2nd offense", "OUI (c. 90 § 24)", "operating under the influence"])
    if cat == "leaving_scene":
        return rng.choice(["leaving the scene of an accident", "leaving the scene of property damage",
                           "leaving the scene after property damage", "LSPD", "leaving the scene (c. 90 § 24)"])
    if cat == "assault_battery":
        return rng.choice(["A&B", "assault and battery", "A/B", "A&B (c.265 s.13A)", "assault & battery"])
    if cat == "domestic_assault_battery":
        if level == "felony":
            return rng.choice(["A&B on a family/household member, 2nd offense", "domestic A&B 2nd offense",
                               "A&B on a household member (subsequent offense)",
                               "A&B FHM 2nd off.", "assault and battery on a family or household member, second offense"])
        return rng.choice(["A&B on a family/household member", "A&B on a household member", "domestic A&B",
                           "A&B FHM", "assault and battery on a family or household member (G.L. c.265, s.13M)"])
    if cat == "assault_battery_dangerous_weapon":
        return rng.choice(["ABDW", "A&B with a dangerous weapon (knife)", "ABDW (shod foot)",
                           "assault and battery by means of a dangerous weapon", "A&B DW, G.L. c.265, s.15A"])
    if cat == "assault_dangerous_weapon":
        return rng.choice(["ADW", "assault by means of a dangerous weapon", "assault w/ a dangerous weapon (bottle)",
                           "ADW (c.265 §15B)"])
    if cat == "robbery":
        return rng.choice(["unarmed robbery", "unarmed robbery (c.265 §19)", "robbery"])
    if cat == "armed_robbery":
        return rng.choice(["armed robbery", "armed robbery (firearm)", "armed robbery while masked", "armed robbery, c.265 s.17"])
    if cat == "sexual_assault":
        return rng.choice(["rape", "indecent A&B", "indecent assault and battery", "I/A&B on a person 14 or over",
                           "indecent assault & battery (c.265 §13H)"])
    if cat == "homicide":
        return rng.choice(["murder", "manslaughter", "murder (c.265 §1)", "involuntary manslaughter"])
    if cat == "kidnapping":
        return rng.choice(["kidnapping", "kidnapping (c.265 §26)"])
    if cat == "stalking":
        return rng.choice(["stalking", "stalking (c.265 §43)"])
    if cat == "threats":
        return rng.choice(["threats", "threat to commit a crime", "threatening to commit a crime (c. 275 § 2)",
                           "making threats"])
    if cat == "firearm_possession":
        return rng.choice(["unlicensed firearm", "CFWOL", "carrying a firearm without a license",
                           "unlawful possession of a firearm (c.269 §10(a))", "possession of an unlicensed firearm"])
    if cat == "drug_possession":
        return rng.choice(["possession class B", "poss. class B (cocaine)", "possession of a class A substance",
                           "poss class B", "possession of a controlled substance (c.94C §34)"])
    if cat == "drug_distribution":
        return rng.choice(["PWID class B", "possession with intent to distribute", "trafficking in cocaine (36+ grams)",
                           "distribution of class A", "drug trafficking", "PWID class A (heroin/fentanyl)"])
    if cat == "larceny":
        if level == "felony":
            a = _amt(rng, True)
            return rng.choice(["larceny over $1,200", "larceny over $1200", "larceny > $1,200",
                               f"larceny of property valued at {a}", f"larceny over $1,200 ({a})"])
        if level == "misdemeanor":
            a = _amt(rng, False)
            return rng.choice(["larceny under $1,200", "larceny $1,200 or under", f"larceny of {a}",
                               "larceny under $1200", f"larceny (under $1,200 – approx. {a})"])
        return rng.choice(["larceny", "larceny by check", "larceny (c.266 §30)"])
    if cat == "shoplifting":
        return rng.choice(["shoplifting", "shoplifting by asportation", "shoplifting (c.266 §30A)"])
    if cat == "breaking_entering":
        return rng.choice(["B&E", "breaking and entering in the nighttime with intent to commit a felony",
                           "B&E daytime w/ intent to commit a felony", "breaking and entering (c.266 §16)", "B&E of a building"])
    if cat == "trespass":
        return rng.choice(["trespass", "trespassing", "criminal trespass"])
    if cat == "malicious_destruction":
        if level == "felony":
            a = _amt(rng, True)
            return rng.choice(["malicious destruction of property over $1,200", "MDP > $1200",
                               f"malicious destruction of property (approx. {a} damage)",
                               "malicious destruction of property over $1200"])
        if level == "misdemeanor":
            a = _amt(rng, False)
            return rng.choice(["malicious destruction of property under $1,200", "MDP under $1200",
                               f"malicious destruction of property ({a} damage)"])
        return rng.choice(["malicious destruction of property", "MDP", "malicious destruction (c.266 §127)"])
    if cat == "resisting_arrest":
        return rng.choice(["resisting arrest", "resisting arrest (c.268 §32B)"])
    if cat == "disorderly_conduct":
        return rng.choice(["disorderly conduct", "disorderly", "disorderly conduct (c.272 §53)"])
    if cat == "restraining_order_violation":
        return rng.choice(["209A violation", "violation of a 209A order", "violating an abuse prevention order",
                           "V209A", "violation of a restraining order (c.209A §7)"])
    if cat == "identity_fraud":
        return rng.choice(["identity fraud", "ID fraud", "identity fraud (c. 266 § 37E)"])
    if cat == "false_rmv_document":
        return rng.choice(["forged RMV documents", "a false statement on an RMV application",
                           "possession of a forged MA license", "forged license (c. 90 § 24B)",
                           "uttering a forged RMV document"])
    if cat == "prostitution":
        return rng.choice(["prostitution", "sexual conduct for a fee", "engaging in sex for a fee"])
    if cat == "improper_entry":
        return rng.choice(["improper entry (8 USC 1325)", "entry without inspection, 8 U.S.C. § 1325",
                           "illegal entry (8 USC 1325)", "improper entry by alien"])
    if cat == "illegal_reentry":
        return rng.choice(["illegal reentry (8 USC 1326)", "reentry after removal", "re-entry of a removed alien, 8 U.S.C. 1326",
                           "8 USC 1326 illegal re-entry"])
    raise ValueError(cat)


BOP = {
    "unlicensed_operation": "UNLICENSED OPERATION OF MV c90 §10",
    "operating_after_suspension": "LICENSE SUSPENDED, OP MV WITH c90 §23",
    "oui": {"felony": "OUI-LIQUOR OR .08% 3RD OFFENSE c90 §24(1)(a)(1)",
            "misdemeanor": "OUI-LIQUOR OR .08% 2ND OFFENSE c90 §24(1)(a)(1)"},
    "leaving_scene": "LEAVE SCENE OF PROPERTY DAMAGE c90 §24(2)(a)",
    "assault_battery": "A&B c265 §13A(a)",
    "domestic_assault_battery": {"felony": "A&B ON FAMILY/HOUSEHOLD MEMBER, SUBSQ.OFF. c265 §13M(b)",
                                 "misdemeanor": "A&B ON FAMILY/HOUSEHOLD MEMBER c265 §13M(a)"},
    "assault_battery_dangerous_weapon": "A&B WITH DANGEROUS WEAPON c265 §15A(b)",
    "assault_dangerous_weapon": "ASSAULT W/DANGEROUS WEAPON c265 §15B(b)",
    "robbery": "ROBBERY, UNARMED c265 §19(b)",
    "armed_robbery": "ROBBERY, ARMED c265 §17",
    "sexual_assault": "INDECENT A&B ON PERSON 14 OR OVER c265 §13H",
    "homicide": "MANSLAUGHTER c265 §13",
    "kidnapping": "KIDNAPPING c265 §26",
    "stalking": "STALKING c265 §43(a)",
    "threats": "THREAT TO COMMIT CRIME c275 §2",
    "firearm_possession": "FIREARM, CARRY WITHOUT LICENSE c269 §10(a)",
    "drug_possession": "DRUG, POSSESS CLASS B c94C §34",
    "drug_distribution": "DRUG, DISTRIBUTE CLASS A c94C §32(a)",
    "larceny": {"felony": "LARCENY OVER $1200 c266 §30(1)", "misdemeanor": "LARCENY UNDER $1200 c266 §30(1)",
                "unknown": "LARCENY c266 §30(1)"},
    "shoplifting": "SHOPLIFTING BY ASPORTATION c266 §30A",
    "breaking_entering": "B&E BUILDING NIGHTTIME FOR FELONY c266 §16",
    "trespass": "TRESPASS c266 §120",
    "malicious_destruction": {"felony": "DESTRUCTION OF PROPERTY +$1200, MALICIOUS c266 §127",
                              "misdemeanor": "DESTRUCTION OF PROPERTY -$1200, MALICIOUS c266 §127",
                              "unknown": "MALICIOUS DESTRUCTION OF PROPERTY c266 §127"},
    "resisting_arrest": "RESIST ARREST c268 §32B",
    "disorderly_conduct": "DISORDERLY CONDUCT c272 §53",
    "restraining_order_violation": "ABUSE PREVENTION ORDER, VIOLATE c209A §7",
    "identity_fraud": "IDENTITY FRAUD c266 §37E(b)",
    "false_rmv_document": "FALSE STATEMENT IN LICENSE APPLICATION c90 §24B",
    "prostitution": "SEXUAL CONDUCT FOR FEE c272 §53A(a)",
}


def bop_line(cat, level):
    v = BOP[cat]
    return v[level] if isinstance(v, dict) else v


def pick_level(rng, cat):
    """A level for a new offense fact; level-dependent categories get each possible level."""
    if cat == "oui":
        return "felony" if rng.random() < .35 else "misdemeanor"
    if cat == "domestic_assault_battery":
        return "felony" if rng.random() < .3 else "misdemeanor"
    if cat in ("larceny", "malicious_destruction"):
        return rng.choice(["felony", "misdemeanor", "unknown"])
    return TSV_LEVEL[cat]
