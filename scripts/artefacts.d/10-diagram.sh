# The argument diagram of the shipped map (sourced by scripts/main, which sets $argmap
# and $map): the SVG the README shows, a PNG for slides, and a Markdown page whose
# Mermaid flowchart GitHub draws. Same map, same bytes: nothing here depends on the time.
# As of the chapter's date: the later record (later-record.yaml) is left out (docs/history.md).
"$argmap" render "$map" --as-of 1937-01-03 -o output/moscow-1936.svg
"$argmap" render "$map" --as-of 1937-01-03 -o output/moscow-1936.png
"$argmap" render "$map" --as-of 1937-01-03 -o output/moscow-1936.md
