/* The explorer's actions and the one table that binds keys to them. */
#include "config.h"
#include "keys.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "strbuf.h"
#include "text.h"
#include "xmalloc.h"

/* The help text of each action. */
static const char *const keys_action_help[] = {
#define KEYS_HELP(id, name, help) help,
	KEYS_ACTIONS(KEYS_HELP)
#undef KEYS_HELP
};

/* Names of keys, as scripts write them and the help shows them. */
static const struct {
	const char	*name;
	keys_key	 key;
} keys_names[] = {
	{ "Enter", '\n' },		{ "Esc", 27 },
	{ "Tab", '\t' },		{ "S-Tab", KEYS_CODE(KEY_BTAB) },
	{ "BSpace", KEYS_CODE(KEY_BACKSPACE) }, { "Space", ' ' },
	{ "Up", KEYS_CODE(KEY_UP) },	{ "Down", KEYS_CODE(KEY_DOWN) },
	{ "Left", KEYS_CODE(KEY_LEFT) }, { "Right", KEYS_CODE(KEY_RIGHT) },
	{ "PgUp", KEYS_CODE(KEY_PPAGE) }, { "PgDn", KEYS_CODE(KEY_NPAGE) },
	{ "Home", KEYS_CODE(KEY_HOME) }, { "End", KEYS_CODE(KEY_END) },
	{ "F1", KEYS_CODE(KEY_F(1)) },	{ "KEnter", KEYS_CODE(KEY_ENTER) },
	{ "lt", '<' },			{ "Resize", KEYS_CODE(KEY_RESIZE) },
	{ NULL, 0 }
};

