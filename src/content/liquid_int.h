/* liquid_int.h: what the Liquid modules share inside src/content/ — the
 * parsed template (nodes, expressions, filter calls), the render context, and
 * the value helpers. Not for other parts: they use content/liquid.h.
 *
 * Values are jansson json_t: null, true/false, integer, real, string, array,
 * object. A NULL json_t * also means nil. Ownership follows jansson's
 * reference counts: a function returning json_t * returns a new reference
 * the caller json_decref()s; arguments are borrowed.
 *
 * A parsed template (struct lnode tree) owns all its strings, expressions and
 * children; lnode_free_list() releases a list. A struct lctx is owned by the
 * render call that made it. */
#ifndef FEEDGEN_LIQUID_INT_H
#define FEEDGEN_LIQUID_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "base/diag.h"
#include "base/text.h"

struct liquid_options;

/* ---- expressions ---- */

enum lexpr_kind {
	LX_LIT,		/* a literal value (lit) */
	LX_VAR,		/* a variable: name (or name_expr) then lookups */
	LX_RANGE,	/* (lo..hi) */
	LX_EMPTY,	/* the `empty` literal */
	LX_BLANK,	/* the `blank` literal */
};

struct lexpr;
struct llookup {
	char *key;		/* .key, or ["literal"]; NULL when expr is set */
	struct lexpr *expr;	/* [expr] */
	bool command;		/* .size, .first, .last */
};

struct lexpr {
	enum lexpr_kind kind;
	json_t *lit;
	char *name;
	struct lexpr *name_expr;	/* [expr] as the first segment */
	struct llookup *lookups;
	size_t nlookups;
	struct lexpr *lo, *hi;
};

struct lfilter_def;
struct lfilter_call {
	char *name;
	const struct lfilter_def *def;	/* NULL: unknown (Liquid passes the input on) */
	struct lexpr **args;
	size_t nargs;
	char **kwnames;
	struct lexpr **kwargs;
	size_t nkw;
};

/* {{ expr | filter: a, b }} */
struct lvariable {
	struct lexpr *expr;
	struct lfilter_call *filters;
	size_t nfilters;
};

/* A comparison chain: left op right, then `and`/`or` the child. */
struct lcond {
	struct lexpr *left;
	char op[10];		/* "" when there is no comparison */
	struct lexpr *right;
	int rel;		/* 0 none, 'a' and, 'o' or */
	struct lcond *child;
};

/* ---- nodes ---- */

enum lnode_kind {
	LN_TEXT, LN_OUTPUT, LN_ASSIGN, LN_CAPTURE, LN_IF, LN_UNLESS, LN_CASE, LN_FOR,
	LN_BREAK, LN_CONTINUE, LN_CYCLE, LN_INCREMENT, LN_DECREMENT, LN_EXT,
	LN_IFCHANGED, LN_NOTHING, LN_TABLEROW, LN_SEQ, LN_RENDER,
};

struct lnode;
struct lnodes {
	struct lnode **v;
	size_t n, cap;
};

/* One branch of if/unless/case: its condition (NULL for else) and body. For
 * case, `whens` holds the values of a when (any one matching). */
struct lbranch {
	struct lcond *cond;
	struct lexpr **whens;
	size_t nwhens;
	bool is_else;
	struct lnodes body;
};

struct ltag_def;
struct lnode {
	enum lnode_kind kind;
	unsigned long line, col;
	char *text;			/* LN_TEXT, the name of assign/capture/increment/for */
	size_t len;
	struct lvariable *var;		/* LN_OUTPUT, LN_ASSIGN */
	struct lbranch *branches;	/* if/unless/case (case: branches of when/else) */
	size_t nbranches;
	struct lexpr *subject;		/* case, for: the collection */
	struct lexpr *limit, *offset;	/* for, tablerow */
	struct lexpr *cols;		/* tablerow */
	bool reversed;
	struct lnodes body;		/* capture, for, extension blocks */
	struct lnodes else_body;	/* for's else */
	struct lexpr **items;		/* cycle values */
	size_t nitems;
	struct lexpr *group;		/* cycle group */
	char *cycle_key;		/* cycle: its name in the register */
	const struct ltag_def *ext;	/* LN_EXT: the extension tag */
	void *ext_data;			/* what its parse function made */
};

void lnode_free_list(struct lnodes *l);
void lexpr_free(struct lexpr *e);
void lvariable_free(struct lvariable *v);

/* ---- parsing ---- */

/* Where a template came from, for messages. */
struct lsource {
	const char *file;
	unsigned long line;	/* line of the first byte */
	unsigned long col;	/* column of the first byte */
};

struct lparser;

/* Parse markup (an expression, the inside of a tag) into an expression:
 * NULL after setting the parser's error. For extension tags. */
struct lexpr *lparse_expr_text(const char *markup, size_t len);
/* Parse "expr | filters" (the inside of {{ }}). NULL on a syntax error. */
struct lvariable *lparse_variable_text(const char *markup, size_t len);

/* ---- tags and filters of extensions (Jekyll's) ---- */

struct lctx;

