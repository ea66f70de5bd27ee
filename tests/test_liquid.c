/* test_liquid: the Liquid engine construct by construct and filter by
 * filter (outputs checked against what Ruby's Liquid 5.4 / Jekyll 4.3
 * print), its errors (file:line:col), its bounds, unknown tags, and the
 * safety of includes (no "..", no absolute path, no symlink). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "base/diag.h"
#include "content/liquid.h"
#include "model/post.h"
#include "model/site.h"
#include "tap.h"

struct rcase {
	const char *tpl;
	const char *vars;	/* JSON or NULL */
	const char *want;
};

static const struct rcase cases[] = {
	/* output, literals, lookups */
	{"{{ 'a' }}{{ \"b\" }}{{ 1 }}{{ 2.5 }}{{ true }}{{ nil }}{{ x }}", NULL, "ab12.5true"},
	{"{{ a.b[0].c }} {{ a['b'][0]['c'] }} {{ list.size }} {{ list.first }} {{ list.last }} {{ list[-1] }}",
	 "{\"a\":{\"b\":[{\"c\":\"C\"}]},\"list\":[1,2,3]}", "C C 3 1 3 3"},
	{"{{ h }}|{{ list }}", "{\"h\":{\"a\":1,\"b\":null},\"list\":[1,[2,\"x\"]]}", "{\"a\"=>1, \"b\"=>nil}|12x"},
	{"{{ 1e3 }}{{ 3.0 }}{{ 0.1 | plus: 0.2 }}", NULL, "3.00.3"},
	/* assign, capture, increment */
	{"{% assign x = 'v' | upcase %}{{ x }}", NULL, "V"},
	{"{% capture c %}a{{ 1 | plus: 1 }}{% endcapture %}[{{ c }}]", NULL, "[a2]"},
	{"{% increment n %}{% increment n %}{% decrement m %}{{ n }}", NULL, "01-12"},
	/* conditions: right-to-left, truthiness */
	{"{% if false or true and false %}y{% else %}n{% endif %}", NULL, "n"},
	{"{% if true or false and false %}y{% else %}n{% endif %}", NULL, "y"},
	{"{% if '' %}a{% endif %}{% if 0 %}b{% endif %}{% if nil %}c{% endif %}{% if false %}d{% endif %}", NULL, "ab"},
	{"{% if 2 > 1 and 'b' >= 'a' and 1 != 2 and 1 == 1.0 %}y{% endif %}", NULL, "y"},
	{"{% if s contains 'el' %}a{% endif %}{% if l contains 2 %}b{% endif %}{% if l contains 9 %}c{% endif %}",
	 "{\"s\":\"hello\",\"l\":[1,2]}", "ab"},
	{"{% if e == empty %}a{% endif %}{% if x == blank %}b{% endif %}", "{\"e\":[]}", "a"},
	{"{% unless true %}a{% elsif true %}b{% endunless %}", NULL, "b"},
	{"{% if 1 == 2 %}a{% elsif 2 == 2 %}b{% else %}c{% endif %}", NULL, "b"},
	{"{% case 2 %}{% when 1 %}a{% when 2, 3 %}b{% when 2 %}c{% else %}d{% endcase %}", NULL, "bc"},
	{"{% case 'z' %}{% when 'a' or 'b' %}a{% else %}e{% endcase %}", NULL, "e"},
	/* for */
	{"{% for i in (1..3) %}{{ forloop.index }}{{ forloop.index0 }}{{ forloop.rindex }}{{ forloop.rindex0 }}"
	 "{{ forloop.length }}{% if forloop.first %}f{% endif %}{% if forloop.last %}l{% endif %} {% endfor %}",
	 NULL, "10323f 21213 32103l "},
	{"{% for i in l limit: 2 offset: 1 %}{{ i }}{% endfor %}|{% for i in l reversed %}{{ i }}{% endfor %}",
	 "{\"l\":[1,2,3,4]}", "23|4321"},
	{"{% for i in l %}{% if i == 2 %}{% continue %}{% endif %}{% if i == 4 %}{% break %}{% endif %}{{ i }}{% endfor %}",
	 "{\"l\":[1,2,3,4,5]}", "13"},
	{"{% for i in none %}x{% else %}empty{% endfor %}", NULL, "empty"},
	{"{% for i in (1..2) %}{% for j in (1..2) %}{{ forloop.parentloop.index }}{{ j }}{% endfor %}{% endfor %}",
	 NULL, "11122122"},
	{"{% for i in (1..4) %}{% cycle 'a', 'b', 'c' %}{% endfor %}", NULL, "abca"},
	{"{% for p in h %}{{ p[0] }}={{ p[1] }};{% endfor %}", "{\"h\":{\"x\":1,\"y\":2}}", "x=1;y=2;"},
	/* raw, comment, whitespace control */
	{"{% raw %}{{ x }}{% if %}{% endraw %}", NULL, "{{ x }}{% if %}"},
	{"a{% comment %}{{ x }}{% endcomment %}b{% # note %}c", NULL, "abc"},
	{"a  {%- if true -%}  b  {%- endif -%}  c {{- 'd' -}} e", NULL, "abcde"},
	{"{% if true %}\n  {% assign y = 1 %}\n{% endif %}", NULL, ""},
	/* standard filters */
	{"{{ 'a' | append: 'b' | prepend: 'c' }} {{ 'hello WORLD' | capitalize }} {{ 'ÀB' | downcase }} {{ 'é' | upcase }}",
	 NULL, "cab Hello world àb É"},
	{"[{{ ' x ' | strip }}][{{ ' x ' | lstrip }}][{{ ' x ' | rstrip }}]", NULL, "[x][x ][ x]"},
	{"{{ '<b>a</b><script>x</script>' | strip_html }} {{ 'a\nb' | strip_newlines }} {{ 'a\nb' | newline_to_br }}",
	 NULL, "a ab a<br />\nb"},
	{"{{ s | escape }} {{ '&amp; &' | escape_once }}", "{\"s\":\"<\\\"&'>\"}",
	 "&lt;&quot;&amp;&#39;&gt; &amp; &amp;"},
	{"{{ 'a b/é' | url_encode }} {{ 'a+b%2F' | url_decode }}", NULL, "a+b%2F%C3%A9 a b/"},
	{"{{ 'abcdefgh' | truncate: 5 }} {{ 'a b c d' | truncatewords: 2 }} {{ 'a b' | truncatewords: 3 }}",
	 NULL, "ab... a b... a b"},
	{"{{ 'a,b,,c,,' | split: ',' | join: '|' }} {{ l | first }} {{ l | last }} {{ l | size }} {{ 'ab' | size }}",
	 "{\"l\":[3,1,2]}", "a|b||c 3 2 3 2"},
	{"{{ l | sort | join }} {{ l | reverse | join }} {{ w | sort_natural | join }} {{ d | uniq | join }}",
	 "{\"l\":[3,1,2],\"w\":[\"b\",\"A\",\"c\"],\"d\":[1,1,2]}", "1 2 3 2 1 3 A b c 1 2"},
	{"{{ p | map: 'n' | join }} {{ p | where: 'k', 1 | map: 'n' | join }} {{ p | sort: 'k' | map: 'n' | join }}",
	 "{\"p\":[{\"n\":\"a\",\"k\":2},{\"n\":\"b\",\"k\":1},{\"n\":\"c\"}]}", "a b c b c b a"},
	{"{{ l | compact | join }} {{ l | concat: m | join }} {{ 'hello' | slice: 1, 3 }} {{ l | slice: 0 | join }}",
	 "{\"l\":[1,null,2],\"m\":[9]}", "1 2 1  2 9 ell 1"},
	{"{{ 'aXbX' | replace: 'X', '-' }} {{ 'aXbX' | replace_first: 'X', '-' }} {{ 'aXbX' | remove: 'X' }} "
	 "{{ 'aXbX' | remove_first: 'X' }}", NULL, "a-b- a-bX ab abX"},
	{"{{ nil | default: 'd' }} {{ '' | default: 'd' }} {{ false | default: 'd', allow_false: true }}",
	 NULL, "d d false"},
	{"{{ 4 | plus: 2 }} {{ 4 | minus: 6 }} {{ 3 | times: 1.1 }} {{ 7 | divided_by: 2 }} {{ -7 | divided_by: 2 }} "
	 "{{ 7 | divided_by: 2.0 }} {{ -7 | modulo: 3 }}", NULL, "6 -2 3.3 3 -4 3.5 2"},
	{"{{ -3 | abs }} {{ 4.2 | ceil }} {{ 4.8 | floor }} {{ 2.5 | round }} {{ 3.14159 | round: 2 }} "
	 "{{ 3 | at_least: 5 }} {{ 7 | at_most: 5 }}", NULL, "3 5 4 3 3.14 5 5"},
	{"{{ '2021-12-16 11:20:07 +0800' | date: '%Y-%m-%d %H:%M %z %a %b %-d %B' }}", NULL,
	 "2021-12-16 11:20 +0800 Thu Dec 16 December"},
	{"{{ 'x' | no_such_filter }}", NULL, "x"},
	/* Jekyll's filters */
	{"{{ '2021-12-16 11:20:07 +0000' | date_to_xmlschema }} {{ '2021-12-16 11:20:07 +0000' | date_to_rfc822 }}",
	 NULL, "2021-12-16T11:20:07+00:00 Thu, 16 Dec 2021 11:20:07 +0000"},
	{"{{ '2021-12-01' | date_to_string }} {{ '2021-12-01' | date_to_long_string }} "
	 "{{ '2021-12-02' | date_to_string: 'ordinal', 'US' }} {{ '2021-12-03' | date_to_long_string: 'ordinal' }}",
	 NULL, "01 Dec 2021 01 December 2021 Dec 2nd, 2021 3rd December 2021"},
	{"{{ '<a & \"b\">' | xml_escape }} {{ 'a b&c' | cgi_escape }} {{ 'a b/é?x=1' | uri_escape }}", NULL,
	 "&lt;a &amp; &quot;b&quot;&gt; a+b%26c a%20b/%C3%A9?x=1"},
	{"{{ 'Hello, World! 2' | slugify }} {{ 'a.b c' | slugify: 'pretty' }} {{ 'A b' | slugify: 'raw' }}", NULL,
	 "hello-world-2 a.b-c a-b"},
	{"{{ h | jsonify }} {{ 'a  b\n c ' | normalize_whitespace }} {{ 'one two  three' | number_of_words }}",
	 "{\"h\":{\"a\":[1,\"x\"]}}", "{\"a\":[1,\"x\"]} a b c 3"},
	{"{{ l | array_to_sentence_string }} {{ m | array_to_sentence_string: 'or' }}",
	 "{\"l\":[\"a\",\"b\",\"c\"],\"m\":[\"x\",\"y\"]}", "a, b, and c x or y"},
	{"{{ '*hi*' | markdownify }}{{ '\"quote\" -- dash...' | smartify }}", NULL,
	 "<p><em>hi</em></p>\n\u201cquote\u201d \u2013 dash\u2026"},
	{"{% assign g = p | group_by: 'k' %}{% for x in g %}{{ x.name }}:{{ x.size }};{% endfor %}",
	 "{\"p\":[{\"k\":\"a\"},{\"k\":\"b\"},{\"k\":\"a\"}]}", "a:2;b:1;"},
	{"{{ p | where_exp: 'i', 'i.k > 1' | map: 'k' | join }} {{ p | where: 'k', '2' | size }}",
	 "{\"p\":[{\"k\":1},{\"k\":2},{\"k\":3}]}", "2 3 1"},
	{"{{ p | sort: 'k', 'last' | map: 'n' | join }} {{ p | sort: 'k' | map: 'n' | join }}",
	 "{\"p\":[{\"n\":\"a\",\"k\":2},{\"n\":\"b\"},{\"n\":\"c\",\"k\":1}]}", "c a b b c a"},
	/* highlight, as Jekyll writes it without a highlighter */
	{"{% highlight Ruby linenos %}\n\ndef f(x) \"<&>\" end\n\n{% endhighlight %}", NULL,
	 "<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\">"
	 "def f(x) &quot;&lt;&amp;&gt;&quot; end</code></pre></figure>"},
	{"{% highlight c++ %}{{ 1 | plus: 1 }}{% endhighlight %}", NULL,
	 "<figure class=\"highlight\"><pre><code class=\"language-c--\" data-lang=\"c++\">2</code></pre></figure>"},
};

