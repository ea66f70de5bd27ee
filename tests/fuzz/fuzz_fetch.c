/* fuzz_fetch.c: the bytes as everything an HTTP server sends back (status
 * line, headers, body; chunked, gzip, redirects and all), served on
 * 127.0.0.1 to fetch_url(), and the body it returns then validated as by
 * `feedgen validate URL`.
 *
 * The server is a thread of this process that answers every connection with
 * the current bytes and closes it, so nothing can stall. http_proxy points
 * at it too: a redirect to any other host reaches the same server instead of
 * the network, and no name is ever looked up. */
#include <config.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "base/fetch.h"
#include "base/text.h"
#include "fuzz.h"

struct server {
	int fd;
	int port;
	pthread_mutex_t lock;
	struct buf answer;	/* what every connection gets, guarded by lock */
};

/* Read the request up to its blank line (or 64 KiB, or a 2 s silence). */
static void read_request(int c)
{
	char req[65536];
	size_t n = 0;
	while (n < sizeof req - 1) {
		ssize_t k = recv(c, req + n, sizeof req - 1 - n, 0);
		if (k <= 0)
			return;
		n += (size_t)k;
		req[n] = '\0';
		if (strstr(req, "\r\n\r\n"))
			return;
	}
}

static void *serve(void *arg)
{
	struct server *s = arg;
	for (;;) {
		int c = accept(s->fd, NULL, NULL);
		if (c < 0)
			continue;
		struct timeval tv = { 2, 0 };
		setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
		setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
		read_request(c);
		pthread_mutex_lock(&s->lock);
		for (size_t done = 0; done < s->answer.len;) {
			ssize_t k = send(c, s->answer.data + done, s->answer.len - done, MSG_NOSIGNAL);
			if (k <= 0)
				break;
			done += (size_t)k;
		}
		pthread_mutex_unlock(&s->lock);
		shutdown(c, SHUT_WR);
		close(c);
	}
	return NULL;
}

/* One server a process, started on first use; it lives until exit. */
static struct server *the_server(void)
{
	static struct server s = { .fd = -1 };
	if (s.fd >= 0)
		return &s;
	struct sockaddr_in a;
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t alen = sizeof a;
	s.fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (s.fd < 0 || bind(s.fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(s.fd, 16) != 0 ||
	    getsockname(s.fd, (struct sockaddr *)&a, &alen) != 0) {
		perror("fuzz_fetch: cannot listen on 127.0.0.1");
		abort();
	}
	s.port = ntohs(a.sin_port);
	pthread_mutex_init(&s.lock, NULL);
	buf_init(&s.answer);
	char proxy[64];
	snprintf(proxy, sizeof proxy, "http://127.0.0.1:%d", s.port);
	setenv("http_proxy", proxy, 1);
	setenv("https_proxy", proxy, 1);
	unsetenv("HTTPS_PROXY");
	unsetenv("ALL_PROXY");
	unsetenv("all_proxy");
	unsetenv("no_proxy");
	unsetenv("NO_PROXY");
	/* fetch_url() pairs curl_global_init/cleanup; holding one reference
	 * here keeps libcurl (and TLS) from being set up again for every input. */
	curl_global_init(CURL_GLOBAL_DEFAULT);
	pthread_t t;
	if (pthread_create(&t, NULL, serve, &s) != 0)
		abort();
	pthread_detach(t);
	return &s;
}

static int contains(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(hay + i, needle, k) == 0)
			return 1;
	return 0;
}

static void set_answer(struct server *s, const uint8_t *data, size_t size)
{
	pthread_mutex_lock(&s->lock);
	s->answer.len = 0;
	buf_add(&s->answer, data, size);
	pthread_mutex_unlock(&s->lock);
}

int fuzz_fetch(const uint8_t *data, size_t size)
{
	struct server *s = the_server();
	set_answer(s, data, size);
	char url[64];
	snprintf(url, sizeof url, "http://127.0.0.1:%d/feed.xml", s->port);
	struct fetch_options opt = { 5, 1 << 20 };
	struct fetch_result res;
	char why[512] = "";
	int rc = fetch_url(url, &opt, &res, why, sizeof why);
	fuzz_check(res.body.len <= opt.max_size, "a body never passes the size cap");
	/* Redirects are refused outside http(s): no local file comes back. */
	if (contains(res.body.data, res.body.len, "root:x:0:0"))
		fuzz_check(contains((const char *)data, size, "root:x:0:0"), "no local file is read");
	if (rc == 0) {
		fuzz_check(res.status < 300, "a fetch succeeds only with a final 2xx");
		fuzz_validate((const uint8_t *)res.body.data, res.body.len);
	} else {
		fuzz_check(why[0] != '\0', "a failed fetch says why");
		fuzz_check(fuzz_utf8_ok(why, strlen(why)), "the reason is UTF-8 (JSON needs it)");
	}
	fetch_result_free(&res);
	return 0;
}
