/* aiatlas show: one record, its related records and its sources. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "i18n.h"
#include "record.h"
#include "text.h"
#include "xmalloc.h"

/* Where show writes: the format and, for csv/tsv, a four-column table. */
struct show {
	struct cli	*cli;
	struct output	*rows;		/* csv, tsv */
	int		 items;		/* items written in the current JSON array */
	int		 disagree;	/* a source contradicts the record */
};

/* printf, except that for the table the text is written as the terminal
 * shows it (transliterated outside UTF-8, no control characters). */
static void __attribute__((format(printf, 2, 3)))
show_printf(const struct show *s, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	if (s->cli->format != OUTPUT_TABLE)
		vprintf(fmt, ap);
	else {
		text = xvasprintf(fmt, ap);
		text_print(stdout, text);
		free(text);
	}
	va_end(ap);
}

/* Start a section: a heading for people, an array for JSON. */
static void
show_section(struct show *s, const char *key, const char *heading)
{
	switch (s->cli->format) {
	case OUTPUT_TABLE:
		printf("\n%s", s->cli->color ? "\033[1m" : "");
		show_printf(s, "%s", heading);
		printf("%s\n", s->cli->color ? "\033[0m" : "");
		break;
	case OUTPUT_MD:
		printf("\n## %s\n\n", heading);
		break;
	case OUTPUT_JSON:
		printf(",\n\"%s\": [", key);
		s->items = 0;
		break;
	default:
		break;
	}
}

/* End a section. */
static void
show_section_end(struct show *s)
{
	if (s->cli->format == OUTPUT_JSON)
		printf("%s]", s->items > 0 ? "\n" : "");
}

/* Write one row of the csv/tsv table. */
static void
show_row(struct show *s, const char *section, const char *key, const char *value,
    const char *detail)
{
	struct output_value v[4] = {
		{ SQLITE_TEXT, section }, { key ? SQLITE_TEXT : SQLITE_NULL, key },
		{ value ? SQLITE_TEXT : SQLITE_NULL, value },
		{ detail ? SQLITE_TEXT : SQLITE_NULL, detail }
	};

	output_row(s->rows, v);
}

/* Write text from column indent on, wrapped at words to the terminal's
 * width (no wrapping when it has none). */
static void
show_wrapped(const struct show *s, const char *text, int indent, int width)
{
	const char *p = text;
	char *word;
	size_t n;
	int col = indent, w;

	while (*p != '\0') {
		n = strcspn(p, " ");
		word = xstrndup(p, n);
		w = text_width(word);
		if (col > indent && width > 0 && col + 1 + w > width) {
			printf("\n%*s", indent, "");
			col = indent;
		} else if (col > indent) {
			putchar(' ');
			col++;
		}
		show_printf(s, "%s", word);
		col += w;
		free(word);
		p += n;
		p += strspn(p, " ");
	}
}

/* The claims on a record as JSON, raw: ?1 is the record, ?2 the language. */
static const char show_claims_sql[] =
	"SELECT c.field, c.value, c.value_low, c.value_high, c.end_value, c.rank, c.source_id,"
	" coalesce(s.publisher, s.title), s.published_on, c.locator,"
	" CASE ?2 WHEN 'fr' THEN c.note_fr ELSE c.note_en END,"
	" EXISTS (SELECT 1 FROM disputed AS d WHERE d.subject_id = c.subject_id"
	"  AND d.field = c.field)"
	" FROM claim AS c JOIN source AS s ON s.id = c.source_id WHERE c.subject_id = ?1"
	" ORDER BY c.field, CASE c.rank WHEN 'preferred' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END,"
	" s.published_on, s.id";

/* Write the claims array of the JSON output: every value a source gives
 * for a field of the record, as stored. */
static int
show_claims_json(struct show *s, const char *id)
{
	static const char *const keys[] = {
		"field", "value", "value_low", "value_high", "end_value", "rank", "source_id",
		"source", "source_date", "locator", "note", "disputed"
	};
	sqlite3_stmt *stmt;
	int j;

	if (sqlite3_prepare_v2(s->cli->db, show_claims_sql, -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, s->cli->lang, -1, SQLITE_STATIC);
	show_section(s, "claims", NULL);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		printf("%s\n{", s->items++ > 0 ? "," : "");
		for (j = 0; j < 12; j++) {
			printf("%s\"%s\": ", j > 0 ? ", " : "", keys[j]);
			if (j == 11)
				printf("%s", sqlite3_column_int(stmt, j) ? "true" : "false");
			else if (sqlite3_column_type(stmt, j) == SQLITE_NULL)
				printf("null");
			else if (sqlite3_column_type(stmt, j) == SQLITE_FLOAT)
				printf("%s", sqlite3_column_text(stmt, j));
			else
				output_json_string(stdout, (const char *)sqlite3_column_text(stmt, j));
		}
		printf("}");
	}
	show_section_end(s);
	sqlite3_finalize(stmt);
	return 0;
}

