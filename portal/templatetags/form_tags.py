"""Render Django form fields with USWDS classes and accessible error links."""

from django import template

register = template.Library()

WIDGET_CLASSES = {
    "select": "usa-select",
    "selectmultiple": "usa-select",
    "textarea": "usa-textarea",
    "checkbox": "usa-checkbox__input",
    "radioselect": "usa-radio__input",
    "checkboxselectmultiple": "usa-checkbox__input",
}


@register.simple_tag
def usa_field(field):
    """The field's widget with USWDS classes, `aria-describedby` and `aria-invalid`."""
    css = WIDGET_CLASSES.get(field.widget_type, "usa-input")
    if field.errors and css in ("usa-input", "usa-select", "usa-textarea"):
        css += f" {css}--error"
    attrs = {"class": css}
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}-hint")
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)
