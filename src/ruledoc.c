/* ruledoc.c: the rules' documentation (ruledoc.h) — gathering every rule
 * from the validator's tables and ruledoc_own[], and printing the list, one
 * rule's explanation, or the feedgen-rules(7) page. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "base/diag.h"
#include "base/text.h"
#include "ruledoc.h"
#include "validate/rules.h"
#include "validate/validate_json.h"

enum { EXIT_OK = 0, EXIT_USAGE = 2 };

/* Widths of the --list-rules table; the whole fits 80 columns. */
#define WIDTH 80
#define ID_COL 31
#define SEV_COL 9
#define TEXT_COL (ID_COL + SEV_COL)

/* One rule as listed: the table rows with its id merged. */
struct rule_entry {
	const char *id;
	enum ruledoc_part part;	/* the command that reports it */
	unsigned sev;		/* RD_* bits */
	const char *summary;	/* the first row's message */
	struct buf spec;	/* the rows' specifications, each once, "; " between */
	const struct ruledoc *doc;	/* NULL: none written */
};

struct rule_list {
	struct rule_entry *v;
	size_t n, cap;
};

static unsigned sev_bit(enum diag_severity s)
{
	return s == DIAG_ERROR ? RD_ERROR : s == DIAG_WARNING ? RD_WARNING : RD_NOTE;
}

static struct rule_entry *find(struct rule_list *l, const char *id, enum ruledoc_part part)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].part == part && strcmp(l->v[i].id, id) == 0)
			return &l->v[i];
	return NULL;
}

/* Adds a row: a new entry for a new id, else the severity and the
 * specification merged into the entry of its id. */
static struct rule_entry *add_row(struct rule_list *l, const char *id, enum ruledoc_part part,
				  unsigned sev, const char *summary, const char *spec)
{
	struct rule_entry *e = find(l, id, part);
	if (!e) {
		if (l->n == l->cap) {
			l->cap = l->cap ? l->cap * 2 : 256;
			l->v = xrealloc(l->v, l->cap * sizeof *l->v);
		}
		e = &l->v[l->n++];
		*e = (struct rule_entry){ .id = id, .part = part, .summary = summary };
		buf_init(&e->spec);
		buf_adds(&e->spec, "");
	}
	e->sev |= sev;
	/* Each "; "-separated part of spec once. */
	while (spec && *spec) {
		const char *end = strstr(spec, "; ");
		size_t n = end ? (size_t)(end - spec) : strlen(spec);
		char *piece = xstrndup(spec, n);
		if (!strstr(e->spec.data, piece)) {
			if (e->spec.len)
				buf_adds(&e->spec, "; ");
			buf_adds(&e->spec, piece);
		}
		free(piece);
		spec = end ? end + 2 : NULL;
	}
	return e;
}

static const struct ruledoc *validator_doc(const char *id)
{
	for (size_t i = 0; i < ruledoc_validator_count; i++)
		if (strcmp(ruledoc_validator[i].id, id) == 0)
			return &ruledoc_validator[i];
	return NULL;
}

/* Every rule: the validator's table rows (in table order), the validate
 * command's own rules, then the generator's and the comparing commands'. */
static void collect(struct rule_list *l)
{
	*l = (struct rule_list){ 0 };
	for (size_t i = 0; i < R_COUNT; i++) {
		const struct rule *r = &rule_table[i];
		if (i == R_NONE || !r->id)
			continue;
		add_row(l, r->id, RD_VALIDATE, sev_bit(r->sev), r->message, r->spec);
	}
	const char *id, *message, *spec;
	enum diag_severity sev;
	for (size_t i = 0; validate_json_rule(i, &id, &sev, &message, &spec); i++)
		add_row(l, id, RD_VALIDATE, sev_bit(sev), message, spec);
	for (size_t i = 0; i < l->n; i++)
		l->v[i].doc = validator_doc(l->v[i].id);
	for (int part = 0; part < RD_PARTS; part++)
		for (size_t i = 0; i < ruledoc_own_count; i++) {
			const struct ruledoc_own *o = &ruledoc_own[i];
			if (o->part != (enum ruledoc_part)part)
				continue;
			struct rule_entry *e = add_row(l, o->doc.id, o->part, o->sev,
						       o->summary, o->origin);
			e->doc = &o->doc;
		}
}

