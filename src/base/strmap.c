/* strmap.c: open addressing with linear probing, FNV-1a hashes. */
#include <config.h>
#include "base/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

uint64_t strmap_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
	return h;
}

void strmap_init(struct strmap *m, size_t expected)
{
	m->cap = 16;
	while (m->cap < expected * 2)
		m->cap *= 2;
	m->keys = xcalloc(m->cap, sizeof *m->keys);
	m->vals = xmalloc(m->cap * sizeof *m->vals);
	m->hashes = xmalloc(m->cap * sizeof *m->hashes);
	m->n = 0;
}

/* The slot holding key, or the free slot where it belongs. Keys such as
 * entry ids share long prefixes: the hashes are compared first. */
static size_t slot(const struct strmap *m, const char *key, uint64_t h)
{
	size_t i = (size_t)h & (m->cap - 1);
	while (m->keys[i] && (m->hashes[i] != h || strcmp(m->keys[i], key) != 0))
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void grow(struct strmap *m)
{
	struct strmap bigger;
	strmap_init(&bigger, m->cap);
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->keys[i])
			continue;
		size_t k = slot(&bigger, m->keys[i], m->hashes[i]);
		bigger.keys[k] = m->keys[i];
		bigger.vals[k] = m->vals[i];
		bigger.hashes[k] = m->hashes[i];
	}
	bigger.n = m->n;
	strmap_free(m);
	*m = bigger;
}

size_t strmap_get_or_add(struct strmap *m, const char *key, size_t val)
{
	return strmap_get_or_add_hashed(m, key, strmap_hash(key), val);
}

size_t strmap_get_or_add_hashed(struct strmap *m, const char *key, uint64_t h, size_t val)
{
	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	size_t i = slot(m, key, h);
	if (m->keys[i])
		return m->vals[i];
	m->keys[i] = key;
	m->vals[i] = val;
	m->hashes[i] = h;
	m->n++;
	return val;
}

void strmap_free(struct strmap *m)
{
	free(m->keys);
	free(m->vals);
	free(m->hashes);
	m->keys = NULL;
	m->vals = NULL;
	m->hashes = NULL;
	m->cap = m->n = 0;
}
