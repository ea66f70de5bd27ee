/* liquid_jekyll.c: what Jekyll 4.3 adds to Liquid for a post — its tags
 * (include, include_relative, highlight, link, post_url), its filters (URLs,
 * dates, escaping, markdownify, slugify, jsonify, where/where_exp/group_by/
 * sort, words), and the variables `site` (_config.yml, _data/) and `page`
 * (the post's front matter and what Jekyll computes for it).
 *
 * Includes are read only from inside their folder: a name with "..", "//",
 * an absolute path or characters Jekyll refuses is an error, and each path
 * component is opened with O_NOFOLLOW from the one before, so no symlink is
 * followed. */
#include <config.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <threads.h>
#include <time.h>
#include <unistd.h>

#include <yaml.h>

#include "base/text.h"
#include "base/url.h"
#include "content/body.h"
#include "content/liquid.h"
#include "content/liquid_int.h"

#define INCLUDE_MAX_BYTES ((size_t)1 << 20)
#define YAML_MAX_NODES 100000

/* ================= YAML to values ================= */

static bool match_ci(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (!strcasecmp(s, *words))
			return true;
	return false;
}

/* A plain scalar as Psych resolves it (the common YAML 1.1 types). */
static json_t *plain_scalar(const char *s, size_t n)
{
	static const char *const nulls[] = {"~", "null", NULL};
	static const char *const trues[] = {"true", "yes", "on", NULL};
	static const char *const falses[] = {"false", "no", "off", NULL};
	if (n == 0 || match_ci(s, nulls))
		return json_null();
	if (match_ci(s, trues))
		return json_true();
	if (match_ci(s, falses))
		return json_false();
	const char *p = s;
	if (*p == '-' || *p == '+')
		p++;
	bool digits = isdigit((unsigned char)*p), underscore = false;
	const char *q = p;
	while (isdigit((unsigned char)*q) || (*q == '_' && q > p)) {
		underscore |= *q == '_';
		q++;
	}
	if (digits && !*q && (*p != '0' || q - p == 1) && !underscore && q - p < 19)
		return json_integer(strtoll(s, NULL, 10));
	if ((digits || *q == '.') && (*q == '.' || *q == 'e' || *q == 'E') && !underscore) {
		char *end;
		double d = strtod(s, &end);
		if (!*end && end != s && strchr(s, '.'))
			return json_real(d);
	}
	if (!strcasecmp(s, ".inf") || !strcasecmp(s, "+.inf"))
		return json_real(1.0 / 0.0);
	if (!strcasecmp(s, "-.inf"))
		return json_real(-1.0 / 0.0);
	return json_stringn(s, n);
}

static json_t *yaml_node_value(yaml_document_t *doc, yaml_node_t *node, unsigned depth,
			       size_t *budget)
{
	if (!node || depth > 64 || *budget == 0)
		return json_null();
	(*budget)--;
	switch (node->type) {
	case YAML_SCALAR_NODE: {
		const char *s = (const char *)node->data.scalar.value;
		size_t n = node->data.scalar.length;
		if (node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
			return json_stringn(s, n);
		return plain_scalar(s, n);
	}
	case YAML_SEQUENCE_NODE: {
		json_t *a = json_array();
		for (yaml_node_item_t *i = node->data.sequence.items.start;
		     i < node->data.sequence.items.top; i++)
			json_array_append_new(a, yaml_node_value(doc, yaml_document_get_node(doc, *i),
								 depth + 1, budget));
		return a;
	}
	case YAML_MAPPING_NODE: {
		json_t *o = json_object();
		for (yaml_node_pair_t *p = node->data.mapping.pairs.start;
		     p < node->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(doc, p->key);
			if (!k || k->type != YAML_SCALAR_NODE)
				continue;
			char *key = xstrndup((const char *)k->data.scalar.value, k->data.scalar.length);
			json_t *v = yaml_node_value(doc, yaml_document_get_node(doc, p->value), depth + 1,
						    budget);
			if (!strcmp(key, "<<") && json_is_object(v))
				json_object_update_missing(o, v);
			else
				json_object_set_new(o, key, v);
			free(key);
		}
		return o;
	}
	default:
		return json_null();
	}
}

json_t *liquid_yaml_value(const char *text, size_t n)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	if (!yaml_parser_initialize(&parser))
		return NULL;
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, n);
	json_t *v = NULL;
	if (yaml_parser_load(&parser, &doc)) {
		size_t budget = YAML_MAX_NODES;
		yaml_node_t *root = yaml_document_get_root_node(&doc);
		if (root)
			v = yaml_node_value(&doc, root, 0, &budget);
		yaml_document_delete(&doc);
	}
	yaml_parser_delete(&parser);
	return v;
}

/* ================= the site ================= */

struct liquid_site {
	json_t *site;			/* the `site` variable */
	const struct post_list *posts;	/* borrowed: for post_url and link */
	/* site.posts, site.categories, site.tags: made on the first lookup
	 * of one of them (a site whose posts never ask pays nothing), once,
	 * under the lock, whichever writer thread asks first. */
	mtx_t lock;
	bool made;
	json_t *post_values;		/* array, newest first */
	json_t *categories, *tags;	/* name -> array of posts, newest first */
};

/* Templates are not trusted: no link followed, no FIFO or device read. */
static FILE *open_regular(const char *path)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0)
		return NULL;
	FILE *f = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? fdopen(fd, "rb") : NULL;
	if (!f)
		close(fd);
	return f;
}

static char *read_small_file(const char *path, size_t max, size_t *len)
{
	FILE *f = open_regular(path);
	if (!f)
		return NULL;
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	char chunk[8192];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= max)
		buf_add(&b, chunk, k);
	fclose(f);
	if (b.len > max) {
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return buf_take(&b);
}

static json_t *load_data_dir(const char *dir, unsigned depth)
{
	json_t *data = json_object();
	DIR *d = depth < 4 ? opendir(dir) : NULL;
	if (!d)
		return data;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || e->d_name[0] == '_')
			continue;
		size_t nl = strlen(e->d_name);
		char *path = xmalloc(strlen(dir) + nl + 2);
		sprintf(path, "%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			json_object_set_new(data, e->d_name, load_data_dir(path, depth + 1));
		} else if (S_ISREG(st.st_mode)) {
			const char *dot = strrchr(e->d_name, '.');
			if (dot && (!strcmp(dot, ".yml") || !strcmp(dot, ".yaml") || !strcmp(dot, ".json"))) {
				size_t len;
				char *text = read_small_file(path, (size_t)16 << 20, &len);
				json_t *v = text ? liquid_yaml_value(text, len) : NULL;
				free(text);
				char *key = xstrndup(e->d_name, (size_t)(dot - e->d_name));
				json_object_set_new(data, key, v ? v : json_null());
				free(key);
			}
		}
		free(path);
	}
	closedir(d);
	return data;
}