static char *render(const char *tpl, const char *vars_json, struct diag_sink *sink,
		    const struct liquid_options *opt)
{
	json_t *vars = vars_json ? json_loads(vars_json, 0, NULL) : NULL;
	if (vars_json && !vars)
		return NULL;
	char *out = liquid_render(tpl, strlen(tpl), vars, "t.md", 1, opt, sink);
	json_decref(vars);
	return out;
}

static void test_cases(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct diag_sink sink;
		diag_sink_init(&sink, stderr);
		char *out = render(cases[i].tpl, cases[i].vars, &sink, NULL);
		is_str(out, cases[i].want, "renders: %.60s", cases[i].tpl);
		free(out);
	}
}

/* An error names file:line:col and the render gives NULL. */
static void expect_error(const char *tpl, unsigned long line, unsigned long col, const char *what,
			 const struct liquid_options *opt)
{
	struct diag_records rec = {0};
	struct diag_sink sink;
	diag_sink_init_record(&sink, &rec);
	char *out = render(tpl, NULL, &sink, opt);
	ok(out == NULL && sink.errors == 1, "%s: an error", what);
	if (rec.n) {
		is_int(rec.v[0].line, line, "%s: at line %lu", what, line);
		is_int(rec.v[0].col, col, "%s: at column %lu", what, col);
		printf("#   %s\n", rec.v[0].msg);
	} else {
		ok(0, "%s: recorded", what);
	}
	free(out);
	diag_records_free(&rec);
}

