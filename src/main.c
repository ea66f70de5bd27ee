/* main.c: the command line. It parses options and calls the library; nothing
 * else lives here. */
#include <config.h>

#include <getopt.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <unicode/uversion.h>
#include <yaml.h>

#include "base/date.h"
#include "base/diag.h"
#include "base/dirlock.h"
#include "base/fetch.h"
#include "base/output.h"
#include "base/siteurl.h"
#include "base/text.h"
#include "cmd_diff.h"
#include "cmd_ping.h"
#include "cmd_validate.h"
#include "content/liquid.h"
#include "content/markdown.h"
#include "feeds/feed.h"
#include "feeds/formats.h"
#include "feeds/opml.h"
#include "feeds/render.h"
#include "feeds/sitefeeds.h"
#include "model/site.h"
#include "publish/guard.h"
#include "site/config.h"
#include "site/loader.h"

enum { EXIT_POST_ERRORS = 1, EXIT_FATAL = 2 };

/* The command as messages name it (not argv[0], which may be a path). */
static const char prog[] = "feedgen";

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
	bool quiet;		/* -q: errors only, no summary line */
	enum diag_color color;
	bool no_opml;
	bool print_links;	/* --print-links: the <link> tags to stdout */
	enum diag_format diagnostics;
	struct load_options load;
	const char *against;	/* --against; NULL: feed.against, else the files in -o DIR */
	bool accept_new_ids;	/* --accept-new-ids */
};

/* What the summary line after a run reports (besides the sink's counts). */
struct run_counts {
	size_t posts;		/* posts (and feed.collections documents) loaded */
	size_t written;		/* feed files written: to stdout, or replaced under -o */
	size_t unchanged;	/* feed files under -o whose bytes were already right */
};

/* "atom, rss" from the table of formats. A new string. */
static char *format_names(void)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	for (const struct format *f = feed_formats; f->name; f++)
		buf_printf(&b, "%s%s", f == feed_formats ? "" : ", ", f->name);
	return buf_take(&b);
}

/* Is the format named name in spec, a comma-separated list ("atom,rss"), or
 * is spec "all"? */
static bool format_listed(const char *spec, const char *name)
{
	if (strcmp(spec, "all") == 0)
		return true;
	size_t n = strlen(name);
	for (const char *p = spec;; p++) {
		size_t k = strcspn(p, ",");
		if (k == n && strncmp(p, name, n) == 0)
			return true;
		p += k;
		if (!*p)
			return false;
	}
}

/* How many formats the list spec names, or -1 when one is no format. */
static int count_formats(const char *spec)
{
	int k = 0;
	for (const char *p = spec;; p++) {
		size_t len = strcspn(p, ",");
		const struct format *f = feed_formats;
		while (f->name && !(strlen(f->name) == len && strncmp(p, f->name, len) == 0))
			f++;
		if (!f->name)
			return -1;
		k++;
		p += len;
		if (!*p)
			return k;
	}
}

