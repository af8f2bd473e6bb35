/* Amounts of money written for people: €109bn, $500bn, €1.7bn. */
#ifndef AIATLAS_MONEY_H
#define AIATLAS_MONEY_H

#include <stddef.h>
#include <sqlite3.h>

/* Write amount in currency (ISO 4217) shortly: "€1.7bn", "$500bn",
 * "CHF 12M". Returns buf. */
char	*money_format(double amount, const char *currency, char *buf, size_t size);
/* Write a range: "€30–50bn" (one scale when both share it). */
char	*money_format_range(double low, double high, const char *currency,
	     char *buf, size_t size);
/* Register the SQL functions money(amount, currency) and
 * money_range(low, high, currency); both return NULL on NULL input. */
void	 money_register(sqlite3 *db);

#endif
