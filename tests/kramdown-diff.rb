# kramdown-diff.rb: the reference side of tests/kramdown-diff.sh.
#
#   ruby kramdown-diff.rb [-v] MDDIR CANDDIR
#
# Renders every MDDIR/NAME.md with kramdown as Jekyll 4.3 calls it (GFM input
# and the options of Jekyll's Configuration::DEFAULTS, rouge highlighting) and
# compares it with CANDDIR/NAME.html, feedgen's rendering of the same file.
# One line a file: "exact NAME" (the same bytes, trailing white space aside),
# "same NAME" (the same HTML as a reader sees it, see normalize), or
# "differs NAME" (with -v, both normalized forms follow). Last line:
# "agree N/M exact K/M".
require 'kramdown'
require 'kramdown-parser-gfm'

# Jekyll 4.3's lib/jekyll/configuration.rb DEFAULTS["kramdown"], plus what
# lib/jekyll/converters/markdown/kramdown_parser.rb#setup adds.
OPTIONS = {
  input: 'GFM', auto_ids: true, toc_levels: (1..6).to_a, entity_output: 'as_char',
  smart_quotes: 'lsquo,rsquo,ldquo,rdquo', hard_wrap: false, guess_lang: true,
  footnote_nr: 1, show_warnings: false, syntax_highlighter: 'rouge',
  syntax_highlighter_opts: { default_lang: 'plaintext', guess_lang: true }
}.freeze

BLOCK = %w[p div ul ol li h1 h2 h3 h4 h5 h6 table thead tbody tfoot tr td th
           blockquote pre dl dt dd hr figure figcaption iframe section article
           header footer aside nav details summary br].freeze

ENTITIES = { 'amp' => '&', 'lt' => '<', 'gt' => '>', 'quot' => '"', 'apos' => "'",
             'nbsp' => ' ', 'hellip' => '…', 'ndash' => '–', 'mdash' => '—',
             'laquo' => '«', 'raquo' => '»', 'lsquo' => '‘', 'rsquo' => '’',
             'ldquo' => '“', 'rdquo' => '”', 'copy' => '©' }.freeze

def decode(s)
  s.gsub(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);/) do
    e = Regexp.last_match(1)
    if e.start_with?('#x', '#X') then [e[2..].to_i(16)].pack('U')
    elsif e.start_with?('#') then [e[1..].to_i].pack('U')
    else ENTITIES.fetch(e, "&#{e};")
    end
  end.tr("\u00a0", ' ')
end

# The HTML a reader sees: rouge's colouring spans (feedgen has no highlighter)
# and comments dropped; attributes sorted (and the words of a class), values and text with entities
# decoded; runs of white space one space outside <pre>; white space next to
# a block tag dropped; "<br />" is "<br>".
def normalize(html)
  html = html.gsub(%r{<pre class="highlight">.*?</pre>}m) do |pre|
    pre.gsub(%r{</?span[^>]*>}, '')
  end
  out = []
  in_pre = 0
  html.scan(/<!--.*?-->|<[^>]*>|[^<]+|</m) do |tok|
    next if tok.start_with?('<!--')
    if tok =~ %r{\A<(/?)([a-zA-Z][a-zA-Z0-9:-]*)(.*?)/?>\z}m
      close, name, rest = Regexp.last_match(1), Regexp.last_match(2).downcase, Regexp.last_match(3)
      attrs = rest.scan(/([^\s="'\/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/).map do |k, a, b, c|
        v = decode(a || b || c || '')
        v = v.split.sort.join(' ') if k.downcase == 'class'
        "#{k.downcase}=\"#{v}\""
      end.sort
      in_pre += close.empty? ? 1 : -1 if name == 'pre'
      out << [:tag, name, "<#{close}#{([name] + attrs).join(' ')}>"]
    else
      text = decode(tok)
      text = text.gsub(/\s+/, ' ') if in_pre.zero?
      out << [:text, nil, text]
    end
  end
  s = +''
  out.each_with_index do |(kind, name, str), i|
    if kind == :text && in_pre_text?(out, i)
      s << str
      next
    end
    if kind == :text
      str = str.lstrip if i.positive? && block_tag?(out[i - 1])
      str = str.rstrip if out[i + 1] && block_tag?(out[i + 1])
    end
    s << str
  end
  s.strip
end

def block_tag?(tok)
  tok[0] == :tag && BLOCK.include?(tok[1])
end

def in_pre_text?(out, i)
  depth = 0
  out[0...i].each do |kind, name, str|
    next unless kind == :tag && name == 'pre'
    depth += str.start_with?('</') ? -1 : 1
  end
  depth.positive?
end

verbose = ARGV.delete('-v')
mddir, canddir = ARGV
abort 'usage: kramdown-diff.rb [-v] MDDIR CANDDIR' unless mddir && canddir
agree = exact = total = 0
Dir.glob(File.join(mddir, '*.md')).sort.each do |md|
  name = File.basename(md, '.md')
  cand_path = File.join(canddir, "#{name}.html")
  total += 1
  ref = Kramdown::Document.new(File.read(md, encoding: 'UTF-8'), OPTIONS.dup).to_html
  cand = File.exist?(cand_path) ? File.read(cand_path, encoding: 'UTF-8') : ''
  if ref.rstrip == cand.rstrip
    exact += 1
    agree += 1
    puts "exact #{name}"
  elsif normalize(ref) == normalize(cand)
    agree += 1
    puts "same #{name}"
  else
    puts "differs #{name}"
    if verbose
      puts "  kramdown: #{normalize(ref)}"
      puts "  feedgen:  #{normalize(cand)}"
    end
  end
end
puts "agree #{agree}/#{total} exact #{exact}/#{total}"
