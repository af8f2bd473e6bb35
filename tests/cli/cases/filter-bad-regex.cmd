list funding --filter '/gigafact(ory/i'
