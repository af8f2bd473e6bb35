/* Normalisation: any amount in euros and dollars at the average rate of its
 * year (the nearest year when that one has none, and saying so). */
#ifndef AIATLAS_NORM_H
#define AIATLAS_NORM_H

#include <sqlite3.h>

/* A rate found for a currency and a year. */
struct norm_rate {
	char	currency[4];
	double	per_eur;	/* units of the currency for one euro */
	int	year;		/* the year of the rate */
	int	asked;		/* the year asked for */
	int	fallback;	/* year is not asked: the nearest one */
};

/* An amount in euros and dollars, and the rates used. */
struct norm_value {
	double			eur;
	double			usd;
	struct norm_rate	rate;
	struct norm_rate	usd_rate;
};

/* The euro rate of a currency for a year; -1 if the data has none. */
int	 norm_rate(sqlite3 *db, const char *currency, int year, struct norm_rate *r);
/* An amount in a currency, announced in a year, in euros and dollars. */
int	 norm_convert(sqlite3 *db, double amount, const char *currency, int year,
	     struct norm_value *v);
/* How a rate was used, for people ("USD 1.13 per € (2025)"); freed by the
 * caller. */
char	*norm_explain(const struct norm_rate *r);
/* Register the SQL functions eur(amount, currency, date) and
 * usd(amount, currency, date). */
void	 norm_register(sqlite3 *db);

#endif
