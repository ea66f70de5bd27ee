/* post.h: the article model — one struct post per published post, and the
 * list the loader fills and the writers read.
 *
 * Ownership: a struct post owns every string and array it points to;
 * post_free() releases them. A struct post_list owns its posts; post_list_free()
 * frees each and the array. Writers never change a post. Bodies are not kept:
 * body_offset says where the body starts in the file, so a writer renders only
 * the posts it shows (see body.h). */
#ifndef FEEDGEN_POST_H
#define FEEDGEN_POST_H

#include <stdbool.h>
#include <stddef.h>

#include "base/date.h"

struct strlist {
	char **v;
	size_t n;
};

struct person {
	char *name;	/* NULL when absent */
	char *email;
	char *uri;
};

struct enclosure {
	char *url;	/* NULL when the post has none */
	char *length;
	char *type;
};

struct post {
	char *path;		/* file path as given (site dir + relative path) */
	char *relpath;		/* path relative to the site folder, for ordering and messages */
	char *slug;		/* from the file name or front matter `slug` */
	char *ext;		/* source extension with the dot: ".md", ".html" */
	char *title;		/* plain text; NULL until the loader fills an automatic one */
	bool title_auto;	/* title was made from the body */
	struct fg_time date;
	bool date_as_utc;	/* an offset-less YAML timestamp, read as UTC like Jekyll */
	unsigned long date_line, date_col;	/* where front matter sets it; 0: not there */
	bool has_updated;
	struct fg_time updated;	/* `updated` / `last_modified_at` */
	struct strlist categories;	/* path folders first, then front matter */
	struct strlist tags;
	struct person author;
	char *description;
	char *excerpt;		/* front matter excerpt (plain or HTML as written) */
	char *excerpt_separator;	/* front matter excerpt_separator, or NULL: the site's */
	bool excerpt_only;	/* front matter feed: {excerpt_only: true} */
	char *permalink;	/* front matter permalink template, or NULL */
	char *id;		/* front matter id / guid, or NULL */
	char *lang;
	char *image;
	struct enclosure enclosure;
	bool published;		/* false for `published: false` */
	bool draft;		/* from _drafts/ or `draft: true` */
	char *collection;	/* the label of a document of another collection
				 * (feed.collections), NULL for a post */
	long body_offset;	/* byte offset of the body in the file */
	unsigned long body_line;/* its line number (1-based), for messages */

	/* Filled by the loader after the site is known. */
	char *url;		/* site-relative URL path, percent-encoded: "/a/2021/12/16/x.html" */
	char *entry_id;		/* Atom id / RSS guid */
	/* The absolute URL is not kept (post_abs_url() in site.h makes it):
	 * only the posts a feed shows need it, and memory is per post. */
};

struct post_list {
	struct post **v;
	size_t n;
	size_t cap;
};

void strlist_add(struct strlist *l, const char *s);	/* copies s; skips duplicates */
bool strlist_has(const struct strlist *l, const char *s);
void strlist_free(struct strlist *l);

/* Free a person's strings and zero it. */
void person_clear(struct person *a);

struct post *post_new(void);
void post_free(struct post *p);

void post_list_add(struct post_list *l, struct post *p);	/* takes p */
void post_list_free(struct post_list *l);
/* Newest first; equal dates by relative path. */
void post_list_sort(struct post_list *l);

#endif
