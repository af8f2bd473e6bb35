/* Unit tests of numbers, money and dates written for people in both
 * languages: the English and French conventions, whatever LC_NUMERIC. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "label.h"
#include "lang.h"
#include "money.h"
#include "number.h"
#include "tap.h"

#define TESTS 34

/* A narrow no-break space, as French numbers are written. */
#define S NUMBER_NNBSP

/* The short amount of a in currency c. */
static const char *
test_money(double a, const char *c)
{
	static char buf[128];

	return money_format(a, c, buf, sizeof buf);
}

/* The full amount of a in currency c. */
static const char *
test_whole(double a, const char *c)
{
	static char buf[128];

	return money_format_whole(a, c, buf, sizeof buf);
}

/* The range from lo to hi in currency c. */
static const char *
test_range(double lo, double hi, const char *c)
{
	static char buf[128];

	return money_format_range(lo, hi, c, buf, sizeof buf);
}

/* The quantity v in unit u. */
static const char *
test_quantity(double v, const char *u)
{
	static char buf[128];

	return money_quantity(v, u, buf, sizeof buf);
}

/* A percentage with d decimals. */
static const char *
test_percent(double v, int d)
{
	static char buf[64];

	return number_percent(v, d, buf, sizeof buf);
}

/* An ISO date as people read it. */
static const char *
test_date(const char *iso)
{
	static char buf[64];

	return number_date(iso, buf, sizeof buf);
}

/* The English forms. */
static void
test_english(void)
{
	lang_set_data("en");
	is_str(test_money(109e9, "EUR"), "€109bn", "English: €109bn");
	is_str(test_money(1.7e9, "EUR"), "€1.7bn", "English: €1.7bn");
	is_str(test_money(500e9, "USD"), "$500bn", "English: $500bn");
	is_str(test_money(400e6, "EUR"), "€400M", "English: €400M");
	is_str(test_money(12e6, "CHF"), "CHF 12M", "English: a currency without a symbol");
	is_str(test_whole(1590.04, "EUR"), "€1,590", "English: €1,590");
	is_str(test_whole(12345678, "USD"), "$12,345,678", "English: thousands by commas");
	is_str(test_whole(0.42, "EUR"), "€0.42", "English: two decimals below ten");
	is_str(test_range(30e9, 50e9, "EUR"), "€30–50bn", "English: a range");
	is_str(test_quantity(4.7, "%"), "4.7%", "English: 4.7%%");
	is_str(test_quantity(10, "GW"), "10 GW", "English: 10 GW");
	is_str(test_percent(4.7, 1), "4.7%", "English: a percentage");
	is_str(test_date("2025-02-09"), "9 Feb 2025", "English: 9 Feb 2025");
	is_str(test_date("2025-02"), "Feb 2025", "English: a month");
	is_str(test_date("2025"), "2025", "English: a year");
	is_str(test_date("2025-13-01"), "2025-13-01", "not a date: as it is");
	is_str(label_of("public_body"), "public_body", "English: the word is its label");
}

/* The French forms. */
static void
test_french(void)
{
	lang_set_data("fr");
	is_str(test_money(109e9, "EUR"), "109" S "Md€", "French: 109 Md€");
	is_str(test_money(1.7e9, "EUR"), "1,7" S "Md€", "French: 1,7 Md€");
	is_str(test_money(500e9, "USD"), "500" S "Md$", "French: 500 Md$");
	is_str(test_money(400e6, "EUR"), "400" S "M€", "French: 400 M€");
	is_str(test_money(12e6, "CHF"), "12" S "M" S "CHF", "French: a currency without a symbol");
	is_str(test_whole(1590.04, "EUR"), "1" S "590" S "€", "French: 1 590 €");
	is_str(test_whole(12345678, "USD"), "12" S "345" S "678" S "$",
	    "French: thousands by narrow no-break spaces");
	is_str(test_whole(0.42, "EUR"), "0,42" S "€", "French: a comma before the decimals");
	is_str(test_range(30e9, 50e9, "EUR"), "30–50" S "Md€", "French: a range");
	is_str(test_quantity(4.7, "%"), "4,7" S "%", "French: 4,7 %%");
	is_str(test_quantity(10, "GW"), "10" S "GW", "French: 10 GW");
	is_str(test_percent(4.7, 1), "4,7" S "%", "French: a percentage");
	is_str(test_money(-2.5e6, "EUR"), "-2,5" S "M€", "French: a negative amount");
	lang_set_data("en");
}

/* French dates and labels, with the build tree's catalogue. */
static void
test_french_words(void)
{
#ifdef ENABLE_NLS
	if (setlocale(LC_ALL, "fr_FR.UTF-8") == NULL) {
		skip(4, "the fr_FR.UTF-8 locale is not available");
		return;
	}
	bindtextdomain(PACKAGE, BUILD_LOCALEDIR);
	textdomain(PACKAGE);
	lang_messages(NULL);
	lang_init();
	is_str(lang_get(), "fr", "the catalogue's language is the data's");
	is_str(test_date("2025-02-09"), "9 févr. 2025", "French: 9 févr. 2025");
	is_str(label_of("public_body"), "organisme public", "French: a word's label");
	is_str(label_word("Organisme_public"), "public_body",
	    "a label read back as its word, in any case and with underscores");
#else
	skip(4, "built without NLS");
#endif
}

int
main(void)
{
	plan(TESTS);
	/* Whatever LC_NUMERIC says (a comma in French), the same forms. */
	setlocale(LC_ALL, "fr_FR.UTF-8");
	test_english();
	test_french();
	setlocale(LC_ALL, "C");
	test_french_words();
	return exit_status();
}
