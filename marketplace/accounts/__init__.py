"""Accounts: users and their roles, sessions, API tokens, password resets, the security log."""
