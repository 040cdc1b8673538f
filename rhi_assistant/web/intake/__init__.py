"""Manager pages for police notifications: upload with a preview, and the to-confirm list."""
