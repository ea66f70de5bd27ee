/* strmap.h: a map from strings to indexes, for grouping many items by a name
 * they share (a category, an entry id) in one pass instead of a sort.
 *
 * Ownership: the map points at the caller's strings and never copies or frees
 * them, so they must outlive it; strmap_free() releases the map's own arrays. */
#ifndef FEEDGEN_STRMAP_H
#define FEEDGEN_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct strmap {
	const char **keys;	/* NULL: a free slot */
	size_t *vals;
	uint64_t *hashes;
	size_t cap;		/* a power of two */
	size_t n;
};

void strmap_init(struct strmap *m, size_t expected);
/* The index stored for key; when key is not there yet, stores val for it and
 * returns val. */
size_t strmap_get_or_add(struct strmap *m, const char *key, size_t val);
/* The hash strmap keeps for s: a caller may compute it ahead (on the thread
 * that made s, say) and pass it to strmap_get_or_add_hashed(). */
uint64_t strmap_hash(const char *s);
/* strmap_get_or_add() for a key whose strmap_hash() is h: the key's text is
 * read only when another key has the same hash. */
size_t strmap_get_or_add_hashed(struct strmap *m, const char *key, uint64_t h, size_t val);
void strmap_free(struct strmap *m);

#endif
