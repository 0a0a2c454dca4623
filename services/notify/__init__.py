"""carerouter.notify"""
