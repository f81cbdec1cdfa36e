"""Loading claim files: text decoding, YAML events to a positioned tree, a fast path for
plain valid files, and the build of the map with its schema checks."""
