"""Call-in screens: meeting (see the package docstring)."""

urlpatterns = []
