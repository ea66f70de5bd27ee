/* postfile.c: one post file into a struct post — the front matter found
 * and parsed with libyaml, its keys read, the body left on disk. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/date.h"
#include "base/siteurl.h"
#include "base/text.h"
#include "base/url.h"
#include "content/body.h"
#include "site/defaults.h"
#include "site/jekyll.h"
#include "site/postcheck.h"
#include "site/postfile.h"
#include "site/yamldoc.h"

/* Limits that keep one hostile file from taking the machine. */
#define FRONT_MATTER_MAX_BYTES ((size_t)4 << 20)
#define AUTO_TITLE_CHARS 60

struct fm_span {
	size_t yaml_start;	/* byte offset of the YAML text */
	size_t yaml_end;
	size_t body_start;
	unsigned long body_line;
};

/* Is the line at s (up to n bytes) "---" (or "..." when `dots`), trailing
 * spaces allowed? Returns the line's length with its newline, or 0. */
static size_t fence_line(const char *s, size_t n, bool dots)
{
	if (n < 3 || !(memcmp(s, "---", 3) == 0 || (dots && memcmp(s, "...", 3) == 0)))
		return 0;
	size_t i = 3;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
		i++;
	if (i == n)
		return i;
	return s[i] == '\n' ? i + 1 : 0;
}

/* Find the front matter: the file's first line is "---", it ends at the next
 * "---" or "..." line. Returns 1 found, 0 no front matter, -1 unterminated. */
static int find_front_matter(const char *s, size_t n, size_t start, struct fm_span *fm)
{
	size_t open = fence_line(s + start, n - start, false);
	if (!open)
		return 0;
	fm->yaml_start = start + open;
	unsigned long line = 2;
	for (size_t i = fm->yaml_start; i < n; line++) {
		size_t close = fence_line(s + i, n - i, true);
		if (close) {
			fm->yaml_end = i;
			fm->body_start = i + close;
			fm->body_line = line + 1;
			return 1;
		}
		const char *nl = memchr(s + i, '\n', n - i);
		if (!nl)
			break;
		i = (size_t)(nl - s) + 1;
	}
	return -1;
}

/* A position in a text that only moves forward: line and column (1-based,
 * columns in characters) of byte `at`. Each message about the same text moves
 * it on from the last one, so reporting every control character of a front
 * matter stays linear (recomputed from the start, 300,000 took 41 s). */
struct text_pos {
	size_t at;
	unsigned long line, col;
};

#define TEXT_POS_START ((struct text_pos){ 0, 1, 1 })

static void pos_advance(const char *s, size_t to, struct text_pos *p)
{
	for (size_t i = p->at; i < to; i++) {
		if (s[i] == '\n') {
			p->line++;
			p->col = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
			p->col++;
		}
	}
	if (to > p->at)
		p->at = to;
}

/* Line and column (1-based) of byte offset pos in s. */
static void line_col(const char *s, size_t pos, unsigned long *line, unsigned long *col)
{
	struct text_pos p = TEXT_POS_START;
	pos_advance(s, pos, &p);
	*line = p.line;
	*col = p.col;
}

/* The head of a post file: enough bytes to hold its front matter, read in
 * growing chunks, so the body stays on disk until a feed shows the post (the
 * body of most posts is never needed). Returns 1 with the front matter found,
 * 0 when the file has none, -1 after reporting an error. */