/* Within 80 columns (tests/habits.sh checks). */
static void usage(FILE *f)
{
	char *names = format_names();
	fputs("Usage: feedgen [OPTION]... SITE > feed.xml\n"
	      "       feedgen -o DIR [OPTION]... SITE\n"
	      "       feedgen --print-links [OPTION]... SITE\n"
	      "       feedgen validate [OPTION]... FILE|DIR|URL|-...  (feedgen validate --help)\n"
	      "       feedgen diff [OPTION]... OLD NEW  (feedgen diff --help)\n"
	      "       feedgen ping [OPTION]... DIR|FEED-URL...  (feedgen ping --help)\n"
	      "Write the Atom feed of the Jekyll site or folder of posts SITE to standard\n"
	      "output, or with -o every feed of the site (site-wide, per category, per tag;\n"
	      "every format) into DIR, each file replaced atomically and only when it\n"
	      "changed, and DIR/feeds.opml listing them all.\n"
	      "\n"
	      "  -o, --output DIR     write every feed of the site, and feeds.opml, under DIR\n"
	      "  -n, --limit N        newest N posts a feed (default: feed.posts_limit or 10;\n"
	      "                       0 for all)\n", f);
	fprintf(f,
	      "  -f, --format NAME    %s, or all, or a list with -o (atom,rss)\n"
	      "                       (default: atom to stdout; all with -o or --print-links)\n",
	      names);
	fputs("  -c, --content MODE   full (default), summary or both\n"
	      "      --url URL        the site's URL, overriding _config.yml's url\n"
	      "      --drafts         include _drafts/ and draft: true posts\n"
	      "      --future         include posts dated in the future\n"
	      "      --unpublished    include published: false posts\n"
	      "      --no-categories  with -o or --print-links: no per-category feeds\n"
	      "      --no-tags        with -o or --print-links: no per-tag feeds\n"
	      "      --no-opml        with -o: do not write feeds.opml\n"
	      "      --prune          with -o: delete stale feeds of categories and tags\n"
	      "                       that are gone\n"
	      "      --against FEED   with -o: the published site feed (URL, file or folder)\n"
	      "                       each feed is checked against before it is\n"
	      "                       replaced (default: feed.against, else DIR's feeds)\n"
	      "      --accept-new-ids with -o: replace feeds whose entries would change id\n"
	      "      --print-links    print a <link rel=\"alternate\"> tag for each feed, for a\n"
	      "                       page's <head> (jekyll-feed's feed_meta)\n"
	      "      --diagnostics FMT  messages on standard error as gnu (default), json\n"
	      "                       (one document at the end) or github (annotations)\n"
	      "      --color WHEN     colour gnu messages: auto (default: on a terminal,\n"
	      "                       unless NO_COLOR is set), always or never\n"
	      "  -q, --quiet          errors only: no warnings, notes or summary line\n"
	      "  -v, --verbose        with -o: name each file written\n"
	      "  -h, --help           show this help\n"
	      "      --version        show the version and the libraries' versions\n"
	      "\n"
	      "A run ends with a line on standard error (not with -q or --diagnostics json):\n"
	      "  feedgen: N posts read, N feeds written, N unchanged, N warnings, N errors\n"
	      "\n"
	      "Exit status: 0 all posts loaded, 1 some posts had errors (the feeds are\n"
	      "still written from the others), 2 usage or fatal errors (nothing\n"
	      "half-written is left). See feedgen(1).\n", f);
	free(names);
}

/* feedgen and every library it uses, with their versions. */
static void print_version(void)
{
	UVersionInfo icu;
	char icu_version[U_MAX_VERSION_STRING_LENGTH];
	u_getVersion(icu);
	u_versionToString(icu, icu_version);
	const char *curl = fetch_curl_version();
	printf("feedgen %s\n"
	       "libxml2 %s, libyaml %s, cmark-gfm %s, libcurl %s, ICU %s, jansson %s\n",
	       PACKAGE_VERSION, LIBXML_DOTTED_VERSION, yaml_get_version_string(), markdown_library_version(),
	       curl ? curl : "(cannot be loaded)", icu_version, JANSSON_VERSION);
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
	bool set_wide = o->outdir || o->print_links;	/* every feed of the site */
	if (!o->outdir && (o->prune || o->verbose || o->no_opml)) {
		diag_usage(prog, "--prune, --verbose and --no-opml need -o DIR");
		return -1;
	}
	if (o->quiet && o->verbose) {
		diag_usage(prog, "--quiet and --verbose cannot go together");
		return -1;
	}
	if (!o->outdir && (o->against || o->accept_new_ids)) {
		fprintf(stderr, "feedgen: --against and --accept-new-ids need -o DIR\n");
		return -1;
	}
	if (!set_wide && (o->no_categories || o->no_tags)) {
		diag_usage(prog, "--no-categories and --no-tags need -o DIR or --print-links");
		return -1;
	}
	if (o->outdir && !*o->outdir) {
		diag_usage_value(prog, "--output", o->outdir, "a folder name");
		return -1;
	}
	if (!o->format)
		o->format = set_wide ? "all" : "atom";
	int k = strcmp(o->format, "all") == 0 ? 2 : count_formats(o->format);
	if (k < 0 || (k > 1 && !set_wide)) {
		char *names = format_names();
		struct buf accepted;
		buf_init(&accepted);
		buf_printf(&accepted, "%s%s", names,
			   set_wide ? ", a list of them (atom,rss) or all"
				    : " (a list or all needs -o or --print-links)");
		diag_usage_value(prog, "--format", o->format, accepted.data);
		buf_free(&accepted);
		free(names);
		return -1;
	}
	return 0;
}

