"""Demo data for the service directory (run by ``manage.py demo_resources``)."""
