/* Amounts and quantities written for people: €109bn, $500bn, 10 GW. */
#include "config.h"
#include "money.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "number.h"

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

/* Write a number with at most two decimals and four significant digits,
 * without trailing zeros. */
static void
money_number(double value, char *buf, size_t size)
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

/* Write amount in full with thousands separators: "€1,590"; two decimals
 * below ten ("€0.42"). */
char *
money_format_whole(double amount, const char *currency, char *buf, size_t size)
{
	char prefix[16], digits[64], grouped[96];
	size_t len, i, j = 0;

	money_prefix(currency, prefix, sizeof prefix);
	if (fabs(amount) < 10) {
		number_format(digits, sizeof digits, "%.2f", amount);
		snprintf(buf, size, "%s%s", prefix, digits);
		return buf;
	}
	number_format(digits, sizeof digits, "%.0f", amount);
	len = strlen(digits);
	for (i = 0; i < len && j < sizeof grouped - 2; i++) {
		if (i > 0 && digits[i - 1] != '-' && (len - i) % 3 == 0)
			grouped[j++] = ',';
		grouped[j++] = digits[i];
	}
	grouped[j] = '\0';
	snprintf(buf, size, "%s%s", prefix, grouped);
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

/* Whether unit is a currency code (three capital letters). */
static int
money_is_currency(const char *unit)
{
	return strlen(unit) == 3 && strspn(unit, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == 3;
}

/* Write a count shortly: in full below ten thousand, then 100k, 176bn. */
static void
money_count(double value, char *buf, size_t size)
{
	char number[64];
	size_t s = fabs(value) < 1e4 ? sizeof money_scales / sizeof money_scales[0] - 1 :
	    money_scale(value);

	money_number(value / money_scales[s].factor, number, sizeof number);
	snprintf(buf, size, "%s%s", number, money_scales[s].suffix);
}

/* Write a quantity, or a range of one, with its unit ("10 GW", "42%",
 * "10–20 GW"); an amount when the unit is a currency. */
static char *
money_quantity_range(double low, double high, int range, const char *unit, char *buf,
    size_t size)
{
	char lo[64], hi[64];

	if (money_is_currency(unit))
		return range ? money_format_range(low, high, unit, buf, size) :
		    money_format(low, unit, buf, size);
	money_count(low, lo, sizeof lo);
	money_count(high, hi, sizeof hi);
	snprintf(buf, size, "%s%s%s%s%s", lo, range ? "–" : "", range ? hi : "",
	    strcmp(unit, "%") == 0 ? "" : " ", unit);
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
