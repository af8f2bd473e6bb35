/* One record written out, in every format: the show command's output and
 * the explorer's copy (y) of a record, from one renderer. */
#include "config.h"

#include "record-write.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "label.h"
#include "number.h"
#include "record.h"
#include "text.h"
#include "xmalloc.h"

/* The columns of a record's csv/tsv table. */
static const char *const record_write_columns[] = { "section", "key", "value", "detail" };

/* Where a record is written: the stream, the format with its colour and
 * width, and, for csv/tsv, the four-column table. */
struct record_writer {
	FILE			*fp;
	enum output_format	 fmt;
	int			 color;
	int			 width;
	struct output		*rows;		/* csv, tsv */
	int			 items;		/* written in the current JSON array */
};
/* printf, except that for the table the text is written as the terminal
 * shows it (transliterated outside UTF-8, no control characters). */
static void __attribute__((format(printf, 2, 3)))
record_write_printf(const struct record_writer *s, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	if (s->fmt != OUTPUT_TABLE)
		vfprintf(s->fp, fmt, ap);
	else {
		text = xvasprintf(fmt, ap);
		text_print(s->fp, text);
		free(text);
	}
	va_end(ap);
}

/* Start a section: a heading for people, an array for JSON. */
static void
record_write_section(struct record_writer *s, const char *key, const char *heading)
{
	switch (s->fmt) {
	case OUTPUT_TABLE:
		fprintf(s->fp, "\n%s", s->color ? "\033[1m" : "");
		record_write_printf(s, "%s", heading);
		fprintf(s->fp, "%s\n", s->color ? "\033[0m" : "");
		break;
	case OUTPUT_MD:
		fprintf(s->fp, "\n## %s\n\n", heading);
		break;
	case OUTPUT_JSON:
		fprintf(s->fp, ",\n\"%s\": [", key);
		s->items = 0;
		break;
	default:
		break;
	}
}

/* End a section. */
static void
record_write_section_end(struct record_writer *s)
{
	if (s->fmt == OUTPUT_JSON)
		fprintf(s->fp, "%s]", s->items > 0 ? "\n" : "");
}

/* Write one row of the csv/tsv table. */
static void
record_write_row(struct record_writer *s, const char *section, const char *key,
    const char *value, const char *detail)
{
	struct output_value v[4] = {
		{ SQLITE_TEXT, section }, { key ? SQLITE_TEXT : SQLITE_NULL, key },
		{ value ? SQLITE_TEXT : SQLITE_NULL, value },
		{ detail ? SQLITE_TEXT : SQLITE_NULL, detail }
	};

	output_row(s->rows, v);
}

/* Write a piece of wrapped text (text_wrap's put). */
static void
record_write_piece(void *arg, const char *piece)
{
	record_write_printf(arg, "%s", piece);
}

/* Write text from column indent on, wrapped at words to the terminal's
 * width (no wrapping when it has none). */
static void
record_write_wrapped(const struct record_writer *s, const char *text, int indent, int width)
{
	text_wrap(text, indent, width, record_write_piece, (void *)s);
}

/* Write a JSON member "key": text, after a comma unless it is the first;
 * NULL text is null. */
static void
record_write_json_text(const struct record_writer *s, const char *key, const char *text,
    int first)
{
	fprintf(s->fp, "%s\"%s\": ", first ? "" : ", ", key);
	if (text == NULL)
		fprintf(s->fp, "null");
	else
		output_json_string(s->fp, text);
}

/* Write a JSON member "key": a value as stored, after a comma unless it
 * is the first: a float as the database writes it, with bare any other
 * number too, else a string or null. */
static void
record_write_json_value(const struct record_writer *s, const char *key,
    const struct record_value *v, int bare, int first)
{
	if (v->type == SQLITE_FLOAT ||
	    (bare && v->type != SQLITE_TEXT && v->type != SQLITE_NULL))
		fprintf(s->fp, "%s\"%s\": %s", first ? "" : ", ", key, v->text);
	else
		record_write_json_text(s, key, v->text, first);
}

/* Write the claims array of the JSON output: every value a source gives
 * for a field of the record, as stored. */
static void
record_write_claims_json(struct record_writer *s, const struct record *r)
{
	static const char *const stored[] = { "value", "value_low", "value_high", "end_value" };
	const struct record_claim *c;
	int j;

	record_write_section(s, "claims", NULL);
	for (c = r->claims; c < r->claims + r->nclaims; c++) {
		fprintf(s->fp, "%s\n{", s->items++ > 0 ? "," : "");
		record_write_json_text(s, "field", c->field, 1);
		for (j = 0; j < 4; j++)
			record_write_json_value(s, stored[j], &c->stored[j], 0, 0);
		record_write_json_text(s, "rank", c->rank, 0);
		record_write_json_text(s, "source_id", c->source_id, 0);
		record_write_json_text(s, "source", c->cited, 0);
		record_write_json_text(s, "source_date", c->date, 0);
		record_write_json_text(s, "locator", c->locator, 0);
		record_write_json_text(s, "note", c->note, 0);
		fprintf(s->fp, ", \"disputed\": %s}", c->disputed ? "true" : "false");
	}
	record_write_section_end(s);
}

