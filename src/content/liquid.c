/* liquid.c: the Liquid language — the template split into text, {{ }} and
 * {% %} tokens (with line and column), parsed into a node tree as Liquid 5's
 * strict parser reads it (Jekyll's error_mode "warn": an output that fails
 * the strict parse is warned about and read leniently), then rendered.
 *
 * Liquid's own rules that change bytes are kept: whitespace control ({%- -%}
 * {{- -}}), a control block whose bodies hold only blank text and blank tags
 * renders nothing of that text, `and`/`or` group from the right, every
 * matching `when` renders, assign writes the outermost scope. */
#include <config.h>

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "content/liquid.h"
#include "content/liquid_int.h"

void liquid_options_init(struct liquid_options *o)
{
	memset(o, 0, sizeof *o);
	o->max_output = (size_t)16 << 20;
	o->max_iterations = 1000000;
	o->max_depth = 32;
}

bool liquid_needed(const char *s, size_t n)
{
	for (const char *p = memchr(s, '{', n); p && p + 1 < s + n;
	     p = memchr(p + 1, '{', (size_t)(s + n - p - 1)))
		if (p[1] == '{' || p[1] == '%')
			return true;
	return false;
}

/* Messages quote at most this much of a tag's markup. */
#define QUOTE_LEN(n) ((int)((n) > 80 ? 80 : (n)))

/* ================= expressions: lexer ================= */

enum etok_kind {
	T_END, T_CMP, T_STR, T_NUM, T_ID, T_DOTDOT, T_PIPE, T_DOT, T_COLON, T_COMMA, T_LSQ, T_RSQ,
	T_LPAR, T_RPAR, T_QUESTION, T_DASH, T_BAD
};

struct etok {
	enum etok_kind kind;
	const char *s;
	size_t n;
};

struct elex {
	struct etok *v;
	size_t n, cap, pos;
	bool bad;
	unsigned depth;		/* of nested [ ] and ( ): bounded, hostile input nests */
};

static void elex_push(struct elex *l, enum etok_kind k, const char *s, size_t n)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = (struct etok){k, s, n};
}

static bool is_word(char c)
{
	return isalnum((unsigned char)c) || c == '_' || ((unsigned char)c >= 0x80);
}

static void elex_run(struct elex *l, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (isspace((unsigned char)s[i])) {
			i++;
			continue;
		}
		const char *p = s + i;
		size_t rest = n - i;
		if (rest >= 2 && (!memcmp(p, "==", 2) || !memcmp(p, "!=", 2) || !memcmp(p, "<>", 2) ||
				  !memcmp(p, "<=", 2) || !memcmp(p, ">=", 2))) {
			elex_push(l, T_CMP, p, 2);
			i += 2;
		} else if (*p == '<' || *p == '>') {
			elex_push(l, T_CMP, p, 1);
			i++;
		} else if (rest > 8 && !memcmp(p, "contains", 8) && isspace((unsigned char)p[8])) {
			elex_push(l, T_CMP, p, 8);
			i += 8;
		} else if (*p == '\'' || *p == '"') {
			const char *e = memchr(p + 1, *p, rest - 1);
			if (!e) {
				elex_push(l, T_BAD, p, 1);
				l->bad = true;
				i++;
				continue;
			}
			elex_push(l, T_STR, p, (size_t)(e - p + 1));
			i += (size_t)(e - p + 1);
		} else if (isdigit((unsigned char)*p) || (*p == '-' && rest > 1 && isdigit((unsigned char)p[1]))) {
			size_t k = 1;
			while (k < rest && isdigit((unsigned char)p[k]))
				k++;
			if (k + 1 < rest && p[k] == '.' && isdigit((unsigned char)p[k + 1])) {
				k++;
				while (k < rest && isdigit((unsigned char)p[k]))
					k++;
			}
			elex_push(l, T_NUM, p, k);
			i += k;
		} else if (isalpha((unsigned char)*p) || *p == '_' || (unsigned char)*p >= 0x80) {
			size_t k = 1;
			while (k < rest && (is_word(p[k]) || p[k] == '-'))
				k++;
			if (k < rest && p[k] == '?')
				k++;
			elex_push(l, T_ID, p, k);
			i += k;
		} else if (rest >= 2 && !memcmp(p, "..", 2)) {
			elex_push(l, T_DOTDOT, p, 2);
			i += 2;
		} else {
			static const char specials[] = "|.:,[]()?-";
			static const enum etok_kind kinds[] = {T_PIPE, T_DOT, T_COLON, T_COMMA, T_LSQ, T_RSQ,
				T_LPAR, T_RPAR, T_QUESTION, T_DASH};
			const char *sp = strchr(specials, *p);
			if (sp && *p) {
				elex_push(l, kinds[sp - specials], p, 1);
			} else {
				elex_push(l, T_BAD, p, 1);
				l->bad = true;
			}
			i++;
		}
	}
	elex_push(l, T_END, s + n, 0);
}

static const struct etok *elook(const struct elex *l, size_t ahead)
{
	size_t k = l->pos + ahead;
	return &l->v[k < l->n ? k : l->n - 1];
}

static bool econsume(struct elex *l, enum etok_kind k)
{
	if (elook(l, 0)->kind != k) {
		l->bad = true;
		return false;
	}
	if (l->pos < l->n - 1)
		l->pos++;
	return true;
}

static bool econsume_if(struct elex *l, enum etok_kind k)
{
	if (elook(l, 0)->kind != k)
		return false;
	l->pos++;
	return true;
}

static bool eid_is(const struct etok *t, const char *word)
{
	return t->kind == T_ID && t->n == strlen(word) && memcmp(t->s, word, t->n) == 0;
}

/* ================= expressions: parser ================= */

void lexpr_free(struct lexpr *e)
{
	if (!e)
		return;
	json_decref(e->lit);
	free(e->name);
	lexpr_free(e->name_expr);
	for (size_t i = 0; i < e->nlookups; i++) {
		free(e->lookups[i].key);
		lexpr_free(e->lookups[i].expr);
	}
	free(e->lookups);
	lexpr_free(e->lo);
	lexpr_free(e->hi);
	free(e);
}

static struct lexpr *lexpr_lit(json_t *v)
{
	struct lexpr *e = xcalloc(1, sizeof *e);
	e->kind = LX_LIT;
	e->lit = v;
	return e;
}

static struct lexpr *parse_expr(struct elex *l, bool cond);

static void add_lookup(struct lexpr *e, char *key, struct lexpr *x)
{
	e->lookups = xrealloc(e->lookups, (e->nlookups + 1) * sizeof *e->lookups);
	struct llookup *k = &e->lookups[e->nlookups++];
	k->key = key;
	k->expr = x;
	k->command = key && (!strcmp(key, "size") || !strcmp(key, "first") || !strcmp(key, "last"));
}

static bool parse_lookups(struct elex *l, struct lexpr *e)
{
	for (;;) {
		if (econsume_if(l, T_LSQ)) {
			struct lexpr *x = parse_expr(l, false);
			if (!x || !econsume(l, T_RSQ)) {
				lexpr_free(x);
				return false;
			}
			/* A literal key is a plain lookup; .size stays a key here. */
			if (x->kind == LX_LIT && json_is_string(x->lit)) {
				add_lookup(e, xstrdup(json_string_value(x->lit)), NULL);
				e->lookups[e->nlookups - 1].command = false;
				lexpr_free(x);
			} else {
				add_lookup(e, NULL, x);
			}
		} else if (econsume_if(l, T_DOT)) {
			const struct etok *t = elook(l, 0);
			if (t->kind != T_ID) {
				l->bad = true;
				return false;
			}
			add_lookup(e, xstrndup(t->s, t->n), NULL);
			l->pos++;
		} else {
			return true;
		}
	}
}

static struct lexpr *parse_number(const struct etok *t)
{
	char *s = xstrndup(t->s, t->n);
	struct lexpr *e = strchr(s, '.') ? lexpr_lit(json_real(strtod(s, NULL)))
					 : lexpr_lit(json_integer(strtoll(s, NULL, 10)));
	free(s);
	return e;
}

/* One expression (Liquid's Parser#expression, then Expression.parse). `cond`:
 * empty and blank are the method literals of conditions. */
static struct lexpr *parse_expr_inner(struct elex *l, bool cond);

static struct lexpr *parse_expr(struct elex *l, bool cond)
{
	if (l->depth >= 64) {
		l->bad = true;
		return NULL;
	}
	l->depth++;
	struct lexpr *e = parse_expr_inner(l, cond);
	l->depth--;
	return e;
}

static struct lexpr *parse_expr_inner(struct elex *l, bool cond)
{
	const struct etok *t = elook(l, 0);
	switch (t->kind) {
	case T_ID: {
		l->pos++;
		struct lexpr *e = xcalloc(1, sizeof *e);
		e->kind = LX_VAR;
		e->name = xstrndup(t->s, t->n);
		if (!parse_lookups(l, e)) {
			lexpr_free(e);
			return NULL;
		}
		if (e->nlookups == 0) {
			static const char *const nils[] = {"nil", "null"};
			for (size_t i = 0; i < 2; i++)
				if (!strcmp(e->name, nils[i])) {
					lexpr_free(e);
					return lexpr_lit(json_null());
				}
			if (!strcmp(e->name, "true") || !strcmp(e->name, "false")) {
				bool b = e->name[0] == 't';
				lexpr_free(e);
				return lexpr_lit(json_boolean(b));
			}
			if (!strcmp(e->name, "empty") || !strcmp(e->name, "blank")) {
				enum lexpr_kind k = e->name[0] == 'e' ? LX_EMPTY : LX_BLANK;
				lexpr_free(e);
				if (!cond)
					return lexpr_lit(json_string(""));
				struct lexpr *m = xcalloc(1, sizeof *m);
				m->kind = k;
				return m;
			}
		}
		return e;
	}
	case T_LSQ: {
		l->pos++;
		struct lexpr *inner = parse_expr(l, false);
		if (!inner || !econsume(l, T_RSQ)) {
			lexpr_free(inner);
			return NULL;
		}
		struct lexpr *e = xcalloc(1, sizeof *e);
		e->kind = LX_VAR;
		if (inner->kind == LX_LIT && json_is_string(inner->lit)) {
			e->name = xstrdup(json_string_value(inner->lit));
			lexpr_free(inner);
		} else {
			e->name_expr = inner;
		}
		if (!parse_lookups(l, e)) {
			lexpr_free(e);
			return NULL;
		}
		return e;
	}
	case T_STR:
		l->pos++;
		return lexpr_lit(json_stringn(t->s + 1, t->n - 2));
	case T_NUM:
		l->pos++;
		return parse_number(t);
	case T_LPAR: {
		l->pos++;
		struct lexpr *lo = parse_expr(l, false);
		if (!lo || !econsume(l, T_DOTDOT)) {
			lexpr_free(lo);
			return NULL;
		}
		struct lexpr *hi = parse_expr(l, false);
		if (!hi || !econsume(l, T_RPAR)) {
			lexpr_free(lo);
			lexpr_free(hi);
			return NULL;
		}
		struct lexpr *e = xcalloc(1, sizeof *e);
		e->kind = LX_RANGE;
		e->lo = lo;
		e->hi = hi;
		return e;
	}
	default:
		l->bad = true;
		return NULL;
	}
}