static int read_head(const char *path, struct buf *head, struct fm_span *fm,
		     struct diag_sink *diag)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		diag_report(diag, DIAG_ERROR, path, 0, 0, "read-error", "cannot read: %s", strerror(errno));
		return -1;
	}
	/* Front matter is a few hundred bytes, the whole post several KB: the
	 * first read takes 2 KiB, not the file (copying it was 4% of -o). */
	size_t want = 2048;
	int found = -1;
	for (;;) {
		if (head->cap < want + 1) {
			head->data = xrealloc(head->data, want + 1);
			head->cap = want + 1;
		}
		ssize_t k = read(fd, head->data + head->len, want - head->len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			diag_report(diag, DIAG_ERROR, path, 0, 0, "read-error", "cannot read: %s", strerror(errno));
			found = -2;
			break;
		}
		head->len += (size_t)k;
		head->data[head->len] = '\0';
		bool eof = k == 0;
		size_t start = (head->len >= 3 && memcmp(head->data, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
		found = find_front_matter(head->data, head->len, start, fm);
		/* A closing "---" at the very end of what was read may be the start
		 * of a longer line: only the end of the file settles that. */
		if (found == 0 || eof || (found == 1 && fm->body_start < head->len))
			break;
		if (head->len == want) {
			if (want > FRONT_MATTER_MAX_BYTES) {
				diag_report(diag, DIAG_ERROR, path, 2, 1, "front-matter",
					    "front matter larger than %zu bytes", FRONT_MATTER_MAX_BYTES);
				found = -2;
				break;
			}
			want *= 2;
		}
	}
	close(fd);
	if (found == -1)
		diag_report(diag, DIAG_ERROR, path, 1, 1, "front-matter",
			    "front matter has no closing '---' line");
	return found < 0 ? -1 : found;
}

/* Bytes YAML and XML may not carry: a NUL or invalid UTF-8 in the front
 * matter makes the post unusable (reported with the byte offset); control
 * characters are dropped with a warning instead (clean_front_matter). */
static int check_bytes(const char *path, const char *s, size_t n, struct diag_sink *diag)
{
	const char *nul = memchr(s, '\0', n);
	size_t valid = utf8_valid_prefix(s, nul ? (size_t)(nul - s) : n);
	unsigned long line, col;
	if (valid < n && (!nul || valid < (size_t)(nul - s))) {
		line_col(s, valid, &line, &col);
		diag_report(diag, DIAG_ERROR, path, line, col, "utf8",
			    "invalid UTF-8 in the front matter at byte offset %zu; the post is skipped", valid);
		return -1;
	}
	if (nul) {
		line_col(s, (size_t)(nul - s), &line, &col);
		diag_report(diag, DIAG_ERROR, path, line, col, "nul",
			    "NUL byte in the front matter at byte offset %zu; the post is skipped", (size_t)(nul - s));
		return -1;
	}
	return 0;
}

/* Characters libyaml refuses and XML forbids or discourages: C0 controls but
 * tab, newline and return; DEL; C1 controls but NEL. */
static size_t control_len(const char *s)
{
	unsigned char c = (unsigned char)s[0];
	if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
		return 1;
	if (c == 0xC2 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9F &&
	    (unsigned char)s[1] != 0x85)
		return 2;
	return 0;
}

/* A copy of the YAML text with control characters removed (reported: the
 * first CONTROL_CHARS_REPORTED each at its place, then how many more). */
#define CONTROL_CHARS_REPORTED 20

static char *clean_front_matter(const char *path, const char *file, size_t start, size_t end,
				size_t *out_len, struct diag_sink *diag)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	size_t run = start;	/* start of the clean bytes not yet copied */
	struct text_pos pos = TEXT_POS_START;
	size_t reported = 0;
	for (size_t i = start; i < end;) {
		size_t k = control_len(file + i);
		if (!k) {
			i++;
			continue;
		}
		buf_add(&b, file + run, i - run);
		if (reported++ < CONTROL_CHARS_REPORTED) {
			pos_advance(file, i, &pos);
			diag_report(diag, DIAG_WARNING, path, pos.line, pos.col, "control-char",
				    "control character U+%04X dropped: XML 1.0 forbids it",
				    k == 1 ? (unsigned)(unsigned char)file[i]
					   : (unsigned)(unsigned char)file[i + 1]);
		}
		i += k;
		run = i;
	}
	buf_add(&b, file + run, end - run);
	if (reported > CONTROL_CHARS_REPORTED)
		diag_report(diag, DIAG_WARNING, path, pos.line, pos.col, "control-char",
			    "%zu more control characters dropped after this one (not each reported)",
			    reported - CONTROL_CHARS_REPORTED);
	*out_len = b.len;
	return buf_take(&b);
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* The front matter keys feedgen reads, found in one pass over the mapping. */
enum fm_key {
	FM_TITLE, FM_DATE, FM_LAST_MODIFIED_AT, FM_UPDATED, FM_SLUG, FM_CATEGORIES,
	FM_CATEGORY, FM_TAGS, FM_TAG, FM_AUTHOR, FM_AUTHORS, FM_DESCRIPTION, FM_EXCERPT,
	FM_PERMALINK, FM_ID, FM_GUID, FM_LANG, FM_IMAGE, FM_ENCLOSURE, FM_PUBLISHED,
	FM_DRAFT, FM_EXCERPT_SEPARATOR, FM_FEED, FM_KEYS
};

static const char *const fm_keys[FM_KEYS] = {
	[FM_TITLE] = "title", [FM_DATE] = "date", [FM_LAST_MODIFIED_AT] = "last_modified_at",
	[FM_UPDATED] = "updated", [FM_SLUG] = "slug", [FM_CATEGORIES] = "categories",
	[FM_CATEGORY] = "category", [FM_TAGS] = "tags", [FM_TAG] = "tag",
	[FM_AUTHOR] = "author", [FM_AUTHORS] = "authors", [FM_DESCRIPTION] = "description",
	[FM_EXCERPT] = "excerpt", [FM_PERMALINK] = "permalink", [FM_ID] = "id",
	[FM_GUID] = "guid", [FM_LANG] = "lang", [FM_IMAGE] = "image",
	[FM_ENCLOSURE] = "enclosure", [FM_PUBLISHED] = "published", [FM_DRAFT] = "draft",
	[FM_EXCERPT_SEPARATOR] = "excerpt_separator", [FM_FEED] = "feed",
};

/* A post's front matter keys, each with the document its node is in: the
 * post's own, or _config.yml's for a value from `defaults:`. */
struct fm_keys {
	yaml_node_t *n[FM_KEYS];
	yaml_document_t *doc[FM_KEYS];
};

/* A relative author uri made absolute against the site (JSON Feed's
 * authors[].url must be absolute), as jekyll's absolute_url would; kept as
 * it is without a site url (Atom takes it so). Takes ref. */
static char *absolute_uri(const struct site *site, char *ref)
{
	if (!ref || !*site->url || ref[strcspn(ref, ":/?#")] == ':')
		return ref;
	struct buf b;
	buf_init(&b);
	char *abs;
	if (ref[0] == '/' && ref[1] == '/') {
		buf_printf(&b, "https:%s", ref);	/* protocol-relative */
		abs = buf_take(&b);
	} else {
		buf_printf(&b, "%s%s", ref[0] == '/' ? "" : "/", ref);
		abs = url_absolute(site->url, site->baseurl, b.data);
		buf_free(&b);
	}
	free(ref);
	return abs;
}

/* author: a name or {name, email, uri}; with neither, the first of `authors`
 * (jekyll-feed). A name that is a key of _data/authors.yml stands for that
 * entry, as jekyll-feed looks it up. */
static void read_author(const struct site *site, const struct fm_keys *fm, struct person *a,
			const char *path, struct diag_sink *diag)
{
	yaml_node_t *n = fm->n[FM_AUTHOR];
	yaml_document_t *doc = fm->doc[FM_AUTHOR];
	/* jekyll-feed's `post.author | default: post.authors[0]`: an author
	 * given as a list is its first (post.author.name of a list is nil). */
	if (n && n->type == YAML_SEQUENCE_NODE) {
		n = n->data.sequence.items.start < n->data.sequence.items.top
			    ? yaml_document_get_node(doc, *n->data.sequence.items.start)
			    : NULL;
	}
	yamldoc_read_person(doc, n, a);
	yaml_node_t *list = fm->n[FM_AUTHORS];
	if (!a->name && list && list->type == YAML_SEQUENCE_NODE &&
	    list->data.sequence.items.start < list->data.sequence.items.top) {
		doc = fm->doc[FM_AUTHORS];
		n = yaml_document_get_node(doc, *list->data.sequence.items.start);
		yamldoc_read_person(doc, n, a);
	}
	const struct person *known =
		n && n->type == YAML_SCALAR_NODE ? site_author(site, a->name) : NULL;
	if (!known) {
		/* The uri reaches <uri> and authors[].url: as an image URL is. */
		yaml_node_t *where = n && n->type == YAML_MAPPING_NODE ? n : fm->n[FM_AUTHOR];
		a->uri = absolute_uri(site, postcheck_url(a->uri, where, path, "author uri", diag));
		a->email = postcheck_email(a->email, where, path, diag);
		return;
	}
	person_clear(a);
	a->name = dup_or_null(known->name);
	a->email = postcheck_email_clean(known->email);
	a->uri = postcheck_url_clean(known->uri);
}

/* Front matter strings reach XML: drop the characters it forbids, which YAML
 * escapes such as "\x01" can still produce. */
static char *fm_string(yaml_node_t *n, const char *path, struct diag_sink *diag)
{
	const char *s = yamldoc_scalar(n);
	if (!s)
		return NULL;
	size_t dropped = 0;
	char *c = xml_clean(s, strlen(s), &dropped);
	if (dropped)
		diag_report(diag, DIAG_WARNING, path, n->start_mark.line + 2, n->start_mark.column + 1,
			    "control-char", "%zu control character(s) dropped: XML 1.0 forbids them",
			    dropped);
	return c;
}

/* A key and where it stands, for finding repeated keys by sorting: a front
 * matter may hold hundreds of thousands of keys (FRONT_MATTER_MAX_BYTES), so
 * comparing each with every other would take minutes. */
struct key_at {
	const char *key;
	size_t index;
};

static int key_at_cmp(const void *a, const void *b)
{
	const struct key_at *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	return (x->index > y->index) - (x->index < y->index);
}

static const char *key_text(yaml_document_t *doc, const yaml_node_pair_t *pair)
{
	return yamldoc_scalar(yaml_document_get_node(doc, pair->key));
}

static void mark_repeats_sorted(yaml_document_t *doc, const yaml_node_pair_t *pairs, size_t n,
				bool *again)
{
	struct key_at *keys = xmalloc((n ? n : 1) * sizeof *keys);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = key_text(doc, &pairs[i]);
		if (s)
			keys[k++] = (struct key_at){ s, i };
	}
	qsort(keys, k, sizeof *keys, key_at_cmp);
	for (size_t i = 1; i < k; i++)
		if (strcmp(keys[i].key, keys[i - 1].key) == 0)
			again[keys[i].index] = true;
	free(keys);
}

