/* postcheck.c: front matter values checked when loaded (postcheck.h). */
#include <config.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "site/postcheck.h"

/* Front matter starts on the file's second line (after "---"). */
static unsigned long line_of(const yaml_node_t *n)
{
	return n ? n->start_mark.line + 2 : 0;
}

static unsigned long col_of(const yaml_node_t *n)
{
	return n ? n->start_mark.column + 1 : 0;
}

static char *refuse(char *v, const yaml_node_t *n, const char *path, const char *rule,
		    const char *key, const char *why, struct diag_sink *diag)
{
	diag_report(diag, DIAG_WARNING, path, line_of(n), col_of(n), rule,
		    "%s '%s' %s; left out", key, v, why);
	free(v);
	return NULL;
}

char *postcheck_url(char *v, const yaml_node_t *n, const char *path, const char *key,
		    struct diag_sink *diag)
{
	if (!v)
		return NULL;
	for (const char *c = v; *c; c++)
		if ((unsigned char)*c < ' ' || (unsigned char)*c == 0x7f)
			return refuse(v, n, path, "url-value", key, "holds a control character",
				      diag);
	size_t k = strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
	if (k > 0 && v[k] == ':' && isalpha((unsigned char)v[0]) &&
	    !(k == 4 && strncasecmp(v, "http", 4) == 0) &&
	    !(k == 5 && strncasecmp(v, "https", 5) == 0))
		return refuse(v, n, path, "url-scheme", key, "is not an http or https URL", diag);
	return v;
}

char *postcheck_lang(char *v, const yaml_node_t *n, const char *path, struct diag_sink *diag)
{
	if (!v || !*v)
		return v;
	const char *p = v;
	size_t first = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
	bool ok = first >= 1 && first <= 8;
	p += first;
	while (ok && *p == '-') {
		size_t k = strspn(p + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
					 "0123456789");
		ok = k >= 1 && k <= 8;
		p += 1 + k;
	}
	if (ok && *p == '\0')
		return v;
	return refuse(v, n, path, "lang", "lang", "is not a language tag (en, zh-CN)", diag);
}

char *postcheck_media_type(char *v, const yaml_node_t *n, const char *path,
			   struct diag_sink *diag)
{
	if (!v || !*v)
		return v;
	static const char name[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
				   "!#$&-^_.+";
	size_t t = strspn(v, name);
	bool ok = t > 0 && v[t] == '/';
	size_t s = ok ? strspn(v + t + 1, name) : 0;
	const char *rest = v + t + 1 + s;
	ok = ok && s > 0 && (*rest == '\0' || *rest == ';');
	for (const char *c = rest; ok && *c; c++)
		ok = (unsigned char)*c >= ' ' && (unsigned char)*c != 0x7f;
	if (ok)
		return v;
	return refuse(v, n, path, "media-type", "enclosure type",
		      "is not a media type (audio/mpeg)", diag);
}

static size_t words(const char *s)
{
	size_t n = 0;
	for (bool in = false; s && *s; s++) {
		bool space = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
		n += !space && !in;
		in = !space;
	}
	return n;
}

int postcheck_names_raw(const yaml_node_t *const *v, size_t n, const yaml_node_t *at,
			const char *path, struct diag_sink *diag)
{
	size_t items = 0;
	for (size_t i = 0; i < n; i++) {
		const yaml_node_t *x = v[i];
		if (!x)
			continue;
		if (x->type == YAML_SEQUENCE_NODE)
			items += (size_t)(x->data.sequence.items.top - x->data.sequence.items.start);
		else if (x->type == YAML_SCALAR_NODE)
			items += words((const char *)x->data.scalar.value);
	}
	if (items <= 10 * (size_t)POST_MAX_NAMES)
		return 0;
	diag_report(diag, DIAG_ERROR, path, line_of(at), col_of(at), "too-many-names",
		    "%zu categories and tags, more than %d: each would get feeds holding the whole "
		    "post; the post is skipped", items, POST_MAX_NAMES);
	return -1;
}

int postcheck_names(const struct post *p, struct diag_sink *diag)
{
	size_t n = p->categories.n + p->tags.n;
	if (n <= POST_MAX_NAMES)
		return 0;
	diag_report(diag, DIAG_ERROR, p->path, 0, 0, "too-many-names",
		    "%zu categories and tags, more than %d: each would get feeds holding the whole "
		    "post; the post is skipped", n, POST_MAX_NAMES);
	return -1;
}