struct lexpr *lparse_expr_text(const char *markup, size_t len)
{
	struct elex l = {0};
	elex_run(&l, markup, len);
	struct lexpr *e = parse_expr(&l, false);
	if (e && elook(&l, 0)->kind != T_END) {
		lexpr_free(e);
		e = NULL;
	}
	free(l.v);
	return e;
}

/* ================= filters and variables ================= */

static void filter_call_free(struct lfilter_call *f)
{
	free(f->name);
	for (size_t i = 0; i < f->nargs; i++)
		lexpr_free(f->args[i]);
	free(f->args);
	for (size_t i = 0; i < f->nkw; i++) {
		free(f->kwnames[i]);
		lexpr_free(f->kwargs[i]);
	}
	free(f->kwnames);
	free(f->kwargs);
}

void lvariable_free(struct lvariable *v)
{
	if (!v)
		return;
	lexpr_free(v->expr);
	for (size_t i = 0; i < v->nfilters; i++)
		filter_call_free(&v->filters[i]);
	free(v->filters);
	free(v);
}

static const struct lfilter_def *find_filter(const char *name)
{
	const struct lfilter_def *d = lfilter_jekyll(name);
	return d ? d : lfilter_standard(name);
}

/* The arguments after "filter:". Lenient: skips what it cannot read. */
static bool parse_filter_args(struct elex *l, struct lfilter_call *f, bool lax)
{
	do {
		const struct etok *t = elook(l, 0);
		if (t->kind == T_ID && elook(l, 1)->kind == T_COLON) {
			char *name = xstrndup(t->s, t->n);
			l->pos += 2;
			struct lexpr *x = parse_expr(l, false);
			if (!x) {
				free(name);
				return false;
			}
			f->kwnames = xrealloc(f->kwnames, (f->nkw + 1) * sizeof *f->kwnames);
			f->kwargs = xrealloc(f->kwargs, (f->nkw + 1) * sizeof *f->kwargs);
			f->kwnames[f->nkw] = name;
			f->kwargs[f->nkw++] = x;
			continue;
		}
		struct lexpr *x = parse_expr(l, false);
		if (!x) {
			if (!lax)
				return false;
			l->bad = false;
			while (elook(l, 0)->kind != T_END && elook(l, 0)->kind != T_COMMA &&
			       elook(l, 0)->kind != T_PIPE)
				l->pos++;
			continue;
		}
		f->args = xrealloc(f->args, (f->nargs + 1) * sizeof *f->args);
		f->args[f->nargs++] = x;
	} while (econsume_if(l, T_COMMA));
	return true;
}

static struct lvariable *parse_variable_lex(struct elex *l, bool lax)
{
	struct lvariable *v = xcalloc(1, sizeof *v);
	if (elook(l, 0)->kind == T_END)
		return v;
	if (elook(l, 0)->kind != T_PIPE) {
		v->expr = parse_expr(l, false);
		if (!v->expr && !lax)
			goto bad;
	}
	if (lax)
		while (elook(l, 0)->kind != T_END && elook(l, 0)->kind != T_PIPE)
			l->pos++;
	while (econsume_if(l, T_PIPE)) {
		const struct etok *t = elook(l, 0);
		if (t->kind != T_ID) {
			if (!lax)
				goto bad;
			continue;
		}
		l->pos++;
		v->filters = xrealloc(v->filters, (v->nfilters + 1) * sizeof *v->filters);
		struct lfilter_call *f = &v->filters[v->nfilters++];
		memset(f, 0, sizeof *f);
		f->name = xstrndup(t->s, t->n);
		f->def = find_filter(f->name);
		if (econsume_if(l, T_COLON) && !parse_filter_args(l, f, lax) && !lax)
			goto bad;
		if (lax)
			while (elook(l, 0)->kind != T_END && elook(l, 0)->kind != T_PIPE)
				l->pos++;
	}
	if (elook(l, 0)->kind != T_END && !lax)
		goto bad;
	return v;
bad:
	lvariable_free(v);
	return NULL;
}

/* VariableLookup.parse of a fragment the strict parser refused: its
 * [\w-]+ runs and [...] parts, the first the name. */
static struct lexpr *lax_lookup(const char *m, size_t n)
{
	struct lexpr *e = NULL;
	size_t i = 0;
	while (i < n) {
		size_t a = i;
		if (m[i] == '[') {
			const char *close = memchr(m + i + 1, ']', n - i - 1);
			if (close && close > m + i + 1) {
				i = (size_t)(close - m) + 1;
				struct lexpr *k = lparse_expr_text(m + a + 1, i - a - 2);
				if (!e) {
					e = xcalloc(1, sizeof *e);
					e->kind = LX_VAR;
					e->name_expr = k ? k : lexpr_lit(json_null());
				} else {
					add_lookup(e, NULL, k ? k : lexpr_lit(json_null()));
				}
				continue;
			}
		}
		if (is_word(m[i]) || m[i] == '-') {
			while (i < n && (is_word(m[i]) || m[i] == '-'))
				i++;
			if (i < n && m[i] == '?')
				i++;
			char *word = xstrndup(m + a, i - a);
			if (!e) {
				e = xcalloc(1, sizeof *e);
				e->kind = LX_VAR;
				e->name = word;
			} else {
				add_lookup(e, word, NULL);
			}
			continue;
		}
		i++;
	}
	return e;
}

/* Liquid's lax reading: the first fragment (a quoted string or a run of
 * characters other than space , | ' ") is the expression, then filters
 * after the first pipe. */
static struct lvariable *parse_variable_lax(const char *m, size_t len)
{
	size_t i = 0;
	while (i < len && isspace((unsigned char)m[i]))
		i++;
	size_t a = i;
	while (i < len && !isspace((unsigned char)m[i]) && m[i] != ',' && m[i] != '|') {
		if (m[i] == '"' || m[i] == '\'') {
			const char *q = memchr(m + i + 1, m[i], len - i - 1);
			bool first = i == a;
			i = q ? (size_t)(q - m) + 1 : len;
			if (first)
				break;	/* a quoted string alone is the fragment */
			continue;
		}
		i++;
	}
	struct lexpr *e = i > a ? lparse_expr_text(m + a, i - a) : NULL;
	if (!e && i > a)
		e = lax_lookup(m + a, i - a);
	const char *pipe = memchr(m + i, '|', len - i);
	struct elex l = {0};
	if (pipe)
		elex_run(&l, pipe, len - (size_t)(pipe - m));
	else
		elex_run(&l, m + len, 0);
	struct lvariable *v = parse_variable_lex(&l, true);
	free(l.v);
	lexpr_free(v->expr);
	v->expr = e ? e : (i > a ? lexpr_lit(json_null()) : NULL);
	return v;
}

static struct lvariable *parse_variable(const char *markup, size_t len, bool lax)
{
	if (lax)
		return parse_variable_lax(markup, len);
	struct elex l = {0};
	elex_run(&l, markup, len);
	struct lvariable *v = !l.bad ? parse_variable_lex(&l, false) : NULL;
	free(l.v);
	return v;
}

struct lvariable *lparse_variable_text(const char *markup, size_t len)
{
	return parse_variable(markup, len, false);
}

/* ================= conditions ================= */

static void lcond_free(struct lcond *c)
{
	while (c) {
		struct lcond *next = c->child;
		lexpr_free(c->left);
		lexpr_free(c->right);
		free(c);
		c = next;
	}
}

static struct lcond *parse_comparison(struct elex *l)
{
	struct lexpr *a = parse_expr(l, true);
	if (!a)
		return NULL;
	struct lcond *c = xcalloc(1, sizeof *c);
	c->left = a;
	const struct etok *t = elook(l, 0);
	if (t->kind == T_CMP) {
		snprintf(c->op, sizeof c->op, "%.*s", (int)t->n, t->s);
		l->pos++;
		c->right = parse_expr(l, true);
		if (!c->right) {
			lcond_free(c);
			return NULL;
		}
	}
	return c;
}

static struct lcond *parse_condition(const char *markup, size_t len)
{
	struct elex l = {0};
	elex_run(&l, markup, len);
	struct lcond *first = parse_comparison(&l), *c = first;
	while (c) {
		const struct etok *t = elook(&l, 0);
		if (!eid_is(t, "and") && !eid_is(t, "or"))
			break;
		l.pos++;
		c->rel = t->s[0] == 'a' ? 'a' : 'o';
		c->child = parse_comparison(&l);
		c = c->child;
	}
	if (!c || elook(&l, 0)->kind != T_END || l.bad) {
		lcond_free(first);
		first = NULL;
	}
	free(l.v);
	return first;
}

/* ================= template tokens ================= */

enum ttok_kind { TT_TEXT, TT_VAR, TT_TAG };

