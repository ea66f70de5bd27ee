/* yamldoc.c: libyaml documents as the loader and config reader need them. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "site/yamldoc.h"

/* Deeper than this no front matter or config goes. Every kind of nesting
 * counts: libyaml's scanner slows down with the square of the flow nesting
 * ("[[[[..."), and block nesting ("- - - - ..." on one line) costs memory
 * for each level (2 M levels took 646 MB), so a hostile file could otherwise
 * take minutes or the machine's memory. */
#define YAML_MAX_DEPTH 64

/* An upper bound on the collections the text can open: a flow collection
 * needs '[' or '{', a block sequence '-', a block mapping ':' or '?'. Below
 * the limit no event pass is needed (most front matter has a dozen keys). */
static size_t count_openers(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += s[i] == '[' || s[i] == '{' || s[i] == '-' || s[i] == ':' || s[i] == '?';
	return k;
}

/* A pass over the events alone, stopping at the first level too deep. Only
 * run when the text has enough brackets to get there. Returns -1 after a
 * report; parse errors are left to the real load, which reports them. */
static int check_depth(const char *bytes, size_t n, const char *file, unsigned long first_line,
		       struct diag_sink *diag)
{
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		abort();
	yaml_parser_set_input_string(&parser, (const unsigned char *)bytes, n);
	int depth = 0, rc = 0;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev))
			break;
		yaml_event_type_t t = ev.type;
		if (t == YAML_SEQUENCE_START_EVENT || t == YAML_MAPPING_START_EVENT)
			depth++;
		else if (t == YAML_SEQUENCE_END_EVENT || t == YAML_MAPPING_END_EVENT)
			depth--;
		if (depth > YAML_MAX_DEPTH) {
			diag_report(diag, DIAG_ERROR, file, first_line + ev.start_mark.line,
				    ev.start_mark.column + 1, "yaml",
				    "YAML nested more than %d levels deep", YAML_MAX_DEPTH);
			rc = -1;
		}
		yaml_event_delete(&ev);
		if (rc != 0 || t == YAML_STREAM_END_EVENT)
			break;
	}
	yaml_parser_delete(&parser);
	return rc;
}

/* A YAML escape ("\0", "\x00", "\u0000") can put a NUL in a value; libyaml
 * gives its length, but every reader here takes values as C strings, so the
 * value would be cut there without a word. Such a document is refused, as a
 * NUL byte in the text is (postfile.c's check_bytes). */
static int check_nul(yaml_document_t *doc, const char *file, unsigned long first_line,
		     struct diag_sink *diag)
{
	for (yaml_node_t *n = doc->nodes.start; n < doc->nodes.top; n++) {
		if (n->type != YAML_SCALAR_NODE ||
		    !memchr(n->data.scalar.value, '\0', n->data.scalar.length))
			continue;
		diag_report(diag, DIAG_ERROR, file, first_line + n->start_mark.line,
			    n->start_mark.column + 1, "nul",
			    "a YAML escape gives a NUL character in this value, which no feed can "
			    "hold (it would cut the text there)");
		return -1;
	}
	return 0;
}

int yamldoc_load(yaml_document_t *doc, const char *bytes, size_t n,
		 const char *file, unsigned long first_line, struct diag_sink *diag)
{
	if (count_openers(bytes, n) > YAML_MAX_DEPTH &&
	    check_depth(bytes, n, file, first_line, diag) != 0)
		return -1;
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		abort();
	yaml_parser_set_input_string(&parser, (const unsigned char *)bytes, n);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	int ok = yaml_parser_load(&parser, doc);
	if (ok && check_nul(doc, file, first_line, diag) != 0) {
		yaml_document_delete(doc);
		ok = 0;
	} else if (!ok) {
		yaml_mark_t m = parser.problem_mark;
		if (parser.error == YAML_READER_ERROR)
			diag_report(diag, DIAG_ERROR, file, 0, 0, "yaml",
				    "%s at byte offset %zu of the front matter",
				    parser.problem ? parser.problem : "unreadable YAML",
				    parser.problem_offset);
		else
			diag_report(diag, DIAG_ERROR, file, first_line + m.line, m.column + 1,
				    "yaml", "malformed YAML: %s%s%s",
				    parser.problem ? parser.problem : "syntax error",
				    parser.context ? " " : "", parser.context ? parser.context : "");
	}
	yaml_parser_delete(&parser);
	return ok ? 0 : -1;
}

