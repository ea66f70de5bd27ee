/* test_columns.c: finding a start tag's column in the window of recent raw
 * input, as the window moves, overflows and is cut; and the column map. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "validate/columns.h"

static void test_window(void)
{
	struct rawwin w;
	rawwin_init(&w);
	const char *doc = "<feed xmlns=\"x\">\n  <title>T</title>\n  <a:titles/><a:title>\n"
			  "<entry><title>E</title></entry>\n";
	/* Fed in pieces as a reader would, cut mid-line. */
	rawwin_append(&w, doc, 20);
	rawwin_append(&w, doc + 20, strlen(doc) - 20);
	is_int(rawwin_column(&w, 1, NULL, "feed"), 1, "line 1: <feed at column 1");
	is_int(rawwin_column(&w, 2, NULL, "title"), 3, "line 2: <title at column 3");
	is_int(rawwin_column(&w, 3, "a", "title"), 14, "a:title, not a:titles");
	is_int(rawwin_column(&w, 3, NULL, "title"), 0, "an unprefixed name does not match a:title");
	is_int(rawwin_column(&w, 4, NULL, "title"), 8, "the first <title on line 4");
	is_int(rawwin_column(&w, 9, NULL, "feed"), 0, "a line not read yet");
	rawwin_forget_before(&w, 4);
	is_int(rawwin_column(&w, 2, NULL, "title"), 0, "a forgotten line has no column");
	is_int(rawwin_column(&w, 4, NULL, "entry"), 1, "line 4 still there after forgetting");
	is_int(w.len, strlen("<entry><title>E</title></entry>\n"), "forgetting frees the bytes");
	rawwin_free(&w);
}

static void test_overflow(void)
{
	struct rawwin w;
	rawwin_init(&w);
	size_t n = RAWWIN_MAX + 1000;
	char *big = malloc(n + 1);
	memset(big, 'x', n);
	memcpy(big, "<a>\n<b>", 7);
	memcpy(big + n - 8, "\n  <c>\n", 7);
	big[n - 1] = '\n';
	rawwin_append(&w, big, n - 100);
	rawwin_append(&w, big + n - 100, 100);
	ok(w.len <= RAWWIN_MAX, "the window stays within RAWWIN_MAX (%zu)", w.len);
	is_int(rawwin_column(&w, 1, NULL, "a"), 0, "a line pushed out has no column");
	is_int(rawwin_column(&w, 2, NULL, "b"), 0, "a line cut at its start has no column");
	is_int(rawwin_column(&w, 3, NULL, "c"), 3, "the lines after the cut keep their numbers");
	rawwin_free(&w);
	rawwin_init(&w);
	rawwin_append(&w, big, n);	/* one append larger than the window */
	ok(w.len <= RAWWIN_MAX, "one append larger than the window is cut too");
	is_int(rawwin_column(&w, 3, NULL, "c"), 3, "and still numbers its lines");
	rawwin_free(&w);
	free(big);
}

static void test_colmap(void)
{
	struct colmap m;
	colmap_init(&m);
	int nodes[100];
	for (int i = 99; i >= 0; i--)
		colmap_put(&m, &nodes[i], (unsigned long)i + 1);
	unsigned long col = 0;
	ok(!colmap_get(&m, &nodes[5], &col), "nothing is found before the map is sealed");
	colmap_seal(&m);
	ok(colmap_get(&m, &nodes[5], &col) && col == 6, "node 5 has column 6");
	ok(colmap_get(&m, &nodes[99], &col) && col == 100, "node 99 has column 100");
	int other;
	ok(!colmap_get(&m, &other, &col), "a node not in the map");
	colmap_free(&m);
}

/* A feed written on one line: each entry's elements are found from its own
 * start tag, and its end tag after it. */
static void test_one_line(void)
{
	struct rawwin w;
	rawwin_init(&w);
	const char *doc = "<feed><id>f</id><entry><id>a</id><link/><link/></entry>"
			  "<entry><id>b</id><link/></entry></feed>";
	rawwin_append(&w, doc, strlen(doc));
	int e1, e2;
	rawwin_set_floor(&w, &e1, 1, NULL, "entry");
	is_int(rawwin_column_in(&w, &e1, 0, 1, NULL, "id"), 24, "entry 1's <id, not the feed's");
	is_int(rawwin_column_in(&w, &e1, 1, 1, NULL, "link"), 41, "entry 1's second <link");
	unsigned long line = 0, col = 0;
	ok(rawwin_end_tag(&w, 1, 17, NULL, "entry", &line, &col) && col == 48,
	   "entry 1's </entry> from its start (column %lu)", col);
	rawwin_set_floor(&w, &e2, 1, NULL, "entry");
	is_int(rawwin_column_in(&w, &e2, 0, 1, NULL, "id"), 63, "entry 2's <id");
	is_int(rawwin_column_in(&w, &e2, 0, 1, NULL, "link"), 73, "entry 2's <link");
	is_int(rawwin_column_in(&w, &e1, 0, 1, NULL, "id"), 7,
	       "another piece than the floor's: the first on the line");
	ok(rawwin_end_tag(&w, 1, 56, NULL, "entry", &line, &col) && col == 80,
	   "entry 2's </entry> (column %lu)", col);
	ok(rawwin_end_tag(&w, 1, 0, NULL, "entry", &line, &col) && col == 48,
	   "from the line's start: the first </entry>");
	rawwin_free(&w);
}

int main(void)
{
	test_window();
	test_overflow();
	test_colmap();
	test_one_line();
	return tap_done();
}
