/* markdown.c: Markdown as kramdown (Jekyll's default) writes it, or plain
 * CommonMark. cmark-gfm parses; then one pass over its tree applies what
 * kramdown_ext.c took out of the source (attribute lists, definition lists),
 * and a renderer writes HTML in kramdown's shape. Both passes walk the tree
 * without recursion, so deep nesting costs no stack. Why cmark-gfm and not
 * md4c: it has footnotes, smart punctuation and task lists, and a tree to
 * attach attributes to (see README, "Markdown"). */
#include <config.h>

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "base/text.h"
#include "content/kramdown_ext.h"
#include "content/markdown.h"
#include "content/rouge_langs.h"

/* What a node gets beyond cmark's own fields: attributes and a role. */
enum role {
	ROLE_NONE,
	ROLE_DL,	/* a paragraph that is a definition list */
	ROLE_DT_DT,	/* a line break between two terms */
	ROLE_TO_DD,	/* a line break before ": definition" */
	ROLE_DT_PARA,	/* a paragraph of terms, a blank line above ": definition" */
	ROLE_DD_PARA,	/* ": definition" after a blank line: <dd><p>...</p></dd> */
	ROLE_BARE,	/* an item's first paragraph, written without <p> */
};

struct extra {
	struct kd_attrs attrs;
	enum role role;
	char *id;	/* a heading's id made ahead, when a table of contents needs it */
};

struct render {
	const struct kd_source *ks;
	struct extra **extras;
	size_t n_extras, cap_extras;
	struct kd_ids ids;
	char **fn_labels;	/* the label of footnote n is fn_labels[n - 1] */
	unsigned *fn_refs;	/* how often it was referred to, so far */
	size_t n_fn, cap_fn;
	size_t fn_current;	/* the number of the note being written */
	size_t col;		/* the column of the table cell being written */
	bool fn_open, in_dd, tbody_open;
	struct buf *out;
	size_t *lines;		/* where each line of ks->md starts */
	size_t n_lines;
	cmark_node *toc;	/* the list {:toc} made the table of contents, or NULL */
};

static struct extra *extra_of(struct render *r, cmark_node *n)
{
	struct extra *e = cmark_node_get_user_data(n);
	if (e)
		return e;
	e = xcalloc(1, sizeof *e);
	if (r->n_extras == r->cap_extras) {
		r->cap_extras = r->cap_extras ? r->cap_extras * 2 : 16;
		r->extras = xrealloc(r->extras, r->cap_extras * sizeof *r->extras);
	}
	r->extras[r->n_extras++] = e;
	cmark_node_set_user_data(n, e);
	return e;
}

static const struct kd_attrs *attrs_of(cmark_node *n)
{
	static const struct kd_attrs none = {NULL, 0};
	struct extra *e = cmark_node_get_user_data(n);
	return e ? &e->attrs : &none;
}

static enum role role_of(cmark_node *n)
{
	struct extra *e = cmark_node_get_user_data(n);
	return e ? e->role : ROLE_NONE;
}

static bool is_type(cmark_node *n, const char *name)
{
	return n && strcmp(cmark_node_get_type_string(n), name) == 0;
}

/* ---- the pass over the tree ---- */

/* A block IAL given to target; the first list one names "toc" is where
 * kramdown writes its table of contents. */
static void apply_ial(struct render *r, cmark_node *target, const struct kd_item *it)
{
	kd_attrs_parse(&extra_of(r, target)->attrs, it->text);
	if (it->toc && !r->toc && cmark_node_get_type(target) == CMARK_NODE_LIST)
		r->toc = target;
}

/* The marker item a text node consists of exactly, or NULL. */
static const struct kd_item *whole_marker(struct render *r, cmark_node *n)
{
	if (!n || cmark_node_get_type(n) != CMARK_NODE_TEXT)
		return NULL;
	const char *s = cmark_node_get_literal(n);
	size_t len, sn = strlen(s);
	const struct kd_item *it = kd_marker(r->ks, s, sn, &len);
	return it && len == sn ? it : NULL;
}

/* Adjacent text nodes as one (cmark splits text at every character that
 * might have started markup), so markers and abbreviations are found whole;
 * then a span IAL at the start of a text applies to the span before it. */
static void join_texts(struct render *r, cmark_node *parent)
{
	for (cmark_node *c = cmark_node_first_child(parent); c;) {
		cmark_node *next = cmark_node_next(c);
		if (cmark_node_get_type(c) != CMARK_NODE_TEXT) {
			c = next;
			continue;
		}
		if (next && cmark_node_get_type(next) == CMARK_NODE_TEXT) {
			struct buf b;
			buf_init(&b);
			buf_adds(&b, cmark_node_get_literal(c));
			while (next && cmark_node_get_type(next) == CMARK_NODE_TEXT) {
				buf_adds(&b, cmark_node_get_literal(next));
				cmark_node *gone = next;
				next = cmark_node_next(next);
				cmark_node_free(gone);
			}
			cmark_node_set_literal(c, b.data);
			buf_free(&b);
		}
		/* Span IALs one after another ({: .a}{: .b}) all apply. */
		for (;;) {
			const char *s = cmark_node_get_literal(c);
			size_t len;
			const struct kd_item *it = kd_marker(r->ks, s, strlen(s), &len);
			cmark_node *prev = cmark_node_previous(c);
			if (!it || it->kind != KD_IAL_SPAN || !prev ||
			    cmark_node_get_type(prev) == CMARK_NODE_SOFTBREAK ||
			    cmark_node_get_type(prev) == CMARK_NODE_LINEBREAK)
				break;
			kd_attrs_parse(&extra_of(r, prev)->attrs, it->text);
			if (!s[len]) {
				cmark_node_free(c);
				break;
			}
			char *rest = xstrdup(s + len);
			cmark_node_set_literal(c, rest);
			free(rest);
		}
		c = next;
	}
}

