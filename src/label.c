/* The words and dates of the data as people read them, in the reader's
 * language. */
#include "config.h"
#include "label.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lang.h"
#include "number.h"
#include "xmalloc.h"

/* Every word of the data's closed lists (data/schema.sql's CHECKs): the
 * kinds of sources, blocs, actors, funding and events, roles, sectors,
 * natures, domains, statuses, measures, bounds, stances, confidences and
 * ranks; the record kinds and their lists' names (actors); and the units
 * of figures that are words (chips, people). A word in two lists (state, fund) reads the same in both. */
static const char *const label_words[] = {
	NC_("data", "source"), NC_("data", "country"), NC_("data", "bloc"),
	NC_("data", "actor"), NC_("data", "event"), NC_("data", "figure"),
	NC_("data", "news"), NC_("data", "press_release"), NC_("data", "official"),
	NC_("data", "report"), NC_("data", "dataset"), NC_("data", "opinion"),
	NC_("data", "union"), NC_("data", "state"), NC_("data", "alliance"),
	NC_("data", "coalition"), NC_("data", "region"),
	NC_("data", "member"), NC_("data", "founder"), NC_("data", "observer"),
	NC_("data", "partner"), NC_("data", "signatory"),
	NC_("data", "company"), NC_("data", "public_body"), NC_("data", "fund"),
	NC_("data", "person"), NC_("data", "infrastructure"), NC_("data", "supercomputer"),
	NC_("data", "data_centre"), NC_("data", "model"), NC_("data", "regulation"),
	NC_("data", "initiative"),
	NC_("data", "private"), NC_("data", "public"), NC_("data", "public_private"),
	NC_("data", "academic"), NC_("data", "nonprofit"),
	NC_("data", "equity_round"), NC_("data", "public_programme"),
	NC_("data", "private_commitment"), NC_("data", "sovereign_investment"),
	NC_("data", "loan"), NC_("data", "grant"),
	NC_("data", "mixed"),
	NC_("data", "ai"), NC_("data", "compute"), NC_("data", "semiconductors"),
	NC_("data", "general"),
	NC_("data", "announced"), NC_("data", "committed"), NC_("data", "disbursed"),
	NC_("data", "revised"), NC_("data", "cancelled"),
	NC_("data", "confirmed"), NC_("data", "likely"), NC_("data", "speculative"),
	NC_("data", "lead"), NC_("data", "investor"), NC_("data", "sponsor"),
	NC_("data", "recipient"), NC_("data", "operator"),
	NC_("data", "announcement"), NC_("data", "summit"), NC_("data", "funding"),
	NC_("data", "launch"), NC_("data", "policy"), NC_("data", "tender"),
	NC_("data", "statement"),
	NC_("data", "host"), NC_("data", "announcer"), NC_("data", "participant"),
	NC_("data", "subject"), NC_("data", "speaker"),
	NC_("data", "capacity"), NC_("data", "chips"), NC_("data", "share"),
	NC_("data", "participants"), NC_("data", "revenue"), NC_("data", "parameters"),
	NC_("data", "sites"), NC_("data", "countries"), NC_("data", "jobs"),
	NC_("data", "other"),
	NC_("data", "at_least"), NC_("data", "at_most"), NC_("data", "about"),
	NC_("data", "supports"), NC_("data", "contradicts"), NC_("data", "context"),
	NC_("data", "preferred"), NC_("data", "normal"), NC_("data", "deprecated"),
	NC_("data", "count"), NC_("data", "people"), NC_("data", "ratio"), NC_("data", "years"),
	NC_("data", "actors"), NC_("data", "events"), NC_("data", "blocs"),
	NC_("data", "sources"), NC_("data", "figures"),
	NULL
};

#define LABEL_NWORDS (sizeof label_words / sizeof label_words[0] - 1)

/* The fields of the records (data/schema.sql's columns) as people read
 * them in French; in English, their names. */
