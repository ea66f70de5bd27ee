/* fuzz_common.c: the scratch folder and small helpers every target uses. */
#include <config.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <libxml/parser.h>

#include "base/date.h"
#include "base/siteurl.h"
#include "base/text.h"
#include "feeds/feed.h"
#include "feeds/formats.h"
#include "fuzz.h"
#include "validate/report.h"
#include "validate/validate.h"

/* The one piece of process state: libFuzzer calls a target millions of times
 * and the loader only reads files, so one folder is made once and reused. */
static char scratch[4096];

static void remove_scratch(void)
{
	DIR *d = opendir(scratch);
	if (!d)
		return;
	struct dirent *e;
	char path[sizeof scratch + 256];
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", scratch, e->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(scratch);
}

const char *fuzz_scratch_dir(void)
{
	if (scratch[0])
		return scratch;
	const char *tmp = getenv("TMPDIR");
	if (!tmp || !*tmp)
		tmp = "/tmp";
	int n = snprintf(scratch, sizeof scratch, "%s/feedgen-fuzz-XXXXXX", tmp);
	if (n < 0 || (size_t)n >= sizeof scratch || !mkdtemp(scratch)) {
		perror("fuzz: cannot make a scratch folder");
		abort();
	}
	atexit(remove_scratch);
	return scratch;
}

char *fuzz_write_file(const char *name, const uint8_t *data, size_t size)
{
	struct buf path;
	buf_init(&path);
	buf_printf(&path, "%s/%s", fuzz_scratch_dir(), name);
	int fd = open(path.data, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		perror(path.data);
		abort();
	}
	for (size_t done = 0; done < size;) {
		ssize_t k = write(fd, data + done, size - done);
		if (k <= 0) {
			perror(path.data);
			abort();
		}
		done += (size_t)k;
	}
	if (close(fd) != 0) {
		perror(path.data);
		abort();
	}
	return buf_take(&path);
}

void fuzz_use_zone(const char *name)
{
	if (date_use_zone(name) != 0 && date_use_zone(NULL) != 0)
		abort();
}

char *fuzz_strndup(const uint8_t *data, size_t size)
{
	return xstrndup((const char *)data, size);
}

void fuzz_check(int cond, const char *what)
{
	if (cond)
		return;
	fprintf(stderr, "fuzz: invariant broken: %s\n", what);
	/* abort() skips atexit: take the scratch folder away first. */
	if (scratch[0])
		remove_scratch();
	abort();
}

int fuzz_utf8_ok(const char *s, size_t n)
{
	return utf8_valid_prefix(s, n) == n;
}

int fuzz_xml_text_ok(const char *s)
{
	if (!s)
		return 1;
	size_t n = strlen(s);
	if (!fuzz_utf8_ok(s, n))
		return 0;
	for (size_t i = 0; i < n;) {
		unsigned cp;
		i += utf8_decode(s + i, &cp);
		if (!xml_char_ok(cp))
			return 0;
	}
	return 1;
}

int fuzz_xml_well_formed(const char *s, size_t n)
{
	xmlParserCtxtPtr pc = xmlNewParserCtxt();
	if (!pc)
		abort();
	xmlDocPtr doc = xmlCtxtReadMemory(pc, s, (int)n, NULL, NULL,
					  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	int ok = doc && pc->wellFormed && pc->nsWellFormed;
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(pc);
	return ok;
}

/* jansson refuses invalid UTF-8, unpaired surrogate escapes and NUL
 * escapes by default, as a strict JSON reader would. */
static int fuzz_json_ok(const char *s, size_t n)
{
	json_error_t err;
	json_t *j = json_loadb(s, n, 0, &err);
	json_decref(j);
	return j != NULL;
}

static int mem_write(void *ctx, const char *data, int len)
{
	buf_add(ctx, data, (size_t)len);
	return len;
}

static int mem_close(void *ctx)
{
	(void)ctx;
	return 0;
}

/* Compiling the schemas takes far longer than one feed: once a process. */
static struct validator *generator_validator(void)
{
	static struct validator *v;
	if (!v && !(v = validator_new())) {
		fputs("fuzz: the built-in schemas do not compile\n", stderr);
		abort();
	}
	return v;
}

/* The formats feedgen writes for this site: all with a valid url, Atom alone
 * with none (tag: ids), nothing with a url the command line refuses. */
static bool format_written(const struct site *site, const struct format *fmt)
{
	if (!site->url || !*site->url)
		return !fmt->needs_site_url;
	return siteurl_valid(site->url);
}

/* Whatever a post holds, feedgen's own validator accepts the feed: no error,
 * and none of the warnings the body sanitizer exists to prevent. */
static void check_valid(const struct site *site, const struct format *fmt, const char *s,
			size_t n)
{
	if (!format_written(site, fmt))
		return;
	struct vreport r;
	vreport_init(&r);
	validate_document(generator_validator(), s, n, &r);
	for (size_t i = 0; i < r.n; i++) {
		const struct vdiag *d = &r.v[i];
		if (d->sev == DIAG_ERROR || !strcmp(d->rule, "html-security-risk") ||
		    !strcmp(d->rule, "not-html"))
			fprintf(stderr, "fuzz: %s feed:%lu:%lu: %s [%s]\n", fmt->name, d->line, d->col,
				d->message, d->rule);
	}
	bool bad = r.errors > 0;
	for (size_t i = 0; i < r.n; i++)
		bad = bad || !strcmp(r.v[i].rule, "html-security-risk") || !strcmp(r.v[i].rule, "not-html");
	vreport_free(&r);
	if (bad && getenv("FUZZ_SHOW_FEED"))
		fwrite(s, 1, n, stderr);
	fuzz_check(!bad, "feedgen's validator accepts the feed it wrote");
}

void fuzz_check_feeds(const struct site *site, const struct post_list *posts)
{
	struct write_options wo = { .content = CONTENT_BOTH, .generator_version = "fuzz" };
	for (const struct format *fmt = feed_formats; fmt->name; fmt++) {
		struct diag_sink diag;
		diag_sink_init(&diag, NULL);
		struct feed feed;
		feed_init_site(&feed, site, posts, 0, fmt);
		struct buf out;
		buf_init(&out);
		xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(mem_write, mem_close, &out, NULL);
		if (!ob)
			abort();
		/* Memory cannot fail to take bytes: any failure is the writer
		 * refusing what a post holds, which would lose the whole feed. */
		fuzz_check(feed_write(fmt, ob, site, &feed, &wo, &diag) == 0,
			   "a feed is written in memory without error");
		if (fmt->write)
			fuzz_check(fuzz_xml_well_formed(out.data, out.len),
				   "a written XML feed is well-formed");
		else
			fuzz_check(fuzz_json_ok(out.data, out.len), "a written JSON feed is valid JSON");
		check_valid(site, fmt, out.data, out.len);
		buf_free(&out);
		feed_free(&feed);
	}
}
