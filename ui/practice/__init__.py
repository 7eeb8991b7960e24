"""The learners' practice mode: the shell (entering, leaving, progress) and one widget per exercise kind."""
