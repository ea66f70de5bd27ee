/* sanitize.h: a post body's HTML made fit for a feed — well-formed (every
 * element closed, bare '<' and '&' escaped, attributes quoted) and inert
 * (no script, frames, plug-ins, event handlers or script URLs).
 *
 * HTML that already is both (what the Markdown renderers write) is returned
 * byte for byte after one scan; anything else is read by libxml2's HTML
 * parser and written again from its tree.
 *
 * What is removed, and why (feedgen's validator and the W3C one flag each as
 * unsafe; feed readers strip them or, worse, run them):
 * - elements with their content: script, a style holding script (as below), iframe, frame, frameset, object,
 *   embed, applet, meta, link, base; an iframe's or embed's src (an object's
 *   data) that is an http(s) or relative URL is kept as a link to it, so the
 *   reader can still reach the video or document;
 * - form tags (their content is kept);
 * - attributes: every on* event handler, srcdoc, a style holding
 *   "javascript:", "expression(" or "behavior:", and URL attributes (href,
 *   src, action, ...) whose scheme is javascript:, vbscript:, livescript: or
 *   data: (data:image/... stays in src);
 * - comments (conditional comments can hold script; no reader shows them),
 *   processing instructions and doctypes, when the parser is needed.
 * Text that merely reads "javascript:" or " onload=" is kept, its ':' or '='
 * written as a character reference so no scanner takes it for markup.
 *
 * Ownership: html_sanitize() takes a malloc'ed string and returns one the
 * caller frees. */
#ifndef FEEDGEN_SANITIZE_H
#define FEEDGEN_SANITIZE_H

#include <stddef.h>

/* What html_sanitize() removed, for the warning that names the post. */
struct sanitize_report {
	size_t elements;	/* active elements (script, iframe, ...) and form tags */
	size_t handlers;	/* on* and other active attributes */
	size_t urls;		/* URL attributes with a script scheme */
	char first[24];		/* the first removed: "<script>", "onclick", "javascript:" */
};

/* An HTML fragment (UTF-8, malloc'ed) made well-formed and inert; *r says
 * what was removed. Takes html: returns it as it is when already clean (no
 * copy on the common path), else frees it and returns a new string. */
char *html_sanitize(char *html, struct sanitize_report *r);

/* Plain text (UTF-8) as HTML: & < > escaped, and the words validators read
 * as script wherever they stand ("javascript:", " onclick=") written with
 * their last character as a reference, as in sanitized HTML. A new string,
 * the caller's to free. */
char *html_escape_text(const char *s);

/* Did the report remove anything? */
int sanitize_removed(const struct sanitize_report *r);

#endif