static void list_free(struct rule_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		buf_free(&l->v[i].spec);
	free(l->v);
}

/* Explanations no rule has, or written twice: said on standard error, so
 * tests/rules-doc.sh sees a stale or doubled entry. */
static void check_docs(const struct rule_list *l)
{
	for (size_t i = 0; i < ruledoc_validator_count; i++) {
		const char *id = ruledoc_validator[i].id;
		bool used = false;
		for (size_t k = 0; k < l->n && !used; k++)
			used = l->v[k].part == RD_VALIDATE && l->v[k].doc == &ruledoc_validator[i];
		if (!used)
			fprintf(stderr, "feedgen validate: the explanation of '%s' is %s\n", id,
				validator_doc(id) == &ruledoc_validator[i]
					? "of no rule in the validator's tables"
					: "written twice");
	}
}

static const char *const sev_names[] = { "error", "warning", "note" };
static const unsigned sev_bits[] = { RD_ERROR, RD_WARNING, RD_NOTE };

/* Each part: who reports its rules, its key in JSON, and the headings of
 * its section in the list and the man page. */
static const struct {
	const char *by, *key, *heading, *man;
} parts[RD_PARTS] = {
	[RD_VALIDATE] = { "feedgen validate", "validate", "Rules of feedgen validate:",
			  "VALIDATOR RULES" },
	[RD_GENERATE] = { "feedgen (generating feeds)", "generate",
			  "Rules of feedgen, generating feeds from a site or posts:",
			  "GENERATOR RULES" },
	[RD_COMPARE] = { "feedgen diff and -o's guard",
			 "compare",
			 "Rules of feedgen diff, and of -o's guard against re-identified entries:",
			 "COMPARING RULES" },
};

static const char *by_name(const struct rule_entry *e)
{
	return parts[e->part].by;
}

/* ---- text ---- */

