/* liquid_render.c: render one Liquid template with a JSON context, for the
 * differential test (tests/liquid-diff.sh) against Ruby's Liquid.
 *
 * Usage: liquid_render TEMPLATE [CONTEXT.json]. The output goes to stdout;
 * exit 1 (after messages on stderr) when the template has an error. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "base/diag.h"
#include "base/text.h"
#include "content/liquid.h"

int main(int argc, char **argv)
{
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
	opt.plain = true;
	char *out = liquid_render(src.data, src.len, vars, argv[1], 1, &opt, &diag);
	json_decref(vars);
	buf_free(&src);
	if (!out)
		return 1;
	fwrite(out, 1, strlen(out), stdout);
	free(out);
	return 0;
}
