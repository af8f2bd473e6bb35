/* The explorer's prompt line: incremental search, the filter of a tab's
 * list with completion and history, and commands (":filter NAME"). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "explorer-int.h"
#include "filter.h"
#include "fts.h"
#include "i18n.h"
#include "lang.h"
#include "match.h"
#include "saved-filter.h"
#include "script.h"
#include "strbuf.h"
#include "text.h"
#include "userdb.h"
#include "xmalloc.h"

/* Set the search whose words are highlighted and that n and N follow
 * (NULL: none). A regex search is highlighted by no word. */
static void
explorer_search_set(struct explorer *ex, const char *typed, int regex)
{
	char *cause = NULL;

	char *copy = typed != NULL ? xstrdup(typed) : NULL;

	match_free_words(ex->highlight);
	ex->highlight = NULL;
	free(ex->last_search);
	ex->last_search = NULL;
	free(ex->search_text);
	ex->search_text = copy;
	ex->search_regex = regex;
	if (typed == NULL || regex)
		return;
	ex->highlight = match_words(typed);
	if ((ex->last_search = fts_query_expanded(ex->db, typed, &cause)) == NULL)
		free(cause);
}

/* How the search prompt takes what is typed. */
static enum fts_mode
explorer_search_mode(struct explorer *ex)
{
	return !ex->regex ? FTS_WORDS : ex->fold ? FTS_REGEX_FOLD : FTS_REGEX;
}

/* Open a prompt. */
void
explorer_prompt_open(struct explorer *ex, enum explorer_prompt which, int regex)
{
	struct view *v = explorer_top(ex);

	ex->prompting = which;
	ex->message[0] = '\0';
	switch (which) {
	case PROMPT_SEARCH:
		ex->regex = regex;
		prompt_start(&ex->prompts[which], NULL);
		explorer_push(ex, explorer_view_new(ex, &view_search_ops, NULL));
		view_search_update(explorer_top(ex), "", explorer_search_mode(ex));
		break;
	case PROMPT_FILTER:
		prompt_start(&ex->prompts[which], v->ops->filter(v));
		break;
	default:
		prompt_start(&ex->prompts[which], NULL);
		break;
	}
	ex->dirty = 1;
}

/* Search again as typed, highlighting the words being typed. */
static void
explorer_search_typed(struct explorer *ex)
{
	const char *typed = ex->prompts[PROMPT_SEARCH].text;

	view_search_update(explorer_top(ex), typed, explorer_search_mode(ex));
	match_free_words(ex->highlight);
	ex->highlight = ex->regex ? NULL : match_words(typed);
}

/* While typing pauses (no key waits): rank the search's first page whole;
 * a key typed meanwhile stops it. 1 if the screen changed. */
int
explorer_prompt_idle(struct explorer *ex)
{
	struct view *v = explorer_top(ex);

	if (ex->prompting != PROMPT_SEARCH || v->ops != &view_search_ops ||
	    !view_search_partial(v) || explorer_key_waiting(ex))
		return 0;
	return view_search_rank(v);
}

/* Complete the field or value being typed in the filter prompt. */
static void
explorer_complete(struct explorer *ex)
{
	struct prompt *p = &ex->prompts[PROMPT_FILTER];
	struct view *v = explorer_top(ex);
	struct strbuf sb = { 0 };
	char **list, *text, *word;
	size_t start, common, i;
	int n;

	if ((list = filter_complete(ex->db, v->ops->filter_kind(v), p->text)) == NULL) {
		explorer_message(ex, _("Nothing to complete."));
		return;
	}
	for (n = 0; list[n] != NULL; n++)
		;
	common = strlen(list[0]);
	for (i = 1; i < (size_t)n; i++) {
		size_t j = 0;
		while (j < common && list[i][j] == list[0][j])
			j++;
		common = j;
	}
	start = p->len;
	while (start > 0 && strchr(" \t(", p->text[start - 1]) == NULL)
		start--;
	if (p->text[start] == '-')
		start++;
	word = xstrndup(list[0], common);
	text = xasprintf("%.*s%s", (int)start, p->text, word);
	prompt_set(p, text);
	free(text);
	free(word);
	if (n > 1) {
		for (i = 0; i < (size_t)n; i++) {
			strbuf_add(&sb, i > 0 ? "  " : "");
			strbuf_add(&sb, list[i]);
		}
		text = strbuf_finish(&sb);
		explorer_message(ex, "%s", text);
		free(text);
	}
	filter_free_completions(list);
}

