/* liquid_render.c: render one Liquid template with a JSON context, for the
 * differential test (tests/liquid-diff.sh) against Ruby's Liquid and Jekyll.
 *
 * Usage: liquid_render [--jekyll SITE] TEMPLATE [CONTEXT.json], or
 * liquid_render --jsonl CASES.jsonl (see liquid_ref.rb). Plain
 * Liquid by default; with --jekyll, Jekyll's tags and filters with SITE's
 * _config.yml as `site` and SITE/_includes. The output goes to stdout; exit 1
 * (after messages on stderr) when the template has an error. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "base/diag.h"
#include "base/text.h"
#include "content/liquid.h"
#include "model/site.h"
#include "site/config.h"

/* --jsonl FILE: each line {"template", "vars"}; prints {"rc", "out"} lines. */
static int render_lines(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return 2;
	}
	char *line = NULL;
	size_t cap = 0;
	unsigned long n = 0;
	struct liquid_options opt;
	liquid_options_init(&opt);
	opt.plain = true;
	while (getline(&line, &cap, f) > 0) {
		n++;
		json_error_t err;
		json_t *c = json_loads(line, 0, &err);
		const char *tpl = json_string_value(json_object_get(c, "template"));
		if (!tpl) {
			fprintf(stderr, "%s:%lu: not a case\n", path, n);
			json_decref(c);
			free(line);
			fclose(f);
			return 2;
		}
		struct diag_sink diag;
		diag_sink_init(&diag, NULL);
		char name[64];
		snprintf(name, sizeof name, "case%lu", n);
		char *out = liquid_render(tpl, json_string_length(json_object_get(c, "template")),
					  json_object_get(c, "vars"), name, 1, &opt, &diag);
		json_t *r = json_pack("{s:i,s:s}", "rc", out ? 0 : 1, "out", out ? out : "");
		char *text = json_dumps(r, JSON_COMPACT);
		puts(text);
		free(text);
		json_decref(r);
		free(out);
		json_decref(c);
	}
	free(line);
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--jsonl"))
		return render_lines(argv[2]);
	const char *jekyll = NULL;
	if (argc > 2 && !strcmp(argv[1], "--jekyll")) {
		jekyll = argv[2];
		argv += 2;
		argc -= 2;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: liquid_render TEMPLATE [CONTEXT.json]\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	struct buf src;
	buf_init(&src);
	buf_adds(&src, "");
	char chunk[8192];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&src, chunk, k);
	fclose(f);
	json_t *vars = NULL;
	if (argc > 2) {
		json_error_t err;
		vars = json_load_file(argv[2], JSON_DECODE_ANY, &err);
		if (!vars) {
			fprintf(stderr, "%s:%d: %s\n", argv[2], err.line, err.text);
			return 2;
		}
	}
	struct diag_sink diag;
	diag_sink_init(&diag, stderr);
	struct liquid_options opt;
	liquid_options_init(&opt);
	opt.plain = !jekyll;
	struct site site;
	struct post_list none = {0};
	char *includes = NULL;
	if (jekyll) {
		site_init(&site, jekyll);
		if (site_load(&site, jekyll, &diag) != 0)
			return 2;
		site.liquid = liquid_site_new(&site, &none, &diag);
		if (!vars)
			vars = json_object();
		json_object_set(vars, "site", liquid_site_vars(site.liquid));
		includes = malloc(strlen(jekyll) + 12);
		sprintf(includes, "%s/_includes", jekyll);
		opt.includes_dir = includes;
		opt.site = &site;
	}
	char *out = liquid_render(src.data, src.len, vars, argv[1], 1, &opt, &diag);
	json_decref(vars);
	if (jekyll) {
		liquid_site_free(site.liquid);
		site_free(&site);
		free(includes);
	}
	buf_free(&src);
	if (!out)
		return 1;
	fwrite(out, 1, strlen(out), stdout);
	free(out);
	return 0;
}
