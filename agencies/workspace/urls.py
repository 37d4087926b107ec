"""/workspace/ URLs, gathered from each screen module's ``urlpatterns``."""

from agencies.workspace import audit_log, cases, dashboard, markets, notes, subjects

app_name = "workspace"

urlpatterns = [
    *dashboard.urlpatterns,
    *markets.urlpatterns,
    *subjects.urlpatterns,
    *cases.urlpatterns,
    *notes.urlpatterns,
    *audit_log.urlpatterns,
]
