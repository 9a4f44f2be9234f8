"""The CI gate: drafts at a git revision against the working tree, the semantic diff, and its reports."""
