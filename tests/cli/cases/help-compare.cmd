compare -h