/* The block a trailing IAL at the margin names: kramdown reads `{: .x}`
 * under a list or quote as the list's or quote's, where cmark made it a lazy
 * line of the last paragraph. */
static cmark_node *top_block(cmark_node *n)
{
	cmark_node *p;
	while ((p = cmark_node_parent(n)) && cmark_node_get_type(p) != CMARK_NODE_DOCUMENT)
		n = p;
	return n;	/* a footnote's: kramdown writes no attributes for it */
}

/* A paragraph that only holds block IALs gives them to the block before it
 * (written right under it) or after it, and goes. True when it went. */
static bool ial_paragraph(struct render *r, cmark_node *para)
{
	const struct kd_item *first = NULL;
	for (cmark_node *c = cmark_node_first_child(para); c; c = cmark_node_next(c)) {
		const struct kd_item *it = whole_marker(r, c);
		if (cmark_node_get_type(c) == CMARK_NODE_SOFTBREAK)
			continue;
		if (!it || it->kind != KD_IAL_BLOCK)
			return false;
		if (!first)
			first = it;
	}
	if (!first)
		return false;
	cmark_node *target = first->after_block && cmark_node_previous(para) ? cmark_node_previous(para)
									     : cmark_node_next(para);
	for (cmark_node *c = cmark_node_first_child(para); c && target; c = cmark_node_next(c)) {
		const struct kd_item *it = whole_marker(r, c);
		if (it)
			apply_ial(r, target, it);
	}
	return true;
}

/* IAL lines at the start or end of a paragraph, and definition lists. */
static void paragraph_pass(struct render *r, cmark_node *para)
{
	const struct kd_item *it;
	cmark_node *c;
	while ((it = whole_marker(r, c = cmark_node_first_child(para))) && it->kind == KD_IAL_BLOCK &&
	       cmark_node_get_type(cmark_node_next(c)) == CMARK_NODE_SOFTBREAK) {
		kd_attrs_parse(&extra_of(r, para)->attrs, it->text);
		cmark_node_free(cmark_node_next(c));
		cmark_node_free(c);
	}
	while ((it = whole_marker(r, c = cmark_node_last_child(para))) && it->kind == KD_IAL_BLOCK &&
	       cmark_node_previous(c) && cmark_node_get_type(cmark_node_previous(c)) == CMARK_NODE_SOFTBREAK) {
		cmark_node *target = it->at_margin ? top_block(para) : para;
		apply_ial(r, target, it);
		cmark_node_free(cmark_node_previous(c));
		cmark_node_free(c);
	}
	/* ": definition" after a blank line under terms or another definition */
	c = cmark_node_first_child(para);
	cmark_node *prev = cmark_node_previous(para);
	if (c && cmark_node_get_type(c) == CMARK_NODE_TEXT && cmark_node_get_literal(c)[0] == ':' &&
	    prev && cmark_node_get_type(prev) == CMARK_NODE_PARAGRAPH) {
		if (role_of(prev) == ROLE_NONE) {
			extra_of(r, prev)->role = ROLE_DT_PARA;
			for (cmark_node *b = cmark_node_first_child(prev); b; b = cmark_node_next(b))
				if (cmark_node_get_type(b) == CMARK_NODE_SOFTBREAK)
					extra_of(r, b)->role = ROLE_DT_DT;
		}
		enum role pr = role_of(prev);
		if (pr == ROLE_DL || pr == ROLE_DT_PARA || pr == ROLE_DD_PARA) {
			extra_of(r, para)->role = ROLE_DD_PARA;
			const char *s = cmark_node_get_literal(c);
			size_t k = 1;
			while (s[k] == ' ' || s[k] == '\t')
				k++;
			char *rest = xstrdup(s + k);
			cmark_node_set_literal(c, rest);
			free(rest);
			return;
		}
	}
	/* term(s), then lines ": definition" */
	bool any = false;
	for (c = cmark_node_first_child(para); c; c = cmark_node_next(c)) {
		cmark_node *n = cmark_node_next(c);
		if (cmark_node_get_type(c) == CMARK_NODE_SOFTBREAK && n &&
		    cmark_node_get_type(n) == CMARK_NODE_TEXT && cmark_node_get_literal(n)[0] == ':')
			any = true;
	}
	if (!any)
		return;
	extra_of(r, para)->role = ROLE_DL;
	bool in_dd = false;
	for (c = cmark_node_first_child(para); c; c = cmark_node_next(c)) {
		if (cmark_node_get_type(c) != CMARK_NODE_SOFTBREAK)
			continue;
		cmark_node *n = cmark_node_next(c);
		const char *s = n && cmark_node_get_type(n) == CMARK_NODE_TEXT ? cmark_node_get_literal(n) : "";
		if (s[0] == ':') {
			extra_of(r, c)->role = ROLE_TO_DD;
			in_dd = true;
			size_t k = 1;
			while (s[k] == ' ' || s[k] == '\t')
				k++;
			char *rest = xstrdup(s + k);
			cmark_node_set_literal(n, rest);
			free(rest);
		} else if (!in_dd) {
			extra_of(r, c)->role = ROLE_DT_DT;
		}
	}
}

static bool line_blank(const struct render *r, int line)
{
	if (line < 1 || (size_t)line > r->n_lines)
		return false;
	size_t at = r->lines[line - 1];
	size_t end = (size_t)line < r->n_lines ? r->lines[line] : r->ks->len;
	for (; at < end; at++)
		if (r->ks->md[at] != ' ' && r->ks->md[at] != '\t' && r->ks->md[at] != '\n' &&
		    r->ks->md[at] != '\r')
			return false;
	return true;
}

