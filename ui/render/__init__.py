"""PDF layout and printing of the documents the core describes, with Qt's own PDF writer."""