static void test_errors(void)
{
	expect_error("a\n  {% if x %}b", 2, 3, "an unclosed if", NULL);
	expect_error("{% endif %}", 1, 1, "an end tag with nothing open", NULL);
	expect_error("x\n{{ y", 2, 1, "an unterminated output", NULL);
	expect_error("ab {% for %}{% endfor %}", 1, 4, "a for without 'in'", NULL);
	expect_error("{% if a = %}{% endif %}", 1, 1, "a bad condition", NULL);
	expect_error("\n{{ 1 | divided_by: 0 }}", 2, 1, "division by zero", NULL);
	expect_error("{{ 'x' | append }}", 1, 1, "a filter missing its argument", NULL);
	struct liquid_options o;
	liquid_options_init(&o);
	o.max_iterations = 100;
	expect_error("{% for i in (1..50) %}{% for j in (1..50) %}{% endfor %}{% endfor %}", 1, 23,
		     "the loop bound", &o);
	expect_error("{% for i in (1..1000000000000) %}{% endfor %}", 1, 1, "a huge range", &o);
	liquid_options_init(&o);
	o.max_output = 1000;
	expect_error("{% for i in (1..100) %}0123456789abcdef{% endfor %}", 1, 24, "the output bound", &o);
	liquid_options_init(&o);
	o.max_depth = 5;
	expect_error("{% if 1 %}{% if 1 %}{% if 1 %}{% if 1 %}{% if 1 %}{% if 1 %}"
		     "{% endif %}{% endif %}{% endif %}{% endif %}{% endif %}{% endif %}", 1, 51,
		     "the nesting bound", &o);
}

