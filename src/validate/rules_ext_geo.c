/* rules_ext_geo.c: where a feed or an item is, from each specification:
 *   georss  GeoRSS Simple (www.georss.org/simple): point, line, polygon, box
 *           as white-space separated "latitude longitude" pairs (WGS84
 *           decimal degrees); elev, floor, radius; featuretypetag,
 *           relationshiptag, featurename; georss:where holding one GML shape
 *   gml     GeoRSS GML (www.georss.org/gml), the GML 3.1.1 subset it uses:
 *           Point/pos, LineString/posList, Polygon/exterior/LinearRing/
 *           posList, Envelope/lowerCorner+upperCorner
 *   geo     W3C Basic Geo (WGS84 lat/long) vocabulary
 *   geourl, icbm  the older latitude/longitude elements
 * Coordinates separated by commas are read, with a warning (they are not the
 * specification's form; W3C CoordComma). */
#include <config.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlstring.h>

#include "validate/rules_ext.h"

#define NS_GEORSS "http://www.georss.org/georss"
#define NS_GML "http://www.opengis.net/gml"
#define NS_GEO "http://www.w3.org/2003/01/geo/wgs84_pos#"
#define NS_GEOURL "http://geourl.org/rss/module/"
#define NS_ICBM "http://postneo.com/icbm"

static void check_point(struct vctx *c, xmlNodePtr n);
static void check_line(struct vctx *c, xmlNodePtr n);
static void check_polygon(struct vctx *c, xmlNodePtr n);
static void check_box(struct vctx *c, xmlNodePtr n);
static void check_ring(struct vctx *c, xmlNodePtr n);

static const char *const a_none[] = { NULL };
static const char *const a_gml[] = { "srsName", "srsDimension", NULL };

/* GeoRSS Simple: in the channel or feed, an item or entry, or (for media
 * RSS's media:location) nested. */
#define G (ANY)
static const struct ext_row georss_rows[] = {
	{ G, { NS_GEORSS, "point", 0, R_NONE, NULL, check_point, a_none } },
	{ G, { NS_GEORSS, "line", 0, R_NONE, NULL, check_line, a_none } },
	{ G, { NS_GEORSS, "polygon", 0, R_NONE, NULL, check_polygon, a_none } },
	{ G, { NS_GEORSS, "box", 0, R_NONE, NULL, check_box, a_none } },
	{ G, { NS_GEORSS, "where", E_ANY, R_NONE, NULL, ext_check_attrs, a_none } },
	{ G, LEAF(NS_GEORSS, "elev", E_UNIQUE, R_FLOAT) },
	{ G, LEAF(NS_GEORSS, "floor", E_UNIQUE, R_INTEGER) },
	{ G, LEAF(NS_GEORSS, "radius", E_UNIQUE, R_FLOAT) },
	/* the page spells them in lower case, the GeoRSS 1.1 schema in camel case */
	{ G, LEAF(NS_GEORSS, "featuretypetag", 0, R_NONE) },
	{ G, LEAF(NS_GEORSS, "relationshiptag", 0, R_NONE) },
	{ G, LEAF(NS_GEORSS, "featurename", 0, R_NONE) },
	{ G, LEAF(NS_GEORSS, "featureTypeTag", 0, R_NONE) },
	{ G, LEAF(NS_GEORSS, "relationshipTag", 0, R_NONE) },
	{ G, LEAF(NS_GEORSS, "featureName", 0, R_NONE) },
	END,
};
#undef G

const struct ext_ns ext_ns_georss = { NS_GEORSS, true, georss_rows, NULL };

/* GML shapes inside georss:where, each with the children GeoRSS GML gives it. */
static const struct elem_def gml_point_children[] = {
	{ NS_GML, "pos", E_REQUIRED | E_UNIQUE, R_NONE, NULL, check_point, a_gml },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};
static const struct elem_def gml_line_children[] = {
	{ NS_GML, "posList", E_REQUIRED | E_UNIQUE, R_NONE, NULL, check_line, a_gml },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};
static const struct elem_def gml_ring_children[] = {
	{ NS_GML, "posList", E_REQUIRED | E_UNIQUE, R_NONE, NULL, check_ring, a_gml },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};
static const struct elem_def gml_exterior_children[] = {
	{ NS_GML, "LinearRing", E_REQUIRED | E_UNIQUE | E_CONTAINER, R_NONE, gml_ring_children,
	  NULL, a_gml },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};
static const struct elem_def gml_polygon_children[] = {
	{ NS_GML, "exterior", E_REQUIRED | E_UNIQUE | E_CONTAINER, R_NONE, gml_exterior_children,
	  NULL, a_none },
	{ NS_GML, "interior", E_CONTAINER, R_NONE, gml_exterior_children, NULL, a_none },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};
static const struct elem_def gml_envelope_children[] = {
	{ NS_GML, "lowerCorner", E_REQUIRED | E_UNIQUE, R_NONE, NULL, check_point, a_gml },
	{ NS_GML, "upperCorner", E_REQUIRED | E_UNIQUE, R_NONE, NULL, check_point, a_gml },
	{ NULL, NULL, 0, R_NONE, NULL, NULL, NULL },
};

