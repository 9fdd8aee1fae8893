"""The app's screens, one per module: the story list, the comparison, help and dialogs."""