/* Write the claims of a disputed field under its line: the marker and what
 * each source says, the preferred value first; those shown wrong after. */
static void
record_write_claims_under(struct record_writer *s, const struct record *r, const char *field)
{
	char *line, *text;
	int deprecated;

	for (deprecated = 0; deprecated <= 1; deprecated++) {
		if ((line = record_claims_line(r, field, deprecated, " · ")) == NULL)
			continue;
		text = deprecated ? xasprintf(_("shown wrong: %s"), line) :
		    xasprintf("⚑ %s", line);
		if (s->fmt == OUTPUT_MD) {
			fprintf(s->fp, "  - ");
			output_md_cell(s->fp, text);
			fprintf(s->fp, "\n");
		} else {
			fprintf(s->fp, "%*s", deprecated ? 25 : 23, "");
			record_write_wrapped(s, text, deprecated ? 25 : 23, s->width);
			fprintf(s->fp, "\n");
		}
		free(text);
		free(line);
	}
}

/* Write the claims as csv/tsv rows: section claim, the field, the value as
 * people read it, and its rank, source, locator and note. */
static void
record_write_claims_rows(struct record_writer *s, const struct record *r)
{
	const struct record_claim *c;
	char *detail;

	for (c = r->claims; c < r->claims + r->nclaims; c++) {
		detail = xasprintf("%s · %s (%s%s%s)%s%s%s%s", c->rank, c->source_id,
		    c->source, c->date != NULL ? ", " : "", c->date != NULL ? c->date : "",
		    c->locator != NULL ? " · " : "", c->locator != NULL ? c->locator : "",
		    c->note != NULL ? " · " : "", c->note != NULL ? c->note : "");
		record_write_row(s, "claim", c->field, c->value, detail);
		free(detail);
	}
}

/* Write the record's own fields, a disputed one with its claims. */
static void
record_write_fields(struct record_writer *s, const struct record *r)
{
	const struct record_field *f;

	if (s->fmt == OUTPUT_JSON)
		fprintf(s->fp, "{\"id\": "), output_json_string(s->fp, r->id),
		fprintf(s->fp, ", \"kind\": \"%s\",\n\"record\": {", r->kind);
	for (f = r->fields; f < r->fields + r->nfields; f++) {
		switch (s->fmt) {
		case OUTPUT_JSON:
			record_write_json_value(s, f->name, &f->stored, 1, f == r->fields);
			break;
		case OUTPUT_CSV:
		case OUTPUT_TSV:
			record_write_row(s, "record", f->name, f->stored.text, NULL);
			break;
		case OUTPUT_TABLE:
		case OUTPUT_MD:
			if (f->text == NULL)
				break;
			if (s->fmt == OUTPUT_MD)
				fprintf(s->fp, "- **%s**: ", label_field(f->name));
			else
				record_write_printf(s, "  %-*s ", text_pad(label_field(f->name), 20),
				    label_field(f->name));
			if (s->fmt == OUTPUT_MD)
				output_md_cell(s->fp, f->text);
			else
				record_write_wrapped(s, f->text, 23, s->width);
			if (f->disputed != NULL)
				record_write_printf(s, "  ⚑");
			fprintf(s->fp, "\n");
			if (f->disputed != NULL)
				record_write_claims_under(s, r, f->disputed);
			break;
		}
	}
	if (s->fmt == OUTPUT_JSON)
		fprintf(s->fp, "}");
	if (s->fmt == OUTPUT_CSV || s->fmt == OUTPUT_TSV)
		record_write_claims_rows(s, r);
	if (s->fmt == OUTPUT_JSON)
		record_write_claims_json(s, r);
}

