timeline --columns date,title,nope
