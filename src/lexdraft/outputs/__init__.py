"""What a check produces for people and machines: text and JSON reports."""
