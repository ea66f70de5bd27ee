/* rules_text.c: checks on what any element holds, run on each element as
 * the reader copies it (validate.c's settle), whatever the format:
 *
 * - W3C BadCharacters: the characters XML 1.0 §2.2 asks authors to avoid —
 *   the C1 controls U+007F-U+0084 and U+0086-U+009F (nearly always
 *   Windows-1252's curly quotes and dashes decoded as Latin-1) and the
 *   noncharacters U+FDD0-U+FDEF and U+nFFFE, U+nFFFF — in the element's own
 *   text and attribute values, once an element.
 * - W3C AttrNotBlank: an optional attribute whose value names or labels
 *   something, present but blank. Only attributes no other rule checks (an
 *   empty type, hreflang, length or scheme is already a value error).
 *
 * Only n's own text children are read: its child elements are checked when
 * they are copied, so nothing is reported twice. */
#include <config.h>

#include <string.h>

#include <libxml/tree.h>

#include "base/text.h"
#include "validate/rules.h"

/* XML 1.0 §2.2's discouraged characters (U+0085, NEL, is a line end and not
 * among them). */
static bool discouraged(unsigned cp)
{
	return (cp >= 0x7F && cp <= 0x84) || (cp >= 0x86 && cp <= 0x9F) ||
	       (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

/* The first discouraged character of s, or 0. s is valid UTF-8 (libxml2's). */
static unsigned first_discouraged(const char *s)
{
	while (*s) {
		if ((unsigned char)*s < 0x7F) {
			s++;
			continue;
		}
		unsigned cp;
		size_t len = utf8_decode(s, &cp);
		if (discouraged(cp))
			return cp;
		s += len ? len : 1;
	}
	return 0;
}

static void check_characters(struct vctx *c, xmlNodePtr n)
{
	unsigned cp = 0;
	const char *where = "text";
	for (xmlNodePtr ch = n->children; ch && !cp; ch = ch->next)
		if ((ch->type == XML_TEXT_NODE || ch->type == XML_CDATA_SECTION_NODE) && ch->content)
			cp = first_discouraged((const char *)ch->content);
	for (xmlAttrPtr a = n->properties; a && !cp; a = a->next)
		if (a->children && a->children->content) {
			cp = first_discouraged((const char *)a->children->content);
			where = (const char *)a->name;
		}
	if (!cp)
		return;
	if (strcmp(where, "text") == 0)
		rule_report(c, n, R_BAD_CHARACTERS, "U+%04X in the text of <%s>", cp, n->name);
	else
		rule_report(c, n, R_BAD_CHARACTERS, "U+%04X in %s on <%s>", cp, where, n->name);
}

/* Optional attributes that name or label something: blank, they say nothing. */
static const struct {
	const char *ns;		/* the element's namespace; NULL for RSS's none */
	const char *element, *attr;
} label_attrs[] = {
	{ NS_ATOM, "link", "title" },		/* RFC 4287 §4.2.7.6 */
	{ NS_ATOM, "category", "label" },	/* RFC 4287 §4.2.2.3 */
	{ NULL, "category", "domain" },		/* RSS 2.0.11 §<category> */
};

static bool blank(const xmlChar *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/* RSS's category is in no namespace, inside an item or a channel. */
static bool in_rss_piece(xmlNodePtr n)
{
	xmlNodePtr p = n->parent;
	return p && p->type == XML_ELEMENT_NODE && !p->ns &&
	       (xmlStrEqual(p->name, (const xmlChar *)"item") ||
		xmlStrEqual(p->name, (const xmlChar *)"channel"));
}

static void check_blank_attrs(struct vctx *c, xmlNodePtr n)
{
	const char *ns = node_ns(n);
	for (size_t i = 0; i < sizeof label_attrs / sizeof *label_attrs; i++) {
		if (strcmp((const char *)n->name, label_attrs[i].element) != 0)
			continue;
		if (label_attrs[i].ns ? !ns || strcmp(ns, label_attrs[i].ns) != 0
				      : ns || !in_rss_piece(n))
			continue;
		xmlChar *v = attr_get(n, label_attrs[i].attr);
		if (v && blank(v))
			rule_report(c, n, R_ATTR_BLANK, "%s=\"%s\" on <%s>", label_attrs[i].attr,
				    (const char *)v, n->name);
		xmlFree(v);
	}
}

void check_element_text(struct vctx *c, xmlNodePtr n)
{
	if (n->type != XML_ELEMENT_NODE)
		return;
	check_characters(c, n);
	check_blank_attrs(c, n);
}
