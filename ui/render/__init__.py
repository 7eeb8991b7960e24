"""PDF layout and printing of the documents the core describes (Qt\x27s own PDF writer)."""
