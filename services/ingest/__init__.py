"""carerouter.ingest"""
