"""A reference GOV.UK-style form service for equality impact assessments (see README.md)."""
