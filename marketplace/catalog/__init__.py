"""The catalogue: service categories, admitted agencies and their service items."""
