compare XTA XTB --from soon
