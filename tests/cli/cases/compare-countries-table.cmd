compare XTA XTB --format table
