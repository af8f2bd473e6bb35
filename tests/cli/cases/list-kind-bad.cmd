list people
