search --regex-fold 'ÉTATS|Agrégat'
