timeline --filter 'blok:x'
