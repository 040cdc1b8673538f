"""Admin pages that hold no child's data (translations status)."""
