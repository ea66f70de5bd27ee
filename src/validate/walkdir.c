/* walkdir.c: the files of a folder, links not followed (walkdir.h). */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/dirlist.h"
#include "base/text.h"
#include "validate/walkdir.h"

static void add_error(struct walkdir *w, const char *rel, const char *why)
{
	if (w->n_errors == w->cap_errors) {
		w->cap_errors = w->cap_errors ? 2 * w->cap_errors : 4;
		w->errors = xrealloc(w->errors, w->cap_errors * sizeof *w->errors);
	}
	w->errors[w->n_errors++] = (struct walkdir_error){ xstrdup(rel), xstrdup(why) };
}

static void add_file(struct walkdir *w, char *rel)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 64;
		w->files = xrealloc(w->files, w->cap * sizeof *w->files);
	}
	w->files[w->n++] = rel;
}

/* The d_type of an entry, asking the file system (without following a link)
 * when readdir() did not say. */
static unsigned char entry_type(const char *path, unsigned char type)
{
	if (type != DT_UNKNOWN)
		return type;
	struct stat st;
	if (lstat(path, &st) != 0)
		return DT_UNKNOWN;
	if (S_ISLNK(st.st_mode))
		return DT_LNK;
	if (S_ISDIR(st.st_mode))
		return DT_DIR;
	return S_ISREG(st.st_mode) ? DT_REG : DT_FIFO;	/* any special file */
}

static char *join(const char *a, const char *b)
{
	struct buf p;
	buf_init(&p);
	buf_adds(&p, a);
	if (*a && a[strlen(a) - 1] != '/')
		buf_addc(&p, '/');
	buf_adds(&p, b);
	return buf_take(&p);
}

/* Lists the folder root/rel, depth folders below root. Returns -1 when the
 * file bound is reached (the walk stops). */
static int walk(struct walkdir *w, const char *root, const char *rel, int depth)
{
	char *path = *rel ? join(root, rel) : xstrdup(root);
	size_t n;
	struct dir_entry *e = dirlist_read(path, false, &n);
	if (!e) {
		add_error(w, rel, strerror(errno));
		free(path);
		return 0;
	}
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *full = join(path, e[i].name);
		char *sub = *rel ? join(rel, e[i].name) : xstrdup(e[i].name);
		switch (entry_type(full, e[i].type)) {
		case DT_REG:
			if (w->n == WALKDIR_MAX_FILES) {
				add_error(w, rel, "more files than the limit: the rest is not looked at");
				rc = -1;
				break;
			}
			add_file(w, sub);
			sub = NULL;
			break;
		case DT_DIR:
			if (depth + 1 > WALKDIR_MAX_DEPTH)
				add_error(w, sub, "folders nested deeper than the limit: not looked at");
			else
				rc = walk(w, root, sub, depth + 1);
			break;
		case DT_LNK: w->links++; break;
		case DT_UNKNOWN: add_error(w, sub, strerror(errno)); break;
		default: w->special++; break;
		}
		free(sub);
		free(full);
	}
	dirlist_free(e, n);
	free(path);
	return rc;
}

int walkdir_read(const char *root, struct walkdir *w)
{
	memset(w, 0, sizeof *w);
	size_t n;
	struct dir_entry *e = dirlist_read(root, false, &n);
	if (!e)
		return -1;
	dirlist_free(e, n);
	walk(w, root, "", 0);
	return 0;
}

void walkdir_free(struct walkdir *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->files[i]);
	free(w->files);
	for (size_t i = 0; i < w->n_errors; i++) {
		free(w->errors[i].rel);
		free(w->errors[i].why);
	}
	free(w->errors);
	memset(w, 0, sizeof *w);
}
