/* report.c: a document's diagnostics, in the order they are found. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "validate/report.h"

void vreport_init(struct vreport *r)
{
	memset(r, 0, sizeof *r);
}

void vreport_free(struct vreport *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].message);
	free(r->v);
	vreport_init(r);
}

void vreport_add(struct vreport *r, enum diag_severity sev, unsigned long line,
		 unsigned long col, const char *rule, const char *spec, const char *message)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->v = xrealloc(r->v, r->cap * sizeof *r->v);
	}
	/* libxml2's messages carry newlines; one diagnostic must stay one line. */
	r->v[r->n++] = (struct vdiag){ sev, line, col, rule, spec, utf8_scrub(text_squeeze(xstrdup(message))) };
	if (sev == DIAG_ERROR)
		r->errors++;
	else if (sev == DIAG_WARNING)
		r->warnings++;
}

void vreport_sort(struct vreport *r)
{
	/* Insertion sort: stable, and reports are short and nearly sorted. */
	for (size_t i = 1; i < r->n; i++) {
		struct vdiag d = r->v[i];
		size_t j = i;
		while (j > 0 && (r->v[j - 1].line > d.line ||
				 (r->v[j - 1].line == d.line && r->v[j - 1].col > d.col))) {
			r->v[j] = r->v[j - 1];
			j--;
		}
		r->v[j] = d;
	}
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
