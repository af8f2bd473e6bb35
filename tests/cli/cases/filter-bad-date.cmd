list funding --filter 'date>=2025-2'
