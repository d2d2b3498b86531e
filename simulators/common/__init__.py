"""Machinery shared by several stand-ins (as ``ingestion.common`` is for the connectors).

- ``areas``: districts (until 2025-06-30) and communes (from 2025-07-01) as departments print them;
- ``xlsx``: report tables laid out the way provincial offices do, saved reproducibly;
- ``http_stand_in``, ``versioned``, ``local_time``: a token-protected JSON API with injectable
  faults, records served by ``updated_since`` windows, Vietnam local time.

The CSV-drop stand-ins share ``simulators.csv_drop``. This package has no ``__main__``: it is
not a departmental system of its own.
"""
