"""Admin for the directory: category and language snippets (more below)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from resources.models import Language, Taxonomy, TaxonomyTerm


class TaxonomyViewSet(SnippetViewSet):
    model = Taxonomy
    icon = "folder-open-inverse"
    list_display = ["name", "version"]


class TaxonomyTermViewSet(SnippetViewSet):
    model = TaxonomyTerm
    icon = "tag"
    list_display = ["name", "code", "parent"]
    list_filter = ["taxonomy"]
    search_fields = ["name"]


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "globe"
    list_display = ["name", "code"]


class DirectoryListsGroup(SnippetViewSetGroup):
    menu_label = "Directory lists"
    menu_icon = "list-ul"
    items = (TaxonomyTermViewSet, TaxonomyViewSet, LanguageViewSet)


register_snippet(DirectoryListsGroup)