/* A usual front matter has a handful of keys: comparing each with those
 * before it is quicker than sorting them. */
#define FEW_KEYS 32

static void mark_repeats_few(yaml_document_t *doc, const yaml_node_pair_t *pairs, size_t n,
			     bool *again)
{
	const char *keys[FEW_KEYS];
	for (size_t i = 0; i < n; i++) {
		keys[i] = key_text(doc, &pairs[i]);
		for (size_t j = 0; keys[i] && j < i && !again[i]; j++)
			again[i] = keys[j] && strcmp(keys[i], keys[j]) == 0;
	}
}

/* Every key that appears again is reported where it appears again, in file
 * order. */
static void warn_duplicate_keys(yaml_document_t *doc, yaml_node_t *root, const char *path,
				struct diag_sink *diag)
{
	yaml_node_pair_t *pairs = root->data.mapping.pairs.start;
	size_t n = (size_t)(root->data.mapping.pairs.top - pairs);
	bool few[FEW_KEYS] = { false };
	bool *again = n <= FEW_KEYS ? few : xcalloc(n, sizeof *again);
	if (n <= FEW_KEYS)
		mark_repeats_few(doc, pairs, n, again);
	else
		mark_repeats_sorted(doc, pairs, n, again);
	for (size_t i = 0; i < n; i++) {
		if (!again[i])
			continue;
		yaml_node_t *kn = yaml_document_get_node(doc, pairs[i].key);
		diag_report(diag, DIAG_WARNING, path, kn->start_mark.line + 2,
			    kn->start_mark.column + 1, "duplicate-key",
			    "key '%s' appears again; the last one is used", yamldoc_scalar(kn));
	}
	if (again != few)
		free(again);
}