static const struct ext_row gml_rows[] = {
	{ NEST, { NS_GML, "Point", E_CONTAINER, R_NONE, gml_point_children, NULL, a_gml } },
	{ NEST, { NS_GML, "LineString", E_CONTAINER, R_NONE, gml_line_children, NULL, a_gml } },
	{ NEST, { NS_GML, "Polygon", E_CONTAINER, R_NONE, gml_polygon_children, NULL, a_gml } },
	{ NEST, { NS_GML, "Envelope", E_CONTAINER, R_NONE, gml_envelope_children, NULL, a_gml } },
	END,
};

const struct ext_ns ext_ns_gml = { NS_GML, false, gml_rows, NULL };

/* W3C Basic Geo, GeoURL and ICBM: decimal degrees. */
static const struct ext_row geo_rows[] = {
	{ ANY, LEAF(NS_GEO, "lat", E_UNIQUE, R_LATITUDE) },
	{ ANY, LEAF(NS_GEO, "long", E_UNIQUE, R_LONGITUDE) },
	{ ANY, LEAF(NS_GEO, "alt", E_UNIQUE, R_FLOAT) },
	{ ANY, { NS_GEO, "Point", E_ANY, R_NONE, NULL, NULL, NULL } },
	END,
};

const struct ext_ns ext_ns_geo = { NS_GEO, false, geo_rows, NULL };

static const struct ext_row geourl_rows[] = {
	{ ANY, LEAF(NS_GEOURL, "latitude", E_UNIQUE, R_LATITUDE) },
	{ ANY, LEAF(NS_GEOURL, "longitude", E_UNIQUE, R_LONGITUDE) },
	END,
};

const struct ext_ns ext_ns_geourl = { NS_GEOURL, false, geourl_rows, NULL };

static const struct ext_row icbm_rows[] = {
	{ ANY, LEAF(NS_ICBM, "latitude", E_UNIQUE, R_LATITUDE) },
	{ ANY, LEAF(NS_ICBM, "longitude", E_UNIQUE, R_LONGITUDE) },
	END,
};

const struct ext_ns ext_ns_icbm = { NS_ICBM, false, icbm_rows, NULL };

/* ---- coordinates ---- */

#define COORDS_MAX 4096	/* numbers read from one element; the rest unchecked */

/* The numbers of s, separated by white space (or commas, *comma set), into
 * v (the first cap of them; the last two also into last[]); returns how many,
 * or -1 when a token is not a number. */
static long read_coords(const char *s, double *v, size_t cap, double last[2], bool *comma)
{
	long n = 0;
	*comma = false;
	for (const char *p = s; *p;) {
		p += strspn(p, " \t\r\n,");
		if (!*p)
			break;
		size_t k = strcspn(p, " \t\r\n,");
		char tok[64];
		if (k >= sizeof tok)
			return -1;
		memcpy(tok, p, k);
		tok[k] = '\0';
		if (!check_float(tok))
			return -1;
		double x = strtod(tok, NULL);
		if ((size_t)n < cap)
			v[n] = x;
		last[0] = last[1];
		last[1] = x;
		n++;
		p += k;
	}
	*comma = strchr(s, ',') != NULL;
	return n;
}

/* Pairs of latitude (-90..90) and longitude (-180..180). */
static bool pairs_in_range(const double *v, long n)
{
	for (long i = 0; i + 1 < n && i + 1 < COORDS_MAX; i += 2)
		if (v[i] < -90 || v[i] > 90 || v[i + 1] < -180 || v[i + 1] > 180)
			return false;
	return true;
}

enum shape { POINT, LINE, POLYGON, BOX, RING };

static void check_shape(struct vctx *c, xmlNodePtr n, enum shape shape)
{
	static const char *const want[] = {
		"one latitude-longitude pair",
		"two or more latitude-longitude pairs",
		"four or more latitude-longitude pairs, the last the same as the first",
		"two latitude-longitude pairs, the lower corner then the upper",
		"four or more latitude-longitude pairs, the last the same as the first",
	};
	double *xs = calloc(COORDS_MAX, sizeof *xs);
	xmlChar *t = node_text(n);
	bool comma;
	double last[2] = { 0, 0 };
	long k = xs ? read_coords((const char *)t, xs, COORDS_MAX, last, &comma) : -1;
	bool ok = k > 0 && k % 2 == 0 && pairs_in_range(xs, k);
	if (ok && shape == POINT)
		ok = k == 2;
	else if (ok && shape == BOX)
		ok = k == 4 && xs[0] <= xs[2];
	else if (ok && shape == LINE)
		ok = k >= 4;
	else if (ok && (shape == POLYGON || shape == RING))
		ok = k >= 8 && xs[0] == last[0] && xs[1] == last[1];
	if (!ok)
		rule_report(c, n, R_GEO_COORDS, "<%s> \"%.80s\" (expected %s)", n->name, t, want[shape]);
	else if (comma)
		rule_report(c, n, R_GEO_COMMA, "<%s> \"%.80s\"", n->name, t);
	xmlFree(t);
	free(xs);
}

static void check_point(struct vctx *c, xmlNodePtr n)
{
	check_shape(c, n, POINT);
}

static void check_line(struct vctx *c, xmlNodePtr n)
{
	check_shape(c, n, LINE);
}

static void check_polygon(struct vctx *c, xmlNodePtr n)
{
	check_shape(c, n, POLYGON);
}

static void check_box(struct vctx *c, xmlNodePtr n)
{
	check_shape(c, n, BOX);
}

static void check_ring(struct vctx *c, xmlNodePtr n)
{
	check_shape(c, n, RING);
}
