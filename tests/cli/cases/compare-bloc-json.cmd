compare test-union XTB --format json
