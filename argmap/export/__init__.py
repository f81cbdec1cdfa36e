"""Exporters: each turns a loaded map into text or bytes (``generate_x(map, ...)``)."""
