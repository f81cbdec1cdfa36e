"""Drawings of a map: a neutral Diagram, then DOT, Mermaid and the HTML explorer."""
