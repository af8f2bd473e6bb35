compare XTA test-union --domain all --format csv
