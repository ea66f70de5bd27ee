/* dirlist.c: a folder's entries, sorted. */
#include <config.h>

#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/dirlist.h"
#include "base/text.h"

/* An entry with its name's first 16 bytes as two big-endian numbers: most
 * comparisons of names such as "2021-12-16-slug.md", which share long
 * prefixes, are decided by them without a strcmp(). */
struct keyed {
	uint64_t k0, k1;
	struct dir_entry e;
};

static uint64_t key_at(const char *s, size_t len, size_t from)
{
	uint64_t k = 0;
	for (size_t i = from; i < from + 8; i++)
		k = k << 8 | (i < len ? (unsigned char)s[i] : 0);
	return k;
}

static int by_name(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	if (x->k0 != y->k0)
		return x->k0 < y->k0 ? -1 : 1;
	if (x->k1 != y->k1)
		return x->k1 < y->k1 ? -1 : 1;
	return strcmp(x->e.name, y->e.name);
}

static void sort_by_name(struct dir_entry *v, size_t n)
{
	struct keyed *k = xmalloc(n * sizeof *k);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(v[i].name);
		k[i] = (struct keyed){ key_at(v[i].name, len, 0), key_at(v[i].name, len, 8), v[i] };
	}
	qsort(k, n, sizeof *k, by_name);
	for (size_t i = 0; i < n; i++)
		v[i] = k[i].e;
	free(k);
}

struct dir_entry *dirlist_read(const char *path, bool hidden, size_t *n)
{
	*n = 0;
	DIR *d = opendir(path);
	if (!d)
		return NULL;
	struct dir_entry *v = xmalloc(sizeof *v);
	size_t cap = 1;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		const char *s = e->d_name;
		if (strcmp(s, ".") == 0 || strcmp(s, "..") == 0 || (s[0] == '.' && !hidden))
			continue;
		if (*n == cap) {
			cap *= 2;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[(*n)++] = (struct dir_entry){ xstrdup(s), e->d_type };
	}
	closedir(d);
	if (*n > 1)
		sort_by_name(v, *n);
	return v;
}

void dirlist_free(struct dir_entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}
