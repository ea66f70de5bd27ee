/* workers.c: running a job on every core. */
#include <config.h>

#include <threads.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "base/workers.h"

size_t workers_count(size_t items, size_t min, size_t max)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	if (items < min || cpus < 2)
		return 1;
	if (max > WORKERS_MAX)
		max = WORKERS_MAX;
	return (size_t)cpus > max ? max : (size_t)cpus;
}

size_t workers_run(int (*fn)(void *), void *const args[], size_t n)
{
	if (n > WORKERS_MAX)
		n = WORKERS_MAX;
	if (n > 1)
		xmlInitParser();
	thrd_t th[WORKERS_MAX];
	size_t started = 1;
	while (started < n && thrd_create(&th[started], fn, args[started]) == thrd_success)
		started++;
	fn(args[0]);
	for (size_t k = 1; k < started; k++)
		thrd_join(th[k], NULL);
	return started;
}