/* kramdown writes an item's first paragraph without <p> unless a blank line
 * follows it inside the item, and the last item's bare only when an earlier
 * one was bare or did not start with a paragraph
 * (lib/kramdown/parser/kramdown/list.rb). */
static void list_pass(struct render *r, cmark_node *list)
{
	bool earlier_bare = false;
	size_t n_items = 0;
	for (cmark_node *it = cmark_node_first_child(list); it; it = cmark_node_next(it))
		n_items++;
	for (cmark_node *it = cmark_node_first_child(list); it; it = cmark_node_next(it)) {
		cmark_node *p = cmark_node_first_child(it);
		if (!p || cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH) {
			earlier_bare = true;
			continue;
		}
		bool last = !cmark_node_next(it);
		bool blank_after = line_blank(r, cmark_node_get_end_line(p) + 1) &&
				   (cmark_node_next(p) || !last);
		bool bare = !blank_after && (!last || n_items == 1 || earlier_bare);
		if (bare) {
			extra_of(r, p)->role = ROLE_BARE;
			earlier_bare = true;
		}
	}
}

static void index_lines(struct render *r)
{
	size_t cap = 64;
	r->lines = xmalloc(cap * sizeof *r->lines);
	r->lines[r->n_lines++] = 0;
	for (const char *s = r->ks->md, *end = s + r->ks->len; (s = memchr(s, '\n', (size_t)(end - s))); ) {
		s++;
		if (r->n_lines == cap) {
			cap *= 2;
			r->lines = xrealloc(r->lines, cap * sizeof *r->lines);
		}
		r->lines[r->n_lines++] = (size_t)(s - r->ks->md);
	}
}

/* kramdown's header id shorthand: "## Title {#id}" (or "{: #id .c}"
 * written the same way, which kd_source_prepare() made a span marker). */
static void heading_pass(struct render *r, cmark_node *h)
{
	cmark_node *last = cmark_node_last_child(h);
	if (!last || cmark_node_get_type(last) != CMARK_NODE_TEXT)
		return;
	const char *s = cmark_node_get_literal(last);
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	for (const char *m = s; (m = strstr(m, "\xEF\xB7\x90")) != NULL; m++) {
		size_t len;
		const struct kd_item *it = kd_marker(r->ks, m, (size_t)(s + n - m), &len);
		if (it && it->kind == KD_IAL_SPAN && m + len == s + n) {
			kd_attrs_parse(&extra_of(r, h)->attrs, it->text);
			size_t keep = (size_t)(m - s);
			while (keep && (s[keep - 1] == ' ' || s[keep - 1] == '\t'))
				keep--;
			char *rest = xstrndup(s, keep);
			cmark_node_set_literal(last, rest);
			free(rest);
			return;
		}
	}
	if (n < 3 || s[n - 1] != '}')
		return;
	const char *open = NULL;
	for (size_t i = n - 1; i-- > 0;)
		if (s[i] == '{') {
			open = s + i;
			break;
		}
	if (!open || open[1] != '#' || (open > s && open[-1] != ' ' && open[-1] != '\t'))
		return;
	char *inner = xstrndup(open + 1, (size_t)(s + n - 1 - open - 1));
	kd_attrs_parse(&extra_of(r, h)->attrs, inner);
	free(inner);
	size_t keep = (size_t)(open - s);
	while (keep && (s[keep - 1] == ' ' || s[keep - 1] == '\t'))
		keep--;
	char *rest = xstrndup(s, keep);
	cmark_node_set_literal(last, rest);
	free(rest);
}

static cmark_node *next_preorder(cmark_node *n, cmark_node *root, bool descend)
{
	cmark_node *c = descend ? cmark_node_first_child(n) : NULL;
	if (c)
		return c;
	for (; n && n != root; n = cmark_node_parent(n))
		if (cmark_node_next(n))
			return cmark_node_next(n);
	return NULL;
}

static void tree_pass(struct render *r, cmark_node *doc)
{
	for (cmark_node *n = doc; n;) {
		join_texts(r, n);
		if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH && ial_paragraph(r, n)) {
			cmark_node *next = next_preorder(n, doc, false);
			cmark_node_free(n);
			n = next;
			continue;
		}
		if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH)
			paragraph_pass(r, n);
		if (cmark_node_get_type(n) == CMARK_NODE_LIST)
			list_pass(r, n);
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
			heading_pass(r, n);
		n = next_preorder(n, doc, true);
	}
}

/* Footnote labels: cmark numbers footnotes by first reference, as kramdown
 * does, and keeps the label to itself; each definition's first line in the
 * source ("[^label]:") gives it back. */
static void footnote_labels(struct render *r, cmark_node *doc)
{
	for (cmark_node *c = cmark_node_first_child(doc); c; c = cmark_node_next(c)) {
		if (cmark_node_get_type(c) != CMARK_NODE_FOOTNOTE_DEFINITION)
			continue;
		/* cmark's position is the definition's text, after "[^label]: " */
		int line = cmark_node_get_start_line(c);
		const char *s = r->ks->md, *end = r->ks->md + r->ks->len;
		if (line >= 1 && (size_t)line <= r->n_lines)
			s += r->lines[line - 1];
		while (s < end && (*s == ' ' || *s == '\t'))
			s++;
		char *label = NULL;
		if (end - s > 3 && s[0] == '[' && s[1] == '^') {
			const char *close = memchr(s + 2, ']', (size_t)(end - s - 2));
			if (close)
				label = xstrndup(s + 2, (size_t)(close - s - 2));
		}
		if (!label) {
			struct buf b;
			buf_init(&b);
			buf_printf(&b, "%zu", r->n_fn + 1);
			label = buf_take(&b);
		}
		if (r->n_fn == r->cap_fn) {
			r->cap_fn = r->cap_fn ? r->cap_fn * 2 : 8;
			r->fn_labels = xrealloc(r->fn_labels, r->cap_fn * sizeof *r->fn_labels);
			r->fn_refs = xrealloc(r->fn_refs, r->cap_fn * sizeof *r->fn_refs);
		}
		r->fn_refs[r->n_fn] = 0;
		r->fn_labels[r->n_fn++] = label;
	}
}