/* Columns s takes: its characters (UTF-8 continuation bytes take none). */
static size_t columns(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

/* Writes the words of s from column col (the first word right there),
 * wrapping before column width to lines indented by indent. */
static void wrap(FILE *f, const char *s, size_t col, size_t indent, size_t width)
{
	bool first = true;
	while (*s) {
		s += strspn(s, " \n");
		size_t n = strcspn(s, " \n");
		if (!n)
			break;
		size_t w = columns(s, n);
		if (first && col < indent) {
			fprintf(f, "%*s", (int)(indent - col), "");
			col = indent;
		} else if (!first && col + 1 + w > width) {
			fprintf(f, "\n%*s", (int)indent, "");
			col = indent;
		} else if (!first) {
			fputc(' ', f);
			col++;
		}
		fwrite(s, 1, n, f);
		col += w;
		s += n;
		first = false;
	}
}

/* The words of s in lines of at most width columns, appended to lines. */
static void wrap_lines(const char *s, size_t width, struct buf *lines, size_t *n, size_t cap)
{
	struct buf *cur = NULL;
	size_t col = 0;
	while (*s && *n <= cap) {
		s += strspn(s, " \n");
		size_t len = strcspn(s, " \n");
		if (!len)
			break;
		size_t w = columns(s, len);
		if (!cur || col + 1 + w > width) {
			if (*n == cap)
				break;
			cur = &lines[(*n)++];
			buf_init(cur);
			buf_adds(cur, "");
			col = 0;
		} else {
			buf_addc(cur, ' ');
			col++;
		}
		buf_add(cur, s, len);
		col += w;
		s += len;
	}
}

#define ROW_LINES 16

static void print_row(FILE *f, const struct rule_entry *e)
{
	struct buf text[ROW_LINES];
	size_t nt = 0;
	wrap_lines(e->summary, WIDTH - TEXT_COL, text, &nt, ROW_LINES);
	char *spec = xmalloc(e->spec.len + 3);
	sprintf(spec, "(%s)", e->spec.data);
	wrap_lines(spec, WIDTH - TEXT_COL, text, &nt, ROW_LINES);
	free(spec);
	const char *sevs[3];
	size_t ns = 0;
	for (size_t k = 0; k < 3; k++)
		if (e->sev & sev_bits[k])
			sevs[ns++] = sev_names[k];
	/* An id wider than its column has a line of its own. */
	if (strlen(e->id) >= ID_COL)
		fprintf(f, "%s\n", e->id);
	for (size_t k = 0; k < nt || k < ns; k++) {
		const char *id = k == 0 && strlen(e->id) < ID_COL ? e->id : "";
		if (k < nt)
			fprintf(f, "%-*s%-*s%s\n", ID_COL, id, SEV_COL, k < ns ? sevs[k] : "",
				text[k].data);
		else
			fprintf(f, "%-*s%s\n", ID_COL, id, sevs[k]);
	}
	for (size_t k = 0; k < nt; k++)
		buf_free(&text[k]);
}

static void print_table(FILE *f, const struct rule_list *l)
{
	for (int part = 0; part < RD_PARTS; part++) {
		fprintf(f, "%s%s\n\n", part ? "\n" : "", parts[part].heading);
		fprintf(f, "%-*s%-*s%s\n", ID_COL, "RULE", SEV_COL, "SEVERITY",
			"WHAT IT CHECKS (WHERE FROM)");
		for (size_t i = 0; i < l->n; i++)
			if (l->v[i].part == (enum ruledoc_part)part)
				print_row(f, &l->v[i]);
	}
	fputs("\n`feedgen validate --explain RULE` says why a rule matters and how to keep it.\n",
	      f);
}

static void print_sev_list(FILE *f, unsigned sev, const char *sep)
{
	const char *s = "";
	for (size_t k = 0; k < 3; k++)
		if (sev & sev_bits[k]) {
			fprintf(f, "%s%s", s, sev_names[k]);
			s = sep;
		}
}

static void print_block(FILE *f, const char *text, const char *indent)
{
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		fprintf(f, "%s%.*s\n", indent, (int)n, p);
		p += n + (p[n] == '\n');
	}
}

static void print_explain(FILE *f, const struct rule_entry *e)
{
	fprintf(f, "%s: ", e->id);
	wrap(f, e->summary, columns(e->id, strlen(e->id)) + 2, 2, WIDTH - 2);
	fputs("\n  severity: ", f);
	print_sev_list(f, e->sev, ", ");
	fprintf(f, "; reported by %s\n  where from: ", by_name(e));
	wrap(f, e->spec.data, 14, 4, WIDTH - 2);
	const struct ruledoc *d = e->doc;
	fputs("\n\nWhy it matters:\n", f);
	wrap(f, d ? d->why : "(not written yet)", 0, 2, WIDTH - 2);
	fputs("\n\nAn example that breaks it:\n", f);
	print_block(f, d ? d->example : "(not written yet)", "    ");
	fputs("\nThe fix:\n", f);
	wrap(f, d ? d->fix : "(not written yet)", 0, 2, WIDTH - 2);
	fputc('\n', f);
}

/* ---- JSON ---- */

static json_t *json_entry(const struct rule_entry *e, bool explain)
{
	json_t *sev = json_array();
	for (size_t k = 0; k < 3; k++)
		if (e->sev & sev_bits[k])
			json_array_append_new(sev, json_string(sev_names[k]));
	json_t *o = json_pack("{s:s, s:s, s:o, s:s, s:s}", "id", e->id, "reported_by",
			      parts[e->part].key, "severity", sev, "summary",
			      e->summary, "spec", e->spec.data);
	if (explain || e->doc) {
		const struct ruledoc *d = e->doc;
		json_object_set_new(o, "why", json_string(d ? d->why : ""));
		json_object_set_new(o, "example", json_string(d ? d->example : ""));
		json_object_set_new(o, "fix", json_string(d ? d->fix : ""));
	}
	return o;
}

