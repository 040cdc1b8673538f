"""Production entry point: `gunicorn wsgi:app` (settings from the environment)."""

from rhi_assistant import create_app

app = create_app()
