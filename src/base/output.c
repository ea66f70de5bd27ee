/* output.c: feed bytes to stdout or, atomically, to a file.
 *
 * A file is written unnamed (O_TMPFILE) where the kernel allows it, so a run
 * killed mid-write leaves nothing behind; it gets a name only once complete,
 * fsync'ed, and then replaces the old file with rename(2). A file whose new
 * bytes equal the old ones is left alone, mtime and all. Where O_TMPFILE is
 * missing, a named temporary file is used instead; feedgen -o removes those
 * of dead runs (sitefeeds.c). */
#define _GNU_SOURCE	/* O_TMPFILE, AT_EMPTY_PATH */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/output.h"
#include "base/text.h"

int outfile_open_stdout(struct outfile *o)
{
	o->fd = STDOUT_FILENO;
	o->path = NULL;
	o->tmp = NULL;
	o->error = 0;
	o->defer_dir_sync = false;
	return 0;
}

/* mkdir -p for the folder that will hold path. */
static int make_parents(const char *path)
{
	char *p = xstrdup(path);
	for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	free(p);
	return 0;
}

static char *dir_of(const char *path)
{
	char *copy = xstrdup(path);
	char *d = xstrdup(dirname(copy));
	free(copy);
	return d;
}

/* A named temporary file beside path: ".feedgen-PID.XXXXXX". */
static int open_named_temp(struct outfile *o)
{
	char *dir = dir_of(o->path);
	struct buf t;
	buf_init(&t);
	buf_printf(&t, "%s/.feedgen-%ld.XXXXXX", dir, (long)getpid());
	free(dir);
	int fd = mkstemp(t.data);
	if (fd < 0) {
		buf_free(&t);
		return -1;
	}
	o->tmp = buf_take(&t);
	return fd;
}