/* Every binding: the key, where it applies, and its action. */
static const struct {
	keys_key		 key;
	enum keys_scope		 scope;
	enum keys_action	 action;
} keys_bindings[] = {
	{ 'j',				SCOPE_GLOBAL,	ACTION_DOWN },
	{ KEYS_CODE(KEY_DOWN),		SCOPE_GLOBAL,	ACTION_DOWN },
	{ 'k',				SCOPE_GLOBAL,	ACTION_UP },
	{ KEYS_CODE(KEY_UP),		SCOPE_GLOBAL,	ACTION_UP },
	{ 'd' & 0x1f,			SCOPE_GLOBAL,	ACTION_HALF_DOWN },
	{ 'u' & 0x1f,			SCOPE_GLOBAL,	ACTION_HALF_UP },
	{ KEYS_CODE(KEY_NPAGE),		SCOPE_GLOBAL,	ACTION_PAGE_DOWN },
	{ ' ',				SCOPE_GLOBAL,	ACTION_PAGE_DOWN },
	{ 'f' & 0x1f,			SCOPE_GLOBAL,	ACTION_PAGE_DOWN },
	{ KEYS_CODE(KEY_PPAGE),		SCOPE_GLOBAL,	ACTION_PAGE_UP },
	{ 'b' & 0x1f,			SCOPE_GLOBAL,	ACTION_PAGE_UP },
	{ 'g',				SCOPE_GLOBAL,	ACTION_FIRST },
	{ KEYS_CODE(KEY_HOME),		SCOPE_GLOBAL,	ACTION_FIRST },
	{ 'G',				SCOPE_GLOBAL,	ACTION_LAST },
	{ KEYS_CODE(KEY_END),		SCOPE_GLOBAL,	ACTION_LAST },
	{ '\n',				SCOPE_GLOBAL,	ACTION_OPEN },
	{ '\r',				SCOPE_GLOBAL,	ACTION_OPEN },
	{ KEYS_CODE(KEY_ENTER),		SCOPE_GLOBAL,	ACTION_OPEN },
	{ '\t',				SCOPE_RECORD,	ACTION_NEXT_LINK },
	{ KEYS_CODE(KEY_BTAB),		SCOPE_RECORD,	ACTION_PREV_LINK },
	{ KEYS_CODE(KEY_BACKSPACE),	SCOPE_GLOBAL,	ACTION_BACK },
	{ 127,				SCOPE_GLOBAL,	ACTION_BACK },
	{ 'h',				SCOPE_GLOBAL,	ACTION_BACK },
	{ KEYS_CODE(KEY_LEFT),		SCOPE_GLOBAL,	ACTION_BACK },
	{ 'L',				SCOPE_GLOBAL,	ACTION_FORWARD },
	{ KEYS_CODE(KEY_RIGHT),		SCOPE_GLOBAL,	ACTION_FORWARD },
	{ ' ',				SCOPE_LIST,	ACTION_MARK },
	{ 'm',				SCOPE_GLOBAL,	ACTION_MARK },
	{ 'c',				SCOPE_GLOBAL,	ACTION_COMPARE },
	{ 'x',				SCOPE_COMPARE,	ACTION_SWAP },
	{ '\t',				SCOPE_COMPARE,	ACTION_NEXT_PANE },
	{ '[',				SCOPE_COMPARE,	ACTION_PERIOD_PREV },
	{ ']',				SCOPE_COMPARE,	ACTION_PERIOD_NEXT },
	{ 'd',				SCOPE_COMPARE,	ACTION_DOMAINS },
	{ 'M',				SCOPE_COMPARE,	ACTION_MEMBERS },
	{ 'y',				SCOPE_GLOBAL,	ACTION_COPY },
	{ 't',				SCOPE_GLOBAL,	ACTION_TIMELINE },
	{ '+',				SCOPE_GLOBAL,	ACTION_ZOOM_IN },
	{ '=',				SCOPE_GLOBAL,	ACTION_ZOOM_IN },
	{ '-',				SCOPE_GLOBAL,	ACTION_ZOOM_OUT },
	{ 's',				SCOPE_LIST,	ACTION_SORT_NEXT },
	{ '>',				SCOPE_LIST,	ACTION_SORT_NEXT },
	{ '<',				SCOPE_LIST,	ACTION_SORT_PREV },
	{ 'S',				SCOPE_LIST,	ACTION_SORT_REVERSE },
	{ 'o',				SCOPE_LIST,	ACTION_SORT_REVERSE },
	{ '\t',				SCOPE_GLOBAL,	ACTION_NEXT_TAB },
	{ KEYS_CODE(KEY_BTAB),		SCOPE_GLOBAL,	ACTION_PREV_TAB },
	{ '1',				SCOPE_GLOBAL,	ACTION_TAB_ACTORS },
	{ '2',				SCOPE_GLOBAL,	ACTION_TAB_FUNDING },
	{ '3',				SCOPE_GLOBAL,	ACTION_TAB_TIMELINE },
	{ '4',				SCOPE_GLOBAL,	ACTION_TAB_BLOCS },
	{ '5',				SCOPE_GLOBAL,	ACTION_TAB_SOURCES },
	{ '6',				SCOPE_GLOBAL,	ACTION_TAB_MARKS },
	{ 'b',				SCOPE_GLOBAL,	ACTION_BOOKMARK },
	{ 'a',				SCOPE_GLOBAL,	ACTION_NOTE },
	{ '/',				SCOPE_GLOBAL,	ACTION_SEARCH },
	{ '~',				SCOPE_GLOBAL,	ACTION_SEARCH_REGEX },
	{ 'n',				SCOPE_GLOBAL,	ACTION_NEXT_MATCH },
	{ 'N',				SCOPE_GLOBAL,	ACTION_PREV_MATCH },
	{ 'f',				SCOPE_GLOBAL,	ACTION_FILTER },
	{ 'F',				SCOPE_GLOBAL,	ACTION_FILTER_CLEAR },
	{ 'e',				SCOPE_GLOBAL,	ACTION_EXPORT },
	{ 'B',				SCOPE_GLOBAL,	ACTION_BRIEF },
	{ ':',				SCOPE_GLOBAL,	ACTION_COMMAND },
	{ '?',				SCOPE_GLOBAL,	ACTION_HELP },
	{ KEYS_CODE(KEY_F(1)),		SCOPE_GLOBAL,	ACTION_HELP },
	{ 'l' & 0x1f,			SCOPE_GLOBAL,	ACTION_REDRAW },
	{ 'q',				SCOPE_GLOBAL,	ACTION_QUIT },
	{ 'Q',				SCOPE_GLOBAL,	ACTION_QUIT_ALL },
	{ '\n',				SCOPE_PROMPT,	ACTION_ACCEPT },
	{ '\r',				SCOPE_PROMPT,	ACTION_ACCEPT },
	{ KEYS_CODE(KEY_ENTER),		SCOPE_PROMPT,	ACTION_ACCEPT },
	{ 27,				SCOPE_PROMPT,	ACTION_CANCEL },
	{ 'g' & 0x1f,			SCOPE_PROMPT,	ACTION_CANCEL },
	{ '\t',				SCOPE_PROMPT,	ACTION_COMPLETE },
	{ 'r' & 0x1f,			SCOPE_PROMPT,	ACTION_TOGGLE_REGEX },
	{ 'f' & 0x1f,			SCOPE_PROMPT,	ACTION_TOGGLE_FOLD },
	{ KEYS_CODE(KEY_UP),		SCOPE_PROMPT,	ACTION_HISTORY_UP },
	{ 'p' & 0x1f,			SCOPE_PROMPT,	ACTION_HISTORY_UP },
	{ KEYS_CODE(KEY_DOWN),		SCOPE_PROMPT,	ACTION_HISTORY_DOWN },
	{ 'n' & 0x1f,			SCOPE_PROMPT,	ACTION_HISTORY_DOWN },
	{ KEYS_CODE(KEY_BACKSPACE),	SCOPE_PROMPT,	ACTION_DELETE_BACK },
	{ 127,				SCOPE_PROMPT,	ACTION_DELETE_BACK },
	{ 'h' & 0x1f,			SCOPE_PROMPT,	ACTION_DELETE_BACK },
	{ KEYS_CODE(KEY_LEFT),		SCOPE_PROMPT,	ACTION_CURSOR_LEFT },
	{ KEYS_CODE(KEY_RIGHT),		SCOPE_PROMPT,	ACTION_CURSOR_RIGHT },
	{ KEYS_CODE(KEY_HOME),		SCOPE_PROMPT,	ACTION_CURSOR_HOME },
	{ 'a' & 0x1f,			SCOPE_PROMPT,	ACTION_CURSOR_HOME },
	{ KEYS_CODE(KEY_END),		SCOPE_PROMPT,	ACTION_CURSOR_END },
	{ 'e' & 0x1f,			SCOPE_PROMPT,	ACTION_CURSOR_END },
	{ 'u' & 0x1f,			SCOPE_PROMPT,	ACTION_KILL_LINE },
	{ 'w' & 0x1f,			SCOPE_PROMPT,	ACTION_KILL_WORD },
	{ '\n',				SCOPE_EDITOR,	ACTION_NEWLINE },
	{ '\r',				SCOPE_EDITOR,	ACTION_NEWLINE },
	{ KEYS_CODE(KEY_ENTER),		SCOPE_EDITOR,	ACTION_NEWLINE },
	{ 's' & 0x1f,			SCOPE_EDITOR,	ACTION_SAVE },
	{ 27,				SCOPE_EDITOR,	ACTION_CANCEL },
	{ KEYS_CODE(KEY_BACKSPACE),	SCOPE_EDITOR,	ACTION_DELETE_BACK },
	{ 127,				SCOPE_EDITOR,	ACTION_DELETE_BACK },
	{ 'h' & 0x1f,			SCOPE_EDITOR,	ACTION_DELETE_BACK },
};

