"""What leaves the PC: summaries frozen in the outbox, in the same transaction as the
change they summarise (the transports and the coordinator's merge come next)."""
