sql 'SELEC 1'
