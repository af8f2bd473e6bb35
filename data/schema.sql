-- aiatlas database schema.
--
-- The names of tables and columns are a contract (see data/README): extend
-- them, never rename them. Constraint names follow the form
-- "column: what is expected"; the loader turns a failed constraint into
-- "file:line: column: what is expected".
--
-- A column that takes one of a few values checks them as comparisons
-- joined by OR, not as IN (...): SQLite makes a table of an IN list's
-- values each time a row is written (aiatlas-mkdb, 200,000 records: the
-- load 3.6 -> 2.2 s; a million: the build 78.4 -> 69.8 s).
--
-- Dates are ISO 8601 text truncated to their precision (2025, 2025-09,
-- 2025-09-09); each *_precision column is computed from its date.
-- Amounts are REAL, in the currency of the row (ISO 4217).

-- Every record id, whatever its table: ids are unique across all tables,
-- and citations and aliases point here. Filled by the triggers below.
CREATE TABLE record (
  id   TEXT NOT NULL PRIMARY KEY,
  kind TEXT NOT NULL
    CONSTRAINT "kind: one of source, country, bloc, actor, funding, event, figure"
    CHECK (kind = 'source' OR kind = 'country' OR kind = 'bloc'
           OR kind = 'actor' OR kind = 'funding' OR kind = 'event'
           OR kind = 'figure')
) WITHOUT ROWID;

CREATE TABLE source (
  id           TEXT NOT NULL PRIMARY KEY
    CONSTRAINT "id: lowercase letters, digits and hyphens"
    CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  title        TEXT NOT NULL
    CONSTRAINT "title: not empty" CHECK (length(trim(title)) > 0),
  publisher    TEXT,
  author       TEXT,
  published_on TEXT
    CONSTRAINT "published_on: a date YYYY, YYYY-MM or YYYY-MM-DD"
    CHECK (published_on IS NULL
           OR (length(published_on) = 4 AND published_on GLOB '[0-9][0-9][0-9][0-9]')
           OR (length(published_on) = 7 AND date(published_on || '-01', '+0 days') IS published_on || '-01')
           OR (length(published_on) = 10 AND date(published_on, '+0 days') IS published_on)),
  published_precision TEXT GENERATED ALWAYS AS
    (CASE length(published_on) WHEN 4 THEN 'year' WHEN 7 THEN 'month' WHEN 10 THEN 'day' END) VIRTUAL,
  url          TEXT
    CONSTRAINT "url: an http:// or https:// address"
    CHECK (url IS NULL OR url GLOB 'http://?*' OR url GLOB 'https://?*'),
  lang         TEXT NOT NULL
    CONSTRAINT "lang: a two-letter ISO 639-1 code in lowercase"
    CHECK (lang GLOB '[a-z][a-z]' AND length(lang) = 2),
  kind         TEXT NOT NULL
    CONSTRAINT "kind: one of news, press_release, official, report, dataset, opinion"
    CHECK (kind = 'news' OR kind = 'press_release' OR kind = 'official'
           OR kind = 'report' OR kind = 'dataset' OR kind = 'opinion'),
  note_en      TEXT,
  note_fr      TEXT
);

CREATE TABLE country (
  iso3       TEXT NOT NULL PRIMARY KEY
    CONSTRAINT "iso3: three capital letters (ISO 3166-1 alpha-3)"
    CHECK (iso3 GLOB '[A-Z][A-Z][A-Z]' AND length(iso3) = 3),
  name_en    TEXT NOT NULL CONSTRAINT "name_en: not empty" CHECK (length(trim(name_en)) > 0),
  name_fr    TEXT NOT NULL CONSTRAINT "name_fr: not empty" CHECK (length(trim(name_fr)) > 0),
  population INTEGER
    CONSTRAINT "population: a whole number above zero"
    CHECK (population IS NULL OR (typeof(population) = 'integer' AND population > 0)),
  gdp_usd    REAL
    CONSTRAINT "gdp_usd: a number above zero"
    CHECK (gdp_usd IS NULL OR gdp_usd > 0),
  stats_year INTEGER
    CONSTRAINT "stats_year: a year, required with population or gdp_usd"
    CHECK ((stats_year IS NULL AND population IS NULL AND gdp_usd IS NULL)
           OR coalesce(stats_year BETWEEN 1900 AND 2100, 0)),
  source_id  TEXT REFERENCES source(id)
    CONSTRAINT "source_id: required with population or gdp_usd"
    CHECK (source_id IS NOT NULL OR (population IS NULL AND gdp_usd IS NULL)),
  -- the GDP's own source where it is not source_id's
  gdp_source_id TEXT REFERENCES source(id)
    CONSTRAINT "gdp_source_id: only with gdp_usd"
    CHECK (gdp_source_id IS NULL OR gdp_usd IS NOT NULL)
);

