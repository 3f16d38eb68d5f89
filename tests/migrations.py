"""Moving the test database between migrations, for the tests of a data migration."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    """Migrate to `targets` ([(app, migration), ...]), every app they do not name staying at
    its latest; the apps (models) of that state, to write and read rows as they were."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    named = {app for app, _name in targets}
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in named]
    executor.migrate(targets)
    return executor.loader.project_state([*others, *targets]).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()
