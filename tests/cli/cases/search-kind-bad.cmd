search test --kind people