CREATE TABLE bloc (
  id         TEXT NOT NULL PRIMARY KEY
    CONSTRAINT "id: lowercase letters, digits and hyphens"
    CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  name_en    TEXT NOT NULL CONSTRAINT "name_en: not empty" CHECK (length(trim(name_en)) > 0),
  name_fr    TEXT NOT NULL CONSTRAINT "name_fr: not empty" CHECK (length(trim(name_fr)) > 0),
  kind       TEXT NOT NULL
    CONSTRAINT "kind: one of union, state, alliance, coalition, region"
    CHECK (kind = 'union' OR kind = 'state' OR kind = 'alliance'
           OR kind = 'coalition' OR kind = 'region'),
  -- the country row whose population and GDP stand for the whole bloc
  -- (EUU for the European Union, USA for the United States)
  stats_iso3 TEXT REFERENCES country(iso3),
  summary_en TEXT NOT NULL CONSTRAINT "summary_en: not empty" CHECK (length(trim(summary_en)) > 0),
  summary_fr TEXT NOT NULL CONSTRAINT "summary_fr: not empty" CHECK (length(trim(summary_fr)) > 0)
);

CREATE TABLE bloc_member (
  bloc_id TEXT NOT NULL REFERENCES bloc(id),
  iso3    TEXT NOT NULL REFERENCES country(iso3),
  role    TEXT NOT NULL DEFAULT 'member'
    CONSTRAINT "role: one of member, founder, observer, partner, signatory"
    CHECK (role = 'member' OR role = 'founder' OR role = 'observer'
           OR role = 'partner' OR role = 'signatory'),
  since   TEXT
    CONSTRAINT "since: a date YYYY, YYYY-MM or YYYY-MM-DD"
    CHECK (since IS NULL
           OR (length(since) = 4 AND since GLOB '[0-9][0-9][0-9][0-9]')
           OR (length(since) = 7 AND date(since || '-01', '+0 days') IS since || '-01')
           OR (length(since) = 10 AND date(since, '+0 days') IS since)),
  until   TEXT
    CONSTRAINT "until: a date YYYY, YYYY-MM or YYYY-MM-DD, not before since"
    CHECK (until IS NULL
           OR ((  (length(until) = 4 AND until GLOB '[0-9][0-9][0-9][0-9]')
               OR (length(until) = 7 AND date(until || '-01', '+0 days') IS until || '-01')
               OR (length(until) = 10 AND date(until, '+0 days') IS until))
               AND (since IS NULL OR until >= since))),
  PRIMARY KEY (bloc_id, iso3)
);

CREATE TABLE actor (
  id          TEXT NOT NULL PRIMARY KEY
    CONSTRAINT "id: lowercase letters, digits and hyphens"
    CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  name        TEXT NOT NULL CONSTRAINT "name: not empty" CHECK (length(trim(name)) > 0),
  name_fr     TEXT NOT NULL CONSTRAINT "name_fr: not empty" CHECK (length(trim(name_fr)) > 0),
  kind        TEXT NOT NULL
    CONSTRAINT "kind: one of company, state, public_body, fund, person, infrastructure, supercomputer, data_centre, model, regulation, initiative"
    CHECK (kind = 'company' OR kind = 'state' OR kind = 'public_body'
           OR kind = 'fund' OR kind = 'person' OR kind = 'infrastructure'
           OR kind = 'supercomputer' OR kind = 'data_centre'
           OR kind = 'model' OR kind = 'regulation' OR kind = 'initiative'),
  country     TEXT REFERENCES country(iso3),
  -- for an actor that belongs to a bloc rather than to one country
  -- (the European Commission, the AI Act)
  bloc_id     TEXT REFERENCES bloc(id),
  sector      TEXT
    CONSTRAINT "sector: one of private, public, public_private, academic, nonprofit"
    CHECK (sector IS NULL OR (sector = 'private' OR sector = 'public'
                              OR sector = 'public_private'
                              OR sector = 'academic' OR sector = 'nonprofit')),
  parent_id   TEXT REFERENCES actor(id)
    CONSTRAINT "parent_id: not the actor itself" CHECK (parent_id IS NULL OR parent_id <> id),
  founded_on  TEXT
    CONSTRAINT "founded_on: a date YYYY, YYYY-MM or YYYY-MM-DD"
    CHECK (founded_on IS NULL
           OR (length(founded_on) = 4 AND founded_on GLOB '[0-9][0-9][0-9][0-9]')
           OR (length(founded_on) = 7 AND date(founded_on || '-01', '+0 days') IS founded_on || '-01')
           OR (length(founded_on) = 10 AND date(founded_on, '+0 days') IS founded_on)),
  founded_precision TEXT GENERATED ALWAYS AS
    (CASE length(founded_on) WHEN 4 THEN 'year' WHEN 7 THEN 'month' WHEN 10 THEN 'day' END) VIRTUAL,
  summary_en  TEXT NOT NULL CONSTRAINT "summary_en: not empty" CHECK (length(trim(summary_en)) > 0),
  summary_fr  TEXT NOT NULL CONSTRAINT "summary_fr: not empty" CHECK (length(trim(summary_fr)) > 0),
  -- where a site stands (supercomputers, data centres): its city or site,
  -- and the region, province or department it lies in, as sources name
  -- them; last, so that user databases made before them gain them by
  -- ALTER TABLE ... ADD COLUMN in the same order
  place       TEXT CONSTRAINT "place: not empty" CHECK (place IS NULL OR length(trim(place)) > 0),
  region      TEXT CONSTRAINT "region: not empty" CHECK (region IS NULL OR length(trim(region)) > 0)
);

