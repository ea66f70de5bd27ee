/* fuzz_liquid.c: the bytes as a Liquid template (the valid UTF-8 prefix, as
 * a post body reaches Liquid), rendered with a small fixed context and tight
 * bounds: it must answer (output or a reported error), never run past its
 * bounds, and its output must stay under the output bound. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "base/diag.h"
#include "base/text.h"
#include "content/liquid.h"
#include "fuzz.h"

int fuzz_liquid(const uint8_t *data, size_t size)
{
	char *s = fuzz_strndup(data, size);
	size_t n = utf8_valid_prefix(s, strlen(s));
	s[n] = '\0';
	json_t *vars = json_pack("{s:{s:s,s:[i,i,i],s:{s:s}},s:[{s:s,s:i},{s:s}],s:s,s:f}",
				 "page", "title", "T", "list", 3, 1, 2, "h", "k", "v",
				 "items", "name", "a", "n", 1, "name", "b",
				 "s", "Hello, World", "f", 2.5);
	struct liquid_options opt;
	liquid_options_init(&opt);
	opt.max_output = 1 << 16;
	opt.max_iterations = 10000;
	opt.max_depth = 16;
	struct diag_sink sink;
	diag_sink_init(&sink, NULL);
	char *out = liquid_render(s, n, vars, "fuzz.md", 1, &opt, &sink);
	fuzz_check(out != NULL || sink.errors > 0, "a render that fails reports an error");
	if (out)
		fuzz_check(strlen(out) <= opt.max_output + 4096, "the output stays near its bound");
	free(out);
	json_decref(vars);
	free(s);
	return 0;
}
