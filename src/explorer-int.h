/* The explorer's insides, shared by explorer.c (the loop and the screen)
 * and explorer-prompt.c (the prompt line: search, filter and commands). */
#ifndef AIATLAS_EXPLORER_INT_H
#define AIATLAS_EXPLORER_INT_H

#include <curses.h>
#include <stdio.h>

#include "explorer.h"
#include "kind.h"
#include "prompt.h"

struct script;

/* A tab for each kind the registry gives one, then the user's marks. */
#define EXPLORER_NTABS	(KIND_NTABS + 1)
#define EXPLORER_MAX_MARKS	4

/* Below this size the explorer shows what it needs instead. */
#define EXPLORER_MIN_COLS	40
#define EXPLORER_MIN_ROWS	10

/* A tab's history: the views it went through, and those gone back from. */
struct explorer_history {
	struct view	**views;
	int		  depth;
	struct view	**forward;
	int		  nforward;
};

/* The prompts the last line can hold. */
enum explorer_prompt { PROMPT_NONE = -1, PROMPT_SEARCH, PROMPT_FILTER, PROMPT_COMMAND,
    PROMPT_EXPORT_FORMAT, PROMPT_EXPORT_FILE, PROMPT_EXPORT_OVERWRITE, PROMPT_COUNT };

struct explorer {
	sqlite3			*db;
	const char		*lang;
	struct userdb		*user;		/* where saved filters go */
	struct prompt		 prompts[PROMPT_COUNT];
	enum explorer_prompt	 prompting;
	int			 regex;		/* the search prompt takes a regex */
	int			 fold;		/* that regex ignores case and accents */
	char			*search_text;	/* the last search, as typed */
	int			 search_regex;
	char			*last_search;	/* as an FTS query, for n and N */
	char			**highlight;	/* the words shown highlighted */
	char			*marks[EXPLORER_MAX_MARKS];	/* records to compare */
	int			 nmarks;
	struct explorer_history	 history[EXPLORER_NTABS];
	int			 current;	/* the tab shown */
	int			 dirty;
	int			 quit;
	char			 message[256];
	int			 csv_raw;	/* exports: formulas left as they are */
	unsigned int		 user_generation;	/* notes and bookmarks changed */
	char			*export_format;	/* the last format exported to */
	char			*export_path;	/* the file asked to be overwritten */
	char			*export_question;	/* "overwrite FILE? y/n " */
	int			 utf8;
	int			 color;
	struct script		*script;
	FILE			*timings;	/* --timings: the first screen, a line per key */
	struct timespec		 start;		/* the program's start, then each key's */
	char			 timing[128];	/* what the pending time is of, or "" */
	SCREEN			*screen;
	FILE			*tty_out, *tty_in;	/* headless: /dev/null */
};

/* The loop and the screen (explorer.c). */
struct view	*explorer_top(struct explorer *ex);
void		 explorer_push(struct explorer *ex, struct view *v);
struct view	*explorer_view_new(struct explorer *ex, const struct view_ops *ops, void *data);
void		 explorer_view_free(struct view *v);
int		 explorer_back(struct explorer *ex);
int		 explorer_go_tab(struct explorer *ex, const char *kind);
int		 explorer_dump(const char *path, char **cause);
void		 explorer_relang(struct explorer *ex);

/* The prompt line (explorer-prompt.c). */
/* Open a prompt, for search with regex set or not. */
void		 explorer_prompt_open(struct explorer *ex, enum explorer_prompt which, int regex);
/* A key typed while a prompt is open. */
void		 explorer_prompt_key(struct explorer *ex, keys_key key);
/* Close the open prompt as Esc does: the view is as it was before it. */
void		 explorer_prompt_cancel(struct explorer *ex);
/* While typing pauses: rank the search's first page whole (a key stops
 * it); 1 if the screen changed. */
int		 explorer_prompt_idle(struct explorer *ex);
/* Draw the open prompt on the last line (and a regex error above it). */
void		 explorer_prompt_draw(struct explorer *ex);
/* Run a command ("filter NAME"); -1 with *cause. */
int		 explorer_command(struct explorer *ex, const char *line, char **cause);
/* Move to the next or previous match of the last search. */
void		 explorer_next_match(struct explorer *ex, int backward);
/* Free the prompts and the search. */
void		 explorer_prompt_free(struct explorer *ex);

/* Notes and bookmarks (explorer-note.c). */
/* Bookmark the current record, or remove its bookmark. */
void		 explorer_bookmark(struct explorer *ex);
/* Write a note on the current record, or change its last one. */
void		 explorer_note(struct explorer *ex);

/* Copies (explorer-copy.c). */
/* The file a record is copied to (y), in the current directory. */
#define EXPLORER_RECORD_FILE	"aiatlas-record.md"
/* Copy the current record as show --format md writes it, or say why not. */
void		 explorer_copy_record(struct explorer *ex);

/* Keys (explorer-input.c). */
/* Read the terminal's next key, a character (as UTF-8 bytes in a locale
 * whose character set is ASCII) or a curses key code: 0, or -1 when
 * none came (the timeout, or a signal). */
int		 explorer_read_key(keys_key *key);

/* Exports (explorer-export.c). */
/* Ask for a format to export the current view in. */
void		 explorer_export_start(struct explorer *ex);
/* The format or the file name typed in their prompt. */
void		 explorer_export_accept(struct explorer *ex, const char *typed);
/* The answer to "overwrite?": y writes, anything else does not. */
void		 explorer_export_confirm(struct explorer *ex, keys_key key);
/* Forget the export's state. */
void		 explorer_export_free(struct explorer *ex);


#endif
