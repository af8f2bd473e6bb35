compare test-states XTB test-union --format table
