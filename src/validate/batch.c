/* batch.c: many documents on several threads, results in input order
 * (batch.h). */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/nofollow.h"
#include "base/workers.h"
#include "validate/batch.h"
#include "validate/sniff.h"

void validate_fetched(struct validator *v, const struct fetch_result *res, struct vreport *out)
{
	const char *body = res->body.data ? res->body.data : "";
	validate_document(v, body, res->body.len, out);
	validate_media_type(res->content_type, out);
	validate_charset(res->content_type, body, res->body.len, out);
	validate_self_location(res->final_url, body, res->body.len, out);
}

/* Appends fd's bytes to b until it holds want bytes or the file ends. */
static int read_upto(int fd, struct buf *b, size_t want)
{
	char chunk[65536];
	while (b->len < want) {
		size_t n = want - b->len < sizeof chunk ? want - b->len : sizeof chunk;
		ssize_t r = read_full(fd, chunk, n);
		if (r < 0)
			return -1;
		buf_add(b, chunk, (size_t)r);
		if ((size_t)r < n)
			return 1;	/* the end */
	}
	return 0;
}

/* Is the open file at fd, named rel, one to check? Its first bytes say,
 * or its name (sniff.h). */
static int wants_check(int fd, const char *rel, bool *check)
{
	struct buf b;
	buf_init(&b);
	int r = read_upto(fd, &b, SNIFF_PREFIX);
	enum sniff_kind k = SNIFF_NONE;
	if (r >= 0)
		k = sniff_document(b.data ? b.data : "", b.len, r == 1);
	if (k == SNIFF_MORE) {
		/* A JSON text that does not name jsonfeed.org at its start is read
		 * whole to find its version, up to a bound: a larger one (a search
		 * index) is no feed. */
		r = read_upto(fd, &b, VBATCH_JSON_MAX + 1);
		k = r < 0 || b.len > VBATCH_JSON_MAX ? SNIFF_OTHER
						      : sniff_document(b.data, b.len, true);
	}
	buf_free(&b);
	if (r < 0)
		return -1;
	*check = k == SNIFF_FEED || k == SNIFF_JSON_FEED || sniff_name_is_feed(rel) ||
		 (k == SNIFF_NONE && sniff_name_is_xml(rel));
	return 0;
}

static void run_file(struct validator *v, struct vjob *job)
{
	int fd = nofollow_open(job->dir, job->rel);
	if (fd < 0) {
		snprintf(job->why, sizeof job->why, "%s", errno == ELOOP || errno == ENOTDIR
			 ? "a symbolic link on the way, not followed" : strerror(errno));
		job->rc = -1;
		return;
	}
	struct stat st;
	bool check = false;
	if (fstat(fd, &st) != 0 || wants_check(fd, job->rel, &check) < 0 ||
	    (check && lseek(fd, 0, SEEK_SET) != 0)) {
		snprintf(job->why, sizeof job->why, "%s", strerror(errno));
		job->rc = -1;
	} else if (!S_ISREG(st.st_mode) || !check) {
		job->skipped = true;
	} else if (validate_fd(v, fd, &job->rep) < 0) {
		snprintf(job->why, sizeof job->why, "%s", strerror(errno));
		job->rc = -1;
	}
	close(fd);
}

/* Is a fetched body a feed, for a job that checks only feeds? */
static bool is_feed(const char *body, size_t len)
{
	bool complete = len <= SNIFF_PREFIX;
	enum sniff_kind k = sniff_document(body, complete ? len : SNIFF_PREFIX, complete);
	if (k == SNIFF_MORE)
		k = sniff_document(body, len, true);
	return k == SNIFF_FEED || k == SNIFF_JSON_FEED;
}

static void run_url(struct validator *v, struct vjob *job, const struct vbatch_options *o)
{
	struct fetch_result res;
	job->rc = fetch_url(job->url, o->fetch, &res, job->why, sizeof job->why);
	const char *body = res.body.data ? res.body.data : "";
	if (job->rc != 0) {
		/* nothing checked: why says why */
	} else if (job->may_be_page && sniff_is_page(res.content_type, body, res.body.len)) {
		job->page = true;
		job->page_body = res.body;
		buf_init(&res.body);
		job->page_url = xstrdup(res.final_url ? res.final_url : job->url);
	} else if (job->sniff && !is_feed(body, res.body.len)) {
		job->skipped = true;
	} else {
		validate_fetched(v, &res, &job->rep);
	}
	fetch_result_free(&res);
}

void vjob_run(struct validator *v, struct vjob *job, const struct vbatch_options *o)
{
	job->skipped = job->page = false;
	job->rc = 0;
	job->why[0] = '\0';
	vreport_init(&job->rep);
	job->rep.keep_max = o->keep_max;
	buf_init(&job->page_body);
	job->page_url = NULL;
	if (job->url)
		run_url(v, job, o);
	else
		run_file(v, job);
	if (job->rc == 0 && !job->skipped && !job->page)
		vreport_sort(&job->rep);
}

void vjob_clear(struct vjob *job)
{
	vreport_free(&job->rep);
	buf_free(&job->page_body);
	free(job->page_url);
	job->page_url = NULL;
}

/* One thread: takes the next job of the chunk until none is left. */
struct worker {
	struct validator *v;
	struct vjob *jobs;
	size_t n;
	atomic_size_t *next;
	const struct vbatch_options *o;
};

static int work(void *arg)
{
	struct worker *w = arg;
	for (size_t i; (i = atomic_fetch_add(w->next, 1)) < w->n;)
		vjob_run(w->v, &w->jobs[i], w->o);
	return 0;
}

void vbatch_run(struct validator *v, struct vjob *jobs, size_t n,
		const struct vbatch_options *o, void (*done)(struct vjob *, void *), void *ctx)
{
	size_t threads = o->threads < 1 ? 1 : o->threads > WORKERS_MAX ? WORKERS_MAX : o->threads;
	if (threads > n)
		threads = n;
	struct worker w[WORKERS_MAX];
	void *args[WORKERS_MAX];
	size_t started = 1;
	w[0].v = v;
	/* Validators are made here, on this thread, before any thread runs:
	 * validator_new() sets libxml2's process-wide entity loader. */
	while (started < threads && (w[started].v = validator_new()) != NULL)
		started++;
	for (size_t from = 0; from < n; from += VBATCH_CHUNK) {
		size_t k = n - from < VBATCH_CHUNK ? n - from : VBATCH_CHUNK;
		atomic_size_t next = 0;
		for (size_t t = 0; t < started; t++) {
			w[t] = (struct worker){ w[t].v, jobs + from, k, &next, o };
			args[t] = &w[t];
		}
		workers_run(work, args, started < k ? started : k);
		for (size_t i = from; i < from + k; i++) {
			done(&jobs[i], ctx);
			vjob_clear(&jobs[i]);
		}
	}
	for (size_t t = 1; t < started; t++)
		validator_free(w[t].v);
}
