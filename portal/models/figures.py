"""Monthly public-safety counts for a neighborhood, its buffer and the city."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from portal.choices import FigureArea, FigureSeries


class NeighborhoodFigure(models.Model):
    """One count: a series, in one area, for one calendar month."""

    neighborhood = models.ForeignKey(
        "portal.NeighborhoodPage", on_delete=models.CASCADE, related_name="figures"
    )
    month = models.DateField(help_text=_("The first day of the month counted."))
    series = models.CharField(max_length=32, choices=FigureSeries.choices)
    area = models.CharField(max_length=16, choices=FigureArea.choices)
    count = models.PositiveIntegerField()
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("neighborhood"),
        FieldPanel("month"),
        FieldPanel("series"),
        FieldPanel("area"),
        FieldPanel("count"),
    ]

    class Meta:
        verbose_name = _("neighborhood figure")
        ordering = ["neighborhood", "series", "area", "month"]
        constraints = [
            models.UniqueConstraint(
                fields=["neighborhood", "month", "series", "area"],
                name="one_count_per_neighborhood_month_series_area",
            ),
            models.CheckConstraint(
                condition=models.Q(month__day=1), name="figure_month_is_first_day"
            ),
        ]

    def __str__(self):
        return (
            f"{self.neighborhood} · {self.get_series_display()} · "
            f"{self.get_area_display()} · {self.month:%Y-%m}: {self.count}"
        )
