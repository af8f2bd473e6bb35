/* The explorer's actions and the one table that binds keys to them. */
#ifndef AIATLAS_KEYS_H
#define AIATLAS_KEYS_H

#include <stdio.h>

/* Every action, once: its name (used in scripts and the help) and what it
 * does. The help screen and the manual's key section come from this list
 * and the bindings. */
#define KEYS_ACTIONS(X) \
	X(NONE,		"none",		NULL) \
	X(DOWN,		"down",		N_("move down one line")) \
	X(UP,		"up",		N_("move up one line")) \
	X(HALF_DOWN,	"half-down",	N_("move down half a screen")) \
	X(HALF_UP,	"half-up",	N_("move up half a screen")) \
	X(PAGE_DOWN,	"page-down",	N_("move down one screen (Space outside a list)")) \
	X(PAGE_UP,	"page-up",	N_("move up one screen")) \
	X(FIRST,	"first",	N_("go to the first line")) \
	X(LAST,		"last",		N_("go to the last line")) \
	X(OPEN,		"open",		N_("open the selected record, or follow the selected link")) \
	X(NEXT_LINK,	"next-link",	N_("in a record, select the next link")) \
	X(PREV_LINK,	"prev-link",	N_("in a record, select the previous link")) \
	X(BACK,		"back",		N_("go back to the previous screen")) \
	X(FORWARD,	"forward",	N_("go forward again after going back")) \
	X(SORT_NEXT,	"sort-next",	N_("in a list, sort by the next column")) \
	X(SORT_PREV,	"sort-prev",	N_("in a list, sort by the previous column")) \
	X(SORT_REVERSE,	"sort-reverse",	N_("in a list, reverse the order")) \
	X(NEXT_TAB,	"next-tab",	N_("elsewhere, show the next tab")) \
	X(PREV_TAB,	"prev-tab",	N_("elsewhere, show the previous tab")) \
	X(TAB_ACTORS,	"tab-actors",	N_("show the Actors tab")) \
	X(TAB_FUNDING,	"tab-funding",	N_("show the Funding tab")) \
	X(TAB_TIMELINE,	"tab-timeline",	N_("show the Timeline tab")) \
	X(TAB_BLOCS,	"tab-blocs",	N_("show the Blocs tab")) \
	X(TAB_SOURCES,	"tab-sources",	N_("show the Sources tab")) \
	X(TAB_MARKS,	"tab-marks",	N_("show the Marks tab: bookmarked records and records with notes")) \
	X(BOOKMARK,	"bookmark",	N_("bookmark the current record, or remove its bookmark")) \
	X(NOTE,		"note",		N_("write a note on the current record, or change its last one ($VISUAL or $EDITOR if set)")) \
	X(SEARCH,	"search",	N_("search as you type; Down selects, Enter opens a result")) \
	X(SEARCH_REGEX,	"search-regex",	N_("search with a regular expression as you type")) \
	X(NEXT_MATCH,	"next-match",	N_("go to the next row that matches the search")) \
	X(PREV_MATCH,	"prev-match",	N_("go to the previous row that matches the search")) \
	X(FILTER,	"filter",	N_("filter the tab's list (Tab completes, Up recalls)")) \
	X(FILTER_CLEAR,	"filter-clear",	N_("clear the tab's filter")) \
	X(BRIEF,	"brief",	N_("write a briefing sheet of the marked records or this one (in Marks: of the bookmarked)")) \
	X(EXPORT,	"export",	N_("write the list or timeline shown, filtered and sorted, to a file")) \
	X(COMMAND,	"command",	N_("run a command: filter NAME, save-filter NAME, lang en|fr, dump FILE, q (quit)")) \
	X(MARK,		"mark",		N_("mark or unmark a record to compare (a place, an actor, funding, an event)")) \
	X(COMPARE,	"compare",	N_("compare the 2 to 4 marked records side by side")) \
	X(SWAP,		"swap",		N_("in a comparison, swap the focused pane with the next")) \
	X(NEXT_PANE,	"next-pane",	N_("in a comparison, focus the next pane")) \
	X(PERIOD_PREV,	"period-prev",	N_("in a comparison, count the year before")) \
	X(PERIOD_NEXT,	"period-next",	N_("in a comparison, count the year after")) \
	X(DOMAINS,	"domains",	N_("in a comparison, count ai and compute, or every domain")) \
	X(MEMBERS,	"members",	N_("in a comparison, show members' money apart or leave it out")) \
	X(COPY,		"copy",		N_("copy the record or comparison as Markdown (clipboard and a file)")) \
	X(TIMELINE,	"timeline",	N_("in a record, show its timeline (of an event: the days around it too)")) \
	X(ZOOM_IN,	"zoom-in",	N_("in a timeline, group by quarter, then by month")) \
	X(ZOOM_OUT,	"zoom-out",	N_("in a timeline, group by quarter, then by year")) \
	X(HELP,		"help",		N_("show this help")) \
	X(REDRAW,	"redraw",	N_("redraw the screen")) \
	X(QUIT,		"quit",		N_("go back; quit from a tab's list")) \
	X(QUIT_ALL,	"quit-all",	N_("quit from anywhere")) \
	X(ACCEPT,	"accept",	N_("in a prompt, accept what is typed")) \
	X(CANCEL,	"cancel",	N_("in a prompt, cancel and restore the view")) \
	X(COMPLETE,	"complete",	N_("in a prompt, complete a field or a value")) \
	X(TOGGLE_REGEX,	"toggle-regex",	N_("in the search prompt, switch words and regex")) \
	X(TOGGLE_FOLD,	"toggle-fold",	N_("in a regex search, let case and accents matter or not")) \
	X(HISTORY_UP,	"history-up",	N_("in a prompt, recall; in search, select the result above")) \
	X(HISTORY_DOWN,	"history-down",	N_("in a prompt, recall; in search, select the result below")) \
	X(DELETE_BACK,	"delete-back",	N_("in a prompt, delete the character before the cursor")) \
	X(CURSOR_LEFT,	"cursor-left",	N_("in a prompt, move the cursor left")) \
	X(CURSOR_RIGHT,	"cursor-right",	N_("in a prompt, move the cursor right")) \
	X(CURSOR_HOME,	"cursor-home",	N_("in a prompt, move to the start")) \
	X(CURSOR_END,	"cursor-end",	N_("in a prompt, move to the end")) \
	X(KILL_LINE,	"kill-line",	N_("in a prompt, delete everything before the cursor")) \
	X(KILL_WORD,	"kill-word",	N_("in a prompt, delete the word before the cursor")) \
	X(NEWLINE,	"newline",	N_("in the note editor, start a new line")) \
	X(SAVE,		"save",		N_("in the note editor, save the note (or Esc, then y)"))

