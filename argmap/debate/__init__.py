"""The classroom debate kit: briefs per side, the moderator's pack, and their renderers."""
