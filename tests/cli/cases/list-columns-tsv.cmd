list funding --columns announced,id,amount_low --sort announced --limit 3
