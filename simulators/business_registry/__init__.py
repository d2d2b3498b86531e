"""Stand-in for the Dept. of Planning and Investment's business registration database (SQLite).

Tables ``enterprises`` and ``enterprise_status_history``, each row stamped with ``updated_at``;
``advance()`` lets the registry live on so incremental extraction can be exercised.
"""