/* Parse a date node; on error report at the value's position. */
static int fm_date(yaml_node_t *n, const char *path, struct fg_time *t, bool *as_utc,
		   struct diag_sink *diag)
{
	const char *s = yamldoc_scalar(n);
	unsigned long line = n->start_mark.line + 2, col = n->start_mark.column + 1;
	if (!s) {
		diag_report(diag, DIAG_ERROR, path, line, col, "date", "date is not a text value");
		return -1;
	}
	enum date_style style = n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE ? DATE_PLAIN : DATE_QUOTED;
	struct date_error err = {0, NULL};
	if (date_parse(s, style, t, as_utc, &err) == 0)
		return 0;
	if (style != DATE_PLAIN)
		col++;	/* the opening quote */
	diag_report(diag, DIAG_ERROR, path, line, col + err.pos, "date", "invalid date '%s': %s", s,
		    err.msg ? err.msg : "not a date");
	return -1;
}

struct fm_result {
	bool date_set;
	bool as_utc;
	bool failed;
	bool title_empty;
	unsigned long title_line, title_col;	/* for the empty-title message */
};

/* l's names, then those of `add` (cleaned for XML), each kept where it first
 * appears: strlist_add() compares each with all before it, which took 39 s
 * for 100,000 tags; one sort by (name, place) finds the repeats instead.
 * Takes the strings of `add`. */
