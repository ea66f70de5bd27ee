/* langtag.c: see langtag.h. */
#include <config.h>

#include <ctype.h>
#include <string.h>

#include "base/langtag.h"

/* ISO 639-1, the two-letter codes, each followed by a space. */
static const char iso639_1[] =
	"aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr "
	"cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu "
	"gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk "
	"kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mo mr "
	"ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn "
	"ro ru rw sa sc sd se sg sh si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti "
	"tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu in iw ji ";

static bool all_alnum(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]))
			return false;
	return true;
}

static bool all_alpha(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isalpha((unsigned char)s[i]))
			return false;
	return true;
}

bool langtag_well_formed(const char *s)
{
	for (const char *p = s;; p++) {
		size_t k = strcspn(p, "-");
		if (k == 0 || k > 8 || !all_alnum(p, k))
			return false;
		p += k;
		if (*p != '-')
			return true;
	}
}

/* The primary subtag s[0..n): i or x, a known two-letter code, or three
 * letters. Codes in the list sit at multiples of three, the only places a
 * two letters and a space can match. */
static bool primary_known(const char *s, size_t n)
{
	if (n == 1)
		return *s == 'i' || *s == 'I' || *s == 'x' || *s == 'X';
	if (n == 3)
		return all_alpha(s, 3);
	if (n != 2 || !all_alpha(s, 2))
		return false;
	char code[4] = { (char)tolower((unsigned char)s[0]), (char)tolower((unsigned char)s[1]), ' ',
			 '\0' };
	return strstr(iso639_1, code) != NULL;
}

bool langtag_known(const char *s)
{
	return langtag_well_formed(s) && primary_known(s, strcspn(s, "-"));
}
