search zzzz
