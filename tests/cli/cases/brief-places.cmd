brief XTA TU test-union --lang fr --format txt
