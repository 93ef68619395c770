"""Schema versions, kept by alembic: opening a database brings its schema up to this
version's, whatever it was made by.

A new database is built by running every migration from the first, so that there is one way
a schema comes to be; the first migration also converts a database of budgetlens's unversioned
SQLite schema (``PRAGMA user_version = 1``, text decimals, evidence as JSON) in place. A
database made by a newer budgetlens (a revision this one does not know) is refused rather than
touched.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from budgetlens.errors import InputError

SCRIPTS = Path(__file__).with_name("migrations")


def migrate(engine: Engine, create: bool) -> None:
    """Create or upgrade the schema of the database behind ``engine``, in one transaction."""
    with engine.begin() as connection:
        names = set(inspect(connection).get_table_names())
        config = Config()
        config.set_main_option("script_location", str(SCRIPTS))
        config.attributes["connection"] = connection
        if "alembic_version" in names:
            current = MigrationContext.configure(connection).get_current_revision()
            known = {
                script.revision for script in ScriptDirectory.from_config(config).walk_revisions()
            }
            if current not in known:
                raise InputError(f"made by a newer budgetlens (schema revision {current})")
        elif not names and not create:
            raise InputError("holds no budgetlens results")
        elif names and not unversioned(connection):
            raise InputError("not a budgetlens results database")
        command.upgrade(config, "head")


def unversioned(connection: Connection) -> bool:
    """Whether this is a database of the schema before migrations (SQLite only)."""
    if connection.dialect.name != "sqlite":
        return False
    version = connection.exec_driver_sql("PRAGMA user_version").scalar()
    return version == 1 and inspect(connection).has_table("documents")