static void append_unique(struct strlist *l, struct strlist *add)
{
	size_t n = l->n + add->n;
	char **all = xmalloc((n ? n : 1) * sizeof *all);
	for (size_t i = 0; i < l->n; i++)
		all[i] = l->v[i];
	for (size_t i = 0; i < add->n; i++) {
		all[l->n + i] = xml_clean(add->v[i], strlen(add->v[i]), NULL);
		free(add->v[i]);
	}
	struct key_at *keys = xmalloc((n ? n : 1) * sizeof *keys);
	for (size_t i = 0; i < n; i++)
		keys[i] = (struct key_at){ all[i], i };
	qsort(keys, n, sizeof *keys, key_at_cmp);
	bool *again = xcalloc(n ? n : 1, sizeof *again);
	for (size_t i = 0; i < n; i++)
		again[keys[i].index] = !*keys[i].key || (i > 0 && strcmp(keys[i].key, keys[i - 1].key) == 0);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (again[i])
			free(all[i]);
		else
			all[k++] = all[i];
	}
	free(keys);
	free(again);
	free(l->v);
	free(add->v);
	*add = (struct strlist){0};
	l->v = all;
	l->n = k;
}

/* Categories as Jekyll merges them: those of `defaults:` first, then the
 * post's own `categories` (Document#merge_categories! takes the union), then
 * `category`. */
static void read_categories(const struct site *site, struct post *p, const struct fm_keys *fm,
			    bool own_categories)
{
	struct strlist names = {0};
	yaml_document_t *ddoc = NULL;
	const char *type = jekyll_doc_type(site, p->relpath);
	yaml_node_t *dflt = own_categories ? defaults_get(site->defaults, p->relpath, type,
							   "categories", &ddoc)
					   : NULL;
	if (dflt)
		yamldoc_collect_names(ddoc, dflt, true, &names);
	yamldoc_collect_names(fm->doc[FM_CATEGORIES], fm->n[FM_CATEGORIES], true, &names);
	yamldoc_collect_names(fm->doc[FM_CATEGORY], fm->n[FM_CATEGORY], false, &names);
	append_unique(&p->categories, &names);
}

static void read_tags(struct post *p, const struct fm_keys *fm)
{
	struct strlist names = {0};
	yamldoc_collect_names(fm->doc[FM_TAGS], fm->n[FM_TAGS], true, &names);
	yamldoc_collect_names(fm->doc[FM_TAG], fm->n[FM_TAG], false, &names);
	append_unique(&p->tags, &names);
}

