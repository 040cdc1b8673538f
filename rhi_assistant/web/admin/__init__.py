"""Admin pages that hold no child's data: staff accounts and translation status."""