/* Write the claims of a disputed field under its line: the marker and what
 * each source says, the preferred value first; those shown wrong after. */
static void
show_claims_under(struct show *s, const struct record_claim *claims, int n,
    const char *field)
{
	char *line, *text;
	int deprecated;

	for (deprecated = 0; deprecated <= 1; deprecated++) {
		if ((line = record_claims_line(claims, n, field, deprecated, " · ")) == NULL)
			continue;
		text = deprecated ? xasprintf(_("shown wrong: %s"), line) : xasprintf("⚑ %s", line);
		if (s->cli->format == OUTPUT_MD) {
			printf("  - ");
			output_md_cell(stdout, text);
			printf("\n");
		} else {
			printf("%*s", deprecated ? 25 : 23, "");
			show_wrapped(s, text, deprecated ? 25 : 23, s->cli->width);
			printf("\n");
		}
		free(text);
		free(line);
	}
}

/* Write the claims as csv/tsv rows: section claim, the field, the value as
 * people read it, and its rank, source, locator and note. */
static void
show_claims_rows(struct show *s, const struct record_claim *claims, int n)
{
	char *detail;
	int i;

	for (i = 0; i < n; i++) {
		detail = xasprintf("%s · %s (%s%s%s)%s%s%s%s", claims[i].rank, claims[i].source_id,
		    claims[i].source, claims[i].date != NULL ? ", " : "",
		    claims[i].date != NULL ? claims[i].date : "",
		    claims[i].locator != NULL ? " · " : "",
		    claims[i].locator != NULL ? claims[i].locator : "",
		    claims[i].note != NULL ? " · " : "", claims[i].note != NULL ? claims[i].note : "");
		show_row(s, "claim", claims[i].field, claims[i].value, detail);
		free(detail);
	}
}

/* Write the record's own fields, a disputed one with its claims. */
static int
show_fields(struct show *s, const char *kind, const char *id)
{
	struct record_fields f;
	struct record_claim *claims;
	const char *name, *value, *field, *shown = NULL;
	char *text;
	int i, type, nclaims;

	if (record_fields_open(s->cli->db, kind, id, &f) != 0)
		return -1;
	nclaims = record_claims(s->cli->db, id, s->cli->lang, f.currency, f.unit, &claims);
	if (s->cli->format == OUTPUT_JSON)
		printf("{\"id\": "), output_json_string(stdout, id),
		printf(", \"kind\": \"%s\",\n\"record\": {", kind);
	for (i = 0; i < f.n; i++) {
		name = sqlite3_column_name(f.stmt, i);
		type = sqlite3_column_type(f.stmt, i);
		value = (const char *)sqlite3_column_text(f.stmt, i);
		switch (s->cli->format) {
		case OUTPUT_JSON:
			printf("%s", i > 0 ? ", " : "");
			output_json_string(stdout, name);
			printf(": ");
			if (type == SQLITE_NULL)
				printf("null");
			else if (type == SQLITE_TEXT)
				output_json_string(stdout, value);
			else
				printf("%s", value);
			break;
		case OUTPUT_CSV:
		case OUTPUT_TSV:
			show_row(s, "record", name, value, NULL);
			break;
		case OUTPUT_TABLE:
		case OUTPUT_MD:
			if ((text = record_field_text(&f, i)) == NULL)
				break;
			/* A range's claims come once, under its first end shown. */
			if ((field = record_claims_field(name, claims, nclaims)) != NULL &&
			    shown != NULL && strcmp(shown, field) == 0)
				field = NULL;
			printf(s->cli->format == OUTPUT_MD ? "- **%s**: " : "  %-20s ", name);
			if (s->cli->format == OUTPUT_MD)
				output_md_cell(stdout, text);
			else
				show_wrapped(s, text, 23, s->cli->width);
			if (field != NULL)
				show_printf(s, "  ⚑");
			printf("\n");
			if (field != NULL)
				show_claims_under(s, claims, nclaims, shown = field);
			free(text);
			break;
		}
	}
	if (s->cli->format == OUTPUT_JSON)
		printf("}");
	if (s->cli->format == OUTPUT_CSV || s->cli->format == OUTPUT_TSV)
		show_claims_rows(s, claims, nclaims);
	record_claims_free(claims, nclaims);
	record_fields_close(&f);
	if (s->cli->format == OUTPUT_JSON && show_claims_json(s, id) != 0)
		return -1;
	return 0;
}

