/* fetch.h: reading a feed from an http(s) URL with libcurl.
 *
 * Only http and https are fetched, for the first URL and for every redirect
 * (a feed that redirects to file:///etc/passwd must not read that file). At
 * most FETCH_MAX_REDIRECTS redirects are followed. The body is decoded
 * (gzip, deflate) as it arrives and the transfer stops as soon as the decoded
 * size passes the cap, so a small gzip bomb cannot grow past it.
 *
 * The response's header may hold at most FETCH_MAX_HEADER bytes (libcurl's
 * own limit for one header line is 100 KiB); a larger one fails the fetch
 * saying so.
 *
 * Ownership: the caller owns the struct fetch_result; fetch_url() fills it
 * and fetch_result_free() releases what it holds (body, final URL, content
 * type). fetch_url() always initialises *res first, so fetch_result_free()
 * is to be called after every fetch_url(), whether it succeeded or not.
 *
 * libcurl is loaded (dlopen) by the first call that needs it, so programs
 * that never fetch do not pay for loading it and the TLS libraries behind it.
 *
 * libcurl's global state: fetch_url() calls curl_global_init() and
 * curl_global_cleanup() itself, as a pair around each fetch. Both are
 * reference-counted, and thread-safe since libcurl 7.84, so callers (main
 * included) need no set-up, and a main that does call curl_global_init()
 * itself keeps working. */
#ifndef FEEDGEN_FETCH_H
#define FEEDGEN_FETCH_H

#include <stddef.h>

#include "base/text.h"

#define FETCH_DEFAULT_TIMEOUT_S 30L
#define FETCH_DEFAULT_MAX_SIZE ((size_t)50 * 1024 * 1024)
#define FETCH_MAX_REDIRECTS 5L
#define FETCH_MAX_HEADER ((size_t)256 * 1024)

struct fetch_options {
	long timeout_s;		/* whole transfer, connecting included; <= 0: default */
	size_t max_size;	/* body bytes after decoding; 0: default */
};

struct fetch_result {
	struct buf body;	/* the bytes as decoded; NUL-terminated on success */
	char *final_url;	/* the URL after redirects; NULL if never reached */
	char *content_type;	/* the Content-Type header as sent; NULL if none */
	long status;		/* last HTTP status; 0 if no answer */
};

/* Options with the defaults (30 s, 50 MiB). */
void fetch_options_default(struct fetch_options *opt);

/* Fetch url into *res. opt may be NULL for the defaults. Returns 0 on
 * success (a status below 300 and the whole body within the cap), or -1 with
 * a one-line message in errbuf (if errbuf and errlen are non-zero) that does
 * not repeat url but names the URL a redirect led to when it failed there.
 * After -1, res->body holds what arrived before the failure (never more than
 * the cap) and res->status the last status seen, for callers that want them. */
int fetch_url(const char *url, const struct fetch_options *opt,
	      struct fetch_result *res, char *errbuf, size_t errlen);

void fetch_result_free(struct fetch_result *res);

/* A copy of url (malloc'd, the caller frees it) fit to be printed: the
 * password of its user information, or the user name when no password
 * follows it (a token), is replaced by "***": "user:pass@host" becomes
 * "user:***@host", "token@host" "***@host". Other URLs come back unchanged.
 * fetch_url()'s messages mask the URLs they name the same way. */
char *fetch_redact_url(const char *url);

/* What came of a POST (fetch_post_form()). */
enum fetch_outcome {
	FETCH_ANSWERED = 0,	/* the server answered; res->status says how */
	FETCH_NO_CONNECTION,	/* not resolved, not reached, or cut before an answer */
	FETCH_TIMED_OUT,	/* no whole answer within opt->timeout_s */
	FETCH_FAILED,		/* anything else: a refused URL, TLS, libcurl itself */
};

/* POST to url the form fields (name, value, name, value, ..., NULL), each
 * name and value percent-encoded by libcurl, as
 * application/x-www-form-urlencoded. Redirects are not followed (a 3xx is
 * the answer); only http and https. opt->timeout_s bounds the whole
 * exchange. Any status is an answer: res->status holds it and res->body the
 * first opt->max_size bytes of its body (the rest is dropped), a string.
 * Every other outcome comes with a one-line message in errbuf. As with
 * fetch_url(), fetch_result_free() is to be called afterwards. */
enum fetch_outcome fetch_post_form(const char *url, const char *const *fields,
				   const struct fetch_options *opt, struct fetch_result *res,
				   char *errbuf, size_t errlen);

/* libcurl's version ("7.88.1"), loading libcurl to ask it; NULL when it
 * cannot be loaded. The string is libcurl's own: never freed. */
const char *fetch_curl_version(void);

#endif
