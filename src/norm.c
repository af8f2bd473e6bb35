/* Normalisation: any amount in euros and dollars at the average rate of its
 * year (the nearest year when that one has none, and saying so). */
#include "config.h"
#include "norm.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "number.h"
#include "xmalloc.h"

/* The nearest year's rate of a currency; the euro is 1 in every year. */
static const char norm_rate_sql[] =
	"SELECT per_eur, year FROM fx_rate WHERE currency = ?1"
	" ORDER BY abs(year - ?2), year DESC LIMIT 1";

/* Find the euro rate of a currency for a year. */
int
norm_rate(sqlite3 *db, const char *currency, int year, struct norm_rate *r)
{
	sqlite3_stmt *stmt;
	int found = 0;

	memset(r, 0, sizeof *r);
	if (currency == NULL)
		return -1;
	snprintf(r->currency, sizeof r->currency, "%s", currency);
	r->asked = year;
	if (strcmp(currency, "EUR") == 0) {
		r->per_eur = 1;
		r->year = year;
		return 0;
	}
	if (sqlite3_prepare_v2(db, norm_rate_sql, -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, currency, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, year);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		r->per_eur = sqlite3_column_double(stmt, 0);
		r->year = sqlite3_column_int(stmt, 1);
		r->fallback = r->year != year;
		found = r->per_eur > 0;
	}
	sqlite3_finalize(stmt);
	return found ? 0 : -1;
}

/* Convert an amount to euros and dollars. */
int
norm_convert(sqlite3 *db, double amount, const char *currency, int year, struct norm_value *v)
{
	struct norm_rate usd;

	memset(v, 0, sizeof *v);
	if (norm_rate(db, currency, year, &v->rate) != 0 || norm_rate(db, "USD", year, &usd) != 0)
		return -1;
	v->eur = amount / v->rate.per_eur;
	v->usd = v->eur * usd.per_eur;
	v->usd_rate = usd;
	return 0;
}

/* Describe how a conversion was made: "USD 1.13 per € (2025)", and the
 * year used when the year asked for had no rate. */
char *
norm_explain(const struct norm_rate *r)
{
	char rate[32];

	if (strcmp(r->currency, "EUR") == 0)
		return xstrdup(_("in euros"));
	number_format(rate, sizeof rate, "%.6g", r->per_eur);
	number_localize(rate, sizeof rate, 0);
	if (r->fallback)
		return xasprintf(_("%s %s per € (%d, the nearest year to %d)"), r->currency,
		    rate, r->year, r->asked);
	return xasprintf(_("%s %s per € (%d)"), r->currency, rate, r->year);
}

/* SQL eur(amount, currency, date) and usd(amount, currency, date): the
 * amount at the rate of the date's year; NULL without amount or rate. */
static void
norm_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct norm_value v;
	const char *date;
	int i;

	for (i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			sqlite3_result_null(ctx);
			return;
		}
	}
	date = (const char *)sqlite3_value_text(argv[2]);
	if (norm_convert(sqlite3_context_db_handle(ctx), sqlite3_value_double(argv[0]),
	    (const char *)sqlite3_value_text(argv[1]), atoi(date), &v) != 0) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_double(ctx, sqlite3_user_data(ctx) != NULL ? v.usd : v.eur);
}

/* Register eur() and usd(). */
void
norm_register(sqlite3 *db)
{
	static int usd = 1;
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;

	sqlite3_create_function(db, "eur", 3, flags, NULL, norm_sql, NULL, NULL);
	sqlite3_create_function(db, "usd", 3, flags, &usd, norm_sql, NULL, NULL);
}
