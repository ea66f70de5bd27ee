/* nofollow.c: files below a folder, read without following links
 * (nofollow.h). */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/nofollow.h"
#include "base/text.h"

const char nofollow_too_large[] = "larger than the limit";

int nofollow_open(const char *dir, const char *rel)
{
	int at = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (at < 0)
		return -1;
	char *copy = xstrdup(rel);
	char *name = copy;
	int fd = -1;
	for (;;) {
		char *slash = strchr(name, '/');
		if (slash)
			*slash = '\0';
		/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
		int flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (slash ? O_DIRECTORY : O_NONBLOCK);
		int next = *name ? openat(at, name, flags) : dup(at);
		int err = errno;
		close(at);
		if (next < 0) {
			errno = err;
			break;
		}
		if (!slash) {
			fd = next;
			break;
		}
		at = next;
		name = slash + 1;
	}
	free(copy);
	return fd;
}

int nofollow_read(const char *dir, const char *rel, size_t max, struct buf *out,
		  const char **why)
{
	int fd = nofollow_open(dir, rel);
	if (fd < 0) {
		if (errno == ENOENT)
			return 0;
		/* ENOTDIR from O_DIRECTORY is a link too, or a file where a folder
		 * should be: both are "not followed". */
		*why = errno == ELOOP || errno == ENOTDIR ? "a symbolic link or not a folder on the "
							    "way, not followed"
							  : strerror(errno);
		return -1;
	}
	struct stat st;
	int rc = 1;
	if (fstat(fd, &st) != 0) {
		*why = strerror(errno);
		rc = -1;
	} else if (!S_ISREG(st.st_mode)) {
		*why = "not a regular file";
		rc = -1;
	} else if ((unsigned long long)st.st_size > max) {
		*why = nofollow_too_large;
		rc = -1;
	}
	/* The file may grow while it is read: the cap holds whatever stat said. */
	char chunk[65536];
	size_t total = 0;
	while (rc == 1) {
		ssize_t k = read(fd, chunk, sizeof chunk);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			*why = strerror(errno);
			rc = -1;
			break;
		}
		if (k == 0)
			break;
		total += (size_t)k;
		if (total > max) {
			*why = nofollow_too_large;
			rc = -1;
			break;
		}
		buf_add(out, chunk, (size_t)k);
	}
	close(fd);
	return rc;
}

bool nofollow_has_link(const char *root, const char *rel)
{
	struct buf p;
	buf_init(&p);
	buf_adds(&p, root);
	bool link = false;
	const char *s = rel;
	while (*s && !link) {
		size_t k = strcspn(s, "/");
		if (k > 0) {
			buf_addc(&p, '/');
			buf_add(&p, s, k);
			struct stat st;
			if (lstat(p.data, &st) != 0)
				break;	/* nothing there yet: nothing to follow */
			link = S_ISLNK(st.st_mode);
		}
		s += k;
		while (*s == '/')
			s++;
	}
	buf_free(&p);
	return link;
}
