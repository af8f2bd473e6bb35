list funding --filter 'amount>=1,5Md amount<"10,5 Md€"' --format table
