# Debate prep for the shipped map: a handout for each side, the moderator's sheet,
# and the HTML explorer (sourced by scripts/main, which sets $argmap and $map).
"$argmap" debate "$map" --side trotsky -o output/handout-trotsky.md
"$argmap" debate "$map" --side prosecution -o output/handout-prosecution.md
"$argmap" debate "$map" --moderator -o output/moderator.md
"$argmap" render "$map" -o output/moscow-1936.html
