/* main.c: the command line. It parses options and calls the library; nothing
 * else lives here. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <yaml.h>

#include "cmd_validate.h"
#include "date.h"
#include "diag.h"
#include "feed.h"
#include "loader.h"
#include "output.h"
#include "site.h"
#include "sitefeeds.h"
#include "text.h"

enum { EXIT_POST_ERRORS = 1, EXIT_FATAL = 2 };

struct options {
	const char *site_dir;
	const char *outdir;	/* -o; NULL: the site feed to stdout */
	long limit;		/* -1: from _config.yml */
	const char *format;	/* NULL: atom to stdout, all with -o */
	enum content_mode content;
	bool content_set;
	const char *url;
	bool no_categories;
	bool no_tags;
	bool prune;
	bool verbose;
	struct load_options load;
};

static void usage(FILE *f)
{
	fputs("Usage: feedgen [OPTION]... SITE > feed.xml\n"
	      "       feedgen -o DIR [OPTION]... SITE\n"
	      "       feedgen validate [OPTION]... FILE|URL|-...\n"
	      "Write the Atom feed of the Jekyll site or folder of posts SITE to standard output,\n"
	      "or with -o every feed of the site (site-wide, per category, per tag; Atom and\n"
	      "RSS 2.0) into DIR, each file replaced atomically and only when it changed.\n"
	      "\n"
	      "  -o, --output DIR     write every feed of the site under DIR\n"
	      "  -n, --limit N        newest N posts a feed (default: feed.posts_limit or 10; 0 for all)\n"
	      "  -f, --format NAME    atom, rss or all (default: atom to stdout, all with -o)\n"
	      "  -c, --content MODE   full (default), summary or both\n"
	      "      --url URL        the site's URL, overriding _config.yml's url\n"
	      "      --drafts         include _drafts/ and draft: true posts\n"
	      "      --future         include posts dated in the future\n"
	      "      --unpublished    include published: false posts\n"
	      "      --no-categories  with -o: no per-category feeds\n"
	      "      --no-tags        with -o: no per-tag feeds\n"
	      "      --prune          with -o: delete stale feeds of categories and tags that are gone\n"
	      "  -v, --verbose        with -o: name each file written, count the unchanged\n"
	      "  -h, --help           show this help\n"
	      "      --version        show the version\n"
	      "\n"
	      "Exit status: 0 all posts loaded, 1 some posts had errors (the feeds are still\n"
	      "written from the others), 2 usage or fatal errors (nothing half-written is left).\n", f);
}

static int parse_content(const char *s, enum content_mode *m)
{
	static const struct { const char *name; enum content_mode mode; } modes[] = {
		{"full", CONTENT_FULL}, {"summary", CONTENT_SUMMARY}, {"both", CONTENT_BOTH},
	};
	for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++)
		if (strcmp(s, modes[i].name) == 0) {
			*m = modes[i].mode;
			return 0;
		}
	return -1;
}

/* Combinations getopt cannot see. */
static int check_args(struct options *o)
{
	if (!o->outdir && (o->no_categories || o->no_tags || o->prune || o->verbose)) {
		fprintf(stderr, "feedgen: --no-categories, --no-tags, --prune and --verbose need -o DIR\n");
		return -1;
	}
	if (o->outdir && !*o->outdir) {
		fprintf(stderr, "feedgen: -o needs a folder name\n");
		return -1;
	}
	if (!o->format)
		o->format = o->outdir ? "all" : "atom";
	if (strcmp(o->format, "all") == 0 ? !o->outdir : !feed_format_find(o->format)) {
		fprintf(stderr, "feedgen: --format takes atom or rss%s, not '%s'\n",
			o->outdir ? " or all" : " (all needs -o)", o->format);
		return -1;
	}
	return 0;
}

static int parse_args(int argc, char **argv, struct options *o)
{
	enum { OPT_URL = 256, OPT_DRAFTS, OPT_FUTURE, OPT_UNPUBLISHED, OPT_VERSION,
	       OPT_NO_CATEGORIES, OPT_NO_TAGS, OPT_PRUNE };
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"no-categories", no_argument, NULL, OPT_NO_CATEGORIES},
		{"no-tags", no_argument, NULL, OPT_NO_TAGS},
		{"prune", no_argument, NULL, OPT_PRUNE},
		{"verbose", no_argument, NULL, 'v'},
		{"limit", required_argument, NULL, 'n'},
		{"format", required_argument, NULL, 'f'},
		{"content", required_argument, NULL, 'c'},
		{"url", required_argument, NULL, OPT_URL},
		{"drafts", no_argument, NULL, OPT_DRAFTS},
		{"future", no_argument, NULL, OPT_FUTURE},
		{"unpublished", no_argument, NULL, OPT_UNPUBLISHED},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, OPT_VERSION},
		{NULL, 0, NULL, 0},
	};
	int c;
	char *end;
	while ((c = getopt_long(argc, argv, "o:n:f:c:vh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			o->outdir = optarg;
			break;
		case OPT_NO_CATEGORIES:
			o->no_categories = true;
			break;
		case OPT_NO_TAGS:
			o->no_tags = true;
			break;
		case OPT_PRUNE:
			o->prune = true;
			break;
		case 'v':
			o->verbose = true;
			break;
		case 'n':
			o->limit = strtol(optarg, &end, 10);
			if (*end || o->limit < 0) {
				fprintf(stderr, "feedgen: -n takes a number of posts, not '%s'\n", optarg);
				return -1;
			}
			break;
		case 'f':
			o->format = optarg;
			break;
		case 'c':
			if (parse_content(optarg, &o->content) != 0) {
				fprintf(stderr, "feedgen: --content takes full, summary or both\n");
				return -1;
			}
			o->content_set = true;
			break;
		case OPT_URL:
			o->url = optarg;
			break;
		case OPT_DRAFTS:
			o->load.drafts = true;
			break;
		case OPT_FUTURE:
			o->load.future = true;
			break;
		case OPT_UNPUBLISHED:
			o->load.unpublished = true;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		case OPT_VERSION:
			printf("feedgen %s (libxml2 %s, libyaml %s)\n", PACKAGE_VERSION,
			       LIBXML_DOTTED_VERSION, yaml_get_version_string());
			exit(0);
		default:
			return -1;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "feedgen: give one site folder (see feedgen --help)\n");
		return -1;
	}
	o->site_dir = argv[optind];
	return check_args(o);
}

