/* ruledoc_validate.c: why each rule of the validator's tables matters, an
 * example that breaks it and the fix (ruledoc.h). One row a rule id, in the
 * order of rule_table (validate/rules.c), then validate_json.c's table.
 *
 * Adding a rule to a table is adding its row here too:
 *	{ "rule-id", "why it matters", "an example\n", "the fix" },
 * The example is shown as it is (end each line with \n, keep lines under 76
 * characters); the other two are wrapped. tests/rules-doc.sh fails while a
 * rule has no row. */
#include <config.h>

#include "ruledoc.h"

const struct ruledoc ruledoc_validator[] = {
	/* ---- XML ---- */
	{ "xml-well-formed",
	  "A feed reader must stop at the first well-formedness error (XML 1.0 says so), "
	  "so a single unescaped & or unclosed tag loses the whole feed, not one item.",
	  "<title>Fish & Chips</title>\n",
	  "Escape & as &amp; and < as &lt; in text (or use CDATA), and close every element "
	  "you open." },
	{ "xml-encoding",
	  "Bytes that are not valid in the declared encoding make the reader give up or show "
	  "mojibake; the document cannot be read as the author wrote it.",
	  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	  "<title>Caf\\xE9</title>   (a Latin-1 byte in a UTF-8 file)\n",
	  "Save the file in the encoding the XML declaration names; UTF-8 everywhere is "
	  "simplest." },
	{ "xml-undefined-entity",
	  "XML knows only five named entities (&amp; &lt; &gt; &quot; &apos;); an HTML name "
	  "such as &nbsp; is a fatal error in a reader, and a DTD that defines many nested "
	  "entities can blow up memory.",
	  "<description>Hello&nbsp;world</description>\n",
	  "Write the character itself (UTF-8) or a numeric reference such as &#160;, or put "
	  "HTML inside CDATA." },
	{ "xml-namespace",
	  "A prefix that is not declared has no namespace, so no reader can tell what the "
	  "element is; namespace-aware parsers reject the document.",
	  "<rss version=\"2.0\"><channel><dc:creator>Ann</dc:creator>...\n",
	  "Declare every prefix you use on the root: "
	  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"." },
	{ "xml-too-many-attributes",
	  "An element with thousands of attributes is an attack on parsers (checking them for "
	  "duplicates takes quadratic time); no real feed needs it, so reading stops there.",
	  "<item a1=\"\" a2=\"\" a3=\"\" ... a50000=\"\">\n",
	  "Give each element only the attributes its specification defines." },
	{ "not-a-feed",
	  "The document parses, but its root is not rss, feed, rdf:RDF, opml, or a JSON Feed "
	  "object, so a reader subscribed to this URL gets nothing.",
	  "<html><head><title>My blog</title></head>...</html>\n",
	  "Point the subscription at the feed itself (feed.xml, not the home page), and make "
	  "its root <rss version=\"2.0\"> or <feed xmlns=\"http://www.w3.org/2005/Atom\">." },
	{ "atom-schema",
	  "RFC 4287's schema says which elements an Atom document holds and in what shape; "
	  "readers written against it drop or misread what does not fit.",
	  "<entry><title>Hi</title><link>https://example.com/hi</link></entry>\n",
	  "Follow RFC 4287: here the link goes in an attribute, "
	  "<link href=\"https://example.com/hi\"/>." },
	{ "rss-schema",
	  "The RSS 2.0 specification fixes the elements of channel and item; a reader expects "
	  "that shape and may ignore or mangle the rest.",
	  "<channel><item><title>Hi</title></item></channel>   (no <rss> around it)\n",
	  "Give the document the structure the spec shows: <rss version=\"2.0\"><channel> "
	  "with title, link and description, then the items." },
	/* ---- structure ---- */
	{ "unknown-element",
	  "An element the format does not define, in the format's own namespace, is ignored "
	  "by every reader: whatever it was meant to say is lost.",
	  "<item><title>Hi</title><summary>...</summary></item>   (RSS has no summary)\n",
	  "Use the format's element (description in RSS), or put your own data in an "
	  "extension namespace of yours." },
	{ "missing-element",
	  "A required element is what every reader relies on: without a title, link or id a "
	  "reader cannot name, open or recognise the item again.",
	  "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Blog</title>\n"
	  "  <updated>2024-05-01T00:00:00Z</updated></feed>   (no <id>)\n",
	  "Add the element the message names; in Atom a feed needs id, title and updated, an "
	  "entry id, title and updated." },
	{ "duplicate-element",
	  "When an element may appear once and appears twice, readers keep one of them, and "
	  "not always the same one, so what subscribers see is a guess.",
	  "<item><title>One</title><title>Two</title></item>\n",
	  "Keep one element; merge or drop the other." },
	{ "misplaced-element",
	  "An element outside the place its format gives it is read by nobody, e.g. feed "
	  "metadata after the entries, which streaming readers have already passed.",
	  "<feed ...><entry>...</entry><title>Blog</title></feed>\n",
	  "Move the element where the format puts it: an Atom feed's own elements come "
	  "before its entries." },
	{ "unexpected-attribute",
	  "An attribute the element does not define is ignored, so the information it was "
	  "meant to carry never arrives (and it is often a typo).",
	  "<enclosure url=\"https://example.com/a.mp3\" size=\"1000\" type=\"audio/mpeg\"/>\n",
	  "Use the attribute the specification names (length, not size) or drop it." },
	{ "missing-attribute",
	  "Some elements are nothing without their attributes: a link without href or an "
	  "enclosure without url points nowhere.",
	  "<link rel=\"alternate\"/>\n",
	  "Add the attribute the message names: <link rel=\"alternate\" "
	  "href=\"https://example.com/post\"/>." },
	{ "unexpected-text",
	  "Text directly inside a container element has no meaning in the format; readers "
	  "drop it, so it is usually a misplaced value.",
	  "<channel>My blog<title>My blog</title>...</channel>\n",
	  "Put the text into the element it belongs to, or remove it." },
	{ "blank",
	  "An empty element says nothing but looks like it does: readers show an empty title "
	  "or an empty description, and some treat the item as broken.",
	  "<item><title></title><link>https://example.com/a</link></item>\n",
	  "Give the element its text, or leave the element out." },
	{ "unexpected-whitespace",
	  "Spaces or newlines around a URL or a date become part of the value: the URL no "
	  "longer matches, the date no longer parses.",
	  "<id>\n  https://example.com/post/1\n</id>\n",
	  "Write the value without surrounding white space: "
	  "<id>https://example.com/post/1</id>." },
	{ "head-too-large",
	  "The validator keeps a feed's head in memory to check it, up to a bound; past it "
	  "the rest of the head is not checked, so problems there go unseen.",
	  "<channel> followed by a hundred thousand <category> elements before any item\n",
	  "Keep the feed's head small: move per-item data into the items." },
	{ "media-type-unexpected",
	  "Browsers and readers decide what a URL is from its Content-Type; a feed served as "
	  "text/html may be shown as a page or refused.",
	  "Content-Type: text/html   (for https://example.com/feed.xml)\n",
	  "Serve Atom as application/atom+xml, RSS as application/rss+xml, JSON Feed as "
	  "application/feed+json (configure the web server by file extension)." },
	{ "media-type-generic",
	  "A generic type (application/xml, text/xml, application/json) works, but tells a "
	  "browser nothing about the document being a feed, so it does not offer to "
	  "subscribe.",
	  "Content-Type: text/xml   (for an Atom feed)\n",
	  "Serve the feed's own type: application/atom+xml, application/rss+xml or "
	  "application/feed+json." },
	{ "encoding-mismatch",
	  "When the HTTP charset and the XML declaration disagree the HTTP charset wins, so "
	  "readers decode the bytes differently from how they were written.",
	  "Content-Type: application/rss+xml; charset=iso-8859-1\n"
	  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n",
	  "Make the server's charset match the file (charset=utf-8), or send no charset for "
	  "XML." },
	{ "self-location-mismatch",
	  "The self link is how readers learn a feed's address; if it names another URL, "
	  "subscribers may be moved to a feed that is not this one.",
	  "fetched from https://example.com/feed.xml\n"
	  "<atom:link rel=\"self\" href=\"https://old.example.com/rss\"/>\n",
	  "Make the self link the URL the feed is served from (or redirect the old URL to "
	  "it)." },
	{ "opml-outline-version",
	  "An OPML subscription list tells readers the format of each feed; a version they "
	  "do not know may make them skip the subscription.",
	  "<outline type=\"rss\" version=\"2.0\" xmlUrl=\"https://example.com/feed.xml\"/>\n",
	  "Use one of the values OPML 2.0 names: version=\"RSS2\" (or RSS, RSS1, "
	  "scriptingNews), or leave version out." },
	/* ---- values ---- */
	{ "date-rfc3339",
	  "Atom and JSON Feed dates are RFC 3339: readers sort and dedupe entries by them, "
	  "and a date they cannot parse becomes \"now\" or makes the entry vanish.",
	  "<updated>2024-05-01 10:00</updated>\n",
	  "Write a full date-time with a T and a zone: <updated>2024-05-01T10:00:00Z</updated>." },
	{ "date-rfc822",
	  "RSS dates are RFC 822: readers parse them to order items and to spot new ones; "
	  "other forms are read as no date or a wrong one.",
	  "<pubDate>2024-05-01T10:00:00Z</pubDate>\n",
	  "Write the RFC 822 form: <pubDate>Wed, 01 May 2024 10:00:00 +0000</pubDate>." },
	{ "date-rfc822-obsolete",
	  "Two-digit years and zone names such as EDT or comments are forms RFC 2822 keeps "
	  "only for old mail; many readers misread them (is 24 1924 or 2024?).",
	  "<pubDate>Wed, 01 May 24 10:00:00 EDT</pubDate>\n",
	  "Use four-digit years and a numeric zone: Wed, 01 May 2024 10:00:00 -0400." },
	{ "date-w3cdtf",
	  "Dublin Core dates (dc:date, dcterms:*) are W3C-DTF, a profile of ISO 8601; readers "
	  "that use them to date an item cannot read another form.",
	  "<dc:date>May 1, 2024</dc:date>\n",
	  "Write <dc:date>2024-05-01</dc:date> or <dc:date>2024-05-01T10:00:00Z</dc:date>." },
	{ "date-day-of-week",
	  "A day name that does not match the date means one of the two is wrong, and "
	  "readers cannot know which; usually the date was edited and the day was not.",
	  "<pubDate>Mon, 01 May 2024 10:00:00 +0000</pubDate>   (1 May 2024 is a Wednesday)\n",
	  "Correct the day name (or leave it out: it is optional): Wed, 01 May 2024 ..." },
	{ "date-implausible",
	  "A date centuries away or far in the future is a generator's bug (an epoch of 0, a "
	  "wrong year); readers put the item at the top or bottom forever.",
	  "<updated>0001-01-01T00:00:00Z</updated>\n",
	  "Write the date the item was really published or updated." },
	{ "uri",
	  "A value that is not a URI reference (spaces, unescaped characters) cannot be "
	  "resolved, so the link or id it carries is broken.",
	  "<item rdf:about=\"https://example.com/my post\">\n",
	  "Percent-encode what a URI cannot hold: https://example.com/my%20post." },
	{ "iri",
	  "Atom's links and ids are IRIs (an id an absolute one); a value with spaces, "
	  "angle brackets or bad escapes is not one, and readers cannot follow or compare "
	  "it.",
	  "<link href=\"https://example.com/a b\"/>\n",
	  "Percent-encode spaces and other forbidden characters: "
	  "href=\"https://example.com/a%20b\"." },
	{ "uri-absolute",
	  "RSS gives readers no base to resolve a relative URL against, so a link like "
	  "/post/1 leads nowhere in a feed reader.",
	  "<link>/2024/05/hello</link>\n",
	  "Write the full URL: <link>https://example.com/2024/05/hello</link>." },
	{ "iri-absolute",
	  "A category's scheme names the vocabulary its term comes from; only an absolute "
	  "IRI names one the same way in every feed, so readers can tell vocabularies "
	  "apart.",
	  "<category term=\"news\" scheme=\"tags\"/>\n",
	  "Write the full IRI of the vocabulary: scheme=\"https://example.com/tags/\"." },
	{ "relative-reference",
	  "A relative link in a feed is resolved against xml:base or the feed's URL, which "
	  "readers that copy items elsewhere no longer know: the link breaks.",
	  "<link href=\"/2024/05/hello\"/>   (no xml:base in scope)\n",
	  "Write absolute URLs, or set xml:base=\"https://example.com/\" on the feed." },
	{ "tag-uri",
	  "A tag: URI (RFC 4151) must say who minted it and when, tag:AUTHORITY,DATE:name; "
	  "without that it is not the unique id it promises.",
	  "<id>tag:example.com:post-1</id>\n",
	  "Add the date: <id>tag:example.com,2024-05-01:post-1</id>." },
	{ "urn",
	  "A urn: value must have a namespace id and a string (and urn:uuid: a whole UUID); "
	  "a malformed one is not a stable id.",
	  "<id>urn:uuid:1234</id>\n",
	  "Use a whole UUID: <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>." },
	{ "email",
	  "Feed readers show and link the author's address; a value that is not an address "
	  "(a name, a URL) gives a dead mailto: link.",
	  "<author><name>Ann</name><email>Ann Smith</email></author>\n",
	  "Put an address in email (ann@example.com) and the name in name; in RSS write "
	  "\"ann@example.com (Ann Smith)\"." },
	{ "mime-type",
	  "Readers choose how to play or show an enclosure or link from its media type; a "
	  "malformed type makes them skip it.",
	  "<enclosure url=\"https://example.com/a.mp3\" length=\"1\" type=\"mp3\"/>\n",
	  "Write type/subtype: type=\"audio/mpeg\"." },
	{ "language",
	  "Readers use the language to pick fonts, hyphenation and speech; a value that is "
	  "not a language code is ignored or misread.",
	  "<language>English</language>\n",
	  "Use a language code: <language>en</language> or en-GB." },
	{ "positive-integer",
	  "Values like ttl, width or length are numbers a reader computes with; text, signs "
	  "or zero where a count must be positive break that.",
	  "<ttl>one hour</ttl>\n",
	  "Write a whole number greater than 0: <ttl>60</ttl>." },
	{ "non-negative-integer",
	  "Counts and sizes are whole numbers from 0 up; a negative or fractional one is a "
	  "bug readers cannot use.",
	  "<enclosure url=\"https://example.com/a.mp3\" length=\"-1\" type=\"audio/mpeg\"/>\n",
	  "Write the size in bytes, or 0 when unknown: length=\"0\"." },
	{ "integer",
	  "The element holds a whole number; anything else cannot be compared or summed.",
	  "<opensearch:startIndex>first</opensearch:startIndex>\n",
	  "Write digits only: <opensearch:startIndex>1</opensearch:startIndex>." },
	{ "boolean",
	  "The attribute is true or false; other words are read as one or the other "
	  "depending on the reader.",
	  "<guid isPermaLink=\"yes\">https://example.com/a</guid>\n",
	  "Write isPermaLink=\"true\" or \"false\" (lower case)." },
	{ "true-false",
	  "Media RSS flags take exactly true or false; readers do not agree on what other "
	  "values mean.",
	  "<media:content url=\"https://example.com/a.jpg\" isDefault=\"1\"/>\n",
	  "Write isDefault=\"true\"." },
	{ "yes-no",
	  "iTunes flags take yes or no (true and false are read too); other values are "
	  "ignored by podcast directories, so the flag is not set.",
	  "<itunes:block>1</itunes:block>\n",
	  "Write <itunes:block>yes</itunes:block> (or no)." },
	{ "float",
	  "The value is a number (a time in seconds, a rating); a clock time, text or a "
	  "comma as decimal point does not parse.",
	  "<podcast:soundbite startTime=\"1:30\" duration=\"60\">Intro</podcast:soundbite>\n",
	  "Write a decimal number of seconds with a point: startTime=\"90.5\"." },
	{ "contains-html",
	  "The element is plain text, so readers show the markup literally: subscribers see "
	  "<b> and &amp;lt; instead of bold text.",
	  "<title>&lt;b&gt;Big&lt;/b&gt; news</title>\n",
	  "Write plain text in plain-text elements; in Atom, say type=\"html\" when the text "
	  "is HTML." },
	{ "html-security-risk",
	  "Script, frames, forms and plug-ins in feed content run (or are stripped) in the "
	  "reader; many readers remove them, so the item looks broken, and the rest are "
	  "exposed.",
	  "<description>&lt;script&gt;track()&lt;/script&gt;Hello</description>\n",
	  "Leave active content out of feeds: plain HTML (text, links, images) only." },
	{ "not-html",
	  "Escaped HTML is parsed as HTML by readers; elements HTML does not define are "
	  "dropped or shown as text, and usually mean a template leaked into the content.",
	  "<description>&lt;foo:widget&gt;...&lt;/foo:widget&gt;</description>\n",
	  "Render the content to plain HTML before putting it in the feed." },
	/* ---- Atom ---- */
	{ "atom-text-type",
	  "Atom text constructs say how to read their content with type; an unknown type "
	  "leaves readers guessing whether to escape or render it.",
	  "<title type=\"text/html\">Hello</title>\n",
	  "Use type=\"text\", \"html\" or \"xhtml\" (media types belong to atom:content)." },
	{ "atom-xhtml-div",
	  "type=\"xhtml\" content is one XHTML div whose children are the content; readers "
	  "strip that div, so without it they strip the wrong thing.",
	  "<content type=\"xhtml\"><p>Hello</p></content>\n",
	  "Wrap it: <content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
	  "<p>Hello</p></div></content>." },
	{ "atom-author",
	  "Atom requires an author for every entry, its own or the feed's, so readers can "
	  "always credit the writer.",
	  "<feed ...><entry><title>Hi</title>...</entry></feed>   (no author anywhere)\n",
	  "Add <author><name>Ann</name></author> to the feed (it applies to every entry) or "
	  "to each entry." },
	{ "atom-content-or-alternate",
	  "An entry without content must link to where the content is; otherwise readers have "
	  "nothing to show or open.",
	  "<entry><id>...</id><title>Hi</title><updated>...</updated></entry>\n",
	  "Add content, or <link rel=\"alternate\" href=\"https://example.com/hi\"/>." },
	{ "atom-summary-required",
	  "When content is elsewhere (src=) or not text (an image, base64), readers need a "
	  "summary to show something readable.",
	  "<entry>...<content src=\"https://example.com/a.mp3\" type=\"audio/mpeg\"/></entry>\n",
	  "Add <summary>What the entry is about</summary>." },
	{ "atom-content-src",
	  "With src, the content lives at that URL; text inside the element as well is "
	  "ambiguous and readers ignore one of the two.",
	  "<content src=\"https://example.com/a.html\" type=\"text/html\">Hello</content>\n",
	  "Leave the element empty when it has src, or drop src and keep the text." },
	{ "atom-duplicate-link",
	  "Two alternate links with the same type and language leave readers to pick one "
	  "at random as the entry's address.",
	  "<link rel=\"alternate\" type=\"text/html\" href=\"https://a.example/1\"/>\n"
	  "<link rel=\"alternate\" type=\"text/html\" href=\"https://b.example/1\"/>\n",
	  "Keep one alternate link per type and hreflang; use another rel for the other." },
	{ "atom-link-rel",
	  "Readers act only on relations they know (alternate, self, enclosure, related, "
	  "via...); an unregistered name does nothing and is often a typo.",
	  "<link rel=\"alternative\" href=\"https://example.com/a\"/>\n",
	  "Use a registered relation, or a full URI for your own: rel=\"alternate\"." },
	{ "atom-duplicate-id",
	  "An entry's id is how readers know they have seen it; two entries with one id are "
	  "merged into one, and one of them is never shown.",
	  "<entry><id>tag:example.com,2024:1</id>...</entry>\n"
	  "<entry><id>tag:example.com,2024:1</id>...</entry>\n",
	  "Give every entry its own id (the same entry, updated, keeps its id)." },
	{ "atom-same-ids",
	  "When every entry has the same id, readers show only one entry of the whole "
	  "feed; the id is being filled from the wrong field.",
	  "<entry><id>https://example.com/</id>... (the same in every entry)\n",
	  "Give each entry its own id, such as its permalink." },
	{ "atom-xhtml-namespace",
	  "XHTML content is read as XHTML only in the XHTML namespace; elements in another "
	  "namespace are not HTML and readers drop them.",
	  "<content type=\"xhtml\"><div><p>Hi</p></div></content>   (no xmlns)\n",
	  "Declare it on the div: <div xmlns=\"http://www.w3.org/1999/xhtml\">." },
	{ "atom-feed-history",
	  "RFC 5005 relations describe what kind of document this is (complete, archive, "
	  "paged); ones that contradict the document make readers fetch or discard the "
	  "wrong pages.",
	  "<fh:complete/> in a feed with <link rel=\"next\" href=\"page2.xml\"/>\n",
	  "Keep the relations consistent: a complete feed has no next or prev-archive "
	  "links." },
	{ "atom-base64",
	  "Content of a non-text, non-XML type is base64; invalid base64 cannot be decoded, "
	  "so the image or file is lost.",
	  "<content type=\"image/png\">not base64!</content>\n",
	  "Base64-encode the bytes, or link to the file with src=." },
	{ "relative-self",
	  "The self link tells readers where the feed lives; relative, with no absolute base, "
	  "it cannot be resolved once the feed is copied or proxied.",
	  "<link rel=\"self\" href=\"feed.xml\"/>\n",
	  "Write the absolute URL: href=\"https://example.com/feed.xml\"." },
	{ "atom-duplicate-updated",
	  "Entries that share an id are versions of one entry; with the same updated time "
	  "readers cannot tell which is newer.",
	  "two entries with <id>tag:example.com,2024:1</id> and the same <updated>\n",
	  "Keep one version, or give the newer one a later updated time." },
	{ "feed-history-rel-in-entry",
	  "current, prev-archive and next-archive link feed documents (RFC 5005); in an "
	  "entry they mean nothing and readers ignore them.",
	  "<entry>...<link rel=\"prev-archive\" href=\"2023.xml\"/></entry>\n",
	  "Put the archive links on the feed, not on entries." },
	{ "atom-link-not-empty",
	  "atom:link is an empty element; text inside it has no meaning and readers drop it, "
	  "so it is usually a URL in the wrong place.",
	  "<link>https://example.com/a</link>\n",
	  "Put the URL in href: <link href=\"https://example.com/a\"/>." },
	{ "archive-missing-current",
	  "An archive document should link the live feed with rel=\"current\", so readers "
	  "landing on an archive can subscribe to the right document.",
	  "<feed ...><fh:archive/>...</feed>   (no rel=\"current\" link)\n",
	  "Add <link rel=\"current\" href=\"https://example.com/feed.xml\"/>." },
	{ "self-not-atom",
	  "The self link of an Atom feed points to the feed itself, so its type is Atom; "
	  "another type means it names a page instead.",
	  "<link rel=\"self\" type=\"text/html\" href=\"https://example.com/\"/>\n",
	  "Point self at the feed (type=\"application/atom+xml\"), and use rel=\"alternate\" "
	  "for the page." },
	/* ---- RSS ---- */
	{ "rss-version",
	  "The version tells readers which RSS they are reading; without it or with an "
	  "unknown one, they guess.",
	  "<rss><channel>...</channel></rss>\n",
	  "Write <rss version=\"2.0\">." },
	{ "rss-item-title-or-description",
	  "An item with neither a title nor a description has nothing to show in a reader.",
	  "<item><link>https://example.com/a</link></item>\n",
	  "Give each item a title, a description, or both." },
	{ "rss-duplicate-guid",
	  "The guid is how readers know an item is new; two items with one guid become one, "
	  "and the other is never shown.",
	  "<item><guid>https://example.com/a</guid>...</item>\n"
	  "<item><guid>https://example.com/a</guid>...</item>\n",
	  "Give every item its own guid." },
	{ "rss-skip-hour",
	  "skipHours lists hours, 0 to 23, when readers need not poll; another value is "
	  "ignored or misread.",
	  "<skipHours><hour>25</hour></skipHours>\n",
	  "Write hours from 0 to 23: <hour>1</hour>." },
	{ "rss-skip-day",
	  "skipDays lists English day names; other spellings are not understood and "
	  "readers keep polling.",
	  "<skipDays><day>sunday</day></skipDays>\n",
	  "Write the day capitalised, in full: <day>Sunday</day>." },
	{ "rss-too-many",
	  "skipHours holds at most 24 hours and skipDays at most 7 days; more means values "
	  "are repeated or wrong.",
	  "<skipDays><day>Monday</day> ... eight day elements</skipDays>\n",
	  "List each hour or day once." },
	{ "rss-image-width",
	  "RSS limits a channel image to 144 pixels wide (88 by default); readers lay out "
	  "space for it from this value.",
	  "<image>...<width>400</width></image>\n",
	  "Use an image at most 144 pixels wide and say so: <width>144</width>." },
	{ "rss-image-height",
	  "RSS limits a channel image to 400 pixels high (31 by default).",
	  "<image>...<height>1000</height></image>\n",
	  "Use an image at most 400 pixels high: <height>400</height>." },
	{ "rss-cloud",
	  "The cloud element tells readers where to register for update notices; a port "
	  "that is not a positive number cannot be connected to.",
	  "<cloud domain=\"rpc.example.com\" port=\"http\" path=\"/RPC2\" "
	  "registerProcedure=\"ping\" protocol=\"xml-rpc\"/>\n",
	  "Write the port number: port=\"80\"." },
	{ "rss-duplicate-semantics",
	  "An RSS element and an extension element that say the same thing (author and "
	  "dc:creator, pubDate and dc:date) can disagree, and readers pick either.",
	  "<item><pubDate>Wed, 01 May 2024 10:00:00 +0000</pubDate>\n"
	  "  <dc:date>2024-05-01T10:00:00Z</dc:date></item>\n",
	  "Keep one of the two, the RSS element." },
	{ "sy-update-period",
	  "sy:updatePeriod tells readers how often to poll; a value other than the five "
	  "words is ignored.",
	  "<sy:updatePeriod>every day</sy:updatePeriod>\n",
	  "Write hourly, daily, weekly, monthly or yearly." },
	{ "rss-permalink",
	  "A guid that is a permalink (the default) must be a URL readers can open; any "
	  "other id must say isPermaLink=\"false\".",
	  "<guid>tag:example.com,2024:post-42</guid>\n",
	  "Write <guid isPermaLink=\"false\">tag:example.com,2024:post-42</guid>, or make "
	  "the guid the post's http(s) URL." },
	{ "rss-textinput-name",
	  "textInput's name is the name of the form field readers submit; it must be a "
	  "valid form control name.",
	  "<textInput>...<name>search box</name>...</textInput>\n",
	  "Use a name without spaces: <name>q</name>." },
	{ "duplicate-enclosure",
	  "Most podcast apps play only the first enclosure of an item; the others are "
	  "never downloaded.",
	  "<item><enclosure url=\"https://example.com/a.mp3\" .../>\n"
	  "  <enclosure url=\"https://example.com/a.ogg\" .../></item>\n",
	  "Give each item one enclosure; put alternatives in separate items or use "
	  "media:group." },
	{ "description-before-content",
	  "Readers that take the first of description and content:encoded expect the short "
	  "description first; the other order shows the summary where the full text "
	  "belongs.",
	  "<item><content:encoded>...</content:encoded><description>...</description></item>\n",
	  "Write description before content:encoded." },
	{ "missing-real-name",
	  "An address alone gives readers nothing to show as the author's name.",
	  "<author>ann@example.com</author>\n",
	  "Add the name in parentheses: <author>ann@example.com (Ann Smith)</author>." },
	{ "email-format",
	  "RSS author fields are \"address (Name)\"; other layouts (Name <address>) are "
	  "misread by readers that follow the spec.",
	  "<managingEditor>Ann Smith &lt;ann@example.com&gt;</managingEditor>\n",
	  "Write <managingEditor>ann@example.com (Ann Smith)</managingEditor>." },
	{ "skiphours-24",
	  "skipHours counts 0 to 23; 24 is a common way of meaning midnight that readers do "
	  "not understand.",
	  "<skipHours><hour>24</hour></skipHours>\n",
	  "Write midnight as <hour>0</hour>." },
	/* ---- extensions ---- */
	{ "extension-value",
	  "An extension element's value has the form its specification gives; another "
	  "value is ignored by the services that read the extension.",
	  "<itunes:episodeType>extra</itunes:episodeType>\n",
	  "Write one of the values the extension's specification lists (here full, "
	  "trailer or bonus)." },
	{ "integer-list",
	  "The value is a comma-separated list of whole numbers; anything else cannot be "
	  "read as the list.",
	  "<slash:hit_parade>1; 2; 3</slash:hit_parade>\n",
	  "Separate numbers with commas: 1,2,3." },
	{ "latitude",
	  "A latitude is a number from -90 to 90; a value outside or with letters puts the "
	  "item nowhere on the map.",
	  "<geo:lat>95.2</geo:lat>\n",
	  "Write decimal degrees, north positive: <geo:lat>45.2</geo:lat>." },
	{ "longitude",
	  "A longitude is a number from -180 to 180; others cannot be placed on a map.",
	  "<geo:long>200</geo:long>\n",
	  "Write decimal degrees, east positive: <geo:long>-160</geo:long>." },
	{ "itunes-category",
	  "Apple Podcasts files shows only under its own category names; others are "
	  "ignored, so the podcast is not found where it should be.",
	  "<itunes:category text=\"Tech\"/>\n",
	  "Use a name from Apple's list: <itunes:category text=\"Technology\"/>." },
	{ "itunes-category-obsolete",
	  "Apple has retired the category; podcasts filed under it end up uncategorised.",
	  "<itunes:category text=\"Gadgets\"/>   (retired)\n",
	  "Pick a current category from Apple's list." },
	{ "npt-time",
	  "Media RSS start and end times are Normal Play Time (seconds, or h:mm:ss); other "
	  "forms cannot be used to seek.",
	  "<media:text start=\"1 min\">...</media:text>\n",
	  "Write start=\"00:01:00.000\" or start=\"60\"." },
	{ "media-scheme",
	  "A Media RSS scheme identifies the vocabulary of a value; it must be an absolute "
	  "URI to be recognised.",
	  "<media:category scheme=\"genres\">music</media:category>\n",
	  "Use an absolute URI: scheme=\"http://search.yahoo.com/mrss/category_schema\"." },
	{ "media-credit-role",
	  "Credit roles are matched as lower-case words from a list; \"Director\" is not "
	  "\"director\" to a reader.",
	  "<media:credit role=\"Director\">Ann</media:credit>\n",
	  "Write the role in lower case: role=\"director\"." },
	{ "gbase-label",
	  "A Google Base label element holds one label; commas or padding make it one odd "
	  "label instead of several.",
	  "<g:label>red, blue</g:label>\n",
	  "Write one element for each label: <g:label>red</g:label><g:label>blue</g:label>." },
	{ "gbase-rating",
	  "A rating is a number from 1 to 5; others cannot be shown as stars.",
	  "<g:rating>10</g:rating>\n",
	  "Write 1 to 5: <g:rating>4</g:rating>." },
	{ "gbase-year",
	  "A year is four digits; other forms cannot be compared.",
	  "<g:year>'99</g:year>\n",
	  "Write <g:year>1999</g:year>." },
	{ "gbase-price",
	  "A price is a number, optionally with a currency; text around it cannot be read "
	  "as an amount.",
	  "<g:price>about 10 dollars</g:price>\n",
	  "Write <g:price>10.00 USD</g:price>." },
	{ "opensearch-role",
	  "An OpenSearch Query role says what the query is for; clients only act on the "
	  "roles the spec names.",
	  "<opensearch:Query role=\"search\" searchTerms=\"cat\"/>\n",
	  "Use request, example, related, correction, subset or superset (or prefix:name "
	  "for your own)." },
	{ "meta-robots",
	  "Robots directives tell aggregators what they may index and follow; a list that "
	  "contradicts itself (index and noindex) or holds unknown words is ignored.",
	  "<xhtml:meta name=\"robots\" content=\"index, noindex\"/>\n",
	  "Use known directives, each once: content=\"noindex, nofollow\"." },
	/* ---- other formats ---- */
	{ "atom03-obsolete",
	  "Atom 0.3 was a draft replaced by Atom 1.0 (RFC 4287) in 2005; readers support it "
	  "less and less.",
	  "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\">\n",
	  "Write Atom 1.0: <feed xmlns=\"http://www.w3.org/2005/Atom\"> with its element "
	  "names (updated, not modified)." },
	{ "rss091-language",
	  "RSS 0.91 makes the channel's language required; readers of that version expect "
	  "it.",
	  "<rss version=\"0.91\"><channel><title>Blog</title>...</channel></rss>\n",
	  "Add <language>en</language> to the channel, or move to RSS 2.0." },
	{ "rdf-about",
	  "In RSS 1.0 (RDF) every channel, item, image and textinput is named by "
	  "rdf:about; without it the RDF graph cannot link them.",
	  "<item><title>Hi</title><link>https://example.com/a</link></item>\n",
	  "Add the URI: <item rdf:about=\"https://example.com/a\">." },
	{ "rdf-resource",
	  "RSS 1.0 refers from the channel to its image, items and textinput with "
	  "rdf:resource; without it the reference points nowhere.",
	  "<channel ...><image/></channel>\n",
	  "Write <image rdf:resource=\"https://example.com/logo.png\"/>." },
	{ "no-namespace",
	  "In an RDF feed every element must be in a namespace; one in none cannot be "
	  "identified and is dropped.",
	  "<rdf:RDF ...><channel>...</channel><foo>bar</foo></rdf:RDF>\n",
	  "Put the element in the RSS 1.0 namespace or in its extension's namespace." },
	{ "opml-version",
	  "The version tells readers which OPML rules apply; an OPML file without a known "
	  "version may be refused by an importer.",
	  "<opml><head/><body>...</body></opml>\n",
	  "Write <opml version=\"2.0\">." },
	{ "opml-obsolete",
	  "<outlineDocument> is the name OPML had before 1.0; today's importers do not know "
	  "it.",
	  "<outlineDocument><head/>...</outlineDocument>\n",
	  "Rename it <opml version=\"2.0\">." },
	{ "opml-text",
	  "The text attribute is what an outliner or reader shows for an outline; without "
	  "it the outline is a blank line. OPML 2.0 requires it (an error), 1.x expects it "
	  "(a warning).",
	  "<outline type=\"rss\" xmlUrl=\"https://example.com/feed.xml\"/>\n",
	  "Add text: <outline text=\"Example blog\" type=\"rss\" xmlUrl=\"...\"/>." },
	{ "opml-xmlurl",
	  "An outline of type rss is a subscription; xmlUrl is the feed's address, so "
	  "without it (or with a non-http one) there is nothing to subscribe to.",
	  "<outline text=\"Blog\" type=\"rss\" htmlUrl=\"https://example.com/\"/>\n",
	  "Add xmlUrl=\"https://example.com/feed.xml\"." },
	{ "opml-url",
	  "Outlines of type link or include point somewhere with url; without an http url "
	  "the reader has nothing to open or include.",
	  "<outline text=\"More\" type=\"include\"/>\n",
	  "Add url=\"https://example.com/more.opml\"." },
	{ "opml-title",
	  "Readers show the title of a subscription; without it they fall back to text or "
	  "to the URL.",
	  "<outline text=\"blog\" type=\"rss\" xmlUrl=\"https://example.com/feed.xml\"/>\n",
	  "Add title=\"Example blog\"." },
	{ "opml-expansion-state",
	  "expansionState lists the line numbers of open outlines; another value cannot be "
	  "applied.",
	  "<expansionState>1-3</expansionState>\n",
	  "Write numbers separated by commas: <expansionState>1,2,3</expansionState>." },
	{ "opml-number",
	  "Window positions and sizes in an OPML head are numbers; others are ignored.",
	  "<windowTop>top</windowTop>\n",
	  "Write a number: <windowTop>61</windowTop>." },
	{ "opml-true-false",
	  "isComment and isBreakpoint are true or false; other values are read as either.",
	  "<outline text=\"x\" isComment=\"yes\"/>\n",
	  "Write isComment=\"true\"." },
	{ "itunes-explicit",
	  "Apple now reads only true or false; yes, no and clean are no longer understood, "
	  "and a podcast may be marked wrongly.",
	  "<itunes:explicit>no</itunes:explicit>\n",
	  "Write <itunes:explicit>false</itunes:explicit> (or true)." },
	{ "namespace-near-miss",
	  "Namespaces are compared character by character: a near miss (https for http, a "
	  "missing slash) makes a different namespace, and readers ignore every element "
	  "in it.",
	  "xmlns:dc=\"https://purl.org/dc/elements/1.1/\"\n",
	  "Copy the namespace exactly: xmlns:dc=\"http://purl.org/dc/elements/1.1/\"." },
	{ "missing-atom-self-link",
	  "The self link tells readers and hubs the feed's own URL, so subscriptions "
	  "survive redirects and copies.",
	  "<rss version=\"2.0\"><channel><title>Blog</title>...   (no atom:link)\n",
	  "Add <atom:link href=\"https://example.com/feed.xml\" rel=\"self\" "
	  "type=\"application/rss+xml\"/> with xmlns:atom=\"http://www.w3.org/2005/Atom\"." },
	{ "missing-guid",
	  "Without a guid readers tell items apart by title or link, so an edited title "
	  "shows the item again as new.",
	  "<item><title>Hi</title><link>https://example.com/hi</link></item>\n",
	  "Add <guid>https://example.com/hi</guid> (a permanent id)." },
	{ "image-title-mismatch",
	  "Readers use the image's title as its alt text next to the channel; RSS says it "
	  "should be the channel's title.",
	  "<channel><title>Blog</title>...<image><title>Logo</title>...</image>\n",
	  "Give the image the channel's title: <title>Blog</title>." },
	{ "image-link-mismatch",
	  "The image links to the site; RSS says this should be the channel's link, so a "
	  "click goes where the channel does.",
	  "<channel><link>https://example.com/</link>...<image><link>https://cdn.example/"
	  "</link>\n",
	  "Write the channel's link in the image: <link>https://example.com/</link>." },
	{ "podcast-guid",
	  "podcast:guid identifies a show across hosts forever; it must be a UUID, version 5, "
	  "derived from the feed URL, so every app computes the same one.",
	  "<podcast:guid>my-show</podcast:guid>\n",
	  "Use the version 5 UUID of the feed URL (namespace "
	  "ead4c236-bf58-58c6-a2c6-a6b28d128cb6)." },
	{ "obscure-encoding",
	  "Readers must decode UTF-8 and UTF-16; other encodings are hit and miss, and the "
	  "text may come out garbled.",
	  "<?xml version=\"1.0\" encoding=\"x-mac-roman\"?>\n",
	  "Save the feed as UTF-8 and say encoding=\"utf-8\"." },
	{ "currency",
	  "A currency is an ISO 4217 code; names or symbols cannot be converted or "
	  "compared.",
	  "<media:price price=\"9.99\" currency=\"$\"/>\n",
	  "Write the code: currency=\"USD\"." },
	{ "media-group-alternatives",
	  "media:group holds versions of one thing (sizes, formats) for the reader to "
	  "choose from; with one media:content there is no choice.",
	  "<media:group><media:content url=\"https://example.com/a.mp4\"/></media:group>\n",
	  "Drop the group around a single media:content, or add the alternatives." },
	{ "extension-deprecated",
	  "The extension's own specification has deprecated the element; readers are "
	  "dropping it.",
	  "<media:adult>true</media:adult>\n",
	  "Use the replacement: <media:rating scheme=\"urn:simple\">adult</media:rating>." },
	{ "wfw-comment-rss",
	  "The Comment API's element is wfw:commentRss; other spellings (commentRSS) are "
	  "different names and readers do not find the comments feed.",
	  "<wfw:commentRSS>https://example.com/a/comments.xml</wfw:commentRSS>\n",
	  "Write <wfw:commentRss>." },
	{ "georss-coordinates",
	  "GeoRSS coordinates are pairs of numbers, latitude first; a wrong count or text "
	  "cannot be plotted.",
	  "<georss:point>45.2</georss:point>\n",
	  "Write latitude and longitude: <georss:point>45.256 -71.92</georss:point>." },
	{ "georss-comma",
	  "GeoRSS separates numbers with white space; readers that follow it read \"45,-71\" "
	  "as one number.",
	  "<georss:point>45.256,-71.92</georss:point>\n",
	  "Separate with a space: <georss:point>45.256 -71.92</georss:point>." },
	{ "media-rss-namespace",
	  "Media RSS's namespace ends in a slash; without it the namespace is another one "
	  "and no reader sees the media.",
	  "xmlns:media=\"http://search.yahoo.com/mrss\"\n",
	  "Write xmlns:media=\"http://search.yahoo.com/mrss/\"." },
	{ "missing-self",
	  "RFC 4287 asks each feed to name its own URL with rel=\"self\"; readers and hubs "
	  "use it to keep the subscription right.",
	  "<feed xmlns=\"http://www.w3.org/2005/Atom\">...   (no rel=\"self\" link)\n",
	  "Add <link rel=\"self\" href=\"https://example.com/feed.xml\"/>." },
	/* ---- JSON Feed ---- */
	{ "json-syntax",
	  "A JSON text that does not parse is lost whole: readers get no items at all.",
	  "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Blog\",}\n",
	  "Fix the syntax at the line and column given (here the comma before })." },
	{ "json-encoding",
	  "JSON exchanged between systems is UTF-8 (RFC 8259); readers do not decode other "
	  "encodings.",
	  "a feed.json saved as UTF-16 or Latin-1\n",
	  "Save the file as UTF-8." },
	{ "json-bom",
	  "RFC 8259 forbids a byte order mark in JSON text; some parsers fail on it.",
	  "EF BB BF {\"version\": ...\n",
	  "Save the file as UTF-8 without a BOM." },
	{ "json-duplicate-member",
	  "A member name twice in one object leaves readers to keep either value.",
	  "{\"title\": \"Blog\", \"title\": \"My blog\", ...}\n",
	  "Keep one of the two members." },
	{ "json-version",
	  "The version URL is how readers recognise a JSON Feed; another value means the "
	  "document is not one.",
	  "{\"version\": \"1.1\", ...}\n",
	  "Write \"version\": \"https://jsonfeed.org/version/1.1\"." },
	{ "json-version-unknown",
	  "A version this validator does not know is checked as 1.1; readers that know only "
	  "1 and 1.1 may read it differently.",
	  "{\"version\": \"https://jsonfeed.org/version/2\", ...}\n",
	  "Use https://jsonfeed.org/version/1.1 unless you need the newer version." },
	{ "json-missing-member",
	  "version, title and items on the feed, id on an item, url and mime_type on an "
	  "attachment are required; readers need them.",
	  "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}\n",
	  "Add the member the message names: \"title\": \"Blog\"." },
	{ "json-type",
	  "Each member has one JSON type; a number where a string is expected (or an "
	  "object where an array is) is not read.",
	  "\"items\": {\"id\": \"1\"}\n",
	  "Write the type the spec gives: \"items\": [{\"id\": \"1\", ...}]." },
	{ "json-empty-array",
	  "An empty authors or hubs array says nothing and some readers treat it as an "
	  "error; the spec asks for one or more.",
	  "\"authors\": []\n",
	  "Leave the member out, or list at least one." },
	{ "json-nul",
	  "Many readers cut a string at U+0000, so the rest of the text is lost.",
	  "\"content_text\": \"Hello\\u0000world\"\n",
	  "Remove the NUL character." },
	{ "json-id-not-string",
	  "JSON Feed 1.1 says an item's id is a string; numbers are coerced by readers, and "
	  "1 and 1.0 may become different ids.",
	  "{\"id\": 42, ...}\n",
	  "Write \"id\": \"42\"." },
	{ "json-id-blank",
	  "Readers must discard an item whose id is empty, so the item is never shown.",
	  "{\"id\": \"\", \"content_text\": \"Hi\"}\n",
	  "Give the item a unique, non-empty id, such as its URL." },
	{ "json-duplicate-id",
	  "The id is how readers know an item; two items with one id are one item, and one "
	  "of them is dropped.",
	  "{\"id\": \"1\", ...}, {\"id\": \"1\", ...}\n",
	  "Give every item its own id." },
	{ "json-content",
	  "An item must have content_html or content_text (or both); without either, "
	  "readers have nothing to show.",
	  "{\"id\": \"1\", \"title\": \"Hi\"}\n",
	  "Add \"content_html\": \"<p>Hi</p>\" or \"content_text\": \"Hi\"." },
	{ "json-url",
	  "URLs in a JSON Feed must be absolute; readers have no base to resolve a relative "
	  "one against.",
	  "\"url\": \"/2024/05/hello\"\n",
	  "Write \"url\": \"https://example.com/2024/05/hello\"." },
	{ "json-date",
	  "Dates in JSON Feed are RFC 3339 (1.1) or ISO 8601 (1); readers sort by them and "
	  "drop what they cannot parse.",
	  "\"date_published\": \"May 1, 2024\"\n",
	  "Write \"date_published\": \"2024-05-01T10:00:00Z\"." },
	{ "json-number",
	  "size_in_bytes and duration_in_seconds are numbers from 0 up; a negative one "
	  "cannot be a size or a length.",
	  "\"size_in_bytes\": -1\n",
	  "Write the size, or leave the member out when it is unknown: "
	  "\"size_in_bytes\": 12582912." },
	{ "json-author-empty",
	  "An author object with none of name, url and avatar says nothing about the "
	  "author.",
	  "\"authors\": [{}]\n",
	  "Add at least a name: \"authors\": [{\"name\": \"Ann\"}]." },
	{ "json-author-deprecated",
	  "JSON Feed 1.1 replaced author with authors; newer readers look only at authors.",
	  "\"author\": {\"name\": \"Ann\"}\n",
	  "Write \"authors\": [{\"name\": \"Ann\"}] (keep author too for 1.0 readers)." },
	{ "json-next-url",
	  "next_url points to the next page of the feed; pointing it at the feed itself "
	  "sends readers into a loop.",
	  "\"feed_url\": \"https://example.com/feed.json\",\n"
	  "\"next_url\": \"https://example.com/feed.json\"\n",
	  "Point next_url at the next page, or leave it out." },
	{ "json-unknown-member",
	  "Members the spec does not define are ignored; your own data belongs in an "
	  "extension, whose name starts with _.",
	  "{\"id\": \"1\", \"summery\": \"...\"}\n",
	  "Fix the name (summary), or name an extension \"_example\"." },
	{ "json-extension-name",
	  "An extension's name is _ and a letter, without dots, so readers can tell it "
	  "from the spec's members.",
	  "\"_.blog\": {...}\n",
	  "Write \"_blog\": {...}." },
	/* ---- W3C warning classes, rounds D and E (issue 14) ---- */
	{ "reserved-prefix",
	  "A prefix such as dc:, itunes: or atom: has meant one namespace for so long that "
	  "readers which match elements by prefix, not by namespace URI, take it for that "
	  "namespace. Bound to another URI (or a near miss of the right one), the elements "
	  "are misread by those readers and ignored by the careful ones.",
	  "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/terms/\">\n",
	  "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	  "xmlns:dcterms=\"http://purl.org/dc/terms/\"> (or the exact URI the prefix "
	  "usually names)" },
	{ "avoid-namespace-prefix",
	  "Namespaces in XML allow atom:entry or xhtml:div, but many feed readers look for "
	  "the plain names and skip prefixed Atom or XHTML elements, so entries or their "
	  "markup go missing.",
	  "<h:div xmlns:h=\"http://www.w3.org/1999/xhtml\"><h:p>Hello</h:p></h:div>\n",
	  "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hello</p></div>" },
	{ "itunes-not-utf8",
	  "Apple Podcasts asks for UTF-8 and does not promise to read other encodings, so a "
	  "podcast feed in ISO-8859-1 or Windows-1252 may show broken titles or be refused.",
	  "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
	  "... <itunes:author>Someone</itunes:author>\n",
	  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>, with the file saved as UTF-8" },
	{ "rss-extension-attribute",
	  "RSS 2.0 allowed namespaced elements from the start but namespaced attributes on "
	  "its own elements only since the RSS Advisory Board's 2.0.9 (the copy at Harvard "
	  "says nothing of them); readers written to the older text may drop or choke on "
	  "them. A channel whose <docs> names the Board's specification is not warned.",
	  "<enclosure dc:format=\"audio\" url=\"https://example.org/a.mp3\"\n"
	  "           length=\"1234\" type=\"audio/mpeg\"/>\n",
	  "put the information in an element of its namespace (<dc:format>audio</dc:format> "
	  "in the item), or name the specification you follow: "
	  "<docs>https://www.rssboard.org/rss-specification</docs>" },
	{ "missing-textual-content",
	  "An entry with neither content nor summary gives readers nothing but a title to "
	  "show, and full-text indexers nothing to index; RFC 4287 §4.1.1.1 advises a "
	  "summary when there is no content.",
	  "<entry><title>Post</title><link href=\"https://example.org/post\"/>\n"
	  "  <id>tag:example.org,2024:post</id>\n"
	  "  <updated>2024-05-01T10:00:00Z</updated></entry>\n",
	  "add <summary>One or two sentences</summary> or <content "
	  "type=\"html\">...</content>" },
	{ "non-canonical-id",
	  "Readers compare atom:id character by character (RFC 4287 §4.2.6.1), so "
	  "HTTP://Example.org and http://example.org/ are two different entries; writing "
	  "ids in normal form keeps the same entry the same wherever it is syndicated.",
	  "<id>HTTP://Example.ORG:80</id>\n",
	  "<id>http://example.org/</id> (for new ids; never change ids already published or "
	  "taken from another feed)" },
	{ "same-document-reference",
	  "A relative link such as href=\".\" that resolves to the xml:base itself is a "
	  "\"same-document\" reference (RFC 3986 §4.4); some readers take it as the feed, "
	  "others as the page the base names.",
	  "<link href=\".\" xml:base=\"https://example.org/blog/\"/>\n",
	  "<link href=\"https://example.org/blog/\"/>, or an xml:base that names the feed "
	  "document (xml:base=\"https://example.org/blog/feed.atom\")" },
	{ "avoid-textinput",
	  "Most feed readers ignore <textInput> (RSS 2.0.11 itself calls its purpose "
	  "\"something of a mystery\"), so a search box or feedback form put there reaches "
	  "almost nobody.",
	  "<channel>...<textInput><title>Search</title>\n"
	  "  <description>Search the site</description><name>q</name>\n"
	  "  <link>https://example.org/search</link></textInput></channel>\n",
	  "Drop <textInput> and link to the search page or form from the site, or from the "
	  "channel's description." },
	{ "itunes-missing-element",
	  "A feed that declares the iTunes namespace is read as a podcast, and Apple "
	  "Podcasts asks every podcast channel for <language>, <itunes:category> and "
	  "<itunes:explicit>; without them the show may be refused or badly listed.",
	  "<rss version=\"2.0\"\n"
	  "     xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">\n"
	  "<channel><title>A podcast</title>...<itunes:category text=\"Arts\"/>\n"
	  "</channel></rss>\n",
	  "<channel>...<language>en</language><itunes:category "
	  "text=\"Arts\"/><itunes:explicit>false</itunes:explicit></channel>" },
	{ "itunes-keywords",
	  "Apple's podcast specification reads itunes:keywords as a list separated by "
	  "commas; words separated only by spaces become one long keyword nobody searches "
	  "for.",
	  "<itunes:keywords>books technology reading</itunes:keywords>\n",
	  "<itunes:keywords>books, technology, reading</itunes:keywords>" },
	{ "itunes-owner-email",
	  "Apple uses the address in itunes:owner's itunes:email to reach the podcast's "
	  "owner (to verify the show, to tell of problems); an owner without one cannot be "
	  "contacted.",
	  "<itunes:owner><itunes:name>Someone</itunes:name></itunes:owner>\n",
	  "<itunes:owner><itunes:name>Someone</itunes:name><itunes:email>someone@example.org</itunes:email></itunes:owner>" },
	{ "itunes-image-format",
	  "Apple Podcasts takes cover art only as JPEG or PNG \"with appropriate file "
	  "extensions (.jpg, .png)\"; other images are not shown.",
	  "<itunes:image href=\"https://example.org/art.gif\"/>\n",
	  "<itunes:image href=\"https://example.org/art.jpg\"/> (a JPEG or PNG file, named "
	  "so)" },
	{ "itunes-enclosure-format",
	  "Apple Podcasts plays episodes in M4A, MP3, MOV, MP4, M4V, PDF and EPUB files "
	  "only; an episode whose enclosure names another type (.wav, .ogg, ...) is not "
	  "offered to listeners there.",
	  "<item><itunes:duration>12:34</itunes:duration>\n"
	  "  <enclosure url=\"https://example.org/ep1.wav\" length=\"1234\"\n"
	  "             type=\"audio/wav\"/></item>\n",
	  "<enclosure url=\"https://example.org/ep1.mp3\" length=\"1234\" "
	  "type=\"audio/mpeg\"/>" },
	{ "slash-comments-lastbuilddate",
	  "slash:comments gives a comment count but the Slash module has no element for "
	  "when it was counted; the RSS Best Practices Profile asks for the channel's "
	  "lastBuildDate so readers know how current the counts are.",
	  "<channel>...<item>...<slash:comments>3</slash:comments></item></channel>\n"
	  "(no <lastBuildDate>)\n",
	  "<channel>...<lastBuildDate>Wed, 01 May 2024 10:00:00 "
	  "+0800</lastBuildDate>...</channel>" },
	{ "wiki-namespace-obsolete",
	  "The wiki module (ModWiki) left its old namespace "
	  "http://purl.org/rss/1.0/modules/wiki/, which no longer resolves; readers that "
	  "know the module look for http://www.usemod.com/cgi-bin/mb.pl?ModWiki, so wiki: "
	  "elements in the old one go unread.",
	  "<rss version=\"2.0\" xmlns:wiki=\"http://purl.org/rss/1.0/modules/wiki/\">\n",
	  "<rss version=\"2.0\" xmlns:wiki=\"http://www.usemod.com/cgi-bin/mb.pl?ModWiki\">" },
	{ "opml-outline-type-missing",
	  "An OPML subscription list says an outline is a feed with type=\"rss\" (OPML 2.0 "
	  "§Subscription lists: \"Required attributes: type, text, xmlUrl\"); readers that "
	  "go by the type skip an outline without it, so the subscription is lost on "
	  "import.",
	  "<outline text=\"A feed\" xmlUrl=\"https://example.org/feed.xml\"/>\n",
	  "<outline text=\"A feed\" type=\"rss\" xmlUrl=\"https://example.org/feed.xml\"/>" },
	{ "opml-outline-type",
	  "Readers of OPML know outlines of type rss (a feed), link and include; an outline "
	  "of another type is shown as plain text or skipped, so what it points to is lost.",
	  "<outline text=\"A page\" type=\"html\" url=\"https://example.org/page.html\"/>\n",
	  "<outline text=\"A page\" type=\"link\" url=\"https://example.org/page.html\"/>" },
	{ "duplicate-description",
	  "When an item has both description and dc:description, readers pick one or the "
	  "other (some the first, some the namespaced one), so subscribers see different "
	  "text for the same item.",
	  "<item><description>A summary</description>\n"
	  "  <dc:description>Another summary</dc:description></item>\n",
	  "<item><description>A summary</description></item> (one description, in RSS's own "
	  "element)" },
	{ "misplaced-item",
	  "The RSS Best Practices Profile asks for every item after the channel's other "
	  "elements, so a reader that handles items as it streams the feed already knows the "
	  "channel's own data (its language, image, self link) when it meets them.",
	  "<channel><title>T</title>...<item>...</item>\n"
	  "  <language>en</language></channel>\n",
	  "Move <language> (and every other channel element) above the first <item>." },
	/* branch warnF: W3C warning classes, round F */
	{ "bad-characters",
	  "XML 1.0 §2.2 asks authors to avoid the C1 control characters (U+007F-U+009F but "
	  "U+0085) and the noncharacters. In a feed they are nearly always text written in "
	  "Windows-1252 and read as Latin-1: its curly quotes, dashes and ellipsis become "
	  "invisible controls, and readers show boxes or nothing.",
	  "<title>It&#x92;s here</title>  (U+0092, where Windows-1252 meant a right quote)\n",
	  "Decode the text as Windows-1252 (or the encoding it was written in), so that "
	  "U+0092 becomes U+2019; or write the character as &#x2019;." },
	{ "name-contains-email",
	  "RFC 4287 gives a person's name and e-mail address elements of their own "
	  "(§3.2.1 atom:name, §3.2.3 atom:email); an address inside the name is shown as "
	  "part of the name and no reader finds it as an address.",
	  "<author><name>Jo Bloggs &lt;jo@example.org&gt;</name></author>\n",
	  "<author><name>Jo Bloggs</name><email>jo@example.org</email></author>" },
	{ "attribute-blank",
	  "An optional attribute that labels or names something (atom:link title, "
	  "atom:category label, RSS category domain) says nothing when it is empty, and "
	  "readers that show it show an empty label.",
	  "<category domain=\"\">Books</category>\n",
	  "Leave the attribute out: <category>Books</category>, or give it a value." },
	{ "content-src-no-type",
	  "RFC 4287 §4.1.3.1: when atom:content points elsewhere with src, \"the type "
	  "attribute SHOULD be provided\"; without it a reader cannot tell whether it can "
	  "show the content before fetching it.",
	  "<content src=\"https://example.org/a.mp3\"/>\n",
	  "<content src=\"https://example.org/a.mp3\" type=\"audio/mpeg\"/>" },
	{ "html-fragment",
	  "type=\"text/html\" on atom:content names a whole HTML document (RFC 2854; HTML "
	  "§13.1: a DOCTYPE, then the html element); escaped HTML that is only a fragment is "
	  "type=\"html\" (RFC 4287 §4.1.3.1), which readers show inline.",
	  "<content type=\"text/html\">&lt;p&gt;Hello&lt;/p&gt;</content>\n",
	  "<content type=\"html\">&lt;p&gt;Hello&lt;/p&gt;</content>" },
	{ "media-type-param-undefined",
	  "A media type's registration lists the parameters it takes: application/atom+xml "
	  "charset (RFC 4287 §7) and type (RFC 5023 §12), application/xml, text/xml and "
	  "text/html charset. Another parameter means nothing to readers, and is often a "
	  "typo of one that does.",
	  "<link rel=\"self\" type=\"application/atom+xml; version=1.0\" href=\"...\"/>\n",
	  "<link rel=\"self\" type=\"application/atom+xml\" href=\"...\"/>" },
	{ "media-adult-value",
	  "Media RSS's media:adult (deprecated in 1.5.0) is true or false; another value is "
	  "read by some readers as adult content and by others as not.",
	  "<media:adult>yes</media:adult>\n",
	  "<media:rating scheme=\"urn:simple\">adult</media:rating> (media:adult's "
	  "replacement), or <media:adult>true</media:adult>" },
	/* realpod */
	{ "podcast-not-formalized",
	  "Podcasting 2.0 adds tags in phases; hosts write proposed tags and attributes "
	  "(podcast:social, podcast:id, platform= on podcast:funding) before they are "
	  "formalized, and apps that follow the specification ignore them. It is a warning: "
	  "the feed is valid, but the element may be a typo of a formalized tag, or change "
	  "before it is adopted.",
	  "<podcast:funding url=\"https://liberapay.com/show\" platform=\"liberapay\">Support "
	  "us</podcast:funding>\n",
	  "Use the formalized tags and attributes of docs/tags (here: drop platform=), or "
	  "keep the proposal knowing apps may ignore it." },
	/* branch harden */
	{ "json-too-large",
	  "A JSON Feed is parsed whole, and the parser keeps about twenty times the text's "
	  "size, so a JSON text past 32 MiB is not checked: memory stays bounded whatever "
	  "a document (or a server) sends. Real JSON Feeds are a few MB; readers fetch the "
	  "whole file on every poll.",
	  "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [ ...2 million items... ]}\n",
	  "Keep the newest items only (feed.posts_limit), or link older items with "
	  "next_url." },
};

const size_t ruledoc_validator_count = sizeof ruledoc_validator / sizeof ruledoc_validator[0];
