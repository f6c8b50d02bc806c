"""The work behind the heavier CLI commands, kept out of :mod:`systeemkaart.cli` so the command
group stays thin and each module is imported only when its command runs.

These modules may use click (progress bars, usage errors); the library below them never does.
"""