/* Close the search prompt, its results kept and its words the search
 * that n and N follow; open the selected result when open says. Nothing
 * typed: back to the view before it. */
static void
explorer_search_close(struct explorer *ex, int open)
{
	struct prompt *p = &ex->prompts[PROMPT_SEARCH];
	struct view *v = explorer_top(ex);

	ex->prompting = PROMPT_NONE;
	if (p->len == 0) {
		explorer_back(ex);
		explorer_search_set(ex, NULL, 0);
		return;
	}
	/* The first page shown while typing, or a search a key stopped,
	 * gives way to the whole ranked answer. */
	view_search_rank(v);
	prompt_remember(p);
	explorer_search_set(ex, p->text, ex->regex);
	if (open)
		v->ops->action(v, ACTION_OPEN);
	else
		explorer_message(ex, _("Enter opens a result; h goes back; in a list, n and N"
		    " go to the rows that match."));
}

/* Accept what is typed. */
static void
explorer_prompt_accept(struct explorer *ex)
{
	struct prompt *p = &ex->prompts[ex->prompting];
	struct view *v = explorer_top(ex);
	char *cause = NULL;

	switch (ex->prompting) {
	case PROMPT_SEARCH:
		explorer_search_close(ex, 1);
		return;
	case PROMPT_FILTER:
		if (v->ops->set_filter(v, p->text, &cause) != 0) {
			explorer_message(ex, "%s", cause);
			free(cause);
			return;		/* keep the prompt open to mend it */
		}
		prompt_remember(p);
		break;
	case PROMPT_COMMAND:
		prompt_remember(p);
		ex->prompting = PROMPT_NONE;
		if (explorer_command(ex, p->text, &cause) != 0) {
			explorer_message(ex, "%s", cause);
			free(cause);
		}
		return;
	case PROMPT_EXPORT_FORMAT:
	case PROMPT_EXPORT_FILE:
		prompt_remember(p);
		explorer_export_accept(ex, p->text);
		return;
	default:
		break;
	}
	ex->prompting = PROMPT_NONE;
}

/* Cancel: the view is as it was before the prompt, but a search's
 * results stay. */
void
explorer_prompt_cancel(struct explorer *ex)
{
	struct explorer_history *h = &ex->history[ex->current];
	char **words;

	if (ex->prompting == PROMPT_SEARCH && ex->prompts[PROMPT_SEARCH].len > 0) {
		explorer_search_close(ex, 0);
		return;
	}
	if (ex->prompting == PROMPT_SEARCH && explorer_back(ex))
		explorer_view_free(h->forward[--h->nforward]);
	/* The highlight goes back to the last accepted search. */
	words = ex->highlight;
	ex->highlight = ex->search_text != NULL && !ex->search_regex ?
	    match_words(ex->search_text) : NULL;
	match_free_words(words);
	ex->prompting = PROMPT_NONE;
	ex->message[0] = '\0';
}

/* A key typed while a prompt is open. */
void
explorer_prompt_key(struct explorer *ex, keys_key key)
{
	struct prompt *p = &ex->prompts[ex->prompting];
	enum keys_action a = keys_lookup(SCOPE_PROMPT, key);

	ex->dirty = 1;
	if (ex->prompting == PROMPT_EXPORT_OVERWRITE && a != ACTION_CANCEL) {
		explorer_export_confirm(ex, key);
		return;
	}
	/* "/" then "~" switches the search to a regular expression. */
	if (ex->prompting == PROMPT_SEARCH && a == ACTION_NONE && key == '~' && p->len == 0)
		a = ACTION_TOGGLE_REGEX;
	switch (a) {
	case ACTION_ACCEPT:
		explorer_prompt_accept(ex);
		return;
	case ACTION_CANCEL:
		explorer_prompt_cancel(ex);
		return;
	case ACTION_COMPLETE:
		if (ex->prompting == PROMPT_FILTER)
			explorer_complete(ex);
		return;
	case ACTION_TOGGLE_REGEX:
		if (ex->prompting == PROMPT_SEARCH) {
			ex->regex = !ex->regex;
			explorer_search_typed(ex);
		}
		return;
	case ACTION_TOGGLE_FOLD:
		if (ex->prompting == PROMPT_SEARCH && ex->regex) {
			ex->fold = !ex->fold;
			explorer_search_typed(ex);
		} else if (ex->prompting == PROMPT_SEARCH)
			explorer_message(ex, _("Words ignore case and accents already;"
			    " Ctrl-F is for a regex."));
		return;
	case ACTION_HISTORY_UP:
	case ACTION_HISTORY_DOWN:
		/* Searching, they select a result; with nothing typed, they
		 * recall a search. */
		if (ex->prompting == PROMPT_SEARCH && p->len > 0) {
			explorer_top(ex)->ops->action(explorer_top(ex),
			    a == ACTION_HISTORY_UP ? ACTION_UP : ACTION_DOWN);
			return;
		}
		break;
	default:
		break;
	}
	ex->message[0] = '\0';
	if (prompt_key(p, a, key) == PROMPT_CHANGED && ex->prompting == PROMPT_SEARCH)
		explorer_search_typed(ex);
}