static int print_json(FILE *f, const struct rule_list *l, const char *only)
{
	json_t *rules = json_array();
	for (size_t i = 0; i < l->n; i++)
		if (!only || strcmp(only, l->v[i].id) == 0)
			json_array_append_new(rules, json_entry(&l->v[i], only != NULL));
	json_t *top = json_pack("{s:o}", "rules", rules);
	int rc = json_dumpf(top, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', f);
	json_decref(top);
	return rc;
}

/* ---- man(7) ---- */

/* s as roff text: backslashes escaped, a leading . or ' made literal,
 * hyphens as \-, and every other character than ASCII as \[uXXXX], so the
 * page renders the same whatever encoding man assumes. */
static void roff(FILE *f, const char *s, bool line_start)
{
	while (*s) {
		unsigned char c = (unsigned char)*s;
		if (line_start && (c == '.' || c == '\''))
			fputs("\\&", f);
		line_start = c == '\n';
		if (c >= 0x80) {
			unsigned cp;
			size_t n = utf8_valid_prefix(s, strlen(s)) ? utf8_decode(s, &cp) : 1;
			if (n == 1 && c >= 0x80)
				cp = 0xfffd;
			fprintf(f, "\\[u%04X]", cp);
			s += n;
			continue;
		}
		if (c == '\\')
			fputs("\\e", f);
		else if (c == '-')
			fputs("\\-", f);
		else
			fputc(c, f);
		s++;
	}
}

static void man_entry(FILE *f, const struct rule_entry *e)
{
	const struct ruledoc *d = e->doc;
	fputs(".SS ", f);
	roff(f, e->id, false);
	fputs("\n.B ", f);
	print_sev_list(f, e->sev, ", ");
	fputs("\n\\(em ", f);
	roff(f, e->summary, false);
	fputs(".\n.br\nWhere from: ", f);
	roff(f, e->spec.data, false);
	fputs(".\n.PP\n", f);
	roff(f, d ? d->why : "(not written yet)", true);
	fputs("\n.PP\nAn example that breaks it:\n.PP\n.RS 4\n.EX\n", f);
	roff(f, d ? d->example : "(not written yet)\n", true);
	fputs(".EE\n.RE\n.PP\nThe fix: ", f);
	roff(f, d ? d->fix : "(not written yet)", false);
	fputc('\n', f);
}

static void print_man(FILE *f, const struct rule_list *l)
{
	fputs(".\\\" feedgen-rules(7): generated by `feedgen validate --list-rules --format man`\n"
	      ".\\\" from the rule tables (src/ruledoc.h); do not edit.\n"
	      ".TH FEEDGEN-RULES 7 \"\" \"feedgen " PACKAGE_VERSION "\" \"Miscellaneous\"\n"
	      ".SH NAME\n"
	      "feedgen-rules \\- the rules feedgen reports, why they matter and how to fix them\n"
	      ".SH DESCRIPTION\n"
	      "Every diagnostic of\n.BR feedgen (1)\n"
	      "names its rule: at the end of a line,\n"
	      ".RI [ rule\\-id ],\n"
	      "as the\n.B rule\nmember in JSON output, and as the\n.B title\n"
	      "of a GitHub Actions annotation.\n"
	      "This page lists every rule, first those of\n.BR \"feedgen validate\" ,\n"
	      "then those of generating feeds, then those of comparing a feed with\n"
	      "its published version:\n.B feedgen diff\nand the guard of\n.BR \"feedgen \\-o\" ;\n"
	      ".B feedgen validate \\-\\-list\\-rules\nand\n"
	      ".BI \"feedgen validate \\-\\-explain \" RULE\n"
	      "print the same text.\n"
	      "A rule with more than one severity has each in different cases (an OPML\n"
	      "1.0 outline and an OPML 2.0 one, a value dropped and a post skipped).\n", f);
	for (int part = 0; part < RD_PARTS; part++) {
		fprintf(f, ".SH \"%s\"\n", parts[part].man);
		for (size_t i = 0; i < l->n; i++)
			if (l->v[i].part == (enum ruledoc_part)part)
				man_entry(f, &l->v[i]);
	}
	fputs(".SH \"SEE ALSO\"\n.BR feedgen (1)\n", f);
}

/* ---- the command ---- */

bool ruledoc_wanted(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--list-rules") == 0 || strcmp(argv[i], "--explain") == 0 ||
		    strncmp(argv[i], "--explain=", 10) == 0)
			return true;
	return false;
}

