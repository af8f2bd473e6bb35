search 'a" OR * NEAR(' --format tsv
