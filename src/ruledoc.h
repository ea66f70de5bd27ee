/* ruledoc.h: what every rule feedgen can report means — `feedgen validate
 * --list-rules`, `feedgen validate --explain RULE`, and the feedgen-rules(7)
 * page, all printed from the same tables so they cannot drift apart.
 *
 * The rules come from three places:
 *   - the validator's tables (validate/rules.h rule_table, validate_json.c's
 *     JSON Feed table): id, severity, message, specification; their
 *     explanations are rows of ruledoc_validator[] (ruledoc_validate.c);
 *   - rule ids the code writes itself, in diag_report() calls of the
 *     generator and of `feedgen validate`: each is a row of ruledoc_own[]
 *     (ruledoc_generate.c), which says also what a table row would (the
 *     severities, what it checks, where it comes from).
 * tests/rules-doc.sh scans the sources for every id and fails when one has no
 * explanation.
 *
 * Everything here is static text; nothing is allocated that outlives a
 * call. */
#ifndef FEEDGEN_RULEDOC_H
#define FEEDGEN_RULEDOC_H

#include <stdbool.h>
#include <stddef.h>

/* Why a rule matters, a small input that breaks it, and the fix. example
 * is shown verbatim (lines end in \n); the others are prose, wrapped when
 * printed. */
struct ruledoc {
	const char *id;
	const char *why;
	const char *example;
	const char *fix;
};

/* Explanations of the validator's table rules, one a rule id (ids that
 * several table rows share have one). */
extern const struct ruledoc ruledoc_validator[];
extern const size_t ruledoc_validator_count;

/* Bits of enum diag_severity, for ruledoc_own.sev. */
#define RD_NOTE 1u
#define RD_WARNING 2u
#define RD_ERROR 4u

/* Which command reports a rule: the sections of the list. COMPARE is
 * `feedgen diff` and -o's guard, which compare a feed with its published
 * version. */
enum ruledoc_part { RD_VALIDATE, RD_GENERATE, RD_COMPARE, RD_PARTS };

/* A rule whose id is written in the code, not in a table. */
struct ruledoc_own {
	enum ruledoc_part part;
	unsigned sev;		/* RD_* bits: every severity it is reported with */
	const char *summary;	/* what it checks, as a table row's message */
	const char *origin;	/* where the rule comes from, as a table row's spec */
	struct ruledoc doc;
};

extern const struct ruledoc_own ruledoc_own[];
extern const size_t ruledoc_own_count;

/* Does argv (of `feedgen validate`) ask for the documentation: --list-rules
 * or --explain? */
bool ruledoc_wanted(int argc, char **argv);

/* `feedgen validate --list-rules [--format text|json|man]` or `feedgen
 * validate --explain RULE [--format text|json]`; returns the exit status: 0,
 * or 2 for a usage error or an unknown RULE (a message on standard error). */
int ruledoc_command(int argc, char **argv);

#endif
