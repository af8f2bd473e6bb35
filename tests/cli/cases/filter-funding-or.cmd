list funding --filter '(status:announced or status:committed) confidence:confirmed'