struct ttok {
	enum ttok_kind kind;
	const char *s;
	size_t n;
	unsigned long line, col;
};

struct tparser {
	const char *src;
	size_t srclen;
	struct ttok *v;
	size_t n, pos;
	const struct lsource *where;
	struct diag_sink *diag;
	unsigned depth;
	unsigned max_depth;
	bool trim_next;		/* the last tag ended with - */
	bool failed;
	bool reported;		/* a nested parse ({% liquid %}) reported the error */
	char msg[512];
	unsigned long err_line, err_col;
};

static int parse_template(struct tparser *p, struct lnodes *out);

static void tokenize(struct tparser *p)
{
	size_t cap = 0, i = 0;
	unsigned long line = p->where->line, col = p->where->col;
	const char *s = p->src;
	size_t n = p->srclen;
	while (i < n) {
		size_t start = i;
		size_t j = i;
		while (j + 1 < n && !(s[j] == '{' && (s[j + 1] == '{' || s[j + 1] == '%')))
			j++;
		if (j + 1 >= n)
			j = n;
		enum ttok_kind kind = TT_TEXT;
		size_t end = j;
		if (j > i) {
			end = j;
		} else if (s[j + 1] == '%') {
			const char *e = NULL;
			for (size_t k = j + 2; k + 1 < n; k++)
				if (s[k] == '%' && s[k + 1] == '}') {
					e = s + k;
					break;
				}
			kind = TT_TAG;
			end = e ? (size_t)(e - s) + 2 : j + 2;
		} else {
			const char *e = memchr(s + j + 2, '}', n - j - 2);
			kind = TT_VAR;
			end = e ? (size_t)(e - s) + 1 : j + 2;
			if (e && end < n && s[end] == '}')
				end++;
		}
		if (p->n == cap) {
			cap = cap ? cap * 2 : 64;
			p->v = xrealloc(p->v, cap * sizeof *p->v);
		}
		p->v[p->n++] = (struct ttok){kind, s + start, end - start, line, col};
		for (size_t k = start; k < end; k++) {
			if (s[k] == '\n') {
				line++;
				col = 1;
			} else if (((unsigned char)s[k] & 0xC0) != 0x80) {
				col++;
			}
		}
		i = end;
	}
}

static void perr(struct tparser *p, const struct ttok *t, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void perr(struct tparser *p, const struct ttok *t, const char *fmt, ...)
{
	if (p->failed)
		return;
	p->failed = true;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->msg, sizeof p->msg, fmt, ap);
	va_end(ap);
	p->err_line = t ? t->line : p->where->line;
	p->err_col = t ? t->col : p->where->col;
}

static void nodes_add(struct lnodes *l, struct lnode *n)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = n;
}

static void branch_free(struct lbranch *b)
{
	lcond_free(b->cond);
	for (size_t i = 0; i < b->nwhens; i++)
		lexpr_free(b->whens[i]);
	free(b->whens);
	lnode_free_list(&b->body);
}

static void lnode_free(struct lnode *n)
{
	free(n->text);
	lvariable_free(n->var);
	for (size_t i = 0; i < n->nbranches; i++)
		branch_free(&n->branches[i]);
	free(n->branches);
	lexpr_free(n->subject);
	lexpr_free(n->limit);
	lexpr_free(n->offset);
	lexpr_free(n->cols);
	lnode_free_list(&n->body);
	lnode_free_list(&n->else_body);
	for (size_t i = 0; i < n->nitems; i++)
		lexpr_free(n->items[i]);
	free(n->items);
	lexpr_free(n->group);
	free(n->cycle_key);
	if (n->ext && n->ext->free)
		n->ext->free(n->ext_data);
	free(n);
}

void lnode_free_list(struct lnodes *l)
{
	for (size_t i = 0; i < l->n; i++)
		lnode_free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static struct lnode *node_new(enum lnode_kind k, const struct ttok *t)
{
	struct lnode *n = xcalloc(1, sizeof *n);
	n->kind = k;
	n->line = t->line;
	n->col = t->col;
	return n;
}

/* A tag token's name and markup; whitespace-control dashes noted. */
struct tagparts {
	char name[64];
	const char *markup;
	size_t mlen;
	bool trim_left, trim_right;
};

static bool split_tag(const struct ttok *t, struct tagparts *tp)
{
	const char *s = t->s;
	size_t n = t->n;
	if (n < 4 || s[n - 2] != '%' || s[n - 1] != '}')
		return false;
	size_t i = 2, end = n - 2;
	tp->trim_left = s[i] == '-';
	if (tp->trim_left)
		i++;
	tp->trim_right = end > i && s[end - 1] == '-';
	if (tp->trim_right)
		end--;
	while (i < end && isspace((unsigned char)s[i]))
		i++;
	size_t k = i;
	if (k < end && s[k] == '#') {
		k++;
	} else {
		while (k < end && (isalnum((unsigned char)s[k]) || s[k] == '_'))
			k++;
	}
	if (k == i || k - i >= sizeof tp->name)
		return false;
	memcpy(tp->name, s + i, k - i);
	tp->name[k - i] = '\0';
	while (k < end && isspace((unsigned char)s[k]))
		k++;
	size_t me = end;
	while (me > k && isspace((unsigned char)s[me - 1]))
		me--;
	tp->markup = s + k;
	tp->mlen = me - k;
	return true;
}

static bool is_ws_only(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isspace((unsigned char)s[i]))
			return false;
	return true;
}

static void rstrip_last(struct lnodes *body)
{
	if (!body->n || body->v[body->n - 1]->kind != LN_TEXT)
		return;
	struct lnode *t = body->v[body->n - 1];
	while (t->len && (isspace((unsigned char)t->text[t->len - 1]) || t->text[t->len - 1] == '\0'))
		t->len--;
	t->text[t->len] = '\0';
}

/* Parse nodes into body until a tag that this body does not know: returns
 * that tag (in *end, a pointer to the token; NULL at the end of input).
 * *blank says whether the body holds only blank text and blank tags. */
static int parse_body(struct tparser *p, struct lnodes *body, const struct ttok **end,
		      struct tagparts *endtag, bool *blank);

static void remove_blank_strings(struct lnodes *body)
{
	size_t k = 0;
	for (size_t i = 0; i < body->n; i++) {
		if (body->v[i]->kind == LN_TEXT) {
			lnode_free(body->v[i]);
			continue;
		}
		body->v[k++] = body->v[i];
	}
	body->n = k;
}

static bool parse_name_list(const char *s, size_t n, struct lexpr ***items, size_t *nitems)
{
	struct elex l = {0};
	elex_run(&l, s, n);
	bool ok = true;
	do {
		struct lexpr *x = parse_expr(&l, false);
		if (!x) {
			ok = false;
			break;
		}
		*items = xrealloc(*items, (*nitems + 1) * sizeof **items);
		(*items)[(*nitems)++] = x;
	} while (econsume_if(&l, T_COMMA));
	if (ok && elook(&l, 0)->kind != T_END)
		ok = false;
	free(l.v);
	return ok;
}

/* A new empty branch at the end of n's (if, unless, case). */
static struct lbranch *add_branch(struct lnode *n)
{
	n->branches = xrealloc(n->branches, (n->nbranches + 1) * sizeof *n->branches);
	struct lbranch *b = &n->branches[n->nbranches++];
	memset(b, 0, sizeof *b);
	return b;
}

/* Liquid drops the blank text of a block whose branches are all blank
 * (only whitespace and tags), so `{% if %}` lines leave no empty lines. */
static bool end_branches(struct lnode *n, bool all_blank, bool *blank)
{
	if (all_blank)
		for (size_t i = 0; i < n->nbranches; i++)
			remove_blank_strings(&n->branches[i].body);
	*blank = all_blank;
	return true;
}

/* if/unless: branches until endif; case: when/else until endcase. */
static bool parse_if(struct tparser *p, struct lnode *n, const struct ttok *t,
		     const struct tagparts *tp, bool *blank)
{
	const char *endname = n->kind == LN_UNLESS ? "endunless" : "endif";
	struct tagparts cur = *tp;
	bool all_blank = true;
	for (;;) {
		struct lbranch *b = add_branch(n);
		if (!strcmp(cur.name, "else")) {
			b->is_else = true;
		} else {
			b->cond = parse_condition(cur.markup, cur.mlen);
			if (!b->cond) {
				perr(p, t, "syntax error in '%s': %.*s", cur.name, QUOTE_LEN(cur.mlen), cur.markup);
				return false;
			}
		}
		const struct ttok *et;
		bool bb;
		if (parse_body(p, &b->body, &et, &cur, &bb) != 0)
			return false;
		all_blank = all_blank && bb;
		if (!et) {
			perr(p, t, "'%s' tag was never closed", n->kind == LN_UNLESS ? "unless" : "if");
			return false;
		}
		if (!strcmp(cur.name, endname))
			break;
		if (strcmp(cur.name, "elsif") && strcmp(cur.name, "else")) {
			perr(p, et, "unknown tag '%s' inside '%s'", cur.name,
			     n->kind == LN_UNLESS ? "unless" : "if");
			return false;
		}
		t = et;
	}
	return end_branches(n, all_blank, blank);
}

