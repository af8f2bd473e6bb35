search --regex '(\w+\s?)+$'
