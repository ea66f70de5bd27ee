/* fuzz.h: the fuzz targets over feedgen's library, and what they share.
 *
 * Each target takes arbitrary bytes, drives the entry points users reach
 * through the program, and calls abort() when an invariant of the output
 * breaks, so libFuzzer (and tests/fuzz/replay) count it as a crash. The same
 * functions are linked into the libFuzzer binaries (tests/fuzz/libfuzzer.c)
 * and into the replay test that `make check` runs without libFuzzer.
 *
 * Ownership: targets free everything they allocate before returning; the
 * scratch folder belongs to fuzz_common.c and is removed at exit. */
#ifndef FEEDGEN_FUZZ_H
#define FEEDGEN_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "model/post.h"
#include "model/site.h"

/* A post file (front matter + body) through the loader, body rendering and
 * every feed writer; each feed must be well-formed XML (or valid JSON). */
int fuzz_post(const uint8_t *data, size_t size);
/* A front matter date, both YAML styles, in several zones; what parses must
 * print and parse back to the same instant. */
int fuzz_date(const uint8_t *data, size_t size);
/* A permalink template against fixed posts, and the bytes as slug and
 * category; the URL path must be a clean, escaped path. */
int fuzz_permalink(const uint8_t *data, size_t size);
/* A base URL and a reference (split at the first newline) through resolution,
 * absolute_url and escaping. */
int fuzz_url(const uint8_t *data, size_t size);
/* The bytes as _config.yml; the site then loads a fixed post and writes
 * every feed format, each well-formed. */
int fuzz_config(const uint8_t *data, size_t size);
/* The bytes as Markdown and as HTML: rendering, link rewriting, text. */
int fuzz_html(const uint8_t *data, size_t size);
/* The bytes as a Liquid template, rendered within tight bounds. */
int fuzz_liquid(const uint8_t *data, size_t size);
/* The bytes as a feed document for the validator. */
int fuzz_validate(const uint8_t *data, size_t size);
/* The bytes as a whole HTTP response (status line, headers, body), served on
 * 127.0.0.1 to fetch_url() and the body then to the validator. */
int fuzz_fetch(const uint8_t *data, size_t size);
/* The bytes as a published feed for feedread (feedgen diff, -o's guard): read
 * alike from memory and from a file, and compared with itself, unchanged. */
int fuzz_feedread(const uint8_t *data, size_t size);
/* The bytes as a file of a folder or a page behind a URL: sniffed, and their
 * feed links found within the cap, each absolute and listed once. */
int fuzz_discover(const uint8_t *data, size_t size);

/* The per-process scratch folder, made on first use and removed (with the
 * files in it) at exit. Aborts when it cannot be made. */
const char *fuzz_scratch_dir(void);

/* Write data to `name` inside the scratch folder (replacing it) and return
 * the full path in a new string the caller frees. Aborts on I/O errors. */
char *fuzz_write_file(const char *name, const uint8_t *data, size_t size);

/* Use zone `name` for local times, or UTC where tzdata lacks it (a missing
 * zone is the machine's business, not a finding). */
void fuzz_use_zone(const char *name);

/* A NUL-terminated copy of data (which may itself hold NULs) the caller frees. */
char *fuzz_strndup(const uint8_t *data, size_t size);

/* Abort with a message on stderr when cond is false: how a target reports a
 * broken invariant to libFuzzer. */
void fuzz_check(int cond, const char *what);

/* True when s[0..n) is valid UTF-8 (messages and URLs reach JSON and XML). */
int fuzz_utf8_ok(const char *s, size_t n);

/* True when s is valid UTF-8 holding only characters XML 1.0 allows: what
 * every string a writer puts in a feed must be. NULL counts as fine. */
int fuzz_xml_text_ok(const char *s);

/* True when the n bytes are a well-formed XML document (namespaces too). */
int fuzz_xml_well_formed(const char *s, size_t n);

/* Write the site feed of `posts` in every format of feed_formats into memory
 * and abort unless each is well-formed XML (or valid JSON, for JSON Feed) and,
 * for each format feedgen would write for the site (all with a valid url,
 * Atom alone with none), feedgen's own validator finds no error and no unsafe
 * HTML in it. */
void fuzz_check_feeds(const struct site *site, const struct post_list *posts);

#endif