/* ---- writing ---- */

static void plain_text(cmark_node *n, struct buf *out)
{
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(c);
		if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE))
			buf_adds(out, cmark_node_get_literal(c));
		else if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK))
			buf_addc(out, ' ');
	}
	cmark_iter_free(it);
}

static void open_tag(struct render *r, const char *name, cmark_node *n)
{
	buf_addc(r->out, '<');
	buf_adds(r->out, name);
	kd_attrs_write(r->out, attrs_of(n), NULL);
	buf_addc(r->out, '>');
}

/* An attribute the element has, with what an IAL adds (class values joined). */
static void open_tag_with(struct render *r, const char *name, cmark_node *n, const char *attr,
			  const char *value)
{
	struct kd_attrs a = {NULL, 0};
	kd_attrs_set(&a, attr, value);
	const struct kd_attrs *more = attrs_of(n);
	for (size_t i = 0; i < more->n; i++)
		kd_attrs_set(&a, more->v[i].name, more->v[i].value);
	buf_addc(r->out, '<');
	buf_adds(r->out, name);
	kd_attrs_write(r->out, &a, NULL);
	buf_addc(r->out, '>');
	kd_attrs_free(&a);
}

static bool has_task_items(cmark_node *list)
{
	for (cmark_node *c = cmark_node_first_child(list); c; c = cmark_node_next(c))
		if (is_type(c, "tasklist"))
			return true;
	return false;
}

static char *heading_id(struct render *r, cmark_node *n)
{
	struct buf text;
	buf_init(&text);
	buf_adds(&text, "");
	plain_text(n, &text);
	char *id = kd_header_id(&r->ids, text.data, text.len);
	buf_free(&text);
	return id;
}

static cmark_node *next_preorder(cmark_node *n, cmark_node *root, bool descend);

static void write_heading(struct render *r, cmark_node *n)
{
	char tag[4] = {'h', (char)('0' + cmark_node_get_heading_level(n)), 0, 0};
	const char *given = kd_attrs_get(attrs_of(n), "id");
	if (given) {
		open_tag(r, tag, n);
		return;
	}
	struct extra *e = cmark_node_get_user_data(n);
	if (e && e->id) {
		open_tag_with(r, tag, n, "id", e->id);
		return;
	}
	char *id = heading_id(r, n);
	open_tag_with(r, tag, n, "id", id);
	free(id);
}

/* ---- the table of contents ({:toc}) ---- */

/* Headings' ids made ahead, in order, so the table can link to them. */
static void toc_ids(struct render *r, cmark_node *doc)
{
	for (cmark_node *n = doc; n; n = next_preorder(n, doc, true))
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING && !kd_attrs_get(attrs_of(n), "id"))
			extra_of(r, n)->id = heading_id(r, n);
}

static const char *id_of(cmark_node *h)
{
	const char *given = kd_attrs_get(attrs_of(h), "id");
	struct extra *e = cmark_node_get_user_data(h);
	return given ? given : e ? e->id : NULL;
}

/* kramdown's in_toc?: a heading of toc_levels (all) without class no_toc. */
static bool in_toc(cmark_node *h)
{
	const char *cls = kd_attrs_get(attrs_of(h), "class");
	for (const char *p = cls; p && (p = strstr(p, "no_toc")) != NULL; p += 6)
		if ((p == cls || p[-1] == ' ') && (p[6] == '\0' || p[6] == ' '))
			return false;
	const char *id = id_of(h);
	return id && *id;
}

static bool write_inline(struct render *r, cmark_node *n, bool entering);

/* A heading's content in the table: links unwrapped, footnote marks left
 * out (kramdown's fix_for_toc_entry). */
static void write_toc_entry(struct render *r, cmark_node *h)
{
	cmark_iter *it = cmark_iter_new(h);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (n == h || t == CMARK_NODE_LINK || t == CMARK_NODE_FOOTNOTE_REFERENCE)
			continue;
		bool entering = ev == CMARK_EVENT_ENTER;
		if (entering && write_inline(r, n, entering))
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
		else if (!entering)
			write_inline(r, n, entering);
	}
	cmark_iter_free(it);
}

/* The entries under parent (an index into v, or -1 for the top) as
 * kramdown's generate_toc_tree nests and its converter indents them. */
static void write_toc_list(struct render *r, cmark_node **v, const long *parent, size_t n,
			   long of, size_t indent, const char *prefix)
{
	for (size_t i = 0; i < n; i++) {
		if (parent[i] != of)
			continue;
		const char *id = id_of(v[i]);
		buf_printf(r->out, "%*s<li><a href=\"#", (int)indent + 2, "");
		kd_escape(r->out, id, strlen(id), true);
		buf_adds(r->out, "\" id=\"");
		kd_escape(r->out, prefix, strlen(prefix), true);
		buf_addc(r->out, '-');
		kd_escape(r->out, id, strlen(id), true);
		buf_adds(r->out, "\">");
		write_toc_entry(r, v[i]);
		buf_adds(r->out, "</a>");
		bool kids = false;
		for (size_t k = i + 1; k < n && !kids; k++)
			kids = parent[k] == (long)i;
		if (kids) {
			buf_printf(r->out, "%*s<%s>\n", (int)indent + 4, "", cmark_node_get_list_type(r->toc) ==
				   CMARK_ORDERED_LIST ? "ol" : "ul");
			write_toc_list(r, v, parent, n, (long)i, indent + 4, prefix);
			buf_printf(r->out, "%*s</%s>\n%*s", (int)indent + 4, "",
				   cmark_node_get_list_type(r->toc) == CMARK_ORDERED_LIST ? "ol" : "ul",
				   (int)indent + 2, "");
		}
		buf_adds(r->out, "</li>\n");
	}
}

