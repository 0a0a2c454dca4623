"""carerouter.classify"""
