# ruff: noqa: E501 - one category per line reads best as a table
"""The open DMI service categories and common languages, seeded by migration.

Plain data on purpose: migration 0002 imports it, and editors may add to the
tree in the admin afterwards. Codes are stable; names may be reworded.
"""

TAXONOMY = {
    "name": "DMI service categories",
    "description": (
        "Help offered to people leaving the drug trade and to residents of "
        "neighborhoods in a Drug Market Intervention: an open category set."
    ),
    "version": "1.0",
}

# (code, name, description, parent code or None); parents come first.
TERMS = [
    ("substance-use", "Substance use treatment", "Treatment and recovery support for drug and alcohol use.", None),
    ("moud", "Medication for opioid use disorder", "Medication treatment (MOUD/MAT) for opioid addiction.", "substance-use"),
    ("buprenorphine", "Buprenorphine", "Buprenorphine (e.g. Suboxone) prescribing and induction.", "moud"),
    ("methadone", "Methadone", "Methadone from a licensed opioid treatment program.", "moud"),
    ("naltrexone", "Naltrexone", "Extended-release naltrexone (e.g. Vivitrol).", "moud"),
    ("outpatient-treatment", "Outpatient treatment", "Counseling and treatment while living at home.", "substance-use"),
    ("residential-treatment", "Residential treatment", "Live-in treatment programs and detox.", "substance-use"),
    ("harm-reduction", "Harm reduction", "Naloxone, test strips and safer-use supplies.", "substance-use"),
    ("recovery-support", "Recovery support", "Peer recovery coaches and support groups.", "substance-use"),
    ("mental-health", "Mental health", "Counseling, psychiatric care and crisis help.", None),
    ("crisis", "Crisis support", "Help right now in a mental health crisis.", "mental-health"),
    ("counseling", "Counseling", "Talking therapy for individuals and families.", "mental-health"),
    ("employment", "Employment", "Finding and keeping a job.", None),
    ("job-placement", "Job placement", "Employers who hire people with records; job matching.", "employment"),
    ("job-training", "Job training", "Learning a trade or skill that leads to work.", None),
    ("apprenticeships", "Apprenticeships", "Paid training in a trade.", "job-training"),
    ("education", "Education and GED", "High school equivalency, literacy and college.", None),
    ("ged", "GED and high school equivalency", "Classes and testing for a GED or HiSET.", "education"),
    ("housing", "Housing", "Shelter, transitional and permanent housing.", None),
    ("emergency-shelter", "Emergency shelter", "A safe place to sleep tonight.", "housing"),
    ("transitional-housing", "Transitional and recovery housing", "Sober living and re-entry housing.", "housing"),
    ("legal-aid", "Legal aid and record relief", "Free legal help, expungement and record sealing.", None),
    ("record-relief", "Record relief and expungement", "Sealing or clearing a criminal record.", "legal-aid"),
    ("mentoring", "Mentoring", "A steady adult or peer who has been there.", None),
    ("family-support", "Family support", "Help for parents, partners and children.", None),
    ("id-documents", "ID and documents", "State ID, birth certificates, Social Security cards.", None),
    ("food", "Food", "Meals, food pantries and SNAP help.", None),
    ("transportation", "Transportation", "Bus passes and rides to appointments.", None),
    ("health-care", "Health care", "Primary care, clinics and insurance enrollment.", None),
]  # fmt: skip

# (ISO 639 code, English name, native name)
LANGUAGES = [
    ("en", "English", "English"),
    ("es", "Spanish", "Español"),
    ("vi", "Vietnamese", "Tiếng Việt"),
    ("zh", "Chinese", "中文"),
    ("tl", "Tagalog", "Tagalog"),
    ("ar", "Arabic", "العربية"),
    ("ru", "Russian", "Русский"),
    ("ase", "American Sign Language", "ASL"),
]
