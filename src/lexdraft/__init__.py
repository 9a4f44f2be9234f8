"""lexdraft: legislative drafting and treaty-conformance checking for offence provisions."""

__version__ = "0.1.0"