/* Draw the open prompt on the last line, and above it a message or the
 * place of a regex error. */
void
explorer_prompt_draw(struct explorer *ex)
{
	static const char *const labels[] = { "/", N_("filter: "), ":",
	    N_("export as (csv, tsv, json, md, txt): "), N_("export to: "), "" };
	struct prompt *p = &ex->prompts[ex->prompting];
	const char *label = ex->prompting == PROMPT_SEARCH && ex->regex ? "~" :
	    ex->prompting == PROMPT_EXPORT_OVERWRITE ? ex->export_question :
	    _(labels[ex->prompting]);
	const char *error = NULL, *hint;
	char *before, *line;
	size_t offset = 0;
	int x = text_width(label), caret;

	explorer_text(LINES - 1, 0, label, COLS, STYLE_TITLE);
	explorer_text(LINES - 1, x, p->text, COLS - x - 1, STYLE_NORMAL);
	/* A regex says whether case and accents matter, at the right. */
	if (ex->prompting == PROMPT_SEARCH && ex->regex) {
		hint = ex->fold ? _("case and accents aside (C-f)") :
		    _("C-f: case and accents aside");
		if (x + text_width(p->text) + text_width(hint) + 2 < COLS)
			explorer_text(LINES - 1, COLS - text_width(hint) - 1, hint, COLS,
			    STYLE_DIM);
	}
	if (ex->prompting == PROMPT_SEARCH)
		error = view_search_error(explorer_top(ex), &offset);
	if (error != NULL && ex->regex) {
		before = xstrndup(p->text, offset < p->len ? offset : p->len);
		caret = x + text_width(before);
		free(before);
		line = xasprintf("%*s^ %s", caret, "", error);
		explorer_fill(LINES - 2, 0, COLS, STYLE_NORMAL);
		explorer_text(LINES - 2, 0, line, COLS, STYLE_ALERT);
		free(line);
	} else if (ex->message[0] != '\0') {
		explorer_fill(LINES - 2, 0, COLS, STYLE_NORMAL);
		explorer_text(LINES - 2, 0, ex->message, COLS, STYLE_ALERT);
	}
	move(LINES - 1, x + prompt_cursor_column(p) < COLS ? x + prompt_cursor_column(p) : COLS - 1);
	curs_set(1);
}

