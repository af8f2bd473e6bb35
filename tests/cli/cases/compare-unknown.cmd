compare XTA nothing
