# The argument diagrams of the shipped map (sourced by scripts/main, which sets $argmap
# and $map): the overview the README shows (a box per line of argument), the full map as
# SVG and PNG, the timeline (time left to right, a band per party), an A4 PDF that prints
# with no text under 8 pt, and a Markdown page whose Mermaid flowchart GitHub draws.
# Same map, same bytes: nothing here depends on the time.
# As of the chapter's date: the later record (later-record.yaml) is left out (docs/history.md).
"$argmap" render "$map" --as-of 1937-01-03 --overview -o output/moscow-1936-overview.svg
"$argmap" render "$map" --as-of 1937-01-03 -o output/moscow-1936.svg
"$argmap" render "$map" --as-of 1937-01-03 -o output/moscow-1936.png
"$argmap" render "$map" --as-of 1937-01-03 --layout timeline -o output/moscow-1936-timeline.svg
"$argmap" render "$map" --as-of 1937-01-03 --paper a4 -o output/moscow-1936-a4.pdf
"$argmap" render "$map" --as-of 1937-01-03 -o output/moscow-1936.md
