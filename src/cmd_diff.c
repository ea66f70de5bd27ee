/* cmd_diff.c: `feedgen diff [OPTION]... OLD NEW` — options, reading the two
 * versions of a feed (files, "-" or http(s) URLs, any format feedgen reads,
 * through publish/feedread) and printing what publish/feeddiff found, as
 * diagnostics on standard output and a summary line. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/fetch.h"
#include "base/text.h"
#include "cmd_diff.h"
#include "publish/feeddiff.h"
#include "publish/feedread.h"

enum { EXIT_SAME_IDS = 0, EXIT_REIDENTIFIED = 1, EXIT_USAGE = 2 };

struct dopts {
	bool quiet;		/* only what was re-identified, and the summary */
	enum diag_format format;
	struct fetch_options fetch;
};

static const char prog[] = "feedgen diff";

static void usage(FILE *f)
{
	fputs("Usage: feedgen diff [OPTION]... OLD NEW\n"
	      "Compare two versions of a feed (files, URLs or - for standard input; Atom,\n"
	      "RSS 2.0/0.9x, RSS 1.0 or JSON Feed): entries added, removed, changed (same id,\n"
	      "another title, content or date) and re-identified: an entry of OLD whose id is\n"
	      "gone while NEW has it under another id (same link, or same title and published\n"
	      "date). Readers show re-identified entries again as new.\n"
	      "\n"
	      "  -q, --quiet          print only the re-identified entries and the summary\n"
	      "      --diagnostics FMT  gnu (default), json (one document) or github (GitHub\n"
	      "                       Actions annotations)\n"
	      "      --timeout SEC    HTTP timeout in seconds, 1 to 86400 (default 30)\n"
	      "  -h, --help           show this help\n"
	      "\n"
	      "Exit status: 0 no entry was re-identified, 1 some entry was, 2 usage or read\n"
	      "errors.\n", f);
}

static int parse_options(int argc, char **argv, struct dopts *o)
{
	enum { OPT_DIAGNOSTICS = 256, OPT_TIMEOUT };
	static const struct option longopts[] = {
		{"quiet", no_argument, NULL, 'q'},
		{"diagnostics", required_argument, NULL, OPT_DIAGNOSTICS},
		{"timeout", required_argument, NULL, OPT_TIMEOUT},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int ch;
	char *end;
	long v;
	static char name[] = "feedgen diff";
	argv[0] = name;	/* getopt_long()'s messages name argv[0] */
	optind = 1;
	while ((ch = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'q': o->quiet = true; break;
		case OPT_DIAGNOSTICS:
			if (diag_format_parse(optarg, &o->format) != 0) {
				diag_usage_value(prog, "--diagnostics", optarg, diag_format_names);
				return -1;
			}
			break;
		case OPT_TIMEOUT:
			errno = 0;
			v = strtol(optarg, &end, 10);
			if (errno || end == optarg || *end || v < 1 || v > 86400) {
				diag_usage_value(prog, "--timeout", optarg,
						 "a whole number of seconds from 1 to 86400");
				return -1;
			}
			o->fetch.timeout_s = v;
			break;
		case 'h': usage(stdout); exit(EXIT_SAME_IDS);
		default: diag_usage_hint(prog); return -1;	/* getopt_long() said what */
		}
	}
	if (argc - optind != 2) {
		diag_usage(prog, "give two feeds, OLD and NEW");
		return -1;
	}
	if (strcmp(argv[optind], "-") == 0 && strcmp(argv[optind + 1], "-") == 0) {
		diag_usage(prog, "standard input can be only one of OLD and NEW");
		return -1;
	}
	return 0;
}

/* The name an input is shown by: "<stdin>" for "-", a URL's password masked. */
static char *shown_name(const char *input)
{
	if (strcmp(input, "-") == 0)
		return xstrdup("<stdin>");
	return feedread_is_url(input) ? fetch_redact_url(input) : xstrdup(input);
}

static int load(const char *input, const char *name, const struct dopts *o,
		struct feed_doc *doc, struct diag_sink *err)
{
	int rc = feedread_load(input, &o->fetch, doc, err);
	if (rc == 1)
		diag_report(err, DIAG_ERROR, name, 0, 0, "read-error", "cannot read: %s",
			    feedread_is_url(input) ? "not found (HTTP 404 or 410)" : strerror(ENOENT));
	return rc;
}

int cmd_diff(int argc, char **argv)
{
	struct dopts o = {0};
	fetch_options_default(&o.fetch);
	if (parse_options(argc, argv, &o) < 0)
		return EXIT_USAGE;
	const char *old_in = argv[optind], *new_in = argv[optind + 1];
	char *old_name = shown_name(old_in), *new_name = shown_name(new_in);
	/* The report goes to standard output; read errors to standard error
	 * (github annotations with the report, as feedgen validate). */
	struct diag_sink out, err;
	diag_sink_init(&out, stdout);
	out.format = o.format;
	diag_sink_init(&err, o.format == DIAG_GITHUB ? stdout : stderr);
	err.format = o.format == DIAG_JSON ? DIAG_GNU : o.format;
	struct diag_sink *errs = o.format == DIAG_JSON ? &out : &err;
	struct feed_doc old_doc = {0}, new_doc = {0};
	int status = EXIT_USAGE;
	if (load(old_in, old_name, &o, &old_doc, errs) == 0 &&
	    load(new_in, new_name, &o, &new_doc, errs) == 0) {
		struct feed_diff d;
		feed_diff_compute(&old_doc, &new_doc, &d);
		feed_diff_report(&d, &old_doc, old_name, &new_doc, new_name, o.quiet, &out);
		if (o.format != DIAG_JSON) {
			char *sum = feed_diff_summary(&d);
			printf("%s -> %s: %s (%zu entries before, %zu after)\n", old_name, new_name, sum,
			       old_doc.n, new_doc.n);
			free(sum);
		}
		status = d.reidentified ? EXIT_REIDENTIFIED : EXIT_SAME_IDS;
		feed_diff_free(&d);
	}
	feed_doc_free(&old_doc);
	feed_doc_free(&new_doc);
	diag_sink_finish(&out);
	diag_sink_finish(&err);
	free(old_name);
	free(new_name);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "feedgen diff: cannot write the report: %s\n", strerror(errno ? errno : EIO));
		return EXIT_USAGE;
	}
	return status;
}
