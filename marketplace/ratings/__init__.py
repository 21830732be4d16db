"""Ratings of completed orders, and the measured promise-keeping of agencies."""
