"""Accounts that meet the CJIS Security Policy: sign-in, MFA, lockout, audit."""
