"""Stand-in for the Public Administration Service Center's dossier database (SQLite).

One table ``dossiers`` (procedures, agencies, channel, deadlines, status, applicant personal
data), each row stamped with ``updated_at``; ``advance()`` moves the clock so dossiers arrive
and progress, for incremental extraction.
"""
