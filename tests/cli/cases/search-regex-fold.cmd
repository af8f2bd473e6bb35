search --regex-fold 'union de test \(agregat'