static bool parse_case(struct tparser *p, struct lnode *n, const struct ttok *t,
		       const struct tagparts *tp, bool *blank)
{
	n->subject = lparse_expr_text(tp->markup, tp->mlen);
	if (!n->subject) {
		perr(p, t, "syntax error in 'case': %.*s", QUOTE_LEN(tp->mlen), tp->markup);
		return false;
	}
	struct lnodes before = {0};
	const struct ttok *et;
	struct tagparts cur;
	bool bb, all_blank = true;
	int rc = parse_body(p, &before, &et, &cur, &bb);
	lnode_free_list(&before);
	if (rc != 0)
		return false;
	for (;;) {
		if (!et) {
			perr(p, t, "'case' tag was never closed");
			return false;
		}
		if (!strcmp(cur.name, "endcase"))
			break;
		struct lbranch *b = add_branch(n);
		if (!strcmp(cur.name, "else")) {
			b->is_else = true;
		} else if (!strcmp(cur.name, "when")) {
			/* Values separated by commas or `or`. */
			struct elex l = {0};
			elex_run(&l, cur.markup, cur.mlen);
			do {
				struct lexpr *x = parse_expr(&l, true);
				if (!x) {
					free(l.v);
					perr(p, et, "syntax error in 'when': %.*s", QUOTE_LEN(cur.mlen), cur.markup);
					return false;
				}
				b->whens = xrealloc(b->whens, (b->nwhens + 1) * sizeof *b->whens);
				b->whens[b->nwhens++] = x;
			} while (econsume_if(&l, T_COMMA) || (eid_is(elook(&l, 0), "or") && ++l.pos));
			free(l.v);
		} else {
			perr(p, et, "unknown tag '%s' inside 'case'", cur.name);
			return false;
		}
		const struct ttok *next;
		if (parse_body(p, &b->body, &next, &cur, &bb) != 0)
			return false;
		all_blank = all_blank && bb;
		et = next;
	}
	return end_branches(n, all_blank, blank);
}

static bool parse_for(struct tparser *p, struct lnode *n, const struct ttok *t,
		      const struct tagparts *tp, bool *blank)
{
	struct elex l = {0};
	elex_run(&l, tp->markup, tp->mlen);
	bool ok = false;
	const struct etok *v = elook(&l, 0);
	if (v->kind == T_ID && eid_is(elook(&l, 1), "in")) {
		n->text = xstrndup(v->s, v->n);
		l.pos += 2;
		size_t cstart = l.pos;
		n->subject = parse_expr(&l, false);
		if (n->subject) {
			/* The loop's name (for offset:continue): variable-collection. */
			const struct etok *a = &l.v[cstart], *z = &l.v[l.pos - 1];
			n->cycle_key = xmalloc(strlen(n->text) + (size_t)(z->s + z->n - a->s) + 2);
			sprintf(n->cycle_key, "%s-%.*s", n->text, (int)(z->s + z->n - a->s), a->s);
			ok = true;
			if (eid_is(elook(&l, 0), "reversed")) {
				n->reversed = true;
				l.pos++;
			}
			/* Lax, as Jekyll's "warn" mode falls back to: `reversed`
			 * may also follow the attributes. */
			while (ok && (elook(&l, 0)->kind == T_ID || elook(&l, 0)->kind == T_COMMA)) {
				if (econsume_if(&l, T_COMMA))
					continue;	/* lax: "in list, limit: 2" */
				if (eid_is(elook(&l, 0), "reversed")) {
					l.pos++;	/* there, Liquid reads it and ignores it */
					continue;
				}
				if (elook(&l, 1)->kind != T_COLON)
					break;
				bool is_limit = eid_is(elook(&l, 0), "limit");
				bool is_offset = eid_is(elook(&l, 0), "offset");
				l.pos += 2;
				if (is_offset && eid_is(elook(&l, 0), "continue")) {
					l.pos++;
					lexpr_free(n->offset);
					n->offset = lexpr_lit(json_string("continue"));
					continue;
				}
				struct lexpr *x = parse_expr(&l, false);
				if (!x || !(is_limit || is_offset)) {
					lexpr_free(x);
					ok = false;
				} else if (is_limit) {
					lexpr_free(n->limit);
					n->limit = x;
				} else {
					lexpr_free(n->offset);
					n->offset = x;
				}
			}
			ok = ok && elook(&l, 0)->kind == T_END;
		}
	}
	free(l.v);
	if (!ok) {
		perr(p, t, "syntax error in 'for': %.*s (valid: for item in collection [reversed] "
		     "[limit: n] [offset: n])", QUOTE_LEN(tp->mlen), tp->markup);
		return false;
	}
	const struct ttok *et;
	struct tagparts cur;
	bool b1 = true, b2 = true;
	if (parse_body(p, &n->body, &et, &cur, &b1) != 0)
		return false;
	if (et && !strcmp(cur.name, "else")) {
		if (parse_body(p, &n->else_body, &et, &cur, &b2) != 0)
			return false;
	}
	if (!et) {
		perr(p, t, "'for' tag was never closed");
		return false;
	}
	if (strcmp(cur.name, "endfor")) {
		perr(p, et, "unknown tag '%s' inside 'for'", cur.name);
		return false;
	}
	*blank = b1 && b2;
	if (*blank) {
		remove_blank_strings(&n->body);
		remove_blank_strings(&n->else_body);
	}
	return true;
}

/* {% tablerow item in collection cols: n limit: n offset: n %}: Liquid
 * scans the attributes anywhere after the collection (TagAttributes). */
static bool parse_tablerow(struct tparser *p, struct lnode *n, const struct ttok *t,
			   const struct tagparts *tp)
{
	struct elex l = {0};
	elex_run(&l, tp->markup, tp->mlen);
	bool ok = false;
	const struct etok *v = elook(&l, 0);
	if (v->kind == T_ID && eid_is(elook(&l, 1), "in")) {
		n->text = xstrndup(v->s, v->n);
		l.pos += 2;
		n->subject = parse_expr(&l, false);
		ok = n->subject != NULL;
		while (ok && elook(&l, 0)->kind != T_END) {
			if (elook(&l, 0)->kind != T_ID || elook(&l, 1)->kind != T_COLON) {
				l.pos++;	/* lax: what is no attribute is passed over */
				continue;
			}
			struct lexpr **slot = eid_is(elook(&l, 0), "cols") ? &n->cols
					      : eid_is(elook(&l, 0), "limit") ? &n->limit
					      : eid_is(elook(&l, 0), "offset") ? &n->offset : NULL;
			l.pos += 2;
			struct lexpr *x = parse_expr(&l, false);
			if (!x)
				break;
			if (slot) {
				lexpr_free(*slot);
				*slot = x;
			} else {
				lexpr_free(x);
			}
		}
	}
	free(l.v);
	if (!ok) {
		perr(p, t, "syntax error in 'tablerow': %.*s (valid: tablerow item in collection "
		     "[cols: n] [limit: n] [offset: n])", QUOTE_LEN(tp->mlen), tp->markup);
		return false;
	}
	const struct ttok *et;
	struct tagparts cur;
	bool b;
	if (parse_body(p, &n->body, &et, &cur, &b) != 0)
		return false;
	if (!et) {
		perr(p, t, "'tablerow' tag was never closed");
		return false;
	}
	if (strcmp(cur.name, "endtablerow")) {
		perr(p, et, "unknown tag '%s' inside 'tablerow'", cur.name);
		return false;
	}
	return true;
}

/* {% liquid %}: one tag a line. Its lines are parsed as the tags they
 * name, each "{%" line "%}" with the line's end kept inside the tag, so
 * lines count on and nothing but the tags is output. */
static bool parse_liquid_tag(struct tparser *p, struct lnode *n, const struct ttok *t,
			     const struct tagparts *tp)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	const char *s = tp->markup, *end = s + tp->mlen;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t len = nl ? (size_t)(nl - s) : (size_t)(end - s);
		if (!is_ws_only(s, len)) {
			buf_adds(&b, "{%");
			buf_add(&b, s, len);
			buf_adds(&b, "\n%}");
		} else {
			buf_adds(&b, "{%#\n%}");
		}
		s += len + (nl ? 1 : 0);
	}
	/* Lines count from the markup's first line (split_tag() passed over
	 * the line ends before it). */
	unsigned long line = t->line;
	for (const char *k = t->s; k < tp->markup; k++)
		line += *k == '\n';
	struct lsource where = {p->where->file, line, 1};
	struct tparser sub = {0};
	sub.src = b.data ? b.data : "";
	sub.srclen = b.len;
	sub.where = &where;
	sub.diag = p->diag;
	sub.max_depth = p->max_depth > p->depth ? p->max_depth - p->depth : 0;
	bool ok = parse_template(&sub, &n->body) == 0;
	buf_free(&b);
	if (!ok) {
		/* parse_template() reported it; stop this parse without a second
		 * message. */
		p->failed = true;
		p->reported = true;
	}
	return ok;
}

/* Does token x end a raw block? Liquid reads each token with
 * /\A(.*){%\s*(\w+)\s*(.*)?%}\z/m (the last "{%" that fits) and compares the
 * name: so "{{% endraw %}" ends it with "{" kept, and "{%- endraw %}" does not.
 * Returns the length of the part kept, or -1. */
static long raw_end(const struct ttok *x, const char *endname)
{
	const char *s = x->s;
	size_t n = x->n;
	if (n < 4 || s[n - 2] != '%' || s[n - 1] != '}')
		return -1;
	for (size_t i = n - 2; i-- > 0;) {
		if (s[i] != '{' || s[i + 1] != '%')
			continue;
		size_t k = i + 2;
		while (k < n - 2 && isspace((unsigned char)s[k]))
			k++;
		size_t w = k;
		while (k < n - 2 && (isalnum((unsigned char)s[k]) || s[k] == '_'))
			k++;
		if (k == w)
			continue;	/* the regexp backtracks to an earlier "{%" */
		if (k - w == strlen(endname) && !memcmp(s + w, endname, k - w))
			return (long)i;
		return -1;
	}
	return -1;
}

/* The text of a raw block: tokens up to {% endraw %}. The trimming the
 * opening tag asked for (-%}) stays pending past the block, as in Liquid. */
static bool parse_raw(struct tparser *p, struct lnode *n, const struct ttok *t, const char *endname)
{
	struct buf body;
	buf_init(&body);
	buf_adds(&body, "");
	for (; p->pos < p->n; p->pos++) {
		const struct ttok *x = &p->v[p->pos];
		long keep = raw_end(x, endname);
		if (keep >= 0) {
			buf_add(&body, x->s, (size_t)keep);
			n->len = body.len;
			n->text = buf_take(&body);
			p->pos++;
			return true;
		}
		buf_add(&body, x->s, x->n);
	}
	buf_free(&body);
	perr(p, t, "'%s' tag was never closed", endname + 3);
	return false;
}