static void read_dates(struct post *p, const struct fm_keys *fm, struct fm_result *r,
		       struct diag_sink *diag)
{
	yaml_node_t *date = fm->n[FM_DATE];
	if (date) {
		if (fm_date(date, p->path, &p->date, &r->as_utc, diag) == 0)
			r->date_set = true;
		else
			r->failed = true;
		p->date_line = date->start_mark.line + 2;
		p->date_col = date->start_mark.column + 1;
	}
	yaml_node_t *upd = fm->n[FM_LAST_MODIFIED_AT] ? fm->n[FM_LAST_MODIFIED_AT] : fm->n[FM_UPDATED];
	bool upd_utc = false;
	if (upd && fm_date(upd, p->path, &p->updated, &upd_utc, diag) == 0)
		p->has_updated = true;
	else if (upd)
		r->failed = true;
	r->as_utc = r->as_utc || upd_utc;
}

/* image: a URL, or {path: URL} as jekyll-seo-tag and jekyll-feed read it;
 * enclosure: {url, length, type}. */
static void read_media(struct post *p, const struct fm_keys *fm, struct diag_sink *diag)
{
	yaml_node_t *image = fm->n[FM_IMAGE];
	if (image && image->type == YAML_MAPPING_NODE)
		image = yamldoc_get(fm->doc[FM_IMAGE], image, "path");
	p->image = postcheck_url(fm_string(image, p->path, diag), image, p->path, "image", diag);
	yaml_node_t *enc = fm->n[FM_ENCLOSURE];
	yaml_document_t *edoc = fm->doc[FM_ENCLOSURE];
	if (enc && enc->type == YAML_MAPPING_NODE) {
		yaml_node_t *url = yamldoc_get(edoc, enc, "url"), *type = yamldoc_get(edoc, enc, "type");
		p->enclosure.url = postcheck_url(fm_string(url, p->path, diag), url, p->path,
						 "enclosure url", diag);
		p->enclosure.length = fm_string(yamldoc_get(edoc, enc, "length"), p->path, diag);
		p->enclosure.type = postcheck_media_type(fm_string(type, p->path, diag), type,
							 p->path, diag);
	}
}

/* A relative id made absolute as jekyll-feed's `absolute_url` does (site
 * url + baseurl + "/" + id), or its tag: URI with no site url: a feed's id
 * must be absolute. Takes id. */
static char *absolute_id(const struct site *site, char *id)
{
	if (!id || id[strcspn(id, ":/?#")] == ':')
		return id;
	struct buf path;
	buf_init(&path);
	buf_printf(&path, "%s%s", id[0] == '/' ? "" : "/", id);
	free(id);
	char *abs = url_absolute(site->url, site->baseurl, path.data);
	buf_free(&path);
	if (*site->url)
		return abs;
	char *tag = siteurl_tag_id(abs);
	free(abs);
	return tag;
}

