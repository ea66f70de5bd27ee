/* smartify.h: Jekyll's `smartify` filter on plain text — kramdown's
 * SmartyPants parser (the span parsers smart_quotes and typographic_syms,
 * lib/kramdown/parser/kramdown/smart_quotes.rb and typographic_symbol.rb of
 * kramdown 2.4) with Jekyll's output of entities as characters: straight
 * quotes become ‘ ’ “ ”, "---" —, "--" –, "..." …, "<<" «, ">>" ».
 *
 * jekyll-feed passes every title through it (post titles and the feed's).
 * smartify() returns a new string the caller frees. */
#ifndef FEEDGEN_CONTENT_SMARTIFY_H
#define FEEDGEN_CONTENT_SMARTIFY_H

char *smartify(const char *text);

#endif
