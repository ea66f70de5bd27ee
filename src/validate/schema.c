/* schema.c: compiling the embedded RELAX NG schemas and checking small documents. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "base/text.h"
#include "validate/schema.h"

struct schemas {
	xmlRelaxNGPtr grammar[2];
};

/* Compile errors are a build problem: say so on stderr. */
static void compile_error(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	fprintf(stderr, "feedgen: schema: %s", e && e->message ? e->message : "error\n");
}

static xmlRelaxNGPtr compile(const unsigned char *text, size_t len)
{
	xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt((const char *)text, (int)len);
	if (!pc)
		return NULL;
	xmlRelaxNGSetParserStructuredErrors(pc, compile_error, NULL);
	xmlRelaxNGPtr g = xmlRelaxNGParse(pc);
	xmlRelaxNGFreeParserCtxt(pc);
	return g;
}

struct schemas *schemas_new(void)
{
	struct schemas *s = xcalloc(1, sizeof *s);
	s->grammar[SCHEMA_ATOM] = compile(schema_atom_rng, schema_atom_rng_len);
	s->grammar[SCHEMA_RSS] = compile(schema_rss_rng, schema_rss_rng_len);
	if (!s->grammar[SCHEMA_ATOM] || !s->grammar[SCHEMA_RSS]) {
		schemas_free(s);
		return NULL;
	}
	return s;
}

void schemas_free(struct schemas *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < 2; i++)
		if (s->grammar[i])
			xmlRelaxNGFree(s->grammar[i]);
	free(s);
}

struct err_relay {
	schema_error_fn *fn;
	void *ctx;
	int count;
};

static void relay(void *ctx, xmlErrorPtr e)
{
	struct err_relay *r = ctx;
	char msg[512];
	if (!e || !e->message)
		return;
	snprintf(msg, sizeof msg, "%s", e->message);
	size_t n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	r->count++;
	xmlNodePtr node = e->node;
	if (node && node->type != XML_ELEMENT_NODE)
		node = node->parent;
	if (node && node->type != XML_ELEMENT_NODE)
		node = NULL;
	if (r->fn)
		r->fn(r->ctx, e->line > 0 ? (unsigned long)e->line : 0, node, msg);
}

int schema_validate(struct schemas *s, enum schema_which which, xmlDocPtr doc,
		    schema_error_fn *err, void *ctx)
{
	xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(s->grammar[which]);
	if (!vc)
		return -1;
	struct err_relay r = { err, ctx, 0 };
	xmlRelaxNGSetValidStructuredErrors(vc, relay, &r);
	int rc = xmlRelaxNGValidateDoc(vc, doc);
	xmlRelaxNGFreeValidCtxt(vc);
	if (rc < 0)
		return -1;
	return rc == 0 ? 0 : 1;
}
