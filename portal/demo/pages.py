"""Demo pages for the fictional city of Riverton. Idempotent: found by slug."""

from datetime import date, timedelta

from django.utils import timezone
from wagtail.models import Page, Site

from portal.choices import Phase
from portal.models import (
    HomePage,
    NeighborhoodIndexPage,
    NeighborhoodPage,
    NeighborhoodPhase,
    NeighborhoodUpdatePage,
    StandardPage,
    VolunteerFormPage,
)
from portal.models.pages import VolunteerFormField

WHY = (
    "<p>For decades, Riverton answered open-air drug markets with sweeps: "
    "arrest the sellers, charge them, and wait. Within weeks new sellers took "
    "their place, the same corners stayed unsafe, and a generation of young "
    "people came home with records that closed doors to work and housing.</p>"
    "<p>A Drug Market Intervention closes one market at a time and keeps it "
    "closed. Police and prosecutors build cases against every seller, prosecute "
    "the few who are dangerous, and give the rest a choice — with their "
    "families and neighbors in the room: stop now and get help, or face a case "
    "that is already made.</p>"
)
COMMUNITY_ROLE = (
    "<ul><li>Report renewed dealing to the police right away.</li>"
    "<li>Use your streets, parks and porches again: reclaim the neighborhood.</li>"
    "<li>Mentor and support people who stop dealing.</li>"
    "<li>Point people to the service directory for treatment, jobs and housing.</li>"
    "</ul>"
)
COMPARISON_TABLE = {
    "caption": "How a Drug Market Intervention differs from regular prosecution",
    "table": {
        "first_row_is_table_header": True,
        "first_col_is_header": True,
        "data": [
            ["Seller", "Regular prosecution", "Drug Market Intervention"],
            [
                "Lower-risk seller",
                "Arrested, charged and often jailed; comes back with a record and "
                "fewer options; the market replaces them.",
                "Case built and held back (banked); invited with family to a "
                "call-in; offered treatment, work and mentoring; the case is "
                "filed only if dealing continues.",
            ],
            [
                "Higher-risk seller (major dealer, guns, violence)",
                "Prosecuted case by case, offices acting separately.",
                "Prosecuted, with city, county and federal offices agreeing which "
                "one takes each case.",
            ],
        ],
    },
}

# slug -> (title, summary, boundary, [(phase, months ago, note)], updates)
NEIGHBORHOODS = {
    "eastgate": (
        "Eastgate",
        "The first Riverton market closed: the call-in was held almost two years ago.",
        "Eight blocks between Pine Street and the rail yard, from 3rd to 7th "
        "Avenue, including Eastgate Park.",
        [
            (Phase.PLANNING, 34, "Partners signed the agreement."),
            (Phase.IDENTIFICATION, 32, "Market mapped from calls and complaints."),
            (Phase.INVESTIGATION, 28, "Controlled buys began."),
            (Phase.CALL_IN, 22, "Call-in held at Eastgate Community Center."),
            (Phase.FOLLOW_UP, 21, "Services delivered; two cases activated."),
            (Phase.MAINTENANCE, 12, "Block watch and monthly walks."),
        ],
    ),
    "mill-creek": (
        "Mill Creek",
        "The call-in was held this summer; follow-up is under way.",
        "The Mill Creek apartments and the blocks of Creek Road between "
        "Water Street and the footbridge.",
        [
            (Phase.PLANNING, 20, "Residents asked for help at a town hall."),
            (Phase.IDENTIFICATION, 16, "Market identified."),
            (Phase.INVESTIGATION, 12, "Cases built against each seller."),
            (Phase.CALL_IN, 5, "Call-in held; most invited sellers attended."),
            (Phase.FOLLOW_UP, 4, "Referrals to treatment and job training."),
        ],
    ),
    "harbor-heights": (
        "Harbor Heights",
        "Police are building cases; residents can help by reporting activity.",
        "Harbor Street from the ferry terminal to Hill Road, and the alleys "
        "behind the Harbor Street shops.",
        [
            (Phase.PLANNING, 9, "Partners agreed to start."),
            (Phase.IDENTIFICATION, 7, "Boundary drawn with residents."),
            (Phase.INVESTIGATION, 3, "Investigation began."),
        ],
    ),
    "old-orchard": (
        "Old Orchard",
        "Partners are gathering data with residents before choosing a boundary.",
        "The area around Orchard Square; the exact boundary is being set with "
        "residents.",
        [(Phase.PLANNING, 2, "First listening session held.")],
    ),
}


def months_ago(months: int) -> date:
    today = timezone.localdate()
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return date(year, month + 1, min(today.day, 28))