/* The list {:toc} names, replaced by the document's headings; nothing when
 * there are none. */
static void write_toc(struct render *r, cmark_node *doc)
{
	size_t n = 0, cap = 0;
	cmark_node **v = NULL;
	for (cmark_node *h = doc; h; h = next_preorder(h, doc, true)) {
		if (cmark_node_get_type(h) != CMARK_NODE_HEADING || !in_toc(h))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[n++] = h;
	}
	if (!n)
		return;
	long *parent = xmalloc(n * sizeof *parent);
	long *stack = xmalloc(n * sizeof *stack);
	size_t depth = 0;
	for (size_t i = 0; i < n; i++) {
		int level = cmark_node_get_heading_level(v[i]);
		while (depth && cmark_node_get_heading_level(v[stack[depth - 1]]) >= level)
			depth--;
		parent[i] = depth ? stack[depth - 1] : -1;
		stack[depth++] = (long)i;
	}
	const char *tag = cmark_node_get_list_type(r->toc) == CMARK_ORDERED_LIST ? "ol" : "ul";
	struct kd_attrs a = {NULL, 0};
	const struct kd_attrs *given = attrs_of(r->toc);
	for (size_t i = 0; i < given->n; i++)
		kd_attrs_set(&a, given->v[i].name, given->v[i].value);
	if (!kd_attrs_get(&a, "id"))
		kd_attrs_set(&a, "id", "markdown-toc");
	buf_printf(r->out, "<%s", tag);
	kd_attrs_write(r->out, &a, NULL);
	buf_adds(r->out, ">\n");
	write_toc_list(r, v, parent, n, -1, 0, kd_attrs_get(&a, "id"));
	buf_printf(r->out, "</%s>\n", tag);
	kd_attrs_free(&a);
	free(stack);
	free(parent);
	free(v);
}

static void write_code_block(struct render *r, cmark_node *n)
{
	const char *info = cmark_node_get_fence_info(n);
	size_t ln = info ? strcspn(info, " \t{") : 0;
	const char *code = cmark_node_get_literal(n);
	char *lang = ln ? xstrndup(info, ln) : NULL;
	bool known = !lang || rouge_knows(lang);
	if (!known) {	/* rouge would not highlight it: kramdown's plain form */
		open_tag(r, "pre", n);
		buf_adds(r->out, "<code class=\"language-");
		kd_escape(r->out, lang, ln, true);
		buf_adds(r->out, "\">");
		kd_escape(r->out, code, strlen(code), false);
		buf_adds(r->out, "</code></pre>\n");
		free(lang);
		return;
	}
	free(lang);
	struct buf cls;
	buf_init(&cls);
	buf_adds(&cls, "language-");
	if (ln)
		buf_add(&cls, info, ln);
	else
		buf_adds(&cls, "plaintext");
	buf_adds(&cls, " highlighter-rouge");
	open_tag_with(r, "div", n, "class", cls.data);
	buf_free(&cls);
	buf_adds(r->out, "<div class=\"highlight\"><pre class=\"highlight\"><code>");
	kd_escape(r->out, code, strlen(code), false);
	buf_adds(r->out, "</code></pre></div></div>\n");
}

static void write_link(struct render *r, cmark_node *n, const char *tag, const char *url_attr)
{
	struct kd_attrs a = {NULL, 0};
	kd_attrs_set(&a, url_attr, cmark_node_get_url(n));
	if (strcmp(tag, "img") == 0) {
		struct buf alt;
		buf_init(&alt);
		buf_adds(&alt, "");
		plain_text(n, &alt);
		kd_attrs_set(&a, "alt", alt.data);
		buf_free(&alt);
	}
	const char *title = cmark_node_get_title(n);
	if (title && *title)
		kd_attrs_set(&a, "title", title);
	const struct kd_attrs *more = attrs_of(n);
	for (size_t i = 0; i < more->n; i++)
		kd_attrs_set(&a, more->v[i].name, more->v[i].value);
	buf_addc(r->out, '<');
	buf_adds(r->out, tag);
	kd_attrs_write(r->out, &a, NULL);
	buf_adds(r->out, strcmp(tag, "img") == 0 ? " />" : ">");
	kd_attrs_free(&a);
}

/* kramdown: the first reference is "fnref:label", the next ones
 * "fnref:label:1", ...; each gets a way back from the note. */
static void write_footnote_ref(struct render *r, cmark_node *ref)
{
	const char *num = cmark_node_get_literal(ref);
	size_t k = (size_t)strtoul(num, NULL, 10);
	if (k < 1 || k > r->n_fn)
		return;
	const char *label = r->fn_labels[k - 1];
	unsigned seen = r->fn_refs[k - 1]++;
	buf_printf(r->out, "<sup id=\"fnref:%s", label);
	if (seen)
		buf_printf(r->out, ":%u", seen);
	buf_printf(r->out, "\" role=\"doc-noteref\"><a href=\"#fn:%s\" class=\"footnote\" "
		   "rel=\"footnote\">%s</a></sup>", label, num);
}

