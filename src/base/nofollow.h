/* nofollow.h: opening and reading files below a folder without following a
 * symbolic link anywhere on the way, and reading only regular files, each
 * with a size cap.
 *
 * A site's _config.yml or _data/authors.yml that is a link to a file outside
 * the site would publish that file's values; a FIFO would hang the run,
 * /dev/zero fill memory. Every component of `rel` below `dir` is opened with
 * O_NOFOLLOW (dir itself, given by the user, may be a link). */
#ifndef FEEDGEN_NOFOLLOW_H
#define FEEDGEN_NOFOLLOW_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

/* Opens dir/rel for reading, no component of rel a symbolic link. Returns the
 * descriptor, or -1 with errno (ELOOP: a symbolic link on the way). */
int nofollow_open(const char *dir, const char *rel);

/* The *why of a file larger than max (compare the pointer). */
extern const char nofollow_too_large[];

/* Appends the bytes of the regular file dir/rel, at most max, to out. Returns
 * 1, 0 when there is no such file, or -1 with *why set to a static
 * description ("a symbolic link ... not followed", "not a regular file",
 * nofollow_too_large, or strerror's). */
int nofollow_read(const char *dir, const char *rel, size_t max, struct buf *out,
		  const char **why);

/* Is any component of rel below root that exists a symbolic link? (Whatever
 * is written at root/rel would land where the link points.) */
bool nofollow_has_link(const char *root, const char *rel);

#endif
