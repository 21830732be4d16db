"""Organisations: the members of an enterprise or an agency, and an agency's professionals."""
