"""Quoting helpers: paths and names go into SQL text (DuckDB cannot bind them as parameters)."""

from __future__ import annotations


def literal(value: str) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def qualified(name: str) -> str:
    """``kpi.my_table`` -> ``"kpi"."my_table"`` (each part quoted)."""
    return ".".join(ident(part) for part in name.split("."))