static void write_backlinks(struct render *r, size_t k, bool nbsp)
{
	if (k < 1 || k > r->n_fn)
		return;
	const char *label = r->fn_labels[k - 1];
	if (nbsp)
		buf_adds(r->out, "\xC2\xA0");
	buf_printf(r->out, "<a href=\"#fnref:%s\" class=\"reversefootnote\" "
		   "role=\"doc-backlink\">&#8617;</a>", label);
	for (unsigned i = 1; i < r->fn_refs[k - 1]; i++)
		buf_printf(r->out, " <a href=\"#fnref:%s:%u\" class=\"reversefootnote\" "
			   "role=\"doc-backlink\">&#8617;<sup>%u</sup></a>", label, i, i + 1);
}

static void write_table_cell(struct render *r, cmark_node *cell, bool entering)
{
	cmark_node *row = cmark_node_parent(cell);
	bool head = cmark_gfm_extensions_get_table_row_is_header(row);
	const char *tag = head ? "th" : "td";
	if (!entering) {
		buf_printf(r->out, "</%s>\n", tag);
		return;
	}
	size_t col = r->col++;
	cmark_node *table = cmark_node_parent(row);
	uint8_t *al = cmark_gfm_extensions_get_table_alignments(table);
	size_t ncol = cmark_gfm_extensions_get_table_columns(table);
	const char *style = NULL;
	if (al && col < ncol)
		style = al[col] == 'l' ? "text-align: left" : al[col] == 'c' ? "text-align: center"
						: al[col] == 'r' ? "text-align: right" : NULL;
	if (style)
		open_tag_with(r, tag, cell, "style", style);
	else
		open_tag(r, tag, cell);
}

static void write_table_row(struct render *r, cmark_node *row, bool entering)
{
	bool head = cmark_gfm_extensions_get_table_row_is_header(row);
	if (entering) {
		if (head)
			buf_adds(r->out, "<thead>\n");
		else if (!r->tbody_open) {
			buf_adds(r->out, "<tbody>\n");
			r->tbody_open = true;
		}
		buf_adds(r->out, "<tr>\n");
		r->col = 0;
		return;
	}
	buf_adds(r->out, "</tr>\n");
	if (head)
		buf_adds(r->out, "</thead>\n");
}

static bool write_extension(struct render *r, cmark_node *n, bool entering)
{
	if (is_type(n, "table")) {
		if (entering) {
			open_tag(r, "table", n);
			buf_addc(r->out, '\n');
			r->tbody_open = false;
		} else {
			buf_adds(r->out, r->tbody_open ? "</tbody>\n</table>\n" : "</table>\n");
			r->tbody_open = false;
		}
	} else if (is_type(n, "table_header") || is_type(n, "table_row")) {
		write_table_row(r, n, entering);
	} else if (is_type(n, "table_cell")) {
		write_table_cell(r, n, entering);
	} else if (is_type(n, "strikethrough")) {
		buf_adds(r->out, entering ? "<del>" : "</del>");
	} else {
		return false;
	}
	return true;
}

static bool in_dl(cmark_node *n)
{
	enum role r = n ? role_of(n) : ROLE_NONE;
	return r == ROLE_DL || r == ROLE_DT_PARA || r == ROLE_DD_PARA;
}

static void write_paragraph(struct render *r, cmark_node *n, bool entering)
{
	const struct kd_item *only = whole_marker(r, cmark_node_first_child(n));
	if (only && !cmark_node_next(cmark_node_first_child(n)) &&
	    (only->kind == KD_RAW || only->kind == KD_COMMENT || only->kind == KD_MATH_BLOCK)) {
		/* a block {::nomarkdown} or {::comment}: no <p>; a math block
		 * with attributes is a <div> */
		bool div = only->kind == KD_MATH_BLOCK && attrs_of(n)->n;
		if (div)
			buf_adds(r->out, entering ? "" : "</div>");
		if (div && entering)
			open_tag(r, "div", n);
		if (!entering)
			buf_addc(r->out, '\n');
		return;
	}
	enum role role = role_of(n);
	if (role == ROLE_DL || role == ROLE_DT_PARA || role == ROLE_DD_PARA) {
		bool prev_dl = in_dl(cmark_node_previous(n));
		bool next_dl = in_dl(cmark_node_next(n));
		if (entering) {
			if (!prev_dl) {
				open_tag(r, "dl", n);
				buf_addc(r->out, '\n');
			}
			buf_adds(r->out, role == ROLE_DD_PARA ? "<dd><p>" : "<dt>");
			r->in_dd = false;
		} else {
			buf_adds(r->out, role == ROLE_DD_PARA ? "</p></dd>\n" : r->in_dd ? "</dd>\n" : "</dt>\n");
			if (!next_dl)
				buf_adds(r->out, "</dl>\n");
		}
		return;
	}
	if (role == ROLE_BARE) {
		if (!entering && cmark_node_next(n))
			buf_addc(r->out, '\n');
		return;
	}
	if (entering) {
		open_tag(r, "p", n);
		return;
	}
	cmark_node *parent = cmark_node_parent(n);
	if (parent && cmark_node_get_type(parent) == CMARK_NODE_FOOTNOTE_DEFINITION &&
	    !cmark_node_next(n)) {
		write_backlinks(r, r->fn_current, true);
	}
	buf_adds(r->out, "</p>\n");
}

/* An HTML block as written, but what kramdown reads around it: an IAL line
 * that cmark took into the block (under its end tag) and one above it give
 * their attributes to its first tag; no marker is ever written as it is. */
