"""Sphinx configuration of the lexdraft site: the drafts, their reports, the language and the specs."""

project = "lexdraft"
author = "the lexdraft drafters"
copyright = "lexdraft contributors"
language = "en"

extensions = ["myst_parser", "lexdraft.sphinx"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]

html_theme = "alabaster"
html_theme_options = {"page_width": "1240px", "sidebar_width": "230px", "body_max_width": "none"}
html_title = "lexdraft"
html_last_updated_fmt = None  # no build date on the pages: the same sources give the same site
