"""A synthetic province for measuring Vinh Danh at a province's scale (`generate_province`).

`sizes` turns the command's flags into the sizes of every table (pure), `names` makes the
Vietnamese names and people (pure, deterministic), `tree` lays out the units and councils,
`writers` streams rows into the database (COPY on PostgreSQL, bulk_create elsewhere),
`generate` fills the tables in order and `replace` removes a province made before.
"""
