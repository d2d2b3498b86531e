"""Shared machinery of the CSV-drop stand-ins (health, ict, industry_trade, labour)."""
