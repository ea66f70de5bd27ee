/* walkdir.h: the regular files of a folder and of its folders, for
 * `feedgen validate DIR`, without following a symbolic link.
 *
 * The walk is depth first, each folder's entries in byte order of their
 * names (dirlist.h), so the list, and the report made from it, never depends
 * on the order the file system lists them in. Names starting with '.' are
 * not looked at (.git, .well-known: as Jekyll leaves them out). A symbolic
 * link, to a file or to a folder, is counted and not followed; FIFOs,
 * sockets and devices are counted and not opened. The walk is bounded:
 * WALKDIR_MAX_DEPTH folders deep and WALKDIR_MAX_FILES files in all; what
 * lies past a bound, and each folder that cannot be read, is an error in
 * errors (the rest is still listed).
 *
 * Ownership: a struct walkdir owns its paths and messages; walkdir_free()
 * releases them. */
#ifndef FEEDGEN_VALIDATE_WALKDIR_H
#define FEEDGEN_VALIDATE_WALKDIR_H

#include <stddef.h>

#define WALKDIR_MAX_DEPTH 64
#define WALKDIR_MAX_FILES ((size_t)1000000)

/* A folder that could not be read, or a bound reached there. */
struct walkdir_error {
	char *rel;	/* the folder, relative to the root ("" for the root) */
	char *why;	/* one line */
};

struct walkdir {
	char **files;	/* regular files, relative to the root ("a/b.xml") */
	size_t n, cap;
	size_t links;	/* symbolic links not followed */
	size_t special;	/* FIFOs, sockets, devices: not opened */
	struct walkdir_error *errors;
	size_t n_errors, cap_errors;
};

/* Lists the files below root into *w (which it initialises). Returns 0, or
 * -1 with errno set when root itself cannot be read as a folder (then *w is
 * empty). Folders below it that cannot be read are in w->errors. */
int walkdir_read(const char *root, struct walkdir *w);
void walkdir_free(struct walkdir *w);

#endif