static void test_unknown_tag(void)
{
	struct diag_records rec = {0};
	struct diag_sink sink;
	diag_sink_init_record(&sink, &rec);
	char *out = render("a\n{% gist 12345 %}b{% youtube x %}{% tabs %}c{{ 1 }}{% endtabs %}", NULL, &sink, NULL);
	is_str(out, "a\nbc1", "an unknown tag renders nothing, the rest renders");
	is_int(sink.warnings, 4, "a warning for each unknown tag (a plugin's block: its start and end)");
	ok(rec.n && rec.v[0].line == 2 && rec.v[0].col == 1 && strstr(rec.v[0].msg, "'gist'"),
	   "the warning names the tag at its line and column");
	free(out);
	diag_records_free(&rec);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f)
		abort();
	fputs(text, f);
	fclose(f);
}

static void test_includes(void)
{
	char dir[] = "/tmp/test_liquid.XXXXXX";
	if (!mkdtemp(dir))
		abort();
	char inc[256], sub[300], path[400], outside[400];
	snprintf(inc, sizeof inc, "%s/_includes", dir);
	snprintf(sub, sizeof sub, "%s/sub", inc);
	mkdir(inc, 0755);
	mkdir(sub, 0755);
	snprintf(path, sizeof path, "%s/note.html", inc);
	write_file(path, "[{{ include.kind }}:{{ include.n }}:{{ page }}]{% assign leaked = 1 %}");
	snprintf(path, sizeof path, "%s/inner.html", sub);
	write_file(path, "<{% include note.html kind=\"in\" %}>");
	snprintf(path, sizeof path, "%s/self.html", inc);
	write_file(path, "{% include self.html %}");
	snprintf(outside, sizeof outside, "%s/secret.txt", dir);
	write_file(outside, "SECRET");
	snprintf(path, sizeof path, "%s/link.html", inc);
	if (symlink(outside, path) != 0)
		abort();
	snprintf(path, sizeof path, "%s/dirlink", inc);
	if (symlink(dir, path) != 0)
		abort();

	struct liquid_options o;
	liquid_options_init(&o);
	o.includes_dir = inc;
	struct diag_sink sink;
	diag_sink_init(&sink, stderr);
	char *out = render("{% assign v = 'x' %}{% include note.html kind='a' n=v %}{% include sub/inner.html %}"
			   "{% assign f = 'note' %}{% include {{ f }}.html kind=\"q\\\"\" %}{{ leaked }}",
			   "{\"page\":\"P\"}", &sink, &o);
	is_str(out, "[a:x:P]<[in::P]>[q\"::P]1", "include: parameters, folders, a name from a variable");
	free(out);
	expect_error("{% include ../secret.txt %}", 1, 1, "include with ..", &o);
	expect_error("{% include /etc/passwd %}", 1, 1, "include of an absolute path", &o);
	expect_error("{% include link.html %}", 1, 1, "include of a symlink", &o);
	expect_error("{% include dirlink/secret.txt %}", 1, 1, "include through a symlinked folder", &o);
	expect_error("{% include missing.html %}", 1, 1, "include of a missing file", &o);
	expect_error("{% include self.html %}", 1, 1, "an include including itself (depth bound)", &o);

	/* include_relative reads beside the post. */
	o.relative_dir = sub;
	diag_sink_init(&sink, stderr);
	out = render("{% include_relative inner.html %}", NULL, &sink, &o);
	ok(out && strstr(out, "<[in::]>"), "include_relative reads beside the post");
	free(out);

	char cmd[800];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		abort();
}

