# liquid_ref.rb: render one Liquid template with a JSON context through
# Ruby's Liquid (Debian's ruby-liquid), as Jekyll sets it up (error_mode
# warn, render! so an error fails); with --jekyll SITE, through Jekyll
# (Debian's jekyll): its tags and filters, SITE's _config.yml as `site`, no
# highlighter. The reference of tests/liquid-diff.sh.
#
# Usage: ruby liquid_ref.rb [--jekyll SITE] TEMPLATE [CONTEXT.json]
require "json"
require "liquid"

jekyll_site = nil
if ARGV[0] == "--jekyll"
  ARGV.shift
  require "jekyll"
  jekyll_site = Jekyll::Site.new(Jekyll.configuration(
    "source" => ARGV.shift, "quiet" => true, "highlighter" => "none"
  ))
end
Liquid::Template.error_mode = :warn
source = File.read(ARGV[0], mode: "rb", encoding: "UTF-8")
vars = ARGV[1] ? JSON.parse(File.read(ARGV[1])) : {}
registers = {}
if jekyll_site
  vars["site"] = jekyll_site.site_payload["site"]
  registers[:site] = jekyll_site
end
begin
  template = Liquid::Template.parse(source, line_numbers: true)
  $stdout.write(template.render!(vars, registers: registers, strict_filters: false))
rescue Liquid::Error, StandardError => e
  warn e.message
  exit 1
end