/* "posts/" as "posts", so names are "posts/x.md", not "posts//x.md" ("/"
 * stays). Changes s in place; returns it. */
static char *trim_slashes(char *s)
{
	size_t n = strlen(s);
	while (n > 1 && s[n - 1] == '/')
		s[--n] = '\0';
	return s;
}

static int parse_args(int argc, char **argv, struct options *o)
{
	enum { OPT_URL = 256, OPT_DRAFTS, OPT_FUTURE, OPT_UNPUBLISHED, OPT_VERSION,
	       OPT_NO_CATEGORIES, OPT_NO_TAGS, OPT_PRUNE, OPT_NO_OPML, OPT_PRINT_LINKS,
	       OPT_DIAGNOSTICS, OPT_AGAINST, OPT_ACCEPT_NEW_IDS, OPT_COLOR };
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"no-categories", no_argument, NULL, OPT_NO_CATEGORIES},
		{"no-tags", no_argument, NULL, OPT_NO_TAGS},
		{"prune", no_argument, NULL, OPT_PRUNE},
		{"no-opml", no_argument, NULL, OPT_NO_OPML},
		{"print-links", no_argument, NULL, OPT_PRINT_LINKS},
		{"diagnostics", required_argument, NULL, OPT_DIAGNOSTICS},
		{"against", required_argument, NULL, OPT_AGAINST},
		{"accept-new-ids", no_argument, NULL, OPT_ACCEPT_NEW_IDS},
		{"color", required_argument, NULL, OPT_COLOR},
		{"quiet", no_argument, NULL, 'q'},
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
	static char name[] = "feedgen";
	argv[0] = name;	/* getopt_long()'s messages name argv[0] */
	while ((c = getopt_long(argc, argv, "o:n:f:c:qvh", longopts, NULL)) != -1) {
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
		case OPT_NO_OPML:
			o->no_opml = true;
			break;
		case OPT_PRINT_LINKS:
			o->print_links = true;
			break;
		case OPT_DIAGNOSTICS:
			if (diag_format_parse(optarg, &o->diagnostics) != 0) {
				diag_usage_value(prog, "--diagnostics", optarg, diag_format_names);
				return -1;
			}
			break;
		case OPT_AGAINST:
			o->against = optarg;
			break;
		case OPT_ACCEPT_NEW_IDS:
			o->accept_new_ids = true;
			break;
		case OPT_COLOR:
			if (diag_color_parse(optarg, &o->color) != 0) {
				diag_usage_value(prog, "--color", optarg, diag_color_names);
				return -1;
			}
			break;
		case 'q':
			o->quiet = true;
			break;
		case 'v':
			o->verbose = true;
			break;
		case 'n':
			errno = 0;
			o->limit = strtol(optarg, &end, 10);
			if (errno || end == optarg || *end || o->limit < 0) {
				diag_usage_value(prog, "--limit", optarg,
						 "a whole number of posts, 0 for all");
				return -1;
			}
			break;
		case 'f':
			o->format = optarg;
			break;
		case 'c':
			if (parse_content(optarg, &o->content) != 0) {
				diag_usage_value(prog, "--content", optarg, "full, summary or both");
				return -1;
			}
			o->content_set = true;
			break;
		case OPT_URL:
			if (!siteurl_valid(optarg)) {
				diag_usage_value(prog, "--url", optarg, "an absolute http or https "
						 "URL with a host (https://example.com)");
				return -1;
			}
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
			print_version();
			exit(0);
		default:	/* getopt_long() said what */
			diag_usage_hint(prog);
			return -1;
		}
	}
	if (optind == argc) {
		diag_usage(prog, "no site folder given");
		return -1;
	}
	if (optind != argc - 1) {
		char *extra = diag_escape(argv[optind + 1]);
		diag_usage(prog, "one site folder, not %d ('%s' too)", argc - optind, extra);
		free(extra);
		return -1;
	}
	o->site_dir = trim_slashes(argv[optind]);
	if (o->outdir)
		trim_slashes((char *)o->outdir);
	return check_args(o);
}

