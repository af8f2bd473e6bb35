compare XTA