/* A post file: its front matter becomes page, render_with_liquid is honoured. */
static void test_post(void)
{
	char dir[] = "/tmp/test_liquid_post.XXXXXX";
	if (!mkdtemp(dir))
		abort();
	char path[600];
	snprintf(path, sizeof path, "%s/2021-12-16-x.md", dir);
	const char *head = "---\ntitle: T\nn: 3\nlist: [a, b]\n---\n";
	write_file(path, "---\ntitle: T\nn: 3\nlist: [a, b]\n---\n{{ page.title }} {{ page.n | plus: 1 }} "
		   "{{ page.list | join }} {{ page.url }} {{ page.slug }} {{ site.title }} {{ page.date }}");
	struct post p = {0};
	p.path = path;
	p.relpath = (char *)"_posts/2021-12-16-x.md";
	p.slug = (char *)"x";
	p.url = (char *)"/2021/12/16/x.html";
	p.body_offset = (long)strlen(head);
	p.body_line = 6;
	p.date.sec = 1639653607;
	p.date.off = 8 * 3600;
	struct site site = {0};
	site.dir = dir;
	site.title = (char *)"Site";
	site.url = (char *)"https://example.com";
	site.baseurl = (char *)"";
	struct diag_sink sink;
	diag_sink_init(&sink, stderr);
	const char *body = "{{ page.title }} {{ page.n | plus: 1 }} {{ page.list | join }} {{ page.url }} "
			   "{{ page.slug }} {{ site.title }} {{ page.date }}";
	char *out = liquid_render_post(&site, &p, body, strlen(body), &sink);
	is_str(out, "T 4 a b /2021/12/16/x.html x Site 2021-12-16 19:20:07 +0800", "page and site variables");
	free(out);
	out = liquid_render_post(&site, &p, "no markup {here}", 16, &sink);
	is_str(out, "no markup {here}", "a body without Liquid is copied");
	free(out);
	write_file(path, "---\nrender_with_liquid: false\n---\n{{ x }}");
	p.body_offset = (long)strlen("---\nrender_with_liquid: false\n---\n");
	out = liquid_render_post(&site, &p, "{{ x }}", 7, &sink);
	is_str(out, "{{ x }}", "render_with_liquid: false leaves the body as written");
	free(out);
	ok(liquid_needed("a {{", 4) && liquid_needed("{%", 2) && !liquid_needed("{ {", 3) && !liquid_needed("{", 1),
	   "liquid_needed sees {{ and {%% only");
	char cmd[800];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		abort();
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	test_cases();
	test_errors();
	test_unknown_tag();
	test_includes();
	test_post();
	return tap_done();
}
