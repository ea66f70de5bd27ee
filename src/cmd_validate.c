/* cmd_validate.c: `feedgen validate [OPTION]... FILE|URL|-...` — options,
 * reading each input (file or standard input as a stream, or http(s) URL
 * through fetch.h), and printing what the validator found: GNU-style lines, GitHub
 * Actions annotations (both through diag.h, one summary line per document
 * after them), or one JSON document for every input. */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "base/diag.h"
#include "base/fetch.h"
#include "base/workers.h"
#include "cmd_validate.h"
#include "validate/batch.h"
#include "validate/discover.h"
#include "ruledoc.h"
#include "validate/validate.h"
#include "validate/walkdir.h"

enum { EXIT_VALID = 0, EXIT_INVALID = 1, EXIT_USAGE = 2 };

/* The command as messages name it. */
static const char prog[] = "feedgen validate";

struct vopts {
	bool strict;
	bool quiet;		/* errors only: no warnings, notes or summary lines */
	enum diag_format format;
	enum diag_color color;
	struct fetch_options fetch;
	size_t jobs;	/* --jobs: documents checked at once; 0: one a core */
};

/* Within 80 columns (tests/habits.sh checks). */
static void usage(FILE *f)
{
	fputs("Usage: feedgen validate [OPTION]... FILE|DIR|URL|-...\n"
	      "Check RSS 2.0 and Atom 1.0 feeds: XML, the RELAX NG schemas, and the rules of\n"
	      "RFC 4287 and the RSS 2.0 specification.\n"
	      "\n"
	      "      --strict         count warnings as errors\n"
	      "  -q, --quiet          errors only: no warnings, notes or summary lines\n"
	      "      --format FMT     gnu (default), json (one document) or github (GitHub\n"
	      "                       Actions annotations: ::error file=...,line=...::message)\n"
	      "      --color WHEN     colour gnu messages: auto (default: on a terminal,\n"
	      "                       unless NO_COLOR is set), always or never\n"
	      "      --timeout SEC    HTTP timeout in seconds, 1 to 86400 (default 30)\n"
	      "      --max-size SIZE  largest document fetched over HTTP, in bytes or with\n"
	      "                       K, M or G (K = 1024): 512K, 50M, 2G (default 50M)\n"
	      "  -j, --jobs N         check N documents of a folder or page at once\n"
	      "                       (default: one a core, at most 8)\n"
	      "      --list-rules     list every rule (--format text, json or man)\n"
	      "      --explain RULE   why RULE matters, an example that breaks it, the fix\n"
	      "  -h, --help           show this help\n"
	      "\n"
	      "After each document's messages, a summary line; after several inputs, a total\n"
	      "(neither with -q; with --format json the document has the counts):\n"
	      "  FILE: KIND, valid: N errors, N warnings\n"
	      "  feedgen validate: N documents, N valid, N invalid, N unreadable, ...\n"
	      "\n"
	      "Exit status: 0 all documents valid (warnings allowed), 1 some document\n"
	      "invalid, 2 usage or I/O errors.\n", f);
}

static int parse_long(const char *s, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v <= 0)
		return -1;
	*out = v;
	return 0;
}

/* --max-size: bytes, or K, M or G (powers of 1024, as people write sizes),
 * optionally followed by B or iB: "50M", "512KiB". At most half of SIZE_MAX
 * (libcurl takes it as a signed curl_off_t). */
static int parse_size(const char *s, size_t *out)
{
	static const char units[] = "KMG";
	if (!isdigit((unsigned char)*s))
		return -1;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || v == 0)
		return -1;
	int shift = 0;
	const char *unit = *end ? strchr(units, toupper((unsigned char)*end)) : NULL;
	if (unit) {
		shift = 10 * (int)(unit - units + 1);
		end++;
	}
	if (strcmp(end, "B") == 0 || (unit && strcmp(end, "iB") == 0))
		end += strlen(end);
	if (*end || v > ((SIZE_MAX / 2) >> shift))
		return -1;
	*out = (size_t)v << shift;
	return 0;
}