static int write_stdout(const struct site *site, const struct post_list *posts,
			const struct options *o, const struct write_options *wo,
			const struct write_shared *sh, struct run_counts *counts,
			struct diag_sink *diag)
{
	const struct format *fmt = feed_format_find(o->format);
	struct feed feed;
	feed_init_site(&feed, site, posts, o->limit >= 0 ? o->limit : site->posts_limit, fmt);
	struct outfile out;
	outfile_open_stdout(&out);
	int rc = feed_write_shared(fmt, outfile_xml_buffer(&out), site, &feed, wo, sh, diag);
	if (rc != 0 && !out.error)
		diag_report(diag, DIAG_ERROR, "<stdout>", 0, 0, "write-error", "writing the %s feed failed",
			    fmt->name);
	bool changed;
	if (outfile_commit(&out, &changed, diag) != 0)
		rc = -1;
	if (rc == 0)
		counts->written = 1;
	feed_free(&feed);
	return rc;
}

/* feeds.opml beside the feeds, unless a feed already has that name. Not a
 * feed: not in the summary's counts. */
static int write_opml(const struct feed_set *set, const struct site *site, const char *home,
		      const struct options *o, struct diag_sink *diag)
{
	if (feed_set_has_path(set, OPML_FILE)) {
		diag_report(diag, DIAG_WARNING, o->outdir, 0, 0, "feed-name",
			    "no %s: a feed of the site has that name", OPML_FILE);
		return 0;
	}
	bool changed;
	if (opml_write_file(set, o->outdir, site, home, &changed, diag) != 0)
		return -1;
	if (changed && o->verbose)
		fprintf(stderr, "feedgen: wrote %s/%s\n", o->outdir, OPML_FILE);
	return 0;
}

static int print_links(const struct feed_set *set, const struct site *site,
		       struct diag_sink *diag)
{
	char *tags = opml_link_tags(set, site);
	fputs(tags, stdout);
	free(tags);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		diag_report(diag, DIAG_ERROR, "<stdout>", 0, 0, "write-error", "write failed: %s",
			    strerror(errno));
		return -1;
	}
	return 0;
}

/* Every feed of the site: written under -o DIR (with feeds.opml), and/or
 * announced as <link> tags. */
static int write_set(const struct site *site, const struct post_list *posts,
		     const struct options *o, const struct write_options *wo,
		     const struct write_shared *sh, struct run_counts *counts,
		     struct diag_sink *diag)
{
	struct feed_set_options so = {
		.limit = o->limit >= 0 ? o->limit : site->posts_limit,
		.categories = !o->no_categories,
		.tags = !o->no_tags,
	};
	size_t k = 0;
	for (const struct format *f = feed_formats; f->name && k < FEED_SET_MAX_FORMATS; f++)
		if (format_listed(o->format, f->name))
			so.formats[k++] = f;
	/* Each feed checked against its published version (publish/guard.h). */
	struct feed_guard guard;
	feed_guard_init(&guard, o->against, site->feed_against, o->site_dir, o->accept_new_ids);
	so.before_replace = feed_guard_check;
	so.before_replace_ctx = &guard;
	struct feed_set set;
	feed_set_build(&set, site, posts, &so, diag);
	for (size_t i = set.n; i > 0; i--)	/* the site feed's path as it is written */
		if (set.v[i - 1].kind == FEED_SITE)
			guard.site_feed = set.v[i - 1].path;
	int rc = 0;
	int lock = o->outdir ? dirlock_acquire(o->outdir, diag) : -1;
	if (o->outdir && lock < 0)
		rc = -1;
	if (o->outdir && lock >= 0) {
		struct feed_set_stats st = {0};
		feed_set_clean_temps(&set, o->outdir, diag);
		rc = feed_set_write(&set, o->outdir, site, wo, sh, o->verbose, &st, diag);
		counts->written = st.written;
		counts->unchanged = st.unchanged;
		if (rc == 0 && !o->no_opml)
			rc = write_opml(&set, site, sh->links->home, o, diag);
		if (rc == 0)
			feed_set_stale(&set, o->outdir, o->prune, diag);
	}
	dirlock_release(lock);
	if (rc == 0 && o->print_links)
		rc = print_links(&set, site, diag);
	feed_set_free(&set);
	feed_guard_free(&guard);
	return rc;
}