int outfile_open(struct outfile *o, const char *path, struct diag_sink *diag)
{
	o->path = xstrdup(path);
	o->tmp = NULL;
	o->error = 0;
	o->fd = -1;
	o->defer_dir_sync = false;
	if (make_parents(path) != 0) {
		diag_report(diag, DIAG_ERROR, path, 0, 0, "write-error", "cannot create its folder: %s",
			    strerror(errno));
		outfile_abort(o);
		return -1;
	}
	char *dir = dir_of(path);
	/* Read and write: outfile_commit() reads it back to compare. */
	o->fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	int err = errno;
	free(dir);
	if (o->fd >= 0)
		return 0;
	/* No O_TMPFILE on this file system: a named file, removed on every error
	 * path. Other errors (no permission, read-only) are reported as they are. */
	if (err == EOPNOTSUPP || err == EISDIR || err == EINVAL)
		o->fd = open_named_temp(o);
	else
		errno = err;
	if (o->fd < 0) {
		diag_report(diag, DIAG_ERROR, path, 0, 0, "write-error", "cannot create a file beside it: %s",
			    strerror(errno));
		outfile_abort(o);
		return -1;
	}
	return 0;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

static int xml_write_cb(void *ctx, const char *buffer, int len)
{
	struct outfile *o = ctx;
	if (o->error)
		return -1;
	if (write_all(o->fd, buffer, (size_t)len) != 0) {
		o->error = errno ? errno : EIO;
		return -1;
	}
	return len;
}

xmlOutputBufferPtr outfile_xml_buffer(struct outfile *o)
{
	return xmlOutputBufferCreateIO(xml_write_cb, NULL, o, NULL);
}

/* Are the file at path and the open fd byte-for-byte the same? */
static bool same_bytes(const char *path, int fd)
{
	struct stat a, b;
	if (stat(path, &a) != 0 || !S_ISREG(a.st_mode) || fstat(fd, &b) != 0 ||
	    a.st_size != b.st_size)
		return false;
	int old = open(path, O_RDONLY | O_CLOEXEC);
	if (old < 0)
		return false;
	bool same = lseek(fd, 0, SEEK_SET) == 0;
	char x[32768], y[32768];
	while (same) {
		ssize_t k = read_full(old, x, sizeof x);
		if (k <= 0) {
			same = k == 0;
			break;
		}
		same = read_full(fd, y, (size_t)k) == k && memcmp(x, y, (size_t)k) == 0;
	}
	close(old);
	return same;
}

void outfile_sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

static void fsync_dir(const char *path)
{
	char *dir = dir_of(path);
	outfile_sync_dir(dir);
	free(dir);
}

/* An unnamed file gets a temporary name: through /proc, or AT_EMPTY_PATH
 * where /proc is not mounted. */
static int link_unnamed(struct outfile *o)
{
	char *dir = dir_of(o->path);
	struct buf proc, t;
	buf_init(&proc);
	buf_init(&t);
	buf_printf(&proc, "/proc/self/fd/%d", o->fd);
	int rc = -1;
	for (int i = 0; i < 100; i++) {
		buf_free(&t);
		buf_printf(&t, "%s/.feedgen-%ld-%d.tmp", dir, (long)getpid(), i);
		rc = linkat(AT_FDCWD, proc.data, AT_FDCWD, t.data, AT_SYMLINK_FOLLOW);
		if (rc != 0 && errno == ENOENT)
			rc = linkat(o->fd, "", AT_FDCWD, t.data, AT_EMPTY_PATH);
		if (rc == 0 || errno != EEXIST)
			break;
	}
	free(dir);
	buf_free(&proc);
	if (rc != 0) {
		buf_free(&t);
		return -1;
	}
	o->tmp = buf_take(&t);
	return 0;
}

/* Give the file its final name, replacing the old file in one step. New files
 * get the mode a new file gets (0666 less the umask); a replaced file keeps
 * its mode. */
static int place(struct outfile *o)
{
	struct stat old;
	mode_t mode;
	if (stat(o->path, &old) == 0) {
		mode = old.st_mode & 07777;
	} else {
		mode_t mask = umask(022);
		umask(mask);
		mode = 0666 & ~mask;
	}
	if (fchmod(o->fd, mode) != 0)
		return -1;
	if (!o->tmp && link_unnamed(o) != 0)
		return -1;
	return rename(o->tmp, o->path);
}

/* Start writing the file to disk now, without waiting: the disk works while
 * the next feeds are rendered, so the sync before the rename finds little
 * left to wait for. A hint only; fsync reports any error. */
static void start_writeback(int fd)
{
#ifdef SYNC_FILE_RANGE_WRITE
	(void)sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#else
	(void)fd;
#endif
}

int outfile_finish(struct outfile *o, bool *changed, struct diag_sink *diag)
{
	*changed = false;
	const char *name = o->path ? o->path : "<stdout>";
	if (!o->path) {
		if (!o->error)
			return 0;
		diag_report(diag, DIAG_ERROR, name, 0, 0, "write-error", "write failed: %s", strerror(o->error));
		return -1;
	}
	if (!o->error && same_bytes(o->path, o->fd)) {
		outfile_abort(o);
		return 0;
	}
	if (o->error) {
		diag_report(diag, DIAG_ERROR, name, 0, 0, "write-error", "write failed: %s", strerror(o->error));
		outfile_abort(o);
		return -1;
	}
	*changed = true;
	start_writeback(o->fd);
	return 0;
}

int outfile_place(struct outfile *o, bool synced, struct diag_sink *diag)
{
	if (!synced && fsync(o->fd) != 0) {
		diag_report(diag, DIAG_ERROR, o->path, 0, 0, "write-error", "write failed: %s", strerror(errno));
		outfile_abort(o);
		return -1;
	}
	if (place(o) != 0) {
		diag_report(diag, DIAG_ERROR, o->path, 0, 0, "write-error", "cannot replace: %s", strerror(errno));
		outfile_abort(o);
		return -1;
	}
	if (!o->defer_dir_sync)
		fsync_dir(o->path);
	close(o->fd);
	free(o->tmp);
	free(o->path);
	o->fd = -1;
	o->tmp = o->path = NULL;
	return 0;
}

int outfile_commit(struct outfile *o, bool *changed, struct diag_sink *diag)
{
	if (outfile_finish(o, changed, diag) != 0)
		return -1;
	if (!*changed || !o->path)
		return 0;
	return outfile_place(o, false, diag);
}

int outfile_sync_batch(struct outfile *v, size_t n, struct diag_sink *diag)
{
	/* One syncfs(2) per file system makes every pending file durable at once;
	 * a separate fsync(2) per file would wait for the disk once per feed
	 * (ext4 commits its journal again for each file: the extents written
	 * are recorded after the data is on disk, in a later transaction). */
	dev_t done[8];
	size_t ndone = 0;
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (fstat(v[i].fd, &st) != 0)
			return -1;
		bool seen = false;
		for (size_t k = 0; k < ndone; k++)
			seen = seen || done[k] == st.st_dev;
		if (seen)
			continue;
		if (syncfs(v[i].fd) != 0) {
			diag_report(diag, DIAG_ERROR, v[i].path, 0, 0, "write-error", "write failed: %s",
				    strerror(errno));
			return -1;
		}
		if (ndone < sizeof done / sizeof done[0])
			done[ndone++] = st.st_dev;
	}
	return 0;
}

void outfile_abort(struct outfile *o)
{
	if (!o->path)
		return;
	if (o->fd >= 0)
		close(o->fd);
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	o->fd = -1;
	o->tmp = o->path = NULL;
}
