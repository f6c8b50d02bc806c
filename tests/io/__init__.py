"""Tests of reading and writing cases."""
