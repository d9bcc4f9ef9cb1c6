"""What every source reader yields: paragraphs and tables, in document order."""

Row = list[str]
Table = list[Row]
# A paragraph's text, or a table as rows of cell texts (merged cells repeat their text).
Block = str | Table
