"""Taking children and missing episodes in from outside: name matching and the police's
notification files (shared/spec/police-notifications.md). Engines only: no Flask, no database;
services/intake.py applies what they read to a team's records."""
