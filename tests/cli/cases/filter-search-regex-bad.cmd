search --regex 'gigafact(ory'
