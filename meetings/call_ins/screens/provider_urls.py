"""``/referrals/``: service providers' staff see and update their referrals."""

from meetings.call_ins.screens import provider

app_name = "provider_referrals"

urlpatterns = [*provider.urlpatterns]
