/* workers.h: one job on every core — how many threads to use, and running
 * them. The loader reads posts, and sitefeeds.c finds category and tag feeds
 * and writes feeds, this way; each keeps what its threads report and replays
 * it in a fixed order.
 *
 * Ownership: nothing is kept; the arguments stay the caller's. */
#ifndef FEEDGEN_WORKERS_H
#define FEEDGEN_WORKERS_H

#include <stddef.h>

#define WORKERS_MAX 8

/* Threads for a job of items: 1 with fewer than min items or one core, else
 * one a core, at most max (itself at most WORKERS_MAX). */
size_t workers_count(size_t items, size_t min, size_t max);

/* Runs fn(args[k]) for each k below n: args[0] in the calling thread, the
 * others on threads of their own, all joined before it returns. Returns how
 * many ran: fewer than n when a thread could not be started, and the ones
 * that ran must then do all the work. libxml2 is set up first, as it must be
 * before threads use it. */
size_t workers_run(int (*fn)(void *), void *const args[], size_t n);

#endif