static void set_str(json_t *o, const char *k, const char *v)
{
	if (v && !json_object_get(o, k))
		json_object_set_new(o, k, json_string(v));
}

static json_t *site_value(const struct site *site)
{
	json_t *o = NULL;
	char *path = xmalloc(strlen(site->dir) + 40);
	sprintf(path, "%s/_config.yml", site->dir);
	size_t len;
	char *text = read_small_file(path, (size_t)4 << 20, &len);
	if (text) {
		o = liquid_yaml_value(text, len);
		free(text);
	}
	if (!o || !json_is_object(o)) {
		json_decref(o);
		o = json_object();
	}
	/* site->title is `title`, else `name` (the feed's title); Liquid's
	 * site.title is the `title` key only, empty on a site with a name. */
	if (!json_object_get(o, "name"))
		set_str(o, "title", site->title);
	set_str(o, "description", site->description);
	set_str(o, "url", site->url);
	set_str(o, "baseurl", site->baseurl);
	sprintf(path, "%s/_data", site->dir);
	json_t *data = load_data_dir(path, 0);
	json_t *given = json_object_get(o, "data");
	if (json_is_object(given))
		json_object_update_missing(data, given);
	json_object_set_new(o, "data", data);
	free(path);
	return o;
}

struct liquid_site *liquid_site_new(const struct site *site, const struct post_list *posts,
				    struct diag_sink *diag)
{
	(void)diag;
	struct liquid_site *ls = xcalloc(1, sizeof *ls);
	ls->site = site_value(site);
	ls->posts = posts;
	if (mtx_init(&ls->lock, mtx_plain) != thrd_success)
		abort();
	return ls;
}

json_t *liquid_site_vars(const struct liquid_site *ls)
{
	return ls ? ls->site : NULL;
}

void liquid_site_free(struct liquid_site *ls)
{
	if (!ls)
		return;
	json_decref(ls->site);
	json_decref(ls->post_values);
	json_decref(ls->categories);
	json_decref(ls->tags);
	mtx_destroy(&ls->lock);
	free(ls);
}

/* ================= helpers ================= */

static const struct site *site_of(struct lctx *c)
{
	return c->opt->site;
}

static json_t *str_result(struct buf *b)
{
	json_t *v = json_stringn(b->data ? b->data : "", b->len);
	buf_free(b);
	return v ? v : json_string("");
}

static struct buf new_buf(void)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	return b;
}

#define ARG(i) (nargs > (i) ? args[i] : NULL)
#define UNUSED_FILTER_ARGS (void)c, (void)args, (void)nargs, (void)kw

/* relative_url: baseurl + path, as Jekyll joins them. */
static void relative_url(struct buf *b, const struct site *site, const char *in)
{
	const char *base = site && site->baseurl ? site->baseurl : "";
	if (url_has_scheme(in)) {
		buf_adds(b, in);
		return;
	}
	struct buf path = new_buf();
	if (*base && *base != '/')
		buf_addc(&path, '/');	/* ensure_leading_slash: "blog" is "/blog" */
	buf_adds(&path, base);
	if (path.len && path.data[path.len - 1] == '/')
		path.data[--path.len] = '\0';
	if (*in && *in != '/')
		buf_addc(&path, '/');
	buf_adds(&path, in);
	/* Addressable's normalize: spaces and non-ASCII escaped. */
	for (const unsigned char *p = (const unsigned char *)path.data; *p; p++) {
		if (*p <= ' ' || *p >= 0x7f || *p == '"' || *p == '<' || *p == '>' || *p == '\\' ||
		    *p == '^' || *p == '`' || *p == '{' || *p == '|' || *p == '}')
			buf_printf(b, "%%%02X", *p);
		else
			buf_addc(b, (char)*p);
	}
	buf_free(&path);
}

static json_t *f_relative_url(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	UNUSED_FILTER_ARGS;
	if (!in || json_is_null(in))
		return NULL;
	char *s = lv_str(in);
	struct buf b = new_buf();
	relative_url(&b, site_of(c), s);
	free(s);
	return str_result(&b);
}

static json_t *f_absolute_url(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	UNUSED_FILTER_ARGS;
	if (!in || json_is_null(in))
		return NULL;
	char *s = lv_str(in);
	struct buf b = new_buf();
	if (url_has_scheme(s)) {
		buf_adds(&b, s);
	} else {
		const struct site *site = site_of(c);
		buf_adds(&b, site && site->url ? site->url : "");
		relative_url(&b, site, s);
	}
	free(s);
	return str_result(&b);
}

static bool date_arg(struct lctx *c, json_t *in, struct ldate *d)
{
	(void)c;
	if (!lv_to_date(in, d))
		return false;
	/* Jekyll's filters show the time in the site's zone (Time#localtime). */
	time_t t = (time_t)d->sec;
	struct tm tm;
	localtime_r(&t, &tm);
	d->off = (int)tm.tm_gmtoff;
	snprintf(d->zone, sizeof d->zone, "%s", tm.tm_zone ? tm.tm_zone : "");
	return true;
}

static json_t *date_fmt(struct lctx *c, json_t *in, const char *fmt)
{
	struct ldate d;
	if (!in || json_is_null(in) || (json_is_string(in) && !json_string_length(in)))
		return in ? json_incref(in) : NULL;
	if (!date_arg(c, in, &d)) {
		lctx_error(c, "invalid date");
		return NULL;
	}
	struct buf b = new_buf();
	lv_strftime(&b, fmt, &d);
	return str_result(&b);
}

static json_t *f_date_to_xmlschema(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	UNUSED_FILTER_ARGS;
	return date_fmt(c, in, "%Y-%m-%dT%H:%M:%S%:z");
}

static json_t *f_date_to_rfc822(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	UNUSED_FILTER_ARGS;
	return date_fmt(c, in, "%a, %d %b %Y %H:%M:%S %z");
}

static json_t *date_string(struct lctx *c, json_t *in, json_t **args, size_t nargs, bool long_month)
{
	const char *month = long_month ? "%B" : "%b";
	char *type = ARG(0) ? lv_str(ARG(0)) : xstrdup("");
	char *style = ARG(1) ? lv_str(ARG(1)) : xstrdup("");
	char fmt[64];
	json_t *r;
	if (!strcmp(type, "ordinal")) {
		struct ldate d;
		if (!in || !date_arg(c, in, &d)) {
			free(type);
			free(style);
			return in ? json_incref(in) : NULL;
		}
		struct buf day = new_buf();
		lv_strftime(&day, "%-d", &d);
		int n = atoi(day.data);
		const char *suf = (n % 100 >= 11 && n % 100 <= 13) ? "th"
				  : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
		if (!strcmp(style, "US"))
			snprintf(fmt, sizeof fmt, "%s %s%s, %%Y", month, day.data, suf);
		else
			snprintf(fmt, sizeof fmt, "%s%s %s %%Y", day.data, suf, month);
		buf_free(&day);
		struct buf b = new_buf();
		lv_strftime(&b, fmt, &d);
		r = str_result(&b);
	} else {
		snprintf(fmt, sizeof fmt, "%%d %s %%Y", month);
		r = date_fmt(c, in, fmt);
	}
	free(type);
	free(style);
	return r;
}

