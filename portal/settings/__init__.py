"""Settings package: ``base`` is shared; dev, test and production extend it."""
