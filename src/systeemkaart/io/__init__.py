"""Reading and writing cases: YAML/JSON, atomic writes, later GEDCOM, GraphML and DOT."""
