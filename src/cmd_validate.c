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
#include <unistd.h>

#include <jansson.h>

#include "base/diag.h"
#include "base/fetch.h"
#include "cmd_validate.h"
#include "validate/validate.h"

enum { EXIT_VALID = 0, EXIT_INVALID = 1, EXIT_USAGE = 2 };

/* The command as messages name it. */
static const char prog[] = "feedgen validate";

struct vopts {
	bool strict;
	bool quiet;		/* errors only: no warnings, notes or summary lines */
	enum diag_format format;
	enum diag_color color;
	struct fetch_options fetch;
};

/* Within 80 columns (tests/habits.sh checks). */
static void usage(FILE *f)
{
	fputs("Usage: feedgen validate [OPTION]... FILE|URL|-...\n"
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
	      "  -h, --help           show this help\n"
	      "\n"
	      "After each document's messages, a summary line; after several documents, a\n"
	      "total (neither with -q; with --format json the document has the counts):\n"
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
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	long v;
	int ch;
	static char name[] = "feedgen validate";
	argv[0] = name;	/* getopt_long()'s messages name argv[0] */
	optind = 1;
	while ((ch = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
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

/* Checks one input into r. Files and standard input are read as a stream
 * (validate.h), a URL whole, as fetch.h delivers it. On failure writes a
 * one-line reason to why. */
static int check_input(struct validator *v, const char *name, const struct vopts *o,
		       struct vreport *r, char *why, size_t whylen)
{
	if (is_url(name)) {
		struct fetch_result res;
		int rc = fetch_url(name, &o->fetch, &res, why, whylen);
		if (rc == 0) {
			validate_document(v, res.body.data ? res.body.data : "", res.body.len, r);
			validate_media_type(res.content_type, r);
			validate_charset(res.content_type, res.body.data ? res.body.data : "",
					 res.body.len, r);
			validate_self_location(res.final_url, res.body.data ? res.body.data : "",
					       res.body.len, r);
		}
		fetch_result_free(&res);
		return rc;
	}
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

int cmd_validate(int argc, char **argv)
{
	struct vopts o = { 0 };
	fetch_options_default(&o.fetch);
	if (parse_options(argc, argv, &o) < 0)
		return EXIT_USAGE;
	if (optind >= argc) {
		diag_usage(prog, "no FILE, URL or - given");
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
		int rc = validate_one(v, argv[i], &o, docs, &total);
		if (rc > status)
			status = rc;
	}
	if (!docs && !o.quiet && total.documents > 1)
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
