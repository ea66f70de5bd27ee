/* rules_ext_search.c: the namespaces search engines read feeds with:
 *   opensearch  OpenSearch 1.1's response elements (opensearch.org, "OpenSearch
 *               response elements"): totalResults, startIndex, itemsPerPage
 *               and Query in the channel or feed; and the 1.0 RSS namespace
 *   g           Google Base attributes (base.google.com/ns/1.0, now Google
 *               Merchant Center's product data): an open vocabulary whose
 *               attributes with a fixed form are checked */
#include <config.h>

#include <string.h>

#include <libxml/xmlstring.h>

#include "validate/rules_ext.h"

#define NS_OPENSEARCH "http://a9.com/-/spec/opensearch/1.1/"
#define NS_OPENSEARCH10 "http://a9.com/-/spec/opensearchrss/1.0/"
#define NS_GBASE "http://base.google.com/ns/1.0"

static void check_at_most_10(struct vctx *c, xmlNodePtr n);
static void check_query_title(struct vctx *c, xmlNodePtr n);

/* OpenSearch 1.1 §"The totalResults element" ... §"The Query element": the
 * three numbers "may appear zero or one time" in the channel or feed; Query
 * "zero or more times", its role required; its other attributes are the
 * search parameters (and namespaced extension parameters). */
static const char *const a_query[] = {
	"role", "title", "totalResults", "searchTerms", "count", "startIndex", "startPage",
	"language", "inputEncoding", "outputEncoding", NULL
};

static const struct ext_row opensearch_rows[] = {
	{ TOP, LEAF(NS_OPENSEARCH, "totalResults", E_UNIQUE, R_INT_NONNEGATIVE) },
	{ TOP, LEAF(NS_OPENSEARCH, "startIndex", E_UNIQUE, R_INTEGER) },
	{ TOP, LEAF(NS_OPENSEARCH, "itemsPerPage", E_UNIQUE, R_INT_NONNEGATIVE) },
	{ TOP, { NS_OPENSEARCH, "Query", 0, R_NONE, NULL, check_query_title, a_query } },
	END,
};

static const struct value_rule opensearch_values[] = {
	{ "Query", "role", VR_REQUIRED, R_OPENSEARCH_ROLE, NULL },
	{ "Query", "totalResults", 0, R_INT_NONNEGATIVE, NULL },
	{ "Query", "count", 0, R_INT_NONNEGATIVE, NULL },
	{ "Query", "startIndex", 0, R_INTEGER, NULL },
	{ "Query", "startPage", 0, R_INTEGER, NULL },
	VEND,
};

const struct ext_ns ext_ns_opensearch = { NS_OPENSEARCH, true, opensearch_rows,
					  opensearch_values };

/* OpenSearch RSS 1.0, the same three numbers. */
static const struct ext_row opensearch10_rows[] = {
	{ TOP, LEAF(NS_OPENSEARCH10, "totalResults", E_UNIQUE, R_INT_NONNEGATIVE) },
	{ TOP, LEAF(NS_OPENSEARCH10, "startIndex", E_UNIQUE, R_INTEGER) },
	{ TOP, LEAF(NS_OPENSEARCH10, "itemsPerPage", E_UNIQUE, R_INT_NONNEGATIVE) },
	END,
};

const struct ext_ns ext_ns_opensearch10 = { NS_OPENSEARCH10, true, opensearch10_rows, NULL };

/* Google Base: "up to 10" image_link and label an item. */
static const struct ext_row gbase_rows[] = {
	{ ANY, { NS_GBASE, "image_link", E_ANY, R_NONE, NULL, check_at_most_10, NULL } },
	{ ANY, { NS_GBASE, "additional_image_link", E_ANY, R_NONE, NULL, check_at_most_10, NULL } },
	{ ANY, { NS_GBASE, "label", E_ANY, R_NONE, NULL, check_at_most_10, NULL } },
	END,
};

/* The attributes' types: url, int, float, date (YYYY-MM-DD), boolean, price
 * ("15.00 USD"), and the enumerations. */
