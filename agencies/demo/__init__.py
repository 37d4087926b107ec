"""Riverton's demo partnership for the workspace (run by ``manage.py demo_agencies``).

``DEMO_ROLES`` lists the demo logins this package creates, with what each
one may do and see; ``manage.py demo_logins`` prints them
(``portal.demo.users.demo_login_rows``).
"""

from agencies.demo.people import DEMO_ROLES

__all__ = ["DEMO_ROLES"]
