"""The module library: models, loading, checks, the prerequisite graph, listings and cache."""
