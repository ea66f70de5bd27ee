/* feeddiff.c: two versions of a feed compared entry by entry, by hashing
 * ids, links and titles with dates (never every pair). */
#include <config.h>

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/date.h"
#include "base/strmap.h"
#include "base/text.h"
#include "publish/feeddiff.h"

#define NOT_FOUND SIZE_MAX

char *feed_link_key(const char *link)
{
	struct buf b;
	buf_init(&b);
	const char *colon = strstr(link, "://");
	if (!colon || strcspn(link, "/?#") < (size_t)(colon - link)) {
		buf_adds(&b, link);
		return buf_take(&b);
	}
	size_t slen = (size_t)(colon - link);
	for (size_t i = 0; i < slen; i++)
		buf_addc(&b, (char)tolower((unsigned char)link[i]));
	buf_adds(&b, "://");
	const char *host = colon + 3;
	size_t hlen = strcspn(host, "/?#");
	const char *at = memchr(host, '@', hlen);
	const char *h = at ? at + 1 : host;
	if (at)
		buf_add(&b, host, (size_t)(h - host));
	size_t rest = hlen - (size_t)(h - host);
	const char *port = NULL;
	for (size_t i = rest; i > 0 && h[i - 1] != ']'; i--)
		if (h[i - 1] == ':') {
			port = h + i - 1;
			break;
		}
	size_t name_len = port ? (size_t)(port - h) : rest;
	for (size_t i = 0; i < name_len; i++)
		buf_addc(&b, (char)tolower((unsigned char)h[i]));
	size_t plen = rest - name_len;
	bool default_port = port && ((slen == 4 && strncasecmp(link, "http", 4) == 0 && plen == 3 &&
				      memcmp(port, ":80", 3) == 0) ||
				     (slen == 5 && strncasecmp(link, "https", 5) == 0 && plen == 4 &&
				      memcmp(port, ":443", 4) == 0) || plen == 1);
	if (port && !default_port)
		buf_add(&b, port, plen);
	const char *path = host + hlen;
	if (*path != '/')
		buf_addc(&b, '/');
	buf_adds(&b, path);
	return buf_take(&b);
}

/* "+0800", "-05:00", "GMT", "EST", ... as seconds east of UTC. */
static int zone_offset(const char *z, long *off)
{
	static const struct { const char *name; int hours; } zones[] = {
		{"GMT", 0}, {"UT", 0}, {"UTC", 0}, {"Z", 0}, {"EST", -5}, {"EDT", -4},
		{"CST", -6}, {"CDT", -5}, {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7},
	};
	for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++)
		if (strcasecmp(z, zones[i].name) == 0) {
			*off = zones[i].hours * 3600L;
			return 0;
		}
	int hh, mm;
	if ((z[0] == '+' || z[0] == '-') && strlen(z) == 5 &&
	    sscanf(z + 1, "%2d%2d", &hh, &mm) == 2) {
		*off = (z[0] == '-' ? -1 : 1) * (hh * 3600L + mm * 60L);
		return 0;
	}
	return -1;
}

/* RFC 822 as RSS writes it: [Day, ]DD Mon YYYY HH:MM[:SS] zone. */
static int rfc822_parse(const char *s, long long *sec)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	const char *comma = strchr(s, ',');
	if (comma)
		s = comma + 1;
	int day, year, hh, mm, ss = 0;
	char mon[4], zone[16];
	int n = sscanf(s, " %d %3s %d %d:%d:%d %15s", &day, mon, &year, &hh, &mm, &ss, zone);
	if (n != 7) {
		ss = 0;
		n = sscanf(s, " %d %3s %d %d:%d %15s", &day, mon, &year, &hh, &mm, zone);
		if (n != 6)
			return -1;
	}
	const char *m = strstr(months, mon);
	long off;
	if (strlen(mon) != 3 || !m || (m - months) % 3 || zone_offset(zone, &off) != 0 ||
	    day < 1 || day > 31 || hh > 23 || mm > 59 || ss > 60)
		return -1;
	if (year < 100)
		year += year < 50 ? 2000 : 1900;
	struct tm tm = {.tm_year = year - 1900, .tm_mon = (int)((m - months) / 3), .tm_mday = day,
			.tm_hour = hh, .tm_min = mm, .tm_sec = ss};
	*sec = (long long)timegm(&tm) - off;
	return 0;
}

