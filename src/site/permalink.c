/* permalink.c: a post's URL the way Jekyll 4.3 makes it.
 *
 * Sources followed: lib/jekyll/configuration.rb (style_to_permalink),
 * lib/jekyll/url.rb (generate_url_from_drop, sanitize_url, escape_path),
 * lib/jekyll/drops/url_drop.rb (the placeholders), lib/jekyll/utils.rb
 * (slugify) and lib/jekyll/renderer.rb (output_ext). Unicode classes and
 * case mapping come from ICU, as Ruby's regexps and String#downcase use the
 * Unicode database. */
#include <config.h>
#include "site/permalink.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "base/text.h"
#include "base/url.h"

/* ---- styles ---- */

static const struct {
	const char *style;
	const char *tmpl;
} styles[] = {
	{ "date", "/:categories/:year/:month/:day/:title:output_ext" },
	{ "pretty", "/:categories/:year/:month/:day/:title/" },
	{ "ordinal", "/:categories/:year/:y_day/:title:output_ext" },
	{ "weekdate", "/:categories/:year/W:week/:short_day/:title:output_ext" },
	{ "none", "/:categories/:title:output_ext" },
};

const char *permalink_template(const char *setting)
{
	if (!setting)
		return styles[0].tmpl;
	for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++)
		if (strcmp(setting, styles[i].style) == 0)
			return styles[i].tmpl;
	return setting;
}

/* ---- Unicode helpers ---- */

/* Ruby's String#downcase: full Unicode case mapping, one code point at a
 * time (Ruby does no context-dependent mapping such as the final sigma). */
static void add_downcased(struct buf *b, const char *s)
{
	int32_t n = (int32_t)strlen(s), i = 0;
	while (i < n) {
		int32_t start = i;
		UChar32 c;
		U8_NEXT(s, i, n, c);
		if (c < 0) {
			buf_add(b, s + start, (size_t)(i - start));
			continue;
		}
		if (c < 0x80) {
			buf_addc(b, (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : (char)c);
			continue;
		}
		UChar src[2], low[8];
		int32_t len = 0;
		U16_APPEND_UNSAFE(src, len, c);
		UErrorCode err = U_ZERO_ERROR;
		int32_t lowlen = u_strToLower(low, 8, src, len, "", &err);
		char u8[32];
		int32_t u8len = 0;
		if (U_SUCCESS(err))
			u_strToUTF8(u8, sizeof u8, &u8len, low, lowlen, &err);
		if (U_SUCCESS(err))
			buf_add(b, u8, (size_t)u8len);
		else
			buf_add(b, s + start, (size_t)(i - start));
	}
}

/* Characters Jekyll's slugify keeps: \p{M}\p{L}\p{Nd}, and in "pretty" mode
 * also ._~!$&'()+,;=@ (human readable in a URL, allowed by ext4 and NTFS). */
static bool slug_keeps(UChar32 c, bool pretty)
{
	if (c < 0)
		return false;
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
		return true;	/* what ICU says of ASCII letters and digits, without asking */
	if (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK))
		return true;
	return pretty && c < 0x80 && c != 0 && strchr("._~!$&'()+,;=@", (int)c) != NULL;
}

/* Utils.slugify(s, mode: pretty ? "pretty" : "default", cased: cased): every
 * run of other characters becomes one '-', and the hyphens at both ends go. */
static char *slugify(const char *s, bool pretty, bool cased)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	int32_t n = (int32_t)strlen(s), i = 0;
	bool run = false;
	while (i < n) {
		int32_t start = i;
		UChar32 c;
		U8_NEXT(s, i, n, c);
		if (!slug_keeps(c, pretty)) {
			run = true;
			continue;
		}
		if (run && b.len > 0)
			buf_addc(&b, '-');
		run = false;
		buf_add(&b, s + start, (size_t)(i - start));
	}
	if (cased)
		return buf_take(&b);
	struct buf low;
	buf_init(&low);
	buf_adds(&low, "");
	add_downcased(&low, b.data);
	buf_free(&b);
	return buf_take(&low);
}

char *slugify_pretty(const char *s)
{
	return slugify(s ? s : "", true, true);
}

/* ---- the post's names ---- */

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* Ruby's File.extname: the last ".x" of the base name, not counting the dots
 * a name starts with; "" when there is none. */
static const char *ext_name(const char *path)
{
	const char *base = base_name(path);
	while (*base == '.')
		base++;
	const char *dot = strrchr(base, '.');
	return dot ? dot : base + strlen(base);
}

