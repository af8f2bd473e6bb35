/* Amounts and quantities written for people: €109bn, $500bn, 10 GW. */
#ifndef AIATLAS_MONEY_H
#define AIATLAS_MONEY_H

#include <stddef.h>
#include <sqlite3.h>

/* Write amount in currency (ISO 4217) shortly: "€1.7bn", "$500bn",
 * "CHF 12M". Returns buf. */
char	*money_format(double amount, const char *currency, char *buf, size_t size);
/* Write amount in full, grouped by thousands: "€1,590", "$12,345,678";
 * two decimals below ten. Returns buf. */
char	*money_format_whole(double amount, const char *currency, char *buf, size_t size);
/* Write a range: "€30–50bn" (one scale when both share it). */
char	*money_format_range(double low, double high, const char *currency,
	     char *buf, size_t size);
/* Write a quantity with its unit: "10 GW", "100k chips", "42%"; an
 * amount when the unit is a currency code. */
char	*money_quantity(double value, const char *unit, char *buf, size_t size);
/* Register the SQL functions money(amount, currency),
 * money_range(low, high, currency), quantity(value, unit) and
 * quantity_range(low, high, unit); all return NULL on NULL input. */
void	 money_register(sqlite3 *db);

#endif
