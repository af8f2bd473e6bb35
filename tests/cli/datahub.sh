# Sourced by the tests of search over many matches, after tests/cli/lib.sh:
# $scratch/many.db, the fixture with 300 actors whose summary holds
# "datahub", listed first, then 3 whose name holds it (the index meets
# the names last): hub-exact "Datahub", hub-first "Datahub Works",
# hub-inner "Quiet Datahub".
cp -R "$top_srcdir/tests/fixtures" "$scratch/data"
chmod -R u+w "$scratch/data"
awk 'BEGIN {
	for (i = 1; i <= 300; i++)
		printf "filler-%03d,Filler %03d,Remplissage %03d,company,XTA,,private,,,"\
		    "A company that uses the datahub.,Une entreprise.,,,fixture-news\n", i, i, i
	print "hub-exact,Datahub,Datahub,company,XTA,,private,,,A company.,Une entreprise.,,,fixture-news"
	print "hub-first,Datahub Works,Datahub Works,company,XTA,,private,,,A company.,Une entreprise.,,,fixture-news"
	print "hub-inner,Quiet Datahub,Quiet Datahub,company,XTA,,private,,,A company.,Une entreprise.,,,fixture-news"
}' >>"$scratch/data/actors.csv"
"$MKDB" -o "$scratch/many.db" "$scratch/data" >"$scratch/mkdb.out" 2>&1
ok $? "a database with 303 matches of 'datahub' builds"
