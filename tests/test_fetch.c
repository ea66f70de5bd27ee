/* test_fetch.c: fetch_url() against tests/httpd.py on 127.0.0.1, one path
 * per way a feed server behaves or misbehaves. The server logs every
 * connection and request, so "refused without a request" is checked, not
 * assumed. Timeouts are 2 s and time bounds generous, so a slow machine
 * does not fail the test. */
#include <config.h>

#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/fetch.h"
#include "tap.h"

#define CAP ((size_t)1 << 20)
#define SHORT_TIMEOUT 2L
#define GENEROUS_S 20.0	/* any aborted transfer ends well within this */

struct server {
	pid_t pid;
	int port;
	FILE *out;
	char dir[64];
	char log[128];
};

struct call {
	struct fetch_result res;
	char url[256];
	char err[512];
	int rc;
	double seconds;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int server_start(struct server *s)
{
	const char *srcdir = getenv("top_srcdir");
	char script[1024];
	char line[32];
	int fds[2];

	snprintf(script, sizeof script, "%s/tests/httpd.py", srcdir ? srcdir : ".");
	strcpy(s->dir, "/tmp/test_fetch.XXXXXX");
	if (!mkdtemp(s->dir) || pipe(fds) != 0)
		return -1;
	snprintf(s->log, sizeof s->log, "%s/requests.log", s->dir);
	s->pid = fork();
	if (s->pid < 0)
		return -1;
	if (s->pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		execlp("python3", "python3", script, s->log, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	s->out = fdopen(fds[0], "r");
	if (!s->out || !fgets(line, sizeof line, s->out))
		return -1;
	s->port = atoi(line);
	return s->port > 0 ? 0 : -1;
}

static void server_stop(struct server *s)
{
	int status;

	if (s->pid > 0) {
		kill(s->pid, SIGTERM);
		waitpid(s->pid, &status, 0);
	}
	if (s->out)
		fclose(s->out);
	unlink(s->log);
	rmdir(s->dir);
}

/* The server's log, whole; the caller frees it. */
static char *read_log(const struct server *s)
{
	struct buf b;
	char chunk[4096];
	size_t n;
	FILE *f = fopen(s->log, "r");

	buf_init(&b);
	buf_add(&b, "", 0);
	if (!f)
		return buf_take(&b);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	return buf_take(&b);
}

static size_t count_lines(const char *text, const char *line)
{
	size_t n = 0, len = strlen(line);

	for (const char *p = text; (p = strstr(p, line)) != NULL; p += len)
		if ((p == text || p[-1] == '\n') && p[len] == '\n')
			n++;
	return n;
}

static size_t log_size(const struct server *s)
{
	char *log = read_log(s);
	size_t n = strlen(log);

	free(log);
	return n;
}

static void fetch(struct call *c, const char *url, long timeout_s, size_t max_size)
{
	struct fetch_options opt = { timeout_s, max_size };
	double start = now();

	snprintf(c->url, sizeof c->url, "%s", url);
	c->err[0] = '\0';
	c->rc = fetch_url(url, &opt, &c->res, c->err, sizeof c->err);
	c->seconds = now() - start;
}

static void fetch_path(struct call *c, const struct server *s, const char *path,
		       long timeout_s, size_t max_size)
{
	char url[256];

	snprintf(url, sizeof url, "http://127.0.0.1:%d%s", s->port, path);
	fetch(c, url, timeout_s, max_size);
}

static int contains(const char *hay, const char *needle)
{
	return hay && strstr(hay, needle) != NULL;
}

static int ends_with(const char *s, const char *tail)
{
	size_t n = s ? strlen(s) : 0, m = strlen(tail);

	return n >= m && strcmp(s + n - m, tail) == 0;
}

/* The plain feed; its bytes are the reference for the other cases. */
static struct buf test_ok(const struct server *s)
{
	struct call c;
	struct buf copy;

	fetch_path(&c, s, "/ok.xml", 0, 0);
	is_int(c.rc, 0, "ok.xml: fetched (%s)", c.err);
	is_int(c.res.status, 200, "ok.xml: status 200");
	is_str(c.res.content_type, "application/atom+xml; charset=utf-8", "ok.xml: Content-Type as sent");
	is_str(c.res.final_url, c.url, "ok.xml: final URL is the URL asked for");
	ok(contains(c.res.body.data, "<feed xmlns=\"http://www.w3.org/2005/Atom\">"), "ok.xml: body is the feed");
	ok(c.res.body.len > 0 && c.res.body.data[c.res.body.len] == '\0', "ok.xml: body NUL-terminated");
	buf_init(&copy);
	buf_add(&copy, c.res.body.data, c.res.body.len);
	fetch_result_free(&c.res);
	fetch_result_free(&c.res);	/* harmless twice */
	ok(c.res.body.data == NULL && c.res.final_url == NULL, "fetch_result_free empties the result");
	return copy;
}

static void test_null_options(const struct server *s, const struct buf *feed)
{
	struct fetch_result res;
	char url[256], err[256] = "";
	int rc;

	snprintf(url, sizeof url, "http://127.0.0.1:%d/ok.xml", s->port);
	rc = fetch_url(url, NULL, &res, err, sizeof err);
	ok(rc == 0 && res.body.len == feed->len, "NULL options: defaults used (%s)", err);
	fetch_result_free(&res);
}

static void test_encoded(const struct server *s, const struct buf *feed, const char *path)
{
	struct call c;

	fetch_path(&c, s, path, 0, 0);
	is_int(c.rc, 0, "%s: fetched (%s)", path, c.err);
	ok(c.res.body.len == feed->len && memcmp(c.res.body.data, feed->data, feed->len) == 0,
	   "%s: decoded body equals the plain feed", path);
	is_str(c.res.content_type, "application/atom+xml; charset=utf-8", "%s: Content-Type", path);
	fetch_result_free(&c.res);
}

static void test_bad_encoding(const struct server *s)
{
	struct call c;

	fetch_path(&c, s, "/bad-gzip", 0, 0);
	is_int(c.rc, -1, "bad-gzip: fails");
	ok(contains(c.err, "cannot decode the compressed body"), "bad-gzip: says so: %s", c.err);
	fetch_result_free(&c.res);
}

static void test_request_headers(const struct server *s)
{
	struct call c;

	fetch_path(&c, s, "/headers", 0, 0);
	is_int(c.rc, 0, "headers: fetched (%s)", c.err);
	ok(contains(c.res.body.data, "User-Agent: feedgen/" PACKAGE_VERSION "\n"),
	   "User-Agent is feedgen/" PACKAGE_VERSION);
	ok(contains(c.res.body.data, "Accept-Encoding: ") && contains(c.res.body.data, "gzip") &&
	   contains(c.res.body.data, "deflate"), "Accept-Encoding offers gzip and deflate");
	ok(contains(c.res.body.data, "Accept: application/atom+xml"), "Accept names feed types");
	fetch_result_free(&c.res);
}

static void test_no_type(const struct server *s)
{
	struct call c;

	fetch_path(&c, s, "/no-type", 0, 0);
	is_int(c.rc, 0, "no-type: fetched (%s)", c.err);
	ok(c.res.content_type == NULL, "no-type: content_type is NULL");
	fetch_result_free(&c.res);
}

static void test_status(const struct server *s, const char *path, long status, const char *want)
{
	struct call c;

	fetch_path(&c, s, path, 0, 0);
	is_int(c.rc, -1, "%s: fails", path);
	is_int(c.res.status, status, "%s: status kept", path);
	is_str(c.err, want, "%s: message", path);
	fetch_result_free(&c.res);
}

static void test_redirects(const struct server *s, const struct buf *feed)
{
	struct call c;
	char *log;
	size_t before;

	fetch_path(&c, s, "/redirect-chain/5", 0, 0);
	is_int(c.rc, 0, "5 redirects are followed (%s)", c.err);
	ok(ends_with(c.res.final_url, "/ok.xml"), "final URL is where they led: %s", c.res.final_url);
	ok(c.res.body.len == feed->len, "body is the feed after redirects");
	fetch_result_free(&c.res);

	fetch_path(&c, s, "/redirect-chain/6", 0, 0);
	is_int(c.rc, -1, "6 redirects are too many");
	ok(contains(c.err, "more than 5 redirects"), "6 redirects: message: %s", c.err);
	fetch_result_free(&c.res);

	log = read_log(s);
	before = count_lines(log, "GET /redirect-loop");
	free(log);
	fetch_path(&c, s, "/redirect-loop", 0, 0);
	is_int(c.rc, -1, "redirect loop fails");
	ok(contains(c.err, "more than 5 redirects (a redirect loop?)"), "redirect loop: message: %s", c.err);
	log = read_log(s);
	is_int(count_lines(log, "GET /redirect-loop") - before, 6, "redirect loop: 1 request + 5 redirects, then stop");
	free(log);
	fetch_result_free(&c.res);

	fetch_path(&c, s, "/redirect-nowhere", 0, 0);
	is_int(c.rc, -1, "302 without Location fails");
	ok(contains(c.err, "HTTP 302") && contains(c.err, "without a Location"), "302 without Location: message: %s", c.err);
	fetch_result_free(&c.res);
}

/* A redirect must not reach another protocol: not a local file, not ftp. */
static void test_redirect_refused(const struct server *s)
{
	struct call c;
	size_t before;
	char *log;

	fetch_path(&c, s, "/redirect-file", 0, 0);
	is_int(c.rc, -1, "redirect to file:// refused");
	ok(contains(c.err, "refused to follow a redirect to file:///etc/passwd"), "redirect to file://: message: %s", c.err);
	ok(!contains(c.res.body.data, "root:"), "redirect to file://: no local file read");
	fetch_result_free(&c.res);

	before = log_size(s);
	fetch_path(&c, s, "/redirect-ftp", 5, 0);
	is_int(c.rc, -1, "redirect to ftp:// refused");
	ok(contains(c.err, "refused to follow a redirect to ftp://"), "redirect to ftp://: message: %s", c.err);
	log = read_log(s);
	is_str(log + before, "connect\nGET /redirect-ftp\n", "redirect to ftp://: no connection after the redirect");
	free(log);
	fetch_result_free(&c.res);
}

/* Refused URLs never reach the server: its log does not grow. */
static void test_refused(const struct server *s, const char *url, const char *want)
{
	struct call c;
	size_t before = log_size(s);

	fetch(&c, url, 5, 0);
	is_int(c.rc, -1, "'%s' refused", url);
	ok(contains(c.err, want), "'%s': message: %s", url, c.err);
	ok(c.res.body.len == 0 && c.res.final_url == NULL, "'%s': nothing fetched", url);
	is_int(log_size(s), before, "'%s': no request made", url);
	fetch_result_free(&c.res);
}

static void test_refused_urls(const struct server *s)
{
	char url[256];

	test_refused(s, "file:///etc/passwd", "unsupported URL scheme \"file\": only http and https");
	snprintf(url, sizeof url, "ftp://127.0.0.1:%d/ok.xml", s->port);
	test_refused(s, url, "unsupported URL scheme \"ftp\"");
	snprintf(url, sizeof url, "gopher://127.0.0.1:%d/ok.xml", s->port);
	test_refused(s, url, "unsupported URL scheme \"gopher\"");
	snprintf(url, sizeof url, "127.0.0.1:%d/ok.xml", s->port);
	test_refused(s, url, "not an absolute http or https URL");
	test_refused(s, "", "not an absolute http or https URL");
}

static void test_scheme_case(const struct server *s)
{
	struct call c;
	char url[256];

	snprintf(url, sizeof url, "HTTP://127.0.0.1:%d/ok.xml", s->port);
	fetch(&c, url, 0, 0);
	is_int(c.rc, 0, "HTTP:// in capitals is http (%s)", c.err);
	fetch_result_free(&c.res);
}

static void test_timeout(const struct server *s, const char *path)
{
	struct call c;

	fetch_path(&c, s, path, SHORT_TIMEOUT, 0);
	is_int(c.rc, -1, "%s: times out", path);
	ok(contains(c.err, "no complete answer within 2 s"), "%s: message: %s", path, c.err);
	ok(c.seconds >= 1.0 && c.seconds < GENEROUS_S, "%s: gave up after %.1f s (timeout 2 s, server sleeps 60 s)",
	   path, c.seconds);
	fetch_result_free(&c.res);
}

static void test_stall_keeps_partial(const struct server *s, const struct buf *feed)
{
	struct call c;

	fetch_path(&c, s, "/stall", SHORT_TIMEOUT, 0);
	is_int(c.rc, -1, "stall: times out");
	ok(contains(c.err, "no complete answer within 2 s"), "stall: message: %s", c.err);
	ok(c.seconds >= 1.0 && c.seconds < GENEROUS_S, "stall: gave up after %.1f s (timeout 2 s)", c.seconds);
	ok(c.res.body.len > 0 && c.res.body.len < feed->len,
	   "stall: the part that arrived is kept (%zu of %zu bytes)", c.res.body.len, feed->len);
	is_int(c.res.status, 200, "stall: status kept");
	fetch_result_free(&c.res);
}

/* max_size 0 asks for the default, limit is the cap then in force. */
static void test_cap(const struct server *s, const char *path, size_t max_size, size_t limit)
{
	struct call c;
	char want[128];

	snprintf(want, sizeof want, "the body is larger than the limit of %zu bytes", limit);
	fetch_path(&c, s, path, 0, max_size);
	is_int(c.rc, -1, "%s: over the cap fails", path);
	is_str(c.err, want, "%s: message", path);
	ok(c.res.body.len <= limit, "%s: kept %zu bytes, cap %zu", path, c.res.body.len, limit);
	ok(c.seconds < GENEROUS_S, "%s: stopped early (%.1f s)", path, c.seconds);
	fetch_result_free(&c.res);
}

static void test_caps(const struct server *s)
{
	test_cap(s, "/big", CAP, CAP);
	test_cap(s, "/big-length", CAP, CAP);
	test_cap(s, "/endless", CAP, CAP);
	test_cap(s, "/gzip-bomb", CAP, CAP);
	test_cap(s, "/big", 0, FETCH_DEFAULT_MAX_SIZE);
}

/* The cap is inclusive: a body of exactly max_size bytes passes. */
static void test_cap_boundary(const struct server *s, const struct buf *feed)
{
	struct call c;

	fetch_path(&c, s, "/ok.xml", 0, feed->len);
	is_int(c.rc, 0, "cap equal to the body size passes (%s)", c.err);
	fetch_result_free(&c.res);
	fetch_path(&c, s, "/ok.xml", 0, feed->len - 1);
	is_int(c.rc, -1, "cap one byte below the body size fails");
	fetch_result_free(&c.res);
	fetch_path(&c, s, "/gzip.xml", 0, feed->len);
	is_int(c.rc, 0, "gzip: the cap counts decoded bytes, equal passes (%s)", c.err);
	fetch_result_free(&c.res);
	fetch_path(&c, s, "/gzip.xml", 0, feed->len - 1);
	is_int(c.rc, -1, "gzip: decoded one byte over the cap fails");
	fetch_result_free(&c.res);
	fetch_path(&c, s, "/ok.xml", 0, SIZE_MAX);
	is_int(c.rc, 0, "a cap of SIZE_MAX (past curl_off_t) works (%s)", c.err);
	fetch_result_free(&c.res);
}

/* A port with a socket bound but not listening refuses connections, and
 * holding it keeps anyone else from listening there meanwhile. */
static void test_refused_connection(void)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof sa;
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct call c;
	char url[256];

	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0 ||
	    getsockname(fd, (struct sockaddr *)&sa, &len) != 0) {
		ok(0, "connection refused: cannot set up a closed port: %s", strerror(errno));
		return;
	}
	snprintf(url, sizeof url, "http://127.0.0.1:%d/ok.xml", ntohs(sa.sin_port));
	fetch(&c, url, 5, 0);
	is_int(c.rc, -1, "connection refused fails");
	is_str(c.err, "cannot connect to the server: Connection refused", "connection refused: message");
	is_int(c.res.status, 0, "connection refused: no status");
	fetch_result_free(&c.res);
	close(fd);
}

static void test_errbuf_edges(const struct server *s)
{
	struct fetch_result res;
	char url[256], small[8];
	int rc;

	snprintf(url, sizeof url, "http://127.0.0.1:%d/404", s->port);
	rc = fetch_url(url, NULL, &res, NULL, 0);
	is_int(rc, -1, "no errbuf: still fails cleanly");
	fetch_result_free(&res);
	memset(small, 'z', sizeof small);
	rc = fetch_url(url, NULL, &res, small, sizeof small);
	ok(rc == -1 && memchr(small, '\0', sizeof small) != NULL, "small errbuf: truncated, terminated: '%s'", small);
	fetch_result_free(&res);
}

/* The URL printed: the password (or a lone user name) masked, nothing else
 * touched. */
static void test_redact(void)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "https://user:pass@host/feed", "https://user:***@host/feed" },
		{ "https://token@host/feed", "https://***@host/feed" },
		{ "https://user:p@ss@host:8080/x?y=1", "https://user:***@host:8080/x?y=1" },
		{ "https://user:@host/", "https://user:***@host/" },
		{ "https://host/a@b?c=d@e#f@g", "https://host/a@b?c=d@e#f@g" },
		{ "https://host", "https://host" },
		{ "https://u:p@host", "https://u:***@host" },
		{ "not a url", "not a url" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = fetch_redact_url(cases[i].in);
		is_str(got, cases[i].want, "redact %s", cases[i].in);
		free(got);
	}
}