static const char *post_file(const struct post *p)
{
	if (p->relpath)
		return p->relpath;
	return p->path ? p->path : "";
}

/* File.basename(path, ".*"): the file name without its last extension. */
static char *basename_without_ext(const struct post *p)
{
	const char *base = base_name(post_file(p));
	return xstrndup(base, (size_t)(ext_name(base) - base));
}

static bool is_markdown_ext(const char *ext)
{
	/* Jekyll's default markdown_ext, matched without regard to case. */
	static const char *const exts[] = { ".markdown", ".mkdown", ".mkdn", ".mkd", ".md" };
	for (size_t i = 0; ext && i < sizeof exts / sizeof exts[0]; i++)
		if (strcasecmp(ext, exts[i]) == 0)
			return true;
	return false;
}

/* ---- placeholders (Drops::UrlDrop) ---- */

struct ctx {
	const struct post *p;
	struct tm tm;
};

static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

static const char *const day_names[] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
};

/* A field of a date in the site zone (0..9999) with at least `width` digits:
 * what "%0*d" prints, for the placeholders every post's URL has. */
static void add_number(struct buf *v, int n, int width)
{
	if (n < 0) {	/* not a date feedgen accepts; printf's form anyway */
		buf_printf(v, "%0*d", width, n);
		return;
	}
	char d[8];
	int k = 0;
	do {
		d[k++] = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0 && k < (int)sizeof d);
	while (k < width)
		d[k++] = '0';
	while (k > 0)
		buf_addc(v, d[--k]);
}

static void ph_year(const struct ctx *c, struct buf *v)
{
	add_number(v, c->tm.tm_year + 1900, 4);
}

static void ph_month(const struct ctx *c, struct buf *v)
{
	add_number(v, c->tm.tm_mon + 1, 2);
}

static void ph_day(const struct ctx *c, struct buf *v)
{
	add_number(v, c->tm.tm_mday, 2);
}

static void ph_hour(const struct ctx *c, struct buf *v)
{
	add_number(v, c->tm.tm_hour, 2);
}

static void ph_minute(const struct ctx *c, struct buf *v)
{
	add_number(v, c->tm.tm_min, 2);
}

static void ph_second(const struct ctx *c, struct buf *v)
{
	add_number(v, c->tm.tm_sec, 2);
}

static void ph_i_day(const struct ctx *c, struct buf *v)
{
	buf_printf(v, "%d", c->tm.tm_mday);
}

static void ph_i_month(const struct ctx *c, struct buf *v)
{
	buf_printf(v, "%d", c->tm.tm_mon + 1);
}

static void ph_short_month(const struct ctx *c, struct buf *v)
{
	buf_printf(v, "%.3s", month_names[c->tm.tm_mon % 12]);
}

static void ph_long_month(const struct ctx *c, struct buf *v)
{
	buf_adds(v, month_names[c->tm.tm_mon % 12]);
}

static void ph_short_year(const struct ctx *c, struct buf *v)
{
	buf_printf(v, "%02d", (c->tm.tm_year + 1900) % 100);
}

/* ISO 8601 week fields: strftime's %G %V %u need no locale. */
static void add_strftime(const struct ctx *c, struct buf *v, const char *fmt)
{
	char s[16];
	size_t n = strftime(s, sizeof s, fmt, &c->tm);
	buf_add(v, s, n);
}

static void ph_w_year(const struct ctx *c, struct buf *v)
{
	add_strftime(c, v, "%G");
}

static void ph_week(const struct ctx *c, struct buf *v)
{
	add_strftime(c, v, "%V");
}

static void ph_w_day(const struct ctx *c, struct buf *v)
{
	add_strftime(c, v, "%u");
}

static void ph_short_day(const struct ctx *c, struct buf *v)
{
	buf_printf(v, "%.3s", day_names[c->tm.tm_wday % 7]);
}

static void ph_long_day(const struct ctx *c, struct buf *v)
{
	buf_adds(v, day_names[c->tm.tm_wday % 7]);
}

static void ph_y_day(const struct ctx *c, struct buf *v)
{
	buf_printf(v, "%03d", c->tm.tm_yday + 1);
}

/* :title and :slug come from front matter `slug`, else the file name. */
static void add_slug(const struct ctx *c, struct buf *v, bool pretty)
{
	char *name = c->p->slug ? NULL : basename_without_ext(c->p);
	char *s = slugify(c->p->slug ? c->p->slug : name, pretty, pretty);
	buf_adds(v, s);
	free(s);
	free(name);
}