int feed_date_parse(const char *s, long long *sec)
{
	struct fg_time t;
	bool as_utc;
	struct date_error err;
	if (date_parse(s, DATE_PLAIN, &t, &as_utc, &err) == 0) {
		*sec = (long long)t.sec;
		return 0;
	}
	return rfc822_parse(s, sec);
}

/* Two dates the same: the same instant, or the same text when either is not
 * a date feedgen reads. */
static bool same_date(const char *a, const char *b)
{
	if (!a || !b)
		return !a && !b;
	long long x, y;
	if (feed_date_parse(a, &x) == 0 && feed_date_parse(b, &y) == 0)
		return x == y;
	return strcmp(a, b) == 0;
}

static bool same_text(const char *a, const char *b)
{
	if (!a || !b)
		return !a && !b;
	return strcmp(a, b) == 0;
}

/* The keys an entry is matched by when its id is gone: link, and title with
 * published date; for an entry with no id at all, also all it has (title,
 * dates, content), so an unchanged one is found again. NULL when none. */
struct keys {
	char **link;
	char **title_date;
	char **whole;
};

static char *title_date_key(const struct feed_entry *e)
{
	const char *date = e->published ? e->published : e->updated;
	if (!e->title || !date)
		return NULL;
	long long sec;
	struct buf b;
	buf_init(&b);
	if (feed_date_parse(date, &sec) == 0)
		buf_printf(&b, "%lld", sec);
	else
		buf_adds(&b, date);
	buf_printf(&b, "\n%s", e->title);
	return buf_take(&b);
}

static char *whole_key(const struct feed_entry *e)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s\n%s\n%s\n%llx", e->title ? e->title : "",
		   e->published ? e->published : "", e->updated ? e->updated : "",
		   (unsigned long long)e->content_hash);
	return buf_take(&b);
}

static void keys_make(struct keys *k, const struct feed_doc *doc, const bool *want)
{
	k->link = xcalloc(doc->n ? doc->n : 1, sizeof *k->link);
	k->title_date = xcalloc(doc->n ? doc->n : 1, sizeof *k->title_date);
	k->whole = xcalloc(doc->n ? doc->n : 1, sizeof *k->whole);
	for (size_t i = 0; i < doc->n; i++) {
		if (!want[i])
			continue;
		if (doc->v[i].link)
			k->link[i] = feed_link_key(doc->v[i].link);
		k->title_date[i] = title_date_key(&doc->v[i]);
		if (!doc->v[i].id)
			k->whole[i] = whole_key(&doc->v[i]);
	}
}

static void keys_free(struct keys *k, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(k->link[i]);
		free(k->title_date[i]);
		free(k->whole[i]);
	}
	free(k->link);
	free(k->title_date);
	free(k->whole);
}

static void add_item(struct feed_diff *d, enum feed_diff_kind kind, size_t o, size_t n,
		     unsigned what)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->v = xrealloc(d->v, d->cap * sizeof *d->v);
	}
	d->v[d->n++] = (struct feed_diff_item){kind, o, n, what};
	if (kind == DIFF_ADDED)
		d->added++;
	else if (kind == DIFF_REMOVED)
		d->removed++;
	else if (kind == DIFF_CHANGED)
		d->changed++;
	else
		d->reidentified++;
}

static unsigned entry_changes(const struct feed_entry *a, const struct feed_entry *b)
{
	unsigned what = 0;
	if (!same_text(a->title, b->title))
		what |= DIFF_TITLE;
	if (a->content_hash != b->content_hash)
		what |= DIFF_CONTENT;
	if (!same_date(a->published, b->published))
		what |= DIFF_PUBLISHED;
	if (!same_date(a->updated, b->updated))
		what |= DIFF_UPDATED;
	return what;
}

/* New entries by one key, several under the same key (two posts of one
 * title and day, id-less entries alike) chained in document order: the map
 * gives a key's first entry, next[] the others, head[] where the chain's
 * unused part starts, so taking them all costs each entry one step. */
struct index {
	struct strmap map;
	size_t *next, *tail, *head;
};

static void index_init(struct index *x, size_t n)
{
	strmap_init(&x->map, n);
	x->next = xcalloc(n + 1, sizeof *x->next);
	x->tail = xcalloc(n + 1, sizeof *x->tail);
	x->head = xcalloc(n + 1, sizeof *x->head);
}

