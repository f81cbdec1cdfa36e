# Debate prep for the shipped map: a role card per side and the teacher's lesson pack
# (PDF and Markdown), the full dossiers, and the HTML explorer
# (sourced by scripts/main, which sets $argmap and $map).
for side in trotsky prosecution; do
  "$argmap" debate "$map" --side "$side" -o "output/role-card-$side.pdf"
  "$argmap" debate "$map" --side "$side" -o "output/role-card-$side.md"
  "$argmap" debate "$map" --side "$side" --dossier -o "output/handout-$side.md"
done
"$argmap" debate "$map" --moderator -o output/lesson-pack.pdf
"$argmap" debate "$map" --moderator -o output/lesson-pack.md
"$argmap" debate "$map" --moderator --dossier -o output/moderator.md
"$argmap" render "$map" -o output/moscow-1936.html
