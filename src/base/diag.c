/* diag.c: printing diagnostics in the forms editors and CI read: GNU lines,
 * GitHub Actions workflow commands, or one JSON document at the end. */
#include <config.h>

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "base/diag.h"
#include "base/text.h"

static const char *const severity_names[] = {
	[DIAG_NOTE] = "note",
	[DIAG_WARNING] = "warning",
	[DIAG_ERROR] = "error",
};

/* GitHub's commands: ::notice, ::warning, ::error. */
static const char *const github_commands[] = {
	[DIAG_NOTE] = "notice",
	[DIAG_WARNING] = "warning",
	[DIAG_ERROR] = "error",
};

static const struct {
	const char *name;
	enum diag_format format;
} formats[] = {
	{"gnu", DIAG_GNU}, {"json", DIAG_JSON}, {"github", DIAG_GITHUB},
};

const char diag_format_names[] = "gnu, json or github";

static const struct {
	const char *name;
	enum diag_color mode;
} color_modes[] = {
	{"auto", DIAG_COLOR_AUTO}, {"always", DIAG_COLOR_ALWAYS}, {"never", DIAG_COLOR_NEVER},
};

const char diag_color_names[] = "auto, always or never";

/* SGR sequences as GCC's diagnostics use them (bold, then the colour). */
static const char *const severity_colors[] = {
	[DIAG_NOTE] = "\033[1;36m",	/* cyan */
	[DIAG_WARNING] = "\033[1;33m",	/* yellow */
	[DIAG_ERROR] = "\033[1;31m",	/* red */
};
#define COLOR_BOLD "\033[1m"
#define COLOR_RESET "\033[0m"

void diag_sink_init(struct diag_sink *sink, FILE *out)
{
	memset(sink, 0, sizeof *sink);
	sink->out = out;
	sink->format = DIAG_GNU;
}

void diag_sink_init_record(struct diag_sink *sink, struct diag_records *rec)
{
	diag_sink_init(sink, NULL);
	sink->record = rec;
}

int diag_format_parse(const char *name, enum diag_format *out)
{
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(name, formats[i].name) == 0) {
			*out = formats[i].format;
			return 0;
		}
	return -1;
}

int diag_color_parse(const char *name, enum diag_color *out)
{
	for (size_t i = 0; i < sizeof color_modes / sizeof color_modes[0]; i++)
		if (strcmp(name, color_modes[i].name) == 0) {
			*out = color_modes[i].mode;
			return 0;
		}
	return -1;
}

bool diag_color_wanted(enum diag_color mode, enum diag_format format, FILE *f)
{
	if (format != DIAG_GNU || mode == DIAG_COLOR_NEVER)
		return false;
	if (mode == DIAG_COLOR_ALWAYS)
		return true;
	const char *no_color = getenv("NO_COLOR");	/* no-color.org */
	const char *term = getenv("TERM");
	if ((no_color && *no_color) || (term && strcmp(term, "dumb") == 0))
		return false;
	return isatty(fileno(f)) == 1;
}

/* ---- usage errors ---- */

void diag_usage_hint(const char *prog)
{
	fprintf(stderr, "Try '%s --help' for more information.\n", prog);
}

void diag_usage(const char *prog, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s: ", prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	diag_usage_hint(prog);
}

void diag_usage_value(const char *prog, const char *option, const char *value,
		      const char *accepted)
{
	char *shown = diag_escape(value);
	diag_usage(prog, "%s '%s': %s", option, shown, accepted);
	free(shown);
}

/* The message as a new string. */
static char *format_message(const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	size_t size = n > 0 ? (size_t)n + 1 : 1;
	char *text = xmalloc(size);
	if (vsnprintf(text, size, fmt, ap) < 0)
		*text = '\0';
	return text;
}

static void record(struct diag_records *rec, enum diag_severity sev, const char *file,
		   unsigned long line, unsigned long col, const char *rule, char *text)
{
	if (rec->n == rec->cap) {
		rec->cap = rec->cap ? rec->cap * 2 : 16;
		rec->v = xrealloc(rec->v, rec->cap * sizeof *rec->v);
	}
	rec->v[rec->n++] = (struct diag_record){
		sev, file ? xstrdup(file) : NULL, line, col, rule ? xstrdup(rule) : NULL, text, rec->tag,
	};
}

