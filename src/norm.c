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

/* The amount in euros and dollars at rates already found. */
static void
norm_apply(double amount, const struct norm_rate *rate, const struct norm_rate *usd,
    struct norm_value *v)
{
	v->rate = *rate;
	v->usd_rate = *usd;
	v->eur = amount / rate->per_eur;
	v->usd = v->eur * usd->per_eur;
}

/* Convert an amount to euros and dollars. */
int
norm_convert(sqlite3 *db, double amount, const char *currency, int year, struct norm_value *v)
{
	struct norm_rate rate, usd;

	memset(v, 0, sizeof *v);
	if (norm_rate(db, currency, year, &rate) != 0 || norm_rate(db, "USD", year, &usd) != 0)
		return -1;
	norm_apply(amount, &rate, &usd, v);
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

/* How many rates an SQL function keeps: a few currencies over the years. */
#define NORM_MEMO 128

/*
 * The rates eur() or usd() has looked up on one connection. A statement
 * calls it for every funding row it reads (the timeline's headings sum a
 * million), and a lookup is a statement of its own; the rates are kept
 * until the connection writes something.
 */
struct norm_memo {
	int		 usd;		/* usd(), not eur() */
	sqlite3_int64	 changes;	/* sqlite3_total_changes64() when kept */
	int		 n;
	struct {
		struct norm_rate rate;
		int		 status;	/* norm_rate()'s */
	}		 kept[NORM_MEMO];
};

/* norm_rate(), through the rates m keeps. */
static int
norm_memo_rate(sqlite3 *db, struct norm_memo *m, const char *currency, int year,
    struct norm_rate *r)
{
	int i, status;

	if (m->changes != sqlite3_total_changes64(db)) {
		m->changes = sqlite3_total_changes64(db);
		m->n = 0;
	}
	/* A code longer than a currency's is looked up each time. */
	if (strlen(currency) >= sizeof r->currency)
		return norm_rate(db, currency, year, r);
	for (i = 0; i < m->n; i++) {
		if (m->kept[i].rate.asked == year && strcmp(m->kept[i].rate.currency, currency) == 0) {
			*r = m->kept[i].rate;
			return m->kept[i].status;
		}
	}
	status = norm_rate(db, currency, year, r);
	if (m->n == NORM_MEMO)
		m->n = 0;
	m->kept[m->n].rate = *r;
	m->kept[m->n++].status = status;
	return status;
}

/* SQL eur(amount, currency, date) and usd(amount, currency, date): the
 * amount at the rate of the date's year; NULL without amount or rate. */
static void
norm_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct norm_memo *m = sqlite3_user_data(ctx);
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	struct norm_rate rate, usd;
	struct norm_value v;
	const char *currency;
	int i, year;

	for (i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			sqlite3_result_null(ctx);
			return;
		}
	}
	currency = (const char *)sqlite3_value_text(argv[1]);
	year = atoi((const char *)sqlite3_value_text(argv[2]));
	if (currency == NULL || norm_memo_rate(db, m, currency, year, &rate) != 0 ||
	    norm_memo_rate(db, m, "USD", year, &usd) != 0) {
		sqlite3_result_null(ctx);
		return;
	}
	norm_apply(sqlite3_value_double(argv[0]), &rate, &usd, &v);
	sqlite3_result_double(ctx, m->usd ? v.usd : v.eur);
}

/* Register eur() and usd(), each with the rates it keeps. */
void
norm_register(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
	struct norm_memo *eur = xcalloc(1, sizeof *eur), *usd = xcalloc(1, sizeof *usd);

	usd->usd = 1;
	sqlite3_create_function_v2(db, "eur", 3, flags, eur, norm_sql, NULL, NULL, free);
	sqlite3_create_function_v2(db, "usd", 3, flags, usd, norm_sql, NULL, NULL, free);
}
