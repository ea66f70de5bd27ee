/* fetch.c: one feed over http(s) with libcurl, bounded in protocols,
 * redirects, time and size. The messages say what went wrong in the words of
 * someone running `feedgen validate URL`, not in libcurl's.
 *
 * libcurl is opened with dlopen() when a URL is fetched, not linked: it
 * brings 29 more shared libraries (TLS, Kerberos, LDAP, ...) whose loading
 * and constructors cost every run of feedgen about 6 ms, and only
 * `feedgen validate URL` uses them. */
#include <config.h>

#include <dlfcn.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "base/fetch.h"

#define FETCH_PROTOCOLS "http,https"
#define FETCH_FORM_TYPE "Content-Type: application/x-www-form-urlencoded"
#define FETCH_ACCEPT "Accept: application/atom+xml, application/rss+xml, " \
	"application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"

static void set_error(char *errbuf, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The libcurl functions fetch.c calls, looked up in the library once it is
 * opened. */
struct curl_api {
	CURLcode (*global_init)(long);
	void (*global_cleanup)(void);
	CURL *(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
	CURLcode (*easy_perform)(CURL *);
	CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
	void (*easy_cleanup)(CURL *);
	const char *(*easy_strerror)(CURLcode);
	struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
	void (*slist_free_all)(struct curl_slist *);
	CURLU *(*url)(void);
	CURLUcode (*url_set)(CURLU *, CURLUPart, const char *, unsigned int);
	CURLUcode (*url_get)(const CURLU *, CURLUPart, char **, unsigned int);
	void (*url_cleanup)(CURLU *);
	void (*free)(void *);
	curl_version_info_data *(*version_info)(CURLversion);
	char *(*easy_escape)(CURL *, const char *, int);
};

#define CURL_FN(field, name) { offsetof(struct curl_api, field), name }
static const struct {
	size_t offset;
	const char *name;
} curl_fns[] = {
	CURL_FN(global_init, "curl_global_init"),
	CURL_FN(global_cleanup, "curl_global_cleanup"),
	CURL_FN(easy_init, "curl_easy_init"),
	CURL_FN(easy_setopt, "curl_easy_setopt"),
	CURL_FN(easy_perform, "curl_easy_perform"),
	CURL_FN(easy_getinfo, "curl_easy_getinfo"),
	CURL_FN(easy_cleanup, "curl_easy_cleanup"),
	CURL_FN(easy_strerror, "curl_easy_strerror"),
	CURL_FN(slist_append, "curl_slist_append"),
	CURL_FN(slist_free_all, "curl_slist_free_all"),
	CURL_FN(url, "curl_url"),
	CURL_FN(url_set, "curl_url_set"),
	CURL_FN(url_get, "curl_url_get"),
	CURL_FN(url_cleanup, "curl_url_cleanup"),
	CURL_FN(free, "curl_free"),
	CURL_FN(version_info, "curl_version_info"),
	CURL_FN(easy_escape, "curl_easy_escape"),
};

/* Opens libcurl (CURL_SONAME, found by configure) and fills *api; -1 with
 * dlerror()'s text in errbuf when it cannot. The library is never closed:
 * the TLS libraries it loads register exit handlers, which must not point
 * into unmapped code at exit. */
static int curl_api_open(struct curl_api *api, char *errbuf, size_t errlen)
{
	void *lib = dlopen(CURL_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		set_error(errbuf, errlen, "cannot load libcurl (%s): %s", CURL_SONAME, dlerror());
		return -1;
	}
	for (size_t i = 0; i < sizeof curl_fns / sizeof curl_fns[0]; i++) {
		void *fn = dlsym(lib, curl_fns[i].name);
		if (!fn) {
			set_error(errbuf, errlen, "cannot load libcurl (%s): no %s", CURL_SONAME,
				  curl_fns[i].name);
			return -1;
		}
		/* POSIX dlsym(): a function's address comes back as a void *. */
		memcpy((char *)api + curl_fns[i].offset, &fn, sizeof fn);
	}
	return 0;
}

const char *fetch_curl_version(void)
{
	struct curl_api api;
	char err[256];
	if (curl_api_open(&api, err, sizeof err) != 0)
		return NULL;
	const curl_version_info_data *v = api.version_info(CURLVERSION_NOW);
	return v ? v->version : NULL;
}

/* Where the write callback puts the body, and why it stopped taking it;
 * what the header callback saw of the last response's header. */
struct sink {
	struct buf *body;
	size_t max;
	bool too_big;
	size_t header_bytes;	/* of the last response so far */
	bool header_too_big;
	char encoding[64];	/* its Content-Encoding, "" when none */
};

/* The reason phrases for the statuses a feed URL commonly answers with;
 * libcurl does not hand over the server's own phrase. */
static const struct {
	long status;
	const char *reason;
} reasons[] = {
	{ 300, "Multiple Choices" }, { 304, "Not Modified" },
	{ 400, "Bad Request" }, { 401, "Unauthorized" }, { 403, "Forbidden" },
	{ 404, "Not Found" }, { 405, "Method Not Allowed" },
	{ 406, "Not Acceptable" }, { 408, "Request Timeout" }, { 410, "Gone" },
	{ 429, "Too Many Requests" }, { 451, "Unavailable For Legal Reasons" },
	{ 500, "Internal Server Error" }, { 501, "Not Implemented" },
	{ 502, "Bad Gateway" }, { 503, "Service Unavailable" },
	{ 504, "Gateway Timeout" },
};

static const char *reason_of(long status)
{
	for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
		if (reasons[i].status == status)
			return reasons[i].reason;
	return NULL;
}

void fetch_options_default(struct fetch_options *opt)
{
	opt->timeout_s = FETCH_DEFAULT_TIMEOUT_S;
	opt->max_size = FETCH_DEFAULT_MAX_SIZE;
}

void fetch_result_free(struct fetch_result *res)
{
	buf_free(&res->body);
	free(res->final_url);
	free(res->content_type);
	res->final_url = NULL;
	res->content_type = NULL;
	res->status = 0;
}

static void result_init(struct fetch_result *res)
{
	buf_init(&res->body);
	res->final_url = NULL;
	res->content_type = NULL;
	res->status = 0;
}

static void set_error(char *errbuf, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (!errbuf || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(errbuf, errlen, fmt, ap);
	/* Server text (reason phrases, URLs) may be any bytes. */
	utf8_scrub(errbuf);
	va_end(ap);
}

/* Refuse anything but an absolute http(s) URL before any connection is
 * made; libcurl's protocol list below also guards the redirects. */
static int check_scheme(const struct curl_api *api, const char *url, char *errbuf,
			size_t errlen)
{
	CURLU *u = api->url();
	char *scheme = NULL;
	int ok;

	if (!u)
		abort();
	if (api->url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK ||
	    api->url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK) {
		api->url_cleanup(u);
		set_error(errbuf, errlen, "not an absolute http or https URL");
		return -1;
	}
	ok = strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0;
	if (!ok)
		set_error(errbuf, errlen,
			  "unsupported URL scheme \"%s\": only http and https are fetched", scheme);
	api->free(scheme);
	api->url_cleanup(u);
	return ok ? 0 : -1;
}

/* libcurl hands over the body already decoded, so the cap counts the bytes
 * the feed really has, not the compressed ones. Returning less than given
 * aborts the transfer with CURLE_WRITE_ERROR. */
static size_t on_body(char *data, size_t size, size_t nmemb, void *userdata)
{
	struct sink *s = userdata;
	size_t n = size * nmemb;

	if (n > s->max - s->body->len) {
		s->too_big = true;
		return 0;
	}
	buf_add(s->body, data, n);
	return n;
}

static bool header_is(const char *line, size_t n, const char *name)
{
	size_t k = strlen(name);
	return n > k && strncasecmp(line, name, k) == 0 && line[k] == ':';
}

/* Counts the header's bytes (a redirect's response starts again) and keeps
 * its Content-Encoding for the messages. Returning less than given aborts
 * the transfer. */
static size_t on_header(char *line, size_t size, size_t nmemb, void *userdata)
{
	struct sink *s = userdata;
	size_t n = size * nmemb;

	if (n >= 5 && strncmp(line, "HTTP/", 5) == 0) {
		s->header_bytes = 0;
		s->encoding[0] = '\0';
	}
	s->header_bytes += n;
	if (s->header_bytes > FETCH_MAX_HEADER) {
		s->header_too_big = true;
		return 0;
	}
	if (header_is(line, n, "Content-Encoding")) {
		const char *v = line + strlen("Content-Encoding:");
		size_t len = n - strlen("Content-Encoding:");
		while (len > 0 && (*v == ' ' || *v == '\t'))
			v++, len--;
		while (len > 0 && (v[len - 1] == '\r' || v[len - 1] == '\n' || v[len - 1] == ' '))
			len--;
		snprintf(s->encoding, sizeof s->encoding, "%.*s", (int)len, v);
	}
	return n;
}

static CURLcode set_protocols(const struct curl_api *api, CURL *h)
{
	CURLcode rc;

#if LIBCURL_VERSION_NUM >= 0x075500	/* 7.85: the _STR forms; the others are deprecated */
	rc = api->easy_setopt(h, CURLOPT_PROTOCOLS_STR, FETCH_PROTOCOLS);
	if (rc == CURLE_OK)
		rc = api->easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, FETCH_PROTOCOLS);
#else
	rc = api->easy_setopt(h, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
	if (rc == CURLE_OK)
		rc = api->easy_setopt(h, CURLOPT_REDIR_PROTOCOLS,
				      (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	return rc;
}

/* Every option matters to safety or to the messages, so a failure to set
 * one stops the fetch rather than running it half-configured. */
static CURLcode set_options(const struct curl_api *api, CURL *h, const char *url,
			    const struct fetch_options *opt, struct sink *sink,
			    struct curl_slist *headers, char *curl_err)
{
	/* Refuses a declared Content-Length over the cap before the body;
	 * on_body() counts the rest. 0, libcurl's "no limit", for a cap too
	 * big to be a curl_off_t: on_body() then checks alone. */
	curl_off_t max_declared = (curl_off_t)opt->max_size;

	if (max_declared < 0)
		max_declared = 0;

	if (set_protocols(api, h) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_URL, url) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_MAXREDIRS, FETCH_MAX_REDIRECTS) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_TIMEOUT, opt->timeout_s) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, max_declared) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "") != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_USERAGENT, "feedgen/" PACKAGE_VERSION) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_HTTPHEADER, headers) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_FAILONERROR, 1L) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_NOSIGNAL, 1L) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_ERRORBUFFER, curl_err) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_WRITEDATA, sink) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_HEADERDATA, sink) != CURLE_OK)
		return CURLE_FAILED_INIT;
	return CURLE_OK;
}

