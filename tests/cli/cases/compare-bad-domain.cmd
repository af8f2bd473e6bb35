compare XTA XTB --domain ai,chips
