"""The treaty side: conformance specs as typed requirements, and the checker that gives verdicts."""
