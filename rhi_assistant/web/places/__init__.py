"""Places and children missing together: patterns across a team's children (issue 12)."""
