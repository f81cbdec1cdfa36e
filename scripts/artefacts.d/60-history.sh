# The map over time (sourced by scripts/main, which sets $argmap and $map): what the
# later record (later-record.yaml: the Commission of Inquiry, 1937; Trotsky's papers,
# published from 1980; the 1988 annulment) does to the map as it stood on the day
# Trotsky's chapter was written, as Markdown for GitHub; and the explorer of the
# whole map, whose time slider replays it claim by claim. See docs/history.md.
"$argmap" diff --as-of 1937-01-03 "$map" --format markdown -o output/moscow-1936-later-record.md
"$argmap" render "$map" -o output/moscow-1936-timeline.html
