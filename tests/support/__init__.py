"""Test helpers shared by the test suites (a real HTTP server, …)."""
