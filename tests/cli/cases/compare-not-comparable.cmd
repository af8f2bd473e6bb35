compare XTA fixture-news
