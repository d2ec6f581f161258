"""pleodesk: keeps a company's books in step with its Pleo spend account."""

__version__ = "0.1.0"
