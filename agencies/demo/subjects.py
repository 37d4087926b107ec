"""Fourteen fictional sellers, so that every state a subject or case can be in shows.

Plain data, applied by ``agencies.demo.build``. Every person here is made
up, and their surnames (Example, Sample, Placeholder…) say so.

Mill Creek (after its call-in): banked, activated for a no-show and for
renewed dealing, filed by the county, the U.S. Attorney and the city, closed.
Harbor Heights (risk review): no decision yet, no case yet, decisions
awaiting both approvals or the prosecutor's, approved high risk (county,
federal) and low risk (banked).

Per seller: ``buys`` are (days ago, place, substance, amount, lab net weight
or None while pending); ``approvals`` who has approved the decision so far;
``shares`` the agencies the owning precinct's lead shares the subject and
its case with, and why; ``moves`` the case's status changes after the
decision, as (status, by, activation reason, comment).
"""

import datetime

from agencies.choices import ActivationReason, CaseStatus
from agencies.demo.markets import (
    BANKS,
    CHARGES,
    CITY_FILES,
    COUNTY_FIREARM,
    COUNTY_VIOLENT,
    FEDERAL,
    FEDERAL_REVIEW,
    LOW,
    SUPERVISES,
)

BOTH = ("police", "prosecutor")
ACTIVATED, FILED, CLOSED = CaseStatus.ACTIVATED, CaseStatus.FILED, CaseStatus.CLOSED
NO_SHOW, RENEWED = ActivationReason.NO_SHOW, ActivationReason.RENEWED_DEALING
COCAINE, FENTANYL, METH = "Cocaine base", "Fentanyl", "Methamphetamine"


def _seller(key, name, aliases, born, description, case, buys, **decided) -> dict:
    return {
        "key": key,
        "market": "mill-creek" if key.startswith("MC") else "harbor-heights",
        "full_name": name,
        "aliases": aliases,
        "born": datetime.date(*born),
        "description": description,
        "case": case,
        "buys": buys,
        "decision": decided.get("decision"),
        "approvals": decided.get("approvals", ()),
        "shares": decided.get("shares", ()),
        "moves": decided.get("moves", ()),
    }


