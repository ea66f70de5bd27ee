/* testsite.h: making small sites on disk for the unit tests. Test programs
 * only; every helper aborts on failure, since a test cannot go on without
 * its files. */
#ifndef FEEDGEN_TESTSITE_H
#define FEEDGEN_TESTSITE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Write n bytes to dir/rel, making the folders in rel. */
static inline void testsite_put(const char *dir, const char *rel, const void *data, size_t n)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	for (char *s = strchr(path + strlen(dir) + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		mkdir(path, 0755);
		*s = '/';
	}
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, n, f) != n || fclose(f) != 0)
		abort();
}

static inline void testsite_puts(const char *dir, const char *rel, const char *text)
{
	testsite_put(dir, rel, text, strlen(text));
}

#endif
