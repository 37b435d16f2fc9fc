"""Formatters: verdicts to text, JSON, GitHub annotations and SARIF. No printing here."""
