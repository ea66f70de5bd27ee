/* output.h: where a feed's bytes go — stdout with every write checked, or a
 * file replaced atomically (temporary file in the same folder, fsync, rename),
 * left untouched when the new bytes equal the old: they are compared with the
 * old file as they come, and the temporary file (and any missing folder) is
 * made only at the first difference, so an unchanged file costs no write at
 * all (a read-only folder is fine).
 *
 * Ownership: struct outfile is the caller's; outfile_commit() or
 * outfile_abort() releases what outfile_open*() took (temp file, names). */
#ifndef FEEDGEN_OUTPUT_H
#define FEEDGEN_OUTPUT_H

#include <stdbool.h>
#include <libxml/xmlIO.h>

#include "base/diag.h"

struct outfile {
	int fd;			/* the temporary file; -1 while the bytes equal old_fd's */
	char *path;		/* final path; NULL for stdout */
	char *tmp;		/* temporary path while writing */
	int error;		/* first errno seen, 0 if none; kept after a failure
				 * (outfile_open, _finish, _place) for the caller */
	const char *failed_step;	/* static; set when making the file failed */
	int old_fd;		/* the old file being compared with, or -1 */
	unsigned long long matched;	/* new bytes equal to the old file's so far */
	unsigned long long bytes;	/* bytes given so far */
	/* Set by a caller writing many files into few folders: it calls
	 * outfile_sync_dir() once a folder, after the renames, instead of
	 * outfile_commit() syncing the folder after each file. */
	bool defer_dir_sync;
};

int outfile_open_stdout(struct outfile *o);
/* Start writing `path`: compare with the file there, or (none) create the
 * temporary file beside it, making missing folders. -1 and a report on
 * failure (o->error says why). */
int outfile_open(struct outfile *o, const char *path, struct diag_sink *diag);

/* An xmlOutputBuffer writing into o; libxml2 frees it when the writer closes.
 * Write errors are kept in o->error. */
xmlOutputBufferPtr outfile_xml_buffer(struct outfile *o);

/* Finish: flush and fsync, then rename over the old file unless the bytes are
 * equal (*changed says which). -1 and a report on any failure, with the old
 * file left as it was and no temporary file left behind. */
int outfile_commit(struct outfile *o, bool *changed, struct diag_sink *diag);
void outfile_abort(struct outfile *o);

/* The two halves of outfile_commit(), for writing many files with one wait
 * for the disk: outfile_finish() checks for write errors and compares with
 * the old file (equal: the temporary file is dropped, *changed false);
 * outfile_sync_batch() makes a batch of finished files durable with one
 * syncfs(2) per file system; outfile_place() then renames each over its old
 * file (`synced` false: it fsyncs the file itself first). Each returns -1
 * after a report, the file's old version left as it was. */
int outfile_finish(struct outfile *o, bool *changed, struct diag_sink *diag);
int outfile_sync_batch(struct outfile *v, size_t n, struct diag_sink *diag);
int outfile_place(struct outfile *o, bool synced, struct diag_sink *diag);

/* fsync the folder, so renames into it survive a crash. */
void outfile_sync_dir(const char *dir);

#endif
