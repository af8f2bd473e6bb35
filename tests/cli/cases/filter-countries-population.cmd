list countries --filter 'population>=50000000 -id:XTU'
