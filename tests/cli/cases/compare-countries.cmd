compare XTA XTB
