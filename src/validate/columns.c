/* columns.c: the column of a start tag in the recent raw input, and columns
 * kept for nodes checked later. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "validate/columns.h"

void rawwin_init(struct rawwin *w)
{
	memset(w, 0, sizeof *w);
	w->first_line = 1;
	w->hint_line = 1;
	w->floor_off = SIZE_MAX;
}

void rawwin_free(struct rawwin *w)
{
	free(w->buf);
	rawwin_init(w);
}

static unsigned long count_lines(const char *p, size_t n)
{
	unsigned long k = 0;
	const char *end = p + n;
	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		k++;
		p++;
	}
	return k;
}

/* Drops buf[0..n): the lines it ends become earlier than first_line. */
static void drop_front(struct rawwin *w, size_t n)
{
	if (n == 0)
		return;
	unsigned long ended = count_lines(w->buf, n);
	w->first_line += ended;
	w->partial = w->buf[n - 1] != '\n' || (ended == 0 && w->partial);
	memmove(w->buf, w->buf + n, w->len - n);
	w->len -= n;
	w->hint_line = w->first_line;
	w->hint_off = 0;
	w->nl_free = 0;
	w->floor_off = w->floor_off != SIZE_MAX && w->floor_off >= n ? w->floor_off - n : SIZE_MAX;
}

void rawwin_append(struct rawwin *w, const char *p, size_t n)
{
	if (n == 0)
		return;
	if (n >= RAWWIN_MAX) {
		drop_front(w, w->len);
		w->first_line += count_lines(p, n - RAWWIN_MAX);
		w->partial = true;
		p += n - RAWWIN_MAX;
		n = RAWWIN_MAX;
	} else if (w->len + n > RAWWIN_MAX) {
		/* Down to half the window, not just enough for n: a document
		 * of one long line moved 4 MiB for each 4 KiB it read. */
		size_t keep = RAWWIN_MAX / 2 > n ? RAWWIN_MAX / 2 - n : 0;
		drop_front(w, w->len > keep ? w->len - keep : 0);
	}
	if (w->len + n > w->cap) {
		w->cap = w->cap ? w->cap : 65536;
		while (w->cap < w->len + n)
			w->cap *= 2;
		w->buf = xrealloc(w->buf, w->cap);
	}
	memcpy(w->buf + w->len, p, n);
	w->len += n;
}

/* Offset of line's first byte in buf, or SIZE_MAX when it is not there whole. */
static size_t line_offset(struct rawwin *w, unsigned long line)
{
	if (!w->buf || line < w->first_line || (line == w->first_line && w->partial))
		return SIZE_MAX;
	unsigned long at = w->first_line;
	size_t off = 0;
	if (w->hint_line <= line && w->hint_line >= w->first_line) {
		at = w->hint_line;
		off = w->hint_off;
	}
	while (at < line) {
		/* What an earlier call found free of newlines is not searched
		 * again: asking for a line not yet read, once for each entry of
		 * a document on one line, searched the whole window each time. */
		size_t from = at == w->hint_line && off == w->hint_off && w->nl_free > off ?
				      w->nl_free : off;
		const char *nl = memchr(w->buf + from, '\n', w->len - from);
		if (!nl) {
			w->hint_line = at;
			w->hint_off = off;
			w->nl_free = w->len;
			return SIZE_MAX;
		}
		off = (size_t)(nl - w->buf) + 1;
		at++;
	}
	w->hint_line = at;
	w->hint_off = off;
	w->nl_free = off;
	return off;
}

static bool tag_at(const char *p, size_t n, const char *prefix, const char *name);

/* How far an end tag is looked for: far enough for any real element's last
 * lines, near enough that many reports on a hostile document stay cheap. */
#define END_TAG_SCAN ((size_t)256 << 10)
#define END_TAG_BUDGET ((size_t)64 << 20)

bool rawwin_end_tag(struct rawwin *w, unsigned long from_line, unsigned long from_col,
		    const char *prefix, const char *name, unsigned long *line, unsigned long *col)
{
	/* Lines before the window were read before from_line's successors that
	 * were streamed; the search then starts at the window's first whole
	 * line. */
	if (from_line < w->first_line + (w->partial ? 1 : 0)) {
		from_line = w->first_line + (w->partial ? 1 : 0);
		from_col = 0;
	}
	size_t bol = line_offset(w, from_line);	/* the offset of line at's first byte */
	if (bol == SIZE_MAX)
		return false;
	size_t start = from_col > 0 && from_col - 1 < w->len - bol ? bol + from_col - 1 : bol;
	unsigned long at = from_line;
	if (w->scanned >= END_TAG_BUDGET)
		return false;
	size_t stop = w->len - start > END_TAG_SCAN ? start + END_TAG_SCAN : w->len;
	for (size_t i = start; i + 1 < stop; i++) {
		w->scanned++;
		if (w->buf[i] == '\n') {
			at++;
			bol = i + 1;
			continue;
		}
		if (w->buf[i] != '<' || w->buf[i + 1] != '/')
			continue;
		size_t rest = w->len - i - 2;
		if (tag_at(w->buf + i + 2, rest, prefix, name)) {
			*line = at;
			*col = (unsigned long)(i - bol) + 1;
			return true;
		}
	}
	return false;
}

void rawwin_forget_before(struct rawwin *w, unsigned long line)
{
	size_t off = line_offset(w, line);
	if (off != SIZE_MAX && off > 0)
		drop_front(w, off);
}

