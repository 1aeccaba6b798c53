"""Files on disk: TOML read with line numbers, located validation problems, atomic writes."""