static void read_front_matter(const struct site *site, yaml_document_t *doc, struct post *p,
			      struct fm_result *r, struct diag_sink *diag)
{
	yaml_node_t *root = yaml_document_get_root_node(doc);
	if (!root || root->type != YAML_MAPPING_NODE)
		root = NULL;
	if (root)
		warn_duplicate_keys(doc, root, p->path, diag);
	struct fm_keys fm = {0};
	if (root)
		yamldoc_get_all(doc, root, fm_keys, FM_KEYS, fm.n);
	for (size_t k = 0; k < FM_KEYS; k++)
		fm.doc[k] = doc;
	bool own_categories = fm.n[FM_CATEGORIES] != NULL;
	/* The post's own keys win; the rest come from `defaults:`. Categories
	 * are merged instead (read_categories). */
	defaults_fill(site->defaults, p->relpath, jekyll_doc_type(site, p->relpath), fm_keys,
		      FM_KEYS, fm.n, fm.doc);
	yaml_node_t *title = fm.n[FM_TITLE];
	if (title) {
		p->title = fm_string(title, p->path, diag);
		if (p->title)
			text_squeeze(p->title);
		r->title_empty = !p->title || !*p->title;
		r->title_line = title->start_mark.line + 2;
		r->title_col = title->start_mark.column + 1;
	}
	read_dates(p, &fm, r, diag);
	const char *slug = yamldoc_scalar(fm.n[FM_SLUG]);
	if (slug && *slug) {
		/* Jekyll titles an untitled post by its file name's slug
		 * (Document#populate_title), never by a `slug:` key. */
		if (!title)
			p->title = jekyll_titleize_slug(p->slug);
		free(p->slug);
		p->slug = xml_clean(slug, strlen(slug), NULL);
	}
	enum fm_key name_keys[] = {FM_CATEGORIES, FM_CATEGORY, FM_TAGS, FM_TAG};
	const yaml_node_t *name_nodes[5] = {NULL}, *at = NULL;
	for (size_t i = 0; i < 4; i++) {
		name_nodes[i] = fm.n[name_keys[i]];
		if (!at && fm.doc[name_keys[i]] == doc)	/* not a node of _config.yml */
			at = name_nodes[i];
	}
	yaml_document_t *ddoc = NULL;	/* `defaults:` categories merged with the post's own */
	if (own_categories)
		name_nodes[4] = defaults_get(site->defaults, p->relpath, "posts", "categories", &ddoc);
	if (postcheck_names_raw(name_nodes, 5, at, p->path, diag) != 0) {
		r->failed = true;
		return;
	}
	read_categories(site, p, &fm, own_categories);
	read_tags(p, &fm);
	read_author(site, &fm, &p->author, p->path, diag);
	p->description = fm_string(fm.n[FM_DESCRIPTION], p->path, diag);
	p->excerpt = fm_string(fm.n[FM_EXCERPT], p->path, diag);
	p->excerpt_separator = fm_string(fm.n[FM_EXCERPT_SEPARATOR], p->path, diag);
	p->permalink = fm_string(fm.n[FM_PERMALINK], p->path, diag);
	yaml_node_t *id = yamldoc_scalar(fm.n[FM_ID]) ? fm.n[FM_ID] : fm.n[FM_GUID];
	p->id = absolute_id(site, postcheck_id(fm_string(id, p->path, diag), id, p->path, diag));
	p->lang = fm_string(fm.n[FM_LANG], p->path, diag);
	if (p->lang)
		p->lang = postcheck_lang(lang_normalize(p->lang), fm.n[FM_LANG], p->path, diag);
	read_media(p, &fm, diag);
	if (yamldoc_is_false(fm.n[FM_PUBLISHED]))
		p->published = false;
	if (yamldoc_is_true(fm.n[FM_DRAFT]))
		p->draft = true;
	/* jekyll-feed's `post.feed.excerpt_only | default: site.feed.excerpt_only`. */
	yaml_node_t *feed = fm.n[FM_FEED];
	if (feed && feed->type == YAML_MAPPING_NODE &&
	    yamldoc_is_true(yamldoc_get(fm.doc[FM_FEED], feed, "excerpt_only")))
		p->excerpt_only = true;
}

/* An empty title makes a blank line in every reader: use the text's start. */
static void auto_title(const struct site *site, struct post *p, const struct fm_result *r,
		       struct diag_sink *diag)
{
	char *html = body_render(site, p, diag);
	char *text = html ? html_to_text(html) : xstrdup("");
	free(html);
	free(p->title);
	p->title = *text ? text_truncate(text, AUTO_TITLE_CHARS) : xstrdup(p->slug);
	p->title_auto = true;
	free(text);
	diag_report(diag, DIAG_WARNING, p->path, r->title_line, r->title_col, "empty-title",
		    "empty title; using the start of the text: \"%s\"", p->title);
}

static bool in_drafts(const char *relpath)
{
	return strncmp(relpath, "_drafts/", 8) == 0 || strstr(relpath, "/_drafts/") != NULL;
}