void diag_replay(struct diag_sink *sink, const struct diag_record *r)
{
	diag_report(sink, r->sev, r->file, r->line, r->col, r->rule, "%s", r->msg);
}

void diag_replay_all(struct diag_sink *sink, const struct diag_records *rec)
{
	for (size_t i = 0; i < rec->n; i++)
		diag_replay(sink, &rec->v[i]);
}

void diag_records_free(struct diag_records *rec)
{
	for (size_t i = 0; i < rec->n; i++) {
		free(rec->v[i].file);
		free(rec->v[i].rule);
		free(rec->v[i].msg);
	}
	free(rec->v);
	rec->v = NULL;
	rec->n = rec->cap = 0;
}

/* ---- control characters ---- */

/* Is s[0..] a control character a terminal acts on: C0, DEL, or C1 (U+0080
 * to U+009F, C2 80..9F in UTF-8)? Returns its length in bytes, or 0. */
static size_t control_at(const unsigned char *s)
{
	if (*s < 0x20 || *s == 0x7f)
		return 1;
	if (s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f)
		return 2;
	return 0;
}

/* keep_crlf: CR and LF left for GitHub's own escapes (%0D, %0A), which keep a
 * message of several lines whole in an annotation. */
static char *escape_controls(const char *s, bool keep_crlf)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;) {
		size_t k = control_at(p);
		if (k == 0 || (keep_crlf && (*p == '\n' || *p == '\r'))) {
			buf_addc(&b, (char)*p++);
		} else if (k == 2) {
			buf_printf(&b, "\\u%04x", p[1]);
			p += 2;
		} else {
			switch (*p) {
			case '\n': buf_adds(&b, "\\n"); break;
			case '\r': buf_adds(&b, "\\r"); break;
			case '\t': buf_adds(&b, "\\t"); break;
			default: buf_printf(&b, "\\x%02x", *p); break;
			}
			p++;
		}
	}
	return buf_take(&b);
}

char *diag_escape(const char *s)
{
	return escape_controls(s, false);
}

/* ---- GitHub Actions ---- */

/* GitHub's toolkit (escapeData / escapeProperty): % first, so the escapes
 * added after it are not escaped again. */
static char *github_escape(const char *s, bool property)
{
	struct buf b;
	buf_init(&b);
	buf_adds(&b, "");
	for (; s && *s; s++) {
		switch (*s) {
		case '%': buf_adds(&b, "%25"); break;
		case '\r': buf_adds(&b, "%0D"); break;
		case '\n': buf_adds(&b, "%0A"); break;
		case ':': buf_adds(&b, property ? "%3A" : ":"); break;
		case ',': buf_adds(&b, property ? "%2C" : ","); break;
		default: buf_addc(&b, *s); break;
		}
	}
	return buf_take(&b);
}

char *diag_github_escape_data(const char *s)
{
	return github_escape(s, false);
}

char *diag_github_escape_property(const char *s)
{
	return github_escape(s, true);
}

/* ::error file=F,line=L,col=C,title=RULE::message — properties only when known. */
static void print_github(FILE *f, enum diag_severity sev, const char *file, unsigned long line,
			 unsigned long col, const char *rule, const char *msg)
{
	fprintf(f, "::%s", github_commands[sev]);
	const char *sep = " ";
	if (file && *file) {
		char *p = diag_github_escape_property(file);
		fprintf(f, "%sfile=%s", sep, p);
		free(p);
		sep = ",";
	}
	if (line) {
		fprintf(f, "%sline=%lu", sep, line);
		sep = ",";
	}
	if (line && col) {
		fprintf(f, "%scol=%lu", sep, col);
		sep = ",";
	}
	if (rule && *rule) {
		char *p = diag_github_escape_property(rule);
		fprintf(f, "%stitle=%s", sep, p);
		free(p);
	}
	char *m = diag_github_escape_data(msg);
	fprintf(f, "::%s\n", m);
	free(m);
}

/* ---- GNU ---- */

