# The shipped map in the field's formats (sourced by scripts/main, which sets $argmap
# and $map): AIF JSON for AIFdb and OVA, Argdown, GraphML for yEd and Gephi, and
# networkx node-link JSON. Same map, same bytes.
# As of the chapter's date: the later record (later-record.yaml) is left out (docs/history.md).
"$argmap" export "$map" --as-of 1937-01-03 --to aif -o output/moscow-1936.aif.json
"$argmap" export "$map" --as-of 1937-01-03 --to argdown -o output/moscow-1936.argdown
"$argmap" export "$map" --as-of 1937-01-03 --to graphml -o output/moscow-1936.graphml
"$argmap" export "$map" --as-of 1937-01-03 --to json -o output/moscow-1936.json
