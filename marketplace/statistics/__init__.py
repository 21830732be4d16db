"""Statistics for the government service office: orders, completion, on-time delivery and
ratings by category and month, with charts and CSV exports in the back office."""
