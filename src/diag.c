/* diag.c: printing diagnostics in the form editors and CI jump to. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "text.h"

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
	sink->record = NULL;
}

void diag_sink_init_record(struct diag_sink *sink, struct diag_records *rec)
{
	diag_sink_init(sink, NULL);
	sink->record = rec;
}

static void record(struct diag_records *rec, enum diag_severity sev, const char *file,
		   unsigned long line, unsigned long col, const char *rule, const char *fmt,
		   va_list ap)
{
	if (rec->n == rec->cap) {
		rec->cap = rec->cap ? rec->cap * 2 : 16;
		rec->v = xrealloc(rec->v, rec->cap * sizeof *rec->v);
	}
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	char *text = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	vsnprintf(text, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	rec->v[rec->n++] = (struct diag_record){
		sev, file ? xstrdup(file) : NULL, line, col, rule ? xstrdup(rule) : NULL, text, rec->tag,
	};
}

void diag_replay(struct diag_sink *sink, const struct diag_record *r)
{
	diag_report(sink, r->sev, r->file, r->line, r->col, r->rule, "%s", r->msg);
}

void diag_records_free(struct diag_records *rec)
{
	for (size_t i = 0; i < rec->n; i++) {
		free(rec->v[i].file);
		free(rec->v[i].rule);
		free(rec->v[i].msg);
	}
	free(rec->v);
	rec->v = NULL;
	rec->n = rec->cap = 0;
}

void diag_report(struct diag_sink *sink, enum diag_severity sev,
		 const char *file, unsigned long line, unsigned long col,
		 const char *rule, const char *fmt, ...)
{
	if (sev == DIAG_ERROR)
		sink->errors++;
	else if (sev == DIAG_WARNING)
		sink->warnings++;
	if (sink->record) {
		va_list ap;
		va_start(ap, fmt);
		record(sink->record, sev, file, line, col, rule, fmt, ap);
		va_end(ap);
		return;
	}
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
