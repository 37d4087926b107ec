"""The one shared set of StreamField blocks for public pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; h1 belongs to the page title, so only h2–h4."""

    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")],
        default="h2",
        help_text=_("Use levels in order: H3 only below an H2."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = _("A section heading, level 2 to 4")
        preview_value = {"text": "What happens next", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    """An image that always carries alternative text for screen readers."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        description = _("An image with alternative text and an optional caption")


class CaptionedTableBlock(blocks.StructBlock):
    """A data table with a caption and header cells screen readers announce."""

    caption = blocks.CharBlock(
        max_length=250, help_text=_("Says what the table shows.")
    )
    table = TableBlock(
        table_options={"contextMenu": True, "startRows": 3, "startCols": 3}
    )

    class Meta:
        icon = "table"
        template = "blocks/captioned_table_block.html"
        description = _("A table with a caption and header row")
        preview_value = {
            "caption": "Example",
            "table": {
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "data": [["", "Before", "After"], ["Calls", "40", "22"]],
            },
        }


class CallToActionBlock(blocks.StructBlock):
    """A short invitation to act, with one link to a page or an address."""

    title = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    button_label = blocks.CharBlock(max_length=60)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text=_("Used when no page is chosen."))

    class Meta:
        icon = "link"
        template = "blocks/call_to_action_block.html"
        description = _("A highlighted box with one button")
        preview_value = {
            "title": "Volunteer as a mentor",
            "text": "Help someone start again.",
            "button_label": "Sign up",
            "url": "https://example.org/",
        }


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=250)
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])


class AccordionBlock(blocks.StructBlock):
    """Questions and answers that open one at a time (USWDS accordion)."""

    heading = blocks.CharBlock(required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock())

    class Meta:
        icon = "list-ul"
        template = "blocks/accordion_block.html"
        description = _("Frequently asked questions that expand")


RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every public page body may use."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description=_("Formatted text"),
    )
    image = ImageBlock()
    table = CaptionedTableBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
