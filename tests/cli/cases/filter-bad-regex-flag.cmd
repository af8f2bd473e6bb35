list funding --filter '/plan/x'
