"""Providers' referral screens at ``/referrals/`` (see the package docstring)."""

urlpatterns = []
