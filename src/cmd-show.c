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

/* Write a JSON member "key": text, after a comma unless it is the first;
 * NULL text is null. */
static void
show_json_text(const char *key, const char *text, int first)
{
	printf("%s\"%s\": ", first ? "" : ", ", key);
	if (text == NULL)
		printf("null");
	else
		output_json_string(stdout, text);
}

/* Write a JSON member "key": a value as stored, after a comma unless it
 * is the first: a float as the database writes it, with bare any other
 * number too, else a string or null. */
static void
show_json_value(const char *key, const struct record_value *v, int bare, int first)
{
	if (v->type == SQLITE_FLOAT ||
	    (bare && v->type != SQLITE_TEXT && v->type != SQLITE_NULL))
		printf("%s\"%s\": %s", first ? "" : ", ", key, v->text);
	else
		show_json_text(key, v->text, first);
}

/* Write the claims array of the JSON output: every value a source gives
 * for a field of the record, as stored. */
static void
show_claims_json(struct show *s, const struct record *r)
{
	static const char *const stored[] = { "value", "value_low", "value_high", "end_value" };
	const struct record_claim *c;
	int j;

	show_section(s, "claims", NULL);
	for (c = r->claims; c < r->claims + r->nclaims; c++) {
		printf("%s\n{", s->items++ > 0 ? "," : "");
		show_json_text("field", c->field, 1);
		for (j = 0; j < 4; j++)
			show_json_value(stored[j], &c->stored[j], 0, 0);
		show_json_text("rank", c->rank, 0);
		show_json_text("source_id", c->source_id, 0);
		show_json_text("source", c->cited, 0);
		show_json_text("source_date", c->date, 0);
		show_json_text("locator", c->locator, 0);
		show_json_text("note", c->note, 0);
		printf(", \"disputed\": %s}", c->disputed ? "true" : "false");
	}
	show_section_end(s);
}

/* Write the claims of a disputed field under its line: the marker and what
 * each source says, the preferred value first; those shown wrong after. */
