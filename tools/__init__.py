"""Developer tools that are not part of the app (``make tour``)."""
