"""A public, account-free way for a young person to ask for help (/help)."""
