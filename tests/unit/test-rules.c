/* Unit tests of the schema's rules as people read them: every rule that
 * data/schema.sql names has its sentence, so none reaches a reader in the
 * schema's own words only. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "rules.h"
#include "tap.h"
#include "xmalloc.h"

/* Check each CONSTRAINT "field: rule" of the schema's text; the number of
 * rules found. */
static int
check_schema_rules(void)
{
	char *text = xstrndup((const char *)schema_sql, schema_sql_size), *p = text, *end, *said;
	const char *colon;
	int found = 0;

	while ((p = strstr(p, "CONSTRAINT \"")) != NULL) {
		p += strlen("CONSTRAINT \"");
		if ((end = strchr(p, '"')) == NULL)
			break;
		*end = '\0';
		colon = strstr(p, ": ");
		said = colon != NULL ? rules_text(colon + 2) : NULL;
		ok(said != NULL, "the rule of \"%s\" has its sentence", p);
		free(said);
		found++;
		p = end + 1;
	}
	free(text);
	return found;
}

int
main(void)
{
	char *got;

	ok(check_schema_rules() > 50, "the schema's rules are found");

	got = rules_explain("kind: one of company, state");
	is_str(got, "kind: one of company, state", "a list of values, in English");
	free(got);
	got = rules_explain("end_date: a date YYYY, YYYY-MM or YYYY-MM-DD, not before date");
	is_str(got, "end_date: a date YYYY, YYYY-MM or YYYY-MM-DD, not before date",
	    "a rule that names a field, in English");
	free(got);
	got = rules_explain("colour: a shade of blue");
	is_str(got, "colour: a shade of blue", "a rule the schema does not have, as it is");
	free(got);
	got = rules_explain("no field named");
	is_str(got, "no field named", "a name without a field, as it is");
	free(got);
	done_testing();
	return exit_status();
}
