"""SVG rendering of laid-out drawings: genogram, systemogram, timeline (see svgdoc.py)."""