/* Copies what libcurl knows about the last response into res. */
static void collect_info(const struct curl_api *api, CURL *h, struct fetch_result *res)
{
	char *s = NULL;

	api->easy_getinfo(h, CURLINFO_RESPONSE_CODE, &res->status);
	if (api->easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &s) == CURLE_OK && s)
		res->final_url = xstrdup(s);
	s = NULL;
	if (api->easy_getinfo(h, CURLINFO_CONTENT_TYPE, &s) == CURLE_OK && s)
		res->content_type = xstrdup(s);
}

/* " (at URL)" when redirects led somewhere else, so the message names the
 * URL that failed; empty otherwise. */
static void where(const struct curl_api *api, CURL *h, const struct fetch_result *res,
		  char *out, size_t outlen)
{
	long redirects = 0;

	out[0] = '\0';
	api->easy_getinfo(h, CURLINFO_REDIRECT_COUNT, &redirects);
	if (redirects > 0 && res->final_url) {
		char *shown = fetch_redact_url(res->final_url);
		snprintf(out, outlen, " (at %s)", shown);
		free(shown);
	}
}

static void describe_status(long status, const char *at, char *errbuf, size_t errlen)
{
	const char *reason = reason_of(status);

	if (status < 400) {
		set_error(errbuf, errlen, "HTTP %ld%s%s%s: a redirect without a Location to follow",
			  status, reason ? " " : "", reason ? reason : "", at);
		return;
	}
	set_error(errbuf, errlen, "HTTP error %ld%s%s%s", status,
		  reason ? " " : "", reason ? reason : "", at);
}