static int usage_error(const char *msg, const char *arg)
{
	fprintf(stderr, "feedgen validate: %s%s%s\n", msg, arg ? arg : "", arg ? "'" : "");
	fputs("Usage: feedgen validate --list-rules [--format text|json|man]\n"
	      "       feedgen validate --explain RULE [--format text|json]\n", stderr);
	return EXIT_USAGE;
}

int ruledoc_command(int argc, char **argv)
{
	enum { OPT_LIST = 256, OPT_EXPLAIN, OPT_FORMAT };
	static const struct option longopts[] = {
		{"list-rules", no_argument, NULL, OPT_LIST},
		{"explain", required_argument, NULL, OPT_EXPLAIN},
		{"format", required_argument, NULL, OPT_FORMAT},
		{NULL, 0, NULL, 0},
	};
	bool list = false;
	const char *explain = NULL, *format = "text";
	int ch;
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_LIST: list = true; break;
		case OPT_EXPLAIN: explain = optarg; break;
		case OPT_FORMAT: format = optarg; break;
		default:
			opterr = 1;
			return usage_error("--list-rules and --explain take only --format, not '",
					   argv[optind - 1]);
		}
	}
	opterr = 1;
	if (optind < argc)
		return usage_error("--list-rules and --explain take no FILE: '", argv[optind]);
	if (list && explain)
		return usage_error("--list-rules or --explain, not both", NULL);
	bool json = strcmp(format, "json") == 0, man = strcmp(format, "man") == 0;
	if (!json && !man && strcmp(format, "text") != 0 && strcmp(format, "gnu") != 0)
		return usage_error("--format with --list-rules or --explain is text, json or man, "
				   "not '", format);
	if (man && explain)
		return usage_error("--format man goes with --list-rules", NULL);
	struct rule_list l;
	collect(&l);
	int rc = EXIT_OK;
	if (list) {
		check_docs(&l);
		if (json)
			print_json(stdout, &l, NULL);
		else if (man)
			print_man(stdout, &l);
		else
			print_table(stdout, &l);
	} else {
		size_t found = 0;
		for (size_t i = 0; i < l.n; i++)
			found += strcmp(l.v[i].id, explain) == 0;
		if (!found) {
			char *shown = diag_escape(explain);
			fprintf(stderr, "feedgen validate: no rule '%s' "
				"(feedgen validate --list-rules lists them)\n", shown);
			free(shown);
			rc = EXIT_USAGE;
		} else if (json) {
			print_json(stdout, &l, explain);
		} else {
			/* An id of both parts (email) is two rules: each is explained. */
			for (size_t i = 0, k = 0; i < l.n; i++) {
				if (strcmp(l.v[i].id, explain) != 0)
					continue;
				if (k++)
					fputc('\n', stdout);
				print_explain(stdout, &l.v[i]);
			}
		}
	}
	list_free(&l);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fputs("feedgen validate: cannot write the rules\n", stderr);
		return EXIT_USAGE;
	}
	return rc;
}
