"""Planning: the request, selection with reasons, ordering, the planner, explain, replan."""
