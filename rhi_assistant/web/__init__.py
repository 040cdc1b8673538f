"""The web layer: one blueprint per feature, and what every page shares.

Each feature package holds only ``routes.py`` and ``forms.py``: a route checks who
may see what (``access``), validates its form, calls a service in
``rhi_assistant.services`` and renders. No engine or service imports from here.
"""
