/* Amounts of money written for people: €109bn, $500bn, €1.7bn. */
#include "config.h"
#include "money.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Currency symbols written before the number; others get their code. */
static const struct {
	const char	*code;
	const char	*symbol;
} money_symbols[] = {
	{ "EUR", "€" }, { "USD", "$" }, { "GBP", "£" }, { "JPY", "¥" },
	{ "CNY", "CN¥" }, { "INR", "₹" }, { NULL, NULL }
};

/* Scales, largest first. */
static const struct {
	double		 factor;
	const char	*suffix;
} money_scales[] = {
	{ 1e12, "T" }, { 1e9, "bn" }, { 1e6, "M" }, { 1e3, "k" }, { 1, "" }
};

/* The prefix for a currency: its symbol, or its code and a space. */
static void
money_prefix(const char *currency, char *buf, size_t size)
{
	size_t i;

	for (i = 0; money_symbols[i].code != NULL; i++) {
		if (currency != NULL && strcmp(currency, money_symbols[i].code) == 0) {
			snprintf(buf, size, "%s", money_symbols[i].symbol);
			return;
		}
	}
	snprintf(buf, size, "%s ", currency == NULL ? "?" : currency);
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

/* Write a number with at most two decimals, without trailing zeros. */
static void
money_number(double value, char *buf, size_t size)
{
	char *p;

	snprintf(buf, size, "%.2f", value);
	if ((p = strchr(buf, '.')) != NULL) {
		p += strlen(p) - 1;
		while (*p == '0')
			*p-- = '\0';
		if (*p == '.')
			*p = '\0';
	}
}

/* Write amount in currency shortly. */
char *
money_format(double amount, const char *currency, char *buf, size_t size)
{
	char prefix[16], number[64];
	size_t s = money_scale(amount);

	money_prefix(currency, prefix, sizeof prefix);
	money_number(amount / money_scales[s].factor, number, sizeof number);
	snprintf(buf, size, "%s%s%s", prefix, number, money_scales[s].suffix);
	return buf;
}

/* Write a range shortly. */
char *
money_format_range(double low, double high, const char *currency, char *buf, size_t size)
{
	char prefix[16], lo[64], hi[64];
	size_t s = money_scale(high);

	if (money_scale(low) != s) {
		money_format(low, currency, lo, sizeof lo);
		money_format(high, currency, hi, sizeof hi);
		snprintf(buf, size, "%s–%s", lo, hi);
		return buf;
	}
	money_prefix(currency, prefix, sizeof prefix);
	money_number(low / money_scales[s].factor, lo, sizeof lo);
	money_number(high / money_scales[s].factor, hi, sizeof hi);
	snprintf(buf, size, "%s%s–%s%s", prefix, lo, hi, money_scales[s].suffix);
	return buf;
}

/* SQL money(amount, currency) and money_range(low, high, currency). */
static void
money_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char buf[128];
	int i;

	for (i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			sqlite3_result_null(ctx);
			return;
		}
	}
	if (argc == 2)
		money_format(sqlite3_value_double(argv[0]),
		    (const char *)sqlite3_value_text(argv[1]), buf, sizeof buf);
	else
		money_format_range(sqlite3_value_double(argv[0]), sqlite3_value_double(argv[1]),
		    (const char *)sqlite3_value_text(argv[2]), buf, sizeof buf);
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

/* Register the SQL functions. */
void
money_register(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

	sqlite3_create_function(db, "money", 2, flags, NULL, money_sql, NULL, NULL);
	sqlite3_create_function(db, "money_range", 3, flags, NULL, money_sql, NULL, NULL);
}
