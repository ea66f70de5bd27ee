# liquid_ref.rb: render one Liquid template with a JSON context through
# Ruby's Liquid (Debian's ruby-liquid), as Jekyll sets it up (error_mode
# warn, render! so an error fails). The reference of tests/liquid-diff.sh.
#
# Usage: ruby liquid_ref.rb TEMPLATE [CONTEXT.json]
require "json"
require "liquid"

Liquid::Template.error_mode = :warn
source = File.read(ARGV[0], mode: "rb", encoding: "UTF-8")
vars = ARGV[1] ? JSON.parse(File.read(ARGV[1])) : {}
begin
  template = Liquid::Template.parse(source, line_numbers: true)
  $stdout.write(template.render!(vars, strict_filters: false))
rescue Liquid::Error => e
  warn e.message
  exit 1
end
