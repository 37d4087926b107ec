"""HSDS 3.1 data exchange: the tabular data package export and its importer."""
