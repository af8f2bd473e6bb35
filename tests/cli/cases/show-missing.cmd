show nothing
