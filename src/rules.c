/* The rules of the schema in the reader's language: what a row that
 * breaks one is told (load.c), each rule as data/schema.sql words it. */
#include "config.h"
#include "rules.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xmalloc.h"

/* The rules, as the schema words them after "field: ". tests/unit/
 * test-rules.c checks that every rule of the schema is here or in
 * rules_open. */
static const char *const rules_whole[] = {
	N_("not empty"),
	N_("lowercase letters, digits and hyphens"),
	N_("a date YYYY, YYYY-MM or YYYY-MM-DD"),
	N_("a date YYYY, YYYY-MM or YYYY-MM-DD for a date field"),
	N_("a number above zero"),
	N_("a whole number above zero"),
	N_("a two-letter ISO 639-1 code in lowercase"),
	N_("an http:// or https:// address"),
	N_("three capital letters (ISO 3166-1 alpha-3)"),
	N_("three capital letters (ISO 4217)"),
	N_("three capital letters (ISO 4217), required with amount"),
	N_("three capital letters (ISO 4217), required with any amount"),
	N_("a year, required with population or gdp_usd"),
	N_("a year between 1999 and 2100"),
	N_("required with population or gdp_usd"),
	N_("only with gdp_usd"),
	N_("not the actor itself"),
	N_("not the funding itself"),
	N_("a number above zero, within amount_low..amount_high when both are given"),
	N_("a number above zero, given with amount_high"),
	N_("a number not below amount_low, given with amount_low"),
	N_("a number, within value_low..value_high when both are given"),
	N_("a number, given with value_high"),
	N_("a number not below value_low, given with value_low"),
	N_("give value or value_low and value_high"),
	N_("a value or a range (value_low and value_high)"),
	N_("* or a column name"),
	N_("a column name"),

	NULL
};

/* The rules that end with words of the schema's own, kept as they are (a
 * list of values, a field): how they start, and how they read. */
static const struct rules_open {
	const char	*start;
	const char	*text;
} rules_open[] = {
	{ "one of ", N_("one of %s") },
	{ "a date YYYY, YYYY-MM or YYYY-MM-DD, not before ",
	  N_("a date YYYY, YYYY-MM or YYYY-MM-DD, not before %s") },
	{ NULL, NULL }
};

/* A rule of the schema as the reader reads it (see rules.h). The formats
 * of rules_open are constants, each a "%s" and words (msgfmt -c checks
 * their translations), which the compiler cannot see through the table. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
char *
rules_text(const char *rule)
{
	const struct rules_open *o;
	const char *const *w;

	for (w = rules_whole; *w != NULL; w++) {
		if (strcmp(rule, *w) == 0)
			return xstrdup(_(*w));
	}
	for (o = rules_open; o->start != NULL; o++) {
		if (strncmp(rule, o->start, strlen(o->start)) == 0)
			return xasprintf(_(o->text), rule + strlen(o->start));
	}
	return NULL;
}
#pragma GCC diagnostic pop

/* A broken rule in the reader's language (see rules.h). */
char *
rules_explain(const char *name)
{
	const char *colon = strstr(name, ": ");
	char *field, *text, *said;

	if (colon == NULL || (text = rules_text(colon + 2)) == NULL)
		return xstrdup(name);
	field = xstrndup(name, (size_t)(colon - name));
	said = xasprintf(_("%s: %s"), field, text);
	free(field);
	free(text);
	return said;
}
