/* report.c: a document's diagnostics, in the order they are found, kept up
 * to the caps of report.h and counted past them. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "validate/report.h"

void vreport_init(struct vreport *r)
{
	memset(r, 0, sizeof *r);
	r->keep_max = VREPORT_KEEP_MAX;
}

void vreport_free(struct vreport *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].message);
	free(r->v);
	free(r->tally);
	vreport_init(r);
}

/* ---- the tally of rules ---- */

/* Rule ids are static strings, one address a rule: the address is the key. */
static size_t tally_slot(const struct vtally *t, size_t cap, const char *rule)
{
	size_t i = (size_t)(((uintptr_t)rule >> 3) * 0x9e3779b97f4a7c15u) & (cap - 1);
	while (t[i].rule && t[i].rule != rule)
		i = (i + 1) & (cap - 1);
	return i;
}

static void tally_grow(struct vreport *r)
{
	size_t cap = r->tally_cap ? r->tally_cap * 2 : 64;
	struct vtally *t = xcalloc(cap, sizeof *t);
	for (size_t i = 0; i < r->tally_cap; i++)
		if (r->tally[i].rule)
			t[tally_slot(t, cap, r->tally[i].rule)] = r->tally[i];
	free(r->tally);
	r->tally = t;
	r->tally_cap = cap;
}

static struct vtally *tally_of(struct vreport *r, const char *rule)
{
	if (2 * (r->tally_n + 1) > r->tally_cap)
		tally_grow(r);
	struct vtally *t = &r->tally[tally_slot(r->tally, r->tally_cap, rule)];
	if (!t->rule) {
		t->rule = rule;
		r->tally_n++;
	}
	return t;
}

/* ---- adding ---- */

static void count(unsigned long *errors, unsigned long *warnings, enum diag_severity sev,
		  long by)
{
	if (sev == DIAG_ERROR)
		*errors += (unsigned long)by;
	else if (sev == DIAG_WARNING)
		*warnings += (unsigned long)by;
}

void vreport_add(struct vreport *r, enum diag_severity sev, unsigned long line,
		 unsigned long col, const char *rule, const char *spec, const char *message)
{
	struct vtally *t = tally_of(r, rule);
	count(&r->errors, &r->warnings, sev, 1);
	if (t->kept >= VREPORT_RULE_MAX || r->n >= r->keep_max) {
		count(&t->hidden_errors, &t->hidden_warnings, sev, 1);
		count(&r->hidden_errors, &r->hidden_warnings, sev, 1);
		return;
	}
	t->kept++;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->v = xrealloc(r->v, r->cap * sizeof *r->v);
	}
	/* libxml2's messages carry newlines; one diagnostic must stay one line. */
	r->v[r->n++] = (struct vdiag){ sev, line, col, rule, spec, utf8_scrub(text_squeeze(xstrdup(message))) };
}

void vreport_retain(struct vreport *r, size_t from, bool (*keep)(const char *rule))
{
	size_t k = from;
	for (size_t i = from; i < r->n; i++) {
		struct vdiag *d = &r->v[i];
		if (keep(d->rule)) {
			r->v[k++] = *d;
			continue;
		}
		count(&r->errors, &r->warnings, d->sev, -1);
		tally_of(r, d->rule)->kept--;
		free(d->message);
	}
	r->n = k;
	for (size_t i = 0; i < r->tally_cap; i++) {
		struct vtally *t = &r->tally[i];
		if (!t->rule || keep(t->rule))
			continue;
		r->errors -= t->hidden_errors;
		r->warnings -= t->hidden_warnings;
		r->hidden_errors -= t->hidden_errors;
		r->hidden_warnings -= t->hidden_warnings;
		t->hidden_errors = t->hidden_warnings = 0;
	}
}

static int by_rule(const void *a, const void *b)
{
	return strcmp(((const struct vtally *)a)->rule, ((const struct vtally *)b)->rule);
}

struct vtally *vreport_not_shown(const struct vreport *r, size_t *n)
{
	struct vtally *v = NULL;
	*n = 0;
	for (size_t i = 0; i < r->tally_cap; i++) {
		const struct vtally *t = &r->tally[i];
		if (!t->rule || t->hidden_errors + t->hidden_warnings == 0)
			continue;
		v = xrealloc(v, (*n + 1) * sizeof *v);
		v[(*n)++] = *t;
	}
	if (*n > 1)
		qsort(v, *n, sizeof *v, by_rule);
	return v;
}

/* ---- order ---- */

static bool before(const struct vdiag *a, const struct vdiag *b)
{
	return a->line < b->line || (a->line == b->line && a->col < b->col);
}

void vreport_sort(struct vreport *r)
{
	/* Bottom-up merge sort: stable, and O(n log n) however the kept
	 * diagnostics came (the head's are found after every entry's). */
	if (r->n < 2)
		return;
	struct vdiag *a = r->v, *b = xrealloc(NULL, r->n * sizeof *b);
	for (size_t w = 1; w < r->n; w *= 2) {
		for (size_t lo = 0; lo < r->n; lo += 2 * w) {
			size_t mid = lo + w < r->n ? lo + w : r->n;
			size_t hi = lo + 2 * w < r->n ? lo + 2 * w : r->n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				b[k++] = before(&a[j], &a[i]) ? a[j++] : a[i++];
			while (i < mid)
				b[k++] = a[i++];
			while (j < hi)
				b[k++] = a[j++];
		}
		struct vdiag *t = a;
		a = b;
		b = t;
	}
	if (a != r->v) {
		memcpy(r->v, a, r->n * sizeof *a);
		b = a;
	}
	free(b);
}

const char *doc_kind_name(enum doc_kind kind)
{
	switch (kind) {
	case DOC_RSS2: return "RSS 2.0";
	case DOC_ATOM: return "Atom 1.0";
	case DOC_ATOM_ENTRY: return "Atom 1.0 entry";
	case DOC_OTHER: return "not a feed";
	case DOC_JSON: return "JSON Feed";
	case DOC_RSS09: return "RSS 0.9x";
	case DOC_RSS_OTHER: return "RSS of an unknown version";
	case DOC_RSS090: return "RSS 0.90";
	case DOC_RSS1: return "RSS 1.0";
	case DOC_OPML: return "OPML";
	case DOC_UNKNOWN: break;
	}
	return "unknown";
}