static void describe_connect(const struct curl_api *api, CURL *h, const char *curl_err,
			     char *errbuf, size_t errlen)
{
	long os_errno = 0;

	api->easy_getinfo(h, CURLINFO_OS_ERRNO, &os_errno);
	if (os_errno)
		set_error(errbuf, errlen, "cannot connect to the server: %s", strerror((int)os_errno));
	else
		set_error(errbuf, errlen, "cannot connect to the server: %s", curl_err);
}

/* libcurl refuses the protocol of a redirect's target after moving its
 * effective URL there, so that URL is the one that was refused. */
static void describe_protocol(const struct curl_api *api, CURL *h,
			      const struct fetch_result *res, const char *curl_err,
			      char *errbuf, size_t errlen)
{
	long redirects = 0;

	api->easy_getinfo(h, CURLINFO_REDIRECT_COUNT, &redirects);
	if (redirects > 0 && res->final_url) {
		char *shown = fetch_redact_url(res->final_url);
		set_error(errbuf, errlen,
			  "refused to follow a redirect to %s: only http and https are fetched",
			  shown);
		free(shown);
	} else
		set_error(errbuf, errlen, "unsupported protocol: %s", curl_err);
}

/* The body could not be decoded: why, in libcurl's words when it has
 * some, else from the Content-Encoding the server named. */
