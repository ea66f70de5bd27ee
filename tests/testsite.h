/* testsite.h: making, loading and removing small sites on disk for the unit tests. Test programs
 * only; every helper aborts on failure, since a test cannot go on without
 * its files. */
#ifndef FEEDGEN_TESTSITE_H
#define FEEDGEN_TESTSITE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/date.h"
#include "model/site.h"
#include "site/config.h"
#include "site/loader.h"

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

/* A new empty folder /tmp/feedgen-NAME-XXXXXX; dir holds at least 64 bytes. */
static inline void testsite_mkdtemp(char *dir, const char *name)
{
	snprintf(dir, 64, "/tmp/feedgen-%s-XXXXXX", name);
	if (!mkdtemp(dir))
		abort();
}

/* Read the site in dir as feedgen does, in zone (NULL: its _config.yml's),
 * with "now" in 2100 so no post is in the future. Returns load_posts()'s
 * count of posts with errors. */
static inline unsigned long testsite_load(const char *dir, const char *zone, struct site *site,
					  struct post_list *posts, struct diag_sink *diag)
{
	site_init(site, dir);
	site_load(site, dir, diag);
	date_use_zone(zone ? zone : site->timezone);
	struct load_options opt = {.now = 4102444800LL};	/* 2100-01-01 */
	return load_posts(site, &opt, posts, diag);
}

static inline void testsite_remove(const char *dir)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		abort();
}

#endif
