/* htmlnames.c: see htmlnames.h. */
#include <config.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/htmlnames.h"

/* HTML 4.01's elements, HTML5's, and the obsolete ones browsers still render
 * (HTML Living Standard §16 "Obsolete features"), sorted for bsearch. */
static const char *const html_elements[] = {
	"a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio",
	"b", "base", "basefont", "bdi", "bdo", "bgsound", "big", "blink", "blockquote", "body",
	"br", "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup",
	"data", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt",
	"em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "frame",
	"frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr",
	"html", "i", "iframe", "img", "input", "ins", "isindex", "kbd", "keygen", "label",
	"legend", "li", "link", "listing", "main", "map", "mark", "marquee", "math", "menu",
	"menuitem", "meta", "meter", "nav", "nobr", "noembed", "noframes", "noscript",
	"object", "ol", "optgroup", "option", "output", "p", "param", "picture", "plaintext",
	"pre", "progress", "q", "rb", "rp", "rt", "rtc", "ruby", "s", "samp", "script",
	"search", "section", "select", "slot", "small", "source", "spacer", "span", "strike",
	"strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template",
	"textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul",
	"var", "video", "wbr", "xmp",
};

static int cmp_name(const void *key, const void *elem)
{
	return strcmp((const char *)key, *(const char *const *)elem);
}

bool html_element_known(const char *name, size_t n)
{
	char low[16];
	if (memchr(name, ':', n))
		return false;
	if (memchr(name, '-', n))
		return true;
	if (n == 0 || n >= sizeof low)
		return false;	/* the longest name is 10 bytes */
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)name[i]);
	low[n] = '\0';
	return bsearch(low, html_elements, sizeof html_elements / sizeof *html_elements,
		       sizeof *html_elements, cmp_name) != NULL;
}