# A table: one seller per block, kept compact on purpose.
# fmt: off
SUBJECTS = [
    _seller(
        "MC1", "Marcus Example", "Mac", (1998, 4, 12),
        "Sells from the stairwell by the Creek Road footbridge, evenings.",
        "Hand-to-hand sales at the Creek Road footbridge",
        [
            (330, "Creek Rd footbridge stairwell", COCAINE, "0.3 g", "0.28 g"),
            (316, "Creek Rd & Water St", COCAINE, "0.4 g", "0.37 g"),
        ],
        decision=LOW, approvals=BOTH, shares=[("county", BANKS)],
    ),
    _seller(
        "MC2", "Tanya Sample", "T", (1996, 9, 3),
        "Works the Mill Creek apartments' parking lot.",
        "Sales in the Mill Creek apartments' parking lot",
        [
            (322, "Mill Creek apartments, lot B", FENTANYL, "0.2 g", "0.18 g"),
            (301, "Mill Creek apartments, lot B", FENTANYL, "0.2 g", "0.21 g"),
        ],
        decision=LOW, approvals=BOTH,
        shares=[("county", BANKS), ("probation", SUPERVISES)],
        moves=[(ACTIVATED, "police_lead", NO_SHOW, "Did not attend the call-in")],
    ),
    _seller(
        "MC3", "Devon Placeholder", "Dee", (2000, 1, 22),
        "Seen with Marcus Example at the footbridge.",
        "Footbridge sales, before and after the call-in",
        [
            (310, "Creek Rd footbridge", COCAINE, "0.5 g", "0.46 g"),
            (40, "Creek Rd footbridge", COCAINE, "0.3 g", "0.31 g"),
        ],
        decision=LOW, approvals=BOTH, shares=[("county", BANKS)],
        moves=[(ACTIVATED, "police_lead", RENEWED, "Two buys after the call-in")],
    ),
    _seller(
        "MC4", "Rico Fictional", "Rico F.", (1989, 6, 30),
        "Runs sales from a car parked on Water Street.",
        "Water Street car sales",
        [
            (300, "Water St, 400 block", FENTANYL, "1.0 g", "0.94 g"),
            (288, "Water St, 400 block", FENTANYL, "2.0 g", "1.87 g"),
        ],
        decision=COUNTY_VIOLENT, approvals=BOTH, shares=[("county", CHARGES)],
        moves=[(FILED, "county_lead", "", "Possession with intent to sell")],
    ),
    _seller(
        "MC5", "Jamal Testcase", "J.T.", (1991, 11, 15),
        "Supplies the footbridge sellers; carried a handgun at the second buy.",
        "Supply to the footbridge sellers",
        [
            (295, "Creek Ave & 12th St", FENTANYL, "5.0 g", "4.8 g"),
            (280, "Creek Ave & 12th St", FENTANYL, "10.0 g", "9.7 g"),
        ],
        decision=FEDERAL, approvals=BOTH,
        shares=[("county", CHARGES), ("federal", FEDERAL_REVIEW)],
        moves=[(FILED, "federal_lead", "", "Indictment returned")],
    ),
    _seller(
        "MC6", "Lena Demo", "", (1999, 2, 8),
        "Sold for Jamal Testcase at the bus stop on Creek Road.",
        "Creek Road bus stop sales",
        [(318, "Creek Rd bus stop", METH, "0.5 g", "0.44 g")],
        decision=LOW, approvals=BOTH, shares=[("county", BANKS)],
        moves=[(CLOSED, "police_lead", "", "Follow-up ended with no new activity")],
    ),
    _seller(
        "MC7", "Andre Sample", "Dre", (1997, 7, 19),
        "Sells near the laundromat on Water Street.",
        "Laundromat sales on Water Street",
        [
            (305, "Water St laundromat", COCAINE, "0.2 g", "0.2 g"),
            (25, "Water St laundromat", COCAINE, "0.4 g", None),
        ],
        decision=LOW, approvals=BOTH,
        shares=[("county", BANKS), ("city", CITY_FILES)],
        moves=[
            (ACTIVATED, "police_lead", RENEWED, "Buy on Water St after the call-in"),
            (FILED, "city_lead", "", "Municipal charges filed"),
        ],
    ),
    _seller(
        "HH1", "Kevin Example", "K", (2001, 5, 5),
        "Sells behind the Harbor Street shops after closing time.",
        "Sales behind the Harbor Street shops",
        [
            (60, "Alley behind 200 Harbor St", FENTANYL, "0.2 g", "0.19 g"),
            (45, "Alley behind 200 Harbor St", FENTANYL, "0.3 g", None),
        ],
    ),
    _seller(
        "HH2", "Shawna Placeholder", "", (1995, 12, 1),
        "Identified from the video of the first buy.",
        None,
        [(20, "Ferry terminal parking", FENTANYL, "0.2 g", None)],
    ),
    _seller(
        "HH3", "Trey Fictional", "Trey F.", (1993, 8, 27),
        "Sells from a car at the Hill Road end of Harbor Street.",
        "Car sales at Hill Road",
        [
            (80, "Harbor St & Hill Rd", FENTANYL, "1.0 g", "0.97 g"),
            (66, "Harbor St & Hill Rd", FENTANYL, "1.0 g", "1.02 g"),
        ],
        decision=COUNTY_FIREARM, shares=[("county", CHARGES)],
    ),
    _seller(
        "HH4", "Nina Testcase", "", (2002, 3, 14),
        "Sells near the ferry terminal on weekend mornings.",
        "Ferry terminal sales",
        [(75, "Ferry terminal", METH, "0.3 g", "0.3 g")],
        decision=LOW, approvals=["police"], shares=[("county", BANKS)],
    ),
    _seller(
        "HH5", "Omar Sample", "O", (1990, 10, 10),
        "Two prior assault convictions; sells at the Harbor Street bus shelter.",
        "Bus shelter sales on Harbor Street",
        [
            (85, "Harbor St bus shelter", FENTANYL, "2.0 g", "1.9 g"),
            (70, "Harbor St bus shelter", FENTANYL, "3.0 g", "3.1 g"),
            (52, "Harbor St bus shelter", FENTANYL, "3.0 g", "3.1 g"),
        ],
        decision=COUNTY_VIOLENT, approvals=BOTH, shares=[("county", CHARGES)],
    ),
    _seller(
        "HH6", "Bobby Demo", "Big B", (1987, 4, 4),
        "Supplies other Harbor Heights sellers from a storage unit on Wharf Road.",
        "Wharf Road supply",
        [
            (90, "Wharf Rd storage lot", FENTANYL, "10.0 g", "9.6 g"),
            (61, "Wharf Rd storage lot", FENTANYL, "25.0 g", "24.2 g"),
        ],
        decision=FEDERAL, approvals=BOTH,
        shares=[("county", CHARGES), ("federal", FEDERAL_REVIEW)],
    ),
    _seller(
        "HH7", "Carla Example", "", (1998, 12, 24),
        "Sells small amounts outside the corner store on Hill Road.",
        "Corner store sales on Hill Road",
        [(64, "Hill Rd corner store", FENTANYL, "0.1 g", "0.1 g")],
        decision=LOW, approvals=BOTH, shares=[("county", BANKS)],
    ),
]
# fmt: on
