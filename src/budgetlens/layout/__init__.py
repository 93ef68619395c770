"""The layout layer: what a grid's columns and rows hold, read from its header and its cells.

Nothing here knows a table kind. Column roles (``roles``) and the header reader (``header``)
give a role map; the row readers (``rows``) turn rows into indicator rows, score items, lines
of amounts and key–value pairs through it. Kinds (``tables/kinds.py``) are then told apart by
the roles their headers hold and filled by these same readers.
"""
