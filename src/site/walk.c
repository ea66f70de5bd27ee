/* walk.c: a site's folders into the candidate files (walk.h says the rules). */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/dirlist.h"
#include "base/text.h"
#include "site/walk.h"

static void walk_add(struct walk *w, const char *relpath, const struct strlist *cats,
		     enum dir_role role)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 256;
		w->v = xrealloc(w->v, w->cap * sizeof *w->v);
	}
	struct candidate *c = &w->v[w->n++];
	c->relpath = xstrdup(relpath);
	memset(&c->cats, 0, sizeof c->cats);
	for (size_t i = 0; i < cats->n; i++)
		strlist_add(&c->cats, cats->v[i]);
	c->role = role;
}

static void walk_dir(struct walk *w, const char *rel, struct strlist *cats, enum dir_role role);

/* Is this file in _posts/ or _drafts/ one Jekyll's PostReader may read?
 * Its EntryFilter drops names that start with '.', '_', '#' or '~' or end
 * with '~', and a .yml or .yaml file there is read as data and never
 * published. (Which names are posts is jekyll.h's and postfile.c's rule.) */
static bool jekyll_reads(const char *name)
{
	size_t n = strlen(name);
	if (strchr("._#~", name[0]) || name[n - 1] == '~')
		return false;
	const char *dot = strrchr(name, '.');
	return !dot || (strcmp(dot, ".yml") != 0 && strcmp(dot, ".yaml") != 0);
}

static void walk_entry(struct walk *w, const char *rel, const struct dir_entry *entry,
		       struct strlist *cats, enum dir_role role)
{
	const char *name = entry->name;
	struct buf child, full;
	buf_init(&child);
	buf_init(&full);
	if (*rel) {
		buf_adds(&child, rel);
		buf_addc(&child, '/');
	}
	buf_adds(&child, name);
	struct stat st;
	memset(&st, 0, sizeof st);
	static const struct { unsigned char type; mode_t mode; } known[] = {
		{DT_REG, S_IFREG}, {DT_DIR, S_IFDIR}, {DT_LNK, S_IFLNK},
	};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (entry->type == known[i].type)
			st.st_mode = known[i].mode;
	/* The full path only for lstat(2) and messages: a post needs neither. */
	if (st.st_mode == 0 || S_ISLNK(st.st_mode))
		buf_printf(&full, "%s/%s", w->site->dir, child.data);
	if (st.st_mode == 0 && lstat(full.data, &st) != 0) {
		diag_report(w->diag, DIAG_ERROR, full.data, 0, 0, "read-error", "cannot read: %s", strerror(errno));
	} else if (S_ISLNK(st.st_mode)) {
		diag_report(w->diag, DIAG_WARNING, full.data, 0, 0, "symlink",
			    "symbolic link not followed (as in Jekyll's safe mode)");
	} else if (S_ISDIR(st.st_mode)) {
		if (strcmp(name, "_posts") == 0 && role == DIR_PLAIN) {
			w->saw_posts_dir = true;
			walk_dir(w, child.data, cats, DIR_POSTS);
		} else if (strcmp(name, "_drafts") == 0 && role == DIR_PLAIN) {
			if (w->drafts)
				walk_dir(w, child.data, cats, DIR_DRAFTS);
		} else if (name[0] == '_' || strcmp(name, "node_modules") == 0 ||
			   strcmp(name, "vendor") == 0) {
			/* Jekyll's own folders (_site, _layouts, ...) and bundles hold no posts. */
		} else if (role == DIR_PLAIN) {
			size_t keep = cats->n;
			strlist_add(cats, name);
			walk_dir(w, child.data, cats, role);
			while (cats->n > keep)
				free(cats->v[--cats->n]);
		} else {
			walk_dir(w, child.data, cats, role);
		}
	} else if (S_ISREG(st.st_mode)) {
		if (role == DIR_PLAIN || jekyll_reads(name))
			walk_add(w, child.data, cats, role);
	}
	buf_free(&child);
	buf_free(&full);
}

static void walk_dir(struct walk *w, const char *rel, struct strlist *cats, enum dir_role role)
{
	struct buf full;
	buf_init(&full);
	if (*rel)
		buf_printf(&full, "%s/%s", w->site->dir, rel);
	else
		buf_adds(&full, w->site->dir);
	size_t n = 0;
	struct dir_entry *names = dirlist_read(full.data, false, &n);
	if (!names)
		diag_report(w->diag, DIAG_ERROR, full.data, 0, 0, "read-error", "cannot open folder: %s",
			    strerror(errno));
	buf_free(&full);
	for (size_t i = 0; i < n; i++)
		walk_entry(w, rel, &names[i], cats, role);
	dirlist_free(names, n);
}


void walk_free(struct walk *w)
{
	for (size_t i = 0; i < w->n; i++) {
		free(w->v[i].relpath);
		strlist_free(&w->v[i].cats);
	}
	free(w->v);
}

void walk_site(struct walk *w)
{
	struct strlist cats = {0};
	walk_dir(w, "", &cats, DIR_PLAIN);
	strlist_free(&cats);
}

void walk_collection(struct walk *w, const char *label)
{
	struct strlist cats = {0};
	struct buf rel;
	buf_init(&rel);
	buf_printf(&rel, "_%s", label);
	struct buf full;
	buf_init(&full);
	buf_printf(&full, "%s/%s", w->site->dir, rel.data);
	struct stat st;
	/* No folder (or a link to one): Jekyll reads no documents either. */
	if (lstat(full.data, &st) == 0 && S_ISDIR(st.st_mode))
		walk_dir(w, rel.data, &cats, DIR_COLLECTION);
	buf_free(&full);
	buf_free(&rel);
	strlist_free(&cats);
}
