list funding --filter 'plan and'
