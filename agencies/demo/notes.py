"""Case notes of the two demo markets, shared in every way the workspace allows.

Plain data, applied by ``agencies.demo.build``. ``about`` is a market slug
or ``(subject key, "subject" | "case")``. The author's agency is the prefix
of their username; its lead does the sharing. Patterns:

- ``share``: agency keys the lead shares with (one, or several);
- ``share_user``: one person outside the agency;
- ``revoke``: shared with these agencies, then the share revoked;
- ``propose``: the (member) author proposes a share, still pending;
- ``decline``: the author proposes a share and the lead declines it;
- ``amend``: (username, text) — a correction, seen by the same readers.
"""

from agencies.choices import Sensitivity

EVERY_PARTNER = ["city", "county", "federal", "probation", "recovery", "community"]

NOTES = {
    "mill-creek": [
        {
            "about": "mill-creek",
            "by": "police_lead",
            "text": "Call-in held at the Mill Creek community room: five of the "
            "seven invited attended, most with a family member. Letters for the "
            "two who did not come were delivered by hand.",
            "share": [*EVERY_PARTNER, "jobs"],
        },
        {
            "about": "mill-creek",
            "by": "police_member",
            "text": "Public Works fixed the footbridge stairwell lights after our "
            "request; evening calls there are down since.",
            "share": ["community"],
        },
        {
            "about": "mill-creek",
            "by": "community_lead",
            "text": "Block watch walks on Tuesdays and Saturdays. Residents say "
            "the footbridge is quiet after dark now.",
            "share": ["police"],
        },
        {
            "about": "mill-creek",
            "by": "recovery_member",
            "text": "Intake slots held open on Monday and Thursday mornings for "
            "people referred from the call-in.",
            "propose": ["police"],
        },
        {
            "about": "mill-creek",
            "by": "probation_lead",
            "text": "Two of the people invited are on county probation; their "
            "supervision conditions now include the call-in.",
        },
        {
            "about": "mill-creek",
            "by": "jobs_lead",
            "text": "The Monday 10 am orientation is open to everyone referred "
            "from the call-in; no appointment needed.",
            "share": ["police"],
        },
        {
            "about": ("MC1", "subject"),
            "by": "police_member",
            "text": "Attended the call-in with his aunt and accepted a referral "
            "to job training.",
            "share": ["jobs"],
        },
        {
            "about": ("MC1", "case"),
            "by": "police_lead",
            "text": "Banked case file complete: two buys, both lab results attached.",
            "share": ["county"],
            "revoke": ["city"],
        },
        {
            "about": ("MC2", "subject"),
            "by": "police_member",
            "text": "Did not attend the call-in. The letter was delivered by hand "
            "two days before.",
            "share": ["county", "probation"],
            "amend": (
                "police_member",
                "Correction: the letter was delivered three days before the "
                "call-in, not two.",
            ),
        },
        {
            "about": ("MC2", "subject"),
            "by": "police_lead",
            "text": "The supervising probation officer asked for the no-show "
            "date for the violation report.",
            "share_user": ["probation_member"],
        },
        {
            "about": ("MC2", "case"),
            "by": "police_lead",
            "text": "Case activated after the no-show; the county is asked to file.",
            "share": ["county"],
        },
        {
            "about": ("MC3", "subject"),
            "by": "police_member",
            "text": "Two buys after the call-in at the same stairwell; case "
            "activated for renewed dealing.",
            "share": ["county"],
        },
        {
            "about": ("MC3", "subject"),
            "by": "police_member",
            "text": "Informant CI 3P-118 made the second buy. The informant's "
            "safety requires this note to stay in the precinct.",
            "sensitivity": Sensitivity.RESTRICTED,
            "decline": ["county"],
        },
        {
            "about": ("MC4", "case"),
            "by": "county_lead",
            "text": "Charged with possession with intent to sell; arraignment "
            "set for next month.",
            "share": ["police"],
        },
        {
            "about": ("MC4", "case"),
            "by": "county_member",
            "text": "Discovery sent to defense counsel, buy videos included.",
        },
        {
            "about": ("MC5", "subject"),
            "by": "county_lead",
            "text": "High risk: a handgun was seen at the second buy. The U.S. "
            "Attorney's Office takes this case; our file is shared with them.",
            "share": ["federal"],
        },
        {
            "about": ("MC5", "case"),
            "by": "federal_lead",
            "text": "Indicted for distribution and for possessing a firearm as a "
            "felon. Detention hearing held; detained.",
            "share": ["police", "county"],
        },
        {
            "about": ("MC5", "case"),
            "by": "federal_member",
            "text": "Agent assigned; evidence transferred from the precinct "
            "property room.",
        },
        {
            "about": ("MC6", "subject"),
            "by": "police_member",
            "text": "Twelve months of follow-up with no new activity; case closed.",
        },
        {
            "about": ("MC7", "subject"),
            "by": "police_lead",
            "text": "Renewed dealing confirmed by a buy on Water Street; case "
            "activated and sent to the city attorney.",
            "share": ["city", "county"],
        },
        {
            "about": ("MC7", "case"),
            "by": "city_lead",
            "text": "Filed in municipal court; plea hearing next month.",
            "share": ["police"],
        },
    ],
    "harbor-heights": [
        {
            "about": "harbor-heights",
            "by": "precinct5_lead",
            "text": "Boundary agreed with residents: Harbor Street from the ferry "
            "terminal to Hill Road, and the alleys behind the shops.",
            "share": EVERY_PARTNER,
        },
        {
            "about": "harbor-heights",
            "by": "precinct5_member",
            "text": "The buy team works Thursday and Friday evenings, with "
            "body-worn video on every buy.",
            "amend": (
                "precinct5_lead",
                "Correction: the buy team also works Saturday evenings.",
            ),
        },
        {
            "about": "harbor-heights",
            "by": "community_member",
            "text": "Residents ask for a listening session before the call-in "
            "date is set.",
            "share": ["precinct5"],
        },
        {
            "about": "harbor-heights",
            "by": "recovery_lead",
            "text": "Harbor Treatment Program will take methadone referrals from "
            "this market.",
            "share": ["precinct5"],
        },
        {
            "about": ("HH1", "subject"),
            "by": "precinct5_member",
            "text": "Seen handing small packets behind the Harbor Street shops "
            "on three evenings.",
        },
        {
            "about": ("HH1", "case"),
            "by": "precinct5_lead",
            "text": "Two buys so far; one more before the risk review.",
        },
        {
            "about": ("HH2", "subject"),
            "by": "precinct5_member",
            "text": "Identified from the first buy's video; second buy planned "
            "once the lab result is back.",
            "sensitivity": Sensitivity.SENSITIVE,
        },
        {
            "about": ("HH3", "subject"),
            "by": "precinct5_lead",
            "text": "Proposed high risk: a handgun was found in his car during a "
            "traffic stop.",
            "share": ["county"],
        },
        {
            "about": ("HH4", "subject"),
            "by": "precinct5_member",
            "text": "Proposed low risk: first arrest, no violence, no weapons.",
            "propose": ["county"],
        },
        {
            "about": ("HH5", "subject"),
            "by": "county_lead",
            "text": "We will charge once the lab result of the final buy is in.",
            "share": ["precinct5"],
            "amend": (
                "county_member",
                "Lab result is in: 3.1 g of fentanyl. Charging next week.",
            ),
        },
        {
            "about": ("HH5", "case"),
            "by": "precinct5_member",
            "text": "Case ready: three buys documented, lab results attached.",
            "share": ["county"],
        },
        {
            "about": ("HH6", "subject"),
            "by": "precinct5_lead",
            "text": "Supplies other sellers in the market; asking for federal "
            "prosecution.",
            "share_user": ["federal_lead"],
        },
        {
            "about": ("HH6", "subject"),
            "by": "federal_member",
            "text": "Accepted for federal prosecution; grand jury presentation "
            "planned.",
            "share": ["precinct5"],
        },
        {
            "about": ("HH7", "subject"),
            "by": "precinct5_member",
            "text": "Low risk; invitation letter for the call-in drafted.",
            "share": ["county", "probation", "recovery"],
        },
    ],
}
