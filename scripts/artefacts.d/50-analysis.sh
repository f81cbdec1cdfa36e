# Which claims stand in the shipped map (sourced by scripts/main, which sets $argmap and
# $map): the numbers for a slide, the grounded labelling with the allegations that are
# answered but still stand, the same as JSON, and the diagram marked in/out/undecided.
"$argmap" stats "$map" -o output/stats.txt
"$argmap" analyse "$map" -o output/analysis.txt
"$argmap" analyse "$map" --format json -o output/grounded.json
"$argmap" render "$map" --labels grounded -o output/moscow-1936-labels.svg