enum keys_action {
#define KEYS_ENUM(id, name, help) ACTION_##id,
	KEYS_ACTIONS(KEYS_ENUM)
#undef KEYS_ENUM
	ACTION_COUNT
};

/* Where a binding applies: everywhere, or in one kind of view first. */
enum keys_scope {
	SCOPE_GLOBAL,
	SCOPE_LIST,
	SCOPE_RECORD,
	SCOPE_COMPARE,
	SCOPE_PROMPT,		/* only its own bindings: other keys are typed */
	SCOPE_EDITOR		/* the same, in the note editor */
};

/* A key: a character (code >= 0) or a curses key code (code < 0, as
 * -KEY_UP). */
typedef int keys_key;
#define KEYS_CODE(k)	(-(k))

/* The action bound to key in scope (or globally), ACTION_NONE if none. */
enum keys_action keys_lookup(enum keys_scope scope, keys_key key);
/* Parse a key name of a script: "<Enter>", "<C-d>", "<F1>", "<lt>";
 * returns the key, or 0 if the name is unknown. */
keys_key	 keys_parse(const char *name, size_t len);
/* The action key is bound to in any view (not in a prompt), ACTION_NONE
 * if none: what it would do elsewhere. */
enum keys_action keys_lookup_elsewhere(keys_key key);
/* What an action does, translated: its line of the help. */
const char	*keys_action_text(enum keys_action a);
/* A key as the help shows it: "j", "Down", "C-d". */
void		 keys_label(keys_key key, char *buf, size_t size);
/* The help text: one line per action, its keys and what it does; freed
 * by the caller, lines separated by newlines. */
char		*keys_help(void);
/* The one key a hint names for an action ("h", "Enter"), in buf. */
void		 keys_hint(enum keys_action a, char *buf, size_t size);
/* The manual's key section, in roff. */
void		 keys_write_man(FILE *fp);

#endif
