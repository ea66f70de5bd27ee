/* site.c: the site model's lifetime and look-ups (site.h). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/url.h"
#include "model/site.h"

void site_free(struct site *s)
{
	free(s->dir);
	free(s->title);
	free(s->description);
	free(s->url);
	free(s->baseurl);
	person_clear(&s->author);
	for (size_t i = 0; i < s->nauthors; i++) {
		free(s->authors[i].key);
		person_clear(&s->authors[i].person);
	}
	free(s->authors);
	s->authors = NULL;
	s->nauthors = 0;
	free(s->lang);
	free(s->timezone);
	free(s->permalink);
	free(s->excerpt_separator);
	free(s->feed_path);
	strlist_free(&s->cat_names);
	strlist_free(&s->tag_names);
	free(s->feed_icon);
	free(s->feed_logo);
	free(s->feed_hub);
	free(s->feed_against);
	free(s->feed_style);
	free(s->feed_tags_path);
	for (size_t i = 0; i < s->ncollections; i++) {
		free(s->collections[i].label);
		free(s->collections[i].permalink);
		free(s->collections[i].feed_path);
		strlist_free(&s->collections[i].categories);
		post_list_free(&s->collections[i].docs);
	}
	free(s->collections);
	free(s->permalink_style);
	if (s->defaults_free)
		s->defaults_free(s->defaults);
	memset(s, 0, sizeof *s);
}

const struct person *site_author(const struct site *s, const char *key)
{
	if (!key)
		return NULL;
	/* Later keys win, as a YAML mapping's do. */
	for (size_t i = s->nauthors; i-- > 0;)
		if (strcmp(s->authors[i].key, key) == 0)
			return &s->authors[i].person;
	return NULL;
}

char *post_abs_url(const struct site *site, const struct post *p)
{
	return p->url ? url_absolute(site->url, site->baseurl, p->url) : NULL;
}

const struct site_collection *site_collection_of(const struct site *s, const char *relpath)
{
	for (size_t i = 0; i < s->ncollections; i++) {
		const char *label = s->collections[i].label;
		size_t n = strlen(label);
		if (relpath[0] == '_' && strncmp(relpath + 1, label, n) == 0 && relpath[1 + n] == '/')
			return &s->collections[i];
	}
	return NULL;
}
