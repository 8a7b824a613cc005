"""The Qt shell: widgets that show the core's article, search and settings on screen."""