static const char *const label_fields[] = {
	NC_("field", "id"), NC_("field", "iso3"), NC_("field", "name"), NC_("field", "name_en"),
	NC_("field", "name_fr"), NC_("field", "title"), NC_("field", "title_en"),
	NC_("field", "title_fr"), NC_("field", "label_en"), NC_("field", "label_fr"),
	NC_("field", "summary_en"), NC_("field", "summary_fr"), NC_("field", "note_en"),
	NC_("field", "note_fr"), NC_("field", "publisher"), NC_("field", "author"),
	NC_("field", "published_on"), NC_("field", "url"), NC_("field", "lang"),
	NC_("field", "kind"), NC_("field", "population"), NC_("field", "gdp_usd"),
	NC_("field", "stats_year"), NC_("field", "source_id"), NC_("field", "gdp_source_id"),
	NC_("field", "stats_iso3"), NC_("field", "country"), NC_("field", "bloc_id"),
	NC_("field", "sector"), NC_("field", "parent_id"), NC_("field", "founded_on"),
	NC_("field", "place"), NC_("field", "region"), NC_("field", "round"),
	NC_("field", "nature"), NC_("field", "domain"), NC_("field", "status"),
	NC_("field", "currency"), NC_("field", "amount"), NC_("field", "amount_low"),
	NC_("field", "amount_high"), NC_("field", "valuation_post"),
	NC_("field", "announced_on"), NC_("field", "horizon_end"),
	NC_("field", "recipient_id"), NC_("field", "confidence"), NC_("field", "date"),
	NC_("field", "end_date"), NC_("field", "funding_id"), NC_("field", "subject_id"),
	NC_("field", "measure"), NC_("field", "value"), NC_("field", "value_low"),
	NC_("field", "value_high"), NC_("field", "unit"), NC_("field", "bound"),
	NC_("field", "as_of"), NC_("field", "target_date"),
	NULL
};

/* The translation of word in context in the messages' language, or word
 * itself (C_ with a context known only at run time). */
static const char *
label_translate_in(const char *context, const char *word)
{
#ifdef ENABLE_NLS
	char key[64];
	const char *t;

	size_t n = strlen(context);

	if (n + strlen(word) + 2 > sizeof key)
		return word;
	memcpy(key, context, n);
	key[n] = '\004';
	strcpy(key + n + 1, word);
	t = gettext(key);
	return t == key ? word : t;
#else
	(void)context;
	return word;
#endif
}

/* The translation of word in context "data". */
static const char *
label_translate(const char *word)
{
	return label_translate_in("data", word);
}

/* The index of word in the table, or -1. */
static int
label_index(const char *word)
{
	size_t i;

	for (i = 0; i < LABEL_NWORDS; i++) {
		if (strcmp(label_words[i], word) == 0)
			return (int)i;
	}
	return -1;
}

/* Whether a field takes its words from a closed list (see label.h). */
int
label_word_field(const char *name)
{
	static const char *const fields[] = { "kind", "status", "nature", "domain", "role",
	    "confidence", "sector", "measure", "stance", "bound", NULL };
	int i;

	for (i = 0; fields[i] != NULL; i++) {
		if (strcmp(name, fields[i]) == 0)
			return 1;
	}
	return 0;
}

/* The label of a data word. */
const char *
label_of(const char *word)
{
	return lang_fr() && label_index(word) >= 0 ? label_translate(word) : word;
}

/* The label of a record's field. */
const char *
label_field(const char *name)
{
	size_t i;

	for (i = 0; lang_fr() && label_fields[i] != NULL; i++) {
		if (strcmp(label_fields[i], name) == 0)
			return label_translate_in("field", name);
	}
	return name;
}

/* The next character of s folded for comparison (ASCII letters in lower
 * case, Latin-1 letters without their accents, '_' as a space); s moves
 * past it. */
