"""Qt widgets only: they display the content model and forward user actions to it."""
