search --regex 'union de test \(agregat'