/* A tag the core knows, or an extension; else NULL. */
static int parse_tag(struct tparser *p, struct lnodes *body, const struct ttok *t,
		     const struct tagparts *tp, bool *blank)
{
	const char *name = tp->name;
	struct lnode *n = NULL;
	*blank = false;
	if (!strcmp(name, "assign")) {
		const char *eq = memchr(tp->markup, '=', tp->mlen);
		size_t nl = eq ? (size_t)(eq - tp->markup) : 0;
		while (nl && isspace((unsigned char)tp->markup[nl - 1]))
			nl--;
		if (!eq || !nl) {
			perr(p, t, "syntax error in 'assign': %.*s (valid: assign var = value)",
			     QUOTE_LEN(tp->mlen), tp->markup);
			return -1;
		}
		n = node_new(LN_ASSIGN, t);
		n->text = xstrndup(tp->markup, nl);
		size_t rest = tp->mlen - (size_t)(eq + 1 - tp->markup);
		n->var = parse_variable(eq + 1, rest, false);
		if (!n->var) {
			n->var = parse_variable(eq + 1, rest, true);
			diag_report(p->diag, DIAG_WARNING, p->where->file, t->line, t->col, "liquid",
				    "Liquid syntax read leniently: %.*s", QUOTE_LEN(tp->mlen), tp->markup);
		}
		*blank = true;
	} else if (!strcmp(name, "capture")) {
		if (!tp->mlen) {
			perr(p, t, "syntax error in 'capture' (valid: capture var)");
			return -1;
		}
		n = node_new(LN_CAPTURE, t);
		size_t k = 0;
		while (k < tp->mlen && !isspace((unsigned char)tp->markup[k]))
			k++;
		n->text = xstrndup(tp->markup, k);
		if (tp->markup[0] == '"' || tp->markup[0] == '\'') {
			free(n->text);
			n->text = xstrndup(tp->markup + 1, k > 2 ? k - 2 : 0);
		}
		const struct ttok *et;
		struct tagparts cur;
		bool bb;
		nodes_add(body, n);
		if (parse_body(p, &n->body, &et, &cur, &bb) != 0)
			return -1;
		if (!et) {
			perr(p, t, "'capture' tag was never closed");
			return -1;
		}
		if (strcmp(cur.name, "endcapture")) {
			perr(p, et, "unknown tag '%s' inside 'capture'", cur.name);
			return -1;
		}
		*blank = true;
		return 0;
	} else if (!strcmp(name, "if") || !strcmp(name, "unless")) {
		n = node_new(name[0] == 'i' ? LN_IF : LN_UNLESS, t);
		nodes_add(body, n);
		return parse_if(p, n, t, tp, blank) ? 0 : -1;
	} else if (!strcmp(name, "case")) {
		n = node_new(LN_CASE, t);
		nodes_add(body, n);
		return parse_case(p, n, t, tp, blank) ? 0 : -1;
	} else if (!strcmp(name, "for")) {
		n = node_new(LN_FOR, t);
		nodes_add(body, n);
		return parse_for(p, n, t, tp, blank) ? 0 : -1;
	} else if (!strcmp(name, "break") || !strcmp(name, "continue")) {
		n = node_new(name[0] == 'b' ? LN_BREAK : LN_CONTINUE, t);
	} else if (!strcmp(name, "increment") || !strcmp(name, "decrement")) {
		n = node_new(name[0] == 'i' ? LN_INCREMENT : LN_DECREMENT, t);
		size_t k = 0;
		while (k < tp->mlen && !isspace((unsigned char)tp->markup[k]))
			k++;
		n->text = xstrndup(tp->markup, k);
	} else if (!strcmp(name, "cycle")) {
		n = node_new(LN_CYCLE, t);
		const char *s = tp->markup;
		size_t len = tp->mlen;
		/* A group: "name": values. */
		struct elex l = {0};
		elex_run(&l, s, len);
		struct lexpr *g = parse_expr(&l, false);
		if (g && elook(&l, 0)->kind == T_COLON) {
			n->group = g;
			size_t off = (size_t)(elook(&l, 0)->s - s) + 1;
			s += off;
			len -= off;
		} else {
			lexpr_free(g);
		}
		free(l.v);
		while (len && (isspace((unsigned char)s[len - 1]) || s[len - 1] == ','))
			len--;	/* a trailing comma, which Liquid's lax reading allows */
		if (!parse_name_list(s, len, &n->items, &n->nitems)) {
			lnode_free(n);
			perr(p, t, "syntax error in 'cycle': %.*s", QUOTE_LEN(tp->mlen), tp->markup);
			return -1;
		}
		/* Cycles share their place when their values are the same literals;
		 * one naming a variable is its own (Liquid keys it by the lookup
		 * object). */
		bool literal = true;
		for (size_t i = 0; i < n->nitems; i++)
			literal = literal && n->items[i]->kind == LX_LIT;
		if (literal) {
			n->cycle_key = xstrndup(s, len);
		} else {
			n->cycle_key = xmalloc(32);
			snprintf(n->cycle_key, 32, "\x01%p", (void *)n);
		}
	} else if (!strcmp(name, "tablerow")) {
		n = node_new(LN_TABLEROW, t);
		nodes_add(body, n);
		return parse_tablerow(p, n, t, tp) ? 0 : -1;
	} else if (!strcmp(name, "liquid")) {
		n = node_new(LN_SEQ, t);
		nodes_add(body, n);
		return parse_liquid_tag(p, n, t, tp) ? 0 : -1;
	} else if (!strcmp(name, "render")) {
		/* Liquid 5's render reads partials through a file system Jekyll
		 * 4.3 never sets: it is an error there when rendered. */
		if (tp->mlen < 2 || (tp->markup[0] != '\'' && tp->markup[0] != '"')) {
			perr(p, t, "syntax error in tag 'render' - Template name must be a quoted string");
			return -1;
		}
		n = node_new(LN_RENDER, t);
	} else if (!strcmp(name, "echo")) {
		n = node_new(LN_OUTPUT, t);
		n->var = parse_variable(tp->markup, tp->mlen, false);
		if (!n->var)
			n->var = parse_variable(tp->markup, tp->mlen, true);
	} else if (!strcmp(name, "raw")) {
		n = node_new(LN_TEXT, t);
		nodes_add(body, n);
		if (!parse_raw(p, n, t, "endraw"))
			return -1;
		*blank = n->len == 0;
		return 0;
	} else if (!strcmp(name, "comment")) {
		n = node_new(LN_NOTHING, t);
		nodes_add(body, n);
		/* Liquid parses a comment's body (its blocks must close) and drops
		 * it; tags it does not know are fine there. */
		for (;;) {
			const struct ttok *et;
			struct tagparts cur;
			bool bb;
			if (parse_body(p, &n->body, &et, &cur, &bb) != 0)
				return -1;
			if (!et) {
				perr(p, t, "'comment' tag was never closed");
				return -1;
			}
			if (!strcmp(cur.name, "endcomment"))
				break;
		}
		lnode_free_list(&n->body);
		*blank = true;
		return 0;
	} else if (!strcmp(name, "#")) {
		n = node_new(LN_NOTHING, t);
		*blank = true;
	} else if (!strcmp(name, "ifchanged")) {
		n = node_new(LN_IFCHANGED, t);
		nodes_add(body, n);
		const struct ttok *et;
		struct tagparts cur;
		bool bb;
		if (parse_body(p, &n->body, &et, &cur, &bb) != 0)
			return -1;
		if (!et || strcmp(cur.name, "endifchanged")) {
			perr(p, et ? et : t, "'ifchanged' tag was never closed");
			return -1;
		}
		return 0;
	} else {
		const struct ltag_def *def = ltag_jekyll(name);
		if (!def)
			return 1;
		n = node_new(LN_EXT, t);
		n->ext = def;
		nodes_add(body, n);
		char msg[256] = "";
		if (def->parse && def->parse(n, tp->markup, tp->mlen, msg, sizeof msg) != 0) {
			perr(p, t, "%s", msg);
			return -1;
		}
		if (!def->block)
			return 0;
		char endname[80];
		snprintf(endname, sizeof endname, "end%s", name);
		if (def->raw_body) {
			struct lnode *raw = node_new(LN_TEXT, t);
			nodes_add(&n->body, raw);
			return parse_raw(p, raw, t, endname) ? 0 : -1;
		}
		const struct ttok *et;
		struct tagparts cur;
		bool bb;
		if (parse_body(p, &n->body, &et, &cur, &bb) != 0)
			return -1;
		if (!et || strcmp(cur.name, endname)) {
			perr(p, et ? et : t, "'%s' tag was never closed", name);
			return -1;
		}
		return 0;
	}
	nodes_add(body, n);
	return 0;
}

/* Ends a block this parser knows: else, elsif, when, end<block>. The end of
 * a plugin's block ({% endtabs %}) is an unknown tag like its start. */
static bool is_end_tag(const char *name)
{
	static const char *const ends[] = {"else", "elsif", "when", NULL};
	static const char *const blocks[] = {"if", "unless", "case", "for", "capture", "comment",
		"raw", "ifchanged", "tablerow", NULL};
	if (!strncmp(name, "end", 3)) {
		for (const char *const *b = blocks; *b; b++)
			if (!strcmp(name + 3, *b))
				return true;
		const struct ltag_def *def = ltag_jekyll(name + 3);
		return def && def->block;
	}
	for (const char *const *e = ends; *e; e++)
		if (!strcmp(name, *e))
			return true;
	return false;
}