struct post *load_post_file(const struct site *site, const char *path, const char *relpath,
			    const struct strlist *dir_cats, struct diag_sink *diag, bool *is_error)
{
	*is_error = false;
	size_t name_len = strlen(relpath);
	size_t name_ok = utf8_valid_prefix(relpath, name_len);
	if (name_ok < name_len) {
		/* Its slug, URL and title would carry bytes no XML may hold. */
		diag_report(diag, DIAG_ERROR, path, 0, 0, "utf8",
			    "the file name is not valid UTF-8 (byte %zu); the post is skipped", name_ok);
		*is_error = true;
		return NULL;
	}
	struct buf head;
	buf_init(&head);
	struct fm_span fm;
	int found = read_head(path, &head, &fm, diag);
	const char *file = head.data;
	struct post *p = NULL;
	if (found < 0) {
		*is_error = true;
		goto done;
	}
	if (found == 0) {
		size_t start = (head.len >= 3 && memcmp(file, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
		size_t ws = start + strspn(file + start, " \t\r\n");
		/* A front matter after a blank line is a mistake, not a body
		 * (Jekyll would publish its YAML as text): warn and skip. */
		if (ws > start && fence_line(file + ws, head.len - ws, false)) {
			diag_report(diag, DIAG_WARNING, path, 1, 1, "no-front-matter",
				    "the first line is not '---', so this file has no front matter and "
				    "is skipped (remove what stands before '---')");
			goto done;
		}
		/* Jekyll publishes a file of _posts/ without front matter too. */
		if (!jekyll_reads_bare(relpath, file, head.len))
			goto done;
		fm = (struct fm_span){start, start, start, 1};
	}
	/* The body is checked when a feed renders it (body.c). */
	if (check_bytes(path, file, fm.body_start, diag) != 0) {
		*is_error = true;
		goto done;
	}
	size_t ylen = 0;
	char *yaml = clean_front_matter(path, file, fm.yaml_start, fm.yaml_end, &ylen, diag);
	yaml_document_t doc;
	int rc = yamldoc_load(&doc, yaml, ylen, path, 2, diag);
	free(yaml);
	if (rc != 0) {
		*is_error = true;
		goto done;
	}
	p = post_new();
	p->path = xstrdup(path);
	p->relpath = xstrdup(relpath);
	p->body_offset = (long)fm.body_start;
	p->body_line = fm.body_line;
	bool has_name_date = jekyll_name_parts(p, relpath);
	for (size_t i = 0; i < dir_cats->n; i++) {
		char *c = xml_clean(dir_cats->v[i], strlen(dir_cats->v[i]), NULL);
		strlist_add(&p->categories, c);
		free(c);
	}
	struct fm_result r = {0};
	read_front_matter(site, &doc, p, &r, diag);
	if (!r.failed && postcheck_names(p, diag) != 0)	/* after duplicates are gone */
		r.failed = true;
	yaml_document_delete(&doc);
	if (!r.failed && !r.date_set && has_name_date)
		jekyll_name_date(p, relpath);
	struct stat st;
	bool draft = p->draft || in_drafts(relpath) || in_drafts(path);
	if (!r.failed && !r.date_set && !has_name_date &&
	    (draft || site_collection_of(site, relpath)) && stat(path, &st) == 0) {
		/* Jekyll dates a draft without a date by its file's mtime
		 * (Document#date: `data["date"] ||= (draft? ? source_file_mtime
		 * : ...)`); draft? is true for a file of _drafts/ (also when the
		 * folder given is _drafts itself) and for `draft: true`. A
		 * collection's document gets the build's clock, which feedgen has
		 * not: the file's mtime too. */
		p->date = (struct fg_time){ .sec = st.st_mtime };
		date_to_site_zone(&p->date);
		r.date_set = true;
	}
	if (!r.failed && !r.date_set && !has_name_date) {
		/* At the closing '---', where the date would go. */
		diag_report(diag, DIAG_ERROR, path, p->body_line - 1, 1, "no-date",
			    "no date: add 'date:' to the front matter or name the file "
			    "YYYY-MM-DD-slug%s; the post is skipped", p->ext);
		r.failed = true;
	}
	if (r.failed) {
		post_free(p);
		p = NULL;
		*is_error = true;
		goto done;
	}
	/* date_parse() and date_from_filename() give dates in the site zone. */
	p->date_as_utc = r.as_utc;
	post_set_urls(site, p);
	if (!p->title)
		p->title = jekyll_titleize_slug(p->slug);
	else if (r.title_empty)
		auto_title(site, p, &r, diag);
done:
	buf_free(&head);
	return p;
}
