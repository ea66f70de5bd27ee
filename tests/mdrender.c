/* mdrender.c: feedgen's Markdown for tests/kramdown-diff.sh and for measuring.
 *
 *   mdrender [--commonmark] OUTDIR FILE.md...   writes OUTDIR/FILE.html each
 *   mdrender --bench N FILE...                  renders each N times, prints MB/s
 *
 * It calls markdown_to_html(), what body.c calls for a post. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/text.h"
#include "content/markdown.h"

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		exit(2);
	}
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	char chunk[65536];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, k);
	fclose(f);
	*n = b.len;
	return buf_take(&b);
}

static int bench(int iters, int argc, char **argv)
{
	double secs = 0, bytes = 0;
	for (int i = 0; i < argc; i++) {
		size_t n;
		char *md = slurp(argv[i], &n);
		struct timespec a, z;
		clock_gettime(CLOCK_MONOTONIC, &a);
		for (int k = 0; k < iters; k++)
			free(markdown_to_html(md, n, MARKDOWN_KRAMDOWN));
		clock_gettime(CLOCK_MONOTONIC, &z);
		secs += (double)(z.tv_sec - a.tv_sec) + (double)(z.tv_nsec - a.tv_nsec) / 1e9;
		bytes += (double)n * iters;
		free(md);
	}
	printf("%.1f MB/s\n", bytes / secs / 1e6);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 2 && strcmp(argv[1], "--bench") == 0)
		return bench(atoi(argv[2]), argc - 3, argv + 3);
	enum markdown_mode mode = MARKDOWN_KRAMDOWN;
	int i = 1;
	if (i < argc && strcmp(argv[i], "--commonmark") == 0) {
		mode = MARKDOWN_COMMONMARK;
		i++;
	}
	if (argc - i < 1) {
		fprintf(stderr, "usage: mdrender [--commonmark] OUTDIR FILE.md...\n");
		return 2;
	}
	const char *outdir = argv[i++];
	for (; i < argc; i++) {
		size_t n;
		char *md = slurp(argv[i], &n);
		char *html = markdown_to_html(md, n, mode);
		const char *base = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
		size_t bl = strlen(base);
		if (bl > 3 && strcmp(base + bl - 3, ".md") == 0)
			bl -= 3;
		char path[4096];
		snprintf(path, sizeof path, "%s/%.*s.html", outdir, (int)bl, base);
		FILE *f = fopen(path, "w");
		if (!f || fputs(html, f) < 0 || fclose(f) != 0) {
			perror(path);
			return 2;
		}
		free(html);
		free(md);
	}
	return 0;
}