/* Whether a name for a saved filter is made of letters, digits, - and _. */
static int
explorer_good_name(const char *name)
{
	return *name != '\0' && strspn(name, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") == strlen(name);
}

/* :filter NAME and :save-filter NAME */
static int
explorer_command_filter(struct explorer *ex, const char *name, int save, char **cause)
{
	struct view *v = explorer_top(ex);
	char *kind = NULL, *expr = NULL;
	int r;

	if (!explorer_good_name(name)) {
		*cause = xasprintf(_("a filter's name is letters, digits, - and _, not '%s'"), name);
		return -1;
	}
	if (save && userdb_unavailable(ex->user) != NULL) {
		*cause = xasprintf(_("cannot save: %s"), userdb_unavailable(ex->user));
		return -1;
	}
	if (!save && userdb_unreadable(ex->user) != NULL) {
		*cause = xasprintf(_("cannot read saved filters: %s"), userdb_unreadable(ex->user));
		return -1;
	}
	if (save) {
		if (v->ops->filter == NULL || v->ops->filter(v) == NULL) {
			*cause = xstrdup(_("no filter to save here: f filters a tab's list"));
			return -1;
		}
		if (saved_filter_save(ex->user, name, v->ops->filter_kind(v), v->ops->filter(v),
		    cause) != 0)
			return -1;
		explorer_message(ex, _("Filter saved as '%s'."), name);
		return 0;
	}
	if ((r = saved_filter_load(ex->user, name, &kind, &expr, cause)) <= 0) {
		if (r == 0)
			*cause = xasprintf(_("no saved filter '%s'"), name);
		return -1;
	}
	/* The file may come from another program: its kind is checked. */
	if (explorer_go_tab(ex, kind) != 0 || (v = explorer_top(ex))->ops->set_filter == NULL) {
		*cause = xasprintf(_("saved filter '%s' is of '%s', which is not a tab's list"),
		    name, kind);
		r = -1;
	} else if ((r = v->ops->set_filter(v, expr, cause)) == 0)
		explorer_message(ex, _("Filter '%s': %s"), name, expr);
	free(kind);
	free(expr);
	return r;
}

/* Run a command ("filter NAME", "q"). */
int
explorer_command(struct explorer *ex, const char *line, char **cause)
{
	char *copy = xstrdup(line), *name = copy, *arg;
	struct timespec ts;
	int r = 0, cols, rows, ms;

	name += strspn(name, " \t");
	arg = name + strcspn(name, " \t");
	if (*arg != '\0')
		*arg++ = '\0';
	arg += strspn(arg, " \t");
	arg[strcspn(arg, "\r\n")] = '\0';
	if (strcmp(name, "dump") == 0 && *arg != '\0')
		r = explorer_dump(arg, cause);
	else if (strcmp(name, "resize") == 0 && ex->script != NULL &&
	    script_parse_size(arg, &cols, &rows) == 0)
		resizeterm(rows, cols);
	else if (strcmp(name, "sleep") == 0 && (ms = atoi(arg)) >= 0 && ms <= 60000 &&
	    strspn(arg, "0123456789") == strlen(arg) && *arg != '\0') {
		ts.tv_sec = ms / 1000;
		ts.tv_nsec = (long)(ms % 1000) * 1000000L;
		nanosleep(&ts, NULL);
	} else if (strcmp(name, "filter") == 0 || strcmp(name, "save-filter") == 0)
		r = explorer_command_filter(ex, arg, strcmp(name, "save-filter") == 0, cause);
	else if ((strcmp(name, "q") == 0 || strcmp(name, "quit") == 0) && *arg == '\0')
		ex->quit = 1;
	else if (strcmp(name, "lang") == 0 && lang_known(arg)) {
		lang_set(arg);
		explorer_relang(ex);
		explorer_message(ex, _("Language: English."));
	} else if (strcmp(name, "lang") == 0) {
		*cause = xasprintf(_(":lang: unknown language '%s'; languages: en, fr"), arg);
		r = -1;
	} else {
		*cause = xasprintf(_("unknown command ':%s%s%s'; commands: :filter NAME, "
		    ":save-filter NAME, :lang en|fr, :dump FILE, :q%s"), name, *arg ? " " : "", arg,
		    ex->script != NULL ? _(", :resize COLSxROWS, :sleep MS") : "");
		r = -1;
	}
	free(copy);
	ex->dirty = 1;
	return r;
}

/* Move to the next or previous match of the last search in a list. */
void
explorer_next_match(struct explorer *ex, int backward)
{
	struct view *v = explorer_top(ex);

	if (ex->last_search == NULL)
		explorer_message(ex, _("No search yet: / searches."));
	else if (v->ops != &view_list_ops)
		explorer_message(ex, _("n and N move through a list's matches."));
	else
		view_list_next_match(v, ex->last_search, backward);
}

/* Free the prompts and the search. */
void
explorer_prompt_free(struct explorer *ex)
{
	int i;

	for (i = 0; i < PROMPT_COUNT; i++)
		prompt_free(&ex->prompts[i]);
	explorer_search_set(ex, NULL, 0);
	explorer_export_free(ex);
}