static void describe_decoding(const struct sink *sink, const char *curl_err, const char *at,
			      char *errbuf, size_t errlen)
{
	if (curl_err[0])
		set_error(errbuf, errlen, "cannot decode the compressed body%s: %s", at, curl_err);
	else if (sink->encoding[0])
		set_error(errbuf, errlen, "cannot decode the compressed body%s: it is not valid "
			  "\"%s\" data (the encoding its Content-Encoding header names)", at,
			  sink->encoding);
	else
		set_error(errbuf, errlen, "cannot decode the compressed body%s: its data are not "
			  "valid for the encoding the server named", at);
}

/* One message per way a fetch fails; libcurl's own text only fills in
 * the details of the rarer ones. */
static void describe_failure(const struct curl_api *api, CURLcode rc, CURL *h,
			     const struct sink *sink,
			     const struct fetch_options *opt, const struct fetch_result *res,
			     const char *curl_err, char *errbuf, size_t errlen)
{
	char at[512];

	where(api, h, res, at, sizeof at);
	if (sink->header_too_big || (rc == CURLE_OUT_OF_MEMORY && sink->body->len == 0)) {
		/* libcurl says "Out of memory" of one header line over 100 KiB. */
		set_error(errbuf, errlen, "the response's header is too large (more than %zu KiB, "
			  "or one line of more than 100 KiB)%s", FETCH_MAX_HEADER / 1024, at);
		return;
	}
	if (sink->too_big || rc == CURLE_FILESIZE_EXCEEDED) {
		set_error(errbuf, errlen, "the body is larger than the limit of %zu bytes%s",
			  opt->max_size, at);
		return;
	}
	switch (rc) {
	case CURLE_OK:	/* a status libcurl let through: a 3xx it could not follow */
	case CURLE_HTTP_RETURNED_ERROR:
		describe_status(res->status, at, errbuf, errlen);
		return;
	case CURLE_TOO_MANY_REDIRECTS:
		set_error(errbuf, errlen, "more than %ld redirects (a redirect loop?)%s",
			  FETCH_MAX_REDIRECTS, at);
		return;
	case CURLE_UNSUPPORTED_PROTOCOL:
		describe_protocol(api, h, res, curl_err, errbuf, errlen);
		return;
	case CURLE_OPERATION_TIMEDOUT:
		set_error(errbuf, errlen,
			  "no complete answer within %ld s: the server is stalled or too slow%s",
			  opt->timeout_s, at);
		return;
	case CURLE_COULDNT_CONNECT:
		describe_connect(api, h, curl_err, errbuf, errlen);
		return;
	case CURLE_COULDNT_RESOLVE_HOST:
		set_error(errbuf, errlen, "cannot resolve the host name: %s", curl_err);
		return;
	case CURLE_BAD_CONTENT_ENCODING:
		describe_decoding(sink, curl_err, at, errbuf, errlen);
		return;
	case CURLE_WRITE_ERROR:	/* the decoder's, on_body refused nothing: junk after the data */
		if (sink->encoding[0]) {
			describe_decoding(sink, curl_err, at, errbuf, errlen);
			return;
		}
		/* fall through */
	default:
		set_error(errbuf, errlen, "%s%s%s%s", api->easy_strerror(rc),
			  curl_err[0] ? ": " : "", curl_err, at);
	}
}