static int
label_fold(const char **s)
{
	/* U+00C0 to U+00FF, each as its letter without accent. */
	static const char latin1[] =
	    "aaaaaaaceeeeiiiidnooooo*ouuuuyts" "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
	unsigned char c = (unsigned char)**s;

	if (c == 0xc3 && (unsigned char)(*s)[1] >= 0x80 && (unsigned char)(*s)[1] <= 0xbf) {
		c = (unsigned char)latin1[(unsigned char)(*s)[1] - 0x80];
		*s += 2;
		return c;
	}
	(*s)++;
	if (c == '_')
		return ' ';
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Whether a and b are the same words, folded. */
static int
label_same(const char *a, const char *b)
{
	int ca, cb;

	do {
		ca = label_fold(&a);
		cb = label_fold(&b);
	} while (ca == cb && ca != 0);
	return ca == cb;
}

/* The French labels, looked up once with French messages for a moment
 * (under the C locale gettext stays in English: the words then). */
static const char *const *
label_french(void)
{
	static char *fr[LABEL_NWORDS];
	static int done;
	char *saved;
	const char *was;
	size_t i;

	if (done)
		return (const char *const *)fr;
	was = getenv("LANGUAGE");
	saved = was != NULL ? xstrdup(was) : NULL;
	lang_messages("fr");
	for (i = 0; i < LABEL_NWORDS; i++)
		fr[i] = xstrdup(label_translate(label_words[i]));
	lang_messages(saved);
	free(saved);
	done = 1;
	return (const char *const *)fr;
}

/* The data word that value names. */
const char *
label_word(const char *value)
{
	const char *const *fr = label_french();
	size_t i;

	for (i = 0; i < LABEL_NWORDS; i++) {
		if (label_same(value, label_words[i]) || label_same(value, fr[i]) ||
		    label_same(value, label_translate(label_words[i])))
			return label_words[i];
	}
	return NULL;
}

/* SQL label(word). */
static void
label_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *word = (const char *)sqlite3_value_text(argv[0]);

	(void)argc;
	if (word == NULL)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_text(ctx, label_of(word), -1, SQLITE_TRANSIENT);
}

/* SQL date_text(iso). */
static void
label_date_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *iso = (const char *)sqlite3_value_text(argv[0]);
	char buf[64];

	(void)argc;
	if (iso == NULL)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_text(ctx, number_date(iso, buf, sizeof buf), -1, SQLITE_TRANSIENT);
}

/* The words the data's SQL puts around a value ("since 2020"): the key the
 * SQL names, and the words with %s for the value. */
static const struct label_phrase {
	const char	*key;
	const char	*words;
} label_phrases[] = {
	/* TRANSLATORS: a member of a bloc since a date: "member since 1 Jan 1993". */
	{ "since", N_("since %s") },
	/* TRANSLATORS: a member of a bloc until a date: "member until 31 Jan 2020". */
	{ "until", N_("until %s") },
	/* TRANSLATORS: a figure's target date: "100k chips by 2027". */
	{ "by", N_("by %s") },
	/* TRANSLATORS: the whole amount of a funding item after a party's share. */
	{ "total", N_("total %s") },
	{ NULL, NULL }
};

/* The words of phrase key around value in the language of the data. */
char *
label_phrase(const char *key, const char *value)
{
	const struct label_phrase *p;
	const char *words, *at;

	for (p = label_phrases; p->key != NULL; p++) {
		if (strcmp(p->key, key) != 0)
			continue;
		/* The value where the words have their %s. */
		words = lang_fr() ? _(p->words) : p->words;
		if ((at = strstr(words, "%s")) == NULL)
			return xstrdup(words);
		return xasprintf("%.*s%s%s", (int)(at - words), words, value, at + 2);
	}
	return xstrdup(value);
}

/* SQL phrase(key, value). */
static void
label_phrase_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *key = (const char *)sqlite3_value_text(argv[0]);
	const char *value = (const char *)sqlite3_value_text(argv[1]);

	(void)argc;
	if (key == NULL || value == NULL)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_text(ctx, label_phrase(key, value), -1, free);
}

/* Register label(), date_text() and phrase(); not deterministic: the
 * language may change while the program runs (:lang). */
void
label_register(sqlite3 *db)
{
	sqlite3_create_function(db, "label", 1, SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, label_sql,
	    NULL, NULL);
	sqlite3_create_function(db, "date_text", 1, SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL,
	    label_date_sql, NULL, NULL);
	sqlite3_create_function(db, "phrase", 2, SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL,
	    label_phrase_sql, NULL, NULL);
}
