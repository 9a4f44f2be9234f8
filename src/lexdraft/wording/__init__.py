"""The words lexdraft writes: numerals, citations, phrases, composed statute text and the Jinja environment."""
