"""HTML pages: the session page of one case, its live view, the demo index and the overview
across many cases. Each page is a single self-contained file (inline SVG and CSS, no
network)."""