static bool name_ends(char ch)
{
	return ch == '>' || ch == '/' || ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

/* Does p[0..n) start with prefix ":" name and then end the name? */
static bool tag_at(const char *p, size_t n, const char *prefix, const char *name)
{
	size_t lp = prefix ? strlen(prefix) : 0, ln = strlen(name);
	if (prefix) {
		if (n < lp + 1 || memcmp(p, prefix, lp) != 0 || p[lp] != ':')
			return false;
		p += lp + 1;
		n -= lp + 1;
	}
	return n >= ln && memcmp(p, name, ln) == 0 && (n == ln || name_ends(p[ln]));
}

/* Offset in buf of the (skip+1)th start tag <prefix:name from from to the
 * end of its line; SIZE_MAX when not there. */
static size_t find_start_tag(struct rawwin *w, size_t from, size_t skip, const char *prefix,
			     const char *name)
{
	/* The line's end is not looked for first: a document on one line (a
	 * window of 4 MiB) made each column cost the whole window. Each '<' is
	 * found, then checked for a newline before it, so a column costs the
	 * bytes up to its tag, and all of them at most END_TAG_BUDGET. */
	for (size_t i = from; i < w->len && w->col_scanned < END_TAG_BUDGET; i++) {
		const char *lt = memchr(w->buf + i, '<', w->len - i);
		size_t at = lt ? (size_t)(lt - w->buf) : w->len;
		w->col_scanned += at - i;
		if (memchr(w->buf + i, '\n', at - i) || !lt)
			return SIZE_MAX;
		i = at;
		if (tag_at(lt + 1, w->len - i - 1, prefix, name) && skip-- == 0)
			return i;
	}
	return SIZE_MAX;
}

void rawwin_set_floor(struct rawwin *w, const void *key, unsigned long line, const char *prefix,
		      const char *name)
{
	size_t start = line_offset(w, line);
	size_t from = start;
	if (start != SIZE_MAX && w->floor_off != SIZE_MAX && w->floor_line == line &&
	    w->floor_off >= start)
		from = w->floor_off + 1;
	w->floor_off = start == SIZE_MAX ? SIZE_MAX : find_start_tag(w, from, 0, prefix, name);
	w->floor_line = line;
	w->floor_key = key;
}

unsigned long rawwin_column_in(struct rawwin *w, const void *key, size_t nth, unsigned long line,
			       const char *prefix, const char *name)
{
	if (!key || key != w->floor_key || line != w->floor_line || w->floor_off == SIZE_MAX)
		return rawwin_column(w, line, prefix, name);
	size_t start = line_offset(w, line);
	if (start == SIZE_MAX || w->floor_off < start)
		return rawwin_column(w, line, prefix, name);
	size_t at = find_start_tag(w, w->floor_off, nth, prefix, name);
	return at == SIZE_MAX ? rawwin_column(w, line, prefix, name)
			      : (unsigned long)(at - start + 1);
}

unsigned long rawwin_column(struct rawwin *w, unsigned long line, const char *prefix,
			    const char *name)
{
	size_t start = line_offset(w, line);
	if (start == SIZE_MAX || w->col_scanned >= END_TAG_BUDGET)
		return 0;
	size_t at = find_start_tag(w, start, 0, prefix, name);
	return at == SIZE_MAX ? 0 : (unsigned long)(at - start + 1);
}

void colmap_init(struct colmap *m)
{
	memset(m, 0, sizeof *m);
}

void colmap_free(struct colmap *m)
{
	free(m->v);
	free(m->e);
	colmap_init(m);
}

void colmap_put(struct colmap *m, const void *node, unsigned long col)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->v = xrealloc(m->v, m->cap * sizeof *m->v);
	}
	m->v[m->n++] = (struct colmap_pair){ node, col };
	m->sorted = false;
}

void colmap_put_end(struct colmap *m, const void *node, unsigned long line, unsigned long col)
{
	if (m->ne == m->ecap) {
		m->ecap = m->ecap ? m->ecap * 2 : 16;
		m->e = xrealloc(m->e, m->ecap * sizeof *m->e);
	}
	m->e[m->ne++] = (struct colmap_end){ node, line, col };
	m->sorted = false;
}

static int end_by_node(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct colmap_end *)a)->node;
	uintptr_t y = (uintptr_t)((const struct colmap_end *)b)->node;
	return x < y ? -1 : x > y;
}

bool colmap_get_end(const struct colmap *m, const void *node, unsigned long *line,
		    unsigned long *col)
{
	if (!m->sorted || m->ne == 0)
		return false;
	struct colmap_end key = { node, 0, 0 };
	const struct colmap_end *p = bsearch(&key, m->e, m->ne, sizeof *m->e, end_by_node);
	if (!p)
		return false;
	*line = p->line;
	*col = p->col;
	return true;
}

static int by_node(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct colmap_pair *)a)->node;
	uintptr_t y = (uintptr_t)((const struct colmap_pair *)b)->node;
	return x < y ? -1 : x > y;
}

void colmap_seal(struct colmap *m)
{
	if (m->n > 1)
		qsort(m->v, m->n, sizeof *m->v, by_node);
	if (m->ne > 1)
		qsort(m->e, m->ne, sizeof *m->e, end_by_node);
	m->sorted = true;
}

bool colmap_get(const struct colmap *m, const void *node, unsigned long *col)
{
	if (!m->sorted || m->n == 0)
		return false;
	struct colmap_pair key = { node, 0 };
	const struct colmap_pair *p = bsearch(&key, m->v, m->n, sizeof *m->v, by_node);
	if (!p)
		return false;
	*col = p->col;
	return true;
}
