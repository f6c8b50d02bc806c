"""SVG rendering of laid-out drawings (svgwrite): genogram, systemogram, timeline."""
