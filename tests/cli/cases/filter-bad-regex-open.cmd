list funding --filter '/gigafact(ory|ories)'