static json_t *f_date_to_string(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)kw;
	return date_string(c, in, args, nargs, false);
}

static json_t *f_date_to_long_string(struct lctx *c, json_t *in, json_t **args, size_t nargs,
				     json_t *kw)
{
	(void)kw;
	return date_string(c, in, args, nargs, true);
}

static json_t *f_xml_escape(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	UNUSED_FILTER_ARGS;
	char *s = lv_str(in);
	struct buf b = new_buf();
	for (const char *p = s; *p; p++) {
		switch (*p) {
		case '&': buf_adds(&b, "&amp;"); break;
		case '<': buf_adds(&b, "&lt;"); break;
		case '>': buf_adds(&b, "&gt;"); break;
		case '"': buf_adds(&b, "&quot;"); break;
		case '\'': buf_adds(&b, "&apos;"); break;
		default: buf_addc(&b, *p);
		}
	}
	free(s);
	return str_result(&b);
}

static json_t *f_cgi_escape(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	UNUSED_FILTER_ARGS;
	char *s = lv_str(in);
	struct buf b = new_buf();
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (isalnum(*p) || *p == '_' || *p == '.' || *p == '-' || *p == '~')
			buf_addc(&b, (char)*p);
		else if (*p == ' ')
			buf_addc(&b, '+');
		else
			buf_printf(&b, "%%%02X", *p);
	}
	free(s);
	return str_result(&b);
}

static json_t *f_uri_escape(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	UNUSED_FILTER_ARGS;
	char *s = lv_str(in);
	struct buf b = new_buf();
	static const char keep[] = "-._~:/?#[]@!$&'()*+,;=%";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (isalnum(*p) || (strchr(keep, *p) && *p))
			buf_addc(&b, (char)*p);
		else
			buf_printf(&b, "%%%02X", *p);
	}
	free(s);
	return str_result(&b);
}

static json_t *f_markdownify(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	UNUSED_FILTER_ARGS;
	char *s = lv_str(in);
	char *html = body_markdown_to_html(s, strlen(s));
	json_t *r = json_string(html);
	free(html);
	free(s);
	return r ? r : json_string("");
}

/* SmartyPants as Jekyll's smartify gives it: curly quotes, dashes, ellipses
 * and guillemets as the characters themselves. */
static json_t *f_smartify(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	UNUSED_FILTER_ARGS;
	char *s = lv_str(in);
	struct buf b = new_buf();
	for (size_t i = 0; s[i]; i++) {
		char prev = i ? s[i - 1] : ' ';
		bool open = isspace((unsigned char)prev) || prev == '(' || prev == '[' || prev == '-' || !i;
		if (!strncmp(s + i, "---", 3)) {
			buf_adds(&b, "\u2014");
			i += 2;
		} else if (!strncmp(s + i, "--", 2)) {
			buf_adds(&b, "\u2013");
			i += 1;
		} else if (!strncmp(s + i, "...", 3)) {
			buf_adds(&b, "\u2026");
			i += 2;
		} else if (s[i] == '"') {
			buf_adds(&b, open ? "\u201c" : "\u201d");
		} else if (s[i] == '\'') {
			buf_adds(&b, open ? "\u2018" : "\u2019");
		} else if (!strncmp(s + i, "<<", 2)) {
			buf_adds(&b, "\u00ab");
			i++;
		} else if (!strncmp(s + i, ">>", 2)) {
			buf_adds(&b, "\u00bb");
			i++;
		} else {
			buf_addc(&b, s[i]);
		}
	}
	free(s);
	return str_result(&b);
}

static json_t *f_slugify(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)kw;
	if (!in || json_is_null(in))
		return NULL;
	char *s = lv_str(in);
	char *mode = ARG(0) ? lv_str(ARG(0)) : xstrdup("default");
	if (!strcmp(mode, "none")) {
		free(mode);
		json_t *r = json_string(s);
		free(s);
		json_t *lower = lfilter_standard("downcase")->fn(c, r, NULL, 0, NULL);
		json_decref(r);
		return lower;
	}
	struct buf b = new_buf();
	bool dash = false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		bool keep;
		if (!strcmp(mode, "raw"))
			keep = !isspace(*p);
		else if (!strcmp(mode, "pretty"))
			keep = isalnum(*p) || *p >= 0x80 || strchr("._~!$&'()+,;=@", *p);
		else if (!strcmp(mode, "ascii"))
			keep = isalnum(*p);
		else
			keep = isalnum(*p) || *p >= 0x80;
		if (keep) {
			if (dash && b.len)
				buf_addc(&b, '-');
			dash = false;
			buf_addc(&b, (char)tolower(*p));
		} else {
			dash = true;
		}
	}
	if (dash && b.len && strcmp(mode, "default") && strcmp(mode, "ascii") && strcmp(mode, "pretty") &&
	    strcmp(mode, "raw"))
		buf_addc(&b, '-');
	free(mode);
	free(s);
	/* Ruby's downcase, on every letter (ICU through Liquid's downcase). */
	json_t *slug = str_result(&b);
	json_t *lower = lfilter_standard("downcase")->fn(c, slug, NULL, 0, NULL);
	json_decref(slug);
	return lower;
}

static json_t *f_jsonify(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	UNUSED_FILTER_ARGS;
	char *s = json_dumps(in ? in : json_null(), JSON_COMPACT | JSON_ENCODE_ANY);
	json_t *r = json_string(s ? s : "null");
	free(s);
	return r;
}

static json_t *f_number_of_words(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	UNUSED_FILTER_ARGS;
	char *s = lv_str(in);
	long long n = 0;
	bool in_word = false;
	for (const char *p = s; *p; p++) {
		bool sp = isspace((unsigned char)*p);
		if (!sp && !in_word)
			n++;
		in_word = !sp;
	}
	free(s);
	return json_integer(n);
}

static json_t *f_normalize_whitespace(struct lctx *c, json_t *in, json_t **args, size_t nargs,
				      json_t *kw)
{
	UNUSED_FILTER_ARGS;
	char *s = lv_str(in);
	text_squeeze(s);
	json_t *r = json_string(s);
	free(s);
	return r;
}

