# Debate prep for the shipped map: a role card per side and the teacher's lesson pack
# (PDF and Markdown), the full dossiers, and the HTML explorer
# (sourced by scripts/main, which sets $argmap and $map).
# As of the chapter's date: the later record (later-record.yaml) is left out (docs/history.md).
for side in trotsky prosecution; do
  "$argmap" debate "$map" --as-of 1937-01-03 --side "$side" -o "output/role-card-$side.pdf"
  "$argmap" debate "$map" --as-of 1937-01-03 --side "$side" -o "output/role-card-$side.md"
  "$argmap" debate "$map" --as-of 1937-01-03 --side "$side" --dossier -o "output/handout-$side.md"
done
"$argmap" debate "$map" --as-of 1937-01-03 --moderator -o output/lesson-pack.pdf
"$argmap" debate "$map" --as-of 1937-01-03 --moderator -o output/lesson-pack.md
"$argmap" debate "$map" --as-of 1937-01-03 --moderator --dossier -o output/moderator.md
"$argmap" render "$map" --as-of 1937-01-03 -o output/moscow-1936.html