/* Write the record's aliases on one line. */
static void
record_write_aliases(struct record_writer *s, const struct record *r)
{
	int i;

	if (s->fmt == OUTPUT_JSON)
		fprintf(s->fp, ",\n\"aliases\": [");
	for (i = 0; i < r->naliases; i++) {
		switch (s->fmt) {
		case OUTPUT_JSON:
			fprintf(s->fp, "%s", i > 0 ? ", " : "");
			output_json_string(s->fp, r->aliases[i]);
			break;
		case OUTPUT_CSV:
		case OUTPUT_TSV:
			record_write_row(s, "alias", NULL, r->aliases[i], NULL);
			break;
		case OUTPUT_TABLE:
			if (i == 0)
				record_write_printf(s, "  %-*s ", text_pad(_("aliases"), 20),
				    _("aliases"));
			record_write_printf(s, "%s%s", i == 0 ? "" : ", ", r->aliases[i]);
			break;
		case OUTPUT_MD:
			if (i == 0)
				fprintf(s->fp, "- **%s**: ", _("aliases"));
			else
				fprintf(s->fp, ", ");
			output_md_cell(s->fp, r->aliases[i]);
			break;
		}
	}
	if (s->fmt == OUTPUT_JSON)
		fprintf(s->fp, "]");
	else if (r->naliases > 0 && (s->fmt == OUTPUT_TABLE || s->fmt == OUTPUT_MD))
		fprintf(s->fp, "\n");
}

/* Write one link of a relation. */
static void
record_write_link(struct record_writer *s, const struct record_relation *rel,
    const struct record_link *l)
{
	switch (s->fmt) {
	case OUTPUT_JSON:
		fprintf(s->fp, "%s\n{", s->items++ > 0 ? "," : "");
		record_write_json_text(s, "relation", rel->heading, 1);
		record_write_json_text(s, "id", l->id, 0);
		fprintf(s->fp, ", \"kind\": \"%s\"", l->kind);
		record_write_json_text(s, "name", l->name, 0);
		record_write_json_text(s, "detail", l->detail, 0);
		fprintf(s->fp, "}");
		break;
	case OUTPUT_CSV:
	case OUTPUT_TSV:
		record_write_row(s, rel->heading, l->id, l->name, l->detail);
		break;
	case OUTPUT_TABLE:
		record_write_printf(s, "  %s  %s%s%s%s\n", l->id, l->name, l->detail ? "  (" : "",
		    l->detail ? l->detail : "", l->detail ? ")" : "");
		break;
	case OUTPUT_MD:
		fprintf(s->fp, "- `%s` ", l->id);
		output_md_cell(s->fp, l->name);
		if (l->detail != NULL) {
			fprintf(s->fp, " (");
			output_md_cell(s->fp, l->detail);
			fprintf(s->fp, ")");
		}
		fprintf(s->fp, "\n");
		break;
	}
}

/* Write the related records, under a heading for each relation. */
static void
record_write_related(struct record_writer *s, const struct record *r)
{
	const struct record_relation *rel;
	int i;

	if (s->fmt == OUTPUT_JSON)
		record_write_section(s, "related", NULL);
	for (rel = r->relations; rel < r->relations + r->nrelations; rel++) {
		if (s->fmt == OUTPUT_TABLE || s->fmt == OUTPUT_MD)
			record_write_section(s, NULL, _(rel->heading));
		for (i = 0; i < rel->nlinks; i++)
			record_write_link(s, rel, &rel->links[i]);
	}
	if (s->fmt == OUTPUT_JSON)
		record_write_section_end(s);
}

/* Write one source, a disagreement flagged as such. */
static void
record_write_source(struct record_writer *s, const struct record_source *src)
{
	char *detail, date[64];

	switch (s->fmt) {
	case OUTPUT_JSON:
		fprintf(s->fp, "%s\n{", s->items++ > 0 ? "," : "");
		record_write_json_text(s, "source_id", src->source_id, 1);
		record_write_json_text(s, "title", src->title, 0);
		record_write_json_text(s, "publisher", src->publisher, 0);
		record_write_json_text(s, "published_on", src->published_on, 0);
		record_write_json_text(s, "url", src->url, 0);
		record_write_json_text(s, "stance", src->stance, 0);
		record_write_json_text(s, "field", src->field, 0);
		record_write_json_text(s, "locator", src->locator, 0);
		record_write_json_text(s, "note", src->note, 0);
		fprintf(s->fp, "}");
		break;
	case OUTPUT_CSV:
	case OUTPUT_TSV:
		detail = xasprintf("%s%s%s%s%s%s%s", src->field, src->locator ? " · " : "",
		    src->locator ? src->locator : "", src->note ? " · " : "",
		    src->note ? src->note : "", src->url ? " · " : "", src->url ? src->url : "");
		record_write_row(s, src->stance, src->source_id, src->title, detail);
		free(detail);
		break;
	case OUTPUT_TABLE:
	case OUTPUT_MD:
		if (s->fmt == OUTPUT_MD)
			record_write_printf(s, "- **%s** `%s` ", label_of(src->stance),
			    src->source_id);
		else
			record_write_printf(s, "  %-*s  %s  ", text_pad(label_of(src->stance), 11),
			    label_of(src->stance), src->source_id);
		record_write_printf(s, "«%s»", src->title);
		if (src->publisher != NULL || src->published_on != NULL)
			record_write_printf(s, " (%s%s%s)", src->publisher ? src->publisher : "",
			    src->publisher && src->published_on ? ", " : "",
			    src->published_on ? number_date(src->published_on, date, sizeof date) :
			    "");
		record_write_printf(s, "\n");
		if (strcmp(src->field, "*") != 0)
			record_write_printf(s, _("      on: %s\n"), label_field(src->field));
		if (src->locator != NULL)
			record_write_printf(s, _("      at: %s\n"), src->locator);
		if (src->note != NULL)
			record_write_printf(s, _("      says: %s\n"), src->note);
		if (src->url != NULL)
			record_write_printf(s, "      %s\n", src->url);
		break;
	}
}