static json_t *f_array_to_sentence_string(struct lctx *c, json_t *in, json_t **args, size_t nargs,
					  json_t *kw)
{
	(void)c, (void)kw;
	char *conn = ARG(0) ? lv_str(ARG(0)) : xstrdup("and");
	struct buf b = new_buf();
	size_t n = in && json_is_array(in) ? json_array_size(in) : 0;
	for (size_t i = 0; i < n; i++) {
		if (i && n == 2)
			buf_printf(&b, " %s ", conn);
		else if (i && i == n - 1)
			buf_printf(&b, ", %s ", conn);
		else if (i)
			buf_adds(&b, ", ");
		lv_to_s(&b, json_array_get(in, i));
	}
	free(conn);
	return str_result(&b);
}

static json_t *item_property(const json_t *item, const json_t *prop)
{
	if (!item || !json_is_object(item) || !prop)
		return NULL;
	char *p = lv_str(prop);
	json_t *v = json_object_get(item, p);
	free(p);
	return v;
}

static json_t *values_of(json_t *in)
{
	json_t *a = json_array();
	if (in && json_is_array(in)) {
		json_array_extend(a, in);
	} else if (in && json_is_object(in)) {
		const char *k;
		json_t *v;
		json_object_foreach(in, k, v)
			json_array_append(a, v);
	}
	return a;
}

static bool prop_matches(const json_t *prop, const json_t *target)
{
	if (!target || json_is_null(target))
		return !prop || json_is_null(prop);
	char *t = lv_str(target);
	bool ok = false;
	if (prop && json_is_string(prop)) {
		ok = !strcmp(json_string_value(prop), t);
	} else if (prop && json_is_array(prop)) {
		for (size_t i = 0; i < json_array_size(prop) && !ok; i++) {
			char *x = lv_str(json_array_get(prop, i));
			ok = !strcmp(x, t);
			free(x);
		}
	} else if (prop && !json_is_null(prop)) {
		char *x = lv_str(prop);
		ok = !strcmp(x, t);
		free(x);
	}
	free(t);
	return ok;
}

static json_t *f_where(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	json_t *value = ARG(1);
	if (nargs < 2)	/* Liquid's where (by truthiness), which Jekyll's hides */
		return lfilter_standard("where")->fn(c, in, args, nargs, kw);
	if (!args[0] || json_is_null(args[0]) || (value && (json_is_array(value) || json_is_object(value))))
		return in ? json_incref(in) : NULL;
	if (!in || !(json_is_array(in) || json_is_object(in)))
		return in ? json_incref(in) : NULL;
	json_t *items = values_of(in), *r = json_array();
	for (size_t i = 0; i < json_array_size(items); i++) {
		json_t *x = json_array_get(items, i);
		if (prop_matches(item_property(x, args[0]), value))
			json_array_append(r, x);
	}
	json_decref(items);
	return r;
}

static json_t *f_where_exp(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)nargs, (void)kw;
	if (!in || !(json_is_array(in) || json_is_object(in)))
		return in ? json_incref(in) : NULL;
	char *var = lv_str(args[0]);
	char *expr = lv_str(args[1]);
	struct buf tpl = new_buf();
	buf_printf(&tpl, "{%% if %s %%}1{%% endif %%}", expr);
	json_t *items = values_of(in), *r = json_array();
	if (c->nscopes >= sizeof c->scopes / sizeof c->scopes[0]) {
		lctx_error(c, "nested too deep");
	} else {
		json_t *scope = json_object();
		c->scopes[c->nscopes++] = scope;
		struct lsource where = {c->file, c->line, c->col};
		for (size_t i = 0; i < json_array_size(items) && !c->failed; i++) {
			json_object_set(scope, var, json_array_get(items, i));
			struct buf *saved = c->out, tmp = new_buf();
			c->out = &tmp;
			lctx_render_source(c, tpl.data, tpl.len, &where);
			c->out = saved;
			if (tmp.len)
				json_array_append(r, json_array_get(items, i));
			buf_free(&tmp);
		}
		c->nscopes--;
		json_decref(scope);
	}
	buf_free(&tpl);
	free(var);
	free(expr);
	json_decref(items);
	if (c->failed) {
		json_decref(r);
		return NULL;
	}
	return r;
}

static json_t *f_group_by(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)nargs, (void)kw;
	if (!in || !(json_is_array(in) || json_is_object(in)))
		return in ? json_incref(in) : NULL;
	json_t *items = values_of(in), *groups = json_array(), *index = json_object();
	for (size_t i = 0; i < json_array_size(items); i++) {
		json_t *x = json_array_get(items, i);
		char *name = lv_str(item_property(x, args[0]));
		json_t *g = json_object_get(index, name);
		if (!g) {
			g = json_pack("{s:s,s:[],s:i}", "name", name, "items", "size", 0);
			json_array_append_new(groups, g);
			json_object_set(index, name, g);
		}
		json_t *list = json_object_get(g, "items");
		json_array_append(list, x);
		json_object_set_new(g, "size", json_integer((json_int_t)json_array_size(list)));
		free(name);
	}
	json_decref(index);
	json_decref(items);
	return groups;
}

static json_t *f_sort(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)kw;
	if (!in || json_is_null(in)) {
		lctx_error(c, "Cannot sort a null object.");
		return NULL;
	}
	const struct lfilter_def *std = lfilter_standard("sort");
	if (!ARG(0) || json_is_null(ARG(0)))
		return std->fn(c, in, args, 0, NULL);
	char *nils = ARG(1) ? lv_str(ARG(1)) : xstrdup("first");
	if (strcmp(nils, "first") && strcmp(nils, "last")) {
		lctx_error(c, "Invalid nils order: '%s' is not a valid nils order. It must be 'first' or 'last'.",
			   nils);
		free(nils);
		return NULL;
	}
	bool nil_first = !strcmp(nils, "first");
	free(nils);
	/* Items without the property first (or last), the rest sorted by it. */
	json_t *items = values_of(in), *with = json_array(), *without = json_array();
	for (size_t i = 0; i < json_array_size(items); i++) {
		json_t *x = json_array_get(items, i);
		json_t *v = item_property(x, ARG(0));
		json_array_append(v && !json_is_null(v) ? with : without, x);
	}
	json_t *sorted = std->fn(c, with, args, 1, NULL);
	json_t *r = json_array();
	if (sorted) {
		if (nil_first)
			json_array_extend(r, without);
		json_array_extend(r, sorted);
		if (!nil_first)
			json_array_extend(r, without);
	}
	json_decref(sorted);
	json_decref(with);
	json_decref(without);
	json_decref(items);
	return r;
}

