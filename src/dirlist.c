/* dirlist.c: a folder's entries, sorted. */
#include <config.h>

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "dirlist.h"
#include "text.h"

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct dir_entry *)a)->name, ((const struct dir_entry *)b)->name);
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
		qsort(v, *n, sizeof *v, by_name);
	return v;
}

void dirlist_free(struct dir_entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}
