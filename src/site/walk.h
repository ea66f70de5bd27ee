/* walk.h: the files of a site that may be posts, found by walking its
 * folders with Jekyll's layout rules, before any is read.
 *
 * Jekyll's rules: posts live in `_posts/` folders; folders above one become
 * categories, folders inside it do not; `_drafts/` only on request;
 * dot-files, `_site/` and other underscore folders are not content. A folder
 * with no `_posts/` anywhere is a plain folder of posts. Symbolic links are
 * never followed (Jekyll's safe mode), so nothing outside the site is read.
 *
 * Ownership: struct walk owns its candidates and their strings; walk_free()
 * releases them. It points to, and never frees, the site and the sink. */
#ifndef FEEDGEN_SITE_WALK_H
#define FEEDGEN_SITE_WALK_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "model/post.h"
#include "model/site.h"

enum dir_role { DIR_PLAIN, DIR_POSTS, DIR_DRAFTS, DIR_COLLECTION };

/* Files found by the walk, before any is read. */
struct candidate {
	char *relpath;
	struct strlist cats;	/* from folders above _posts */
	enum dir_role role;
};

struct walk {
	const struct site *site;
	bool drafts;
	bool saw_posts_dir;
	struct candidate *v;
	size_t n, cap;
	struct diag_sink *diag;
};

/* Fill w->v with the files under w->site->dir (w->site, w->drafts and w->diag
 * set by the caller, the rest zero). Unreadable folders are reported as
 * errors. */
void walk_site(struct walk *w);
/* Fill w->v with the documents of the collection `label` (in _<label>/, as
 * Jekyll's Collection#read finds them), role DIR_COLLECTION. */
void walk_collection(struct walk *w, const char *label);
void walk_free(struct walk *w);

#endif