static void ph_title(const struct ctx *c, struct buf *v)
{
	add_slug(c, v, true);
}

static void ph_slug(const struct ctx *c, struct buf *v)
{
	add_slug(c, v, false);
}

/* The whole base name, date prefix included. */
static void ph_name(const struct ctx *c, struct buf *v)
{
	char *name = basename_without_ext(c->p);
	char *s = slugify(name, false, false);
	buf_adds(v, s);
	free(s);
	free(name);
}

/* Each category lower-cased (or slugified), the first of equals kept, joined
 * with '/'. */
static void add_categories(const struct ctx *c, struct buf *v, bool slugified)
{
	struct strlist seen = { NULL, 0 };
	for (size_t i = 0; i < c->p->categories.n; i++) {
		char *cat;
		if (slugified) {
			cat = slugify(c->p->categories.v[i], false, false);
		} else {
			struct buf b;
			buf_init(&b);
			buf_adds(&b, "");
			add_downcased(&b, c->p->categories.v[i]);
			cat = buf_take(&b);
		}
		bool dup = false;
		for (size_t j = 0; j < seen.n && !dup; j++)
			dup = strcmp(seen.v[j], cat) == 0;
		if (!dup) {
			seen.v = xrealloc(seen.v, (seen.n + 1) * sizeof *seen.v);
			seen.v[seen.n++] = cat;
			if (seen.n > 1)
				buf_addc(v, '/');
			buf_adds(v, cat);
		} else {
			free(cat);
		}
	}
	for (size_t j = 0; j < seen.n; j++)
		free(seen.v[j]);
	free(seen.v);
}

static void ph_categories(const struct ctx *c, struct buf *v)
{
	add_categories(c, v, false);
}

static void ph_slugified_categories(const struct ctx *c, struct buf *v)
{
	add_categories(c, v, true);
}

/* Document#cleaned_relative_path: the relative path without its extension,
 * the first "_posts" (a collection's "_<label>") taken out, trailing dots
 * dropped. */
static void ph_path(const struct ctx *c, struct buf *v)
{
	const char *rel = post_file(c->p);
	size_t n = (size_t)(ext_name(rel) - rel);
	struct buf dir;
	buf_init(&dir);
	buf_printf(&dir, "_%s", c->p->collection ? c->p->collection : "posts");
	const char *posts = strstr(rel, dir.data);
	size_t dl = dir.len;
	buf_free(&dir);
	if (posts && (size_t)(posts - rel) + dl <= n) {
		buf_add(v, rel, (size_t)(posts - rel));
		buf_add(v, posts + dl, n - (size_t)(posts - rel) - dl);
	} else {
		buf_add(v, rel, n);
	}
	while (v->len > 0 && v->data[v->len - 1] == '.')
		v->data[--v->len] = '\0';
}

/* Renderer#output_ext: the extension of a front matter permalink that names
 * a file, else the converter's: markdown gives ".html", the rest their own. */
static void ph_output_ext(const struct ctx *c, struct buf *v)
{
	const char *fm = c->p->permalink;
	if (fm && fm[0] && fm[strlen(fm) - 1] != '/' && ext_name(fm)[0]) {
		buf_adds(v, ext_name(fm));
		return;
	}
	if (is_markdown_ext(c->p->ext))
		buf_adds(v, ".html");
	else if (c->p->ext)
		buf_adds(v, c->p->ext);
}

static void ph_collection(const struct ctx *c, struct buf *v)
{
	buf_adds(v, c->p->collection ? c->p->collection : "posts");
}

static const struct placeholder {
	const char *name;
	void (*fill)(const struct ctx *c, struct buf *v);
} placeholders[] = {
	{ "year", ph_year },
	{ "month", ph_month },
	{ "day", ph_day },
	{ "hour", ph_hour },
	{ "minute", ph_minute },
	{ "second", ph_second },
	{ "i_day", ph_i_day },
	{ "i_month", ph_i_month },
	{ "short_month", ph_short_month },
	{ "long_month", ph_long_month },
	{ "short_year", ph_short_year },
	{ "w_year", ph_w_year },
	{ "week", ph_week },
	{ "w_day", ph_w_day },
	{ "short_day", ph_short_day },
	{ "long_day", ph_long_day },
	{ "y_day", ph_y_day },
	{ "title", ph_title },
	{ "slug", ph_slug },
	{ "name", ph_name },
	{ "categories", ph_categories },
	{ "slugified_categories", ph_slugified_categories },
	{ "path", ph_path },
	{ "output_ext", ph_output_ext },
	{ "collection", ph_collection },
};

