"""Two Riverton markets, and the risk decisions and share reasons their sellers use.

Plain data, applied by ``agencies.demo.build``; the sellers are in
``agencies.demo.subjects``. Mill Creek is past its call-in (follow-up);
Harbor Heights is in risk review.
"""

from agencies.choices import MarketPhase, ProsecutingOffice, RiskTier

PARTNERS = ["city", "county", "federal", "probation", "recovery", "community"]

# neighborhood page slug -> market; dates in months before today (absent: not yet)
MARKETS = {
    "mill-creek": {
        "name": "Mill Creek market",
        "lead": "police",
        "partners": [*PARTNERS, "jobs"],
        "phase": MarketPhase.FOLLOW_UP,
        "months": {
            "identified_on": 16,
            "investigation_started_on": 12,
            "call_in_on": 5,
            "follow_up_ends_on": -7,
        },
        "selection_reasons": (
            "Most drug calls for service in the 3rd Precinct for two years, "
            "sales at the Creek Road footbridge in daylight, residents' "
            "complaints at the March town hall."
        ),
    },
    "harbor-heights": {
        "name": "Harbor Heights market",
        "lead": "precinct5",
        "partners": PARTNERS,
        "phase": MarketPhase.RISK_REVIEW,
        "months": {"identified_on": 7, "investigation_started_on": 3},
        "selection_reasons": (
            "Overdose calls behind the Harbor Street shops doubled in a year; "
            "shop owners and residents asked for help."
        ),
    },
}

LOW = (RiskTier.LOW, "", {})
COUNTY_VIOLENT = (RiskTier.HIGH, ProsecutingOffice.COUNTY, {"violent_history": True})
COUNTY_FIREARM = (
    RiskTier.HIGH,
    ProsecutingOffice.COUNTY,
    {"firearms_violation": True},
)
FEDERAL = (
    RiskTier.HIGH,
    ProsecutingOffice.FEDERAL,
    {"major_dealer": True, "firearms_violation": True},
)

BANKS = "Risk review: the county prosecutor holds banked cases for the call-in"
CHARGES = "Risk review: the county prosecutor decides on charges"
FEDERAL_REVIEW = "Federal prosecution: major supplier with a firearm"
SUPERVISES = "On county probation: the supervising officer needs the file"
CITY_FILES = "The city attorney files municipal charges after renewed dealing"
