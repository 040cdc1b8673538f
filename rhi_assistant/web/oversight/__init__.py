"""Oversight: what waits for a manager's signature, the audit log, SERAF over time."""
