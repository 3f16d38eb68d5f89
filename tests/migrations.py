"""Moving the test database between migrations, for the tests of a data migration."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    """Migrate to `targets` ([(app, migration), ...]), every app they do not name staying at
    its latest (or as far back as the targets take it: an app that depends on a named one,
    as `outcomes` does on `patients`, is unapplied with it); the apps (models) of that
    state, to write and read rows as they were."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    named = {app for app, _name in targets}
    executor.migrate(targets)
    graph = executor.loader.graph
    applied = set(executor.recorder.applied_migrations()) & set(graph.nodes)
    others = [
        node
        for node in applied
        if node[0] not in named
        and not any(
            child in applied for child in graph.node_map[node].children if child[0] == node[0]
        )
    ]
    return executor.loader.project_state([*others, *targets]).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()