/* Write the record's sources; the first that contradicts it says that
 * they disagree. */
static void
record_write_sources(struct record_writer *s, const struct record *r)
{
	const struct record_source *src;
	int disagree = 0;

	if (r->nsources == 0)
		return;
	record_write_section(s, "sources", _("Sources"));
	for (src = r->sources; src < r->sources + r->nsources; src++) {
		if (src->contradicts && !disagree) {
			disagree = 1;
			if (s->fmt == OUTPUT_TABLE || s->fmt == OUTPUT_MD)
				record_write_printf(s, _("%sSources disagree on this record: see the "
				    "contradicting ones below.\n"),
				    s->fmt == OUTPUT_MD ? "> " : "  ");
		}
		record_write_source(s, src);
	}
	record_write_section_end(s);
}

/* Write one of the user's notes: its number and date, then its text, line
 * by line for people. */
static void
record_write_note(struct record_writer *s, const struct record_note *n)
{
	char num[32];
	const char *p, *eol;
	char *line;

	snprintf(num, sizeof num, "%lld", n->n);
	switch (s->fmt) {
	case OUTPUT_JSON:
		fprintf(s->fp, "%s\n{\"note\": %s", s->items++ > 0 ? "," : "", num);
		record_write_json_text(s, "text", n->text, 0);
		record_write_json_text(s, "updated", n->date, 0);
		fprintf(s->fp, "}");
		break;
	case OUTPUT_CSV:
	case OUTPUT_TSV:
		record_write_row(s, "note", num, n->text, n->date);
		break;
	case OUTPUT_MD:
		fprintf(s->fp, "- ");
		output_md_cell(s->fp, n->text);
		fprintf(s->fp, " *(note %s, %s)*\n", num, n->date);
		break;
	case OUTPUT_TABLE:
		record_write_printf(s, "  %-4s %s\n", num, n->date);
		for (p = n->text; *p != '\0'; p = *eol != '\0' ? eol + 1 : eol) {
			eol = p + strcspn(p, "\n");
			line = xstrndup(p, eol - p);
			fprintf(s->fp, "       ");
			record_write_wrapped(s, line, 7, s->width);
			fprintf(s->fp, "\n");
			free(line);
		}
		break;
	}
}

/* Write the user's notes on the record (JSON: always, perhaps empty). */
static void
record_write_notes(struct record_writer *s, const struct record *r)
{
	int i;

	if (r->nnotes == 0 && s->fmt != OUTPUT_JSON)
		return;
	record_write_section(s, "notes", _("Your notes"));
	for (i = 0; i < r->nnotes; i++)
		record_write_note(s, &r->notes[i]);
	record_write_section_end(s);
}

/* Write record r to fp. */
void
record_write(FILE *fp, struct output *rows, const struct record *r, enum output_format fmt,
    int color, int width)
{
	struct record_writer s = { .fp = fp, .fmt = fmt, .color = color, .width = width,
	    .rows = rows };

	if (fmt == OUTPUT_CSV || fmt == OUTPUT_TSV)
		output_columns(rows, 4, record_write_columns);
	else if (fmt == OUTPUT_TABLE) {
		fprintf(fp, "%s", color ? "\033[1m" : "");
		record_write_printf(&s, "%s", r->title);
		fprintf(fp, "%s", color ? "\033[0m" : "");
		record_write_printf(&s, " — %s %s\n", label_of(r->kind), r->id);
	} else if (fmt == OUTPUT_MD) {
		fprintf(fp, "# ");
		output_md_cell(fp, r->title);
		fprintf(fp, " (%s `%s`)\n\n", label_of(r->kind), r->id);
	}
	record_write_fields(&s, r);
	record_write_aliases(&s, r);
	record_write_related(&s, r);
	record_write_sources(&s, r);
	record_write_notes(&s, r);
	if (fmt == OUTPUT_JSON)
		fprintf(fp, "}\n");
}
