"""The systeemkaart test suite; ``tests.strategies`` holds the shared hypothesis strategies."""