static json_t *f_inspect(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	UNUSED_FILTER_ARGS;
	struct buf b = new_buf();
	lv_inspect(&b, in);
	json_t *text = str_result(&b);	/* Jekyll: xml_escape(input.inspect) */
	json_t *r = f_xml_escape(c, text, NULL, 0, NULL);
	json_decref(text);
	return r;
}

static json_t *f_to_integer(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	UNUSED_FILTER_ARGS;
	if (in && json_is_integer(in))
		return json_incref(in);
	if (in && json_is_real(in))
		return json_integer((json_int_t)json_real_value(in));
	if (in && json_is_boolean(in))
		return json_integer(json_is_true(in));
	char *s = lv_str(in);
	json_t *r = json_integer(lv_str_to_i(s));
	free(s);
	return r;
}

static json_t *f_push(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)nargs, (void)kw;
	if (!in || !json_is_array(in))
		return in ? json_incref(in) : NULL;
	json_t *r = json_copy(in);
	json_array_append(r, args[0] ? args[0] : json_null());
	return r;
}

static json_t *f_unshift(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)nargs, (void)kw;
	if (!in || !json_is_array(in))
		return in ? json_incref(in) : NULL;
	json_t *r = json_copy(in);
	json_array_insert(r, 0, args[0] ? args[0] : json_null());
	return r;
}

static json_t *f_pop_shift(json_t *in, json_t **args, size_t nargs, bool from_end)
{
	if (!in || !json_is_array(in))
		return in ? json_incref(in) : NULL;
	long long k = 1;
	if (ARG(0) && lv_to_integer(ARG(0), &k) != 0)
		k = 1;
	json_t *r = json_copy(in);
	for (long long i = 0; i < k && json_array_size(r); i++)
		json_array_remove(r, from_end ? json_array_size(r) - 1 : 0);
	return r;
}

static json_t *f_pop(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)kw;
	return f_pop_shift(in, args, nargs, true);
}

static json_t *f_shift(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)kw;
	return f_pop_shift(in, args, nargs, false);
}

static json_t *f_find(struct lctx *c, json_t *in, json_t **args, size_t nargs, json_t *kw)
{
	(void)c, (void)kw;
	json_t *value = ARG(1);
	if (!in || !(json_is_array(in) || json_is_object(in)) || (value && (json_is_array(value) || json_is_object(value))))
		return in ? json_incref(in) : NULL;
	json_t *items = values_of(in), *r = NULL;
	for (size_t i = 0; i < json_array_size(items) && !r; i++)
		if (prop_matches(item_property(json_array_get(items, i), args[0]), value))
			r = json_incref(json_array_get(items, i));
	json_decref(items);
	return r;
}

/* Sorted by name: Jekyll's filters (where and sort replace Liquid's). */
static const struct lfilter_def jekyll_filters[] = {
	{"absolute_url", f_absolute_url, 0, 0},
	{"array_to_sentence_string", f_array_to_sentence_string, 0, 1},
	{"cgi_escape", f_cgi_escape, 0, 0},
	{"date_to_long_string", f_date_to_long_string, 0, 2},
	{"date_to_rfc822", f_date_to_rfc822, 0, 0},
	{"date_to_string", f_date_to_string, 0, 2},
	{"date_to_xmlschema", f_date_to_xmlschema, 0, 0},
	{"find", f_find, 2, 2},
	{"group_by", f_group_by, 1, 1},
	{"inspect", f_inspect, 0, 0},
	{"jsonify", f_jsonify, 0, 0},
	{"markdownify", f_markdownify, 0, 0},
	{"normalize_whitespace", f_normalize_whitespace, 0, 0},
	{"number_of_words", f_number_of_words, 0, 1},
	{"pop", f_pop, 0, 1},
	{"push", f_push, 1, 1},
	{"relative_url", f_relative_url, 0, 0},
	{"shift", f_shift, 0, 1},
	{"slugify", f_slugify, 0, 1},
	{"smartify", f_smartify, 0, 0},
	{"sort", f_sort, 0, 2},
	{"to_integer", f_to_integer, 0, 0},
	{"unshift", f_unshift, 1, 1},
	{"uri_escape", f_uri_escape, 0, 0},
	{"where", f_where, 1, 2},
	{"where_exp", f_where_exp, 2, 2},
	{"xml_escape", f_xml_escape, 0, 0},
};

/* Only for templates rendered as Jekyll pages: the plain Liquid entry point
 * (liquid_render with no site) still has them, as Jekyll's Liquid does. */
const struct lfilter_def *lfilter_jekyll(const char *name)
{
	return lfilter_find(jekyll_filters, sizeof jekyll_filters / sizeof jekyll_filters[0], name);
}

/* ================= tags ================= */

struct include_data {
	char *file;	/* the name as written (may hold {{ }}) */
	char *params;
	bool relative;
};

static void include_free(void *p)
{
	struct include_data *d = p;
	if (!d)
		return;
	free(d->file);
	free(d->params);
	free(d);
}

static int include_parse_common(struct lnode *n, const char *m, size_t len, char *msg, size_t msgsz,
				bool relative)
{
	if (!len) {
		snprintf(msg, msgsz, "syntax error in '%s': a file name is needed",
			 relative ? "include_relative" : "include");
		return -1;
	}
	struct include_data *d = xcalloc(1, sizeof *d);
	d->relative = relative;
	/* The name runs to the first space outside {{ }}. */
	size_t i = 0;
	int in_var = 0;
	while (i < len) {
		if (i + 1 < len && m[i] == '{' && m[i + 1] == '{')
			in_var = 1;
		if (in_var && i + 1 < len && m[i] == '}' && m[i + 1] == '}')
			in_var = 0;
		if (!in_var && isspace((unsigned char)m[i]))
			break;
		i++;
	}
	d->file = xstrndup(m, i);
	while (i < len && isspace((unsigned char)m[i]))
		i++;
	d->params = xstrndup(m + i, len - i);
	n->ext_data = d;
	return 0;
}

static int include_parse(struct lnode *n, const char *m, size_t len, char *msg, size_t msgsz)
{
	return include_parse_common(n, m, len, msg, msgsz, false);
}

static int include_relative_parse(struct lnode *n, const char *m, size_t len, char *msg, size_t msgsz)
{
	return include_parse_common(n, m, len, msg, msgsz, true);
}

/* Jekyll's VALID_FILENAME_CHARS and INVALID_SEQUENCES, and no absolute path. */
static bool include_name_ok(const char *f)
{
	if (!*f || *f == '/')
		return false;
	for (const char *p = f; *p; p++) {
		if (!(isalnum((unsigned char)*p) || strchr("_/.-()+~#@", *p)))
			return false;
		if ((*p == '.' || *p == '/') && (p[1] == '.' || p[1] == '/'))
			return false;
	}
	return true;
}

