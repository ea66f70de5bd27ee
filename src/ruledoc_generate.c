/* ruledoc_generate.c: the rules whose ids the code names in diag_report
 * calls rather than in a table — `feedgen validate`'s own and the
 * generator's — each with what a table row says of a rule (its severities,
 * what it checks, where it comes from) and its explanation (ruledoc.h).
 *
 * A new id in a diag_report call is a new row here:
 *	{ VALIDATE, GENERATE or COMPARE, E | W, "what it checks", "where it comes from",
 *	  { "rule-id", "why it matters", "an example\n", "the fix" } },
 * tests/rules-doc.sh fails while an id has no row, or a row's severities
 * miss one the code reports it with. */
#include <config.h>

#include "ruledoc.h"

#define E RD_ERROR
#define W RD_WARNING
#define N RD_NOTE
#define VALIDATE RD_VALIDATE
#define GENERATE RD_GENERATE
#define COMPARE RD_COMPARE

const struct ruledoc_own ruledoc_own[] = {
	/* ---- feedgen validate ---- */
	{ VALIDATE, E, "an input could not be read: no file, no permission, an HTTP error",
	  "feedgen",
	  { "io-error",
	    "A document that cannot be read cannot be checked; the run ends with exit status "
	    "2, so CI tells an unreadable feed from an invalid one.",
	    "feedgen validate _site/feed.xml   (the site was not built)\n",
	    "Check the path or URL; for a URL, check the server answers 200 within --timeout "
	    "and below --max-size." } },
	{ VALIDATE, N, "diagnostics past the caps (1000 a rule, 10000 a document) counted, "
	  "not printed", "feedgen (bounded output)",
	  { "not-shown",
	    "A broken feed can repeat one mistake in every item; printing each would bury "
	    "the report, so the counts stay complete and the rest is summed up.",
	    "a feed of 50000 items, each with <pubDate>yesterday</pubDate>\n",
	    "Fix the rule named in the note; its first diagnostics show where." } },
	/* ---- generating: reading the site ---- */
	{ GENERATE, E | W, "a file or folder of the site cannot be read (a warning for "
	  "feedgen ping's record of what hubs were told)", "feedgen",
	  { "read-error",
	    "A post that cannot be read is left out of the feeds; the run says which one and "
	    "ends with exit status 1.",
	    "chmod 000 _posts/2024-05-01-hello.md\n",
	    "Make the file readable by the user running feedgen (or remove it)." } },
	{ GENERATE, W, "a symbolic link in the site is not followed", "Jekyll (safe mode)",
	  { "symlink",
	    "A link could point anywhere on the machine; as Jekyll's safe mode, feedgen does "
	    "not follow it, so what it points to is not in the feeds.",
	    "_posts/2024-05-01-hello.md -> /home/ann/drafts/hello.md\n",
	    "Copy the file into the site instead of linking it." } },
	{ GENERATE, E, "_config.yml cannot be read or is too large", "feedgen; Jekyll",
	  { "config-file",
	    "_config.yml holds the site's title, url and feed settings; without it the feeds "
	    "would describe the site wrongly, so nothing is written.",
	    "_config.yml of 20 MB, or one the user cannot read\n",
	    "Make _config.yml readable and keep it to the settings (a few kB)." } },
	{ GENERATE, W, "a _config.yml key has a value of the wrong kind; the default is used",
	  "jekyll-feed's settings",
	  { "config-value",
	    "A mistyped setting would silently change the feeds; feedgen keeps the safe "
	    "default and says which value it ignored.",
	    "feed:\n  excerpt_only: maybe\n",
	    "Give the key a value of the kind the message names: excerpt_only: true." } },
	{ GENERATE, E, "the site's url is not an absolute http or https URL",
	  "jekyll-feed (site.url); RFC 4287 §4.2.6",
	  { "site-url",
	    "Every id and link of the feeds is built from the site's url; a wrong one makes "
	    "every link and id in every feed wrong.",
	    "url: example.com\n",
	    "Write the full URL: url: https://example.com" } },
	{ GENERATE, W | E, "no site url: ids become tag: URIs and links relative; formats that "
	  "need absolute links cannot be written", "jekyll-feed (site.url); RSS 2.0.11",
	  { "no-url",
	    "Without url, feed readers cannot open relative links, and RSS and JSON Feed "
	    "need absolute ones, so only Atom can be written.",
	    "_config.yml without a url: line\n",
	    "Set url: https://example.com in _config.yml, or pass --url https://example.com." } },
	{ GENERATE, E, "the site's timezone is not a known IANA name",
	  "Jekyll (timezone); IANA time zone database",
	  { "timezone",
	    "Dates without an offset are read in the site's time zone; an unknown one would "
	    "shift every date.",
	    "timezone: CET+1\n",
	    "Use an IANA name: timezone: Europe/Berlin" } },
	{ GENERATE, N, "feed.disable_in_development is set and JEKYLL_ENV is development: "
	  "no feeds written", "jekyll-feed (disable_in_development)",
	  { "disabled",
	    "jekyll-feed writes no feeds in development with this setting; feedgen does the "
	    "same, and says so, so an empty output folder is not a mystery.",
	    "feed:\n  disable_in_development: true\n(and JEKYLL_ENV unset)\n",
	    "Run with JEKYLL_ENV=production to write the feeds." } },
	/* ---- generating: a post file ---- */
	{ GENERATE, E, "the front matter is not closed or is too large", "Jekyll (front matter)",
	  { "front-matter",
	    "Without the closing --- the whole file would be read as YAML; the post is "
	    "skipped.",
	    "---\ntitle: Hello\n\nThe text starts here.\n",
	    "Close the front matter with a line of three dashes: ---" } },
	{ GENERATE, W, "a file in _posts has no front matter and is not a post",
	  "Jekyll (front matter)",
	  { "no-front-matter",
	    "Jekyll makes a post only of a file that starts with ---; without it the file "
	    "is not in Jekyll's feed either.",
	    "# Hello\n---\ntitle: Hello\n---\n   (a line before the first ---)\n",
	    "Start the file with the --- line." } },
	{ GENERATE, E, "the YAML of the front matter is malformed or nested too deep",
	  "YAML 1.1; Jekyll (front matter)",
	  { "yaml",
	    "Front matter that does not parse gives no title, date or tags; the post is "
	    "skipped rather than published wrong.",
	    "---\ntitle: Hello: world\ntags: [a, b\n---\n",
	    "Fix the YAML at the line given; quote values with a colon: title: \"Hello: "
	    "world\"." } },
	{ GENERATE, W, "a key appears twice in the front matter; the last is used",
	  "YAML 1.1 (keys are unique)",
	  { "duplicate-key",
	    "Two values for one key mean one is lost, and which one differs between tools.",
	    "---\ntitle: Draft\ntitle: Hello\n---\n",
	    "Keep one of the two lines." } },
	{ GENERATE, E, "the post's date cannot be read", "Jekyll (date); YAML timestamps",
	  { "date",
	    "The date orders the feed and is its updated time; a post without a readable "
	    "date cannot be placed, and is skipped.",
	    "---\ndate: 1st of May\n---\n",
	    "Write date: 2024-05-01 10:00:00 +0200" } },
	{ GENERATE, E, "a post has no date: none in the front matter nor in its file name",
	  "Jekyll (posts are named YYYY-MM-DD-slug)",
	  { "no-date",
	    "Jekyll dates a post from its name or its front matter; without either it is not "
	    "a post.",
	    "_posts/hello.md\n",
	    "Name it _posts/2024-05-01-hello.md or add date: to the front matter." } },
	{ GENERATE, W, "an unquoted date without an offset is read as UTC by Jekyll",
	  "Jekyll (YAML timestamps); YAML 1.1 timestamp",
	  { "date-utc",
	    "YAML reads date: 2024-05-01 10:00:00 as a UTC time, not the site's local time, "
	    "so the feed's time is off by the zone's offset, as in Jekyll.",
	    "timezone: Europe/Berlin\n---\ndate: 2024-05-01 10:00:00\n---\n",
	    "Add the offset (date: 2024-05-01 10:00:00 +0200) or quote the date to mean "
	    "local time." } },
	{ GENERATE, W, "a post's title is empty; the start of its text is used",
	  "jekyll-feed (title); RFC 4287 §4.2.14",
	  { "empty-title",
	    "Feed readers list items by title; an empty one is a blank line, so feedgen "
	    "takes the start of the text instead.",
	    "---\ntitle: \"\"\n---\n",
	    "Give the post a title, or remove the empty title: line." } },
	{ GENERATE, E, "two posts have the same entry id; the later is skipped",
	  "RFC 4287 §4.2.6; RSS 2.0.11 (guid)",
	  { "duplicate-id",
	    "Readers know an item by its id; two posts with one id would be shown as one, "
	    "so the second is left out.",
	    "_posts/2024-05-01-a.md and _posts/2024-05-02-b.md both with id: post-1\n",
	    "Give each post its own id:, or remove id: and let the permalink be the id." } },
	{ GENERATE, E, "a post has more categories and tags than a feed run can bear",
	  "feedgen (bounded output)",
	  { "too-many-names",
	    "Each category and tag gets feeds holding the post, so thousands of names would "
	    "make output grow with their square; the post is skipped.",
	    "tags: [t1, t2, t3, ... t500]\n",
	    "Keep a post to at most 100 categories and tags." } },
	{ GENERATE, E, "invalid UTF-8 in a post's name, front matter or body",
	  "XML 1.0 §2.2; RFC 8259 §8.1",
	  { "utf8",
	    "Feeds are UTF-8; bytes that are not cannot be written, so the text is cut there "
	    "(the body) or the post skipped (front matter, file name).",
	    "a post saved as Latin-1: caf\\xE9\n",
	    "Save the file as UTF-8." } },
	{ GENERATE, E, "a NUL byte in a post or a YAML value", "XML 1.0 §2.2",
	  { "nul",
	    "No feed can hold U+0000; the text stops there, or the post is skipped.",
	    "---\ntitle: \"Hello\\0\"\n---\n",
	    "Remove the NUL byte (often from a file copied from a binary tool)." } },
	{ GENERATE, W, "control characters XML forbids are dropped from a post",
	  "XML 1.0 §2.2",
	  { "control-char",
	    "XML 1.0 forbids most control characters; a feed holding one is rejected whole "
	    "by readers, so they are dropped.",
	    "title: \"Hello\\x07\"   (a BEL character pasted in)\n",
	    "Remove the control characters from the post." } },
	{ GENERATE, W, "an http(s) URL in the front matter has a control character or no host; "
	  "left out", "RFC 3986 §3; RFC 9110 §4.2",
	  { "url-value",
	    "A URL without a host or with a control character cannot be followed, and the "
	    "validator would refuse the feed; the value is left out.",
	    "---\nimage: https:/example.com/cover.png\n---\n",
	    "Write the full URL: image: https://example.com/cover.png" } },
	{ GENERATE, W, "a URL in the front matter is not http or https; left out",
	  "jekyll-feed; RFC 4287 §4.2.7",
	  { "url-scheme",
	    "Feed readers open http and https links; others (javascript:, file:) are unsafe "
	    "or useless to subscribers.",
	    "---\nauthor:\n  uri: javascript:alert(1)\n---\n",
	    "Use an https URL, or a path the site's url makes absolute." } },
	{ GENERATE, W, "a post's lang is not a language tag; left out", "BCP 47 (RFC 5646)",
	  { "lang",
	    "Readers use the language for fonts, hyphenation and speech; a value that is not "
	    "a tag would make the feed invalid.",
	    "---\nlang: English\n---\n",
	    "Write a tag: lang: en (or en-GB)." } },
	{ GENERATE, W, "an enclosure type is not a media type; left out", "RFC 6838 §4.2",
	  { "media-type",
	    "Podcast apps choose how to play an enclosure from its type; a malformed one "
	    "would make the feed invalid.",
	    "---\nenclosure:\n  url: /a.mp3\n  type: mp3\n---\n",
	    "Write type/subtype: type: audio/mpeg" } },
	{ GENERATE, W, "a post's id is not an absolute IRI a feed id can be; the default id is "
	  "used", "RFC 4287 §4.2.6; RFC 4151; RFC 8141",
	  { "entry-id",
	    "An entry id must be absolute and stable; an id feed readers cannot use is "
	    "replaced by the post's permalink.",
	    "---\nid: tag:example.com:post-1\n---\n   (a tag: URI without its date)\n",
	    "Use a URL or a whole tag: URI: id: tag:example.com,2024:post-1, or leave id "
	    "out." } },
	{ GENERATE, W, "an author's email is not an e-mail address; left out",
	  "RFC 4287 §3.2.3; RFC 5322 §3.4.1",
	  { "email",
	    "Readers link the author's address; a value that is not one would make the feed "
	    "invalid, so it is left out.",
	    "---\nauthor:\n  name: Ann\n  email: Ann Smith\n---\n",
	    "Write an address: email: ann@example.com" } },
	{ GENERATE, W, "active content (script, event handlers, javascript: URLs) is removed "
	  "from a post's body", "RFC 4287 §8.1; HTML",
	  { "active-content",
	    "Feed readers show bodies to subscribers; script in them is a security risk and "
	    "is stripped by readers anyway.",
	    "<p onclick=\"track()\">Hi</p><script>track()</script>\n",
	    "Keep scripts in the site's pages, not in post bodies." } },
	/* ---- generating: Liquid ---- */
	{ GENERATE, W | E, "Liquid in a post could not be rendered, or was read leniently",
	  "Liquid (Shopify); Jekyll",
	  { "liquid",
	    "A tag or filter that fails renders as nothing, so text is missing from the "
	    "feed; lenient reads may differ from Jekyll's.",
	    "{{ page.title | truncate: \"ten\" }}\n",
	    "Fix the tag or filter at the line given: {{ page.title | truncate: 10 }}" } },
	{ GENERATE, E, "Liquid syntax error in a post", "Liquid (Shopify)",
	  { "liquid-syntax",
	    "Jekyll stops on a Liquid syntax error; feedgen renders the post without the "
	    "broken part and says where.",
	    "{% if page.draft %}Draft\n   (no {% endif %})\n",
	    "Close every block tag: {% if page.draft %}Draft{% endif %}" } },
	{ GENERATE, W, "an unknown Liquid tag (a plugin's?) is left out", "Liquid; Jekyll plugins",
	  { "liquid-unknown-tag",
	    "A tag of a Jekyll plugin feedgen does not have renders as nothing, so its "
	    "output is missing from the feed.",
	    "{% youtube abc123 %}\n",
	    "Write the HTML the tag would make, or accept that it is left out of the feed." } },
	/* ---- generating: the feeds ---- */
	{ GENERATE, W | E, "a category, tag or collection cannot have its feed file",
	  "jekyll-feed (feed paths); file systems",
	  { "feed-name",
	    "Each category and tag gets a file named from it; names that are empty, too "
	    "long, or that collide (on case-insensitive systems) cannot each have one.",
	    "categories: [News]   in one post, [news] in another\n",
	    "Spell each category and tag one way, and keep names short." } },
	{ GENERATE, W | E | N, "a feed file no category or tag has any more (--prune deletes it)",
	  "feedgen",
	  { "stale-feed",
	    "A feed of a tag no post has any more stays on the server, and its subscribers "
	    "never hear that it ended.",
	    "_site/feed/by_tag/old-tag.xml   (no post has tag old-tag)\n",
	    "Run with --prune to delete it, or delete it yourself." } },
	{ GENERATE, E, "a rendered body or a run's feeds would be far larger than the site",
	  "feedgen (bounded output)",
	  { "output-bound",
	    "A small site should not make huge feeds (a Liquid loop, an include bomb); "
	    "feedgen leaves the post or the rest of the feeds out instead of filling the "
	    "disk.",
	    "{% for i in (1..100000000) %}spam{% endfor %}\n",
	    "Find what blows up in the post named and fix it." } },
	{ GENERATE, E, "a symbolic link inside the output folder is on a feed's path",
	  "feedgen (output safety)",
	  { "output-symlink",
	    "Following a link inside the output folder could overwrite a file anywhere; "
	    "feedgen does not write through it.",
	    "_site/feed -> /etc\n",
	    "Replace the link with a real folder." } },
	{ GENERATE, E | N, "the output folder cannot be locked, or another run is writing it",
	  "feedgen (flock(2) on the output folder)",
	  { "output-lock",
	    "Two runs writing one folder at once would mix their feeds; the second waits for "
	    "the first, and stops if the folder cannot be locked.",
	    "feedgen -o _site/ . & feedgen -o _site/ .\n",
	    "Let the first run end; make the output folder writable." } },
	{ GENERATE, E, "a feed or the output folder could not be written",
	  "feedgen (atomic writes)",
	  { "write-error",
	    "A feed half written would be served broken; feedgen writes to a temporary "
	    "file and replaces the old feed only when all is written.",
	    "feedgen -o /full-disk/site/ .\n",
	    "Free space or fix permissions on the output folder and run again." } },
	/* ---- feedgen validate: folders and pages ---- */
	{ VALIDATE, E, "a folder given to validate holds no feed", "feedgen",
	  { "no-feed",
	    "A CI step that checks the built site and finds no feed at all has failed: the "
	    "feeds were not written, or were written somewhere else.",
	    "feedgen validate _site/   (a site built without feedgen -o _site/)\n",
	    "Write the feeds first (feedgen -o _site/ .), or point validate at the folder "
	    "that holds them." } },
	{ VALIDATE, E, "an HTML page given to validate links to no feed",
	  "HTML Living Standard, link type \"alternate\"; RSS Autodiscovery",
	  { "no-feed-link",
	    "Readers find a site's feeds through <link rel=\"alternate\"> in its pages; a "
	    "page without one leaves subscribers to guess the feed's URL.",
	    "<head><title>My blog</title></head>\n",
	    "Add <link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feed.xml\"> "
	    "to the page's <head> (feedgen --print-links prints the tags)." } },
	{ VALIDATE, N, "a feed a page links to, checked next", "HTML Living Standard, link "
	  "type \"alternate\"",
	  { "feed-link",
	    "Says which <link> of the page led to the feed reported next, so a wrong href "
	    "can be found in the page.",
	    "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss\">\n",
	    "Nothing to fix: a note. Fix the feed's own diagnostics, if any." } },
	{ VALIDATE, N, "a page's link with a generic type (application/json, text/xml) that "
	  "names no feed", "HTML Living Standard, link type \"alternate\"",
	  { "feed-link-skipped",
	    "Generic types are also used for things that are not feeds (WordPress links its "
	    "REST API as application/json on every page), so such a link is checked only "
	    "when it names a feed.",
	    "<link rel=\"alternate\" type=\"application/json\" href=\"/wp-json/\">\n",
	    "Nothing to fix; give a feed link its specific type (application/feed+json, "
	    "application/rss+xml, application/atom+xml)." } },
	{ VALIDATE, N, "a page links to more feeds than are checked (16)", "feedgen (bounded "
	  "work)",
	  { "feed-links-capped",
	    "A page with hundreds of feed links (a tag cloud of feeds) would take long to "
	    "check in full; the first 16 are checked and the rest counted.",
	    "a page with 40 <link rel=\"alternate\" type=\"application/rss+xml\"> tags\n",
	    "Validate the folder the feeds are built into instead (feedgen validate _site/)." } },
	/* ---- feedgen diff, and -o's guard against re-identified entries ---- */
	{ COMPARE, E | W, "an entry still in the feed (same link, or same title and date) "
	  "under a new id; a warning with --accept-new-ids", "RFC 4287 §4.2.6; RSS 2.0.11 "
	  "§guid",
	  { "id-changed",
	    "Readers know entries by their id: an entry whose id changes is shown again as "
	    "new to every subscriber, and its read state is lost. A permalink or url change "
	    "in _config.yml is the usual cause.",
	    "permalink: /:year/:month/:day/:title/  changed to  permalink: /:title/\n",
	    "Undo the change, or keep the old ids (jekyll-feed takes a post's id: front "
	    "matter), or accept the change once with --accept-new-ids." } },
	{ COMPARE, E | W, "the published version of a feed cannot be read or compared",
	  "feedgen",
	  { "against",
	    "Without the published feed there is nothing to compare with, so -o cannot tell "
	    "whether replacing the feed would re-identify entries; it leaves the feed as it "
	    "was.",
	    "feedgen -o _site/ . --against https://example.com/feed.xml   (server down)\n",
	    "Make the published feed reachable, point --against at a copy, or leave "
	    "--against out to compare with the feeds already in the output folder." } },
	{ COMPARE, E, "a feed given to feedgen diff, or a published feed, cannot be read as "
	  "a feed", "RFC 4287; RSS 2.0.11; RSS 1.0; JSON Feed 1.1",
	  { "feed-read",
	    "A document that is not a well-formed Atom, RSS or JSON feed cannot be compared "
	    "entry by entry.",
	    "feedgen diff old.xml index.html\n",
	    "Give the feed's file or URL; check it with feedgen validate." } },
	{ COMPARE, N, "an entry in the new feed that the old one does not have", "feedgen",
	  { "entry-added",
	    "Reported so a diff shows what subscribers will see as new.",
	    "feedgen diff published.xml _site/feed.xml   (a new post)\n",
	    "Nothing to fix: a note." } },
	{ COMPARE, N, "an entry of the old feed that the new one no longer has", "feedgen",
	  { "entry-removed",
	    "An entry that leaves the feed stays in readers that saw it; reported so a "
	    "deletion is not a surprise.",
	    "feedgen diff published.xml _site/feed.xml   (a post deleted or past the limit)\n",
	    "Nothing to fix: a note. Entries past feed.posts_limit leave the feed too." } },
	{ COMPARE, N, "an entry with the same id and another title, content or date",
	  "feedgen",
	  { "entry-changed",
	    "Many readers show an updated entry again or mark it changed; reported so an "
	    "edit that touched every post (a template change) is seen before publishing.",
	    "feedgen diff published.xml _site/feed.xml   (a title corrected)\n",
	    "Nothing to fix: a note." } },
};

const size_t ruledoc_own_count = sizeof ruledoc_own / sizeof ruledoc_own[0];
