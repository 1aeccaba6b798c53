"""hii-planner: plan, print and track modular one-to-one interventions."""

__version__ = "0.1.0"
