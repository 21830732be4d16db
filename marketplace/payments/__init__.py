"""Payments: offline by default; Stripe Checkout where STRIPE_SECRET_KEY is set."""
