"""The application's work on stored records, shared by pages, commands and tests.

A service reads and writes the database and asks the engines (``nlp``,
``protocol``, ``seraf``, ``flows``, ``reports``) for their answers; it never
touches a request, a form or a template, so the same rule holds for a form
post, an autosave, an import and a test.
"""
