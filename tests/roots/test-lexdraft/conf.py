# A site for the extension's tests; each test puts the drafts it needs under drafts/ before building.
extensions = ["lexdraft.sphinx"]
exclude_patterns = ["_build"]
