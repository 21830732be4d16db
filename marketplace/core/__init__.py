"""The core every domain stands on: settings, the database, the one Beijing clock and the
office's working-day calendar, background jobs and their outbox, uploads.

It imports no domain (``marketplace.catalog``, ``orders``…) and nothing of the web
(Starlette, Jinja); ``scripts/lint`` holds it to that with import-linter contracts.
"""
