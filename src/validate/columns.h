/* columns.h: where an element's start tag is, for the validator's messages,
 * when the document is read as a stream and never held whole.
 *
 * libxml2 records a line for each element but no column. A struct rawwin keeps
 * the most recent raw input — from the start of the entry being checked to
 * what the parser has read ahead, at most RAWWIN_MAX bytes — so the column of
 * a start tag on a recent line can still be found. A struct colmap keeps the
 * columns found for nodes that are checked after their bytes have left the
 * window: the feed's head, whose checks run once every entry has been read.
 *
 * Columns count bytes from 1, as the rest of feedgen's diagnostics do; 0
 * means unknown (the line left the window, or the tag was not found on it).
 *
 * Ownership: a rawwin and a colmap own their memory; rawwin_free() and
 * colmap_free() release it. Neither keeps a pointer to the caller's input. A
 * colmap's keys are node addresses, compared and never dereferenced. */
#ifndef FEEDGEN_COLUMNS_H
#define FEEDGEN_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

/* One entry larger than this loses the columns of its first lines; the bound
 * keeps validation memory independent of what the document holds. */
#define RAWWIN_MAX ((size_t)4 << 20)

struct rawwin {
	char *buf;
	size_t len, cap;
	unsigned long first_line;	/* line number of buf[0]'s line */
	bool partial;			/* buf[0] is not the start of first_line */
	/* the last line found: its number and offset in buf, to resume from */
	unsigned long hint_line;
	size_t hint_off;
	size_t nl_free;	/* buf[hint_off..nl_free) holds no newline */
	size_t scanned;	/* bytes rawwin_end_tag has looked through, in all */
	size_t col_scanned;	/* and rawwin_column */
	/* The start tag of the entry being checked, where the columns of its
	 * elements are looked for on a line that holds many entries (a feed
	 * written on one line): floor_off in buf (SIZE_MAX: none), on
	 * floor_line, for the piece floor_key (compared, never dereferenced). */
	size_t floor_off;
	unsigned long floor_line;
	const void *floor_key;
};

void rawwin_init(struct rawwin *w);
void rawwin_free(struct rawwin *w);
/* Appends bytes the parser is about to read; drops the oldest past RAWWIN_MAX. */
void rawwin_append(struct rawwin *w, const char *p, size_t n);
/* Drops every line before line: nothing before it will be asked for again. */
void rawwin_forget_before(struct rawwin *w, unsigned long line);
/* Column of the first start tag <prefix:name (prefix NULL: <name) on line. */
unsigned long rawwin_column(struct rawwin *w, unsigned long line, const char *prefix,
			    const char *name);

/* The entry (item, outline) key about to be checked starts on line with the
 * start tag <prefix:name: the first such tag there after the previous
 * entry's, when that was on the same line. */
void rawwin_set_floor(struct rawwin *w, const void *key, unsigned long line, const char *prefix,
		      const char *name);
/* Column of the start tag <prefix:name on line that is the nth (from 0)
 * such tag from the start of the entry key, when key is the entry the floor
 * was set for and line is its first; else rawwin_column's. */
unsigned long rawwin_column_in(struct rawwin *w, const void *key, size_t nth, unsigned long line,
			       const char *prefix, const char *name);

/* The first end tag </prefix:name> (prefix NULL: </name>) on line from_line
 * (from its column from_col when that is not 0) or after it (from the
 * window's first whole line when from_line has left it), within 256 KiB, and within 64 MiB looked through in all (so many
 * reports on a hostile document stay linear): sets *line and *col and returns
 * true, or returns false when no such end tag is there or the budget is
 * spent. */
bool rawwin_end_tag(struct rawwin *w, unsigned long from_line, unsigned long from_col,
		    const char *prefix, const char *name, unsigned long *line, unsigned long *col);

struct colmap {
	struct colmap_pair { const void *node; unsigned long col; } *v;
	size_t n, cap;
	/* where head nodes end, for what they lack (found while their end tag
	 * was still in the raw window) */
	struct colmap_end { const void *node; unsigned long line, col; } *e;
	size_t ne, ecap;
	bool sorted;
};

void colmap_init(struct colmap *m);
void colmap_free(struct colmap *m);
void colmap_put(struct colmap *m, const void *node, unsigned long col);
/* Records the line and column of node's end tag. */
void colmap_put_end(struct colmap *m, const void *node, unsigned long line, unsigned long col);
/* Sorts once every node is in; colmap_get finds nothing before. */
void colmap_seal(struct colmap *m);
/* Returns true and sets *col when node is in the sealed map. */
bool colmap_get(const struct colmap *m, const void *node, unsigned long *col);
/* Returns true and sets *line and *col when node's end is in the sealed map. */
bool colmap_get_end(const struct colmap *m, const void *node, unsigned long *line,
		    unsigned long *col);

#endif