static void write_html_block(struct render *r, cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n);
	if (!attrs_of(n)->n && !strstr(lit, "\xEF\xB7\x90")) {
		buf_adds(r->out, lit);
		return;
	}
	struct kd_attrs a = {NULL, 0};
	const struct kd_attrs *given = attrs_of(n);
	for (size_t i = 0; i < given->n; i++)
		kd_attrs_set(&a, given->v[i].name, given->v[i].value);
	struct buf text;
	buf_init(&text);
	buf_adds(&text, "");
	size_t len = strlen(lit);
	for (size_t i = 0; i < len;) {
		size_t mlen;
		const struct kd_item *it = kd_marker(r->ks, lit + i, len - i, &mlen);
		if (!it) {
			buf_addc(&text, lit[i++]);
			continue;
		}
		if (it->kind == KD_IAL_BLOCK) {
			kd_attrs_parse(&a, it->text);
			if (lit[i + mlen] == '\n' && (i == 0 || lit[i - 1] == '\n'))
				mlen++;	/* the IAL's own line */
		} else {
			kd_text(&text, lit + i, mlen, r->ks);
		}
		i += mlen;
	}
	size_t name = 0;
	if (text.data[0] == '<')
		while (isalnum((unsigned char)text.data[1 + name]))
			name++;
	if (a.n && name) {
		buf_add(r->out, text.data, 1 + name);
		kd_attrs_write(r->out, &a, NULL);
		buf_adds(r->out, text.data + 1 + name);
	} else {
		buf_adds(r->out, text.data);
	}
	buf_free(&text);
	kd_attrs_free(&a);
}

static void write_block(struct render *r, cmark_node *n, bool entering)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_BLOCK_QUOTE:
		if (entering) {
			open_tag(r, "blockquote", n);
			buf_addc(r->out, '\n');
		} else {
			buf_adds(r->out, "</blockquote>\n");
		}
		break;
	case CMARK_NODE_LIST: {
		bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
		if (!entering) {
			buf_adds(r->out, ordered ? "</ol>\n" : "</ul>\n");
		} else if (!ordered && has_task_items(n)) {
			open_tag_with(r, "ul", n, "class", "task-list");
			buf_addc(r->out, '\n');
		} else {
			open_tag(r, ordered ? "ol" : "ul", n);
			buf_addc(r->out, '\n');
		}
		break;
	}
	case CMARK_NODE_ITEM:
		if (!entering) {
			buf_adds(r->out, "</li>\n");
		} else if (is_type(n, "tasklist")) {
			open_tag_with(r, "li", n, "class", "task-list-item");
			buf_adds(r->out, "<input type=\"checkbox\" class=\"task-list-item-checkbox\" "
					 "disabled=\"disabled\" ");
			if (cmark_gfm_extensions_get_tasklist_item_checked(n))
				buf_adds(r->out, "checked=\"checked\" ");
			buf_adds(r->out, "/>");
		} else {
			open_tag(r, "li", n);
		}
		break;
	case CMARK_NODE_PARAGRAPH:
		write_paragraph(r, n, entering);
		break;
	case CMARK_NODE_HEADING:
		if (entering)
			write_heading(r, n);
		else
			buf_printf(r->out, "</h%d>\n", cmark_node_get_heading_level(n));
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		buf_adds(r->out, "<hr");
		kd_attrs_write(r->out, attrs_of(n), NULL);
		buf_adds(r->out, " />\n");
		break;
	case CMARK_NODE_CODE_BLOCK:
		write_code_block(r, n);
		break;
	case CMARK_NODE_HTML_BLOCK:
		write_html_block(r, n);
		break;
	case CMARK_NODE_FOOTNOTE_DEFINITION:
		if (entering) {
			if (!r->fn_open)
				buf_adds(r->out, "<div class=\"footnotes\" role=\"doc-endnotes\">\n<ol>\n");
			r->fn_open = true;
			size_t k = ++r->fn_current;	/* definitions come in number order */
			buf_printf(r->out, "<li id=\"fn:%s\" role=\"doc-endnote\">\n",
				   k <= r->n_fn ? r->fn_labels[k - 1] : "");
		} else {
			cmark_node *last = cmark_node_last_child(n);
			if (!last || cmark_node_get_type(last) != CMARK_NODE_PARAGRAPH) {
				buf_adds(r->out, "<p>");	/* kramdown adds one for the way back */
				write_backlinks(r, r->fn_current, false);
				buf_adds(r->out, "</p>\n");
			}
			buf_adds(r->out, "</li>\n");
		}
		break;
	default:
		break;
	}
}

/* Returns whether to skip the node's children. */
static bool write_inline(struct render *r, cmark_node *n, bool entering)
{
	const char *lit;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
		lit = cmark_node_get_literal(n);
		kd_text(r->out, lit, strlen(lit), r->ks);
		break;
	case CMARK_NODE_SOFTBREAK:
		if (role_of(n) == ROLE_DT_DT) {
			buf_adds(r->out, "</dt>\n<dt>");
		} else if (role_of(n) == ROLE_TO_DD) {
			buf_adds(r->out, r->in_dd ? "</dd>\n<dd>" : "</dt>\n<dd>");
			r->in_dd = true;
		} else {
			buf_addc(r->out, '\n');
		}
		break;
	case CMARK_NODE_LINEBREAK:
		buf_adds(r->out, "<br />\n");
		break;
	case CMARK_NODE_CODE:
		lit = cmark_node_get_literal(n);
		open_tag_with(r, "code", n, "class", "language-plaintext highlighter-rouge");
		kd_escape(r->out, lit, strlen(lit), false);
		buf_adds(r->out, "</code>");
		break;
	case CMARK_NODE_HTML_INLINE:
		buf_adds(r->out, cmark_node_get_literal(n));
		break;
	case CMARK_NODE_EMPH:
		if (entering)
			open_tag(r, "em", n);
		else
			buf_adds(r->out, "</em>");
		break;
	case CMARK_NODE_STRONG:
		if (entering)
			open_tag(r, "strong", n);
		else
			buf_adds(r->out, "</strong>");
		break;
	case CMARK_NODE_LINK:
		if (entering)
			write_link(r, n, "a", "href");
		else
			buf_adds(r->out, "</a>");
		break;
	case CMARK_NODE_IMAGE:
		write_link(r, n, "img", "src");
		return true;
	case CMARK_NODE_FOOTNOTE_REFERENCE:
		if (entering)
			write_footnote_ref(r, n);
		break;
	default:
		break;
	}
	return false;
}

