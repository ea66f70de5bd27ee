/* fuzz_feedread.c: the bytes as a published feed for feedread_buffer() (what
 * `feedgen diff` and -o's guard read, from files and from any server) and,
 * from a file descriptor, feedread_fd(). Both ways must read the same entries,
 * and a feed compared with itself has nothing added, removed or re-identified:
 * a guard that flagged an unchanged feed would stop every build. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "fuzz.h"
#include "publish/feeddiff.h"
#include "publish/feedread.h"

/* The same bytes through a file descriptor read as the same document. */
static void same_from_fd(const uint8_t *data, size_t size, int want_rc,
			 const struct feed_doc *want)
{
	FILE *f = tmpfile();
	if (!f)
		return;
	if (fwrite(data, 1, size, f) != size || fflush(f) != 0) {
		fclose(f);
		return;
	}
	struct diag_sink quiet;
	diag_sink_init(&quiet, NULL);
	struct feed_doc doc = {0};
	int rc = feedread_fd(fileno(f), "fuzz", &doc, &quiet);
	fclose(f);
	fuzz_check(rc == want_rc, "feedread_fd and feedread_buffer agree on the bytes");
	fuzz_check(rc != 0 || doc.n == want->n, "and read as many entries");
	feed_doc_free(&doc);
}

int fuzz_feedread(const uint8_t *data, size_t size)
{
	struct diag_sink quiet;
	diag_sink_init(&quiet, NULL);
	struct feed_doc doc = {0};
	int rc = feedread_buffer((const char *)data, size, "fuzz", &doc, &quiet);
	fuzz_check(rc == 0 || rc == -1, "a buffer is read or refused");
	fuzz_check(rc == 0 || quiet.errors > 0, "a refused document says why");
	fuzz_check(doc.n <= FEEDREAD_MAX_ENTRIES, "entries stay within the bound");
	same_from_fd(data, size, rc, &doc);
	if (rc == 0) {
		struct feed_diff d = {0};
		feed_diff_compute(&doc, &doc, &d);
		fuzz_check(d.added == 0 && d.removed == 0 && d.reidentified == 0,
			   "a feed compared with itself: nothing added, removed or re-identified");
		feed_diff_report(&d, &doc, "old", &doc, "new", false, &quiet);
		char *summary = feed_diff_summary(&d);
		fuzz_check(summary != NULL && fuzz_utf8_ok(summary, strlen(summary)),
			   "the summary line is text");
		free(summary);
		feed_diff_free(&d);
	}
	feed_doc_free(&doc);
	return 0;
}