static int parse_body(struct tparser *p, struct lnodes *body, const struct ttok **end,
		      struct tagparts *endtag, bool *blank)
{
	*end = NULL;
	*blank = true;
	if (++p->depth > p->max_depth) {
		perr(p, p->pos < p->n ? &p->v[p->pos] : NULL,
		     "blocks nested more than %u deep", p->max_depth);
		p->depth--;
		return -1;
	}
	int rc = 0;
	while (p->pos < p->n && !p->failed) {
		const struct ttok *t = &p->v[p->pos++];
		if (t->kind == TT_TEXT) {
			struct lnode *n = node_new(LN_TEXT, t);
			const char *s = t->s;
			size_t len = t->n;
			if (p->trim_next)
				while (len && isspace((unsigned char)*s)) {
					s++;
					len--;
				}
			p->trim_next = false;
			n->text = xstrndup(s, len);
			n->len = len;
			*blank = *blank && is_ws_only(s, len);
			nodes_add(body, n);
			continue;
		}
		if (t->kind == TT_VAR) {
			if (t->n < 4 || t->s[t->n - 1] != '}' || t->s[t->n - 2] != '}') {
				perr(p, t, "variable '%.*s' was not properly terminated with '}}'",
				     (int)(t->n > 40 ? 40 : t->n), t->s);
				rc = -1;
				break;
			}
			/* "{{-}}": the one dash trims both sides, as Liquid reads it. */
			size_t a = 2, z = t->n - 2;
			bool left = t->s[2] == '-', right = t->n >= 5 && t->s[t->n - 3] == '-';
			if (left) {
				rstrip_last(body);
				a++;
			}
			p->trim_next = right;
			if (right && z > a)
				z--;
			struct lnode *n = node_new(LN_OUTPUT, t);
			n->var = parse_variable(t->s + a, z - a, false);
			if (!n->var) {
				diag_report(p->diag, DIAG_WARNING, p->where->file, t->line, t->col, "liquid",
					    "Liquid syntax read leniently: %.*s", QUOTE_LEN(z - a), t->s + a);
				n->var = parse_variable(t->s + a, z - a, true);
			}
			nodes_add(body, n);
			*blank = false;
			continue;
		}
		struct tagparts tp;
		if (!split_tag(t, &tp)) {
			perr(p, t, "tag '%.*s' was not properly terminated with '%%}'",
			     (int)(t->n > 40 ? 40 : t->n), t->s);
			rc = -1;
			break;
		}
		if (tp.trim_left)
			rstrip_last(body);
		p->trim_next = tp.trim_right;
		if (is_end_tag(tp.name)) {
			*end = t;
			*endtag = tp;
			break;
		}
		bool tag_blank;
		int r = parse_tag(p, body, t, &tp, &tag_blank);
		if (r < 0) {
			rc = -1;
			break;
		}
		if (r > 0) {
			/* A plugin's tag feedgen does not have: a warning, and nothing
			 * of it in the text. */
			diag_report(p->diag, DIAG_WARNING, p->where->file, t->line, t->col,
				    "liquid-unknown-tag",
				    "unknown Liquid tag '%s' (a Jekyll plugin's?); it is left out", tp.name);
			struct lnode *n = node_new(LN_NOTHING, t);
			nodes_add(body, n);
			tag_blank = false;
		}
		*blank = *blank && tag_blank;
	}
	p->depth--;
	if (p->failed)
		rc = -1;
	return rc;
}

/* Parse a whole template: 0, or -1 after a report (at p->err_*). */
static int parse_template(struct tparser *p, struct lnodes *out)
{
	tokenize(p);
	const struct ttok *et;
	struct tagparts cur;
	bool blank;
	for (;;) {
		if (parse_body(p, out, &et, &cur, &blank) != 0)
			break;
		if (!et)
			break;
		/* An end tag with nothing open. */
		if (!strncmp(cur.name, "end", 3)) {
			perr(p, et, "unexpected '%s' (no block is open)", cur.name);
		} else {
			perr(p, et, "unexpected '%s' outside a block", cur.name);
		}
		break;
	}
	free(p->v);
	p->v = NULL;
	if (p->failed) {
		if (!p->reported)
			diag_report(p->diag, DIAG_ERROR, p->where->file, p->err_line, p->err_col,
				    "liquid-syntax", "Liquid syntax error: %s", p->msg);
		lnode_free_list(out);
		return -1;
	}
	return 0;
}

/* ================= rendering ================= */

void lctx_error(struct lctx *c, const char *fmt, ...)
{
	if (c->failed)
		return;
	c->failed = true;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_report(c->diag, DIAG_ERROR, c->file, c->line, c->col, "liquid", "Liquid error: %s", msg);
}

void lctx_warn(struct lctx *c, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_report(c->diag, DIAG_WARNING, c->file, c->line, c->col, "liquid", "%s", msg);
}

static json_t *find_variable(struct lctx *c, const char *name)
{
	for (size_t i = c->nscopes; i-- > 0;) {
		json_t *v = json_object_get(c->scopes[i], name);
		if (v)
			return v;
	}
	json_t *v = json_object_get(c->counters, name);
	if (v)
		return v;
	return c->env ? json_object_get(c->env, name) : NULL;
}

static json_t *range_value(struct lctx *c, const struct lexpr *e, long long *lo, long long *hi);

/* obj[key] by Liquid's lookup rules; borrowed result or NULL. */
static json_t *lookup_one(json_t *obj, json_t *key, bool command, json_t **made)
{
	*made = NULL;
	if (!obj)
		return NULL;
	if (json_is_object(obj) && key && json_is_string(key)) {
		json_t *v = json_object_get(obj, json_string_value(key));
		if (v)
			return v;
	}
	if (json_is_array(obj) && key && json_is_integer(key)) {
		json_int_t i = json_integer_value(key);
		size_t n = json_array_size(obj);
		if (i < 0)
			i += (json_int_t)n;
		return i >= 0 && (size_t)i < n ? json_array_get(obj, (size_t)i) : NULL;
	}
	if (!command || !json_is_string(key))
		return NULL;
	const char *k = json_string_value(key);
	if (!strcmp(k, "size")) {
		if (json_is_array(obj))
			*made = json_integer((json_int_t)json_array_size(obj));
		else if (json_is_object(obj))
			*made = json_integer((json_int_t)json_object_size(obj));
		else if (json_is_string(obj))
			*made = json_integer((json_int_t)lv_utf8_len(json_string_value(obj),
								     json_string_length(obj)));
		return *made;
	}
	if (json_is_array(obj) && json_array_size(obj))
		return json_array_get(obj, !strcmp(k, "first") ? 0 : json_array_size(obj) - 1);
	if (json_is_object(obj) && !strcmp(k, "first") && json_object_size(obj)) {
		void *it = json_object_iter(obj);
		*made = json_pack("[sO]", json_object_iter_key(it), json_object_iter_value(it));
		return *made;
	}
	return NULL;
}

static json_t *eval_var(struct lctx *c, const struct lexpr *e)
{
	json_t *obj;
	json_t *hold = NULL;
	if (e->name_expr) {
		json_t *n = lctx_eval(c, e->name_expr);
		obj = n && json_is_string(n) ? find_variable(c, json_string_value(n)) : NULL;
		json_decref(n);
	} else {
		obj = find_variable(c, e->name);
	}
	if (obj)
		hold = json_incref(obj);
	for (size_t i = 0; i < e->nlookups && hold; i++) {
		const struct llookup *k = &e->lookups[i];
		json_t *key = k->key ? json_string(k->key) : lctx_eval(c, k->expr);
		json_t *made;
		json_t *next = lookup_one(hold, key, k->command, &made);
		if (!next && !c->opt->plain && json_is_object(hold) && json_is_string(key))
			next = made = ljekyll_site_extra(c, hold, json_string_value(key));
		json_decref(key);
		json_t *nh = next ? json_incref(next) : NULL;
		json_decref(made);
		json_decref(hold);
		hold = nh;
	}
	return hold;
}

json_t *lctx_eval(struct lctx *c, const struct lexpr *e)
{
	if (!e)
		return NULL;
	switch (e->kind) {
	case LX_LIT: return json_incref(e->lit);
	case LX_VAR: return eval_var(c, e);
	case LX_EMPTY: case LX_BLANK: return json_string("");
	case LX_RANGE: {
		long long lo, hi;
		return range_value(c, e, &lo, &hi);
	}
	}
	return NULL;
}

static long long range_bound(struct lctx *c, const struct lexpr *e)
{
	json_t *v = lctx_eval(c, e);
	long long r = 0;
	if (!v || json_is_null(v))
		r = 0;
	else if (json_is_string(v))
		r = lv_str_to_i(json_string_value(v));
	else if (lv_to_integer(v, &r) != 0)
		lctx_error(c, "invalid integer");
	json_decref(v);
	return r;
}

/* A range as an array (bounded like loops). */
static json_t *range_value(struct lctx *c, const struct lexpr *e, long long *lo, long long *hi)
{
	*lo = range_bound(c, e->lo);
	*hi = range_bound(c, e->hi);
	json_t *a = json_array();
	if (c->failed)
		return a;
	if (*hi >= *lo && (unsigned long long)(*hi - *lo) >= c->opt->max_iterations) {
		lctx_error(c, "the range (%lld..%lld) is larger than the limit of %lu items", *lo, *hi,
			   c->opt->max_iterations);
		return a;
	}
	for (long long i = *lo; i <= *hi; i++)
		json_array_append_new(a, json_integer(i));
	return a;
}

json_t *lctx_eval_variable(struct lctx *c, const struct lvariable *v)
{
	json_t *val = lctx_eval(c, v->expr);
	for (size_t i = 0; i < v->nfilters && !c->failed; i++) {
		const struct lfilter_call *f = &v->filters[i];
		const struct lfilter_def *def = c->opt->plain ? lfilter_standard(f->name) : f->def;
		if (!def)
			continue;	/* strict_filters off: an unknown filter passes its input on */
		size_t nargs = f->nargs + (f->nkw ? 1 : 0);
		if (nargs < def->min_args || nargs > def->max_args) {
			lctx_error(c, "wrong number of arguments (given %zu, expected %u%s) for '%s'",
				   nargs + 1, def->min_args + 1,
				   def->max_args > def->min_args ? "+" : "", f->name);
			break;
		}
		json_t *args[8] = {0};
		for (size_t k = 0; k < f->nargs && k < 8; k++)
			args[k] = lctx_eval(c, f->args[k]);
		json_t *kw = NULL;
		if (f->nkw) {
			kw = json_object();
			for (size_t k = 0; k < f->nkw; k++) {
				json_t *x = lctx_eval(c, f->kwargs[k]);
				json_object_set_new(kw, f->kwnames[k], x ? x : json_null());
			}
		}
		json_t *out = def->fn(c, val, args, f->nargs < 8 ? f->nargs : 8, kw);
		for (size_t k = 0; k < 8; k++)
			json_decref(args[k]);
		json_decref(kw);
		json_decref(val);
		val = out;
		/* A value assigned back to itself doubles on each pass of a loop
		 * ({% assign s = s | append: s %}, concat): no value may pass
		 * what the whole render may write, nor an array the iterations. */
		if ((json_is_string(val) && json_string_length(val) > c->opt->max_output) ||
		    (json_is_array(val) && json_array_size(val) > c->opt->max_iterations)) {
			lctx_error(c, "'%s' made a value larger than the limit of %zu bytes or %lu "
				   "items", f->name, c->opt->max_output, c->opt->max_iterations);
			json_decref(val);
			val = json_null();
		}
	}
	return val;
}