/* At s (a ':'), Jekyll's %r!:([a-z_]+)!: *name_len gets the length of the
 * name, *key_len that of the key looked up. A name ending in '_' is looked
 * up without that '_', so "/:month_:day" is :month, '_', :day. */
static const struct placeholder *match_placeholder(const char *s, size_t *name_len,
						   size_t *key_len)
{
	size_t n = 0;
	while ((s[1 + n] >= 'a' && s[1 + n] <= 'z') || s[1 + n] == '_')
		n++;
	*name_len = n;
	*key_len = (n > 0 && s[n] == '_') ? n - 1 : n;
	for (size_t i = 0; n > 0 && i < sizeof placeholders / sizeof placeholders[0]; i++)
		if (placeholders[i].name[0] == s[1] &&
		    strncmp(placeholders[i].name, s + 1, *key_len) == 0 &&
		    placeholders[i].name[*key_len] == '\0')
			return &placeholders[i];
	return NULL;
}

const char *permalink_unknown(const char *tmpl, size_t *len)
{
	for (const char *s = tmpl; s && *s; s++) {
		size_t name_len, key_len;
		if (*s != ':')
			continue;
		if (!match_placeholder(s, &name_len, &key_len) && name_len > 0) {
			*len = name_len + 1;
			return s;
		}
		s += name_len;
	}
	return NULL;
}

/* Template text outside placeholders, made a valid URL path: what is already
 * percent-encoded stays so, anything else outside pchar and '/' is encoded.
 * (Jekyll leaves it raw in page.url; its absolute_url encodes it the same
 * way, so feed links come out equal.) */
static void add_literal(struct buf *b, const char *s, size_t n)
{
	url_escape_path_add(b, s, n, true);
}

/* URL#sanitize_url in Jekyll 4.3: "/" + url, each ".." made "/", each "./"
 * taken out, runs of '/' squeezed to one. */
static char *sanitize(const char *url)
{
	if (!strstr(url, "..") && !strstr(url, "./")) {
		/* Nothing to take out (the usual URL): only the squeezing. */
		struct buf b;
		buf_init(&b);
		buf_addc(&b, '/');
		for (size_t i = 0; url[i]; i++)
			if (url[i] != '/' || b.data[b.len - 1] != '/')
				buf_addc(&b, url[i]);
		return buf_take(&b);
	}
	struct buf a, b;
	buf_init(&a);
	buf_init(&b);
	buf_adds(&a, "/");
	for (size_t i = 0; url[i]; i++) {
		if (url[i] == '.' && url[i + 1] == '.') {
			buf_addc(&a, '/');
			i++;
			continue;
		}
		buf_addc(&a, url[i]);
	}
	buf_adds(&b, "");
	for (size_t i = 0; i < a.len; i++) {
		if (a.data[i] == '.' && a.data[i + 1] == '/') {
			i++;
			continue;
		}
		if (a.data[i] == '/' && b.len > 0 && b.data[b.len - 1] == '/')
			continue;
		buf_addc(&b, a.data[i]);
	}
	buf_free(&a);
	return buf_take(&b);
}

/* Jekyll 4.3 expands posts from a UrlDrop, where an empty value leaves its
 * '/' behind and sanitize_url squeezes it; so an empty placeholder at the very
 * end ("/blog/:categories") leaves a trailing '/' as in Jekyll. */
char *permalink_expand(const char *tmpl, const struct post *p)
{
	struct ctx c = { .p = p };
	date_fields(&p->date, &c.tm);
	struct buf raw, v;
	buf_init(&raw);
	buf_init(&v);
	buf_adds(&raw, "");
	const char *s = tmpl ? tmpl : "";
	while (*s) {
		size_t name_len = 0, key_len = 0;
		const struct placeholder *ph = NULL;
		if (*s == ':')
			ph = match_placeholder(s, &name_len, &key_len);
		if (!ph) {
			size_t n = 1 + name_len + strcspn(s + 1 + name_len, ":");
			add_literal(&raw, s, n);
			s += n;
			continue;
		}
		/* One value buffer for all placeholders: emptied, not freed. */
		v.len = 0;
		buf_adds(&v, "");
		ph->fill(&c, &v);
		url_escape_path_add(&raw, v.data, strlen(v.data), false);
		add_literal(&raw, s + 1 + key_len, name_len - key_len);
		s += 1 + name_len;
	}
	buf_free(&v);
	char *url = sanitize(raw.data);
	buf_free(&raw);
	return url;
}