static int write_stdout(const struct site *site, const struct post_list *posts,
			const struct options *o, const struct write_options *wo,
			const struct write_shared *sh, struct diag_sink *diag)
{
	const struct format *fmt = feed_format_find(o->format);
	struct feed feed;
	feed_init_site(&feed, site, posts, o->limit >= 0 ? o->limit : site->posts_limit, fmt);
	struct outfile out;
	outfile_open_stdout(&out);
	int rc = feed_write_shared(fmt, outfile_xml_buffer(&out), site, &feed, wo, sh, diag);
	if (rc != 0 && !out.error)
		diag_report(diag, DIAG_ERROR, "<stdout>", 0, 0, NULL, "writing the %s feed failed",
			    fmt->name);
	bool changed;
	if (outfile_commit(&out, &changed, diag) != 0)
		rc = -1;
	feed_free(&feed);
	return rc;
}

static int write_dir(const struct site *site, const struct post_list *posts,
		     const struct options *o, const struct write_options *wo,
		     const struct write_shared *sh, struct diag_sink *diag)
{
	struct feed_set_options so = {
		.limit = o->limit >= 0 ? o->limit : site->posts_limit,
		.categories = !o->no_categories,
		.tags = !o->no_tags,
	};
	size_t k = 0;
	for (const struct format *f = feed_formats; f->name && k < FEED_SET_MAX_FORMATS; f++)
		if (strcmp(o->format, "all") == 0 || strcmp(o->format, f->name) == 0)
			so.formats[k++] = f;
	struct feed_set set;
	feed_set_build(&set, site, posts, &so, diag);
	struct feed_set_stats st;
	int rc = feed_set_write(&set, o->outdir, site, wo, sh, o->verbose, &st, diag);
	if (rc == 0)
		feed_set_stale(&set, o->outdir, o->prune, diag);
	if (o->verbose)
		fprintf(stderr, "feedgen: %zu feeds written, %zu unchanged\n", st.written, st.unchanged);
	feed_set_free(&set);
	return rc;
}

static int write_feeds(const struct site *site, const struct post_list *posts,
		       const struct options *o, struct diag_sink *diag)
{
	struct site_links links;
	site_links_init(&links, site);
	struct write_options wo = {o->content, PACKAGE_VERSION};
	struct write_shared sh = {&links, render_cache_new(posts->n)};
	int rc = o->outdir ? write_dir(site, posts, o, &wo, &sh, diag)
			   : write_stdout(site, posts, o, &wo, &sh, diag);
	render_cache_free(sh.cache);
	site_links_free(&links);
	return rc;
}

static int generate(struct options *o)
{
	struct diag_sink diag;
	diag_sink_init(&diag, stderr);
	struct stat st;
	if (stat(o->site_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		const char *why = S_ISDIR(st.st_mode) ? strerror(errno) : "not a folder";
		diag_report(&diag, DIAG_ERROR, o->site_dir, 0, 0, NULL, "cannot read the site: %s",
			    access(o->site_dir, F_OK) == 0 ? why : strerror(ENOENT));
		return EXIT_FATAL;
	}
	struct site site;
	site_init(&site, o->site_dir);
	int status = 0;
	if (site_load(&site, o->site_dir, &diag) != 0) {
		site_free(&site);
		return EXIT_FATAL;
	}
	if (o->url) {
		free(site.url);
		site.url = xstrdup(o->url);
	}
	if (date_use_zone(site.timezone) != 0) {
		diag_report(&diag, DIAG_ERROR, o->site_dir, 0, 0, NULL,
			    "unknown time zone '%s' in _config.yml", site.timezone);
		site_free(&site);
		return EXIT_FATAL;
	}
	if (!*site.url)
		diag_report(&diag, DIAG_WARNING, o->site_dir, 0, 0, "no-url",
			    "no site url (set url in _config.yml or use --url): links and ids are relative");
	o->load.now = (long long)time(NULL);
	struct post_list posts = {0};
	unsigned long failed = load_posts(&site, &o->load, &posts, &diag);
	if (failed)
		status = EXIT_POST_ERRORS;
	if (!o->content_set && site.excerpt_only)
		o->content = CONTENT_SUMMARY;
	unsigned long errors_before = diag.errors;
	if (write_feeds(&site, &posts, o, &diag) != 0)
		status = EXIT_FATAL;
	else if (diag.errors > errors_before)
		status = EXIT_POST_ERRORS;	/* a body that could not be read whole */
	post_list_free(&posts);
	site_free(&site);
	return status;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "validate") == 0)
		return cmd_validate(argc - 1, argv + 1);
	LIBXML_TEST_VERSION
	struct options o = {.limit = -1, .content = CONTENT_FULL};
	if (parse_args(argc, argv, &o) != 0)
		return EXIT_FATAL;
	int status = generate(&o);
	xmlCleanupParser();
	return status;
}
