# Which claims stand in the shipped map (sourced by scripts/main, which sets $argmap and
# $map): the numbers for a slide, the grounded labelling with the allegations that are
# answered but still stand, the same as JSON, and the diagram marked in/out/undecided.
# As of the chapter's date: the later record (later-record.yaml) is left out (docs/history.md).
"$argmap" stats "$map" --as-of 1937-01-03 -o output/stats.txt
"$argmap" analyse "$map" --as-of 1937-01-03 -o output/analysis.txt
"$argmap" analyse "$map" --as-of 1937-01-03 --format json -o output/grounded.json
"$argmap" render "$map" --as-of 1937-01-03 --labels grounded -o output/moscow-1936-labels.svg