#define KEYS_NBINDINGS (sizeof keys_bindings / sizeof keys_bindings[0])

/* The action bound to key in scope, or globally. */
enum keys_action
keys_lookup(enum keys_scope scope, keys_key key)
{
	size_t i;

	for (i = 0; i < KEYS_NBINDINGS; i++) {
		if (keys_bindings[i].key == key && keys_bindings[i].scope == scope)
			return keys_bindings[i].action;
	}
	for (i = 0; scope != SCOPE_PROMPT && scope != SCOPE_EDITOR && i < KEYS_NBINDINGS; i++) {
		if (keys_bindings[i].key == key && keys_bindings[i].scope == SCOPE_GLOBAL)
			return keys_bindings[i].action;
	}
	return ACTION_NONE;
}

/* The action key is bound to in any view. */
enum keys_action
keys_lookup_elsewhere(keys_key key)
{
	size_t i;

	for (i = 0; i < KEYS_NBINDINGS; i++) {
		if (keys_bindings[i].key == key && keys_bindings[i].scope != SCOPE_PROMPT &&
		    keys_bindings[i].scope != SCOPE_EDITOR)
			return keys_bindings[i].action;
	}
	return ACTION_NONE;
}

/* What an action does, translated. */
const char *
keys_action_text(enum keys_action a)
{
	return a > ACTION_NONE && a < ACTION_COUNT ? _(keys_action_help[a]) : "";
}

