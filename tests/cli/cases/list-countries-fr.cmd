list countries --lang fr --format table
