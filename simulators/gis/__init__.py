"""Stand-in for the provincial GIS department: GeoJSON layers and the 2025 area bridge."""
