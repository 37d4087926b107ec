"""The public directory's search form: a keyword and filters combined by AND.

A filter the visitor got wrong (an unknown category, an age that is not a
number) is dropped with a message saying so; the other filters still apply.
The results are honest about it instead of failing or silently ignoring it.
"""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models import NeighborhoodPage
from resources.models import Language, TaxonomyTerm

MAX_QUERY_LENGTH = 200
MIN_AGE, MAX_AGE = 0, 120
WORD = re.compile(r"\w+")
UNKNOWN_CHOICE_MESSAGES = {
    "category": _("There is no category “%(value)s”."),
    "neighborhood": _("There is no neighborhood “%(value)s”."),
    "language": _("There is no language “%(value)s” in the directory."),
}


def search_words(query: str) -> str:
    """Only the words of a query: FTS5 and PostgreSQL read quotes and stars as
    operators, and a stray quote would be a syntax error."""
    return " ".join(WORD.findall(query.lower()))


class DirectorySearchForm(forms.Form):
    """GET form of the directory; choice lists come from the database once."""

    q = forms.CharField(
        label=_("What help are you looking for?"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text=_("For example: counseling, GED, shelter, methadone."),
    )
    category = forms.ChoiceField(label=_("Category"), required=False)
    neighborhood = forms.ChoiceField(label=_("Neighborhood"), required=False)
    language = forms.ChoiceField(label=_("Language spoken"), required=False)
    age = forms.IntegerField(
        label=_("Age of the person who needs help"),
        required=False,
        min_value=MIN_AGE,
        max_value=MAX_AGE,
        error_messages={
            "invalid": _("Age must be a whole number, like 25."),
            "min_value": _("Age must be between 0 and 120."),
            "max_value": _("Age must be between 0 and 120."),
        },
    )
    open_now = forms.BooleanField(label=_("Open now"), required=False)
    free = forms.BooleanField(label=_("Free of charge"), required=False)

    def __init__(self, *args, private_q=None, **kwargs):
        """``private_q``: ``Page.objects.private_q()``, if the caller has it."""
        super().__init__(*args, **kwargs)
        terms = list(TaxonomyTerm.objects.order_by("name"))
        self.terms = terms
        self.terms_by_code = {term.code: term for term in terms}
        self.fields["category"].choices = [
            ("", _("Any category")),
            *_term_choices(terms),
        ]
        neighborhoods = NeighborhoodPage.objects.live()
        neighborhoods = (
            neighborhoods.public()
            if private_q is None
            else neighborhoods.exclude(private_q)
        )
        # Plain (pk, slug, title) rows: the filter needs only the pk, and a
        # page instance per neighborhood cost more than the query.
        rows = list(neighborhoods.order_by("title").values_list("pk", "slug", "title"))
        self.neighborhoods_by_slug = {slug: pk for pk, slug, _title in rows}
        self.fields["neighborhood"].choices = [
            ("", _("Any neighborhood")),
            *((slug, title) for _pk, slug, title in rows),
        ]
        self.languages_by_code = {lang.code: lang for lang in Language.objects.all()}
        self.fields["language"].choices = [
            ("", _("Any language")),
            *((code, lang.name) for code, lang in self.languages_by_code.items()),
        ]
        for name, message in UNKNOWN_CHOICE_MESSAGES.items():
            self.fields[name].error_messages["invalid_choice"] = message

    def clean_q(self):
        return self.cleaned_data["q"].strip()

    def usable_filters(self) -> dict:
        """The valid filters only (call after ``is_valid()``); bad ones dropped."""
        data = getattr(self, "cleaned_data", {})
        category = self.terms_by_code.get(data.get("category") or "")
        return {
            "words": search_words(data.get("q", "")),
            "category": category,
            # The category and everything under it, from the terms loaded above.
            "category_ids": (
                None if category is None else _with_descendants(category, self.terms)
            ),
            # The neighborhood page's pk.
            "neighborhood": self.neighborhoods_by_slug.get(
                data.get("neighborhood") or ""
            ),
            "language": data.get("language") or "",
            "age": data.get("age"),
            "open_now": bool(data.get("open_now")),
            "free": bool(data.get("free")),
        }

    def problems(self) -> list[str]:
        """One sentence per dropped filter, for the message above the results."""
        return [
            f"{self.fields[name].label}: {error}"
            for name, errors in self.errors.items()
            for error in errors
        ]


def _term_choices(terms):
    """Top-level categories, each followed by its children, indented."""
    children = {}
    for term in terms:
        children.setdefault(term.parent_id, []).append(term)
    choices = []

    def walk(parent_id, depth):
        for term in children.get(parent_id, []):
            choices.append((term.code, "\u2003" * depth + term.name))
            walk(term.pk, depth + 1)

    walk(None, 0)
    return choices


def _with_descendants(term, terms) -> list[int]:
    """Ids of ``term`` and of every term below it in ``terms``."""
    parents = {t.pk: t.parent_id for t in terms}
    ids = []
    for pk in parents:
        ancestor, steps = pk, 0
        while ancestor is not None and ancestor != term.pk and steps < len(parents):
            ancestor, steps = parents.get(ancestor), steps + 1  # bounded: no cycle
        if ancestor == term.pk:
            ids.append(pk)
    return ids


def apply_filters(services, filters: dict):
    """Each filter is one SQL condition on ``ServicePage.objects.listed()``."""
    if filters["category"] is not None:
        services = services.in_category(filters["category"])
    if filters["neighborhood"] is not None:
        services = services.in_neighborhood(filters["neighborhood"])
    if filters["language"]:
        services = services.in_language(filters["language"])
    if filters["age"] is not None:
        services = services.for_age(filters["age"])
    if filters["open_now"]:
        services = services.open_now()
    if filters["free"]:
        services = services.free()
    return services