/* A tag: parse turns the markup into ext_data (or returns -1 with msg filled);
 * a block tag's body is parsed into node->body up to end<name>. render writes
 * into the context's output; it returns -1 after lctx_error(). */
struct ltag_def {
	const char *name;
	bool block;
	bool raw_body;		/* the body is text, not parsed (like raw) */
	int (*parse)(struct lnode *node, const char *markup, size_t len, char *msg, size_t msgsz);
	int (*render)(struct lctx *c, const struct lnode *node);
	void (*free)(void *ext_data);
};

/* A filter: input, positional args and keyword args (an object or NULL).
 * Returns a new reference (NULL means nil); on error calls lctx_error() and
 * returns NULL with c->failed set. */
typedef json_t *(*lfilter_fn)(struct lctx *c, json_t *in, json_t **args, size_t nargs,
			      json_t *kw);
struct lfilter_def {
	const char *name;
	lfilter_fn fn;
	unsigned min_args, max_args;
};

/* The row named name of a table sorted by name, or NULL. */
const struct lfilter_def *lfilter_find(const struct lfilter_def *table, size_t n, const char *name);
const struct lfilter_def *lfilter_standard(const char *name);
const struct lfilter_def *lfilter_jekyll(const char *name);
const struct ltag_def *ltag_jekyll(const char *name);
/* What Jekyll's `site` holds beyond _config.yml, made on first use:
 * site.posts, site.categories, site.tags, site.related_posts (and empty
 * site.pages). A new reference, or NULL when obj is not the site's `site`
 * or key none of these. */
json_t *ljekyll_site_extra(struct lctx *c, const json_t *obj, const char *key);

/* ---- rendering ---- */

struct lctx {
	struct buf *out;
	json_t *env;		/* the outer variables (site, page, ...): borrowed */
	json_t *scopes[64];	/* [0] holds assigns; inner ones for loops, includes */
	size_t nscopes;
	json_t *counters;	/* increment/decrement */
	json_t *registers;	/* cycle positions, ifchanged */
	int interrupt;		/* 0, 'b' break, 'c' continue */
	bool failed;
	unsigned long iterations;
	unsigned depth;
	const struct liquid_options *opt;
	struct diag_sink *diag;
	const char *file;	/* the template being rendered, for messages */
	unsigned long line, col;	/* of the node being rendered */
};

/* Report an error at the current node and mark the render failed. */
void lctx_error(struct lctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void lctx_warn(struct lctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

json_t *lctx_eval(struct lctx *c, const struct lexpr *e);
json_t *lctx_eval_variable(struct lctx *c, const struct lvariable *v);
/* Render a node list into c->out: 0, or -1 when the render failed. */
int lctx_render_nodes(struct lctx *c, const struct lnodes *l);
/* The variable name (a.b.c as one lookup path) looked up. New reference. */
json_t *lctx_lookup(struct lctx *c, const char *path);
/* Set name in the innermost scope. Steals value. */
void lctx_set_local(struct lctx *c, const char *name, json_t *value);
/* Parse src as a template and render it in c (include). 0 or -1. */
int lctx_render_source(struct lctx *c, const char *src, size_t len, const struct lsource *where);

/* ---- values (liquid_value.c) ---- */

bool lv_truthy(const json_t *v);
/* Liquid's output form (to_s; arrays joined). Appends to b. */
void lv_to_s(struct buf *b, const json_t *v);
/* A new string of lv_to_s(). */
char *lv_str(const json_t *v);
/* Ruby's inspect (for a hash printed whole). */
void lv_inspect(struct buf *b, const json_t *v);
/* Ruby ==. */
bool lv_equal(const json_t *a, const json_t *b);
/* Ruby <=>: sets *ok false when the two do not compare. */
int lv_compare(const json_t *a, const json_t *b, bool *ok);
/* Ruby's Float#to_s. */
void lv_float_to_s(struct buf *b, double d);
/* Utils.to_number: an integer or a real, new reference. */
json_t *lv_to_number(const json_t *v);
/* Utils.to_integer: -1 when the value is no integer. */
int lv_to_integer(const json_t *v, long long *out);
/* Ruby's String#to_i. */
long long lv_str_to_i(const char *s);
/* Characters of valid UTF-8 s[0..n). */
size_t lv_utf8_len(const char *s, size_t n);
/* Byte offset of character index ci in s (n when past the end). */
size_t lv_utf8_offset(const char *s, size_t n, size_t ci);

/* Dates (Utils.to_date): the instant and the UTC offset to show it in. */
struct ldate {
	long long sec;
	int off;		/* seconds east of UTC */
	long nsec;
	char zone[16];		/* %Z: the zone's abbreviation, "UTC", or "" */
};
/* Read a date the way Liquid and Jekyll take one: "now"/"today", a number of
 * seconds, or a string Ruby's Time.parse reads (the common forms). */
bool lv_to_date(const json_t *v, struct ldate *d);
/* Ruby's strftime (flags - _ 0 ^ #, width, %N %L %s %z %:z ...). */
void lv_strftime(struct buf *b, const char *fmt, const struct ldate *d);

#endif