/* The end of the authority of url (at '/', '?', '#' or the end), whose
 * scheme ends at p ("://" skipped). */
static const char *authority_end(const char *p)
{
	return p + strcspn(p, "/?#");
}

char *fetch_redact_url(const char *url)
{
	const char *sep = strstr(url, "://");
	if (!sep)
		return xstrdup(url);
	const char *auth = sep + 3, *end = authority_end(auth), *at = NULL;
	for (const char *p = auth; p < end; p++)
		if (*p == '@')
			at = p;	/* the last '@': a password may hold one unescaped */
	if (!at)
		return xstrdup(url);
	const char *colon = memchr(auth, ':', (size_t)(at - auth));
	const char *mask_from = colon ? colon + 1 : auth;
	struct buf b;
	buf_init(&b);
	buf_add(&b, url, (size_t)(mask_from - url));
	buf_adds(&b, "***");
	buf_adds(&b, at);
	return buf_take(&b);
}

static void resolve_options(const struct fetch_options *in, struct fetch_options *out)
{
	fetch_options_default(out);
	if (!in)
		return;
	if (in->timeout_s > 0)
		out->timeout_s = in->timeout_s;
	if (in->max_size > 0)
		out->max_size = in->max_size;
}

/* The transfer itself on a handle that api->global_init() covers. */
static int run_fetch(const struct curl_api *api, const char *url,
		     const struct fetch_options *opt, struct fetch_result *res, char *errbuf,
		     size_t errlen)
{
	char curl_err[CURL_ERROR_SIZE] = "";
	struct sink sink = { &res->body, opt->max_size, false, 0, false, "" };
	struct curl_slist *headers = api->slist_append(NULL, FETCH_ACCEPT);
	CURL *h = api->easy_init();
	CURLcode rc;
	int ret = 0;

	if (!h || !headers) {
		set_error(errbuf, errlen, "cannot set up libcurl");
		api->slist_free_all(headers);
		api->easy_cleanup(h);
		return -1;
	}
	rc = set_options(api, h, url, opt, &sink, headers, curl_err);
	if (rc == CURLE_OK)
		rc = api->easy_perform(h);
	collect_info(api, h, res);
	if (rc != CURLE_OK || res->status >= 300) {
		describe_failure(api, rc, h, &sink, opt, res, curl_err, errbuf, errlen);
		ret = -1;
	}
	api->easy_cleanup(h);
	api->slist_free_all(headers);
	return ret;
}

int fetch_url(const char *url, const struct fetch_options *opt,
	      struct fetch_result *res, char *errbuf, size_t errlen)
{
	struct fetch_options o;
	int ret;

	result_init(res);
	resolve_options(opt, &o);
	struct curl_api api;
	if (curl_api_open(&api, errbuf, errlen) != 0 || check_scheme(&api, url, errbuf, errlen) != 0)
		return -1;
	if (api.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		set_error(errbuf, errlen, "cannot initialise libcurl");
		return -1;
	}
	ret = run_fetch(&api, url, &o, res, errbuf, errlen);
	api.global_cleanup();
	if (ret == 0)
		buf_add(&res->body, "", 0);	/* an empty body is still a string */
	return ret;
}

/* ---- POST of a form (feedgen ping) ---- */

/* The answer's body is kept up to the cap and the rest dropped: what a hub
 * says is shown, never stored whole. */
static size_t on_answer_body(char *data, size_t size, size_t nmemb, void *userdata)
{
	struct sink *s = userdata;
	size_t n = size * nmemb;
	size_t room = s->max - s->body->len;

	buf_add(s->body, data, n < room ? n : room);
	return n;
}

