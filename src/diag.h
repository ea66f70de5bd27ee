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

struct diag_sink {
	FILE *out;		/* where messages go; NULL to only count */
	enum diag_format format;
	unsigned long errors;
	unsigned long warnings;
};

void diag_sink_init(struct diag_sink *sink, FILE *out);

/* rule may be NULL. The message is printf-formatted. */
void diag_report(struct diag_sink *sink, enum diag_severity sev,
		 const char *file, unsigned long line, unsigned long col,
		 const char *rule, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

#endif