void yamldoc_get_all(yaml_document_t *doc, yaml_node_t *map, const char *const keys[],
		     size_t n, yaml_node_t *values[])
{
	for (size_t i = 0; i < n; i++)
		values[i] = NULL;
	if (!map || map->type != YAML_MAPPING_NODE)
		return;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		if (!k || k->type != YAML_SCALAR_NODE)
			continue;
		const char *s = (const char *)k->data.scalar.value;
		for (size_t i = 0; i < n; i++) {
			if (keys[i][0] == s[0] && strcmp(keys[i], s) == 0) {
				values[i] = yaml_document_get_node(doc, p->value);
				break;
			}
		}
	}
}

yaml_node_t *yamldoc_get(yaml_document_t *doc, yaml_node_t *map, const char *key)
{
	yaml_node_t *found;
	yamldoc_get_all(doc, map, &key, 1, &found);
	return found;
}

/* YAML's null: "~", "null", "Null", "NULL" or nothing, when not quoted. */
static bool is_null(yaml_node_t *n)
{
	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	const char *v = (const char *)n->data.scalar.value;
	return !*v || !strcmp(v, "~") || !strcmp(v, "null") || !strcmp(v, "Null") ||
	       !strcmp(v, "NULL");
}

const char *yamldoc_scalar(yaml_node_t *n)
{
	if (!n || n->type != YAML_SCALAR_NODE || is_null(n))
		return NULL;
	return (const char *)n->data.scalar.value;
}

char *yamldoc_strdup(yaml_node_t *n)
{
	const char *s = yamldoc_scalar(n);
	/* YAML escapes ("\e", "\x01") can spell characters XML cannot carry. */
	return s ? xml_clean(s, strlen(s), NULL) : NULL;
}

/* Append s to l: a copy, without the duplicate check strlist_add() makes. */
static void push(struct strlist *l, const char *s, size_t n)
{
	if (n == 0)
		return;
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	l->v[l->n++] = xstrndup(s, n);
}

static void push_split(const char *s, struct strlist *l)
{
	const char *p = s;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		size_t k = strcspn(p, " \t\n\r");
		push(l, p, k);
		p += k;
	}
}

void yamldoc_collect_names(yaml_document_t *doc, yaml_node_t *n, bool split, struct strlist *l)
{
	if (!n)
		return;
	if (n->type == YAML_SCALAR_NODE) {
		const char *s = yamldoc_scalar(n);
		if (s && split)
			push_split(s, l);
		else if (s)
			push(l, s, strlen(s));
		return;
	}
	if (n->type != YAML_SEQUENCE_NODE)
		return;
	for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++) {
		const char *s = yamldoc_scalar(yaml_document_get_node(doc, *i));
		if (s)
			push(l, s, strlen(s));
	}
}

void yamldoc_add_names(yaml_document_t *doc, yaml_node_t *n, bool split, struct strlist *l)
{
	struct strlist all = {0};
	yamldoc_collect_names(doc, n, split, &all);
	for (size_t i = 0; i < all.n; i++)
		strlist_add(l, all.v[i]);
	strlist_free(&all);
}

static bool scalar_in(yaml_node_t *n, const char *const *words)
{
	const char *s = yamldoc_scalar(n);
	if (!s || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	for (; *words; words++)
		if (strcmp(s, *words) == 0)
			return true;
	return false;
}

bool yamldoc_is_true(yaml_node_t *n)
{
	static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", NULL};
	return scalar_in(n, yes);
}

bool yamldoc_is_false(yaml_node_t *n)
{
	static const char *const no[] = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", NULL};
	return scalar_in(n, no);
}


void yamldoc_read_person(yaml_document_t *doc, yaml_node_t *n, struct person *a)
{
	if (!n)
		return;
	if (n->type == YAML_SCALAR_NODE) {
		person_clear(a);
		a->name = yamldoc_strdup(n);
		return;
	}
	if (n->type != YAML_MAPPING_NODE)
		return;
	person_clear(a);
	a->name = yamldoc_strdup(yamldoc_get(doc, n, "name"));
	a->email = yamldoc_strdup(yamldoc_get(doc, n, "email"));
	a->uri = yamldoc_strdup(yamldoc_get(doc, n, "uri"));
	if (!a->uri)
		a->uri = yamldoc_strdup(yamldoc_get(doc, n, "url"));
}
