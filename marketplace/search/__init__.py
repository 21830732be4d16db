"""The application's side of search: the index outbox, keeping engines in step, the pages."""
