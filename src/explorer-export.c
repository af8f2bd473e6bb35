/* The explorer's exports: e asks for a format, then a file name (and
 * whether to overwrite), and writes the current view's rows, filtered and
 * sorted, through the command line's output code and atomic files; B writes
 * a briefing sheet: of the marked records or the current one, or in the
 * Marks tab of the bookmarked records. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "brief.h"
#include "explorer-int.h"
#include "i18n.h"
#include "kind.h"
#include "outfile.h"
#include "output.h"
#include "xmalloc.h"

/* Ask for a format, the last one used offered. */
void
explorer_export_start(struct explorer *ex)
{
	struct view *v = explorer_top(ex);

	if (v->ops->export == NULL) {
		explorer_message(ex, _("Nothing to export from a %s; e writes lists, results "
		    "and the timeline."), v->ops->name);
		return;
	}
	explorer_prompt_open(ex, PROMPT_EXPORT_FORMAT, 0);
	prompt_set(&ex->prompts[PROMPT_EXPORT_FORMAT],
	    ex->export_format != NULL ? ex->export_format : "csv");
}

/* The file name typed, with a leading ~ as $HOME. */
static char *
explorer_export_expand(const char *typed)
{
	const char *home = getenv("HOME");

	if (typed[0] == '~' && (typed[1] == '/' || typed[1] == '\0') && home != NULL &&
	    *home != '\0')
		return xasprintf("%s%s", home, typed + 1);
	return xstrdup(typed);
}

/* Write the current view to path in the chosen format; say what was
 * written, as typed, or why not. */
static void
explorer_export_write(struct explorer *ex, const char *path, const char *typed)
{
	struct view *v = explorer_top(ex);
	enum output_format fmt;
	struct outfile *f;
	struct output *o;
	char *cause = NULL;
	long rows;

	output_file_format_parse(ex->export_format, &fmt);
	if ((f = outfile_open(path, &cause)) == NULL) {
		explorer_message(ex, "%s", cause);
		free(cause);
		return;
	}
	o = output_open(outfile_stream(f), fmt, 0, 0);
	output_set_raw(o, ex->csv_raw);
	output_set_labels(o, kind_column_label);
	rows = v->ops->export(v, o, fmt == OUTPUT_TABLE || fmt == OUTPUT_MD, &cause);
	/* A write error stays on the stream, for outfile_commit to report. */
	output_close(o);
	if (rows < 0) {
		outfile_abort(f);
		explorer_message(ex, _("Not written: %s"), cause);
		free(cause);
	} else if (outfile_commit(f, &cause) != 0) {
		explorer_message(ex, "%s", cause);
		free(cause);
	} else
		explorer_message(ex, ngettext("Wrote %ld row to %s.", "Wrote %ld rows to %s.",
		    (unsigned long)rows), rows, typed);
}

/* The format typed: ask for a file name. The file name typed: write, or
 * ask first if it exists. */
void
explorer_export_accept(struct explorer *ex, const char *typed)
{
	struct view *v = explorer_top(ex);
	enum output_format fmt;
	char *name;

	if (ex->prompting == PROMPT_EXPORT_FORMAT) {
		if (output_file_format_parse(typed, &fmt) != 0) {
			explorer_message(ex, _("Formats: csv, tsv, json, md, txt; not '%s'."), typed);
			return;		/* the prompt stays open to mend it */
		}
		free(ex->export_format);
		ex->export_format = xstrdup(typed);
		explorer_prompt_open(ex, PROMPT_EXPORT_FILE, 0);
		name = xasprintf("%s.%s", v->ops == &view_list_ops ? v->ops->filter_kind(v) :
		    v->ops->name, typed);
		prompt_set(&ex->prompts[PROMPT_EXPORT_FILE], name);
		free(name);
		return;
	}
	if (*typed == '\0') {
		explorer_message(ex, _("A file name, or Esc."));
		return;
	}
	free(ex->export_path);
	ex->export_path = xstrdup(typed);
	name = explorer_export_expand(typed);
	if (outfile_exists(name)) {
		free(ex->export_question);
		ex->export_question = xasprintf(_("%s exists; overwrite? y/n "), typed);
		explorer_prompt_open(ex, PROMPT_EXPORT_OVERWRITE, 0);
	} else {
		ex->prompting = PROMPT_NONE;
		explorer_export_write(ex, name, typed);
	}
	free(name);
}