json_t *lctx_lookup(struct lctx *c, const char *path)
{
	struct lexpr *e = lparse_expr_text(path, strlen(path));
	json_t *v = e ? lctx_eval(c, e) : NULL;
	lexpr_free(e);
	return v;
}

void lctx_set_local(struct lctx *c, const char *name, json_t *value)
{
	json_object_set_new(c->scopes[c->nscopes - 1], name, value ? value : json_null());
}

static bool out_ok(struct lctx *c)
{
	if (c->out->len > c->opt->max_output) {
		lctx_error(c, "the output is larger than the limit of %zu bytes", c->opt->max_output);
		return false;
	}
	return true;
}

/* ---- conditions ---- */

static json_t *method_literal(int kind, const json_t *v)
{
	/* x == empty: x.empty? when x has it; blank? is no method of plain Ruby. */
	if (kind == LX_BLANK || !v)
		return NULL;
	if (json_is_string(v))
		return json_boolean(json_string_length(v) == 0);
	if (json_is_array(v))
		return json_boolean(json_array_size(v) == 0);
	if (json_is_object(v))
		return json_boolean(json_object_size(v) == 0);
	return NULL;
}

static json_t *compare(struct lctx *c, const struct lcond *k)
{
	if (!k->op[0])
		return lctx_eval(c, k->left);
	const char *op = k->op;
	bool lm = k->left->kind == LX_EMPTY || k->left->kind == LX_BLANK;
	bool rm = k->right->kind == LX_EMPTY || k->right->kind == LX_BLANK;
	json_t *l = lctx_eval(c, k->left), *r = lctx_eval(c, k->right);
	json_t *res = NULL;
	if (!strcmp(op, "==") || !strcmp(op, "!=") || !strcmp(op, "<>")) {
		bool eq;
		if (lm || rm) {
			json_t *m = lm ? method_literal(k->left->kind, r) : method_literal(k->right->kind, l);
			eq = lv_truthy(m);
			json_decref(m);
		} else {
			eq = lv_equal(l, r);
		}
		res = json_boolean(op[0] == '=' ? eq : !eq);
	} else if (!strcmp(op, "contains")) {
		bool has = false;
		if (lv_truthy(l) && lv_truthy(r)) {
			if (json_is_string(l)) {
				char *needle = lv_str(r);
				has = strstr(json_string_value(l), needle) != NULL;
				free(needle);
			} else if (json_is_array(l)) {
				for (size_t i = 0; i < json_array_size(l) && !has; i++)
					has = lv_equal(json_array_get(l, i), r);
			} else if (json_is_object(l) && json_is_string(r)) {
				has = json_object_get(l, json_string_value(r)) != NULL;
			}
		}
		res = json_boolean(has);
	} else {
		bool lc = l && (json_is_number(l) || json_is_string(l));
		bool rc = r && (json_is_number(r) || json_is_string(r));
		if (lc && rc) {
			bool ok;
			int cmp = lv_compare(l, r, &ok);
			if (!ok) {
				lctx_error(c, "comparison of %s with %s failed",
					   json_is_string(l) ? "String" : json_is_integer(l) ? "Integer" : "Float",
					   json_is_string(r) ? "String" : json_is_integer(r) ? "Integer" : "Float");
			} else if (!strcmp(op, "<")) {
				res = json_boolean(cmp < 0);
			} else if (!strcmp(op, ">")) {
				res = json_boolean(cmp > 0);
			} else if (!strcmp(op, "<=")) {
				res = json_boolean(cmp <= 0);
			} else {
				res = json_boolean(cmp >= 0);
			}
		}
	}
	json_decref(l);
	json_decref(r);
	return res;
}

static bool eval_cond(struct lctx *c, const struct lcond *k)
{
	/* Liquid walks the chain from the left: `or` stops at a true result,
	 * `and` at a false one — which groups the operators from the right. */
	for (;;) {
		json_t *r = compare(c, k);
		bool t = lv_truthy(r);
		json_decref(r);
		if (c->failed)
			return false;
		if (!k->rel || (k->rel == 'o' && t) || (k->rel == 'a' && !t))
			return t;
		k = k->child;
	}
}

/* ---- nodes ---- */

/* Utils.slice_collection: arrays item by item, a hash as [key, value]
 * pairs, a non-empty string as itself; items from..to (to when has_to). */
static json_t *slice_collection(json_t *coll, long long from, bool has_to, long long to)
{
	json_t *seg = json_array();
	long long idx = 0;
	if (coll && json_is_array(coll)) {
		for (size_t i = 0; i < json_array_size(coll); i++, idx++) {
			if (has_to && to <= idx)
				break;
			if (from <= idx)
				json_array_append(seg, json_array_get(coll, i));
		}
	} else if (coll && json_is_object(coll)) {
		const char *k;
		json_t *x;
		json_object_foreach(coll, k, x) {
			if (has_to && to <= idx)
				break;
			if (from <= idx)
				json_array_append_new(seg, json_pack("[sO]", k, x));
			idx++;
		}
	} else if (coll && json_is_string(coll) && json_string_length(coll)) {
		json_array_append(seg, coll);
	}
	return seg;
}

/* Ruby's to_i on an attribute's value (nil is 0). */
static long long attr_to_i(struct lctx *c, const struct lexpr *e)
{
	json_t *v = e ? lctx_eval(c, e) : NULL;
	long long r = 0;
	if (json_is_string(v))
		r = lv_str_to_i(json_string_value(v));
	else if (json_is_real(v))
		r = (long long)json_real_value(v);
	else if (json_is_integer(v))
		r = json_integer_value(v);
	else if (v && !json_is_null(v))
		lctx_error(c, "undefined method `to_i'");
	json_decref(v);
	return r;
}

/* Liquid's TableRow: cells of cols columns, tablerowloop beside the item. */
static int render_tablerow(struct lctx *c, const struct lnode *n)
{
	json_t *coll = lctx_eval(c, n->subject);
	if (!lv_truthy(coll) || c->failed) {
		json_decref(coll);
		return c->failed ? -1 : 0;
	}
	long long from = attr_to_i(c, n->offset);
	long long to = n->limit ? from + attr_to_i(c, n->limit) : 0;
	long long cols = attr_to_i(c, n->cols);
	json_t *seg = slice_collection(coll, from, n->limit != NULL, to);
	json_decref(coll);
	if (c->failed || c->nscopes >= sizeof c->scopes / sizeof c->scopes[0]) {
		json_decref(seg);
		if (!c->failed)
			lctx_error(c, "loops nested too deep");
		return -1;
	}
	size_t len = json_array_size(seg);
	buf_adds(c->out, "<tr class=\"row1\">\n");
	json_t *scope = json_object();
	c->scopes[c->nscopes++] = scope;
	long long row = 1, col = 1;
	int rc = 0;
	for (size_t i = 0; i < len; i++) {
		if (++c->iterations > c->opt->max_iterations) {
			lctx_error(c, "more than %lu loop iterations", c->opt->max_iterations);
			rc = -1;
			break;
		}
		json_t *tl = json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:b,s:b,s:b,s:b}",
				       "length", (json_int_t)len, "col", (json_int_t)col,
				       "col0", (json_int_t)(col - 1), "row", (json_int_t)row,
				       "index", (json_int_t)i + 1, "index0", (json_int_t)i,
				       "rindex", (json_int_t)(len - i), "rindex0", (json_int_t)(len - i - 1),
				       "first", i == 0, "last", i == len - 1, "col_first", col == 1,
				       "col_last", col == cols);
		json_object_set_new(scope, "tablerowloop", tl);
		json_object_set(scope, n->text, json_array_get(seg, i));
		buf_printf(c->out, "<td class=\"col%lld\">", col);
		if (lctx_render_nodes(c, &n->body) != 0) {
			rc = -1;
			break;
		}
		buf_adds(c->out, "</td>");
		if (col == cols && i != len - 1)
			buf_printf(c->out, "</tr>\n<tr class=\"row%lld\">", row + 1);
		if (col == cols) {
			col = 1;
			row++;
		} else {
			col++;
		}
		if (!out_ok(c)) {
			rc = -1;
			break;
		}
	}
	c->nscopes--;
	json_decref(scope);
	json_decref(seg);
	if (rc == 0)
		buf_adds(c->out, "</tr>\n");
	return rc;
}

