/* diag.h: diagnostics in the form editors and CI read.
 *
 *   gnu     file:line:col: severity: message [rule]        (the default)
 *   github  ::error file=F,line=L,col=C,title=RULE::message (GitHub Actions
 *           workflow commands; % CR LF escaped in the message, and also : ,
 *           in the properties, as GitHub's toolkit does)
 *   json    one JSON document (jansson) with every diagnostic and the counts,
 *           printed by diag_sink_finish() once the run is over
 *
 * A struct diag_sink is owned by its caller (usually main); the library only
 * reports into it and never keeps a pointer. Counts let the caller pick the
 * exit status. line/col of 0 mean "unknown" and are left out of the text. A
 * sink in the json format holds copies of its diagnostics until
 * diag_sink_finish(), which prints and releases them; the other formats print
 * at once and diag_sink_finish() does nothing for them. */
#ifndef FEEDGEN_DIAG_H
#define FEEDGEN_DIAG_H

#include <stdbool.h>
#include <stdio.h>

enum diag_severity { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR };

enum diag_format { DIAG_GNU, DIAG_JSON, DIAG_GITHUB };

/* --color: auto colours gnu lines written to a terminal, unless NO_COLOR is
 * set to a non-empty value or TERM is "dumb". */
enum diag_color { DIAG_COLOR_AUTO, DIAG_COLOR_ALWAYS, DIAG_COLOR_NEVER };

/* One diagnostic kept for later, with copies of its strings. */
struct diag_record {
	enum diag_severity sev;
	char *file;
	unsigned long line, col;
	char *rule;		/* NULL when none */
	char *msg;
	size_t tag;		/* the recorder's own label (e.g. which post) */
};

/* Diagnostics kept instead of printed, so work done in parallel can report
 * in a deterministic order afterwards (diag_replay). Owned by whoever made
 * it; diag_records_free() releases the records. */
struct diag_records {
	struct diag_record *v;
	size_t n, cap;
	size_t tag;		/* stamped on each record added */
};

struct diag_sink {
	FILE *out;		/* where messages go; NULL to only count */
	enum diag_format format;
	unsigned long errors;
	unsigned long warnings;
	struct diag_records *record;	/* when set: keep, do not print */
	struct diag_records held;	/* json: what diag_sink_finish() prints */
	bool quiet;		/* errors only: notes and warnings counted, not shown */
	bool color;		/* gnu: severity in colour, file:line:col bold */
};

void diag_sink_init(struct diag_sink *sink, FILE *out);

/* A sink that records into rec (which the caller owns). */
void diag_sink_init_record(struct diag_sink *sink, struct diag_records *rec);

/* "gnu", "json" or "github" to its enum; -1 for anything else. */
int diag_format_parse(const char *name, enum diag_format *out);

/* The names diag_format_parse() takes, for messages: "gnu, json or github". */
extern const char diag_format_names[];

/* "auto", "always" or "never" to its enum; -1 for anything else. */
int diag_color_parse(const char *name, enum diag_color *out);
extern const char diag_color_names[];	/* "auto, always or never" */

/* Whether a sink of format writing to f shows colour: never outside the gnu
 * format; for auto, only when f is a terminal, NO_COLOR is unset or empty
 * and TERM is not "dumb". */
bool diag_color_wanted(enum diag_color mode, enum diag_format format, FILE *f);

/* Usage errors of every command, on standard error, as GNU programs write
 * them; prog is the command as typed ("feedgen", "feedgen validate"):
 *   PROG: message
 *   Try 'PROG --help' for more information.
 * diag_usage_value() says what a bad option value should have been:
 *   PROG: OPTION 'VALUE': ACCEPTED
 * (the value escaped as diag_escape() does). diag_usage_hint() is the second
 * line alone, after getopt_long()'s own message (which names argv[0], so the
 * commands set argv[0] to prog first). The caller exits with status 2. */
void diag_usage(const char *prog, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void diag_usage_value(const char *prog, const char *option, const char *value,
		      const char *accepted);
void diag_usage_hint(const char *prog);

/* End of the run: a json sink prints its one document
 * {"diagnostics": [...], "errors": N, "warnings": N}, releases what it held,
 * and from then on only counts. Returns -1 when writing failed. Safe to call
 * on any sink, more than once. */
int diag_sink_finish(struct diag_sink *sink);

/* Report a recorded diagnostic into sink as if it had happened there. */
void diag_replay(struct diag_sink *sink, const struct diag_record *r);
/* diag_replay() of each of rec's records, in the order they were recorded. */
void diag_replay_all(struct diag_sink *sink, const struct diag_records *rec);

void diag_records_free(struct diag_records *rec);

/* rule may be NULL. The message is printf-formatted. */
void diag_report(struct diag_sink *sink, enum diag_severity sev,
		 const char *file, unsigned long line, unsigned long col,
		 const char *rule, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/* s with each control character a terminal would act on written as an
 * escape: \n, \r, \t, \x1b (C0 and DEL), \u009b (C1). A new string. */
char *diag_escape(const char *s);

/* The GitHub Actions escapes: "data" for the message (% CR LF), "property"
 * for file= and title= values (also : and ,). New strings. */
char *diag_github_escape_data(const char *s);
char *diag_github_escape_property(const char *s);

#endif
