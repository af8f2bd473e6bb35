# The benchmark's records: n actors, funding and events (4:3:3) as CSV
# files of the dataset's columns, in dir, the same on every machine and
# every awk (its own random numbers). Their text reads like the dataset's:
# accented names, an English and a French summary of 100 to 300
# characters each, words drawn with Zipf-like frequencies, so that a
# common word ("data", "données") is in hundreds of thousands of records
# at a million and a rare one in a few dozen (a few hundred at a million).
# dir/words then names a common, a rare and a one-letter word to search
# for.
# Usage: LC_ALL=C awk -v n=RECORDS -v dir=DIR -f gen.awk (lengths in bytes)
# A change to what this writes must change the version below: cached
# databases are keyed by it.
BEGIN {
	version = 1
	seed = 20260101
	split("the of and in to a for on with by as its from at that is was " \
	    "data compute model cloud sovereign investment public private " \
	    "european national research infrastructure training chips energy " \
	    "centre network platform open language capacity government fund " \
	    "startup programme strategy supercomputer gpu inference security " \
	    "partnership regulation billion million euros dollars announced " \
	    "plan campus startups talent university laboratory industrial " \
	    "digital sovereignty semiconductors foundry cluster exascale " \
	    "agreement consortium pledge budget tender operator hosting " \
	    "storage fibre cooling power grid nuclear renewable site region " \
	    "city state france germany europe america asia africa minister " \
	    "president commission parliament act law summit launch series " \
	    "round valuation growth venture seed equity loan grant bank " \
	    "export import supply chain design lithography memory quantum " \
	    "robotics health defence space mobility finance education " \
	    "agriculture climate weather science physics biology medicine",
	    en, " ")
	split("de la le les des et en du un une pour dans sur par au aux " \
	    "données calcul modèle nuage souverain investissement public " \
	    "privé européen national recherche infrastructure entraînement " \
	    "puces énergie centre réseau plateforme ouvert langue capacité " \
	    "gouvernement fonds jeune pousse programme stratégie " \
	    "supercalculateur processeur inférence sécurité partenariat " \
	    "réglementation milliard millions euros dollars annoncé plan " \
	    "campus talents université laboratoire industriel numérique " \
	    "souveraineté semiconducteurs fonderie grappe exaflopique accord " \
	    "consortium engagement budget appel offres opérateur hébergement " \
	    "stockage fibre refroidissement électricité nucléaire " \
	    "renouvelable région ville état allemagne europe amérique asie " \
	    "afrique ministre président commission parlement loi sommet " \
	    "lancement série tour valorisation croissance capital amorçage " \
	    "prêt subvention banque exportation chaîne conception mémoire " \
	    "quantique robotique santé défense espace mobilité finance " \
	    "éducation agriculture climat météo sciences physique biologie " \
	    "médecine", fr, " ")
	nen = 0; for (i in en) nen++
	nfr = 0; for (i in fr) nfr++
	# The long tail: made-up words, place and company names, accented.
	nsyl = split("zu an ri ka lo mé vi dra sen tor bel ø ly cé ná gu " \
	    "pol rin ha ké vo strø mar ji lé su tal ño ber gi ça wen ko " \
	    "dü fa ré nu sko ia pe łó", syl, " ")
	ntail = 30000
	nwords = ntail + nen
	lognw = log(nwords)
	split("SA|SAS|GmbH|Labs|AI|Compute|Cloud|Institut|Systems|Technologies|" \
	    "Data|Foundation|Capital|Partners|Research|Ventures", suffix, "|")
	split("company state public_body fund person infrastructure " \
	    "supercomputer data_centre model regulation initiative", akind, " ")
	split("private public public_private academic nonprofit", sector, " ")
	split("equity_round public_programme private_commitment " \
	    "sovereign_investment fund loan grant", fkind, " ")
	split("public private mixed", nature, " ")
	split("ai compute semiconductors general", domain, " ")
	split("announced committed disbursed revised cancelled", status, " ")
	split("announcement summit regulation funding launch policy tender " \
	    "statement", ekind, " ")
	split("XTA XTB XTU", country, " ")
	split("Seed|Series A|Series B|Series C|Series D", round, "|")

	na = int(n * 4 / 10); nf = int(n * 3 / 10); ne = n - na - nf
	actors = dir "/actors.csv"; funding = dir "/funding.csv"; events = dir "/events.csv"
	print "id,name,name_fr,kind,country,bloc_id,sector,parent_id,founded_on," \
	    "summary_en,summary_fr,place,region,sources" >actors
	for (i = 1; i <= na; i++) {
		name = gen_name()
		k = akind[pick(11)]
		printf "g-a-%d,%s,%s,%s,%s,,%s,%s,%s,\"%s\",\"%s\",%s,,fixture-news\n",
		    i, name, name, k, (rnd() < 0.8 ? country[pick(3)] : ""),
		    (rnd() < 0.9 ? sector[pick(5)] : ""),
		    (i > 1 && rnd() < 0.1 ? "g-a-" (1 + int(rnd() * (i - 1))) : ""),
		    gen_date(1950, 2025), text(en, nen, 100, 300), text(fr, nfr, 100, 300),
		    (k == "data_centre" || k == "supercomputer" ? name_word() : "") >actors
	}
	print "id,title_en,title_fr,kind,round,nature,domain,status,currency," \
	    "amount,amount_low,amount_high,valuation_post,announced_on,horizon_end," \
	    "country,recipient_id,parent_id,bloc_id,summary_en,summary_fr,sources" >funding
	for (i = 1; i <= nf; i++) {
		date = gen_date(2015, 2025)
		year = substr(date, 1, 4) + 0
		k = fkind[pick(7)]
		amount = (rnd() < 0.9 ? sprintf("%.0f", exp(11 + rnd() * 13)) : "")
		printf "g-f-%d,\"%s\",\"%s\",%s,%s,%s,%s,%s,%s,%s,,,,%s,%s,%s,%s,,,\"%s\",\"%s\",fixture-news\n",
		    i, cap(text(en, nen, 30, 80)), cap(text(fr, nfr, 30, 80)), k,
		    (k == "equity_round" ? round[pick(5)] : ""),
		    gen_nature(k), domain[pick(4)], status[pick(5)],
		    (amount == "" ? "" : year >= 2024 && rnd() < 0.3 ? "USD" : "EUR"), amount,
		    date, (rnd() < 0.3 ? year + pick(10) : ""), (rnd() < 0.8 ? country[pick(3)] : ""),
		    (rnd() < 0.5 && na > 0 ? "g-a-" pick(na) : ""),
		    text(en, nen, 100, 300), text(fr, nfr, 100, 300) >funding
	}
	print "id,date,end_date,kind,title_en,title_fr,summary_en,summary_fr,country," \
	    "funding_id,sources" >events
	for (i = 1; i <= ne; i++) {
		printf "g-e-%d,%s,,%s,\"%s\",\"%s\",\"%s\",\"%s\",%s,%s,fixture-news\n",
		    i, gen_date(2000, 2025), ekind[pick(8)],
		    cap(text(en, nen, 30, 80)), cap(text(fr, nfr, 30, 80)),
		    text(en, nen, 100, 300), text(fr, nfr, 100, 300),
		    (rnd() < 0.8 ? country[pick(3)] : ""),
		    (rnd() < 0.2 && nf > 0 ? "g-f-" pick(nf) : "") >events
	}
	# A rare word: a made-up one written 20 to 60 times in all, else (at
	# a million, where each is written more often) the least written.
	rare = ""
	for (w in count) {
		c = count[w] <= 60 ? 0 : count[w]
		if (count[w] >= 20 && (rare == "" || c < rc || c == rc && w < rare)) {
			rare = w
			rc = c
		}
	}
	printf "common data\nrare %s\nletter d\n", rare >(dir "/words")
}

