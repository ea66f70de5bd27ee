/* cmd_validate.c: `feedgen validate [OPTION]... FILE|URL|-...` — options,
 * reading each input (file or standard input as a stream, or http(s) URL
 * through fetch.h), and printing what the validator found: GNU-style lines, GitHub
 * Actions annotations (both through diag.h, one summary line per document
 * after them), or one JSON document for every input. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <jansson.h>

#include "base/diag.h"
#include "base/fetch.h"
#include "cmd_validate.h"
#include "ruledoc.h"
#include "validate/validate.h"

enum { EXIT_VALID = 0, EXIT_INVALID = 1, EXIT_USAGE = 2 };

struct vopts {
	bool strict, quiet;
	enum diag_format format;
	struct fetch_options fetch;
};

static void usage(FILE *f)
{
	fputs("Usage: feedgen validate [OPTION]... FILE|URL|-...\n"
	      "Check RSS 2.0 and Atom 1.0 feeds: XML, the RELAX NG schemas, and the rules of\n"
	      "RFC 4287 and the RSS 2.0 specification.\n"
	      "\n"
	      "      --strict         count warnings as errors\n"
	      "  -q, --quiet          print only one summary line per document\n"
	      "      --format FMT     gnu (default), json (one document) or github (GitHub\n"
	      "                       Actions annotations: ::error file=...,line=...::message)\n"
	      "      --timeout SEC    HTTP timeout in seconds, 1 to 86400 (default 30)\n"
	      "      --max-size BYTES largest document fetched over HTTP (default 50 MB)\n"
	      "      --list-rules     list every rule (--format text, json or man)\n"
	      "      --explain RULE   why RULE matters, an example that breaks it, the fix\n"
	      "  -h, --help           show this help\n"
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

/* The longest --timeout taken: a day. (libcurl counts milliseconds in a
 * long and refuses what overflows them, which it then reports as "Failed
 * initialization".) */
#define TIMEOUT_MAX_S 86400L

