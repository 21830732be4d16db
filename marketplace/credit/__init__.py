"""Credit records (信用记录): violations and commendations of agencies, and their effects."""
