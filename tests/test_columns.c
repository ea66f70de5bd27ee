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

int main(void)
{
	test_window();
	test_overflow();
	test_colmap();
	return tap_done();
}
