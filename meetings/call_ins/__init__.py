"""Joint call-ins (confidential): services, selectors, permissions, calendars.

Writes: ``scheduling``, ``staff``, ``invitations``, ``meeting``, ``outcomes``,
``letters``, ``feeds`` (each audited). Reads: ``selectors``, ``referrals``,
``conflicts``. Who may do what: ``permissions``. Background work: ``tasks``.
"""