/* The longest --timeout taken: a day. (libcurl counts milliseconds in a
 * long and refuses what overflows them, which it then reports as "Failed
 * initialization".) */
#define TIMEOUT_MAX_S 86400L

static int parse_options(int argc, char **argv, struct vopts *o)
{
	enum { OPT_STRICT = 256, OPT_FORMAT, OPT_TIMEOUT, OPT_MAX_SIZE, OPT_COLOR };
	static const struct option longopts[] = {
		{"strict", no_argument, NULL, OPT_STRICT},
		{"quiet", no_argument, NULL, 'q'},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"color", required_argument, NULL, OPT_COLOR},
		{"timeout", required_argument, NULL, OPT_TIMEOUT},
		{"max-size", required_argument, NULL, OPT_MAX_SIZE},
		{"jobs", required_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	long v;
	int ch;
	static char name[] = "feedgen validate";
	argv[0] = name;	/* getopt_long()'s messages name argv[0] */
	optind = 1;
	while ((ch = getopt_long(argc, argv, "qhj:", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_STRICT: o->strict = true; break;
		case 'q': o->quiet = true; break;
		case OPT_FORMAT:
			if (diag_format_parse(optarg, &o->format) != 0) {
				diag_usage_value(prog, "--format", optarg, diag_format_names);
				return -1;
			}
			break;
		case OPT_COLOR:
			if (diag_color_parse(optarg, &o->color) != 0) {
				diag_usage_value(prog, "--color", optarg, diag_color_names);
				return -1;
			}
			break;
		case OPT_TIMEOUT:
			if (parse_long(optarg, &v) < 0 || v > TIMEOUT_MAX_S) {
				diag_usage_value(prog, "--timeout", optarg,
						 "a whole number of seconds from 1 to 86400");
				return -1;
			}
			o->fetch.timeout_s = v;
			break;
		case OPT_MAX_SIZE:
			if (parse_size(optarg, &o->fetch.max_size) < 0) {
				diag_usage_value(prog, "--max-size", optarg, "a whole number of bytes, "
						 "or with K, M or G (K = 1024): 512K, 50M, 2G");
				return -1;
			}
			break;
		case 'j':
			if (parse_long(optarg, &v) < 0) {
				diag_usage_value(prog, "--jobs", optarg, "a whole number from 1 "
						 "(more than 8 is taken as 8)");
				return -1;
			}
			o->jobs = (size_t)v > WORKERS_MAX ? WORKERS_MAX : (size_t)v;
			break;
		case 'h': usage(stdout); exit(EXIT_VALID);
		default: diag_usage_hint(prog); return -1;	/* getopt_long() said what */
		}
	}
	return 0;
}

/* ---- input ---- */

static bool is_url(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0;
}

/* Checks one file or standard input into r, read as a stream (validate.h);
 * URLs and folders go to validate_input(). On failure writes a one-line
 * reason to why. */
static int check_input(struct validator *v, const char *name, const struct vopts *o,
		       struct vreport *r, char *why, size_t whylen)
{
	(void)o;
	bool is_stdin = strcmp(name, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(name, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(why, whylen, "%s", strerror(errno));
		return -1;
	}
	int rc = validate_fd(v, fd, r);
	if (rc < 0)
		snprintf(why, whylen, "%s", strerror(errno));
	if (!is_stdin)
		close(fd);
	return rc;
}

/* ---- output ---- */

static const char *const severity_names[] = {
	[DIAG_NOTE] = "note", [DIAG_WARNING] = "warning", [DIAG_ERROR] = "error",
};

static bool doc_failed(const struct vreport *r, const struct vopts *o)
{
	return r->errors > 0 || (o->strict && r->warnings > 0);
}

static unsigned long not_shown(const struct vreport *r)
{
	return r->hidden_errors + r->hidden_warnings;
}

/* The gnu and github forms: a line per diagnostic, a note per rule with
 * diagnostics past the caps of report.h, then the summary (with --quiet the
 * errors alone). */
static void print_lines(const char *name, const struct vreport *r, const struct vopts *o)
{
	struct diag_sink sink;
	diag_sink_init(&sink, stdout);
	sink.format = o->format;
	sink.quiet = o->quiet;
	sink.color = diag_color_wanted(o->color, o->format, stdout);
	for (size_t i = 0; i < r->n; i++) {
		const struct vdiag *d = &r->v[i];
		enum diag_severity sev = o->strict && d->sev == DIAG_WARNING ? DIAG_ERROR : d->sev;
		diag_report(&sink, sev, name, d->line, d->col, d->rule, "%s", d->message);
	}
	size_t n = 0;
	struct vtally *hidden = vreport_not_shown(r, &n);
	for (size_t i = 0; i < n; i++) {
		const struct vtally *t = &hidden[i];
		/* --quiet still says that errors were left out. */
		bool errors = t->hidden_errors > 0 || (o->strict && t->hidden_warnings > 0);
		sink.quiet = o->quiet && !errors;
		diag_report(&sink, DIAG_NOTE, name, 0, 0, "not-shown",
			    "%lu more %s diagnostics not shown (%lu errors, %lu warnings): "
			    "at most %d of a rule and %d in all are shown",
			    t->hidden_errors + t->hidden_warnings, t->rule, t->hidden_errors,
			    t->hidden_warnings, VREPORT_RULE_MAX, VREPORT_KEEP_MAX);
	}
	sink.quiet = o->quiet;
	free(hidden);
	if (o->quiet)
		return;
	printf("%s: %s, %s: %lu error%s, %lu warning%s", name, doc_kind_name(r->kind),
	       doc_failed(r, o) ? "invalid" : "valid", r->errors, r->errors == 1 ? "" : "s",
	       r->warnings, r->warnings == 1 ? "" : "s");
	if (not_shown(r) > 0)
		printf(" (%lu not shown)", not_shown(r));
	putchar('\n');
}

/* The counts of every document, for the total line. */
struct vtotal {
	unsigned long documents, valid, invalid, unreadable, errors, warnings;
};

static void total_add(struct vtotal *t, int rc, const struct vreport *r)
{
	t->documents++;
	if (rc == EXIT_USAGE) {
		t->unreadable++;
		return;
	}
	if (rc == EXIT_VALID)
		t->valid++;
	else
		t->invalid++;
	t->errors += r->errors;
	t->warnings += r->warnings;
}

/* After several documents' summary lines (gnu, github), their total. */
static void print_total(const struct vtotal *t)
{
	printf("%s: %lu documents, %lu valid, %lu invalid, %lu unreadable, %lu error%s, "
	       "%lu warning%s\n", prog, t->documents, t->valid, t->invalid, t->unreadable,
	       t->errors, t->errors == 1 ? "" : "s", t->warnings, t->warnings == 1 ? "" : "s");
}

/* {"rule-id": N, ...}: how many of each rule were not shown. */
static json_t *json_not_shown(const struct vreport *r)
{
	json_t *by_rule = json_object();
	size_t n = 0;
	struct vtally *hidden = vreport_not_shown(r, &n);
	for (size_t i = 0; i < n; i++)
		json_object_set_new(by_rule, hidden[i].rule,
				    json_integer((json_int_t)(hidden[i].hidden_errors +
							      hidden[i].hidden_warnings)));
	free(hidden);
	return by_rule;
}

static json_t *json_document(const char *name, const struct vreport *r, const struct vopts *o)
{
	json_t *diags = json_array();
	for (size_t i = 0; i < r->n; i++) {
		const struct vdiag *d = &r->v[i];
		bool error = d->sev == DIAG_ERROR || (o->strict && d->sev == DIAG_WARNING);
		if (o->quiet && !error)
			continue;	/* --quiet: the errors alone */
		json_array_append_new(diags, json_pack("{s:s, s:I, s:I, s:s, s:s, s:s, s:s}",
			"file", name, "line", (json_int_t)d->line, "column", (json_int_t)d->col,
			"severity", severity_names[d->sev], "rule", d->rule, "message", d->message,
			"spec", d->spec));
	}
	unsigned long hidden = not_shown(r);
	return json_pack("{s:s, s:s, s:b, s:I, s:I, s:o, s:I, s:o}", "file", name,
			 "kind", doc_kind_name(r->kind), "valid", !doc_failed(r, o),
			 "errors", (json_int_t)r->errors, "warnings", (json_int_t)r->warnings,
			 "diagnostics", diags, "not_shown", (json_int_t)hidden,
			 "not_shown_by_rule", hidden ? json_not_shown(r) : json_object());
}

static json_t *json_io_error(const char *name, const char *why)
{
	return json_pack("{s:s, s:s, s:b, s:s}", "file", name, "kind", "unread", "valid", 0,
			 "io_error", why);
}

/* An input that could not be read: an annotation on the input (github, on
 * standard output with the report), else a message on standard error, with
 * its rule and the name escaped as every message is. */
static void print_io_error(const char *name, const char *why, const struct vopts *o)
{
	enum diag_format format = o->format;
	struct diag_sink sink;
	FILE *out = format == DIAG_GITHUB ? stdout : stderr;
	diag_sink_init(&sink, out);
	sink.format = format;
	sink.color = diag_color_wanted(o->color, format, out);
	diag_report(&sink, DIAG_ERROR, name, 0, 0, "io-error", "cannot read: %s", why);
}

/* ---- driver ---- */

/* Did every byte of the report reach standard output? A report lost (a full
 * disk, a closed pipe) is an I/O error, exit status 2, not a verdict. */
static bool report_written(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return true;
	fprintf(stderr, "feedgen validate: cannot write the report: %s\n",
		strerror(errno ? errno : EIO));
	return false;
}

/* Validates one input into total; returns its exit status. The input is
 * named in every form with the password of a URL's user information masked. */
static int validate_one(struct validator *v, const char *input, const struct vopts *o, json_t *docs,
			struct vtotal *total)
{
	char why[512] = "";
	char *name = is_url(input) ? fetch_redact_url(input) : xstrdup(input);
	struct vreport r;
	vreport_init(&r);
	int rc = EXIT_USAGE;
	if (check_input(v, input, o, &r, why, sizeof why) < 0) {
		if (docs)
			json_array_append_new(docs, json_io_error(name, why));
		else
			print_io_error(name, why, o);
	} else {
		vreport_sort(&r);
		if (docs)
			json_array_append_new(docs, json_document(name, &r, o));
		else
			print_lines(strcmp(name, "-") == 0 ? "<stdin>" : name, &r, o);
		rc = doc_failed(&r, o) ? EXIT_INVALID : EXIT_VALID;
	}
	total_add(total, rc, &r);
	vreport_free(&r);
	free(name);
	return rc;
}

/* ---- folders and pages: every feed of a folder, found by its content, and
 * the feeds a page links to (walkdir.h, sniff.h, discover.h, batch.h) ---- */

/* What the documents of one folder or page came to. */
struct vgroup {
	const struct vopts *o;
	json_t *docs;
	const char *dir;	/* a folder: its name as given, without a final '/' */
	const char *page;	/* a page: its name (redacted) */
	const struct feed_links *links;	/* a page's, one a job */
	const struct vjob *jobs;
	struct vtotal *total;	/* every document's counts, for the total line */
	unsigned long checked, valid, invalid, warnings, skipped;
	int status;
};

/* A diagnostic of the folder or page itself (no feed in it, links capped):
 * a line on standard output, or a document of the JSON report. */
static void group_diag(const struct vgroup *g, const char *name, unsigned long line,
		       enum diag_severity sev, const char *rule, const char *message)
{
	if (g->docs) {
		json_array_append_new(g->docs, json_pack(
			"{s:s, s:s, s:b, s:I, s:I, s:[{s:s, s:I, s:I, s:s, s:s, s:s}]}",
			"file", name, "kind", g->page ? "page" : "folder", "valid",
			sev != DIAG_ERROR, "errors", (json_int_t)(sev == DIAG_ERROR), "warnings",
			(json_int_t)0, "diagnostics", "file", name, "line", (json_int_t)line,
			"column", (json_int_t)0, "severity", severity_names[sev], "rule", rule,
			"message", message));
		return;
	}
	struct diag_sink sink;
	diag_sink_init(&sink, stdout);
	sink.format = g->o->format;
	sink.quiet = g->o->quiet;
	sink.color = diag_color_wanted(g->o->color, g->o->format, stdout);
	diag_report(&sink, sev, name, line, 0, rule, "%s", message);
}

/* One job's report, printed as validate_one() prints a document's. */
static void group_done(struct vjob *job, void *ctx)
{
	struct vgroup *g = ctx;
	const struct vopts *o = g->o;
	const struct feed_link *link = g->links ? &g->links->v[job - g->jobs] : NULL;
	char *name = job->url ? fetch_redact_url(job->url) : NULL;
	if (!name) {
		size_t n = strlen(g->dir) + strlen(job->rel) + 2;
		name = xmalloc(n);
		bool slash = g->dir[strlen(g->dir) - 1] == '/';	/* the folder "/" */
		snprintf(name, n, slash ? "%s%s" : "%s/%s", g->dir, job->rel);
	}
	bool notes = link && !g->docs && !o->quiet;
	if (job->skipped) {
		g->skipped++;
		if (notes) {
			char msg[600];
			snprintf(msg, sizeof msg, "the page links to %s (%s), which is not a "
				 "feed: not checked", name, link->type);
			group_diag(g, g->page, link->line, DIAG_NOTE, "feed-link-skipped", msg);
		}
		free(name);
		return;
	}
	if (notes) {
		char msg[600];
		snprintf(msg, sizeof msg, "the page links to the feed %s (%s)", name, link->type);
		group_diag(g, g->page, link->line, DIAG_NOTE, "feed-link", msg);
	}
	int rc = EXIT_USAGE;
	if (job->rc < 0) {
		total_add(g->total, rc, &job->rep);
		if (g->docs)
			json_array_append_new(g->docs, json_io_error(name, job->why));
		else
			print_io_error(name, job->why, o);
	} else {
		json_t *doc = g->docs ? json_document(name, &job->rep, o) : NULL;
		if (doc && link)
			json_object_set_new(doc, "linked_from", json_string(g->page));
		if (doc)
			json_array_append_new(g->docs, doc);
		else
			print_lines(name, &job->rep, o);
		rc = doc_failed(&job->rep, o) ? EXIT_INVALID : EXIT_VALID;
		total_add(g->total, rc, &job->rep);
		g->checked++;
		g->warnings += job->rep.warnings;
		if (rc == EXIT_VALID)
			g->valid++;
		else
			g->invalid++;
	}
	if (rc > g->status)
		g->status = rc;
	free(name);
}

static void group_run(struct validator *v, struct vgroup *g, struct vjob *jobs, size_t n)
{
	const struct vopts *o = g->o;
	struct vbatch_options bo = {
		.fetch = &o->fetch, .keep_max = VREPORT_KEEP_MAX,
		.threads = o->jobs ? o->jobs : workers_count(n, 2, WORKERS_MAX),
	};
	g->jobs = jobs;
	vbatch_run(v, jobs, n, &bo, group_done, g);
}

/* "NAME: [what]N feeds checked: V valid, I invalid, W warnings", the start
 * of a folder's or page's summary line, the name escaped as in messages. */
static void print_counts(const char *name, const char *what, const struct vgroup *g)
{
	char *shown = diag_escape(name);
	printf("%s: %s", shown, what);
	free(shown);
	printf("%lu feed%s checked: %lu valid, %lu invalid, %lu warning%s", g->checked,
	       g->checked == 1 ? "" : "s", g->valid, g->invalid, g->warnings,
	       g->warnings == 1 ? "" : "s");
}

/* Every feed below the folder dir: files that are none are skipped without a
 * word; a folder without any feed is an error (a CI step checking a site
 * that wrote none has failed). */
static int validate_folder(struct validator *v, const char *dir, const struct vopts *o,
			   json_t *docs, struct vtotal *total)
{
	size_t len = strlen(dir);
	while (len > 1 && dir[len - 1] == '/')
		len--;
	char *shown = xstrndup(dir, len);
	struct vgroup g = { .o = o, .docs = docs, .dir = shown, .total = total };
	struct walkdir w;
	if (walkdir_read(dir, &w) < 0) {
		char why[256];
		snprintf(why, sizeof why, "%s", strerror(errno));
		if (docs)
			json_array_append_new(docs, json_io_error(shown, why));
		else
			print_io_error(shown, why, o);
		free(shown);
		return EXIT_USAGE;
	}
	struct vjob *jobs = xcalloc(w.n ? w.n : 1, sizeof *jobs);
	for (size_t i = 0; i < w.n; i++)
		jobs[i] = (struct vjob){ .dir = dir, .rel = w.files[i] };
	group_run(v, &g, jobs, w.n);
	free(jobs);
	for (size_t i = 0; i < w.n_errors; i++) {
		char *name = xmalloc(len + strlen(w.errors[i].rel) + 2);
		sprintf(name, !*w.errors[i].rel ? "%s" : shown[len - 1] == '/' ? "%s%s" : "%s/%s",
			shown, w.errors[i].rel);
		if (docs)
			json_array_append_new(docs, json_io_error(name, w.errors[i].why));
		else
			print_io_error(name, w.errors[i].why, o);
		free(name);
		g.status = EXIT_USAGE;
	}
	if (g.checked == 0 && g.status != EXIT_USAGE) {
		char msg[200];
		snprintf(msg, sizeof msg, "no feed in this folder: %zu file%s looked at, none "
			 "an RSS, Atom, RSS 1.0, OPML or JSON feed", w.n, w.n == 1 ? "" : "s");
		group_diag(&g, shown, 0, DIAG_ERROR, "no-feed", msg);
		g.status = EXIT_INVALID;
	}
	if (!docs && !o->quiet) {
		print_counts(shown, "", &g);
		printf("; %lu other file%s skipped", g.skipped, g.skipped == 1 ? "" : "s");
		if (w.links)
			printf(", %zu symbolic link%s not followed", w.links, w.links == 1 ? "" : "s");
		putchar('\n');
	}
	walkdir_free(&w);
	free(shown);
	return g.status;
}

/* The feeds a page links to, each checked as a URL of its own. */
static int validate_page(struct validator *v, const char *name, const struct vjob *top,
			 const struct vopts *o, json_t *docs, struct vtotal *total)
{
	struct vgroup g = { .o = o, .docs = docs, .page = name, .total = total };
	struct feed_links links;
	discover_feeds(top->page_body.data ? top->page_body.data : "", top->page_body.len,
		       top->page_url, DISCOVER_MAX, &links);
	if (links.found > links.n && !o->quiet) {
		char msg[200];
		snprintf(msg, sizeof msg, "the page links to %zu feeds: the first %d are checked",
			 links.found, DISCOVER_MAX);
		group_diag(&g, name, 0, DIAG_NOTE, "feed-links-capped", msg);
	}
	struct vjob *jobs = xcalloc(links.n ? links.n : 1, sizeof *jobs);
	for (size_t i = 0; i < links.n; i++)
		jobs[i] = (struct vjob){ .url = links.v[i].url, .sniff = links.v[i].maybe };
	g.links = &links;
	group_run(v, &g, jobs, links.n);
	free(jobs);
	if (g.checked == 0 && g.status != EXIT_USAGE) {
		char msg[300];
		snprintf(msg, sizeof msg, "an HTML page that links to no feed: no <link "
			 "rel=\"alternate\"> with a feed's type (application/rss+xml, "
			 "application/atom+xml, application/feed+json)%s",
			 links.n ? " names one" : "");
		group_diag(&g, name, 0, DIAG_ERROR, "no-feed-link", msg);
		g.status = EXIT_INVALID;
	}
	if (!docs && !o->quiet && g.checked > 0) {
		print_counts(name, "an HTML page, ", &g);
		putchar('\n');
	}
	feed_links_free(&links);
	return g.status;
}

/* A URL: a feed is checked as it is, a page for the feeds it links to. */
static int validate_url(struct validator *v, const char *url, const struct vopts *o,
			json_t *docs, struct vtotal *total)
{
	char *name = fetch_redact_url(url);
	struct vjob top = { .url = url, .may_be_page = true };
	struct vbatch_options bo = { .fetch = &o->fetch,
				     .keep_max = VREPORT_KEEP_MAX, .threads = 1 };
	vjob_run(v, &top, &bo);
	int rc;
	if (top.page) {
		rc = validate_page(v, name, &top, o, docs, total);
	} else {
		struct vgroup g = { .o = o, .docs = docs, .total = total };
		group_done(&top, &g);
		rc = g.status;
	}
	vjob_clear(&top);
	free(name);
	return rc;
}

/* A folder, a URL, or a file (or - for standard input). */
static int validate_input(struct validator *v, const char *input, const struct vopts *o,
			  json_t *docs, struct vtotal *total)
{
	struct stat st;
	if (is_url(input))
		return validate_url(v, input, o, docs, total);
	if (strcmp(input, "-") != 0 && stat(input, &st) == 0 && S_ISDIR(st.st_mode))
		return validate_folder(v, input, o, docs, total);
	return validate_one(v, input, o, docs, total);
}

int cmd_validate(int argc, char **argv)
{
	/* --list-rules, --explain RULE: the rules' documentation (ruledoc.h). */
	if (ruledoc_wanted(argc, argv))
		return ruledoc_command(argc, argv);
	struct vopts o = { 0 };
	fetch_options_default(&o.fetch);
	if (parse_options(argc, argv, &o) < 0)
		return EXIT_USAGE;
	if (optind >= argc) {
		diag_usage(prog, "no FILE, DIR, URL or - given");
		return EXIT_USAGE;
	}
	if (fcntl(STDOUT_FILENO, F_GETFD) < 0) {
		/* A file opened next would take descriptor 1 and the report go there. */
		fputs("feedgen validate: standard output is closed: the report has nowhere to go\n",
		      stderr);
		return EXIT_USAGE;
	}
	struct validator *v = validator_new();
	if (!v) {
		fputs("feedgen validate: the built-in schemas do not compile\n", stderr);
		return EXIT_USAGE;
	}
	json_t *docs = o.format == DIAG_JSON ? json_array() : NULL;
	int status = EXIT_VALID;
	struct vtotal total = {0};
	for (int i = optind; i < argc; i++) {
		int rc = validate_input(v, argv[i], &o, docs, &total);
		if (rc > status)
			status = rc;
	}
	/* A folder or page has its own summary line: the total is for several inputs. */
	if (!docs && !o.quiet && argc - optind > 1 && total.documents > 1)
		print_total(&total);
	if (docs) {
		json_t *top = json_pack("{s:o}", "documents", docs);
		if (json_dumpf(top, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0)
			fputc('\n', stdout);
		json_decref(top);
	}
	validator_free(v);
	return report_written() ? status : EXIT_USAGE;
}
