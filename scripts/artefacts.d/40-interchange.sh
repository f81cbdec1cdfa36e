# The shipped map in the field's formats (sourced by scripts/main, which sets $argmap
# and $map): AIF JSON for AIFdb and OVA, Argdown, GraphML for yEd and Gephi, and
# networkx node-link JSON. Same map, same bytes.
"$argmap" export "$map" --to aif -o output/moscow-1936.aif.json
"$argmap" export "$map" --to argdown -o output/moscow-1936.argdown
"$argmap" export "$map" --to graphml -o output/moscow-1936.graphml
"$argmap" export "$map" --to json -o output/moscow-1936.json
