search alpha --columns name,id
