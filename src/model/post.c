/* post.c: the article model's lifetimes and order. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "model/post.h"

bool strlist_has(const struct strlist *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return true;
	return false;
}

void strlist_add(struct strlist *l, const char *s)
{
	if (!s || !*s || strlist_has(l, s))
		return;
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	l->v[l->n++] = xstrdup(s);
}

void strlist_free(struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

struct post *post_new(void)
{
	struct post *p = xcalloc(1, sizeof *p);
	p->published = true;
	return p;
}

void person_clear(struct person *a)
{
	free(a->name);
	free(a->email);
	free(a->uri);
	memset(a, 0, sizeof *a);
}

void post_free(struct post *p)
{
	if (!p)
		return;
	free(p->path);
	free(p->relpath);
	free(p->slug);
	free(p->ext);
	free(p->title);
	strlist_free(&p->categories);
	strlist_free(&p->tags);
	person_clear(&p->author);
	free(p->description);
	free(p->excerpt);
	free(p->excerpt_separator);
	free(p->permalink);
	free(p->id);
	free(p->lang);
	free(p->image);
	free(p->enclosure.url);
	free(p->enclosure.length);
	free(p->enclosure.type);
	free(p->url);
	free(p->entry_id);
	free(p->collection);
	free(p);
}

void post_list_add(struct post_list *l, struct post *p)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = p;
}

void post_list_free(struct post_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		post_free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static int newest_first(const void *a, const void *b)
{
	const struct post *pa = *(const struct post *const *)a;
	const struct post *pb = *(const struct post *const *)b;
	int c = date_cmp(&pb->date, &pa->date);
	return c ? c : strcmp(pa->relpath, pb->relpath);
}

void post_list_sort(struct post_list *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, newest_first);
}
