/* dirlist.h: a folder's entries in byte order of their names, so that what
 * feedgen does never depends on the order a file system lists them in.
 *
 * Ownership: dirlist_read() returns an array the caller releases with
 * dirlist_free(), names included. */
#ifndef FEEDGEN_DIRLIST_H
#define FEEDGEN_DIRLIST_H

#include <stdbool.h>
#include <stddef.h>

struct dir_entry {
	char *name;
	unsigned char type;	/* d_type: DT_UNKNOWN when the file system does not say */
};

/* The entries of path but "." and "..", and but every name starting with '.'
 * unless hidden is true. NULL with errno set when the folder cannot be read;
 * otherwise *n entries (an empty folder gives a non-NULL array). */
struct dir_entry *dirlist_read(const char *path, bool hidden, size_t *n);
void dirlist_free(struct dir_entry *v, size_t n);

#endif
