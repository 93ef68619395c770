"""alembic's entry point: migrations run on the connection ``migrate`` opened, inside its
transaction."""

from alembic import context

from budgetlens.batch.schema import metadata

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=metadata,
    render_as_batch=True,  # SQLite alters a table by copying it
)
with context.begin_transaction():
    context.run_migrations()
