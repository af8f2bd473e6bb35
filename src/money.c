/* Amounts and quantities written for people in the reader's conventions:
 * €109bn, $500bn, 10 GW in English; 109 Md€, 500 Md$, 10 GW in French. */
#include "config.h"
#include "money.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "label.h"
#include "lang.h"
#include "number.h"

/* Currency symbols written before the number; others get their code. */
static const struct {
	const char	*code;
	const char	*symbol;
} money_symbols[] = {
	{ "EUR", "€" }, { "USD", "$" }, { "GBP", "£" }, { "JPY", "¥" },
	{ "CNY", "CN¥" }, { "INR", "₹" }, { NULL, NULL }
};

/* Scales, largest first, in English and in French. */
static const struct {
	double		 factor;
	const char	*suffix;
	const char	*suffix_fr;
} money_scales[] = {
	{ 1e12, "T", "T" }, { 1e9, "bn", "Md" }, { 1e6, "M", "M" }, { 1e3, "k", "k" },
	{ 1, "", "" }
};

/* The symbol of a currency, or NULL if it is written with its code. */
static const char *
money_symbol(const char *currency)
{
	size_t i;

	for (i = 0; money_symbols[i].code != NULL; i++) {
		if (currency != NULL && strcmp(currency, money_symbols[i].code) == 0)
			return money_symbols[i].symbol;
	}
	return NULL;
}

/* The suffix of scale s in the reader's language. */
static const char *
money_suffix(size_t s)
{
	return lang_fr() ? money_scales[s].suffix_fr : money_scales[s].suffix;
}

/* Write a number and its scale's suffix with the currency as the reader's
 * language puts them: "€1.7bn", "CHF 12M"; "1,7 Md€", "12 M CHF". */
static void
money_write(const char *number, const char *suffix, const char *currency, char *buf,
    size_t size)
{
	const char *symbol = money_symbol(currency);

	if (currency == NULL)
		currency = "?";
	if (!lang_fr())
		snprintf(buf, size, "%s%s%s%s", symbol != NULL ? symbol : currency,
		    symbol != NULL ? "" : " ", number, suffix);
	else
		snprintf(buf, size, "%s" NUMBER_NNBSP "%s%s%s", number, suffix,
		    symbol != NULL ? "" : *suffix != '\0' ? NUMBER_NNBSP : "",
		    symbol != NULL ? symbol : currency);
}

/* The index of the scale that writes amount with at least one whole unit. */
static size_t
money_scale(double amount)
{
	size_t i;

	for (i = 0; i < sizeof money_scales / sizeof money_scales[0] - 1; i++) {
		if (fabs(amount) >= money_scales[i].factor)
			break;
	}
	return i;
}

/* Write a number with at most two decimals and four significant digits,
 * without trailing zeros, in the reader's conventions, its thousands
 * grouped when group is set. */
static void
money_number(double value, int group, char *buf, size_t size)
{
	char *p;
	int decimals = fabs(value) >= 1000 ? 0 : fabs(value) >= 100 ? 1 : 2;

	/* At most four significant digits: 442.5, 8.85, 109.1, 1.7. */
	number_format(buf, size, "%.*f", decimals, value);
	if ((p = strchr(buf, '.')) != NULL) {
		p += strlen(p) - 1;
		while (*p == '0')
			*p-- = '\0';
		if (*p == '.')
			*p = '\0';
	}
	number_localize(buf, size, group);
}

/* Write amount in currency shortly. */
char *
money_format(double amount, const char *currency, char *buf, size_t size)
{
	char number[64];
	size_t s = money_scale(amount);

	money_number(amount / money_scales[s].factor, 0, number, sizeof number);
	money_write(number, money_suffix(s), currency, buf, size);
	return buf;
}

/* Write amount in full with thousands separators: "€1,590", "1 590 €";
 * two decimals below ten ("€0.42"). */
char *
money_format_whole(double amount, const char *currency, char *buf, size_t size)
{
	char digits[96];

	number_format(digits, sizeof digits, fabs(amount) < 10 ? "%.2f" : "%.0f", amount);
	number_localize(digits, sizeof digits, 1);
	money_write(digits, "", currency, buf, size);
	return buf;
}

