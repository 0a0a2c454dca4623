"""carerouter.route"""
