search --regex '(?i)^gamma' --kind actors --format tsv