static void index_free(struct index *x)
{
	strmap_free(&x->map);
	free(x->next);
	free(x->tail);
	free(x->head);
}

/* Every add before the first take. */
static void index_add(struct index *x, const char *key, size_t j)
{
	if (!key)
		return;
	size_t first = strmap_get_or_add(&x->map, key, j);
	x->next[j] = NOT_FOUND;
	if (first == j) {
		x->tail[j] = x->head[j] = j;
		return;
	}
	x->next[x->tail[first]] = j;
	x->tail[first] = j;
}

/* The first unused new entry under key, now used; NOT_FOUND when none. */
static size_t index_take(struct index *x, const char *key, bool *used)
{
	if (!key)
		return NOT_FOUND;
	size_t first = strmap_get_or_add(&x->map, key, NOT_FOUND);
	if (first == NOT_FOUND)
		return NOT_FOUND;
	size_t j = x->head[first];
	while (j != NOT_FOUND && used[j])
		j = x->next[j];
	x->head[first] = j == NOT_FOUND ? NOT_FOUND : x->next[j];
	if (j != NOT_FOUND)
		used[j] = true;
	return j;
}

void feed_diff_compute(const struct feed_doc *old_doc, const struct feed_doc *new_doc,
		       struct feed_diff *out)
{
	memset(out, 0, sizeof *out);
	struct strmap old_ids, new_ids;
	strmap_init(&old_ids, old_doc->n);
	strmap_init(&new_ids, new_doc->n);
	for (size_t i = 0; i < old_doc->n; i++)
		if (old_doc->v[i].id)
			strmap_get_or_add(&old_ids, old_doc->v[i].id, i);
	for (size_t j = 0; j < new_doc->n; j++)
		if (new_doc->v[j].id)
			strmap_get_or_add(&new_ids, new_doc->v[j].id, j);
	/* The new entries whose id the old version did not have may be old ones
	 * under a new id: indexed by link and by title and date. */
	bool *fresh = xcalloc(new_doc->n + 1, sizeof *fresh);
	bool *used = xcalloc(new_doc->n + 1, sizeof *used);
	for (size_t j = 0; j < new_doc->n; j++) {
		const char *id = new_doc->v[j].id;
		fresh[j] = !id || strmap_get_or_add(&old_ids, id, NOT_FOUND) == NOT_FOUND;
		used[j] = !fresh[j];
	}
	struct keys nk;
	keys_make(&nk, new_doc, fresh);
	struct index by_link, by_title, by_whole;
	index_init(&by_link, new_doc->n);
	index_init(&by_title, new_doc->n);
	index_init(&by_whole, new_doc->n);
	for (size_t j = 0; j < new_doc->n; j++) {
		index_add(&by_link, nk.link[j], j);
		index_add(&by_title, nk.title_date[j], j);
		index_add(&by_whole, nk.whole[j], j);
	}
	bool *gone = xcalloc(old_doc->n + 1, sizeof *gone);
	for (size_t i = 0; i < old_doc->n; i++) {
		const char *id = old_doc->v[i].id;
		size_t j = id ? strmap_get_or_add(&new_ids, id, NOT_FOUND) : NOT_FOUND;
		gone[i] = j == NOT_FOUND;
	}
	struct keys ok;
	keys_make(&ok, old_doc, gone);
	for (size_t i = 0; i < old_doc->n; i++) {
		if (!gone[i]) {
			size_t j = strmap_get_or_add(&new_ids, old_doc->v[i].id, NOT_FOUND);
			if (strmap_get_or_add(&old_ids, old_doc->v[i].id, NOT_FOUND) != i)
				continue;	/* a second entry with the id: compared once */
			unsigned what = entry_changes(&old_doc->v[i], &new_doc->v[j]);
			if (what)
				add_item(out, DIFF_CHANGED, i, j, what);
			continue;
		}
		size_t j = index_take(&by_link, ok.link[i], used);
		if (j == NOT_FOUND)
			j = index_take(&by_title, ok.title_date[i], used);
		if (j == NOT_FOUND)
			j = index_take(&by_whole, ok.whole[i], used);
		if (j == NOT_FOUND) {
			add_item(out, DIFF_REMOVED, i, NOT_FOUND, 0);
		} else if (!old_doc->v[i].id && !new_doc->v[j].id) {
			/* No id before or after: the same entry, not a new id. */
			unsigned what = entry_changes(&old_doc->v[i], &new_doc->v[j]);
			if (what)
				add_item(out, DIFF_CHANGED, i, j, what);
		} else {
			add_item(out, DIFF_REIDENTIFIED, i, j, 0);
		}
	}
	for (size_t j = 0; j < new_doc->n; j++)
		if (!used[j])
			add_item(out, DIFF_ADDED, NOT_FOUND, j, 0);
	keys_free(&ok, old_doc->n);
	keys_free(&nk, new_doc->n);
	free(gone);
	free(fresh);
	free(used);
	index_free(&by_link);
	index_free(&by_title);
	index_free(&by_whole);
	strmap_free(&old_ids);
	strmap_free(&new_ids);
}

