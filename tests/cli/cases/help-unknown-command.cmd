nosuch --help