/* Parse a key name of a script. */
keys_key
keys_parse(const char *name, size_t len)
{
	size_t i;

	if (len == 3 && name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z')
		return name[2] & 0x1f;
	for (i = 0; keys_names[i].name != NULL; i++) {
		if (strlen(keys_names[i].name) == len && strncmp(keys_names[i].name, name, len) == 0)
			return keys_names[i].key;
	}
	return 0;
}

/* A key as the help shows it: its name, or the character in UTF-8 (as
 * every text the explorer shows), or curses' name of a key code. */
void
keys_label(keys_key key, char *buf, size_t size)
{
	const char *name;
	char bytes[4];
	size_t i, n;

	for (i = 0; keys_names[i].name != NULL; i++) {
		if (keys_names[i].key == key && key != '<') {
			snprintf(buf, size, "%s", keys_names[i].name);
			return;
		}
	}
	if (key == 127)
		snprintf(buf, size, "Del");
	else if (key == '\r')
		snprintf(buf, size, "C-m");
	else if (key == 0)
		snprintf(buf, size, "C-@");
	else if (key > 0 && key < 32)
		snprintf(buf, size, "C-%c", key + 'a' - 1);
	else if (key < 0)
		snprintf(buf, size, "%s", (name = keyname(KEYS_CODE(key))) != NULL ? name : "?");
	else if ((n = text_utf8_put((unsigned long)key, bytes)) > 0)
		snprintf(buf, size, "%.*s", (int)n, bytes);
	else
		snprintf(buf, size, "U+%04X", (unsigned int)key);
}

/* Whether binding i's key is bound to the same action before it (in
 * another scope), so the help names it once. */
static int
keys_seen(size_t i)
{
	size_t j;

	for (j = 0; j < i; j++) {
		if (keys_bindings[j].key == keys_bindings[i].key &&
		    keys_bindings[j].action == keys_bindings[i].action)
			return 1;
	}
	return 0;
}

/* The keys bound to an action, as "j, Down"; "" if none. */
static void
keys_of(enum keys_action a, char *buf, size_t size)
{
	char label[16];
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < KEYS_NBINDINGS; i++) {
		if (keys_bindings[i].action != a || keys_bindings[i].key == '\r' ||
		    keys_bindings[i].key == KEYS_CODE(KEY_ENTER) || keys_bindings[i].key == 127 ||
		    keys_seen(i))
			continue;
		keys_label(keys_bindings[i].key, label, sizeof label);
		n += snprintf(buf + n, size - n, "%s%s", n > 0 ? ", " : "", label);
		if (n >= size)
			break;
	}
}

/* The key a hint names for an action: its first key that is a letter or
 * a sign ("h" rather than "BSpace"), else its first ("Enter"); "" if none. */
void
keys_hint(enum keys_action a, char *buf, size_t size)
{
	size_t i, first = KEYS_NBINDINGS;

	for (i = 0; i < KEYS_NBINDINGS; i++) {
		if (keys_bindings[i].action != a)
			continue;
		if (keys_bindings[i].key > ' ' && keys_bindings[i].key < 127) {
			first = i;
			break;
		}
		if (first == KEYS_NBINDINGS)
			first = i;
	}
	if (first == KEYS_NBINDINGS)
		buf[0] = '\0';
	else
		keys_label(keys_bindings[first].key, buf, size);
}

/* The help text: one line per bound action. */
char *
keys_help(void)
{
	struct strbuf sb = { 0 };
	char keys[64];
	int a;

	for (a = ACTION_NONE + 1; a < ACTION_COUNT; a++) {
		keys_of(a, keys, sizeof keys);
		if (keys[0] != '\0')
			strbuf_addf(&sb, "  %-20s %s\n", keys, _(keys_action_help[a]));
	}
	return strbuf_finish(&sb);
}

/* Write a help text as a sentence: its first letter a capital (an ASCII
 * letter, or an accented one of Latin-1 in UTF-8 as "é"), a full stop. */
static void
keys_write_sentence(FILE *fp, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] >= 'a' && u[0] <= 'z')
		fprintf(fp, "%c%s.\n", u[0] - 'a' + 'A', s + 1);
	else if (u[0] == 0xc3 && u[1] >= 0xa0 && u[1] <= 0xbe && u[1] != 0xb7)
		fprintf(fp, "%c%c%s.\n", u[0], u[1] - 0x20, s + 2);
	else
		fprintf(fp, "%s.\n", s);
}

/* The manual's key section, in roff: one .TP per bound action, in the
 * language of the messages. */
void
keys_write_man(FILE *fp)
{
	char keys[64], *p;
	int a;

	for (a = ACTION_NONE + 1; a < ACTION_COUNT; a++) {
		keys_of(a, keys, sizeof keys);
		if (keys[0] == '\0')
			continue;
		fputs(".TP\n.B ", fp);
		for (p = keys; *p != '\0'; p++) {
			if (*p == '\\' || *p == '-')
				fputc('\\', fp);
			fputc(*p, fp);
		}
		fputc('\n', fp);
		keys_write_sentence(fp, keys_action_text(a));
	}
}