static int render_for(struct lctx *c, const struct lnode *n)
{
	json_t *reg = json_object_get(c->registers, "for");
	long long from = 0;
	if (n->offset && n->offset->kind == LX_LIT && json_is_string(n->offset->lit) &&
	    !strcmp(json_string_value(n->offset->lit), "continue")) {
		json_t *o = json_object_get(reg, n->cycle_key);
		from = o ? json_integer_value(o) : 0;
	} else if (n->offset) {
		json_t *o = lctx_eval(c, n->offset);
		if (o && !json_is_null(o) && lv_to_integer(o, &from) != 0)
			lctx_error(c, "invalid integer");
		json_decref(o);
	}
	json_t *coll;
	if (n->subject->kind == LX_RANGE) {
		long long lo, hi;
		coll = range_value(c, n->subject, &lo, &hi);
	} else {
		coll = lctx_eval(c, n->subject);
	}
	bool has_to = false;
	long long to = 0;
	if (n->limit) {
		json_t *o = lctx_eval(c, n->limit);
		long long limit = 0;
		if (o && !json_is_null(o)) {
			if (lv_to_integer(o, &limit) != 0)
				lctx_error(c, "invalid integer");
			has_to = true;
			to = limit + from;
		}
		json_decref(o);
	}
	if (c->failed) {
		json_decref(coll);
		return -1;
	}
	json_t *seg = slice_collection(coll, from, has_to, to);
	json_decref(coll);
	size_t len = json_array_size(seg);
	if (n->reversed)
		for (size_t i = 0; i < len / 2; i++) {
			json_t *a = json_incref(json_array_get(seg, i));
			json_array_set(seg, i, json_array_get(seg, len - 1 - i));
			json_array_set_new(seg, len - 1 - i, a);
		}
	json_object_set_new(reg, n->cycle_key, json_integer(from + (long long)len));
	int rc = 0;
	if (len == 0) {
		json_decref(seg);
		return lctx_render_nodes(c, &n->else_body);
	}
	if (c->nscopes >= sizeof c->scopes / sizeof c->scopes[0]) {
		json_decref(seg);
		lctx_error(c, "loops nested too deep");
		return -1;
	}
	json_t *scope = json_object();
	c->scopes[c->nscopes++] = scope;
	json_t *parent = NULL;
	for (size_t i = c->nscopes - 1; i-- > 0;) {
		parent = json_object_get(c->scopes[i], "forloop");
		if (parent)
			break;
	}
	for (size_t i = 0; i < len; i++) {
		if (++c->iterations > c->opt->max_iterations) {
			lctx_error(c, "more than %lu loop iterations", c->opt->max_iterations);
			rc = -1;
			break;
		}
		json_t *fl = json_pack("{s:s,s:I,s:I,s:I,s:I,s:I,s:b,s:b}", "name", n->cycle_key,
				       "length", (json_int_t)len, "index", (json_int_t)i + 1,
				       "index0", (json_int_t)i, "rindex", (json_int_t)(len - i),
				       "rindex0", (json_int_t)(len - i - 1), "first", i == 0,
				       "last", i == len - 1);
		json_object_set(fl, "parentloop", parent ? parent : json_null());
		json_object_set_new(scope, "forloop", fl);
		json_object_set(scope, n->text, json_array_get(seg, i));
		if (lctx_render_nodes(c, &n->body) != 0) {
			rc = -1;
			break;
		}
		if (c->interrupt) {
			int what = c->interrupt;
			c->interrupt = 0;
			if (what == 'b')
				break;
		}
	}
	c->nscopes--;
	json_decref(scope);
	json_decref(seg);
	return rc;
}

static int render_node(struct lctx *c, const struct lnode *n)
{
	c->line = n->line;
	c->col = n->col;
	switch (n->kind) {
	case LN_TEXT:
		buf_add(c->out, n->text, n->len);
		return out_ok(c) ? 0 : -1;
	case LN_NOTHING:
		return 0;
	case LN_OUTPUT: {
		json_t *v = lctx_eval_variable(c, n->var);
		if (!c->failed)
			lv_to_s(c->out, v);
		json_decref(v);
		return c->failed || !out_ok(c) ? -1 : 0;
	}
	case LN_ASSIGN: {
		json_t *v = lctx_eval_variable(c, n->var);
		json_object_set_new(c->scopes[0], n->text, v ? v : json_null());
		return c->failed ? -1 : 0;
	}
	case LN_CAPTURE: {
		struct buf *saved = c->out, tmp;
		buf_init(&tmp);
		buf_adds(&tmp, "");
		c->out = &tmp;
		int rc = lctx_render_nodes(c, &n->body);
		c->out = saved;
		json_object_set_new(c->scopes[0], n->text, json_stringn(tmp.data, tmp.len));
		buf_free(&tmp);
		return rc;
	}
	case LN_IF: case LN_UNLESS:
		for (size_t i = 0; i < n->nbranches; i++) {
			const struct lbranch *b = &n->branches[i];
			bool t = b->is_else || eval_cond(c, b->cond);
			if (c->failed)
				return -1;
			if (n->kind == LN_UNLESS && i == 0)
				t = !t;
			if (t)
				return lctx_render_nodes(c, &b->body);
		}
		return 0;
	case LN_CASE: {
		json_t *subject = lctx_eval(c, n->subject);
		bool run_else = true;
		int rc = 0;
		for (size_t i = 0; i < n->nbranches && rc == 0; i++) {
			const struct lbranch *b = &n->branches[i];
			if (b->is_else) {
				if (run_else)
					rc = lctx_render_nodes(c, &b->body);
				continue;
			}
			for (size_t k = 0; k < b->nwhens && rc == 0; k++) {
				struct lcond cond = {.left = n->subject, .right = b->whens[k]};
				strcpy(cond.op, "==");
				if (eval_cond(c, &cond)) {
					run_else = false;
					rc = lctx_render_nodes(c, &b->body);
				}
			}
		}
		json_decref(subject);
		return c->failed ? -1 : rc;
	}
	case LN_FOR:
		return render_for(c, n);
	case LN_BREAK:
		c->interrupt = 'b';
		return 0;
	case LN_CONTINUE:
		c->interrupt = 'c';
		return 0;
	case LN_INCREMENT: case LN_DECREMENT: {
		/* Liquid keeps counters in the outer variables: a given number
		 * is where it starts. */
		json_t *v = json_object_get(c->counters, n->text);
		if (!v && c->env)
			v = json_object_get(c->env, n->text);
		json_int_t x = v && json_is_integer(v) ? json_integer_value(v) : 0;
		if (n->kind == LN_INCREMENT) {
			buf_printf(c->out, "%lld", (long long)x);
			json_object_set_new(c->counters, n->text, json_integer(x + 1));
		} else {
			buf_printf(c->out, "%lld", (long long)(x - 1));
			json_object_set_new(c->counters, n->text, json_integer(x - 1));
		}
		return 0;
	}
	case LN_CYCLE: {
		json_t *cycles = json_object_get(c->registers, "cycle");
		char *key;
		if (n->group) {
			json_t *g = lctx_eval(c, n->group);
			key = lv_str(g);
			json_decref(g);
		} else {
			key = xstrdup(n->cycle_key);
		}
		json_t *pos = json_object_get(cycles, key);
		size_t at = pos ? (size_t)json_integer_value(pos) : 0;
		json_t *v = lctx_eval(c, n->items[at % n->nitems]);
		lv_to_s(c->out, v);
		json_decref(v);
		json_object_set_new(cycles, key, json_integer((json_int_t)((at + 1) % n->nitems)));
		free(key);
		return 0;
	}
	case LN_IFCHANGED: {
		struct buf *saved = c->out, tmp;
		buf_init(&tmp);
		buf_adds(&tmp, "");
		c->out = &tmp;
		int rc = lctx_render_nodes(c, &n->body);
		c->out = saved;
		json_t *last = json_object_get(c->registers, "ifchanged");
		if (rc == 0 && (!last || strcmp(json_string_value(last), tmp.data))) {
			json_object_set_new(c->registers, "ifchanged", json_string(tmp.data));
			buf_add(c->out, tmp.data, tmp.len);
		}
		buf_free(&tmp);
		return rc;
	}
	case LN_TABLEROW:
		return render_tablerow(c, n);
	case LN_SEQ:
		return lctx_render_nodes(c, &n->body);
	case LN_RENDER:
		lctx_error(c, "This liquid context does not allow includes.");
		return -1;
	case LN_EXT:
		return n->ext->render(c, n);
	}
	return 0;
}

int lctx_render_nodes(struct lctx *c, const struct lnodes *l)
{
	if (++c->depth > c->opt->max_depth + 64) {
		c->depth--;
		lctx_error(c, "nested too deep");
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < l->n; i++) {
		if (render_node(c, l->v[i]) != 0 || c->failed) {
			rc = -1;
			break;
		}
		if (c->interrupt)
			break;
	}
	c->depth--;
	return rc;
}

static int parse_source(const char *src, size_t len, const struct lsource *where,
			unsigned max_depth, struct diag_sink *diag, struct lnodes *out)
{
	struct tparser p = {0};
	p.src = src;
	p.srclen = len;
	p.where = where;
	p.diag = diag;
	p.max_depth = max_depth;
	return parse_template(&p, out);
}

int lctx_render_source(struct lctx *c, const char *src, size_t len, const struct lsource *where)
{
	struct lnodes nodes = {0};
	if (parse_source(src, len, where, c->opt->max_depth, c->diag, &nodes) != 0) {
		c->failed = true;
		return -1;
	}
	const char *file = c->file;
	unsigned long line = c->line, col = c->col;
	c->file = where->file;
	int rc = lctx_render_nodes(c, &nodes);
	c->file = file;
	c->line = line;
	c->col = col;
	lnode_free_list(&nodes);
	return rc;
}

char *liquid_render(const char *src, size_t n, json_t *vars, const char *file,
		    unsigned long first_line, const struct liquid_options *opt,
		    struct diag_sink *diag)
{
	struct liquid_options defaults;
	if (!opt) {
		liquid_options_init(&defaults);
		opt = &defaults;
	}
	struct buf out;
	buf_init(&out);
	buf_adds(&out, "");
	struct lctx c = {0};
	c.out = &out;
	c.env = vars;
	c.scopes[0] = json_object();
	c.nscopes = 1;
	c.counters = json_object();
	c.registers = json_pack("{s:{},s:{}}", "cycle", "for");
	c.opt = opt;
	c.diag = diag;
	c.file = file;
	struct lsource where = {file, first_line ? first_line : 1, 1};
	int rc = lctx_render_source(&c, src, n, &where);
	json_decref(c.scopes[0]);
	json_decref(c.counters);
	json_decref(c.registers);
	if (rc != 0 || c.failed) {
		buf_free(&out);
		return NULL;
	}
	return buf_take(&out);
}
