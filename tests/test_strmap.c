/* test_strmap: strings map to the index first stored for them, compared by
 * their text (not their address), through growth and with long shared
 * prefixes. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strmap.h"
#include "tap.h"

#define N 5000

static void test_map(void)
{
	static char keys[N][64], again[N][64];
	for (size_t i = 0; i < N; i++) {
		snprintf(keys[i], sizeof keys[i], "https://example.com/some/long/shared/path/%zu", i);
		memcpy(again[i], keys[i], sizeof keys[i]);
	}
	struct strmap m;
	strmap_init(&m, 4);	/* too small on purpose: it has to grow */
	size_t wrong = 0;
	for (size_t i = 0; i < N; i++)
		wrong += strmap_get_or_add(&m, keys[i], i) != i;
	is_int((int)wrong, 0, "a new key gets the index given with it");
	is_int((int)m.n, N, "%d keys stored", N);
	for (size_t i = 0; i < N; i++)
		wrong += strmap_get_or_add(&m, again[i], N + i) != i;
	is_int((int)wrong, 0, "an equal string at another address finds the first index");
	is_int((int)m.n, N, "and adds nothing");
	is_int((int)strmap_get_or_add(&m, "", 7), 7, "the empty string is a key like any");
	is_int((int)strmap_get_or_add(&m, "", 8), 7, "and is found again");
	strmap_free(&m);
	is_int((int)m.n, 0, "freed");
}

int main(void)
{
	test_map();
	return tap_done();
}
