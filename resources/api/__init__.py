"""The read-only Open Referral HSDS 3.1 API of the service directory."""