/* color: the place bold, the severity in its colour, the rest plain. */
static void print_gnu(FILE *f, enum diag_severity sev, const char *file, unsigned long line,
		      unsigned long col, const char *rule, const char *msg, bool color)
{
	if (file && *file) {
		fputs(color ? COLOR_BOLD : "", f);
		fputs(file, f);
		if (line)
			fprintf(f, ":%lu", line);
		if (line && col)
			fprintf(f, ":%lu", col);
		fputs(color ? ":" COLOR_RESET " " : ": ", f);
	} else {
		fputs("feedgen: ", f);
	}
	if (color)
		fprintf(f, "%s%s:" COLOR_RESET " %s", severity_colors[sev], severity_names[sev], msg);
	else
		fprintf(f, "%s: %s", severity_names[sev], msg);
	if (rule)
		fprintf(f, " [%s]", rule);
	fputc('\n', f);
}

/* ---- JSON ---- */

/* A JSON string of s; bytes that are not UTF-8 (a file name from disk can
 * hold any) become U+FFFD, since JSON text must be Unicode. */
static json_t *json_text(const char *s)
{
	size_t n = strlen(s);
	if (utf8_valid_prefix(s, n) == n)
		return json_stringn(s, n);
	struct buf b;
	buf_init(&b);
	while (n > 0) {
		size_t ok = utf8_valid_prefix(s, n);
		buf_add(&b, s, ok);
		if (ok == n)
			break;
		buf_adds(&b, "\xEF\xBF\xBD");
		s += ok + 1;
		n -= ok + 1;
	}
	json_t *j = json_stringn(b.data ? b.data : "", b.len);
	buf_free(&b);
	return j;
}

static json_t *json_string_or_null(const char *s)
{
	return s ? json_text(s) : json_null();
}

static json_t *json_record(const struct diag_record *r)
{
	json_t *o = json_object();
	json_object_set_new(o, "file", json_string_or_null(r->file));
	json_object_set_new(o, "line", r->line ? json_integer((json_int_t)r->line) : json_null());
	json_object_set_new(o, "column", r->col ? json_integer((json_int_t)r->col) : json_null());
	json_object_set_new(o, "severity", json_string(severity_names[r->sev]));
	json_object_set_new(o, "rule", json_string_or_null(r->rule));
	json_object_set_new(o, "message", json_text(r->msg));
	return o;
}

int diag_sink_finish(struct diag_sink *sink)
{
	if (sink->format != DIAG_JSON || !sink->out || sink->record) {
		diag_records_free(&sink->held);
		return 0;
	}
	FILE *out = sink->out;
	sink->out = NULL;	/* one document: from now on the sink only counts */
	json_t *list = json_array();
	for (size_t i = 0; i < sink->held.n; i++)
		json_array_append_new(list, json_record(&sink->held.v[i]));
	json_t *top = json_object();
	json_object_set_new(top, "diagnostics", list);
	json_object_set_new(top, "errors", json_integer((json_int_t)sink->errors));
	json_object_set_new(top, "warnings", json_integer((json_int_t)sink->warnings));
	int rc = json_dumpf(top, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (rc == 0 && fputc('\n', out) == EOF)
		rc = -1;
	if (fflush(out) != 0)
		rc = -1;
	json_decref(top);
	diag_records_free(&sink->held);
	return rc == 0 ? 0 : -1;
}

void diag_report(struct diag_sink *sink, enum diag_severity sev,
		 const char *file, unsigned long line, unsigned long col,
		 const char *rule, const char *fmt, ...)
{
	if (sev == DIAG_ERROR)
		sink->errors++;
	else if (sev == DIAG_WARNING)
		sink->warnings++;
	if (sink->quiet && sev != DIAG_ERROR && !sink->record)
		return;
	struct diag_records *keep = sink->record;
	if (!keep && sink->out && sink->format == DIAG_JSON)
		keep = &sink->held;
	if (!keep && !sink->out)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *text = format_message(fmt, ap);
	va_end(ap);
	if (keep) {
		record(keep, sev, file, line, col, rule, text);	/* takes text */
		return;
	}
	/* A name from disk may hold a newline (a forged message line) or ESC
	 * (terminal commands): shown escaped. JSON escapes them itself. */
	bool github = sink->format == DIAG_GITHUB;
	char *safe_file = file ? escape_controls(file, github) : NULL;
	char *safe_text = escape_controls(text, github);
	if (sink->format == DIAG_GITHUB)
		print_github(sink->out, sev, safe_file, line, col, rule, safe_text);
	else
		print_gnu(sink->out, sev, safe_file, line, col, rule, safe_text, sink->color);
	free(safe_file);
	free(safe_text);
	free(text);
}
