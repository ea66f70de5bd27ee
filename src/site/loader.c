/* loader.c: a site folder into the article list — the walk (walk.h), each
 * candidate read (postfile.h) on as many threads as pay off, then Jekyll's
 * filters and one post an id (jekyll.h), newest first. */
#include <config.h>

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strmap.h"
#include "base/text.h"
#include "base/workers.h"
#include "site/jekyll.h"
#include "site/loader.h"
#include "site/postfile.h"
#include "site/walk.h"

/* Parallel loading: the workers share the candidate list and take chunks of
 * it; each keeps its diagnostics (tagged with the candidate's index) to be
 * printed in candidate order afterwards, so output does not depend on which
 * thread was faster. */
#define LOAD_CHUNK 64
#define LOAD_THREADS_MAX 4
#define LOAD_PARALLEL_MIN 512	/* fewer posts than this: one thread is quicker */

/* One slot a candidate in each array. What the serial steps after loading
 * need of a post is found by the loading threads and kept here, side by
 * side, so that those steps do not visit 10,000s of posts scattered in
 * memory. */
struct load_job {
	const struct site *site;
	const struct load_options *opt;
	struct walk *w;
	struct post **loaded;	/* NULL: none, or not to be published */
	bool *failed;
	uint64_t *id_hash;	/* strmap_hash() of the entry id */
	bool *as_utc;		/* date_as_utc */
	atomic_size_t next;
};

struct load_worker {
	struct load_job *job;
	struct diag_records rec;
	struct diag_sink sink;
};

static void load_one(struct load_job *job, size_t i, struct diag_sink *diag)
{
	static const struct strlist none;
	struct candidate *c = &job->w->v[i];
	/* Without any _posts/ the folder itself holds the posts. */
	if (job->w->saw_posts_dir ? c->role == DIR_PLAIN : c->role != DIR_PLAIN)
		return;
	struct buf path;
	buf_init(&path);
	buf_printf(&path, "%s/%s", job->site->dir, c->relpath);
	struct post *p = load_post_file(job->site, path.data, c->relpath,
					job->w->saw_posts_dir ? &c->cats : &none, diag,
					&job->failed[i]);
	buf_free(&path);
	if (p && c->role == DIR_DRAFTS)
		p->draft = true;
	if (p && !jekyll_wanted(p, job->site, job->opt)) {
		post_free(p);
		p = NULL;
	}
	if (p) {
		job->id_hash[i] = strmap_hash(p->entry_id);
		job->as_utc[i] = p->date_as_utc;
	}
	job->loaded[i] = p;
	/* The post holds its own copies: free as we go to keep the peak low. */
	free(c->relpath);
	c->relpath = NULL;
	strlist_free(&c->cats);
}

static int load_worker_run(void *arg)
{
	struct load_worker *lw = arg;
	struct load_job *job = lw->job;
	for (;;) {
		size_t i = atomic_fetch_add(&job->next, LOAD_CHUNK);
		if (i >= job->w->n)
			break;
		size_t end = i + LOAD_CHUNK < job->w->n ? i + LOAD_CHUNK : job->w->n;
		for (; i < end; i++) {
			lw->rec.tag = i;
			load_one(job, i, &lw->sink);
		}
	}
	return 0;
}

static int by_tag(const void *a, const void *b)
{
	const struct diag_record *ra = *(const struct diag_record *const *)a;
	const struct diag_record *rb = *(const struct diag_record *const *)b;
	if (ra->tag != rb->tag)
		return ra->tag < rb->tag ? -1 : 1;
	/* One candidate's records come from one worker, in order. */
	return ra < rb ? -1 : ra > rb;
}

static void replay_in_order(struct load_worker *lw, size_t nw, struct diag_sink *diag)
{
	size_t total = 0;
	for (size_t k = 0; k < nw; k++)
		total += lw[k].rec.n;
	if (!total)
		return;
	const struct diag_record **all = xmalloc(total * sizeof *all);
	size_t o = 0;
	for (size_t k = 0; k < nw; k++)
		for (size_t i = 0; i < lw[k].rec.n; i++)
			all[o++] = &lw[k].rec.v[i];
	qsort(all, total, sizeof *all, by_tag);
	for (size_t i = 0; i < total; i++)
		diag_replay(diag, all[i]);
	free(all);
}

/* Load every candidate into job->loaded, on as many threads as pay off:
 * this thread is worker 0, the others are started beside it. */
