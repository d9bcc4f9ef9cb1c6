"""A test-only app: a small model moved by a small workflow, to test the engine on its own.

Installed by vinhdanh.settings_test only.
"""