static void write_tree(struct render *r, cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		bool entering = ev == CMARK_EVENT_ENTER;
		if (cmark_node_get_type(n) == CMARK_NODE_DOCUMENT)
			continue;
		if (n == r->toc) {
			if (entering) {
				write_toc(r, doc);
				cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			}
			continue;
		}
		/* Types past cmark's own are its extensions' (tables, strikethrough). */
		if ((cmark_node_get_type(n) & ~CMARK_NODE_TYPE_MASK) > 0x000b &&
		    write_extension(r, n, entering))
			continue;
		if ((cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK)
			write_block(r, n, entering);
		else if (entering && write_inline(r, n, entering))
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
		else if (!entering)
			write_inline(r, n, entering);
	}
	cmark_iter_free(it);
	if (r->fn_open)
		buf_adds(r->out, "</ol>\n</div>\n");
}

/* ---- the entry points ---- */

static pthread_once_t registered = PTHREAD_ONCE_INIT;

static void register_extensions(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

static cmark_parser *new_parser(int options, bool kramdown, bool tables)
{
	pthread_once(&registered, register_extensions);
	cmark_parser *p = cmark_parser_new(options);
	static const char *const kram[] = {"table", "strikethrough", "tasklist", NULL};
	static const char *const cm[] = {"table", "strikethrough", NULL};
	for (const char *const *e = kramdown ? kram : cm; *e; e++)
		if (tables || strcmp(*e, "table") != 0)
		cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension(*e));
	return p;
}

/* A line with thousands of '|': cmark-gfm 0.29.0.gfm.6 takes quadratic time
 * over such a table row (kramdown mode rewrites the line instead). */
static bool huge_row(const char *md, size_t n)
{
	size_t pipes = 0;
	for (size_t i = 0; i < n; i++) {
		if (md[i] == '\n')
			pipes = 0;
		else if (md[i] == '|' && ++pipes > KD_MAX_TABLE_CELLS)
			return true;
	}
	return false;
}

static char *commonmark_to_html(const char *md, size_t n)
{
	int options = CMARK_OPT_UNSAFE;
	cmark_parser *p = new_parser(options, false, !huge_row(md, n));
	cmark_parser_feed(p, md, n);
	cmark_node *doc = cmark_parser_finish(p);
	char *html = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(p));
	char *mine = xstrdup(html);
	free(html);	/* cmark's default allocator is malloc's */
	cmark_node_free(doc);
	cmark_parser_free(p);
	return mine;
}

static char *kramdown_to_html(const char *md, size_t n)
{
	struct kd_source ks;
	kd_source_prepare(&ks, md, n);
	/* kramdown-parser-gfm strikes through only between "~~" pairs
	 * (STRIKETHROUGH_DELIM = /~~/): "~single~" stays as written. */
	int options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART |
		CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
	cmark_parser *p = new_parser(options, true, true);
	cmark_parser_feed(p, ks.md, ks.len);
	cmark_node *doc = cmark_parser_finish(p);
	struct buf out;
	buf_init(&out);
	buf_adds(&out, "");
	struct render r = {.ks = &ks, .out = &out};
	kd_ids_init(&r.ids);
	index_lines(&r);
	tree_pass(&r, doc);
	if (r.toc)
		toc_ids(&r, doc);
	footnote_labels(&r, doc);
	write_tree(&r, doc);
	cmark_node_free(doc);
	cmark_parser_free(p);
	for (size_t i = 0; i < r.n_extras; i++) {
		kd_attrs_free(&r.extras[i]->attrs);
		free(r.extras[i]->id);
		free(r.extras[i]);
	}
	free(r.extras);
	for (size_t i = 0; i < r.n_fn; i++)
		free(r.fn_labels[i]);
	free(r.fn_labels);
	free(r.fn_refs);
	free(r.lines);
	kd_ids_free(&r.ids);
	kd_source_free(&ks);
	return buf_take(&out);
}

int markdown_mode_from_name(const char *name)
{
	if (strcasecmp(name, "kramdown") == 0)
		return MARKDOWN_KRAMDOWN;
	if (strcasecmp(name, "CommonMark") == 0 || strcasecmp(name, "CommonMarkGhPages") == 0)
		return MARKDOWN_COMMONMARK;
	return -1;
}

char *markdown_to_html(const char *md, size_t n, enum markdown_mode mode)
{
	n = utf8_valid_prefix(md, n);
	if (n > MARKDOWN_MAX_BYTES)
		n = utf8_valid_prefix(md, MARKDOWN_MAX_BYTES);
	size_t dn = 0;
	char *defused = kd_defuse_unclosed(md, n, &dn);
	if (defused) {
		md = defused;
		n = dn;
	}
	char *html = mode == MARKDOWN_COMMONMARK ? commonmark_to_html(md, n) : kramdown_to_html(md, n);
	free(defused);
	return html;
}

const char *markdown_library_version(void)
{
	return cmark_version_string();
}
