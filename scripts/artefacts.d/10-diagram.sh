# The argument diagram of the shipped map (sourced by scripts/main, which sets $argmap
# and $map): the SVG the README shows, a PNG for slides, and a Markdown page whose
# Mermaid flowchart GitHub draws. Same map, same bytes: nothing here depends on the time.
"$argmap" render "$map" -o output/moscow-1936.svg
"$argmap" render "$map" -o output/moscow-1936.png
"$argmap" render "$map" -o output/moscow-1936.md
