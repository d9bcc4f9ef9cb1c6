"""Reading the documents a council works with, starting with its yearly plan."""