void feed_diff_free(struct feed_diff *d)
{
	free(d->v);
	memset(d, 0, sizeof *d);
}

/* "'Title' <link>" for messages. A new string. */
static char *entry_shown(const struct feed_entry *e)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "'%s'", e->title ? e->title : "(untitled)");
	if (e->link)
		buf_printf(&b, " <%s>", e->link);
	return buf_take(&b);
}

static char *changes_shown(unsigned what)
{
	static const struct { unsigned bit; const char *word; } words[] = {
		{DIFF_TITLE, "title"}, {DIFF_CONTENT, "content"},
		{DIFF_PUBLISHED, "published date"}, {DIFF_UPDATED, "updated date"},
	};
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (what & words[i].bit)
			buf_printf(&b, "%s%s", b.len ? ", " : "", words[i].word);
	return buf_take(&b);
}

static void report_item(const struct feed_diff_item *it, const struct feed_doc *od,
			const char *oname, const struct feed_doc *nd, const char *nname,
			struct diag_sink *diag)
{
	const struct feed_entry *o = it->kind == DIFF_ADDED ? NULL : &od->v[it->old_i];
	const struct feed_entry *n = it->kind == DIFF_REMOVED ? NULL : &nd->v[it->new_i];
	char *shown = entry_shown(n ? n : o);
	char *what = NULL;
	switch (it->kind) {
	case DIFF_REIDENTIFIED:
		diag_report(diag, DIAG_ERROR, nname, n->line, 0, "id-changed",
			    "entry %s changed id from %s to %s", shown, o->id ? o->id : "(none)",
			    n->id ? n->id : "(none)");
		break;
	case DIFF_ADDED:
		diag_report(diag, DIAG_NOTE, nname, n->line, 0, "entry-added", "entry %s added (id %s)",
			    shown, n->id ? n->id : "(none)");
		break;
	case DIFF_REMOVED:
		diag_report(diag, DIAG_NOTE, oname, o->line, 0, "entry-removed",
			    "entry %s removed (id %s)", shown, o->id ? o->id : "(none)");
		break;
	case DIFF_CHANGED:
		what = changes_shown(it->what);
		if (it->what & DIFF_TITLE)
			diag_report(diag, DIAG_NOTE, nname, n->line, 0, "entry-changed",
				    "entry %s (id %s) changed: %s (title was '%s')", shown,
				    n->id ? n->id : "(none)", what,
				    o->title ? o->title : "");
		else
			diag_report(diag, DIAG_NOTE, nname, n->line, 0, "entry-changed",
				    "entry %s (id %s) changed: %s", shown,
				    n->id ? n->id : "(none)", what);
		break;
	}
	free(what);
	free(shown);
}

void feed_diff_report(const struct feed_diff *d, const struct feed_doc *old_doc,
		      const char *old_name, const struct feed_doc *new_doc, const char *new_name,
		      bool only_reidentified, struct diag_sink *diag)
{
	for (size_t i = 0; i < d->n; i++)
		if (!only_reidentified || d->v[i].kind == DIFF_REIDENTIFIED)
			report_item(&d->v[i], old_doc, old_name, new_doc, new_name, diag);
}

char *feed_diff_summary(const struct feed_diff *d)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%zu added, %zu removed, %zu changed, %zu re-identified", d->added, d->removed,
		   d->changed, d->reidentified);
	return buf_take(&b);
}