CREATE TABLE alias (
  subject_id TEXT NOT NULL REFERENCES record(id),
  alias      TEXT NOT NULL CONSTRAINT "alias: not empty" CHECK (length(trim(alias)) > 0),
  lang       TEXT
    CONSTRAINT "lang: a two-letter ISO 639-1 code in lowercase"
    CHECK (lang IS NULL OR (lang GLOB '[a-z][a-z]' AND length(lang) = 2)),
  PRIMARY KEY (subject_id, alias)
);

CREATE TABLE funding (
  id             TEXT NOT NULL PRIMARY KEY
    CONSTRAINT "id: lowercase letters, digits and hyphens"
    CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  title_en       TEXT NOT NULL CONSTRAINT "title_en: not empty" CHECK (length(trim(title_en)) > 0),
  title_fr       TEXT NOT NULL CONSTRAINT "title_fr: not empty" CHECK (length(trim(title_fr)) > 0),
  kind           TEXT NOT NULL
    CONSTRAINT "kind: one of equity_round, public_programme, private_commitment, sovereign_investment, fund, loan, grant"
    CHECK (kind = 'equity_round' OR kind = 'public_programme'
           OR kind = 'private_commitment' OR kind = 'sovereign_investment'
           OR kind = 'fund' OR kind = 'loan' OR kind = 'grant'),
  round          TEXT,
  -- whose money: a state's, companies' and investors', or both
  nature         TEXT NOT NULL
    CONSTRAINT "nature: one of public, private, mixed"
    CHECK (nature = 'public' OR nature = 'private' OR nature = 'mixed'),
  -- what the money is for: its dominant use
  domain         TEXT NOT NULL
    CONSTRAINT "domain: one of ai, compute, semiconductors, general"
    CHECK (domain = 'ai' OR domain = 'compute' OR domain = 'semiconductors'
           OR domain = 'general'),
  status         TEXT NOT NULL
    CONSTRAINT "status: one of announced, committed, disbursed, revised, cancelled"
    CHECK (status = 'announced' OR status = 'committed'
           OR status = 'disbursed' OR status = 'revised'
           OR status = 'cancelled'),
  currency       TEXT
    CONSTRAINT "currency: three capital letters (ISO 4217), required with any amount"
    CHECK ((currency IS NULL AND amount IS NULL AND amount_low IS NULL
            AND amount_high IS NULL AND valuation_post IS NULL)
           OR coalesce(currency GLOB '[A-Z][A-Z][A-Z]' AND length(currency) = 3, 0)),
  amount         REAL
    CONSTRAINT "amount: a number above zero, within amount_low..amount_high when both are given"
    CHECK (amount IS NULL OR (amount > 0 AND (amount_low IS NULL OR amount BETWEEN amount_low AND amount_high))),
  amount_low     REAL
    CONSTRAINT "amount_low: a number above zero, given with amount_high"
    CHECK ((amount_low IS NULL AND amount_high IS NULL) OR (amount_low > 0 AND amount_high IS NOT NULL)),
  amount_high    REAL
    CONSTRAINT "amount_high: a number not below amount_low, given with amount_low"
    CHECK (amount_high IS NULL OR (amount_low IS NOT NULL AND amount_high >= amount_low)),
  valuation_post REAL
    CONSTRAINT "valuation_post: a number above zero"
    CHECK (valuation_post IS NULL OR valuation_post > 0),
  announced_on   TEXT NOT NULL
    CONSTRAINT "announced_on: a date YYYY, YYYY-MM or YYYY-MM-DD"
    CHECK ((length(announced_on) = 4 AND announced_on GLOB '[0-9][0-9][0-9][0-9]')
           OR (length(announced_on) = 7 AND date(announced_on || '-01', '+0 days') IS announced_on || '-01')
           OR (length(announced_on) = 10 AND date(announced_on, '+0 days') IS announced_on)),
  announced_precision TEXT GENERATED ALWAYS AS
    (CASE length(announced_on) WHEN 4 THEN 'year' WHEN 7 THEN 'month' WHEN 10 THEN 'day' END) VIRTUAL,
  horizon_end    TEXT
    CONSTRAINT "horizon_end: a date YYYY, YYYY-MM or YYYY-MM-DD, not before announced_on"
    CHECK (horizon_end IS NULL
           OR (((length(horizon_end) = 4 AND horizon_end GLOB '[0-9][0-9][0-9][0-9]')
               OR (length(horizon_end) = 7 AND date(horizon_end || '-01', '+0 days') IS horizon_end || '-01')
               OR (length(horizon_end) = 10 AND date(horizon_end, '+0 days') IS horizon_end))
               AND substr(horizon_end, 1, 4) >= substr(announced_on, 1, 4))),
  country        TEXT REFERENCES country(iso3),
  -- for money of or for a bloc rather than one country (the EU's InvestAI)
  bloc_id        TEXT REFERENCES bloc(id),
  recipient_id   TEXT REFERENCES actor(id),
  parent_id      TEXT REFERENCES funding(id)
    CONSTRAINT "parent_id: not the funding itself" CHECK (parent_id IS NULL OR parent_id <> id),
  confidence     TEXT NOT NULL DEFAULT 'confirmed'
    CONSTRAINT "confidence: one of confirmed, likely, speculative"
    CHECK (confidence = 'confirmed' OR confidence = 'likely'
           OR confidence = 'speculative'),
  summary_en     TEXT NOT NULL CONSTRAINT "summary_en: not empty" CHECK (length(trim(summary_en)) > 0),
  summary_fr     TEXT NOT NULL CONSTRAINT "summary_fr: not empty" CHECK (length(trim(summary_fr)) > 0)
);

CREATE TABLE funding_party (
  funding_id TEXT NOT NULL REFERENCES funding(id),
  actor_id   TEXT NOT NULL REFERENCES actor(id),
  role       TEXT NOT NULL
    CONSTRAINT "role: one of lead, investor, sponsor, recipient, partner, operator"
    CHECK (role = 'lead' OR role = 'investor' OR role = 'sponsor'
           OR role = 'recipient' OR role = 'partner' OR role = 'operator'),
  amount     REAL
    CONSTRAINT "amount: a number above zero" CHECK (amount IS NULL OR amount > 0),
  currency   TEXT
    CONSTRAINT "currency: three capital letters (ISO 4217), required with amount"
    CHECK ((amount IS NULL AND currency IS NULL)
           OR coalesce(amount IS NOT NULL AND currency GLOB '[A-Z][A-Z][A-Z]' AND length(currency) = 3, 0)),
  PRIMARY KEY (funding_id, actor_id, role)
);

CREATE TABLE event (
  id             TEXT NOT NULL PRIMARY KEY
    CONSTRAINT "id: lowercase letters, digits and hyphens"
    CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  date           TEXT NOT NULL
    CONSTRAINT "date: a date YYYY, YYYY-MM or YYYY-MM-DD"
    CHECK ((length(date) = 4 AND date GLOB '[0-9][0-9][0-9][0-9]')
           OR (length(date) = 7 AND date(date || '-01', '+0 days') IS date || '-01')
           OR (length(date) = 10 AND date(date, '+0 days') IS date)),
  date_precision TEXT GENERATED ALWAYS AS
    (CASE length(date) WHEN 4 THEN 'year' WHEN 7 THEN 'month' WHEN 10 THEN 'day' END) VIRTUAL,
  end_date       TEXT
    CONSTRAINT "end_date: a date YYYY, YYYY-MM or YYYY-MM-DD, not before date"
    CHECK (end_date IS NULL
           OR (((length(end_date) = 4 AND end_date GLOB '[0-9][0-9][0-9][0-9]')
               OR (length(end_date) = 7 AND date(end_date || '-01', '+0 days') IS end_date || '-01')
               OR (length(end_date) = 10 AND date(end_date, '+0 days') IS end_date))
               AND end_date >= date)),
  kind           TEXT NOT NULL
    CONSTRAINT "kind: one of announcement, summit, regulation, funding, launch, policy, tender, statement"
    CHECK (kind = 'announcement' OR kind = 'summit' OR kind = 'regulation'
           OR kind = 'funding' OR kind = 'launch' OR kind = 'policy'
           OR kind = 'tender' OR kind = 'statement'),
  title_en       TEXT NOT NULL CONSTRAINT "title_en: not empty" CHECK (length(trim(title_en)) > 0),
  title_fr       TEXT NOT NULL CONSTRAINT "title_fr: not empty" CHECK (length(trim(title_fr)) > 0),
  summary_en     TEXT NOT NULL CONSTRAINT "summary_en: not empty" CHECK (length(trim(summary_en)) > 0),
  summary_fr     TEXT NOT NULL CONSTRAINT "summary_fr: not empty" CHECK (length(trim(summary_fr)) > 0),
  country        TEXT REFERENCES country(iso3),
  -- for an event of a bloc rather than one country (an EU regulation)
  bloc_id        TEXT REFERENCES bloc(id),
  -- the funding record this event announces or changes, if any
  funding_id     TEXT REFERENCES funding(id)
);

CREATE TABLE event_actor (
  event_id TEXT NOT NULL REFERENCES event(id),
  actor_id TEXT NOT NULL REFERENCES actor(id),
  role     TEXT NOT NULL DEFAULT 'participant'
    CONSTRAINT "role: one of host, announcer, participant, subject, signatory, speaker"
    CHECK (role = 'host' OR role = 'announcer' OR role = 'participant'
           OR role = 'subject' OR role = 'signatory' OR role = 'speaker'),
  PRIMARY KEY (event_id, actor_id, role)
);

-- A figure that is not money: a target, a capacity, a count, a share, a
-- poll result. It belongs to a record (the actor, funding or event it
-- describes).
CREATE TABLE figure (
  id          TEXT NOT NULL PRIMARY KEY
    CONSTRAINT "id: lowercase letters, digits and hyphens"
    CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  subject_id  TEXT NOT NULL REFERENCES record(id),
  -- what is measured, as a short key: capacity, chips, share, opinion,
  -- participants, revenue, parameters, sites, countries, jobs, other
  measure     TEXT NOT NULL
    CONSTRAINT "measure: one of capacity, chips, share, opinion, participants, revenue, parameters, sites, countries, jobs, other"
    CHECK (measure = 'capacity' OR measure = 'chips' OR measure = 'share'
           OR measure = 'opinion' OR measure = 'participants'
           OR measure = 'revenue' OR measure = 'parameters'
           OR measure = 'sites' OR measure = 'countries' OR measure = 'jobs'
           OR measure = 'other'),
  value       REAL
    CONSTRAINT "value: a number, within value_low..value_high when both are given"
    CHECK (value IS NULL OR value_low IS NULL OR value BETWEEN value_low AND value_high),
  value_low   REAL
    CONSTRAINT "value_low: a number, given with value_high"
    CHECK ((value_low IS NULL AND value_high IS NULL) OR value_high IS NOT NULL),
  value_high  REAL
    CONSTRAINT "value_high: a number not below value_low, given with value_low"
    CHECK (value_high IS NULL OR (value_low IS NOT NULL AND value_high >= value_low)),
  -- the unit: GW, chips, %, people, EUR, USD, parameters, ...
  unit        TEXT NOT NULL CONSTRAINT "unit: not empty" CHECK (length(trim(unit)) > 0),
  -- a lower or upper bound, as "more than 16 countries"
  bound       TEXT
    CONSTRAINT "bound: one of at_least, at_most, about"
    CHECK (bound IS NULL OR (bound = 'at_least' OR bound = 'at_most'
                             OR bound = 'about')),
  as_of       TEXT
    CONSTRAINT "as_of: a date YYYY, YYYY-MM or YYYY-MM-DD"
    CHECK (as_of IS NULL
           OR (length(as_of) = 4 AND as_of GLOB '[0-9][0-9][0-9][0-9]')
           OR (length(as_of) = 7 AND date(as_of || '-01', '+0 days') IS as_of || '-01')
           OR (length(as_of) = 10 AND date(as_of, '+0 days') IS as_of)),
  as_of_precision TEXT GENERATED ALWAYS AS
    (CASE length(as_of) WHEN 4 THEN 'year' WHEN 7 THEN 'month' WHEN 10 THEN 'day' END) VIRTUAL,
  -- for a target: the date it is meant to be reached by
  target_date TEXT
    CONSTRAINT "target_date: a date YYYY, YYYY-MM or YYYY-MM-DD"
    CHECK (target_date IS NULL
           OR (length(target_date) = 4 AND target_date GLOB '[0-9][0-9][0-9][0-9]')
           OR (length(target_date) = 7 AND date(target_date || '-01', '+0 days') IS target_date || '-01')
           OR (length(target_date) = 10 AND date(target_date, '+0 days') IS target_date)),
  label_en    TEXT NOT NULL CONSTRAINT "label_en: not empty" CHECK (length(trim(label_en)) > 0),
  label_fr    TEXT NOT NULL CONSTRAINT "label_fr: not empty" CHECK (length(trim(label_fr)) > 0),
  CONSTRAINT "value: give value or value_low and value_high"
    CHECK (value IS NOT NULL OR value_low IS NOT NULL)
);

CREATE TABLE citation (
  subject_id TEXT NOT NULL REFERENCES record(id),
  source_id  TEXT NOT NULL REFERENCES source(id),
  -- the column the citation is about, or * for the whole record
  field      TEXT NOT NULL DEFAULT '*'
    CONSTRAINT "field: * or a column name" CHECK (field = '*' OR field GLOB '[a-z]*'),
  stance     TEXT NOT NULL DEFAULT 'supports'
    CONSTRAINT "stance: one of supports, contradicts, context"
    CHECK (stance = 'supports' OR stance = 'contradicts'
           OR stance = 'context'),
  -- where in the source the fact stands: a heading, a paragraph, a page
  locator    TEXT,
  -- what the source says, in our words, when it differs or adds context
  note_en    TEXT,
  note_fr    TEXT,
  PRIMARY KEY (subject_id, source_id, field)
);

-- A value a source gives for one field of a record, where sources disagree
-- (or may): every value is kept with its source, and one is preferred.
-- The record's own column holds the preferred value. A range is given by
-- value_low and value_high (amounts) or by value and end_value (dates).
CREATE TABLE claim (
  subject_id TEXT NOT NULL REFERENCES record(id),
  field      TEXT NOT NULL
    CONSTRAINT "field: a column name" CHECK (field GLOB '[a-z]*'),
  -- as the column would hold it: an ISO date, a number (plain digits or an
  -- exponent), a currency code, text; NULL when the claim is a range
  value      TEXT,
  value_low  REAL,
  value_high REAL
    CONSTRAINT "value_high: a number not below value_low, given with value_low"
    CHECK ((value_low IS NULL AND value_high IS NULL)
           OR (value_low IS NOT NULL AND value_high >= value_low)),
  -- the end of a date range (a summit's last day)
  end_value  TEXT
    CONSTRAINT "end_value: a date YYYY, YYYY-MM or YYYY-MM-DD, not before value"
    CHECK (end_value IS NULL
           OR (((length(end_value) = 4 AND end_value GLOB '[0-9][0-9][0-9][0-9]')
               OR (length(end_value) = 7 AND date(end_value || '-01', '+0 days') IS end_value || '-01')
               OR (length(end_value) = 10 AND date(end_value, '+0 days') IS end_value))
               AND (value IS NULL OR end_value >= value))),
  -- year, month or day for a date field, as the other *_precision columns
  precision  TEXT GENERATED ALWAYS AS
    (CASE WHEN field IN ('published_on', 'founded_on', 'announced_on', 'horizon_end',
                         'date', 'end_date', 'since', 'until', 'as_of', 'target_date')
     THEN CASE length(value) WHEN 4 THEN 'year' WHEN 7 THEN 'month' WHEN 10 THEN 'day' END
     END) VIRTUAL,
  source_id  TEXT NOT NULL REFERENCES source(id),
  -- a few words that find the place in the source
  locator    TEXT,
  rank       TEXT NOT NULL DEFAULT 'normal'
    CONSTRAINT "rank: one of preferred, normal, deprecated"
    CHECK (rank = 'preferred' OR rank = 'normal' OR rank = 'deprecated'),
  -- one line, in our own words: what the source says and why it ranks so
  note_en    TEXT NOT NULL CONSTRAINT "note_en: not empty" CHECK (length(trim(note_en)) > 0),
  note_fr    TEXT NOT NULL CONSTRAINT "note_fr: not empty" CHECK (length(trim(note_fr)) > 0),
  CONSTRAINT "value: a date YYYY, YYYY-MM or YYYY-MM-DD for a date field"
    CHECK (value IS NULL
           OR NOT (field = 'published_on' OR field = 'founded_on'
                   OR field = 'announced_on' OR field = 'horizon_end'
                   OR field = 'date' OR field = 'end_date'
                   OR field = 'since' OR field = 'until' OR field = 'as_of'
                   OR field = 'target_date')
           OR (length(value) = 4 AND value GLOB '[0-9][0-9][0-9][0-9]')
           OR (length(value) = 7 AND date(value || '-01', '+0 days') IS value || '-01')
           OR (length(value) = 10 AND date(value, '+0 days') IS value)),
  CONSTRAINT "value: a value or a range (value_low and value_high)"
    CHECK (value IS NOT NULL OR value_low IS NOT NULL OR value_high IS NOT NULL)
);

CREATE TABLE fx_rate (
  currency  TEXT NOT NULL
    CONSTRAINT "currency: three capital letters (ISO 4217)"
    CHECK (currency GLOB '[A-Z][A-Z][A-Z]' AND length(currency) = 3),
  year      INTEGER NOT NULL
    CONSTRAINT "year: a year between 1999 and 2100" CHECK (year BETWEEN 1999 AND 2100),
  -- units of the currency for one euro, the mean of the year's daily rates
  per_eur   REAL NOT NULL CONSTRAINT "per_eur: a number above zero" CHECK (per_eur > 0),
  source_id TEXT NOT NULL REFERENCES source(id),
  PRIMARY KEY (currency, year)
);

-- Indexes for the lists' orders and for following links, so that lists and
-- records stay instant on large databases. Those of a column the lists
-- sort by are on (column, id), the lists' order, which serves a lookup of
-- the column as well. Names and titles are in the collation fold: case and
-- accents aside, as people read them ("Émirats" among the e, "ASML" after
-- "Apple"), which the program defines; a program that writes these tables
-- needs it too.
-- The actors' names hold the other columns of their list too, the one
-- every list of actors starts in: the whole list is read from the index
-- alone, not a row of the table looked up for each (a million records,
-- every actor: 1.5 -> 0.1 s for the statement, for 15 MB).
CREATE INDEX actor_name ON actor (name COLLATE fold, id, kind, country, sector, place,
  region, founded_on, parent_id);
CREATE INDEX actor_kind ON actor (kind, id);
CREATE INDEX funding_kind ON funding (kind, id);
CREATE INDEX event_kind ON event (kind);
CREATE INDEX actor_name_fr ON actor (name_fr COLLATE fold, id);
-- A place's actors, funding and events in the order its record shows them
-- (an actor's name in either language, the date): the first of a country
-- of a hundred thousand are read at once, not every one sorted.
CREATE INDEX actor_country_name ON actor (country, name COLLATE fold);
CREATE INDEX actor_country_name_fr ON actor (country, name_fr COLLATE fold);
CREATE INDEX funding_country_date ON funding (country, announced_on, id);
CREATE INDEX funding_bloc_date ON funding (bloc_id, announced_on, id);
CREATE INDEX event_country_date ON event (country, date, id);
CREATE INDEX event_bloc_date ON event (bloc_id, date, id);
CREATE INDEX actor_parent ON actor (parent_id, id);
CREATE INDEX actor_bloc ON actor (bloc_id);
CREATE INDEX funding_announced ON funding (announced_on, id);
CREATE INDEX funding_recipient ON funding (recipient_id, id);
CREATE INDEX funding_parent ON funding (parent_id, id);
CREATE INDEX funding_party_actor ON funding_party (actor_id);
CREATE INDEX event_date ON event (date, id);
CREATE INDEX event_funding ON event (funding_id);
CREATE INDEX event_actor_actor ON event_actor (actor_id);
CREATE INDEX bloc_member_country ON bloc_member (iso3);
CREATE INDEX figure_subject ON figure (subject_id, id);
CREATE INDEX citation_source ON citation (source_id);
CREATE INDEX claim_subject ON claim (subject_id, field);
CREATE INDEX claim_source ON claim (source_id);
-- Each other column a list of actors can be sorted by, with the id after it
-- as the lists' order (column, id): the index gives a sorted window at
-- once, where one on the column alone leaves every row of the list to
-- sort. Named *_order: the user database has them since its version 8.
CREATE INDEX actor_country_order ON actor (country, id);
CREATE INDEX actor_sector_order ON actor (sector, id);
CREATE INDEX actor_place_order ON actor (place, id);
CREATE INDEX actor_founded_order ON actor (founded_on, id);
-- The same for the funding list (announced: funding_announced), its amount
-- as the list sorts it: the amount, or the top of a range.
CREATE INDEX funding_title_order ON funding (title_en COLLATE fold, id);
CREATE INDEX funding_title_fr_order ON funding (title_fr COLLATE fold, id);
CREATE INDEX funding_status_order ON funding (status, id);
CREATE INDEX funding_amount_order ON funding (coalesce(amount, amount_high), id);

-- The thesaurus: words and phrases people type, in French or English, each
-- under a concept with its equivalents ("souveraineté" and "sovereignty"
-- under sovereignty). Search looks for a typed word's equivalents too.
CREATE TABLE term (
  concept TEXT NOT NULL
    CONSTRAINT "concept: lowercase letters, digits and hyphens"
    CHECK (concept GLOB '[a-z0-9]*' AND concept NOT GLOB '*[^a-z0-9-]*'),
  term    TEXT NOT NULL CONSTRAINT "term: not empty" CHECK (length(trim(term)) > 0),
  lang    TEXT
    CONSTRAINT "lang: a two-letter ISO 639-1 code in lowercase"
    CHECK (lang IS NULL OR (lang GLOB '[a-z][a-z]' AND length(lang) = 2)),
  PRIMARY KEY (concept, term)
);

-- Each record's searchable text, stored once: its names, aliases and text
-- (summaries, in both languages), and the three as one string, computed
-- when read: what regular expressions are matched against. Filled by
-- aiatlas-mkdb and by import; the full-text indexes below read it. A
-- row's rowid says its kind's place among search results (src/fts.c).
CREATE TABLE record_text (
  -- rowid: the place of the kind among search results times 2^40, plus a
  -- number: search orders matches by kind without reading their rows.
  id    TEXT NOT NULL PRIMARY KEY,
  kind  TEXT NOT NULL,
  name  TEXT,
  alias TEXT,
  body  TEXT,
  text  TEXT NOT NULL GENERATED ALWAYS AS
    (coalesce(name, '') || ' ' || coalesce(alias, '') || ' ' || coalesce(body, '')) VIRTUAL
);

-- Full-text index over names, aliases, titles and summaries in both
-- languages, over record_text (it holds no copy of the text).
CREATE VIRTUAL TABLE record_fts USING fts5(
  id UNINDEXED, kind UNINDEXED, name, alias, body,
  content = 'record_text', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

-- The same text in trigrams, so that a regular expression is tried only on
-- the records that hold a piece of text it cannot match without. Which
-- records hold each trigram is all it keeps (detail = none: no positions),
-- so a piece of text is looked for as all of its trigrams.
CREATE VIRTUAL TABLE record_tri USING fts5(text, content = 'record_text',
  content_rowid = 'rowid', tokenize = 'trigram', detail = none);

-- The English and French names and the aliases of each record whose
-- title is a proper name (a country, a bloc, an actor), folded, each
-- between separators, by the rowid of its row of record_text: search
-- ranks first a name that is what was typed, or starts with it, from
-- this small table rather than from the large rows of text.
CREATE TABLE record_name (
  row   INTEGER PRIMARY KEY,
  names TEXT NOT NULL
);

-- Every word the full-text index holds, folded as it folds them, so that
-- a word being typed is searched as the few words that start with it:
-- read as a prefix of four letters or more, which no prefix index keeps,
-- it would merge the lists of all of them before its first match.
CREATE TABLE record_word (
  word TEXT NOT NULL PRIMARY KEY
) WITHOUT ROWID;

-- One row per record with its display names, for lists, links and search.
CREATE VIEW record_label (id, kind, name_en, name_fr, date) AS
  SELECT id, 'source', title, title, published_on FROM source
  UNION ALL SELECT iso3, 'country', name_en, name_fr, NULL FROM country
  UNION ALL SELECT id, 'bloc', name_en, name_fr, NULL FROM bloc
  UNION ALL SELECT id, 'actor', name, name_fr, founded_on FROM actor
  UNION ALL SELECT id, 'funding', title_en, title_fr, announced_on FROM funding
  UNION ALL SELECT id, 'event', title_en, title_fr, date FROM event
  UNION ALL SELECT id, 'figure', label_en, label_fr, as_of FROM figure;

-- The fields whose claims hold more than one value. Numbers are compared as
-- numbers (1e9 is 1000000000); a range, or a date with its end, is one value.
CREATE VIEW disputed (subject_id, field) AS
  SELECT subject_id, field FROM claim GROUP BY subject_id, field
  HAVING count(DISTINCT
    coalesce(CASE WHEN value GLOB '[0-9]*' AND value NOT GLOB '*[^0-9.eE+]*'
                  THEN printf('%!.15g', CAST(value AS REAL)) ELSE value END, '')
    || '|' || iif(value_low IS NULL, '', printf('%!.15g', value_low))
    || '|' || iif(value_high IS NULL, '', printf('%!.15g', value_high))
    || '|' || coalesce(end_value, '')) > 1;

-- Keep the record registry in step with each record table; ids never change.
CREATE TRIGGER source_record_insert AFTER INSERT ON source
  BEGIN INSERT INTO record (id, kind) VALUES (new.id, 'source'); END;
CREATE TRIGGER source_record_delete AFTER DELETE ON source
  BEGIN DELETE FROM record WHERE id = old.id; END;
CREATE TRIGGER source_id_update BEFORE UPDATE OF id ON source
  BEGIN SELECT RAISE(ABORT, 'id: ids never change'); END;

CREATE TRIGGER country_record_insert AFTER INSERT ON country
  BEGIN INSERT INTO record (id, kind) VALUES (new.iso3, 'country'); END;
CREATE TRIGGER country_record_delete AFTER DELETE ON country
  BEGIN DELETE FROM record WHERE id = old.iso3; END;
CREATE TRIGGER country_id_update BEFORE UPDATE OF iso3 ON country
  BEGIN SELECT RAISE(ABORT, 'iso3: ids never change'); END;

CREATE TRIGGER bloc_record_insert AFTER INSERT ON bloc
  BEGIN INSERT INTO record (id, kind) VALUES (new.id, 'bloc'); END;
CREATE TRIGGER bloc_record_delete AFTER DELETE ON bloc
  BEGIN DELETE FROM record WHERE id = old.id; END;
CREATE TRIGGER bloc_id_update BEFORE UPDATE OF id ON bloc
  BEGIN SELECT RAISE(ABORT, 'id: ids never change'); END;

CREATE TRIGGER actor_record_insert AFTER INSERT ON actor
  BEGIN INSERT INTO record (id, kind) VALUES (new.id, 'actor'); END;
CREATE TRIGGER actor_record_delete AFTER DELETE ON actor
  BEGIN DELETE FROM record WHERE id = old.id; END;
CREATE TRIGGER actor_id_update BEFORE UPDATE OF id ON actor
  BEGIN SELECT RAISE(ABORT, 'id: ids never change'); END;

CREATE TRIGGER funding_record_insert AFTER INSERT ON funding
  BEGIN INSERT INTO record (id, kind) VALUES (new.id, 'funding'); END;
CREATE TRIGGER funding_record_delete AFTER DELETE ON funding
  BEGIN DELETE FROM record WHERE id = old.id; END;
CREATE TRIGGER funding_id_update BEFORE UPDATE OF id ON funding
  BEGIN SELECT RAISE(ABORT, 'id: ids never change'); END;

CREATE TRIGGER event_record_insert AFTER INSERT ON event
  BEGIN INSERT INTO record (id, kind) VALUES (new.id, 'event'); END;
CREATE TRIGGER event_record_delete AFTER DELETE ON event
  BEGIN DELETE FROM record WHERE id = old.id; END;
CREATE TRIGGER event_id_update BEFORE UPDATE OF id ON event
  BEGIN SELECT RAISE(ABORT, 'id: ids never change'); END;

CREATE TRIGGER figure_record_insert AFTER INSERT ON figure
  BEGIN INSERT INTO record (id, kind) VALUES (new.id, 'figure'); END;
CREATE TRIGGER figure_record_delete AFTER DELETE ON figure
  BEGIN DELETE FROM record WHERE id = old.id; END;
CREATE TRIGGER figure_id_update BEFORE UPDATE OF id ON figure
  BEGIN SELECT RAISE(ABORT, 'id: ids never change'); END;