static int parse_options(int argc, char **argv, struct vopts *o)
{
	enum { OPT_STRICT = 256, OPT_FORMAT, OPT_TIMEOUT, OPT_MAX_SIZE };
	static const struct option longopts[] = {
		{"strict", no_argument, NULL, OPT_STRICT},
		{"quiet", no_argument, NULL, 'q'},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"timeout", required_argument, NULL, OPT_TIMEOUT},
		{"max-size", required_argument, NULL, OPT_MAX_SIZE},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	long v;
	int ch;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_STRICT: o->strict = true; break;
		case 'q': o->quiet = true; break;
		case OPT_FORMAT:
			if (diag_format_parse(optarg, &o->format) != 0) {
				fprintf(stderr, "feedgen validate: --format takes %s, not '%s'\n",
					diag_format_names, optarg);
				return -1;
			}
			break;
		case OPT_TIMEOUT:
			if (parse_long(optarg, &v) < 0 || v > TIMEOUT_MAX_S) {
				fprintf(stderr, "feedgen validate: --timeout takes whole seconds from 1 "
					"to %ld, not '%s'\n", TIMEOUT_MAX_S, optarg);
				return -1;
			}
			o->fetch.timeout_s = v;
			break;
		case OPT_MAX_SIZE:
			if (parse_long(optarg, &v) < 0) {
				fprintf(stderr, "feedgen validate: bad --max-size '%s'\n", optarg);
				return -1;
			}
			o->fetch.max_size = (size_t)v;
			break;
		case 'h': usage(stdout); exit(EXIT_VALID);
		default: return -1;
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
 * diagnostics past the caps of report.h, then the summary. */
static void print_lines(const char *name, const struct vreport *r, const struct vopts *o)
{
	struct diag_sink sink;
	diag_sink_init(&sink, stdout);
	sink.format = o->format;
	for (size_t i = 0; i < r->n && !o->quiet; i++) {
		const struct vdiag *d = &r->v[i];
		enum diag_severity sev = o->strict && d->sev == DIAG_WARNING ? DIAG_ERROR : d->sev;
		diag_report(&sink, sev, name, d->line, d->col, d->rule, "%s", d->message);
	}
	size_t n = 0;
	struct vtally *hidden = o->quiet ? NULL : vreport_not_shown(r, &n);
	for (size_t i = 0; i < n; i++) {
		const struct vtally *t = &hidden[i];
		diag_report(&sink, DIAG_NOTE, name, 0, 0, "not-shown",
			    "%lu more %s diagnostics not shown (%lu errors, %lu warnings): "
			    "at most %d of a rule and %d in all are shown",
			    t->hidden_errors + t->hidden_warnings, t->rule, t->hidden_errors,
			    t->hidden_warnings, VREPORT_RULE_MAX, VREPORT_KEEP_MAX);
	}
	free(hidden);
	printf("%s: %s, %s: %lu error%s, %lu warning%s", name, doc_kind_name(r->kind),
	       doc_failed(r, o) ? "invalid" : "valid", r->errors, r->errors == 1 ? "" : "s",
	       r->warnings, r->warnings == 1 ? "" : "s");
	if (!o->quiet && not_shown(r) > 0)
		printf(" (%lu not shown)", not_shown(r));
	putchar('\n');
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
	for (size_t i = 0; i < r->n && !o->quiet; i++) {
		const struct vdiag *d = &r->v[i];
		json_array_append_new(diags, json_pack("{s:s, s:I, s:I, s:s, s:s, s:s, s:s}",
			"file", name, "line", (json_int_t)d->line, "column", (json_int_t)d->col,
			"severity", severity_names[d->sev], "rule", d->rule, "message", d->message,
			"spec", d->spec));
	}
	/* With --quiet nothing is listed, so nothing is "not shown". */
	unsigned long hidden = o->quiet ? 0 : not_shown(r);
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
static void print_io_error(const char *name, const char *why, enum diag_format format)
{
	struct diag_sink sink;
	diag_sink_init(&sink, format == DIAG_GITHUB ? stdout : stderr);
	sink.format = format;
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

/* Validates one input; returns its exit status. The input is named in
 * every form with the password of a URL's user information masked. */
static int validate_one(struct validator *v, const char *input, const struct vopts *o, json_t *docs)
{
	char why[512] = "";
	char *name = is_url(input) ? fetch_redact_url(input) : xstrdup(input);
	struct vreport r;
	vreport_init(&r);
	if (o->quiet)
		r.keep_max = 0;	/* only the counts are printed */
	int rc = EXIT_USAGE;
	if (check_input(v, input, o, &r, why, sizeof why) < 0) {
		if (docs)
			json_array_append_new(docs, json_io_error(name, why));
		else
			print_io_error(name, why, o->format);
	} else {
		vreport_sort(&r);
		if (docs)
			json_array_append_new(docs, json_document(name, &r, o));
		else
			print_lines(strcmp(name, "-") == 0 ? "<stdin>" : name, &r, o);
		rc = doc_failed(&r, o) ? EXIT_INVALID : EXIT_VALID;
	}
	vreport_free(&r);
	free(name);
	return rc;
}

int cmd_validate(int argc, char **argv)
{
	/* --list-rules, --explain RULE: the rules' documentation (ruledoc.h). */
	if (ruledoc_wanted(argc, argv))
		return ruledoc_command(argc, argv);
	struct vopts o = { 0 };
	fetch_options_default(&o.fetch);
	if (parse_options(argc, argv, &o) < 0) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (optind >= argc) {
		fputs("feedgen validate: no FILE, URL or - given\n", stderr);
		usage(stderr);
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
	for (int i = optind; i < argc; i++) {
		int rc = validate_one(v, argv[i], &o, docs);
		if (rc > status)
			status = rc;
	}
	if (docs) {
		json_t *top = json_pack("{s:o}", "documents", docs);
		if (json_dumpf(top, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0)
			fputc('\n', stdout);
		json_decref(top);
	}
	validator_free(v);
	return report_written() ? status : EXIT_USAGE;
}
