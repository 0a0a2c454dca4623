"""carerouter.common"""
