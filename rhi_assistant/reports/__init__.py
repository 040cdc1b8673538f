"""Printable documents: the intelligence-sharing summary and the trigger plan.

Plain Python (reportlab), no web framework: the web app fills in the dataclasses in
``data`` and gets PDF bytes back.
"""