def ensure_site() -> HomePage:
    """A HomePage at the root of the default site, replacing Wagtail's welcome page."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title="Closing Riverton's drug markets, one neighborhood at a time",
                slug="riverton",
                intro=(
                    "Police, prosecutors, service providers and neighbors work "
                    "together to close open-air drug markets and keep them closed."
                ),
                why=WHY,
                community_role=COMMUNITY_ROLE,
                body=[("table", COMPARISON_TABLE)],
            )
        )
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Riverton DMI",
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Riverton DMI"
        site.save()
        if old_root.specific_class is Page and not old_root.get_children().exists():
            old_root.delete()  # Wagtail's "Welcome" placeholder
    _ensure_home_children(home)
    return home


def _ensure_home_children(home: HomePage) -> None:
    _child(
        home,
        StandardPage,
        "about",
        title="How it works",
        show_in_menus=True,
        introduction="The seven steps of a Drug Market Intervention.",
        body=[
            ("heading", {"text": "Seven steps", "level": "h2"}),
            (
                "paragraph",
                "<ol><li>Identify the market.</li><li>Build cases.</li>"
                "<li>Sort sellers by risk.</li><li>Notify and call in.</li>"
                "<li>Deliver services.</li><li>Follow up and enforce.</li>"
                "<li>Keep the market closed.</li></ol>",
            ),
            (
                "accordion",
                {
                    "heading": "Questions people ask",
                    "items": [
                        {
                            "question": "Does this let dealers off the hook?",
                            "answer": "<p>No. Every case is built and ready to "
                            "file. Dangerous sellers are prosecuted.</p>",
                        },
                        {
                            "question": "Are names published here?",
                            "answer": "<p>Never. This site shows neighborhoods "
                            "and totals, not people.</p>",
                        },
                    ],
                },
            ),
        ],
    )
    volunteer = _child(
        home,
        VolunteerFormPage,
        "volunteer",
        title="Volunteer or mentor",
        show_in_menus=True,
        intro="<p>Mentors help people who stop dealing find their footing.</p>",
        thank_you_text="<p>Thank you. A coordinator will contact you.</p>",
        subject="New volunteer sign-up",
    )
    if not volunteer.form_fields.exists():
        for order, (label, field_type, required) in enumerate(
            [
                ("Your name", "singleline", True),
                ("Email", "email", True),
                ("Phone", "singleline", False),
                ("Neighborhood", "singleline", False),
                ("How would you like to help?", "multiline", True),
            ]
        ):
            VolunteerFormField.objects.create(
                page=volunteer,
                sort_order=order,
                label=label,
                field_type=field_type,
                required=required,
            )
    if home.volunteer_page_id != volunteer.pk:
        home.volunteer_page = volunteer
        home.save_revision().publish()


def _child(parent, model, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = parent.add_child(instance=model(slug=slug, **fields))
    page.save_revision().publish()
    return page


def ensure_neighborhoods(home: HomePage) -> list[NeighborhoodPage]:
    index = _child(
        home,
        NeighborhoodIndexPage,
        "neighborhoods",
        title="Neighborhoods",
        show_in_menus=True,
        introduction="<p>Every neighborhood where the partnership is working.</p>",
    )
    pages = []
    for slug, (title, summary, boundary, steps) in NEIGHBORHOODS.items():
        page = NeighborhoodPage.objects.child_of(index).filter(slug=slug).first()
        if page is None:
            page = NeighborhoodPage(
                slug=slug,
                title=title,
                summary=summary,
                boundary_description=boundary,
                figures_source="Riverton Police Department, records and dispatch",
                figures_note="Counts are by month of report. Figures are provisional.",
                what_was_done=[
                    (
                        "paragraph",
                        f"<p>Partners in {title} met residents, mapped the "
                        "market and agreed on a plan.</p>",
                    )
                ],
            )
            for order, (phase, ago, note) in enumerate(steps):
                page.phase_history.add(
                    NeighborhoodPhase(
                        sort_order=order,
                        phase=phase,
                        started_on=months_ago(ago),
                        note=note,
                    )
                )
            index.add_child(instance=page)
            page.save_revision().publish()
        _ensure_updates(page, steps)
        pages.append(page)
    return pages


def _ensure_updates(page: NeighborhoodPage, steps) -> None:
    for phase, ago, note in steps:
        slug = f"{phase}-update"
        if NeighborhoodUpdatePage.objects.child_of(page).filter(slug=slug).exists():
            continue
        update = page.add_child(
            instance=NeighborhoodUpdatePage(
                slug=slug,
                title=f"{page.title}: {Phase(phase).label}",
                date=months_ago(ago) + timedelta(days=1),
                summary=note,
                body=[("paragraph", f"<p>{note}</p>")],
            )
        )
        update.save_revision().publish()
