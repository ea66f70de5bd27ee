/* diag.h: diagnostics in the GNU form "file:line:col: severity: message [rule]".
 *
 * A struct diag_sink is owned by its caller (usually main); the library only
 * reports into it and never keeps a pointer. Counts let the caller pick the
 * exit status. line/col of 0 mean "unknown" and are left out of the text. */
#ifndef FEEDGEN_DIAG_H
#define FEEDGEN_DIAG_H

#include <stdio.h>

enum diag_severity { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR };

enum diag_format { DIAG_GNU, DIAG_JSON, DIAG_GITHUB };

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
};

void diag_sink_init(struct diag_sink *sink, FILE *out);

/* A sink that records into rec (which the caller owns). */
void diag_sink_init_record(struct diag_sink *sink, struct diag_records *rec);

/* Report a recorded diagnostic into sink as if it had happened there. */
void diag_replay(struct diag_sink *sink, const struct diag_record *r);

void diag_records_free(struct diag_records *rec);

/* rule may be NULL. The message is printf-formatted. */
void diag_report(struct diag_sink *sink, enum diag_severity sev,
		 const char *file, unsigned long line, unsigned long col,
		 const char *rule, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

#endif