static int write_feeds(const struct site *site, const struct post_list *posts,
		       const struct options *o, struct run_counts *counts, struct diag_sink *diag)
{
	struct site_links links;
	site_links_init(&links, site);
	struct write_options wo = {o->content, PACKAGE_VERSION};
	struct write_shared sh = {&links, render_cache_new(posts->n)};
	int rc = o->outdir || o->print_links ? write_set(site, posts, o, &wo, &sh, counts, diag)
					     : write_stdout(site, posts, o, &wo, &sh, counts, diag);
	render_cache_free(sh.cache);
	site_links_free(&links);
	return rc;
}

/* _config.yml's url must be one feeds can be built on (--url was checked with
 * the options). With none, ids are tag: URIs and links relative, which only
 * Atom can carry: -f rss or json to stdout is refused, -o writes Atom only.
 * Returns -1 after a report when the run cannot go on. */
static int check_site_url(const struct site *site, struct options *o, struct diag_sink *diag)
{
	if (*site->url && !siteurl_valid(site->url)) {
		struct buf path;
		buf_init(&path);
		buf_printf(&path, "%s/_config.yml", o->site_dir);
		diag_report(diag, DIAG_ERROR, path.data, site->url_line, site->url_col, "site-url",
			    "url '%s' is not an absolute http or https URL (https://example.com)",
			    site->url);
		buf_free(&path);
		return -1;
	}
	if (*site->url)
		return 0;
	diag_report(diag, DIAG_WARNING, o->site_dir, 0, 0, "no-url",
		    "no site url (set url in _config.yml or use --url https://...): ids are "
		    "%s URIs and links relative, in Atom only", SITEURL_TAG_PREFIX);
	bool wide = o->outdir || o->print_links;
	bool kept = false, dropped = false;
	for (const struct format *f = feed_formats; f->name; f++) {
		if (!format_listed(o->format, f->name))
			continue;
		if (f->needs_site_url)
			dropped = true;
		else
			kept = true;
	}
	if (!dropped)
		return 0;
	if (!wide || !kept) {
		diag_report(diag, DIAG_ERROR, o->site_dir, 0, 0, "no-url",
			    "--format %s needs the site's url (its links must be absolute)", o->format);
		return -1;
	}
	o->format = "atom";
	return 0;
}