/* name=value&... with every name and value percent-encoded by libcurl. A
 * new string; NULL when libcurl cannot encode (out of memory). */
static char *encode_form(const struct curl_api *api, CURL *h, const char *const *fields)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	for (size_t i = 0; fields[i] && fields[i + 1]; i += 2) {
		char *name = api->easy_escape(h, fields[i], 0);
		char *value = api->easy_escape(h, fields[i + 1], 0);
		if (name && value)
			buf_printf(&b, "%s%s=%s", i ? "&" : "", name, value);
		api->free(name);
		api->free(value);
		if (!name || !value) {
			buf_free(&b);
			return NULL;
		}
	}
	return buf_take(&b);
}

static enum fetch_outcome post_outcome(CURLcode rc)
{
	switch (rc) {
	case CURLE_OK:
		return FETCH_ANSWERED;
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_GOT_NOTHING:
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
		return FETCH_NO_CONNECTION;
	case CURLE_OPERATION_TIMEDOUT:
		return FETCH_TIMED_OUT;
	default:
		return FETCH_FAILED;
	}
}

static CURLcode set_post_options(const struct curl_api *api, CURL *h, const char *url,
				 const struct fetch_options *opt, const char *form,
				 struct sink *sink, struct curl_slist *headers, char *curl_err)
{
	if (set_protocols(api, h) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_URL, url) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_TIMEOUT, opt->timeout_s) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_POSTFIELDS, form) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)strlen(form)) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_USERAGENT, "feedgen/" PACKAGE_VERSION) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_HTTPHEADER, headers) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_NOSIGNAL, 1L) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_ERRORBUFFER, curl_err) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_WRITEFUNCTION, on_answer_body) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_WRITEDATA, sink) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header) != CURLE_OK ||
	    api->easy_setopt(h, CURLOPT_HEADERDATA, sink) != CURLE_OK)
		return CURLE_FAILED_INIT;
	return CURLE_OK;
}

static enum fetch_outcome run_post(const struct curl_api *api, const char *url,
				   const char *const *fields, const struct fetch_options *opt,
				   struct fetch_result *res, char *errbuf, size_t errlen)
{
	char curl_err[CURL_ERROR_SIZE] = "";
	struct sink sink = { &res->body, opt->max_size, false, 0, false, "" };
	/* No "Expect: 100-continue": the form is small, and a hub that does
	 * not answer it would cost a second of waiting. */
	struct curl_slist *headers = api->slist_append(NULL, FETCH_FORM_TYPE);
	if (headers)
		headers = api->slist_append(headers, "Expect:");
	CURL *h = api->easy_init();
	char *form = h ? encode_form(api, h, fields) : NULL;
	if (!h || !headers || !form) {
		set_error(errbuf, errlen, "cannot set up libcurl");
		free(form);
		api->slist_free_all(headers);
		api->easy_cleanup(h);
		return FETCH_FAILED;
	}
	CURLcode rc = set_post_options(api, h, url, opt, form, &sink, headers, curl_err);
	if (rc == CURLE_OK)
		rc = api->easy_perform(h);
	collect_info(api, h, res);
	enum fetch_outcome out = post_outcome(rc);
	if (out != FETCH_ANSWERED)
		describe_failure(api, rc, h, &sink, opt, res, curl_err, errbuf, errlen);
	api->easy_cleanup(h);
	api->slist_free_all(headers);
	free(form);
	return out;
}

enum fetch_outcome fetch_post_form(const char *url, const char *const *fields,
				   const struct fetch_options *opt, struct fetch_result *res,
				   char *errbuf, size_t errlen)
{
	struct fetch_options o;
	struct curl_api api;

	result_init(res);
	resolve_options(opt, &o);
	if (curl_api_open(&api, errbuf, errlen) != 0 || check_scheme(&api, url, errbuf, errlen) != 0)
		return FETCH_FAILED;
	if (api.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		set_error(errbuf, errlen, "cannot initialise libcurl");
		return FETCH_FAILED;
	}
	enum fetch_outcome out = run_post(&api, url, fields, &o, res, errbuf, errlen);
	api.global_cleanup();
	buf_add(&res->body, "", 0);	/* the answer's text is a string */
	return out;
}