/* y overwrites; any other key leaves the file as it is. */
void
explorer_export_confirm(struct explorer *ex, keys_key key)
{
	char *path;

	ex->prompting = PROMPT_NONE;
	if (key != 'y' && key != 'Y') {
		explorer_message(ex, _("Not written: %s is as it was."), ex->export_path);
		return;
	}
	path = explorer_export_expand(ex->export_path);
	explorer_export_write(ex, path, ex->export_path);
	free(path);
}

/* Write the briefing sheet of the n records ids as Markdown to
 * EXPLORER_BRIEF_FILE in the current directory, whole or not at all, with
 * at its bottom the command that writes the same sheet; say what was
 * written: one record, or the n marked (or bookmarked) ones. */
static void
explorer_brief_write(struct explorer *ex, char *const *ids, int n, int bookmarked)
{
	char **words = xreallocarray(NULL, n + 3, sizeof *words), *command, *cause = NULL;
	struct outfile *f;
	int i, nwords = 0;

	if (strcmp(ex->lang, "en") != 0) {
		words[nwords++] = "--lang";
		words[nwords++] = (char *)ex->lang;
	}
	words[nwords++] = "brief";
	for (i = 0; i < n; i++)
		words[nwords++] = ids[i];
	command = brief_command(words, nwords);
	if ((f = outfile_open(EXPLORER_BRIEF_FILE, &cause)) == NULL)
		explorer_message(ex, "%s", cause);
	else if (brief_write(ex->db, ex->lang, ids, n, SHEET_MD, command, outfile_stream(f),
	    &cause) != 0) {
		outfile_abort(f);
		explorer_message(ex, _("Not written: %s"), cause);
	} else if (outfile_commit(f, &cause) != 0)
		explorer_message(ex, "%s", cause);
	else if (n > 1 && bookmarked)
		explorer_message(ex, _("Wrote the briefing sheet of the %d bookmarked records "
		    "to %s."), n, EXPLORER_BRIEF_FILE);
	else if (n > 1)
		explorer_message(ex, _("Wrote the briefing sheet of the %d marked records to %s."),
		    n, EXPLORER_BRIEF_FILE);
	else
		explorer_message(ex, _("Wrote the briefing sheet of %s to %s."), ids[0],
		    EXPLORER_BRIEF_FILE);
	free(cause);
	free(command);
	free(words);
}

/* Write the briefing sheet of record id alone, and say so. */
static void
explorer_brief_one(struct explorer *ex, const char *id)
{
	char *one = xstrdup(id);

	explorer_brief_write(ex, &one, 1, 0);
	free(one);
}

/* Write the briefing sheet of the marked records, else of id, and say so. */
void
explorer_brief(struct explorer *ex, const char *id)
{
	if (ex->nmarks > 0)
		explorer_brief_write(ex, ex->marks, ex->nmarks, 0);
	else if (id != NULL)
		explorer_brief_one(ex, id);
	else
		explorer_message(ex, _("Open or select a record, or mark some with m: "
		    "B writes their briefing sheet."));
}

/* Write the briefing sheet of the n bookmarked records ids, else of id,
 * and say so. */
void
explorer_brief_bookmarked(struct explorer *ex, char *const *ids, int n, const char *id)
{
	if (n > 0)
		explorer_brief_write(ex, ids, n, 1);
	else if (id != NULL)
		explorer_brief_one(ex, id);
	else
		explorer_message(ex, _("No bookmarks yet: B here briefs the bookmarked records; "
		    "b bookmarks one."));
}

/* Forget the export's state. */
void
explorer_export_free(struct explorer *ex)
{
	free(ex->export_format);
	free(ex->export_path);
	free(ex->export_question);
	ex->export_format = ex->export_path = ex->export_question = NULL;
}
