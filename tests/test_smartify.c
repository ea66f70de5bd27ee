/* test_smartify.c: titles through Jekyll's smartify. The expected texts are
 * what Jekyll 4.3.1's smartify filter (kramdown 2.4's SmartyPants parser,
 * Debian's jekyll) gives for each input. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "content/smartify.h"
#include "tap.h"

int main(void)
{
	static const struct { const char *in, *want; } cases[] = {
		{"\"Smart\" quotes -- dashes --- and dots...",
		 "\xE2\x80\x9C" "Smart\xE2\x80\x9D" " quotes \xE2\x80\x93" " dashes \xE2\x80\x94" " and dots\xE2\x80\xA6" ""},
		{"It's a protocol-relative image",
		 "It\xE2\x80\x99" "s a protocol-relative image"},
		{"Don't 'quote' me on \"this\", ok?",
		 "Don\xE2\x80\x99" "t \xE2\x80\x98" "quote\xE2\x80\x99" " me on \xE2\x80\x9C" "this\xE2\x80\x9D" ", ok?"},
		{"The '80s were \"great\"",
		 "The \xE2\x80\x99" "80s were \xE2\x80\x9C" "great\xE2\x80\x9D" ""},
		{"'Tis the season",
		 "\xE2\x80\x98" "Tis the season"},
		{"He said \"'Hello'\"",
		 "He said \xE2\x80\x9C" "\xE2\x80\x98" "Hello\xE2\x80\x99" "\xE2\x80\x9D" ""},
		{"Ends with a quote\"",
		 "Ends with a quote\xE2\x80\x9D" ""},
		{"<<guillemets>> and << spaced >>",
		 "\xC2\xAB" "guillemets\xC2\xBB" " and \xC2\xAB" "\xC2\xA0" "spaced\xC2\xA0" "\xC2\xBB" ""},
		{"A \"quote.\"",
		 "A \xE2\x80\x9C" "quote.\xE2\x80\x9D" ""},
		{"\"*emph*\"",
		 "\xE2\x80\x9C" "*emph*\xE2\x80\x9D" ""},
		{"rock 'n' roll",
		 "rock \xE2\x80\x98" "n\xE2\x80\x99" " roll"},
		{"x--y---z...",
		 "x\xE2\x80\x93" "y\xE2\x80\x94" "z\xE2\x80\xA6" ""},
		{"5' 10\" tall",
		 "5\xE2\x80\x99" " 10\xE2\x80\x9D" " tall"},
		{"O'Reilly's \"book\"",
		 "O\xE2\x80\x99" "Reilly\xE2\x80\x99" "s \xE2\x80\x9C" "book\xE2\x80\x9D" ""},
		{"\"Hello,\" she said.",
		 "\xE2\x80\x9C" "Hello,\xE2\x80\x9D" " she said."},
		{"(parenthetical 'quote')",
		 "(parenthetical \xE2\x80\x98" "quote\xE2\x80\x99" ")"},
		{"\\<<not guillemets\\>>", "<<not guillemets>>"},
		{"caf\xC3\xA9's", "caf\xC3\xA9\xE2\x80\x99s"},
		{"", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = smartify(cases[i].in);
		is_str(got, cases[i].want, "smartify(%s)", cases[i].in);
		free(got);
	}
	return tap_done();
}
