/* dirlock.c: the lock on an output folder (dirlock.h). */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "base/dirlock.h"
#include "base/text.h"

/* mkdir -p dir. */
static int make_dirs(const char *dir)
{
	char *p = xstrdup(dir);
	int rc = 0;
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			rc = -1;
		*s = c;
		if (rc != 0 || c == '\0')
			break;
	}
	free(p);
	return rc;
}

/* Who holds the lock on the folder st names, from /proc/locks ("1: FLOCK
 * ADVISORY WRITE 1234 08:01:5678 0 EOF"): "feedgen pid 1234", or a run whose
 * PID this namespace cannot see. */
static void find_holder(const struct stat *st, char *out, size_t n)
{
	snprintf(out, n, "another run (not visible from here: another container?)");
	FILE *f = fopen("/proc/locks", "re");
	if (!f)
		return;
	char line[256];
	while (fgets(line, sizeof line, f)) {
		long pid;
		unsigned maj, min;
		unsigned long long ino;
		if (sscanf(line, "%*d: FLOCK %*s %*s %ld %x:%x:%llu", &pid, &maj, &min, &ino) != 4)
			continue;
		if (ino == (unsigned long long)st->st_ino && major(st->st_dev) == maj &&
		    minor(st->st_dev) == min && pid > 0) {
			snprintf(out, n, "the run of pid %ld", pid);
			break;
		}
	}
	fclose(f);
}

int dirlock_acquire(const char *dir, struct diag_sink *diag)
{
	if (make_dirs(dir) != 0) {
		diag_report(diag, DIAG_ERROR, dir, 0, 0, "write-error", "cannot create the folder: %s",
			    strerror(errno));
		return -1;
	}
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		diag_report(diag, DIAG_ERROR, dir, 0, 0, "output-lock", "cannot open the folder: %s",
			    strerror(errno));
		return -1;
	}
	int rc = flock(fd, LOCK_EX | LOCK_NB);
	if (rc != 0 && errno == EWOULDBLOCK) {
		char who[128];
		struct stat st;
		if (fstat(fd, &st) == 0)
			find_holder(&st, who, sizeof who);
		else
			snprintf(who, sizeof who, "another run");
		diag_report(diag, DIAG_NOTE, dir, 0, 0, "output-lock",
			    "waiting: the output folder is being written by %s", who);
		while ((rc = flock(fd, LOCK_EX)) != 0 && errno == EINTR)
			;
	}
	if (rc != 0) {
		diag_report(diag, DIAG_ERROR, dir, 0, 0, "output-lock",
			    "cannot lock the output folder: %s", strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

void dirlock_release(int fd)
{
	if (fd >= 0)
		close(fd);
}
