"""The one mechanism every workflow uses: a transition table, permissions, history and audit.

A workflow is declared as data (`table.Workflow` with its `table.Action`s); `engine.transition`
is the only function that changes a workflow's state. Pages ask the same table which actions
to show (`Workflow.available`). See docs/architecture.md, "Adding a workflow".
"""