int main(void)
{
	struct server s = { 0 };
	struct buf feed;

	/* A proxy from the environment would turn local requests into its own. */
	setenv("no_proxy", "*", 1);
	setenv("NO_PROXY", "*", 1);
	test_redact();
	if (server_start(&s) != 0) {
		printf("Bail out! cannot start tests/httpd.py with python3 (top_srcdir=%s)\n",
		       getenv("top_srcdir") ? getenv("top_srcdir") : "unset");
		server_stop(&s);
		return 1;
	}
	feed = test_ok(&s);
	test_null_options(&s, &feed);
	test_encoded(&s, &feed, "/gzip.xml");
	test_encoded(&s, &feed, "/deflate.xml");
	test_bad_encoding(&s);
	test_request_headers(&s);
	test_no_type(&s);
	test_status(&s, "/404", 404, "HTTP error 404 Not Found");
	test_status(&s, "/500", 500, "HTTP error 500 Internal Server Error");
	test_redirects(&s, &feed);
	test_redirect_refused(&s);
	test_refused_urls(&s);
	test_scheme_case(&s);
	test_timeout(&s, "/slow");
	test_stall_keeps_partial(&s, &feed);
	test_caps(&s);
	test_cap_boundary(&s, &feed);
	test_refused_connection();
	test_errbuf_edges(&s);
	buf_free(&feed);
	server_stop(&s);
	return tap_done();
}