/* Write a range shortly. */
char *
money_format_range(double low, double high, const char *currency, char *buf, size_t size)
{
	char lo[64], hi[64], both[136];
	size_t s = money_scale(high);

	if (money_scale(low) != s) {
		money_format(low, currency, lo, sizeof lo);
		money_format(high, currency, hi, sizeof hi);
		snprintf(buf, size, "%s–%s", lo, hi);
		return buf;
	}
	money_number(low / money_scales[s].factor, 0, lo, sizeof lo);
	money_number(high / money_scales[s].factor, 0, hi, sizeof hi);
	snprintf(both, sizeof both, "%s–%s", lo, hi);
	money_write(both, money_suffix(s), currency, buf, size);
	return buf;
}

/* Whether unit is a currency code (three capital letters). */
static int
money_is_currency(const char *unit)
{
	return strlen(unit) == 3 && strspn(unit, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == 3;
}

/* Write a count shortly: in full below ten thousand (1,500; in French
 * 1 500), then 100k, 176bn. */
static void
money_count(double value, char *buf, size_t size)
{
	char number[64];
	size_t s = fabs(value) < 1e4 ? sizeof money_scales / sizeof money_scales[0] - 1 :
	    money_scale(value);

	money_number(value / money_scales[s].factor, 1, number, sizeof number);
	snprintf(buf, size, "%s%s%s", number,
	    lang_fr() && *money_suffix(s) != '\0' ? NUMBER_NNBSP : "", money_suffix(s));
}

/* Write a quantity, or a range of one, with its unit ("10 GW", "42%",
 * "10–20 GW"; in French "42 %", with a narrow no-break space, and a unit
 * that is a word in French: "384 puces"); an amount when the unit is a
 * currency. */
static char *
money_quantity_range(double low, double high, int range, const char *unit, char *buf,
    size_t size)
{
	char lo[96], hi[96];

	if (money_is_currency(unit))
		return range ? money_format_range(low, high, unit, buf, size) :
		    money_format(low, unit, buf, size);
	money_count(low, lo, sizeof lo);
	money_count(high, hi, sizeof hi);
	snprintf(buf, size, "%s%s%s%s%s", lo, range ? "–" : "", range ? hi : "",
	    lang_fr() ? NUMBER_NNBSP : strcmp(unit, "%") == 0 ? "" : " ", label_of(unit));
	return buf;
}

/* Write a quantity with its unit. */
char *
money_quantity(double value, const char *unit, char *buf, size_t size)
{
	return money_quantity_range(value, value, 0, unit, buf, size);
}

/* SQL money(), money_range(), quantity() and quantity_range(): the user
 * data says which, and how many arguments. */
static void
money_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char buf[128];
	const char *unit = (const char *)sqlite3_value_text(argv[argc - 1]);
	int i, quantity = sqlite3_user_data(ctx) != NULL;

	for (i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			sqlite3_result_null(ctx);
			return;
		}
	}
	if (quantity)
		money_quantity_range(sqlite3_value_double(argv[0]),
		    sqlite3_value_double(argv[argc - 2]), argc == 3, unit, buf, sizeof buf);
	else if (argc == 2)
		money_format(sqlite3_value_double(argv[0]), unit, buf, sizeof buf);
	else
		money_format_range(sqlite3_value_double(argv[0]), sqlite3_value_double(argv[1]),
		    unit, buf, sizeof buf);
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

/* Register the SQL functions. */
void
money_register(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

	static int quantity = 1;

	sqlite3_create_function(db, "money", 2, flags, NULL, money_sql, NULL, NULL);
	sqlite3_create_function(db, "money_range", 3, flags, NULL, money_sql, NULL, NULL);
	sqlite3_create_function(db, "quantity", 2, flags, &quantity, money_sql, NULL, NULL);
	sqlite3_create_function(db, "quantity_range", 3, flags, &quantity, money_sql, NULL, NULL);
}
