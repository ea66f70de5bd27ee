/* fuzz_validate.c: the bytes as a feed document for validate_document() and,
 * from a file descriptor, for validate_fd(), the way `feedgen validate FILE`
 * reads them. What it reports must be printable as the JSON of --format json:
 * every message UTF-8, every rule and spec set, and the counts equal to the
 * diagnostics; and both ways of reading must find the same. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "validate/report.h"
#include "validate/validate.h"

/* Compiling the schemas takes far longer than one document: once a process. */
static struct validator *the_validator(void)
{
	static struct validator *v;
	if (!v && !(v = validator_new())) {
		fputs("fuzz: the built-in schemas do not compile\n", stderr);
		abort();
	}
	return v;
}

static void check_report(const struct vreport *r, unsigned long errors, size_t size,
			 unsigned long lines)
{
	unsigned long e = 0, w = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct vdiag *d = &r->v[i];
		fuzz_check(d->rule != NULL && d->spec != NULL, "every diagnostic names its rule and spec");
		fuzz_check(d->message != NULL && fuzz_utf8_ok(d->message, strlen(d->message)),
			   "every message is UTF-8 (JSON needs it)");
		fuzz_check(d->line <= lines, "a diagnostic's line is inside the document");
		e += d->sev == DIAG_ERROR;
		w += d->sev == DIAG_WARNING;
	}
	fuzz_check(e + r->hidden_errors == r->errors && w + r->hidden_warnings == r->warnings,
		   "counts match the diagnostics, kept and counted past the caps");
	fuzz_check(errors == r->errors, "validate_document returns the errors it added");
	fuzz_check(size > 0 || r->errors > 0, "an empty document is an error");
}

/* The same bytes read from a file descriptor give the same report. */
static void same_from_fd(const uint8_t *data, size_t size, const struct vreport *want)
{
	FILE *f = tmpfile();
	if (!f)
		return;
	if (fwrite(data, 1, size, f) != size || fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return;
	}
	struct vreport r;
	vreport_init(&r);
	fuzz_check(validate_fd(the_validator(), fileno(f), &r) == 0, "a file reads without error");
	fclose(f);
	vreport_sort(&r);
	fuzz_check(r.errors == want->errors && r.warnings == want->warnings && r.n == want->n &&
		   r.kind == want->kind, "validate_fd finds what validate_document finds");
	for (size_t i = 0; i < r.n && i < want->n; i++)
		fuzz_check(r.v[i].line == want->v[i].line && r.v[i].col == want->v[i].col &&
			   strcmp(r.v[i].message, want->v[i].message) == 0,
			   "the same diagnostics, at the same places");
	vreport_free(&r);
}

int fuzz_validate(const uint8_t *data, size_t size)
{
	unsigned long lines = 1;
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	struct vreport r;
	vreport_init(&r);
	unsigned long errors = validate_document(the_validator(), (const char *)data, size, &r);
	vreport_sort(&r);
	check_report(&r, errors, size, lines);
	same_from_fd(data, size, &r);
	vreport_free(&r);
	return 0;
}
