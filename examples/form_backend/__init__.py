"""A worked example: a form backend on psed with the standard library only (see README.md)."""
