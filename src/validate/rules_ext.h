/* rules_ext.h: the shape of an extension namespace's table, shared by
 * rules_ext.c (the lookup, and the checks every namespace gets) and the files
 * that hold namespaces' tables (rules_ext_media.c, rules_ext_geo.c,
 * rules_ext_blog.c, rules_ext_search.c, rules_ext_sync.c). A new namespace is a struct ext_ns
 * and a line in rules_ext.c's list, not new code.
 *
 * Everything here is constant data or a function of the validator; nothing is
 * allocated. */
#ifndef FEEDGEN_RULES_EXT_H
#define FEEDGEN_RULES_EXT_H

#include "validate/rules.h"

/* Where an element may appear: the context of its parent. NEST is inside
 * another element of an extension (media:group, georss:where...). */
#define CH (1u << EXT_CHANNEL)
#define IT (1u << EXT_ITEM)
#define FE (1u << EXT_FEED)
#define EN (1u << EXT_ENTRY)
#define NEST (1u << EXT_ANY_CTX)
#define ANY 0xffu
#define TOP (CH | FE)
#define LOW (IT | EN)

struct ext_row {
	unsigned where;		/* contexts it may appear in */
	struct elem_def def;
};

#define LEAF(ns, name, flags, rule) { ns, name, flags, rule, NULL, NULL, NULL }
#define END { 0, { NULL, NULL, 0, R_NONE, NULL, NULL, NULL } }

/* Values of extension elements and attributes: one row a value. */
enum { VR_REQUIRED = 1, VR_RAW = 2 };

struct value_rule {
	const char *element;	/* local name in the namespace */
	const char *attr;	/* unqualified attribute; NULL: the element's text */
	unsigned flags;		/* VR_REQUIRED: attribute must be there; VR_RAW: untrimmed */
	enum rule_id rule;	/* the check; R_EXT_VALUE with choices */
	const char *choices;	/* "|a|b|": the allowed values, or NULL */
};

#define VEND { NULL, NULL, 0, R_NONE, NULL }

/* One namespace: closed when rows list its whole vocabulary (an element of
 * it not listed, or not listed for where it is, is an error). */
struct ext_ns {
	const char *ns;
	bool closed;
	const struct ext_row *rows;
	const struct value_rule *values;
};

/* Is v one of choices ("|a|b|")? */
bool ext_in_choices(const char *choices, const char *v);
/* For rows with E_ANY, whose attributes the walk does not check: each
 * unqualified attribute must be in the row's attrs. */
void ext_check_attrs(struct vctx *c, xmlNodePtr n);

/* Does url's path (before any query or fragment) end in one of exts (a
 * NULL-terminated list, ".png"), ignoring case? */
bool ext_path_ends_in(const char *url, const char *const *exts);

/* Namespaces the root of an RSS document declares that are obsolete: the
 * wiki module's old URI (W3C ObsoleteWikiNamespace), once, at the root. */
void ext_check_root_namespaces(struct vctx *c, xmlNodePtr root);

/* The namespaces' tables, each in the file of its group. */
extern const struct ext_ns ext_ns_media;	/* rules_ext_media.c */
extern const struct ext_ns ext_ns_georss, ext_ns_gml, ext_ns_geo, ext_ns_geourl,
	ext_ns_icbm;				/* rules_ext_geo.c */
extern const struct ext_ns ext_ns_slash, ext_ns_wfw, ext_ns_thr, ext_ns_feedburner,
	ext_ns_cc, ext_ns_cc_rdf, ext_ns_access;	/* rules_ext_blog.c */
extern const struct ext_ns ext_ns_sx;	/* rules_ext_sync.c */
extern const struct ext_ns ext_ns_opensearch, ext_ns_opensearch10,
	ext_ns_gbase;	/* rules_ext_search.c */

#endif