# A number in [0, 1): Park and Miller's generator, exact in any awk.
function rnd() {
	seed = (seed * 16807) % 2147483647
	return seed / 2147483647
}

# A number from 1 to m.
function pick(m) {
	return 1 + int(rnd() * m)
}

# Word r of the long tail, made of syllables: r read in base nsyl.
function tail_word(r,    w) {
	w = ""
	do {
		w = w syl[1 + r % nsyl]
		r = int(r / nsyl)
	} while (r > 0)
	return w
}

# A word of the list l (nl long) or the tail, rank drawn as Zipf's law
# would: rank r with a likelihood about 1/r.
function word(l, nl,    r, w) {
	r = int(exp(rnd() * lognw))
	w = r <= nl ? l[r] : tail_word(r - nl + 1)
	if (r > nl)
		count[w]++
	return w
}

# Words of l, lo to hi characters in all, the length drawn between them.
function text(l, nl, lo, hi,    t, len) {
	len = lo + int(rnd() * (hi - lo - 10))
	t = cap(word(l, nl))
	while (length(t) < len)
		t = t " " word(l, nl)
	return t "."
}

# s with its first letter in capitals (an ASCII letter; others stay).
function cap(s) {
	return toupper(substr(s, 1, 1)) substr(s, 2)
}

# A word of the tail drawn evenly, capitalised, for a name.
function name_word() {
	return cap(tail_word(pick(ntail)))
}

# A company's name: one or two made-up words and a suffix.
function gen_name(    s) {
	s = name_word()
	if (rnd() < 0.4)
		s = s " " name_word()
	return s " " suffix[pick(16)]
}

# Whose money a funding of kind k is, as the checks allow: a sovereign
# investment is public, a public programme not private, a private
# commitment not public.
function gen_nature(k,    v) {
	if (k == "sovereign_investment")
		return "public"
	v = nature[pick(3)]
	if (k == "public_programme" && v == "private" || k == "private_commitment" && v == "public")
		return "mixed"
	return v
}

# A date from year lo to hi: a year, a month or a day.
function gen_date(lo, hi,    y, p) {
	y = lo + int(rnd() * (hi - lo + 1))
	p = rnd()
	if (p < 0.2)
		return y
	if (p < 0.4)
		return sprintf("%d-%02d", y, pick(12))
	return sprintf("%d-%02d-%02d", y, pick(12), pick(28))
}
