/* rouge_langs.h: whether rouge, Jekyll's highlighter, knows a language name
 * (case matters, as it does to rouge). */
#ifndef FEEDGEN_ROUGE_LANGS_H
#define FEEDGEN_ROUGE_LANGS_H

#include <stdbool.h>

bool rouge_knows(const char *lang);

#endif
