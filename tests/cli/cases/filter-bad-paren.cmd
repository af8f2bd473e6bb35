list funding --filter '(status:committed or confidence:likely'
