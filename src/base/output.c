/* output.c: feed bytes to stdout or, atomically, to a file.
 *
 * A file is written unnamed (O_TMPFILE) where the kernel allows it, so a run
 * killed mid-write leaves nothing behind; it gets a name only once complete,
 * fsync'ed, and then replaces the old file with rename(2). A file whose new
 * bytes equal the old ones is left alone, mtime and all: the new bytes are
 * compared with the old file as they come, and a temporary file is made only
 * at the first byte that differs (its equal start copied from the old file),
 * so a run that changes nothing creates nothing, and works in a read-only
 * folder. Where O_TMPFILE is missing, a named temporary file is used instead;
 * feedgen -o removes those of killed runs (sitefeeds.c). */
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

static void outfile_init(struct outfile *o, int fd, const char *path)
{
	o->fd = fd;
	o->path = path ? xstrdup(path) : NULL;
	o->tmp = NULL;
	o->error = 0;
	o->defer_dir_sync = false;
	o->old_fd = -1;
	o->matched = 0;
	o->bytes = 0;
	o->failed_step = NULL;
}

int outfile_open_stdout(struct outfile *o)
{
	outfile_init(o, STDOUT_FILENO, NULL);
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

/* Copies the first n bytes of the old file into the new one. */
static int copy_prefix(int from, int to, unsigned long long n)
{
	char chunk[32768];
	unsigned long long at = 0;
	while (at < n) {
		size_t want = n - at < sizeof chunk ? (size_t)(n - at) : sizeof chunk;
		ssize_t k = pread(from, chunk, want, (off_t)at);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			if (k == 0)
				errno = EIO;	/* the old file shrank under us */
			return -1;
		}
		size_t done = 0;
		while (done < (size_t)k) {
			ssize_t w = write(to, chunk + done, (size_t)k - done);
			if (w < 0 && errno == EINTR)
				continue;
			if (w < 0)
				return -1;
			done += (size_t)w;
		}
		at += (unsigned long long)k;
	}
	return 0;
}

/* Makes the temporary file (and missing folders), with the bytes that matched
 * the old file so far. -1 with o->error and o->failed_step set. */
static int start_temp(struct outfile *o)
{
	if (make_parents(o->path) != 0) {
		o->error = errno;
		o->failed_step = "cannot create its folder";
		return -1;
	}
	char *dir = dir_of(o->path);
	/* Read and write: a named temporary file is linked, not reopened. */
	o->fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	int err = errno;
	free(dir);
	/* No O_TMPFILE on this file system: a named file, removed on every error
	 * path. Other errors (no permission, read-only) are reported as they are. */
	if (o->fd < 0 && (err == EOPNOTSUPP || err == EISDIR || err == EINVAL))
		o->fd = open_named_temp(o);
	else if (o->fd < 0)
		errno = err;
	if (o->fd < 0) {
		o->error = errno;
		o->failed_step = "cannot create a file beside it";
		return -1;
	}
	if (o->old_fd >= 0 && o->matched > 0 && copy_prefix(o->old_fd, o->fd, o->matched) != 0) {
		o->error = errno ? errno : EIO;
		return -1;
	}
	return 0;
}

int outfile_open(struct outfile *o, const char *path, struct diag_sink *diag)
{
	outfile_init(o, -1, path);
	/* The old file, if any, to compare with; O_NONBLOCK: a FIFO there must
	 * not wait for a writer. */
	o->old_fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	struct stat st;
	if (o->old_fd >= 0 && (fstat(o->old_fd, &st) != 0 || !S_ISREG(st.st_mode))) {
		bool dir = S_ISDIR(st.st_mode);
		close(o->old_fd);
		o->old_fd = -1;
		if (dir) {
			/* rename(2) cannot replace a folder: said before any write. */
			o->error = EISDIR;
			o->failed_step = "cannot replace it";
		}
	}
	if (!o->error && (o->old_fd >= 0 || start_temp(o) == 0))
		return 0;
	diag_report(diag, DIAG_ERROR, path, 0, 0, "write-error", "%s: %s", o->failed_step,
		    strerror(o->error));
	outfile_abort(o);
	return -1;
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

/* Do the next n new bytes equal the old file's at o->matched? */
static bool old_has(struct outfile *o, const char *p, size_t n)
{
	char chunk[32768];
	unsigned long long at = o->matched;
	while (n > 0) {
		size_t want = n < sizeof chunk ? n : sizeof chunk;
		ssize_t k = pread(o->old_fd, chunk, want, (off_t)at);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0 || memcmp(chunk, p, (size_t)k) != 0)
			return false;
		p += k;
		n -= (size_t)k;
		at += (unsigned long long)k;
	}
	return true;
}

/* While the new bytes equal the old file's, nothing is written; at the first
 * difference the temporary file is made. */
static int compare_or_write(struct outfile *o, const char *p, size_t n)
{
	o->bytes += n;
	if (o->fd < 0) {
		if (old_has(o, p, n)) {
			o->matched += n;
			return 0;
		}
		if (start_temp(o) != 0)
			return -1;
	}
	if (write_all(o->fd, p, n) != 0) {
		o->error = errno ? errno : EIO;
		return -1;
	}
	return 0;
}

static int xml_write_cb(void *ctx, const char *buffer, int len)
{
	struct outfile *o = ctx;
	if (o->error)
		return -1;
	if (o->path) {
		if (compare_or_write(o, buffer, (size_t)len) != 0)
			return -1;
		return len;
	}
	o->bytes += (size_t)len;
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
	/* Every new byte matched: unchanged if the old file ends there too. */
	char one;
	if (!o->error && o->fd < 0 && pread(o->old_fd, &one, 1, (off_t)o->matched) == 0) {
		outfile_abort(o);
		return 0;
	}
	if (!o->error && o->fd < 0)
		start_temp(o);
	if (o->error) {
		diag_report(diag, DIAG_ERROR, name, 0, 0, "write-error", "%s: %s",
			    o->failed_step ? o->failed_step : "write failed", strerror(o->error));
		outfile_abort(o);
		return -1;
	}
	if (o->old_fd >= 0)
		close(o->old_fd);
	o->old_fd = -1;
	*changed = true;
	start_writeback(o->fd);
	return 0;
}

int outfile_place(struct outfile *o, bool synced, struct diag_sink *diag)
{
	if (!synced && fsync(o->fd) != 0) {
		o->error = errno;
		diag_report(diag, DIAG_ERROR, o->path, 0, 0, "write-error", "write failed: %s", strerror(errno));
		outfile_abort(o);
		return -1;
	}
	if (place(o) != 0) {
		o->error = errno;
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
	if (o->old_fd >= 0)
		close(o->old_fd);
	o->old_fd = -1;
	if (o->fd >= 0)
		close(o->fd);
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	o->fd = -1;
	o->tmp = o->path = NULL;
}
