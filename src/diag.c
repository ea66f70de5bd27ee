/* diag.c: printing diagnostics in the form editors and CI jump to. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>

#include "diag.h"

static const char *const severity_names[] = {
	[DIAG_NOTE] = "note",
	[DIAG_WARNING] = "warning",
	[DIAG_ERROR] = "error",
};

void diag_sink_init(struct diag_sink *sink, FILE *out)
{
	sink->out = out;
	sink->format = DIAG_GNU;
	sink->errors = 0;
	sink->warnings = 0;
}

void diag_report(struct diag_sink *sink, enum diag_severity sev,
		 const char *file, unsigned long line, unsigned long col,
		 const char *rule, const char *fmt, ...)
{
	if (sev == DIAG_ERROR)
		sink->errors++;
	else if (sev == DIAG_WARNING)
		sink->warnings++;
	if (!sink->out)
		return;
	FILE *f = sink->out;
	if (file && *file) {
		fputs(file, f);
		if (line)
			fprintf(f, ":%lu", line);
		if (line && col)
			fprintf(f, ":%lu", col);
		fputs(": ", f);
	} else {
		fputs("feedgen: ", f);
	}
	fprintf(f, "%s: ", severity_names[sev]);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	if (rule)
		fprintf(f, " [%s]", rule);
	fputc('\n', f);
}