/* Write the record's aliases on one line. */
static void
show_aliases(struct show *s, const char *id)
{
	sqlite3_stmt *stmt;
	const char *alias;
	int n = 0;

	if (sqlite3_prepare_v2(s->cli->db, "SELECT alias FROM alias WHERE subject_id = ?1"
	    " ORDER BY alias", -1, &stmt, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	if (s->cli->format == OUTPUT_JSON)
		printf(",\n\"aliases\": [");
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		alias = (const char *)sqlite3_column_text(stmt, 0);
		switch (s->cli->format) {
		case OUTPUT_JSON:
			printf("%s", n > 0 ? ", " : "");
			output_json_string(stdout, alias);
			break;
		case OUTPUT_CSV:
		case OUTPUT_TSV:
			show_row(s, "alias", NULL, alias, NULL);
			break;
		case OUTPUT_TABLE:
			show_printf(s, "%s%s", n == 0 ? "  aliases              " : ", ", alias);
			break;
		case OUTPUT_MD:
			printf("%s", n == 0 ? "- **aliases**: " : ", ");
			output_md_cell(stdout, alias);
			break;
		}
		n++;
	}
	if (s->cli->format == OUTPUT_JSON)
		printf("]");
	else if (n > 0 && (s->cli->format == OUTPUT_TABLE || s->cli->format == OUTPUT_MD))
		printf("\n");
	sqlite3_finalize(stmt);
}

/* Write the related records of every relation of the kind. */
static int
show_related(struct show *s, const char *kind, const char *id)
{
	sqlite3_stmt *stmt;
	const char *heading, *cols[4];
	int i, j, n, opened = 0;

	if (s->cli->format == OUTPUT_JSON) {
		show_section(s, "related", NULL);
		opened = 1;
	}
	for (i = 0; record_relations[i].kind != NULL; i++) {
		if (strcmp(record_relations[i].kind, kind) != 0 &&
		    strcmp(record_relations[i].kind, "*") != 0)
			continue;
		if (sqlite3_prepare_v2(s->cli->db, record_relations[i].sql, -1, &stmt,
		    NULL) != SQLITE_OK)
			return -1;
		sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, s->cli->lang, -1, SQLITE_STATIC);
		heading = _(record_relations[i].heading);
		for (n = 0; sqlite3_step(stmt) == SQLITE_ROW; n++) {
			for (j = 0; j < 4; j++)
				cols[j] = (const char *)sqlite3_column_text(stmt, j);
			switch (s->cli->format) {
			case OUTPUT_JSON:
				printf("%s\n{\"relation\": ", s->items++ > 0 ? "," : "");
				output_json_string(stdout, record_relations[i].heading);
				printf(", \"id\": ");
				output_json_string(stdout, cols[0]);
				printf(", \"kind\": \"%s\", \"name\": ", cols[1]);
				output_json_string(stdout, cols[2]);
				printf(", \"detail\": ");
				if (cols[3] == NULL)
					printf("null");
				else
					output_json_string(stdout, cols[3]);
				printf("}");
				break;
			case OUTPUT_CSV:
			case OUTPUT_TSV:
				show_row(s, record_relations[i].heading, cols[0], cols[2], cols[3]);
				break;
			case OUTPUT_TABLE:
				if (n == 0)
					show_section(s, NULL, heading);
				show_printf(s, "  %s  %s%s%s%s\n", cols[0], cols[2],
				    cols[3] ? "  (" : "", cols[3] ? cols[3] : "", cols[3] ? ")" : "");
				break;
			case OUTPUT_MD:
				if (n == 0)
					show_section(s, NULL, heading);
				printf("- `%s` ", cols[0]);
				output_md_cell(stdout, cols[2]);
				if (cols[3] != NULL) {
					printf(" (");
					output_md_cell(stdout, cols[3]);
					printf(")");
				}
				printf("\n");
				break;
			}
		}
		sqlite3_finalize(stmt);
	}
	if (opened)
		show_section_end(s);
	return 0;
}

