"""carerouter.carerouter"""