static void
show_claims_under(struct show *s, const struct record *r, const char *field)
{
	char *line, *text;
	int deprecated;

	for (deprecated = 0; deprecated <= 1; deprecated++) {
		if ((line = record_claims_line(r, field, deprecated, " · ")) == NULL)
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
show_claims_rows(struct show *s, const struct record *r)
{
	const struct record_claim *c;
	char *detail;

	for (c = r->claims; c < r->claims + r->nclaims; c++) {
		detail = xasprintf("%s · %s (%s%s%s)%s%s%s%s", c->rank, c->source_id,
		    c->source, c->date != NULL ? ", " : "", c->date != NULL ? c->date : "",
		    c->locator != NULL ? " · " : "", c->locator != NULL ? c->locator : "",
		    c->note != NULL ? " · " : "", c->note != NULL ? c->note : "");
		show_row(s, "claim", c->field, c->value, detail);
		free(detail);
	}
}

/* Write the record's own fields, a disputed one with its claims. */
static void
show_fields(struct show *s, const struct record *r)
{
	const struct record_field *f;

	if (s->cli->format == OUTPUT_JSON)
		printf("{\"id\": "), output_json_string(stdout, r->id),
		printf(", \"kind\": \"%s\",\n\"record\": {", r->kind);
	for (f = r->fields; f < r->fields + r->nfields; f++) {
		switch (s->cli->format) {
		case OUTPUT_JSON:
			show_json_value(f->name, &f->stored, 1, f == r->fields);
			break;
		case OUTPUT_CSV:
		case OUTPUT_TSV:
			show_row(s, "record", f->name, f->stored.text, NULL);
			break;
		case OUTPUT_TABLE:
		case OUTPUT_MD:
			if (f->text == NULL)
				break;
			printf(s->cli->format == OUTPUT_MD ? "- **%s**: " : "  %-20s ", f->name);
			if (s->cli->format == OUTPUT_MD)
				output_md_cell(stdout, f->text);
			else
				show_wrapped(s, f->text, 23, s->cli->width);
			if (f->disputed != NULL)
				show_printf(s, "  ⚑");
			printf("\n");
			if (f->disputed != NULL)
				show_claims_under(s, r, f->disputed);
			break;
		}
	}
	if (s->cli->format == OUTPUT_JSON)
		printf("}");
	if (s->cli->format == OUTPUT_CSV || s->cli->format == OUTPUT_TSV)
		show_claims_rows(s, r);
	if (s->cli->format == OUTPUT_JSON)
		show_claims_json(s, r);
}

/* Write the record's aliases on one line. */
static void
show_aliases(struct show *s, const struct record *r)
{
	int i;

	if (s->cli->format == OUTPUT_JSON)
		printf(",\n\"aliases\": [");
	for (i = 0; i < r->naliases; i++) {
		switch (s->cli->format) {
		case OUTPUT_JSON:
			printf("%s", i > 0 ? ", " : "");
			output_json_string(stdout, r->aliases[i]);
			break;
		case OUTPUT_CSV:
		case OUTPUT_TSV:
			show_row(s, "alias", NULL, r->aliases[i], NULL);
			break;
		case OUTPUT_TABLE:
			show_printf(s, "%s%s", i == 0 ? "  aliases              " : ", ",
			    r->aliases[i]);
			break;
		case OUTPUT_MD:
			printf("%s", i == 0 ? "- **aliases**: " : ", ");
			output_md_cell(stdout, r->aliases[i]);
			break;
		}
	}
	if (s->cli->format == OUTPUT_JSON)
		printf("]");
	else if (r->naliases > 0 && (s->cli->format == OUTPUT_TABLE || s->cli->format == OUTPUT_MD))
		printf("\n");
}

/* Write one link of a relation. */
static void
show_link(struct show *s, const struct record_relation *rel, const struct record_link *l)
{
	switch (s->cli->format) {
	case OUTPUT_JSON:
		printf("%s\n{", s->items++ > 0 ? "," : "");
		show_json_text("relation", rel->heading, 1);
		show_json_text("id", l->id, 0);
		printf(", \"kind\": \"%s\"", l->kind);
		show_json_text("name", l->name, 0);
		show_json_text("detail", l->detail, 0);
		printf("}");
		break;
	case OUTPUT_CSV:
	case OUTPUT_TSV:
		show_row(s, rel->heading, l->id, l->name, l->detail);
		break;
	case OUTPUT_TABLE:
		show_printf(s, "  %s  %s%s%s%s\n", l->id, l->name, l->detail ? "  (" : "",
		    l->detail ? l->detail : "", l->detail ? ")" : "");
		break;
	case OUTPUT_MD:
		printf("- `%s` ", l->id);
		output_md_cell(stdout, l->name);
		if (l->detail != NULL) {
			printf(" (");
			output_md_cell(stdout, l->detail);
			printf(")");
		}
		printf("\n");
		break;
	}
}

/* Write the related records, under a heading for each relation. */
static void
show_related(struct show *s, const struct record *r)
{
	const struct record_relation *rel;
	int i;

	if (s->cli->format == OUTPUT_JSON)
		show_section(s, "related", NULL);
	for (rel = r->relations; rel < r->relations + r->nrelations; rel++) {
		if (s->cli->format == OUTPUT_TABLE || s->cli->format == OUTPUT_MD)
			show_section(s, NULL, _(rel->heading));
		for (i = 0; i < rel->nlinks; i++)
			show_link(s, rel, &rel->links[i]);
	}
	if (s->cli->format == OUTPUT_JSON)
		show_section_end(s);
}

/* Write one source, a disagreement flagged as such. */
static void
show_source(struct show *s, const struct record_source *src)
{
	char *detail;

	switch (s->cli->format) {
	case OUTPUT_JSON:
		printf("%s\n{", s->items++ > 0 ? "," : "");
		show_json_text("source_id", src->source_id, 1);
		show_json_text("title", src->title, 0);
		show_json_text("publisher", src->publisher, 0);
		show_json_text("published_on", src->published_on, 0);
		show_json_text("url", src->url, 0);
		show_json_text("stance", src->stance, 0);
		show_json_text("field", src->field, 0);
		show_json_text("locator", src->locator, 0);
		show_json_text("note", src->note, 0);
		printf("}");
		break;
	case OUTPUT_CSV:
	case OUTPUT_TSV:
		detail = xasprintf("%s%s%s%s%s%s%s", src->field, src->locator ? " · " : "",
		    src->locator ? src->locator : "", src->note ? " · " : "",
		    src->note ? src->note : "", src->url ? " · " : "", src->url ? src->url : "");
		show_row(s, src->stance, src->source_id, src->title, detail);
		free(detail);
		break;
	case OUTPUT_TABLE:
	case OUTPUT_MD:
		show_printf(s, s->cli->format == OUTPUT_MD ? "- **%s** `%s` " : "  %-11s  %s  ",
		    src->stance, src->source_id);
		show_printf(s, "«%s»", src->title);
		if (src->publisher != NULL || src->published_on != NULL)
			show_printf(s, " (%s%s%s)", src->publisher ? src->publisher : "",
			    src->publisher && src->published_on ? ", " : "",
			    src->published_on ? src->published_on : "");
		show_printf(s, "\n");
		if (strcmp(src->field, "*") != 0)
			show_printf(s, _("      on: %s\n"), src->field);
		if (src->locator != NULL)
			show_printf(s, _("      at: %s\n"), src->locator);
		if (src->note != NULL)
			show_printf(s, _("      says: %s\n"), src->note);
		if (src->url != NULL)
			show_printf(s, "      %s\n", src->url);
		break;
	}
}

/* Write the record's sources; the first that contradicts it says that
 * they disagree. */
static void
show_sources(struct show *s, const struct record *r)
{
	const struct record_source *src;
	int disagree = 0;

	if (r->nsources == 0)
		return;
	show_section(s, "sources", _("Sources"));
	for (src = r->sources; src < r->sources + r->nsources; src++) {
		if (src->contradicts && !disagree) {
			disagree = 1;
			if (s->cli->format == OUTPUT_TABLE || s->cli->format == OUTPUT_MD)
				show_printf(s, _("%sSources disagree on this record: see the "
				    "contradicting ones below.\n"),
				    s->cli->format == OUTPUT_MD ? "> " : "  ");
		}
		show_source(s, src);
	}
	show_section_end(s);
}

/* Write one of the user's notes: its number and date, then its text, line
 * by line for people. */
static void
show_note(struct show *s, const struct record_note *n)
{
	char num[32];
	const char *p, *eol;
	char *line;

	snprintf(num, sizeof num, "%lld", n->n);
	switch (s->cli->format) {
	case OUTPUT_JSON:
		printf("%s\n{\"note\": %s", s->items++ > 0 ? "," : "", num);
		show_json_text("text", n->text, 0);
		show_json_text("updated", n->date, 0);
		printf("}");
		break;
	case OUTPUT_CSV:
	case OUTPUT_TSV:
		show_row(s, "note", num, n->text, n->date);
		break;
	case OUTPUT_MD:
		printf("- ");
		output_md_cell(stdout, n->text);
		printf(" *(note %s, %s)*\n", num, n->date);
		break;
	case OUTPUT_TABLE:
		show_printf(s, "  %-4s %s\n", num, n->date);
		for (p = n->text; *p != '\0'; p = *eol != '\0' ? eol + 1 : eol) {
			eol = p + strcspn(p, "\n");
			line = xstrndup(p, eol - p);
			printf("       ");
			show_wrapped(s, line, 7, s->cli->width);
			printf("\n");
			free(line);
		}
		break;
	}
}

/* Write the user's notes on the record (JSON: always, perhaps empty). */
static void
show_notes(struct show *s, const struct record *r)
{
	int i;

	if (r->nnotes == 0 && s->cli->format != OUTPUT_JSON)
		return;
	show_section(s, "notes", _("Your notes"));
	for (i = 0; i < r->nnotes; i++)
		show_note(s, &r->notes[i]);
	show_section_end(s);
}

/* Show one record. */
int
cmd_show(struct cli *c, int argc, char **argv)
{
	struct show s = { .cli = c };
	static const char *const columns[] = { "section", "key", "value", "detail" };
	struct record *r;
	int found, status = CLI_OK;

	if ((found = record_load(c->db, argv[0], c->lang, &r)) <= 0) {
		if (found < 0)
			cli_error(_("show: %s: %s"), c->db_name, sqlite3_errmsg(c->db));
		else
			cli_error(_("show: no record '%s'; try: aiatlas search %s"), argv[0], argv[0]);
		return found < 0 ? CLI_USAGE : CLI_NOTHING;
	}
	if (c->format == OUTPUT_CSV || c->format == OUTPUT_TSV) {
		s.rows = cli_output(c);
		output_columns(s.rows, 4, columns);
	} else if (c->format == OUTPUT_TABLE) {
		printf("%s", c->color ? "\033[1m" : "");
		show_printf(&s, "%s", r->title);
		printf("%s", c->color ? "\033[0m" : "");
		show_printf(&s, " — %s %s\n", r->kind, r->id);
	} else if (c->format == OUTPUT_MD) {
		printf("# ");
		output_md_cell(stdout, r->title);
		printf(" (%s `%s`)\n\n", r->kind, r->id);
	}
	show_fields(&s, r);
	show_aliases(&s, r);
	show_related(&s, r);
	show_sources(&s, r);
	show_notes(&s, r);
	if (c->format == OUTPUT_JSON)
		printf("}\n");
	if (s.rows != NULL) {
		if (cli_output_close(s.rows) != CLI_OK)
			status = CLI_USAGE;
	} else if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error(_("cannot write the output"));
		status = CLI_USAGE;
	}
	record_free(r);
	return status;
}
