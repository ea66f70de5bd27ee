# liquid_ref.rb: render one Liquid template with a JSON context through
# Ruby's Liquid (Debian's ruby-liquid), as Jekyll sets it up (error_mode
# warn, render! so an error fails); with --jekyll SITE, through Jekyll
# (Debian's jekyll): its tags and filters, SITE's _config.yml as `site`, no
# highlighter. The reference of tests/liquid-diff.sh.
#
# Usage: ruby liquid_ref.rb [--jekyll SITE] TEMPLATE [CONTEXT.json]
#        ruby liquid_ref.rb --jsonl CASES.jsonl
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

# --jsonl FILE: one {"template", "vars"} object a line; prints one
# {"rc", "out"} line each (rc 1 and no output for an error).
if ARGV[0] == "--jsonl"
  File.foreach(ARGV[1], encoding: "UTF-8") do |line|
    c = JSON.parse(line)
    begin
      out = Liquid::Template.parse(c["template"], line_numbers: true)
                            .render!(c["vars"], strict_filters: false)
      puts JSON.generate({ "rc" => 0, "out" => out })
    rescue Liquid::Error, StandardError
      puts JSON.generate({ "rc" => 1, "out" => "" })
    end
  end
  exit 0
end
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
