"""Large-print widgets that any screen may reuse."""