/* Open dir/name without following a symlink at any step below dir. Returns
 * the file's bytes, or NULL with errno set. */
static char *read_inside(const char *dir, const char *name, size_t *len)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	char *copy = xstrdup(name);
	char *save = NULL;
	char *part = strtok_r(copy, "/", &save);
	while (part) {
		char *next = strtok_r(NULL, "/", &save);
		int flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (next ? O_DIRECTORY : O_NONBLOCK);
		int nfd = openat(fd, part, flags);
		int saved = errno;
		close(fd);
		if (nfd < 0) {
			free(copy);
			errno = saved;
			return NULL;
		}
		fd = nfd;
		part = next;
	}
	free(copy);
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size > INCLUDE_MAX_BYTES) {
		close(fd);
		errno = EINVAL;
		return NULL;
	}
	struct buf b = new_buf();
	char chunk[8192];
	ssize_t k;
	while ((k = read(fd, chunk, sizeof chunk)) > 0 && b.len <= INCLUDE_MAX_BYTES)
		buf_add(&b, chunk, (size_t)k);
	close(fd);
	if (k < 0 || b.len > INCLUDE_MAX_BYTES) {
		buf_free(&b);
		errno = EFBIG;
		return NULL;
	}
	*len = b.len;
	return buf_take(&b);
}

/* key=value pairs: "double", 'single' or a variable. */
static json_t *include_params(struct lctx *c, const char *s)
{
	json_t *o = json_object();
	const char *p = s;
	while (*p) {
		while (isspace((unsigned char)*p))
			p++;
		const char *k = p;
		while (isalnum((unsigned char)*p) || *p == '_' || *p == '-')
			p++;
		if (p == k)
			break;
		char *key = xstrndup(k, (size_t)(p - k));
		while (isspace((unsigned char)*p))
			p++;
		if (*p != '=') {
			free(key);
			lctx_error(c, "invalid syntax for include tag: %s", s);
			break;
		}
		p++;
		while (isspace((unsigned char)*p))
			p++;
		json_t *v = NULL;
		if (*p == '"' || *p == '\'') {
			char q = *p++;
			struct buf b = new_buf();
			while (*p && *p != q) {
				if (*p == '\\' && p[1] == q)
					p++;
				buf_addc(&b, *p++);
			}
			if (*p)
				p++;
			v = str_result(&b);
		} else {
			const char *vs = p;
			while (isalnum((unsigned char)*p) || *p == '_' || *p == '.' || *p == '-')
				p++;
			char *name = xstrndup(vs, (size_t)(p - vs));
			v = *name ? lctx_lookup(c, name) : NULL;
			free(name);
		}
		json_object_set_new(o, key, v ? v : json_null());
		free(key);
	}
	return o;
}

static int include_render(struct lctx *c, const struct lnode *n)
{
	const struct include_data *d = n->ext_data;
	const char *dir = d->relative ? c->opt->relative_dir : c->opt->includes_dir;
	const char *tag = d->relative ? "include_relative" : "include";
	char *file;
	if (strstr(d->file, "{{")) {
		struct buf *saved = c->out, tmp = new_buf();
		c->out = &tmp;
		struct lsource where = {c->file, n->line, n->col};
		int rc = lctx_render_source(c, d->file, strlen(d->file), &where);
		c->out = saved;
		file = buf_take(&tmp);
		if (rc != 0) {
			free(file);
			return -1;
		}
		c->line = n->line;
		c->col = n->col;
	} else {
		file = xstrdup(d->file);
	}
	if (!include_name_ok(file)) {
		lctx_error(c, "%s '%s': the name must stay inside the folder (no '..', '//', "
			   "absolute path or unusual characters)", tag, file);
		free(file);
		return -1;
	}
	if (!dir) {
		lctx_error(c, "%s '%s': there is no folder to include from", tag, file);
		free(file);
		return -1;
	}
	json_t *depth = json_object_get(c->registers, "include_depth");
	json_int_t level = depth ? json_integer_value(depth) : 0;
	if ((unsigned)level >= c->opt->max_depth) {
		lctx_error(c, "%s '%s': includes nested more than %u deep", tag, file, c->opt->max_depth);
		free(file);
		return -1;
	}
	size_t len;
	char *src = read_inside(dir, file, &len);
	if (!src) {
		lctx_error(c, "%s '%s': cannot read it in %s (%s; symlinks are not followed)", tag, file,
			   dir, strerror(errno));
		free(file);
		return -1;
	}
	if (utf8_valid_prefix(src, len) != len || memchr(src, 0, len)) {
		lctx_error(c, "%s '%s': not UTF-8 text", tag, file);
		free(src);
		free(file);
		return -1;
	}
	if (c->nscopes >= sizeof c->scopes / sizeof c->scopes[0]) {
		lctx_error(c, "nested too deep");
		free(src);
		free(file);
		return -1;
	}
	json_t *scope = json_object();
	c->scopes[c->nscopes++] = scope;
	if (*d->params)
		json_object_set_new(scope, "include", include_params(c, d->params));
	char *path = xmalloc(strlen(dir) + strlen(file) + 2);
	sprintf(path, "%s/%s", dir, file);
	json_object_set_new(c->registers, "include_depth", json_integer(level + 1));
	struct lsource where = {path, 1, 1};
	int rc = c->failed ? -1 : lctx_render_source(c, src, len, &where);
	json_object_set_new(c->registers, "include_depth", json_integer(level));
	c->nscopes--;
	json_decref(scope);
	free(path);
	free(src);
	free(file);
	return rc;
}

struct highlight_data {
	char *lang;
};

static void highlight_free(void *p)
{
	struct highlight_data *d = p;
	if (d)
		free(d->lang);
	free(d);
}

