"""Workspace screens for joint call-ins (``/workspace/call-ins/``) and the
providers' referral screens (``/referrals/``).

Each module declares its own ``urlpatterns``; ``urls`` gathers them. Every
screen reads through ``meetings.call_ins.selectors``/``referrals`` and writes
through the audited services; refusals are 404 for what the viewer may not
see and 403 for a visible-but-forbidden write, both audited.
"""
