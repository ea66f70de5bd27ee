/* postfile.h: reading one post file — its front matter, with Jekyll's rules
 * for what the file name gives. The body stays on disk (body_offset).
 *
 * Ownership: load_post_file() returns a new post the caller frees with
 * post_free(). */
#ifndef FEEDGEN_SITE_POSTFILE_H
#define FEEDGEN_SITE_POSTFILE_H

#include <stdbool.h>

#include "base/diag.h"
#include "model/post.h"
#include "model/site.h"

/* Read one post file. `relpath` is its path inside the site, `dir_cats` the
 * categories its folders give. Returns a new post or NULL after reporting why
 * it is not one. *is_error is set when the file was meant as a post but is
 * broken (as opposed to "not a post"). */
struct post *load_post_file(const struct site *site, const char *path, const char *relpath,
			    const struct strlist *dir_cats, struct diag_sink *diag, bool *is_error);

#endif
