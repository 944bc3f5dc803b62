"""Helpers shared by test modules (imported as ``helpers.<module>``: tests/ is on sys.path).

Modules:
    window: a real window over a real sandbox, for the window tests.
    table_sandbox: a stand-in sandbox that walks the core's lifecycle tables.
    threads: ``Worker``, a job on a thread that a GUI test waits for.
    graph_view: a StateGraphView over a sandbox, for the graph tests.
"""