/* Write the record's sources, a disagreement flagged as such. */
static int
show_sources(struct show *s, const char *id)
{
	static const char *const keys[] = {
		"source_id", "title", "publisher", "published_on", "url", "stance",
		"field", "locator", "note"
	};
	sqlite3_stmt *stmt;
	const char *v[9];
	char *detail;
	int j, n;

	if (sqlite3_prepare_v2(s->cli->db, record_sources_sql, -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, s->cli->lang, -1, SQLITE_STATIC);
	for (n = 0; sqlite3_step(stmt) == SQLITE_ROW; n++) {
		for (j = 0; j < 9; j++)
			v[j] = (const char *)sqlite3_column_text(stmt, j);
		if (n == 0)
			show_section(s, "sources", _("Sources"));
		if (strcmp(v[5], "contradicts") == 0 && !s->disagree) {
			s->disagree = 1;
			if (s->cli->format == OUTPUT_TABLE || s->cli->format == OUTPUT_MD)
				show_printf(s, _("%sSources disagree on this record: see the "
				    "contradicting ones below.\n"),
				    s->cli->format == OUTPUT_MD ? "> " : "  ");
		}
		switch (s->cli->format) {
		case OUTPUT_JSON:
			printf("%s\n{", s->items++ > 0 ? "," : "");
			for (j = 0; j < 9; j++) {
				printf("%s\"%s\": ", j > 0 ? ", " : "", keys[j]);
				if (v[j] == NULL)
					printf("null");
				else
					output_json_string(stdout, v[j]);
			}
			printf("}");
			break;
		case OUTPUT_CSV:
		case OUTPUT_TSV:
			detail = xasprintf("%s%s%s%s%s%s%s", v[6], v[7] ? " · " : "",
			    v[7] ? v[7] : "", v[8] ? " · " : "", v[8] ? v[8] : "",
			    v[4] ? " · " : "", v[4] ? v[4] : "");
			show_row(s, v[5], v[0], v[1], detail);
			free(detail);
			break;
		case OUTPUT_TABLE:
		case OUTPUT_MD:
			show_printf(s, s->cli->format == OUTPUT_MD ? "- **%s** `%s` " : "  %-11s  %s  ",
			    v[5], v[0]);
			show_printf(s, "«%s»", v[1]);
			if (v[2] != NULL || v[3] != NULL)
				show_printf(s, " (%s%s%s)", v[2] ? v[2] : "", v[2] && v[3] ? ", " : "",
				    v[3] ? v[3] : "");
			show_printf(s, "\n");
			if (strcmp(v[6], "*") != 0)
				show_printf(s, _("      on: %s\n"), v[6]);
			if (v[7] != NULL)
				show_printf(s, _("      at: %s\n"), v[7]);
			if (v[8] != NULL)
				show_printf(s, _("      says: %s\n"), v[8]);
			if (v[4] != NULL)
				show_printf(s, "      %s\n", v[4]);
			break;
		}
	}
	if (n > 0)
		show_section_end(s);
	sqlite3_finalize(stmt);
	return 0;
}

/* Show one record. */
int
cmd_show(struct cli *c, int argc, char **argv)
{
	struct show s = { .cli = c };
	static const char *const columns[] = { "section", "key", "value", "detail" };
	char *id = NULL, *kind = NULL, *name;
	int found, status = CLI_OK;

	if ((found = record_find(c->db, argv[0], &id, &kind)) <= 0) {
		if (found < 0)
			cli_error(_("show: %s: %s"), c->db_name, sqlite3_errmsg(c->db));
		else
			cli_error(_("show: no record '%s'; try: aiatlas search %s"), argv[0], argv[0]);
		return found < 0 ? CLI_USAGE : CLI_NOTHING;
	}
	name = record_name(c->db, id, c->lang);
	if (c->format == OUTPUT_CSV || c->format == OUTPUT_TSV) {
		s.rows = cli_output(c);
		output_columns(s.rows, 4, columns);
	} else if (c->format == OUTPUT_TABLE) {
		printf("%s", c->color ? "\033[1m" : "");
		show_printf(&s, "%s", name ? name : id);
		printf("%s", c->color ? "\033[0m" : "");
		show_printf(&s, " — %s %s\n", kind, id);
	}
	else if (c->format == OUTPUT_MD) {
		printf("# ");
		output_md_cell(stdout, name ? name : id);
		printf(" (%s `%s`)\n\n", kind, id);
	}
	if (show_fields(&s, kind, id) != 0 || (show_aliases(&s, id),
	    show_related(&s, kind, id)) != 0 || show_sources(&s, id) != 0) {
		cli_error(_("show: %s: %s"), c->db_name, sqlite3_errmsg(c->db));
		status = CLI_USAGE;
	}
	if (c->format == OUTPUT_JSON)
		printf("}\n");
	if (s.rows != NULL) {
		if (cli_output_close(s.rows) != CLI_OK)
			status = CLI_USAGE;
	} else if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error(_("cannot write the output"));
		status = CLI_USAGE;
	}
	free(id);
	free(kind);
	free(name);
	return status;
}