static int generate(struct options *o, struct run_counts *counts, struct diag_sink *diag)
{
	struct stat st;
	if (stat(o->site_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		const char *why = S_ISDIR(st.st_mode) ? strerror(errno) : "not a folder";
		diag_report(diag, DIAG_ERROR, o->site_dir, 0, 0, "read-error", "cannot read the site: %s",
			    access(o->site_dir, F_OK) == 0 ? why : strerror(ENOENT));
		return EXIT_FATAL;
	}
	struct site site;
	site_init(&site, o->site_dir);
	int status = 0;
	if (site_load(&site, o->site_dir, diag) != 0) {
		site_free(&site);
		return EXIT_FATAL;
	}
	if (o->url) {
		free(site.url);
		site.url = xstrdup(o->url);
	}
	if (date_use_zone(site.timezone) != 0) {
		struct buf path;
		buf_init(&path);
		buf_printf(&path, "%s/_config.yml", o->site_dir);
		diag_report(diag, DIAG_ERROR, path.data, site.timezone_line, site.timezone_col,
			    "timezone", "unknown time zone '%s' (an IANA name such as Europe/Berlin)",
			    site.timezone);
		buf_free(&path);
		site_free(&site);
		return EXIT_FATAL;
	}
	if (check_site_url(&site, o, diag) != 0) {
		site_free(&site);
		return EXIT_FATAL;
	}
	if (o->outdir && site_feeds_disabled(&site, getenv("JEKYLL_ENV"))) {
		diag_report(diag, DIAG_NOTE, o->site_dir, 0, 0, "disabled",
			    "feed.disable_in_development is set and JEKYLL_ENV is development "
			    "(or unset): no feeds written, as jekyll-feed");
		site_free(&site);
		return 0;
	}
	o->load.now = (long long)time(NULL);
	struct post_list posts = {0};
	unsigned long failed = load_posts(&site, &o->load, &posts, diag);
	if (o->outdir || o->print_links)	/* feed.collections: feeds of their own */
		failed += load_collections(&site, &o->load, diag);
	if (failed)
		status = EXIT_POST_ERRORS;
	counts->posts = posts.n;
	for (size_t i = 0; i < site.ncollections; i++)
		counts->posts += site.collections[i].docs.n;
	site.liquid = liquid_site_new(&site, &posts, diag);
	if (!o->content_set && site.excerpt_only)
		o->content = CONTENT_SUMMARY;
	unsigned long errors_before = diag->errors;
	if (write_feeds(&site, &posts, o, counts, diag) != 0)
		status = EXIT_FATAL;
	else if (diag->errors > errors_before)
		status = EXIT_POST_ERRORS;	/* a body that could not be read whole */
	liquid_site_free(site.liquid);
	post_list_free(&posts);
	site_free(&site);
	return status;
}

/* The line after a run, on standard error (its form is documented in README
 * and feedgen(1); tests/habits.sh reads it). */
static void print_summary(const struct run_counts *c, const struct diag_sink *d)
{
	fprintf(stderr, "%s: %zu post%s read, %zu feed%s written, %zu unchanged, "
		"%lu warning%s, %lu error%s\n", prog, c->posts, c->posts == 1 ? "" : "s",
		c->written, c->written == 1 ? "" : "s", c->unchanged, d->warnings,
		d->warnings == 1 ? "" : "s", d->errors, d->errors == 1 ? "" : "s");
}

/* glibc's fast bins make every request of 1 KiB or more (libyaml takes 64 KiB
 * for each front matter it parses) first merge all small freed chunks: with
 * 100,000 posts in memory that merging was a sixth of feedgen -o's time.
 * Without fast bins small chunks still come back through the per-thread
 * cache. Set before anything is allocated, for generating only. */
static void tune_malloc(void)
{
#ifdef M_MXFAST
	mallopt(M_MXFAST, 0);
#endif
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "validate") == 0)
		return cmd_validate(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "diff") == 0)
		return cmd_diff(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "ping") == 0)
		return cmd_ping(argc - 1, argv + 1);
	tune_malloc();
	LIBXML_TEST_VERSION
	struct options o = {.limit = -1, .content = CONTENT_FULL};
	if (parse_args(argc, argv, &o) != 0)
		return EXIT_FATAL;
	if ((!o.outdir || o.print_links) && fcntl(STDOUT_FILENO, F_GETFD) < 0) {
		/* A file opened next would take descriptor 1 and the feed go there. */
		fputs("feedgen: standard output is closed: the feed has nowhere to go\n", stderr);
		return EXIT_FATAL;
	}
	struct diag_sink diag;
	diag_sink_init(&diag, stderr);
	diag.format = o.diagnostics;
	diag.quiet = o.quiet;
	diag.color = diag_color_wanted(o.color, o.diagnostics, stderr);
	struct run_counts counts = {0};
	int status = generate(&o, &counts, &diag);
	diag_sink_finish(&diag);
	if (!o.quiet && o.diagnostics != DIAG_JSON)
		print_summary(&counts, &diag);
	xmlCleanupParser();
	return status;
}