static void load_all(struct load_job *job, struct diag_sink *diag)
{
	size_t nw = workers_count(job->w->n, LOAD_PARALLEL_MIN, LOAD_THREADS_MAX);
	if (nw == 1) {
		for (size_t i = 0; i < job->w->n; i++)
			load_one(job, i, diag);
		return;
	}
	struct load_worker lw[LOAD_THREADS_MAX];
	void *args[LOAD_THREADS_MAX];
	for (size_t k = 0; k < nw; k++) {
		lw[k].job = job;
		memset(&lw[k].rec, 0, sizeof lw[k].rec);
		diag_sink_init_record(&lw[k].sink, &lw[k].rec);
		args[k] = &lw[k];
	}
	size_t started = workers_run(load_worker_run, args, nw);
	replay_in_order(lw, started, diag);
	for (size_t k = 0; k < started; k++)
		diag_records_free(&lw[k].rec);
}

/* One warning a site, at the first post whose date Jekyll reads as UTC, with
 * the offset the site's zone has at that date. */
static void report_utc_dates(const struct site *site, const struct post *p, size_t more,
			     struct diag_sink *diag)
{
	int off = p->date.off / 60;
	char sign = off < 0 ? '-' : '+';
	off = off < 0 ? -off : off;
	char others[64] = "";
	if (more)
		snprintf(others, sizeof others, " (so are %zu more post%s)", more, more == 1 ? "" : "s");
	diag_report(diag, DIAG_WARNING, p->path, p->date_line, p->date_col, "date-utc",
		    "this date, without quotes or an offset, is a YAML timestamp that Jekyll reads "
		    "as UTC, not as %s time%s; add the offset (%c%02d%02d) "
		    "or quote it to mean local time",
		    site->timezone && *site->timezone ? site->timezone : "the site's", others, sign,
		    off / 60, off % 60);
}

/* Load the files the walk w found into list. */
static unsigned long load_walked(const struct site *site, const struct load_options *opt,
				 struct walk *walked, struct post_list *list, unsigned long failed,
				 struct diag_sink *diag);

unsigned long load_posts(const struct site *site, const struct load_options *opt,
			 struct post_list *list, struct diag_sink *diag)
{
	struct walk w = {.site = site, .drafts = opt->drafts || site->show_drafts, .diag = diag};
	unsigned long before = diag->errors;
	walk_site(&w);
	/* An unreadable folder may hide posts: that counts as a failure too. */
	return load_walked(site, opt, &w, list, diag->errors - before, diag);
}

/* Jekyll's Collection#read: the documents of _<label>/ with front matter;
 * published unless `published: false`, whatever their date (only posts wait
 * for theirs); no categories from folders. */
unsigned long load_collections(struct site *site, const struct load_options *opt,
			       struct diag_sink *diag)
{
	unsigned long failed = 0;
	struct load_options all = *opt;
	all.future = true;
	for (size_t i = 0; i < site->ncollections; i++) {
		struct walk w = {.site = site, .saw_posts_dir = true, .diag = diag};
		unsigned long before = diag->errors;
		walk_collection(&w, site->collections[i].label);
		failed += load_walked(site, &all, &w, &site->collections[i].docs,
				      diag->errors - before, diag);
	}
	return failed;
}

static unsigned long load_walked(const struct site *site, const struct load_options *opt,
				 struct walk *walked, struct post_list *list, unsigned long failed,
				 struct diag_sink *diag)
{
	struct walk w = *walked;
	struct load_job job = {.site = site, .opt = opt, .w = &w};
	size_t slots = w.n ? w.n : 1;
	job.loaded = xcalloc(slots, sizeof *job.loaded);
	job.failed = xcalloc(slots, sizeof *job.failed);
	job.id_hash = xmalloc(slots * sizeof *job.id_hash);
	job.as_utc = xcalloc(slots, sizeof *job.as_utc);
	atomic_init(&job.next, 0);
	load_all(&job, diag);
	const struct post *utc_example = NULL;
	size_t utc_more = 0;
	/* The ids' hashes in list order, the list's earlier posts (if any) too. */
	uint64_t *hash = xmalloc((list->n + slots) * sizeof *hash);
	for (size_t i = 0; i < list->n; i++)
		hash[i] = strmap_hash(list->v[i]->entry_id);
	for (size_t i = 0; i < w.n; i++) {
		struct post *p = job.loaded[i];
		failed += job.failed[i];
		if (!p)
			continue;
		if (job.as_utc[i] && utc_example)
			utc_more++;
		if (job.as_utc[i] && !utc_example)
			utc_example = p;
		hash[list->n] = job.id_hash[i];
		post_list_add(list, p);
	}
	free(job.loaded);
	free(job.failed);
	free(job.id_hash);
	free(job.as_utc);
	if (utc_example)
		report_utc_dates(site, utc_example, utc_more, diag);
	failed += jekyll_drop_duplicate_ids(list, hash, diag);
	free(hash);
	walk_free(&w);
	post_list_sort(list);
	return failed;
}