static const struct value_rule gbase_values[] = {
	{ "link", NULL, 0, R_URI_FULL, NULL },
	{ "mobile_link", NULL, 0, R_URI_FULL, NULL },
	{ "image_link", NULL, 0, R_URI_FULL, NULL },
	{ "additional_image_link", NULL, 0, R_URI_FULL, NULL },
	{ "label", NULL, VR_RAW, R_GBASE_LABEL, NULL },
	{ "listing_type", NULL, 0, R_TRUE_FALSE, NULL },
	{ "pickup", NULL, 0, R_TRUE_FALSE, NULL },
	{ "price_type", NULL, 0, R_EXT_VALUE, "|negotiable|starting|" },
	{ "salary_type", NULL, 0, R_EXT_VALUE, "|negotiable|starting|" },
	{ "quantity", NULL, 0, R_INT_NONNEGATIVE, NULL },
	{ "rating", NULL, 0, R_GBASE_RATING, NULL },
	{ "year", NULL, 0, R_GBASE_YEAR, NULL },
	{ "price", NULL, 0, R_GBASE_PRICE, NULL },
	{ "sale_price", NULL, 0, R_GBASE_PRICE, NULL },
	{ "salary", NULL, 0, R_GBASE_PRICE, NULL },
	{ "currency", NULL, 0, R_CURRENCY, NULL },
	{ "expiration_date", NULL, 0, R_DATE_W3CDTF, NULL },
	{ "latitude", NULL, 0, R_LATITUDE, NULL },
	{ "longitude", NULL, 0, R_LONGITUDE, NULL },
	{ "bedrooms", NULL, 0, R_FLOAT, NULL },
	{ "bathrooms", NULL, 0, R_FLOAT, NULL },
	{ "age", NULL, 0, R_INT_NONNEGATIVE, NULL },
	{ "condition", NULL, 0, R_EXT_VALUE, "|new|used|refurbished|" },
	{ "availability", NULL, 0, R_EXT_VALUE,
	  "|in stock|out of stock|preorder|backorder|available for order|" },
	{ "age_group", NULL, 0, R_EXT_VALUE, "|newborn|infant|toddler|kids|adult|" },
	{ "identifier_exists", NULL, 0, R_EXT_VALUE, "|yes|no|true|false|" },
	{ "adult", NULL, 0, R_EXT_VALUE, "|yes|no|true|false|" },
	{ "is_bundle", NULL, 0, R_EXT_VALUE, "|yes|no|true|false|" },
	{ "reviewer_type", NULL, 0, R_EXT_VALUE, "|editorial|user|" },
	{ "marital_status", NULL, 0, R_EXT_VALUE,
	  "|single|divorced|separated|widowed|married|in relationship|" },
	VEND,
};

const struct ext_ns ext_ns_gbase = { NS_GBASE, false, gbase_rows, gbase_values };

/* Query title: "256 or fewer characters of plain text ... must not contain
 * HTML or other markup". */
static void check_query_title(struct vctx *c, xmlNodePtr n)
{
	xmlChar *title = attr_get(n, "title");
	if (title) {
		rule_check_value(c, n, R_HTML_IN_TEXT, "title on <opensearch:Query>",
				 (const char *)title);
		if (xmlUTF8Strlen(title) > 256)
			rule_report(c, n, R_EXT_VALUE, "title on <opensearch:Query> of %d characters "
				    "(at most 256)", xmlUTF8Strlen(title));
	}
	xmlFree(title);
}

/* Google Base: at most ten of an attribute per item. */
static void check_at_most_10(struct vctx *c, xmlNodePtr n)
{
	size_t k = 0;
	for (xmlNodePtr p = n->prev; p; p = p->prev)
		if (node_is(p, node_ns(n), (const char *)n->name))
			k++;
	if (k == 10)
		rule_report(c, n, R_RSS_TOO_MANY, "more than ten <g:%s>", n->name);
}
