show ev-2025-02-10-test-summit --lang fr --format table