static int highlight_parse(struct lnode *n, const char *m, size_t len, char *msg, size_t msgsz)
{
	size_t i = 0;
	while (i < len && (isalnum((unsigned char)m[i]) || strchr(".+#_-", m[i])))
		i++;
	/* The options: words, word=word, word="1 2". */
	bool ok = i > 0;
	for (size_t k = i; ok && k < len; k++)
		if (!(isalnum((unsigned char)m[k]) || isspace((unsigned char)m[k]) || m[k] == '_' ||
		      m[k] == '=' || m[k] == '"'))
			ok = false;
	if (ok && i < len && !isspace((unsigned char)m[i]))
		ok = false;
	if (!ok) {
		snprintf(msg, msgsz, "syntax error in tag 'highlight' while parsing '%.*s' "
			 "(valid: highlight <lang> [linenos])", (int)len, m);
		return -1;
	}
	struct highlight_data *d = xcalloc(1, sizeof *d);
	d->lang = xstrndup(m, i);
	for (char *p = d->lang; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	n->ext_data = d;
	return 0;
}

/* Jekyll without a highlighter: the code escaped and stripped in a figure. */
static int highlight_render(struct lctx *c, const struct lnode *n)
{
	const struct highlight_data *d = n->ext_data;
	struct buf *saved = c->out, tmp = new_buf();
	c->out = &tmp;
	int rc = lctx_render_nodes(c, &n->body);
	c->out = saved;
	if (rc != 0) {
		buf_free(&tmp);
		return -1;
	}
	const char *s = tmp.data;
	size_t len = tmp.len;
	while (len && (*s == '\n' || *s == '\r'))
		s++, len--;
	while (len && (s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	struct buf esc = new_buf();
	for (size_t i = 0; i < len; i++) {
		switch (s[i]) {
		case '&': buf_adds(&esc, "&amp;"); break;
		case '<': buf_adds(&esc, "&lt;"); break;
		case '>': buf_adds(&esc, "&gt;"); break;
		case '"': buf_adds(&esc, "&quot;"); break;
		case '\'': buf_adds(&esc, "&#39;"); break;
		default: buf_addc(&esc, s[i]);
		}
	}
	buf_free(&tmp);
	json_t *code = json_stringn(esc.data, esc.len);
	buf_free(&esc);
	json_t *stripped = lfilter_standard("strip")->fn(c, code, NULL, 0, NULL);
	json_decref(code);
	buf_adds(c->out, "<figure class=\"highlight\"><pre><code class=\"language-");
	for (const char *p = d->lang; *p; p++)
		buf_addc(c->out, *p == '+' ? '-' : *p);
	buf_printf(c->out, "\" data-lang=\"%s\">", d->lang);
	buf_add(c->out, json_string_value(stripped), json_string_length(stripped));
	buf_adds(c->out, "</code></pre></figure>");
	json_decref(stripped);
	return 0;
}

static int markup_parse(struct lnode *n, const char *m, size_t len, char *msg, size_t msgsz)
{
	(void)msg, (void)msgsz;
	n->text = xstrndup(m, len);
	return 0;
}

static const struct post_list *posts_of(struct lctx *c)
{
	const struct site *s = c->opt->site;
	return s && s->liquid ? s->liquid->posts : NULL;
}

static int emit_post_url(struct lctx *c, const struct post *p)
{
	relative_url(c->out, c->opt->site, p->url ? p->url : "");
	return 0;
}

/* {% post_url 2010-07-21-name %} or {% post_url dir/2010-07-21-name %}. */
static int post_url_render(struct lctx *c, const struct lnode *n)
{
	const struct post_list *posts = posts_of(c);
	const char *want = n->text;
	const char *slash = strrchr(want, '/');
	const char *base = slash ? slash + 1 : want;
	for (size_t i = 0; posts && i < posts->n; i++) {
		const struct post *p = posts->v[i];
		const char *rel = p->relpath;
		const char *b = strrchr(rel, '/');
		b = b ? b + 1 : rel;
		size_t bl = strcspn(b, ".");
		const char *dot = strrchr(b, '.');
		if (dot)
			bl = (size_t)(dot - b);
		if (strlen(base) != bl || strncmp(b, base, bl) != 0)
			continue;
		if (slash) {
			/* the folder must match the one before _posts/ or inside it */
			size_t dl = (size_t)(slash - want);
			if (!strstr(rel, "_posts/") || strncmp(strstr(rel, "_posts/") + 7, want, dl) != 0 ||
			    (strstr(rel, "_posts/") + 7)[dl] != '/')
				if (strncmp(rel, want, dl) != 0)
					continue;
		}
		return emit_post_url(c, p);
	}
	lctx_error(c, "could not find post \"%s\" in tag 'post_url'", want);
	return -1;
}

static int link_render(struct lctx *c, const struct lnode *n)
{
	const struct post_list *posts = posts_of(c);
	char *want;
	if (strstr(n->text, "{{")) {
		struct buf *saved = c->out, tmp = new_buf();
		c->out = &tmp;
		struct lsource where = {c->file, n->line, n->col};
		int rc = lctx_render_source(c, n->text, strlen(n->text), &where);
		c->out = saved;
		want = buf_take(&tmp);
		if (rc != 0) {
			free(want);
			return -1;
		}
	} else {
		want = xstrdup(n->text);
	}
	for (size_t i = 0; posts && i < posts->n; i++)
		if (!strcmp(posts->v[i]->relpath, want)) {
			free(want);
			return emit_post_url(c, posts->v[i]);
		}
	lctx_error(c, "could not find document '%s' in tag 'link' (feedgen knows the posts only)", want);
	free(want);
	return -1;
}

static const struct ltag_def jekyll_tags[] = {
	{"highlight", true, false, highlight_parse, highlight_render, highlight_free},
	{"include", false, false, include_parse, include_render, include_free},
	{"include_relative", false, false, include_relative_parse, include_render, include_free},
	{"link", false, false, markup_parse, link_render, NULL},
	{"post_url", false, false, markup_parse, post_url_render, NULL},
};

const struct ltag_def *ltag_jekyll(const char *name)
{
	for (size_t i = 0; i < sizeof jekyll_tags / sizeof jekyll_tags[0]; i++)
		if (!strcmp(jekyll_tags[i].name, name))
			return &jekyll_tags[i];
	return NULL;
}

/* ================= a post ================= */

/* The front matter of p, read again from its file (the body is read at
 * render time anyway; the post model stays small). */
static json_t *front_matter(const struct post *p)
{
	if (p->body_offset <= 0 || p->body_offset > (long)((size_t)4 << 20))
		return json_object();
	FILE *f = open_regular(p->path);
	if (!f)
		return json_object();
	size_t n = (size_t)p->body_offset;
	char *head = xmalloc(n + 1);
	size_t got = fread(head, 1, n, f);
	fclose(f);
	/* The first document of "---\n...\n---\n" is the front matter. */
	json_t *v = liquid_yaml_value(head, got);
	free(head);
	if (!v || !json_is_object(v)) {
		json_decref(v);
		return json_object();
	}
	return v;
}

static json_t *strlist_value(const struct strlist *l)
{
	json_t *a = json_array();
	for (size_t i = 0; i < l->n; i++)
		json_array_append_new(a, json_string(l->v[i]));
	return a;
}

/* What Jekyll computes for every post (its Document drop), over what obj
 * already holds. */
static void post_computed(json_t *obj, const struct post *p)
{
	char date[64];
	time_t t = (time_t)(p->date.sec + p->date.off);
	struct tm tm;
	gmtime_r(&t, &tm);
	int off = p->date.off < 0 ? -p->date.off : p->date.off;
	snprintf(date, sizeof date, "%04d-%02d-%02d %02d:%02d:%02d %c%02d%02d", tm.tm_year + 1900,
		 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
		 p->date.off < 0 ? '-' : '+', off / 3600, off / 60 % 60);
	json_object_set_new(obj, "date", json_string(date));
	if (p->url) {
		json_object_set_new(obj, "url", json_string(p->url));
		/* Jekyll's id: the url's folder and the slug. */
		const char *slash = strrchr(p->url, '/');
		struct buf id = new_buf();
		buf_add(&id, p->url, slash ? (size_t)(slash - p->url) : 0);
		buf_printf(&id, "/%s", p->slug ? p->slug : "");
		json_object_set_new(obj, "id", str_result(&id));
	}
	json_object_set_new(obj, "categories", strlist_value(&p->categories));
	json_object_set_new(obj, "tags", strlist_value(&p->tags));
	if (p->slug)
		json_object_set_new(obj, "slug", json_string(p->slug));
	if (p->title && !json_object_get(obj, "title"))
		json_object_set_new(obj, "title", json_string(p->title));
	json_object_set_new(obj, "path", json_string(p->relpath ? p->relpath : p->path));
	json_object_set_new(obj, "collection", json_string("posts"));
	if (p->ext)
		json_object_set_new(obj, "ext", json_string(p->ext));
	json_object_set_new(obj, "draft", json_boolean(p->draft));
}

static json_t *page_value(const struct post *p, json_t *fm)
{
	json_t *page = json_copy(fm);
	post_computed(page, p);
	return page;
}

/* One post as an item of site.posts: what the loader kept of it (its other
 * front matter keys would mean reading every post's file again), and no
 * content: Jekyll gives a post's content as it stands in its own render
 * order, which feedgen does not follow. */
static json_t *post_item_value(const struct post *p)
{
	json_t *o = json_object();
	post_computed(o, p);
	json_object_set_new(o, "relative_path", json_string(p->relpath ? p->relpath : p->path));
	if (p->description)
		json_object_set_new(o, "description", json_string(p->description));
	if (p->excerpt)
		json_object_set_new(o, "excerpt", json_string(p->excerpt));
	if (p->image)
		json_object_set_new(o, "image", json_string(p->image));
	if (p->lang)
		json_object_set_new(o, "lang", json_string(p->lang));
	if (p->author.name)
		json_object_set_new(o, "author", json_string(p->author.name));
	return o;
}

/* Site#post_attr_hash: each name in the order the posts (oldest first)
 * bring it, its posts newest first. */
static json_t *posts_by(const struct liquid_site *ls, bool tags)
{
	json_t *h = json_object();
	const struct post_list *l = ls->posts;
	/* The names in order, oldest post first; then the posts, newest first. */
	for (size_t i = l->n; i-- > 0;) {
		const struct strlist *names = tags ? &l->v[i]->tags : &l->v[i]->categories;
		for (size_t k = 0; k < names->n; k++)
			if (!json_object_get(h, names->v[k]))
				json_object_set_new(h, names->v[k], json_array());
	}
	for (size_t i = 0; i < l->n; i++) {
		const struct strlist *names = tags ? &l->v[i]->tags : &l->v[i]->categories;
		for (size_t k = 0; k < names->n; k++)
			json_array_append(json_object_get(h, names->v[k]), json_array_get(ls->post_values, i));
	}
	return h;
}

static void make_collections(struct liquid_site *ls)
{
	ls->post_values = json_array();
	for (size_t i = 0; ls->posts && i < ls->posts->n; i++)
		json_array_append_new(ls->post_values, post_item_value(ls->posts->v[i]));
	if (!ls->posts) {
		ls->categories = json_object();
		ls->tags = json_object();
		return;
	}
	ls->categories = posts_by(ls, false);
	ls->tags = posts_by(ls, true);
}

/* Site::RelatedPosts without lsi: the ten newest posts but this one. */
static json_t *related_posts(const struct liquid_site *ls, const struct post *self)
{
	json_t *a = json_array();
	for (size_t i = 0; ls->posts && i < ls->posts->n && json_array_size(a) < 10; i++)
		if (ls->posts->v[i] != self)
			json_array_append(a, json_array_get(ls->post_values, i));
	return a;
}

json_t *ljekyll_site_extra(struct lctx *c, const json_t *obj, const char *key)
{
	const struct site *site = c->opt->site;
	struct liquid_site *ls = site ? site->liquid : NULL;
	if (!ls || obj != ls->site)
		return NULL;
	bool posts = !strcmp(key, "posts"), related = !strcmp(key, "related_posts");
	bool cats = !strcmp(key, "categories"), tags = !strcmp(key, "tags");
	if (!strcmp(key, "pages") || !strcmp(key, "html_pages") || !strcmp(key, "static_files"))
		return json_array();	/* feedgen reads the posts only */
	if (!posts && !related && !cats && !tags)
		return NULL;
	mtx_lock(&ls->lock);
	if (!ls->made) {
		make_collections(ls);
		ls->made = true;
	}
	mtx_unlock(&ls->lock);
	if (related)
		return related_posts(ls, c->opt->post);
	return json_incref(posts ? ls->post_values : cats ? ls->categories : ls->tags);
}

char *liquid_render_post(const struct site *site, const struct post *p, const char *body,
			 size_t n, struct diag_sink *diag)
{
	if (!liquid_needed(body, n))
		return xstrndup(body, n);
	json_t *fm = front_matter(p);
	json_t *rwl = json_object_get(fm, "render_with_liquid");
	if (rwl && json_is_false(rwl)) {
		json_decref(fm);
		return xstrndup(body, n);
	}
	json_t *vars = json_object();
	json_t *own_site = NULL;
	if (site && site->liquid) {
		json_object_set(vars, "site", site->liquid->site);
	} else if (site) {
		own_site = site_value(site);
		json_object_set_new(vars, "site", own_site);
	}
	json_object_set_new(vars, "page", page_value(p, fm));
	json_decref(fm);
	struct liquid_options opt;
	liquid_options_init(&opt);
	char *includes = NULL;
	if (site) {
		includes = xmalloc(strlen(site->dir) + 12);
		sprintf(includes, "%s/_includes", site->dir);
	}
	char *reldir = xstrdup(p->path);
	char *slash = strrchr(reldir, '/');
	if (slash)
		*slash = '\0';
	else
		strcpy(reldir, ".");
	opt.includes_dir = includes;
	opt.relative_dir = reldir;
	opt.site = site;
	opt.post = p;
	char *out = liquid_render(body, n, vars, p->path, p->body_line, &opt, diag);
	free(includes);
	free(reldir);
	json_decref(vars);
	return out;
}
