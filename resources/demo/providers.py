# ruff: noqa: E501 - demo listings read best one field per line, unwrapped
"""Fictional Riverton providers and their services. Plain data, no code.

Hours are (days, opens, closes) with days as weekday numbers (0 = Monday);
"00:00"-"00:00" is open 24 hours and a closing time before the opening time
ends the next morning. ``verified_days_ago`` None means never verified; over
365 makes the listing stale.
"""

WEEKDAYS = (0, 1, 2, 3, 4)
EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)

PROVIDERS = [
    {
        "slug": "riverton-recovery-center",
        "title": "Riverton Recovery Center",
        "description": "Outpatient addiction treatment, medication for opioid use disorder and peer recovery coaching, with no waiting list for people referred from a call-in.",
        "legal_status": "Nonprofit 501(c)(3)",
        "website": "https://recovery.riverton.example/",
        "email": "intake@recovery.riverton.example",
        "phone": "555-0101",
        "location": {"name": "Eastgate clinic", "address_1": "410 Pine St", "postal_code": "94601", "neighborhood": "eastgate", "latitude": 37.7791, "longitude": -122.2021, "transportation": "Bus 12 and 40 stop at Pine & 5th, one block away.", "accessibility_details": "Step-free entrance on Pine St; accessible restroom; hearing loop at the front desk."},
        "services": [
            {"slug": "buprenorphine-same-day", "title": "Same-day buprenorphine (Suboxone) start", "categories": ["buprenorphine"], "description": "See a prescriber the day you walk in and leave with a first dose of buprenorphine. Follow-up visits weekly, then monthly.", "eligibility": "Adults 18 and over with opioid use disorder. No insurance needed.", "apply": "Walk in before 3 pm, or call to book. Bring any ID if you have one — you will be seen without it.", "free": True, "min_age": 18, "languages": ["en", "es"], "hours": [(WEEKDAYS, "08:00", "17:00")], "neighborhoods": ["eastgate", "mill-creek"], "verified_days_ago": 20, "documents": ["Any ID if you have one (not required)"]},
            {"slug": "outpatient-counseling", "title": "Outpatient addiction counseling", "categories": ["outpatient-treatment", "counseling"], "description": "Individual and group counseling three evenings a week, so you can keep a job while in treatment.", "eligibility": "Anyone 16 and over. Medi-Cal and most insurance; sliding scale for everyone else.", "apply": "Call the intake line for a first appointment within a week.", "fees": "Sliding scale from $0 to $40 a session.", "costs": [("Per session, sliding scale", "40.00")], "min_age": 16, "languages": ["en", "es"], "hours": [(WEEKDAYS, "09:00", "12:00"), ((0, 2, 3), "17:30", "20:30")], "neighborhoods": ["eastgate"], "verified_days_ago": 45},
            {"slug": "peer-recovery-coaching", "title": "Peer recovery coaching", "categories": ["recovery-support", "mentoring"], "description": "A coach who has been there meets you weekly, helps with appointments and stays with you through the first year.", "eligibility": "Anyone in or seeking recovery.", "apply": "Ask at the front desk or at a call-in; a coach calls you within two days.", "free": True, "languages": ["en"], "hours": [(WEEKDAYS, "10:00", "18:00")], "neighborhoods": ["eastgate", "old-orchard"], "verified_days_ago": 400},
            {"slug": "naloxone-and-test-strips", "title": "Free naloxone and fentanyl test strips", "categories": ["harm-reduction"], "description": "Take-home naloxone kits, fentanyl test strips and a two-minute lesson on using them. No questions asked.", "eligibility": "Anyone.", "apply": "Walk in during opening hours.", "free": True, "languages": ["en", "es", "vi"], "hours": [(WEEKDAYS, "08:00", "17:00"), ((5,), "10:00", "14:00")], "neighborhoods": ["eastgate", "mill-creek", "harbor-heights", "old-orchard"], "verified_days_ago": 10},
        ],
    },
    {
        "slug": "harbor-treatment-program",
        "title": "Harbor Treatment Program",
        "description": "A licensed opioid treatment program dispensing methadone and buprenorphine every day of the year.",
        "legal_status": "Licensed opioid treatment program (nonprofit)",
        "website": "https://harbortreatment.example/",
        "email": "frontdesk@harbortreatment.example",
        "phone": "555-0102",
        "location": {"name": "Harbor Heights clinic", "address_1": "88 Wharf Rd", "postal_code": "94607", "neighborhood": "harbor-heights", "latitude": 37.7960, "longitude": -122.2790, "transportation": "Bus 3 to Wharf & Main; free parking behind the building.", "accessibility_details": "Ramp at the side entrance; dosing window at wheelchair height."},
        "services": [
            {"slug": "methadone-maintenance", "title": "Methadone treatment", "categories": ["methadone"], "description": "Daily methadone dosing with counseling. Early-morning hours so you can dose before work.", "eligibility": "Adults 18 and over with opioid use disorder.", "apply": "Walk in for intake Monday to Friday before 10 am. Intake takes about three hours.", "fees": "Medi-Cal covers everything; without insurance $15 a day.", "costs": [("Per day without insurance", "15.00")], "min_age": 18, "languages": ["en", "es", "tl"], "hours": [(WEEKDAYS, "05:30", "13:00"), ((5, 6), "07:00", "11:00")], "neighborhoods": ["harbor-heights", "mill-creek"], "verified_days_ago": 60, "documents": ["Photo ID", "Medi-Cal card if you have one"]},
            {"slug": "methadone-take-homes-counseling", "title": "Family counseling for people in treatment", "categories": ["family-support", "counseling"], "description": "Sessions for you and the people you live with about treatment, relapse and rebuilding trust.", "eligibility": "Patients of the program and their families.", "apply": "Ask your counselor.", "free": True, "languages": ["en", "es"], "hours": [((1, 3), "16:00", "19:00")], "neighborhoods": ["harbor-heights"], "verified_days_ago": 90},
        ],
    },
    {
        "slug": "mill-creek-community-health",
        "title": "Mill Creek Community Health",
        "description": "A community health center: primary care, mental health, dental and help enrolling in Medi-Cal.",
        "legal_status": "Federally qualified health center",
        "website": "https://millcreekhealth.example/",
        "email": "info@millcreekhealth.example",
        "phone": "555-0103",
        "location": {"name": "Mill Creek health center", "address_1": "1200 Creek Ave", "postal_code": "94603", "neighborhood": "mill-creek", "latitude": 37.7560, "longitude": -122.1850, "transportation": "Bus 40 stops at the door.", "accessibility_details": "Fully step-free; ASL interpreters on request."},
        "services": [
            {"slug": "primary-care", "title": "Primary care clinic", "categories": ["health-care"], "description": "Check-ups, chronic illness care, hepatitis C and HIV testing and treatment.", "eligibility": "Everyone, insured or not.", "apply": "Call to book; same-day slots open at 8 am.", "fees": "Sliding scale; nobody is turned away for inability to pay.", "costs": [("Visit, sliding scale", "25.00")], "languages": ["en", "es", "vi", "zh"], "hours": [(WEEKDAYS, "08:00", "18:00"), ((5,), "09:00", "13:00")], "neighborhoods": ["mill-creek", "eastgate"], "verified_days_ago": 30},
            {"slug": "extended-release-naltrexone", "title": "Extended-release naltrexone (Vivitrol)", "categories": ["naltrexone"], "description": "A monthly injection that blocks opioids, with a nurse visit each month.", "eligibility": "Adults 18 and over who have been off opioids for 7-10 days.", "apply": "Ask your primary care provider or call for a nurse appointment.", "free": True, "min_age": 18, "languages": ["en", "es"], "hours": [((1, 3), "09:00", "16:00")], "neighborhoods": ["mill-creek"], "verified_days_ago": 120},
            {"slug": "counseling-walk-in", "title": "Walk-in mental health counseling", "categories": ["counseling", "mental-health"], "description": "Talk with a counselor the same day about stress, grief, anxiety or depression.", "eligibility": "Anyone 12 and over; under 16 with a parent or guardian.", "apply": "Walk in; you will be seen within an hour.", "free": True, "min_age": 12, "languages": ["en", "es", "ase"], "hours": [(WEEKDAYS, "09:00", "16:00")], "neighborhoods": ["mill-creek", "old-orchard"], "verified_days_ago": 15},
            {"slug": "medi-cal-enrollment", "title": "Help signing up for Medi-Cal", "categories": ["health-care", "id-documents"], "description": "An enrollment worker fills in the forms with you and follows up until you get your card.", "eligibility": "Riverton residents.", "apply": "Walk in or call.", "free": True, "languages": ["en", "es", "vi"], "hours": [(WEEKDAYS, "09:00", "17:00")], "neighborhoods": ["mill-creek", "eastgate", "harbor-heights", "old-orchard"], "verified_days_ago": 200},
        ],
    },
    {
        "slug": "riverton-crisis-line",
        "title": "Riverton Crisis Line",
        "description": "A free phone and text line staffed day and night by trained counselors.",
        "legal_status": "Nonprofit 501(c)(3)",
        "website": "https://crisisline.riverton.example/",
        "email": "hello@crisisline.riverton.example",
        "phone": "555-0199",
        "location": {"name": "Phone and text line", "location_type": "virtual", "address_1": "", "postal_code": "", "neighborhood": None, "latitude": None, "longitude": None, "transportation": "", "accessibility_details": "Text and video relay (TTY) calls welcome."},
        "services": [
            {"slug": "24-hour-crisis-line", "title": "24-hour crisis and support line", "categories": ["crisis", "substance-use"], "description": "Call or text any time if you are in crisis, thinking of using, or worried about someone. A counselor answers within a minute.", "eligibility": "Anyone, any age.", "apply": "Call or text 555-0199. No appointment, no name needed.", "free": True, "languages": ["en", "es", "vi", "zh", "tl", "ar", "ru"], "interpretation": "Interpreters for more than 200 languages by phone.", "hours": [(EVERY_DAY, "00:00", "00:00")], "neighborhoods": ["eastgate", "mill-creek", "harbor-heights", "old-orchard"], "verified_days_ago": 5},
        ],
    },
    {
        "slug": "second-chance-works",
        "title": "Second Chance Works",
        "description": "Job readiness, paid training and placement with employers who hire people with records.",
        "legal_status": "Nonprofit 501(c)(3)",
        "website": "https://secondchanceworks.example/",
        "email": "jobs@secondchanceworks.example",
        "phone": "555-0104",
        "location": {"name": "Old Orchard job center", "address_1": "55 Orchard Blvd", "postal_code": "94605", "neighborhood": "old-orchard", "latitude": 37.7680, "longitude": -122.2250, "transportation": "Bus 12 to Orchard & 3rd.", "accessibility_details": "Elevator to the second-floor classroom."},
        "services": [
            {"slug": "job-placement", "title": "Job placement with fair-chance employers", "categories": ["job-placement"], "description": "A job coach matches you with employers who hire people with records and goes with you to the interview.", "eligibility": "Adults 18 and over; a record is not a barrier.", "apply": "Come to an orientation any Monday at 10 am.", "free": True, "min_age": 18, "languages": ["en", "es"], "hours": [(WEEKDAYS, "09:00", "17:00")], "neighborhoods": ["old-orchard", "eastgate"], "verified_days_ago": 25},
            {"slug": "construction-pre-apprenticeship", "title": "Paid construction pre-apprenticeship", "categories": ["apprenticeships"], "description": "Twelve paid weeks learning construction basics, with safety certificates and a path into the trades unions.", "eligibility": "Ages 18 to 30.", "apply": "Apply at orientation; new classes start every quarter.", "free": True, "min_age": 18, "max_age": 30, "languages": ["en"], "hours": [(WEEKDAYS, "07:00", "15:30")], "neighborhoods": ["old-orchard", "harbor-heights"], "verified_days_ago": 70, "documents": ["Photo ID", "Social Security card (we can help you get one)"]},
            {"slug": "forklift-certification", "title": "Forklift and warehouse certification", "categories": ["job-training"], "description": "A two-week course ending in a forklift certificate and warehouse job interviews.", "eligibility": "Adults 18 and over.", "apply": "Sign up at the front desk.", "fees": "Free for Riverton residents; $150 otherwise.", "costs": [("Course fee for non-residents", "150.00")], "min_age": 18, "languages": ["en", "es"], "hours": [(WEEKDAYS, "08:00", "16:00")], "neighborhoods": ["old-orchard"], "verified_days_ago": 380},
            {"slug": "youth-summer-jobs", "title": "Youth summer jobs", "categories": ["employment", "mentoring"], "description": "Paid summer jobs with a mentor for young people in DMI neighborhoods.", "eligibility": "Ages 14 to 21.", "apply": "Applications open in April.", "free": True, "min_age": 14, "max_age": 21, "languages": ["en", "es"], "hours": [(WEEKDAYS, "13:00", "17:00")], "neighborhoods": ["eastgate", "mill-creek", "harbor-heights", "old-orchard"], "verified_days_ago": 100, "status": "temporarily closed", "alert": "Closed until applications open in April."},
        ],
    },
    {
        "slug": "old-orchard-adult-learning",
        "title": "Old Orchard Adult Learning Center",
        "description": "Free adult education: GED and HiSET classes, reading and math, English classes and college applications.",
        "legal_status": "Public adult school (Riverton Unified)",
        "website": "https://adultlearning.riverton.example/",
        "email": "office@adultlearning.riverton.example",
        "phone": "555-0105",
        "location": {"name": "Adult Learning Center", "address_1": "300 School St", "postal_code": "94605", "neighborhood": "old-orchard", "latitude": 37.7702, "longitude": -122.2281, "transportation": "Bus 12; bike racks at the entrance.", "accessibility_details": "Step-free; large-print materials."},
        "services": [
            {"slug": "ged-classes", "title": "GED and HiSET classes", "categories": ["ged"], "description": "Morning and evening classes with free testing vouchers when you are ready.", "eligibility": "Ages 16 and over who have left high school.", "apply": "Come to a placement session any Tuesday at 6 pm.", "free": True, "min_age": 16, "languages": ["en", "es"], "hours": [(WEEKDAYS, "09:00", "12:00"), ((0, 1, 2, 3), "18:00", "21:00")], "neighborhoods": ["old-orchard", "eastgate"], "verified_days_ago": 40},
            {"slug": "english-classes", "title": "English classes for adults", "categories": ["education"], "description": "Beginner to advanced English, four evenings a week.", "eligibility": "Adults 18 and over.", "apply": "Walk in for a placement test.", "free": True, "min_age": 18, "languages": ["es", "vi", "zh", "ar"], "hours": [((0, 1, 2, 3), "18:00", "21:00")], "neighborhoods": ["old-orchard", "mill-creek"], "verified_days_ago": 55},
            {"slug": "college-bridge", "title": "College and training applications", "categories": ["education", "job-training"], "description": "Help choosing a program, applying for financial aid and enrolling at Riverton Community College.", "eligibility": "Anyone with a GED or diploma, or close to one.", "apply": "Book an appointment online or by phone.", "free": True, "languages": ["en", "es"], "hours": [((1, 3), "10:00", "16:00")], "neighborhoods": ["old-orchard"], "verified_days_ago": None},
        ],
    },
    {
        "slug": "harbor-legal-aid",
        "title": "Harbor Legal Aid",
        "description": "Free civil legal help and record clearing for low-income Riverton residents.",
        "legal_status": "Nonprofit 501(c)(3)",
        "website": "https://harborlegalaid.example/",
        "email": "help@harborlegalaid.example",
        "phone": "555-0106",
        "location": {"name": "Harbor Legal Aid office", "address_1": "20 Main St, Suite 4", "postal_code": "94607", "neighborhood": "harbor-heights", "latitude": 37.7985, "longitude": -122.2750, "transportation": "Bus 3 to Main & 2nd.", "accessibility_details": "Elevator; private rooms for interviews."},
        "services": [
            {"slug": "record-clearing-clinic", "title": "Record clearing (expungement) clinic", "categories": ["record-relief"], "description": "A lawyer reviews your record, files to clear or reduce old convictions and goes to court with you.", "eligibility": "Anyone with a Riverton County conviction.", "apply": "Come to the clinic Wednesday evening, first come first served.", "free": True, "languages": ["en", "es"], "hours": [((2,), "17:00", "20:00")], "neighborhoods": ["harbor-heights", "eastgate", "mill-creek", "old-orchard"], "verified_days_ago": 35, "documents": ["Any court papers you have", "Photo ID"]},
            {"slug": "tenant-defense", "title": "Eviction defense", "categories": ["legal-aid", "housing"], "description": "A lawyer for tenants facing eviction, including evictions over drug activity at the address.", "eligibility": "Tenants with household income under 80% of area median.", "apply": "Call as soon as you get papers: deadlines are short.", "free": True, "languages": ["en", "es", "tl"], "hours": [(WEEKDAYS, "09:00", "17:00")], "neighborhoods": ["harbor-heights", "mill-creek"], "verified_days_ago": 80},
            {"slug": "id-replacement", "title": "ID and birth certificate replacement", "categories": ["id-documents"], "description": "We pay the fees and fill in the forms to replace a state ID, birth certificate or Social Security card.", "eligibility": "Riverton residents; people leaving jail or prison welcome.", "apply": "Walk in Monday or Friday mornings.", "free": True, "languages": ["en", "es"], "hours": [((0, 4), "09:00", "12:00")], "neighborhoods": ["harbor-heights", "eastgate"], "verified_days_ago": 150},
        ],
    },
    {
        "slug": "riverton-housing-partners",
        "title": "Riverton Housing Partners",
        "description": "Emergency shelter, sober living and help finding permanent housing.",
        "legal_status": "Nonprofit 501(c)(3)",
        "website": "https://housingpartners.riverton.example/",
        "email": "beds@housingpartners.riverton.example",
        "phone": "555-0107",
        "location": {"name": "Mill Creek shelter", "address_1": "77 River Rd", "postal_code": "94603", "neighborhood": "mill-creek", "latitude": 37.7530, "longitude": -122.1900, "transportation": "Bus 40 to River Rd; late buses until 1 am.", "accessibility_details": "Ground-floor accessible beds; service animals welcome."},
        "services": [
            {"slug": "night-shelter", "title": "Night shelter", "categories": ["emergency-shelter"], "description": "A bed, dinner, a shower and breakfast. Check in from 7 pm; the doors close at 7 am.", "eligibility": "Adults 18 and over; couples and pets welcome.", "apply": "Come to the door from 7 pm, or call at 5 pm to hold a bed.", "free": True, "min_age": 18, "languages": ["en", "es"], "hours": [(EVERY_DAY, "19:00", "07:00")], "neighborhoods": ["mill-creek", "eastgate", "harbor-heights", "old-orchard"], "verified_days_ago": 12},
            {"slug": "sober-living", "title": "Sober living houses", "categories": ["transitional-housing", "recovery-support"], "description": "Shared recovery houses for up to two years, with house meetings and a peer manager.", "eligibility": "Adults in recovery, including people on methadone or buprenorphine.", "apply": "Call for an interview; a bed usually opens within two weeks.", "fees": "Rent is 30% of income, or $0 without income.", "costs": [("Monthly rent, 30% of income", None)], "min_age": 18, "languages": ["en"], "hours": [(WEEKDAYS, "10:00", "16:00")], "neighborhoods": ["mill-creek"], "verified_days_ago": 65},
            {"slug": "rapid-rehousing", "title": "Rapid rehousing", "categories": ["housing"], "description": "Deposit, first months' rent and a case manager to move from the street or shelter into an apartment.", "eligibility": "People staying in a shelter or outside.", "apply": "Ask shelter staff for a referral.", "free": True, "languages": ["en", "es"], "hours": [(WEEKDAYS, "09:00", "17:00")], "neighborhoods": ["mill-creek", "eastgate"], "verified_days_ago": 190},
            {"slug": "winter-warming-center", "title": "Winter warming center", "categories": ["emergency-shelter"], "description": "The winter warming center closed when the night shelter opened all year.", "eligibility": "Adults.", "apply": "Go to the night shelter instead.", "free": True, "languages": ["en"], "hours": [], "neighborhoods": ["mill-creek"], "verified_days_ago": 500, "status": "defunct"},
        ],
    },
    {
        "slug": "family-bridges",
        "title": "Family Bridges",
        "description": "Mentoring for young people and support for families affected by drug dealing and incarceration.",
        "legal_status": "Nonprofit 501(c)(3)",
        "website": "https://familybridges.example/",
        "email": "connect@familybridges.example",
        "phone": "555-0108",
        "location": {"name": "Eastgate family center", "address_1": "9 Elm Ct", "postal_code": "94601", "neighborhood": "eastgate", "latitude": 37.7805, "longitude": -122.2005, "transportation": "Bus 12 and 40 to Pine & Elm.", "accessibility_details": "Step-free; children's play corner."},
        "services": [
            {"slug": "youth-mentoring", "title": "One-to-one youth mentoring", "categories": ["mentoring"], "description": "A trained adult mentor from the neighborhood meets a young person weekly for at least a year.", "eligibility": "Ages 10 to 24.", "apply": "Call or ask a probation officer, teacher or pastor to refer you.", "free": True, "min_age": 10, "max_age": 24, "languages": ["en", "es"], "hours": [(WEEKDAYS, "14:00", "19:00"), ((5,), "10:00", "15:00")], "neighborhoods": ["eastgate", "mill-creek"], "verified_days_ago": 22},
            {"slug": "family-support-groups", "title": "Support groups for families", "categories": ["family-support"], "description": "Weekly evening groups for parents, partners and grandparents of people who dealt or used drugs.", "eligibility": "Family members of any age.", "apply": "Just come; childcare and dinner provided.", "free": True, "languages": ["en", "es"], "hours": [((3,), "18:00", "20:00")], "neighborhoods": ["eastgate"], "verified_days_ago": 28},
            {"slug": "parenting-after-incarceration", "title": "Parenting after incarceration", "categories": ["family-support", "mentoring"], "description": "An eight-week course for parents coming home, with help arranging visits and custody.", "eligibility": "Parents returning from jail or prison.", "apply": "Referral from probation or self-referral by phone.", "free": True, "min_age": 18, "languages": ["en"], "hours": [((1,), "17:30", "19:30")], "neighborhoods": ["eastgate", "harbor-heights"], "verified_days_ago": 140},
        ],
    },
    {
        "slug": "eastgate-community-pantry",
        "title": "Eastgate Community Pantry",
        "description": "Free groceries, hot meals and help applying for CalFresh (SNAP), plus bus passes for appointments.",
        "legal_status": "Faith-based nonprofit",
        "website": "https://eastgatepantry.example/",
        "email": "volunteer@eastgatepantry.example",
        "phone": "555-0109",
        "location": {"name": "St. Mark's hall", "address_1": "600 Pine St", "postal_code": "94601", "neighborhood": "eastgate", "latitude": 37.7776, "longitude": -122.2044, "transportation": "Bus 12 to Pine & 7th.", "accessibility_details": "Side door has a ramp; seating while you wait."},
        "services": [
            {"slug": "food-pantry", "title": "Food pantry", "categories": ["food"], "description": "A week of groceries, fresh produce included, twice a month per household.", "eligibility": "Anyone in need; no ID or proof of address required.", "apply": "Come during pantry hours with a bag.", "free": True, "languages": ["en", "es", "vi"], "hours": [((1, 3), "10:00", "14:00"), ((5,), "09:00", "12:00")], "neighborhoods": ["eastgate", "mill-creek"], "verified_days_ago": 18},
            {"slug": "hot-meals", "title": "Hot community meals", "categories": ["food"], "description": "A hot dinner, no questions asked.", "eligibility": "Anyone.", "apply": "Just come.", "free": True, "languages": ["en", "es"], "hours": [(WEEKDAYS, "17:00", "19:00")], "neighborhoods": ["eastgate"], "verified_days_ago": 18},
            {"slug": "bus-passes", "title": "Bus passes for appointments", "categories": ["transportation"], "description": "Free day passes to get to treatment, court, job interviews and medical appointments.", "eligibility": "Anyone with an appointment.", "apply": "Ask at the pantry desk; show the appointment card or letter.", "free": True, "languages": ["en", "es"], "hours": [((1, 3), "10:00", "14:00")], "neighborhoods": ["eastgate", "mill-creek", "harbor-heights", "old-orchard"], "verified_days_ago": 75},
            {"slug": "calfresh-signup", "title": "CalFresh (SNAP) application help", "categories": ["food", "id-documents"], "description": "A volunteer helps you apply for CalFresh food benefits on the spot.", "eligibility": "Riverton residents.", "apply": "Walk in on pantry days.", "free": True, "languages": ["en", "es"], "hours": [((3,), "10:00", "14:00")], "neighborhoods": ["eastgate"], "verified_days_ago": 95},
        ],
    },
]  # fmt: skip
