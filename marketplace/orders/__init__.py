"""Orders: hiring an agency for a published service item, its clock, payment and conversation."""
