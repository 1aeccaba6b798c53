"""Plans as files and records: models, plan file, calendar, delivery, progress, caseload."""
